//! Catalogs compile silent under every lint a strict library may deny: rustc's lint
//! groups, the allow-by-default lints such a crate enables, and clippy's `all`,
//! `pedantic`, `nursery` and `cargo` (the `problem-codes-lint-cases` crate runs clippy
//! on this file). Public, `pub(crate)` and private catalogs, composed ones, deprecated
//! codes, members, framing, and locales of a public and of a composed `pub(crate)` one.
#![deny(
    warnings,
    future_incompatible,
    keyword_idents,
    let_underscore,
    nonstandard_style,
    refining_impl_trait,
    rust_2018_compatibility,
    rust_2018_idioms,
    rust_2021_compatibility,
    rust_2024_compatibility,
    unused,
    absolute_paths_not_starting_with_crate,
    deprecated_safe,
    elided_lifetimes_in_paths,
    explicit_outlives_requirements,
    ffi_unwind_calls,
    impl_trait_redundant_captures,
    let_underscore_drop,
    macro_use_extern_crate,
    meta_variable_misuse,
    missing_copy_implementations,
    missing_debug_implementations,
    missing_docs,
    missing_unsafe_on_extern,
    non_ascii_idents,
    redundant_imports,
    redundant_lifetimes,
    single_use_lifetimes,
    trivial_casts,
    trivial_numeric_casts,
    unit_bindings,
    unnameable_types,
    unreachable_pub,
    unsafe_code,
    unstable_features,
    unused_import_braces,
    unused_lifetimes,
    unused_macro_rules,
    unused_qualifications,
    unused_results,
    variant_size_differences,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::cargo
)]

use problem_codes::{Catalog, ProblemCode};

problem_codes::error_catalog! {
    /// # Shop error codes
    ///
    /// The codes of the shop.
    pub catalog Orders {
        type_base = "https://shop.example/problems/";
        /// Orders and their lifecycle.
        section "Orders" {
            /// The order id is unknown.
            ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not found" },
            ORDER_LOCKED = 423 {
                title: "Order locked",
                members: {
                    /// Seconds until the lock ends.
                    retry_after?: integer,
                    /// Who holds the lock.
                    holder: string,
                    tags: [string],
                    limits: {number},
                    flag?: boolean,
                    errors?: errors,
                },
            },
            ORDER_GONE = 410 { title: "Order gone", deprecated: "ORDER_NOT_FOUND" },
            ORDER_OLD = 400 { title: "Old order failure", deprecated: true },
        }
        /// Additive changes only.
    }

    /// Payment codes, for this crate only.
    pub(crate) catalog Payments {
        section "Payments" {
            PAYMENT_DECLINED = 402 { title: "Card declined" },
        }
    }
}

/// Codes of a module that keeps them to itself.
mod private {
    problem_codes::error_catalog! {
        /// Private codes.
        catalog Internal {
            section "Internal" {
                INTERNAL_BROKEN = 500 { title: "Broken", deprecated: true },
            }
        }
    }

    // A private catalog is usable in its module.
    const _: () = assert!(<Internal as problem_codes::Catalog>::ALL.len() == 1);
}

problem_codes::error_catalog! {
    /// Every public code of the shop.
    pub catalog Shop = Orders {
        /// Composed closing text.
    }

    /// Every code, for this crate only.
    pub(crate) catalog Everything = Shop + Payments;
}

problem_codes::catalog_locale! {
    /// The order codes in German.
    pub locale ORDERS_DE for Orders = "de" {
        ORDER_NOT_FOUND { title: "Bestellung nicht gefunden", handling: "Nicht gefunden zeigen" },
        ORDER_LOCKED { title: "Bestellung gesperrt", detail: "Gesperrt von {holder}" },
        ORDER_GONE { title: "Bestellung entfernt" },
        ORDER_OLD { title: "Alter Fehler" },
    }
}

problem_codes::catalog_locale! {
    /// Every code in French, for this crate only.
    pub(crate) locale EVERYTHING_FR for Everything = "fr" {
        ORDER_NOT_FOUND { title: "Commande introuvable" },
        ORDER_LOCKED { title: "Commande verrouillée" },
        ORDER_GONE { title: "Commande supprimée" },
        ORDER_OLD { title: "Ancienne erreur" },
        PAYMENT_DECLINED { title: "Carte refusée" },
    }
}

fn main() {
    assert_eq!(ORDERS_DE.tag(), "de");
    assert_eq!(EVERYTHING_FR.entries().len(), 5);
    assert_eq!(Orders::ALL.len(), 4);
    assert_eq!(Payments::PAYMENT_DECLINED.status(), 402);
    assert_eq!(
        Everything::from_code("PAYMENT_DECLINED"),
        Some(Everything::Payments(Payments::PAYMENT_DECLINED))
    );
    assert_eq!(
        Shop::from_code("ORDER_LOCKED"),
        Some(Shop::Orders(Orders::ORDER_LOCKED))
    );
    assert_eq!(Everything::ALL.len(), 5);
    assert_eq!(Orders::FRAMING.title(), Some("Shop error codes"));
    assert_eq!(
        "ORDER_NOT_FOUND".parse::<Orders>().ok(),
        Some(Orders::ORDER_NOT_FOUND)
    );
}
