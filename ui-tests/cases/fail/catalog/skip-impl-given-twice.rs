use problem_codes::error_catalog;

error_catalog! {
    pub catalog Shop {
        skip_impl(axum);
        skip_impl(utoipa);
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

fn main() {}
