#[problem(catalog = Shop, type_base = "https://pay.example/p/", section = "Payments", crate = "::problem_codes")]
enum PaymentError {
    #[problem(ORDER_NOT_FOUND)]
    NoOrder,
    #[problem(Shop::ORDER_LOCKED, status = 423, detail = "order {0} is locked ({1:?})")]
    Locked(u64, &'static str),
    #[problem(code = "PAYMENT_DECLINED", status = 402, title = "Card declined", handling = "Ask for another card", type = "https://pay.example/declined", detail = "declined by {{issuer}} {issuer}")]
    Declined { issuer: String, #[problem(extension)] attempts: u32, #[problem(extension = "cardBrand")] brand: Option<String>, #[problem(retry_after)] wait: Duration },
    #[problem(code = "PAYMENT_THROTTLED", status = 429, title = "Too many payments")]
    Throttled(#[problem(retry_after)] Option<u64>, #[problem(extension = "limit")] u8),
    #[problem(transparent)]
    Card(CardError),
}