problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_V2 = 404 { meaning: "Order not found" },
            ORDER_V_2 = 410 { meaning: "Order deleted" },
        }
    }
}

fn main() {}
