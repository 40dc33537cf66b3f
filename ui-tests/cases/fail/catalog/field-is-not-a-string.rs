problem_codes::error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: 404 },
        }
    }
}

fn main() {}
