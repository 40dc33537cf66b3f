#[problem(catalog = Shop)]
enum E {
    #[problem(ORDER_NOT_FOUND, status = 404, detail = "no order {0}")]
    A(u64),
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked")]
    B { #[problem(retry_after)] s: u64, #[problem(extension)] until: String },
    #[problem(transparent)]
    C(Inner),
}