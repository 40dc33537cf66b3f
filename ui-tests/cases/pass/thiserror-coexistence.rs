// `thiserror::Error` and `ProblemCode` on one enum: each reads only its own attributes,
// and `#[source]`, `#[from]` and `#[error(transparent)]` keep working beside ours.
use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
            STORAGE_FAILED = 502 { title: "Storage failed" },
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("disk {0} is full")]
struct DiskError(&'static str);

#[derive(Debug, thiserror::Error, ProblemCode)]
#[error("payment declined")]
#[problem(code = "PAYMENT_DECLINED", status = 402, title = "Card declined")]
struct Declined;

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Shop)]
enum OrderError {
    #[error("order {0} not found")]
    #[problem(ORDER_NOT_FOUND, detail = "no order {0}")]
    NotFound(u64),
    #[error("storage failed")]
    #[problem(STORAGE_FAILED)]
    Storage(#[from] DiskError),
    #[error(transparent)]
    #[problem(transparent)]
    Payment(#[from] Declined),
}

fn main() {
    let err = OrderError::from(DiskError("d1"));
    assert_eq!(err.to_string(), "storage failed");
    assert_eq!(err.code(), "STORAGE_FAILED");
    // The source's text never reaches the wire.
    assert_eq!(err.detail(), None);
    assert!(std::error::Error::source(&err).is_some());

    let err = OrderError::NotFound(7);
    assert_eq!((err.to_string(), err.detail()), ("order 7 not found".into(), Some("no order 7".into())));

    let err = OrderError::from(Declined);
    assert_eq!((err.to_string(), err.status().as_u16()), ("payment declined".into(), 402));
}
