use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404,
            ORDER_GONE = 410 { title: "Order gone" },
        }
    }
}

fn main() {}
