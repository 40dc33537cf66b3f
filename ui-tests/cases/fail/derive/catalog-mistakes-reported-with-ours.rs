// rustc's checks of the catalog entries still run when the derive has mistakes of its
// own: one compile reports the unknown entry, the contradicting status and the typo.
use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
            ORDER_LOCKED = 423 { title: "Order locked" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum OrderError {
    #[problem(ORDER_NOT_FUOND)]
    NotFound,
    #[problem(ORDER_LOCKED, status = 409)]
    Locked,
    #[problem(ORDER_LOCKED, detial = "locked")]
    Busy,
}

fn main() {}
