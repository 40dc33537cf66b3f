problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            orderNotFound = 404 { meaning: "Order not found" },
        }
    }
}

fn main() {}
