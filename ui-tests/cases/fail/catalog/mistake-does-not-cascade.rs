// A mistake in the catalog is reported once: the services that use the catalog
// compile against what it declares, so they add no errors of their own.
use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found", handlign: "Show not found" },
            ORDER_LOCKED = 423 { title: "Order locked" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum OrderError {
    #[problem(ORDER_NOT_FOUND, status = 404)]
    NotFound,
    #[problem(ORDER_LOCKED)]
    Locked,
}

fn main() {
    let _ = OrderError::NotFound.status();
    let _ = Shop::ORDER_LOCKED.entry();
}
