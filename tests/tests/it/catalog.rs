//! The enum `error_catalog!` generates: consts, lookup, parsing, display, serde.

use std::collections::HashSet;

use problem_codes::{Catalog, ProblemCode, UnknownCode};
use problem_codes_tests::eryao::{AgentSession, Auth, Avatar, Eryao, Profile};

#[test]
fn associated_consts_are_the_variants() {
    assert_eq!(Auth::AUTH_TOO_MANY_REQUESTS, Auth::AuthTooManyRequests);
    assert_eq!(
        Auth::AUTH_TOO_MANY_REQUESTS.as_str(),
        "AUTH_TOO_MANY_REQUESTS"
    );
    // Usable in patterns, as `http::StatusCode`'s consts are.
    let handling = match Eryao::from(Profile::PROFILE_NOT_FOUND) {
        Eryao::Auth(Auth::AUTH_USER_NOT_FOUND) => "wrong arm",
        Eryao::Profile(Profile::PROFILE_NOT_FOUND) => "profile arm",
        _ => "fallback arm",
    };
    assert_eq!(handling, "profile arm");
}

#[test]
fn entries_are_static_and_const() {
    const ENTRY: &problem_codes::Entry = AgentSession::AGENT_ASR_UNAVAILABLE.entry();
    assert_eq!(ENTRY.status(), 502);
    assert_eq!(ENTRY.section(), "Agent Session");
    assert!(std::ptr::eq(
        ENTRY,
        ProblemCode::entry(&AgentSession::AGENT_ASR_UNAVAILABLE)
    ));
}

#[test]
fn every_code_is_found_by_its_string_and_nothing_else_is() {
    for &code in Eryao::ALL {
        assert_eq!(Eryao::from_code(code.as_str()), Some(code));
        assert_eq!(code.as_str().parse::<Eryao>(), Ok(code));
    }
    for missing in [
        "",
        "AUTH",
        "auth_too_many_requests",
        "AUTH_TOO_MANY_REQUESTS ",
        "ZZZ",
    ] {
        assert_eq!(Eryao::from_code(missing), None, "{missing:?}");
    }
    assert_eq!(
        "NOPE".parse::<Eryao>(),
        Err(UnknownCode::new("NOPE", "Eryao"))
    );
}

#[test]
fn codes_are_unique_and_sections_partition_the_catalog() {
    let unique: HashSet<&str> = Eryao::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(unique.len(), Eryao::ALL.len());
    let in_sections: Vec<Eryao> = Eryao::SECTIONS
        .iter()
        .flat_map(|s| s.codes().iter().copied())
        .collect();
    assert_eq!(in_sections, Eryao::ALL);
    assert_eq!(Eryao::NAME, "Eryao");
}

#[test]
fn display_and_serde_use_the_code_string() {
    assert_eq!(Auth::AUTH_USER_NOT_FOUND.to_string(), "AUTH_USER_NOT_FOUND");
    assert_eq!(
        format!("{:>22}", AgentSession::AGENT_AUDIO_EMPTY),
        "     AGENT_AUDIO_EMPTY"
    );
    let json = serde_json::to_string(&Avatar::AVATAR_UPLOAD_FAILED).expect("serializes");
    assert_eq!(json, "\"AVATAR_UPLOAD_FAILED\"");
    let back: Eryao = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(back, Eryao::Avatar(Avatar::AVATAR_UPLOAD_FAILED));
    let leaf: Avatar = serde_json::from_str(&json).expect("deserializes");
    assert_eq!(leaf, Avatar::AVATAR_UPLOAD_FAILED);
    assert_eq!(serde_json::to_string(&back).expect("serializes"), json);
    let err = serde_json::from_str::<Eryao>("\"AVATAR_NOPE\"").expect_err("unknown code");
    assert!(
        err.to_string()
            .contains("`AVATAR_NOPE` is not a code of catalog `Eryao`"),
        "{err}"
    );
    assert!(serde_json::from_str::<Eryao>("3").is_err());
}

#[test]
fn type_uris_are_the_base_plus_the_slug() {
    assert_eq!(Auth::type_base(), "https://errors.eryao.example/");
    for entry in Eryao::entries() {
        assert_eq!(
            entry.type_uri(),
            format!("{}{}", Auth::type_base(), entry.slug())
        );
        assert!(!entry.slug().contains('_'));
    }
}

#[test]
fn a_catalog_code_is_itself_a_problem() {
    let response = Auth::AUTH_REFRESH_TOKEN_MISSING.to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        std::str::from_utf8(response.body()).expect("utf-8"),
        r#"{"type":"https://errors.eryao.example/auth-refresh-token-missing","title":"Refresh token missing on logout","status":401,"code":"AUTH_REFRESH_TOKEN_MISSING"}"#
    );
}

mod without_type_base {
    problem_codes::error_catalog! {
        pub(crate) catalog Plain {
            section "Orders" {
                ORDER_NOT_FOUND = 404 { title: "Order not found" },
            }
        }
    }
}

#[test]
fn default_type_base_and_optional_handling() {
    use without_type_base::Plain;
    // The macros keep their own copy of the base; it is the runtime's.
    assert_eq!(Plain::type_base(), problem_codes::DEFAULT_TYPE_BASE);
    assert_eq!(
        Plain::ORDER_NOT_FOUND.type_uri(),
        "/problems/order-not-found"
    );
    assert_eq!(Plain::ORDER_NOT_FOUND.entry().handling(), "");
}
