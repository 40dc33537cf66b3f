problem_codes::error_catalog! {
    pub catalog Shop {
        sectoin "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
