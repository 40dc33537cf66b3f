problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
