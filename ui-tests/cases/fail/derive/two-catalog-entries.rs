use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
            ORDER_DELETED = 410 { title: "Order deleted" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum ApiError {
    #[problem(ORDER_NOT_FOUND, ORDER_DELETED)]
    NotFound,
}

fn main() {}
