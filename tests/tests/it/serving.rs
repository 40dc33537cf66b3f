//! The parts of serving that need no framework: headers per variant, the error behind
//! a problem, `instance` by hand, and the framework impls on generic and transparent
//! types (checked when the features are on).

use problem_codes::{ProblemCode, ValidationErrors};
use problem_codes_tests::eryao::{Auth, Profile};
use problem_codes_tests::service::{self, AgentError, PointsError};

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Auth)]
enum LoginError {
    #[error("token expired")]
    #[problem(AUTH_REFRESH_TOKEN_INVALID)]
    Expired {
        #[problem(header = "WWW-Authenticate")]
        challenge: &'static str,
        #[problem(header = "x-request-id", extension = "request_id")]
        request: u64,
    },
    #[error(transparent)]
    #[problem(transparent)]
    Points(#[from] PointsError),
}

/// Not an `Error`: no `as_error`, and no actix `ResponseError` (which needs `Display`).
#[derive(Debug, ProblemCode)]
#[problem(catalog = Profile)]
enum Plain {
    #[problem(PROFILE_NOT_FOUND)]
    Missing,
    #[problem(transparent)]
    Agent(AgentError),
}

/// Generic: the framework impls carry the derive's bounds.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Profile)]
enum Wrapped<E> {
    #[problem(PROFILE_DELETE_FAILED, detail = "{0}")]
    Delete(E),
    #[problem(transparent)]
    Inner(ValidationFailed),
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = Profile)]
#[problem(PROFILE_PAYLOAD_INVALID)]
struct ValidationFailed {
    #[problem(extension)]
    errors: ValidationErrors,
}

#[test]
fn header_fields_become_headers_whatever_their_case() {
    let response = LoginError::Expired {
        challenge: r#"Bearer error="invalid_token""#,
        request: 7,
    }
    .to_response();
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer error="invalid_token""#
    );
    assert_eq!(response.headers()["x-request-id"], "7");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let body: serde_json::Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(body["request_id"], 7);
    assert_eq!(
        body.get("challenge"),
        None,
        "a header field is not a member"
    );
}

#[test]
fn a_header_value_that_is_not_valid_is_left_out() {
    let response = LoginError::Expired {
        challenge: "two\r\nlines",
        request: 1,
    }
    .to_response();
    assert_eq!(response.headers().get("www-authenticate"), None);
    assert_eq!(response.status(), 401);
}

#[test]
fn transparent_variants_pass_on_their_headers() {
    let response = LoginError::from(PointsError::Insufficient {
        balance: 2,
        required: 10,
    })
    .to_response();
    assert_eq!(response.status(), 402);
    assert_eq!(response.headers()["x-points-balance"], "2");
}

#[test]
fn the_error_behind_a_problem_is_the_value_when_it_is_an_error() {
    let err = service::transcribe().unwrap_err();
    let error = err.as_error().expect("AgentError implements Error");
    assert_eq!(error.to_string(), "transcription failed");
    let chain: Vec<String> = std::iter::successors(error.source(), |e| (*e).source())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        chain,
        [
            "ASR upstream asr.internal:7000 failed",
            "connection refused"
        ]
    );

    assert!(Plain::Missing.as_error().is_none());
    // Not an error itself: the transparent field's error.
    let inner = Plain::Agent(service::transcribe().unwrap_err());
    assert_eq!(
        inner.as_error().map(ToString::to_string).as_deref(),
        Some("transcription failed")
    );
    // Generic: only through a transparent field.
    assert!(Wrapped::Delete(3).as_error().is_none());
    let inner = Wrapped::<u8>::Inner(ValidationFailed {
        errors: ValidationErrors::new(),
    });
    assert!(inner.as_error().is_none());
    assert_eq!(inner.status(), 422);
}

#[test]
fn instance_is_settable_by_hand() {
    let body = Plain::Missing.render().instance("/v1/profile/~me").to_vec();
    let problem = problem_codes::Problem::from_json(&body).expect("a problem");
    assert_eq!(problem.instance(), Some("/v1/profile/~me"));
    let problem = problem_codes::Problem::new(http::StatusCode::NOT_FOUND).with_instance("/x");
    assert_eq!(problem.instance(), Some("/x"));
}

#[cfg(feature = "axum")]
mod axum_impls {
    use super::*;
    use axum::response::IntoResponse;

    fn is_response<T: IntoResponse>(value: T) -> axum::response::Response {
        value.into_response()
    }

    #[test]
    fn every_problem_code_type_is_a_response() {
        assert_eq!(is_response(Plain::Missing).status(), 404);
        assert_eq!(is_response(Wrapped::Delete("disk")).status(), 502);
        assert_eq!(is_response(Profile::PROFILE_NOT_FOUND).status(), 404);
        let eryao = problem_codes_tests::eryao::Eryao::from(Auth::AUTH_USER_NOT_FOUND);
        assert_eq!(is_response(eryao).status(), 404);
        assert_eq!(
            is_response(Plain::Missing.render().instance("/a")).status(),
            404
        );
        let problem = problem_codes::Problem::new(http::StatusCode::CONFLICT);
        let response = is_response(problem);
        assert_eq!(response.status(), 409);
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
    }
}

#[cfg(feature = "actix-web")]
mod actix_impls {
    use super::*;
    use actix_web::ResponseError;

    fn is_response_error<T: ResponseError>(value: &T) -> u16 {
        value.error_response().status().as_u16()
    }

    #[test]
    fn problem_code_types_with_display_are_response_errors() {
        assert_eq!(is_response_error(&service::transcribe().unwrap_err()), 502);
        assert_eq!(is_response_error(&Profile::PROFILE_NOT_FOUND), 404);
        let err = LoginError::Expired {
            challenge: "Bearer",
            request: 1,
        };
        assert_eq!(err.status_code().as_u16(), 401);
        let response = err.error_response();
        assert_eq!(
            response
                .headers()
                .get("www-authenticate")
                .map(|v| v.as_bytes()),
            Some(&b"Bearer"[..])
        );
    }
}

/// `crate = "…"` reaches the integrations through a re-export too.
mod reexported {
    mod runtime {
        pub use problem_codes::*;
    }

    #[allow(dead_code)]
    mod problem_codes {}

    #[derive(Debug, thiserror::Error, ::problem_codes::ProblemCode)]
    #[problem(crate = "self::runtime", catalog = ::problem_codes_tests::eryao::Avatar)]
    pub enum AvatarError {
        #[error("bad mime")]
        #[problem(AVATAR_FILE_INVALID)]
        BadMime(#[problem(header = "accept-post")] &'static str),
    }

    #[test]
    fn the_override_serves_too() {
        use ::problem_codes::ProblemCode as _;
        let response = AvatarError::BadMime("image/png").to_response();
        assert_eq!(response.status(), 422);
        assert_eq!(response.headers()["accept-post"], "image/png");
        #[cfg(feature = "axum")]
        assert_eq!(
            axum::response::IntoResponse::into_response(AvatarError::BadMime("x")).status(),
            422
        );
        #[cfg(feature = "actix-web")]
        assert_eq!(
            actix_web::ResponseError::status_code(&AvatarError::BadMime("x")).as_u16(),
            422
        );
        #[cfg(feature = "utoipa")]
        assert!(<AvatarError as utoipa::IntoResponses>::responses().contains_key("422"));
    }
}
