problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_CREATED = 201 { title: "Order created" },
        }
    }
}

fn main() {}
