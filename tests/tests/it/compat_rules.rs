//! The compatibility gate, rule by rule, on real before/after pairs of catalogs.

use problem_codes::Lifecycle;
use problem_codes_contract::Registry;
use problem_codes_contract::compat::{Finding, Verdict, check};

/// The catalog as committed in the snapshot.
mod before {
    problem_codes::error_catalog! {
        pub catalog Shop {
            type_base = "https://errors.shop.example/";
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not-found page" },
                ORDER_LOCKED = 409 { title: "Order is being paid", handling: "Wait and reload" },
            }
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined", handling: "Ask for another card" },
            }
        }
    }
}

/// The catalog after a code was deleted.
mod removed {
    problem_codes::error_catalog! {
        pub catalog Shop {
            type_base = "https://errors.shop.example/";
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not-found page" },
            }
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined", handling: "Ask for another card" },
            }
        }
    }
}

/// A status changed, a code moved section, a meaning changed.
mod edited {
    problem_codes::error_catalog! {
        pub catalog Shop {
            type_base = "https://errors.shop.example/";
            section "Orders" {
                ORDER_NOT_FOUND = 410 { title: "Order not found", handling: "Show not-found page" },
            }
            section "Payments" {
                ORDER_LOCKED = 409 { title: "Order is being paid", handling: "Wait and reload" },
                PAYMENT_DECLINED = 402 { title: "Payment refused", handling: "Ask for another card" },
            }
        }
    }
}

/// Only additive changes: a handling rewritten, a code deprecated, a code added.
mod additive {
    problem_codes::error_catalog! {
        pub catalog Shop {
            type_base = "https://errors.shop.example/";
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not-found page with search" },
                ORDER_LOCKED = 409 { title: "Order is being paid", handling: "Wait and reload", deprecated: "ORDER_BUSY" },
                ORDER_BUSY = 409 { title: "Order is busy", handling: "Wait and reload" },
            }
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined", handling: "Ask for another card" },
            }
        }
    }
}

/// The catalog moved to another type base.
mod rehosted {
    problem_codes::error_catalog! {
        pub catalog Shop {
            type_base = "https://docs.shop.example/errors/";
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not-found page" },
                ORDER_LOCKED = 409 { title: "Order is being paid", handling: "Wait and reload" },
            }
            section "Payments" {
                PAYMENT_DECLINED = 402 { title: "Card declined", handling: "Ask for another card" },
            }
        }
    }
}

fn findings<A: problem_codes::Catalog, B: problem_codes::Catalog>() -> Vec<Finding> {
    check(&Registry::of::<A>(), &Registry::of::<B>())
}

fn lines(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| format!("{:?}: {f}", f.verdict()))
        .collect()
}

#[test]
fn an_unchanged_catalog_has_no_findings() {
    assert_eq!(findings::<before::Shop, before::Shop>(), []);
}

#[test]
fn a_removed_code_is_refused() {
    let found = findings::<before::Shop, removed::Shop>();
    assert_eq!(
        found,
        [Finding::Removed {
            code: "ORDER_LOCKED".into(),
            status: 409,
            title: "Order is being paid".into()
        }]
    );
    assert_eq!(
        lines(&found),
        [
            "Refused: ORDER_LOCKED was removed (was 409 \"Order is being paid\"); codes are never deleted: restore it and mark it `deprecated`"
        ]
    );
}

#[test]
fn status_section_and_meaning_changes_are_refused() {
    let found = findings::<before::Shop, edited::Shop>();
    assert_eq!(
        lines(&found),
        [
            "Refused: ORDER_NOT_FOUND changed status from 404 to 410",
            "Refused: ORDER_LOCKED moved from section \"Orders\" to \"Payments\"",
            "Refused: PAYMENT_DECLINED changed meaning from \"Card declined\" to \"Payment refused\"",
        ]
    );
}

#[test]
fn handling_deprecation_and_additions_are_allowed() {
    let found = findings::<before::Shop, additive::Shop>();
    assert_eq!(
        lines(&found),
        [
            "Allowed: ORDER_NOT_FOUND changed handling from \"Show not-found page\" to \"Show not-found page with search\"",
            "Allowed: ORDER_LOCKED went from active to deprecated (use ORDER_BUSY)",
            "Allowed: ORDER_BUSY was added (409 \"Order is busy\")",
        ]
    );
    assert!(found.iter().all(|f| f.verdict() == Verdict::Allowed));
}

#[test]
fn a_new_type_uri_is_refused() {
    let found = findings::<before::Shop, rehosted::Shop>();
    assert_eq!(found.len(), 3);
    assert_eq!(
        found[0],
        Finding::TypeChanged {
            code: "ORDER_NOT_FOUND".into(),
            from: "https://errors.shop.example/order-not-found".into(),
            to: "https://docs.shop.example/errors/order-not-found".into(),
        }
    );
    assert!(found.iter().all(|f| f.verdict() == Verdict::Refused));
}

#[test]
fn going_back_is_checked_the_other_way() {
    // Undoing the additive change removes ORDER_BUSY: refused.
    let found = findings::<additive::Shop, before::Shop>();
    assert!(found.contains(&Finding::Removed {
        code: "ORDER_BUSY".into(),
        status: 409,
        title: "Order is busy".into()
    }));
}

#[test]
fn a_new_replacement_for_a_deprecated_code_says_what_changed() {
    let changed = |replacement: Option<&str>| Finding::LifecycleChanged {
        code: "ORDER_LOCKED".into(),
        from: Lifecycle::Deprecated,
        to: Lifecycle::Deprecated,
        replacement: replacement.map(str::to_owned),
    };
    assert_eq!(
        changed(Some("ORDER_HELD")).to_string(),
        "ORDER_LOCKED stays deprecated, now replaced by ORDER_HELD"
    );
    assert_eq!(
        changed(None).to_string(),
        "ORDER_LOCKED stays deprecated, now with no replacement"
    );
    let revived = Finding::LifecycleChanged {
        code: "ORDER_LOCKED".into(),
        from: Lifecycle::Deprecated,
        to: Lifecycle::Active,
        replacement: None,
    };
    assert_eq!(
        revived.to_string(),
        "ORDER_LOCKED went from deprecated to active"
    );
}
