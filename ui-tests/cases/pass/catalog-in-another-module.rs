mod catalogs {
    problem_codes::error_catalog! {
        /// The shop's codes.
        pub catalog Shop {
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not found" },
            }
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined", handling: "Ask for another card" },
            }
        }
    }
}

mod service {
    use problem_codes::ProblemCode;

    #[derive(Debug, ProblemCode)]
    #[problem(catalog = crate::catalogs::Shop)]
    pub enum CheckoutError {
        #[problem(PAYMENT_DECLINED)]
        Declined,
        #[problem(crate::catalogs::Shop::ORDER_NOT_FOUND)]
        NoOrder,
    }
}

use problem_codes::ProblemCode;

fn main() {
    assert_eq!(service::CheckoutError::Declined.code(), "PAYMENT_DECLINED");
    assert_eq!(service::CheckoutError::NoOrder.status(), 404);
}
