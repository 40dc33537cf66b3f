problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            404_ORDER = 404 { meaning: "Order not found" },
        }
    }
}

fn main() {}
