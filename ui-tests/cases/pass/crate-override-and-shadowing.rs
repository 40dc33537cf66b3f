// Generated code names only absolute paths: a local module that shadows the crate's
// name changes nothing, and `crate = "…"` reaches the runtime through a re-export.

mod reexport {
    pub use problem_codes::*;
}

#[allow(dead_code)]
mod problem_codes {}
#[allow(dead_code)]
mod core {}

use ::problem_codes::ProblemCode as _;

::problem_codes::error_catalog! {
    pub catalog Shop {
        crate = "crate::reexport";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

#[derive(Debug, ::problem_codes::ProblemCode)]
#[problem(crate = "crate::reexport", catalog = Shop)]
enum OrderError {
    #[problem(ORDER_NOT_FOUND, detail = "order {0}")]
    Missing(u64),
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked {
        #[problem(extension)]
        until: String,
        #[problem(retry_after)]
        seconds: u32,
    },
}

fn main() {
    assert_eq!(OrderError::Missing(7).status(), 404);
    let locked = OrderError::Locked { until: "noon".into(), seconds: 5 };
    assert_eq!(locked.retry_after(), Some(5));
}
