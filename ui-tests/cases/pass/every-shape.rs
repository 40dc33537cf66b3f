// Every shape the derive supports: unit, tuple and struct variants; unit, tuple and
// named structs; catalog entries bare and qualified; inline codes with every key;
// detail formats; extension members; `Retry-After` from every accepted type;
// `transparent`.
use std::time::Duration;

use problem_codes::{error_catalog, ProblemCode};
use serde_json::{json, Value};

error_catalog! {
    pub catalog Shop {
        type_base = "https://shop.example/problems/";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not found" },
            ORDER_LOCKED = 423 { title: "Order locked", members: { retry_after?: integer } },
        }
    }
}

fn body(problem: &impl ProblemCode) -> Value {
    serde_json::from_slice(&problem.to_json()).unwrap()
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = Shop, type_base = "https://pay.example/p/", section = "Payments")]
enum PaymentError {
    // A bare entry, resolved in `catalog`.
    #[problem(ORDER_NOT_FOUND)]
    NoOrder,
    // A qualified entry, with the status it asserts and a detail.
    #[problem(Shop::ORDER_LOCKED, status = 423, detail = "order {0} is locked ({1:?})")]
    Locked(u64, &'static str),
    // An inline code with every key.
    #[problem(
        code = "PAYMENT_DECLINED",
        status = 402,
        title = "Card declined",
        handling = "Ask for another card",
        type = "https://pay.example/declined",
        detail = "declined by {{issuer}} {issuer}"
    )]
    Declined {
        issuer: String,
        #[problem(extension)]
        attempts: u32,
        #[problem(extension = "cardBrand")]
        brand: Option<String>,
        #[problem(retry_after)]
        wait: Duration,
    },
    // Inline, without a type: `type_base` and the slug.
    #[problem(code = "PAYMENT_THROTTLED", status = 429, title = "Too many payments")]
    Throttled(#[problem(retry_after)] Option<u64>, #[problem(extension = "limit")] u8),
    #[problem(transparent)]
    Card(CardError),
}

#[derive(Debug, ProblemCode)]
#[problem(skip_impl(axum, actix_web, utoipa), code = "CARD_EXPIRED", status = 422, title = "Card expired", detail = "expired in {0}")]
struct CardError(u16);

#[derive(Debug, ProblemCode)]
#[problem(catalog = Shop, ORDER_LOCKED, detail = "locked until {until}")]
struct Locked {
    until: String,
    #[problem(retry_after)]
    seconds: u32,
}

#[derive(Debug, ProblemCode)]
#[problem(Shop::ORDER_NOT_FOUND)]
struct NotFound;

fn main() {
    assert_eq!(PaymentError::NoOrder.status(), 404);
    assert_eq!(PaymentError::NoOrder.type_uri(), "https://shop.example/problems/order-not-found");
    assert_eq!(
        PaymentError::Locked(7, "audit").detail().as_deref(),
        Some("order 7 is locked (\"audit\")")
    );

    let declined = PaymentError::Declined {
        issuer: "acme".into(),
        attempts: 3,
        brand: None,
        wait: Duration::from_secs(90),
    };
    assert_eq!(
        body(&declined),
        json!({
            "type": "https://pay.example/declined",
            "title": "Card declined",
            "status": 402,
            "detail": "declined by {issuer} acme",
            "code": "PAYMENT_DECLINED",
            "attempts": 3,
            "retry_after": 90,
        })
    );
    assert_eq!(declined.retry_after(), Some(90));

    let throttled = PaymentError::Throttled(None, 5);
    assert_eq!(throttled.type_uri(), "https://pay.example/p/payment-throttled");
    assert_eq!(throttled.retry_after(), None);
    assert_eq!(body(&throttled)["limit"], 5);

    let card = PaymentError::Card(CardError(2024));
    assert_eq!(card.code(), "CARD_EXPIRED");
    assert_eq!(card.detail().as_deref(), Some("expired in 2024"));

    let locked = Locked { until: "noon".into(), seconds: 30 };
    assert_eq!((locked.code(), locked.retry_after()), ("ORDER_LOCKED", Some(30)));
    assert_eq!(NotFound.title(), "Order not found");
}
