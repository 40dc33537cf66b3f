problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = NOT_FOUND { title: "Order not found" },
        }
    }
}

fn main() {}
