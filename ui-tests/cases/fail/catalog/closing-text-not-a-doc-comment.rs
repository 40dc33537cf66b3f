problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
        /// Additive changes only.
        #[allow(dead_code)]
    }
}

fn main() {}
