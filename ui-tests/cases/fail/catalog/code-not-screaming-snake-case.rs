problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            orderNotFound = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
