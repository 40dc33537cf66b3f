problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_V2 = 404 { title: "Order not found" },
            ORDER_V_2 = 410 { title: "Order deleted" },
        }
    }
}

fn main() {}
