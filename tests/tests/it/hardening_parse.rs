//! A parsed document is read as a problem, never trusted: a status that is not an error
//! gives way, a member name twice is refused, and a `code` without the code shape is
//! ignored.

use http::StatusCode;
use problem_codes::{Problem, TypedCode};
use problem_codes_tests::eryao::Auth;

#[test]
fn a_status_that_is_not_an_error_is_ignored_and_never_served() {
    for said in [100u16, 101, 200, 204, 304, 399, 600, 999] {
        let body = format!(r#"{{"title":"Relayed","status":{said}}}"#);
        let problem = Problem::from_json(body.as_bytes()).expect("a problem");
        assert_eq!(problem.status(), None, "{said}");
        let response = problem.to_response();
        assert_eq!(
            response.status(),
            StatusCode::INTERNAL_SERVER_ERROR,
            "{said}"
        );
        let served = Problem::from_json(response.body()).expect("a problem");
        assert_eq!(served.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
    }
    for status in [
        StatusCode::SWITCHING_PROTOCOLS,
        StatusCode::NO_CONTENT,
        StatusCode::NOT_MODIFIED,
        StatusCode::OK,
    ] {
        let response = Problem::default().with_status(status).to_response();
        assert_eq!(
            response.status(),
            StatusCode::INTERNAL_SERVER_ERROR,
            "{status}"
        );
        assert!(response.body().ends_with(br#""status":500}"#), "{status}");
    }
    let kept = Problem::from_json(br#"{"status":503}"#).expect("a problem");
    assert_eq!(kept.to_response().status(), StatusCode::SERVICE_UNAVAILABLE);
}

#[test]
fn a_500_whose_body_says_200_is_a_500() {
    let response = http::Response::builder()
        .status(500)
        .header("content-type", "application/problem+json")
        .body(r#"{"status":200,"title":"OK"}"#)
        .expect("a response");
    let problem = Problem::from_response(&response).expect("a problem");
    assert_eq!(problem.status(), Some(StatusCode::INTERNAL_SERVER_ERROR));
}

#[test]
fn a_member_name_twice_is_refused_at_every_depth() {
    for (body, name) in [
        (r#"{"status":400,"status":500}"#, "status"),
        (r#"{"code":"AUTH_USER_NOT_FOUND","code":7}"#, "code"),
        (r#"{"balance":1,"balance":2}"#, "balance"),
        (
            r##"{"errors":[{"pointer":"#/a","pointer":"#/b"}]}"##,
            "pointer",
        ),
        (r#"{"title":{"x":1,"x":2}}"#, "x"),
    ] {
        let err = Problem::from_json(body.as_bytes()).expect_err(body);
        assert!(
            err.to_string().contains(&format!("{name:?}")),
            "{body}: {err}"
        );
    }
    // The same name in two objects is no duplicate.
    assert!(Problem::from_json(br#"{"a":{"x":1},"b":{"x":2},"errors":[{"x":1},{"x":2}]}"#).is_ok());
}

#[test]
fn a_code_without_the_code_shape_is_absent() {
    let long = "A".repeat(60_000);
    for code in [
        "AUTH_X\u{0}",
        "AUTH\nX",
        "auth_user_not_found",
        "A",
        long.as_str(),
    ] {
        let body = serde_json::json!({ "status": 400, "code": code }).to_string();
        let problem = Problem::from_json(body.as_bytes()).expect("a problem");
        assert_eq!(problem.code(), None, "{code:?}");
        assert_eq!(problem.typed_code::<Auth>(), TypedCode::Absent, "{code:?}");
    }
    let by_hand = Problem::default().with_code("AUTH\r\nX");
    assert_eq!(by_hand.typed_code::<Auth>(), TypedCode::Absent);
    let newer = Problem::from_json(br#"{"code":"AUTH_EMAIL_TAKEN"}"#).expect("a problem");
    assert_eq!(
        newer.typed_code::<Auth>(),
        TypedCode::Unknown("AUTH_EMAIL_TAKEN")
    );
}
