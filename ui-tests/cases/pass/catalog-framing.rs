//! The document's framing, read from a catalog's doc comments, for a defined and a
//! composed catalog alike.

use problem_codes::{Catalog, Framing};

mod a {
    problem_codes::error_catalog! {
        /// # Orders
        pub catalog Orders {
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found" },
            }
        }
    }
}

mod b {
    problem_codes::error_catalog! {
        /// Payment codes, without a title.
        ///
        /// Map them on `code`.
        pub catalog Payments {
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined" },
            }
            /// Additive changes only.
        }
    }
}

problem_codes::error_catalog! {
    pub catalog Plain {
        section "Plain" {
            PLAIN_GONE = 410 { title: "Gone" },
        }
        /// - Closing text alone.
        ///   Indented once more.
    }

    /// # Shop
    ///
    /// Every code of the shop.
    pub catalog Shop = a::Orders + b::Payments {
        /// Compatibility strategy:
        ///
        /// - Additive changes only.
    }
}

fn main() {
    assert_eq!(a::Orders::FRAMING, Framing::NONE.with_title("Orders"));
    assert_eq!(
        b::Payments::FRAMING,
        Framing::NONE
            .with_preamble("Payment codes, without a title.\n\nMap them on `code`.")
            .with_closing("Additive changes only.")
    );
    assert_eq!(
        Plain::FRAMING,
        Framing::NONE.with_closing("- Closing text alone.\n  Indented once more.")
    );
    assert_eq!(
        Shop::FRAMING,
        Framing::NONE
            .with_title("Shop")
            .with_preamble("Every code of the shop.")
            .with_closing("Compatibility strategy:\n\n- Additive changes only.")
    );
}
