pub(crate) catalog Payments {
    section "Payments" { PAYMENT_DECLINED = 402 { title: "Card declined", } }
    section "Refunds" { REFUND_TOO_LATE = 422 { title: "Refund window closed" }, }
}
catalog Shop = Orders + Payments;