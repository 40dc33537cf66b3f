problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            NOT_FOUND = 404 { meaning: "Order not found" },
        }
        section "Payments" {
            NOT_FOUND = 404 { meaning: "Payment not found" },
        }
    }
}

fn main() {}
