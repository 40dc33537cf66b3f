//! A deprecated code still works everywhere; the catalog's own generated code does not
//! warn (this case is built with `deprecated` denied), and the entry says so.
#![deny(deprecated)]

use problem_codes::{Catalog, Lifecycle};

problem_codes::error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_OTP_WRONG = 401 { title: "Invalid OTP code", deprecated: "AUTH_VERIFICATION_CODE_INVALID" },
            AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code" },
            AUTH_LEGACY = 400 { title: "Legacy failure", deprecated: true },
        }
    }
}

problem_codes::error_catalog! {
    pub catalog Registry = Auth;
}

fn main() {
    let old = Auth::from_code("AUTH_OTP_WRONG").map(|code| *code.entry());
    let old = old.expect("the deprecated code is still in the catalog");
    assert_eq!(old.lifecycle(), Lifecycle::Deprecated);
    assert_eq!(old.replacement(), Some("AUTH_VERIFICATION_CODE_INVALID"));
    let legacy = Registry::from_code("AUTH_LEGACY").map(|code| *code.entry());
    assert_eq!(legacy.map(|e| (e.lifecycle(), e.replacement())), Some((Lifecycle::Deprecated, None)));
    assert_eq!(Auth::AUTH_VERIFICATION_CODE_INVALID.entry().lifecycle(), Lifecycle::Active);
    assert_eq!(Auth::ALL.len(), 3);
}
