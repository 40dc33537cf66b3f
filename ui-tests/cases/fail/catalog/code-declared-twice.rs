problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
            ORDER_NOT_FOUND = 410 { title: "Order deleted" },
        }
    }
}

fn main() {}
