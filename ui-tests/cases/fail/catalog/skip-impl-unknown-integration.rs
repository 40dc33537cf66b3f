use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        skip_impl(axum, actix);
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
