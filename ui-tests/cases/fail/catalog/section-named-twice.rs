problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { meaning: "Order not found" },
        }
        section "Orders" {
            ORDER_DELETED = 410 { meaning: "Order deleted" },
        }
    }
}

fn main() {}
