problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 600 { title: "Order not found" },
        }
    }
}

fn main() {}
