//! Both macros' type URIs start with the runtime's `DEFAULT_TYPE_BASE` when no
//! `type_base` is given: the macros crate keeps its own copy of it.

use problem_codes::{DEFAULT_TYPE_BASE, ProblemCode};

problem_codes::error_catalog! {
    pub catalog Orders {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
        }
    }
}

#[derive(ProblemCode)]
enum Checkout {
    #[problem(code = "CHECKOUT_EMPTY", status = 422, title = "Cart is empty")]
    Empty,
}

fn main() {
    assert_eq!(Orders::type_base(), DEFAULT_TYPE_BASE);
    assert_eq!(
        Orders::ORDER_NOT_FOUND.entry().type_uri(),
        format!("{DEFAULT_TYPE_BASE}order-not-found")
    );
    assert_eq!(
        Checkout::Empty.entry().type_uri(),
        format!("{DEFAULT_TYPE_BASE}checkout-empty")
    );
}
