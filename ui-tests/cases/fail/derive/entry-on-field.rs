use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum ApiError {
    NotFound {
        #[problem(ORDER_NOT_FOUND)]
        id: u64,
    },
}

fn main() {}
