// What the catalog DSL accepts: docs on catalogs, sections and codes; `handling`
// optional; fields in any order; trailing commas or none; several catalogs in one
// call; `skip_impl`; a composed catalog with `crate` and `skip_impl` settings.
use problem_codes::{Catalog, ProblemCode};

mod reexport {
    pub use problem_codes::*;
}

problem_codes::error_catalog! {
    /// Codes of the order service.
    pub catalog Orders {
        /// Orders and their lifecycle.
        section "Orders" {
            /// The order id is unknown.
            ORDER_NOT_FOUND = 404 { handling: "Show not found", title: "Order not found" },
            ORDER_LOCKED = 423 { title: "Order locked" }
        }
        type_base = "https://shop.example/problems/";
        skip_impl(axum, actix_web);
    }

    pub(crate) catalog Payments {
        section "Payments" { PAYMENT_DECLINED = 402 { title: "Card declined", } }
        section "Refunds" { REFUND_TOO_LATE = 422 { title: "Refund window closed" }, }
    }
}

problem_codes::error_catalog! {
    /// Every code of the shop.
    pub(crate) catalog Shop = Orders + Payments {
        crate = "crate::reexport";
        skip_impl(utoipa);
    }
}

fn main() {
    assert_eq!(Orders::ALL, [Orders::ORDER_NOT_FOUND, Orders::ORDER_LOCKED]);
    assert_eq!(Orders::ORDER_LOCKED.entry().handling(), "");
    assert_eq!(Orders::ORDER_NOT_FOUND.type_uri(), "https://shop.example/problems/order-not-found");
    assert_eq!(Payments::SECTIONS.len(), 2);
    assert_eq!(Shop::ALL.len(), 4);
    assert_eq!(Shop::from_code("REFUND_TOO_LATE"), Some(Shop::Payments(Payments::REFUND_TOO_LATE)));
}
