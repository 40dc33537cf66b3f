problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_CREATED = 201 { meaning: "Order created" },
        }
    }
}

fn main() {}
