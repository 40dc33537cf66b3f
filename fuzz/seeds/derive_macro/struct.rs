#[problem(code = "CARD_EXPIRED", status = 422, title = "Card expired", detail = "expired in {0:>8} {0:#x}")]
struct CardError(u16);