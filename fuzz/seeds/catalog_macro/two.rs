pub(crate) catalog Payments {
    section "Payments" { PAYMENT_DECLINED = 402 { meaning: "Card declined", } }
    section "Refunds" { REFUND_TOO_LATE = 422 { meaning: "Refund window closed" }, }
}
catalog Shop = Orders + Payments;