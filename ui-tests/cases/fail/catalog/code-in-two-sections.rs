problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            NOT_FOUND = 404 { title: "Order not found" },
        }
        section "Payments" {
            NOT_FOUND = 404 { title: "Payment not found" },
        }
    }
}

fn main() {}
