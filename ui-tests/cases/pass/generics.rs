// Generic inputs: bounds are inferred only for the roles the fields play (a detail
// needs `Display` or `Debug`, an extension `Serialize`, a transparent field
// `ProblemCode`), and the user's own bounds and lifetimes are kept.
use std::fmt::Debug;

use problem_codes::ProblemCode;

#[derive(Debug, ProblemCode)]
enum StoreError<'a, K, V: Clone, E>
where
    K: Debug,
{
    #[problem(code = "KEY_MISSING", status = 404, title = "Key missing", detail = "no key {0:?}")]
    Missing(K),
    #[problem(code = "VALUE_REJECTED", status = 422, title = "Value rejected", detail = "{reason}")]
    Rejected {
        reason: &'a str,
        #[problem(extension)]
        value: V,
    },
    #[problem(transparent)]
    Inner(E),
}

#[derive(Debug, ProblemCode)]
#[problem(code = "DISK_FULL", status = 507, title = "Disk full")]
struct DiskFull;

// Neither `Display` nor `Serialize`: fine as `K`, whose only role is `{0:?}`.
#[derive(Debug)]
struct Opaque;

fn main() {
    let missing: StoreError<'_, Opaque, u32, DiskFull> = StoreError::Missing(Opaque);
    assert_eq!(missing.detail().as_deref(), Some("no key Opaque"));

    let rejected: StoreError<'_, u8, u32, DiskFull> = StoreError::Rejected { reason: "too big", value: 7 };
    assert_eq!(rejected.status(), 422);

    let inner: StoreError<'_, u8, u32, DiskFull> = StoreError::Inner(DiskFull);
    assert_eq!(inner.code(), "DISK_FULL");
}
