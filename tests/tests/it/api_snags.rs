//! The snags a new user hit with the runtime's API: `Render::to_json`, an owned
//! `instance`, an `instance` that is not a URI reference, and catalogs read from a
//! newer server with serde.

use problem_codes::{MaybeKnown, ProblemCode};
use problem_codes_tests::eryao::{Auth, Eryao};
use serde_json::Value;

#[test]
fn render_has_to_json_and_takes_an_owned_instance() {
    let id = 42;
    let render = Auth::AUTH_USER_NOT_FOUND
        .render()
        .instance(format!("/v1/users/{id}"));
    let body = render.to_json();
    assert_eq!(body, render.to_vec());
    let value: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(value["instance"], "/v1/users/42");
}

/// `problem_details` refused the whole body when `instance` held a space.
#[test]
fn an_instance_that_is_not_a_uri_reference_is_encoded_and_a_strict_client_reads_it() {
    for (given, sent) in [
        ("/v1/projects/my project", "/v1/projects/my%20project"),
        ("/v1/über/\"x\"", "/v1/%C3%BCber/%22x%22"),
        ("/100%", "/100%25"),
    ] {
        let body = Auth::AUTH_USER_NOT_FOUND.render().instance(given).to_json();
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["instance"], sent, "{given}");
        let peer: problem_details::ProblemDetails<serde_json::Map<String, Value>> =
            serde_json::from_slice(&body)
                .unwrap_or_else(|err| panic!("{given}: problem_details refuses it: {err}"));
        assert_eq!(
            peer.instance.map(|uri| uri.to_string()).as_deref(),
            Some(sent)
        );
    }
}

#[test]
fn an_empty_instance_is_left_out() {
    let body = Auth::AUTH_USER_NOT_FOUND.render().instance("").to_json();
    let value: Value = serde_json::from_slice(&body).unwrap();
    assert!(value.get("instance").is_none(), "{value}");
}

#[test]
fn serde_users_read_codes_from_a_newer_server() {
    #[derive(serde::Deserialize)]
    struct ApiError {
        code: MaybeKnown<Eryao>,
    }
    // The catalog itself refuses the new code, which is why `MaybeKnown` exists.
    assert!(serde_json::from_str::<Eryao>("\"AUTH_PASSKEY_REVOKED\"").is_err());
    let err: ApiError = serde_json::from_str(r#"{"code":"AUTH_PASSKEY_REVOKED"}"#).unwrap();
    assert_eq!(err.code, MaybeKnown::Unknown("AUTH_PASSKEY_REVOKED".into()));
    let err: ApiError = serde_json::from_str(r#"{"code":"AUTH_USER_NOT_FOUND"}"#).unwrap();
    assert_eq!(
        err.code.known(),
        Some(Eryao::from(Auth::AUTH_USER_NOT_FOUND))
    );
    assert_eq!(
        serde_json::to_string(&err.code).unwrap(),
        "\"AUTH_USER_NOT_FOUND\""
    );
}
