use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show a not-found page" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND", status = 410, title = "Order gone")]
    Gone,
    #[problem(code = "ORDER_ARCHIVED", status = 410, title = "Order archived")]
    Archived,
}

fn main() {}
