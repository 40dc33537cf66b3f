//! `#[problem(skip_impl(…))]`, and `skip_impl(…);` in a catalog: a type whose crate
//! writes a framework impl itself gets none generated, so turning the feature on
//! anywhere in the build (Cargo unifies features) does not make two impls collide. Each
//! test below would fail to compile, with "conflicting implementations", if a skipped
//! impl were still generated; each also checks that the type's other impls still are.

use problem_codes::ProblemCode;

problem_codes::error_catalog! {
    /// Writes its own `IntoResponse`, `ResponseError` and `IntoResponses`.
    pub catalog Legacy {
        skip_impl(axum, actix_web, utoipa);
        section "Legacy" {
            LEGACY_GONE = 410 { title: "Gone for good" },
        }
    }

    /// Composed, and skips only axum.
    pub catalog Everything = Legacy {
        skip_impl(axum);
    }
}

/// Writes its own `IntoResponse`, `ResponseError` and `IntoResponses`.
#[derive(Debug, ProblemCode)]
#[problem(skip_impl(axum, actix_web, utoipa))]
enum HandWritten {
    #[problem(code = "LEGACY_TEAPOT", status = 418, title = "Legacy teapot")]
    Teapot,
}

impl core::fmt::Display for HandWritten {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("legacy teapot")
    }
}

/// Skips only axum: the other integrations are derived.
#[derive(Debug, ProblemCode)]
#[problem(skip_impl(axum))]
enum SkipsAxum {
    #[problem(code = "ONLY_AXUM_SKIPPED", status = 409, title = "Conflict")]
    Conflict,
}

impl core::fmt::Display for SkipsAxum {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("conflict")
    }
}

#[test]
fn a_type_that_skips_every_impl_is_still_a_problem_code() {
    assert_eq!(HandWritten::Teapot.code(), "LEGACY_TEAPOT");
    assert_eq!(HandWritten::Teapot.status(), 418);
    assert_eq!(SkipsAxum::Conflict.code(), "ONLY_AXUM_SKIPPED");
    assert_eq!(Legacy::LEGACY_GONE.status(), 410);
    assert_eq!(Everything::from(Legacy::LEGACY_GONE).code(), "LEGACY_GONE");
}

#[cfg(feature = "axum")]
mod axum_impls {
    use axum::response::{IntoResponse, Response};
    use http::StatusCode;
    use problem_codes::{PROBLEM_JSON, ProblemCode};

    use super::{Everything, HandWritten, Legacy, SkipsAxum};

    impl IntoResponse for Legacy {
        fn into_response(self) -> Response {
            (StatusCode::GONE, "hand-written").into_response()
        }
    }

    impl IntoResponse for Everything {
        fn into_response(self) -> Response {
            (StatusCode::GONE, "hand-written too").into_response()
        }
    }

    impl IntoResponse for HandWritten {
        fn into_response(self) -> Response {
            (StatusCode::IM_A_TEAPOT, "hand-written").into_response()
        }
    }

    impl IntoResponse for SkipsAxum {
        fn into_response(self) -> Response {
            // Its own response, built from the problem with a header of its own.
            let mut response = self.to_response().map(axum::body::Body::from);
            response
                .headers_mut()
                .insert("x-hand-written", http::HeaderValue::from_static("yes"));
            response
        }
    }

    #[test]
    fn the_hand_written_into_response_is_the_one_used() {
        let response = HandWritten::Teapot.into_response();
        assert_eq!(response.status(), StatusCode::IM_A_TEAPOT);
        assert_ne!(
            response.headers().get(http::header::CONTENT_TYPE),
            Some(&http::HeaderValue::from_static(PROBLEM_JSON))
        );
        for response in [
            Legacy::LEGACY_GONE.into_response(),
            Everything::from(Legacy::LEGACY_GONE).into_response(),
        ] {
            assert_eq!(response.status(), StatusCode::GONE);
            assert_ne!(response.headers()[http::header::CONTENT_TYPE], PROBLEM_JSON);
        }
        let response = SkipsAxum::Conflict.into_response();
        assert_eq!(response.headers()["x-hand-written"], "yes");
        assert_eq!(response.headers()[http::header::CONTENT_TYPE], PROBLEM_JSON);
    }
}

#[cfg(feature = "actix-web")]
mod actix_impls {
    use actix_web::http::StatusCode;
    use actix_web::{HttpResponse, ResponseError};

    use super::{Everything, HandWritten, Legacy, SkipsAxum};

    impl ResponseError for Legacy {
        fn status_code(&self) -> StatusCode {
            StatusCode::IM_A_TEAPOT
        }
    }

    impl ResponseError for HandWritten {
        fn status_code(&self) -> StatusCode {
            StatusCode::IM_A_TEAPOT
        }

        fn error_response(&self) -> HttpResponse {
            HttpResponse::build(self.status_code()).body("hand-written")
        }
    }

    #[test]
    fn the_hand_written_response_error_is_the_one_used_and_the_others_are_derived() {
        let response = HandWritten::Teapot.error_response();
        assert_eq!(response.status(), StatusCode::IM_A_TEAPOT);
        assert!(response.headers().get("content-type").is_none());
        assert_eq!(
            Legacy::LEGACY_GONE.error_response().status(),
            StatusCode::IM_A_TEAPOT
        );
        // The composed catalog skips only axum: its actix impl is generated.
        let response = Everything::from(Legacy::LEGACY_GONE).error_response();
        assert_eq!(response.status(), StatusCode::GONE);
        // `skip_impl(axum)` leaves actix's impl derived.
        let response = SkipsAxum::Conflict.error_response();
        assert_eq!(response.status(), StatusCode::CONFLICT);
        assert_eq!(
            response.headers().get("content-type").map(|v| v.as_bytes()),
            Some(problem_codes::PROBLEM_JSON.as_bytes())
        );
    }
}

#[cfg(feature = "utoipa")]
mod utoipa_impls {
    use std::collections::BTreeMap;

    use utoipa::IntoResponses;
    use utoipa::openapi::RefOr;
    use utoipa::openapi::response::{Response, ResponseBuilder};

    use super::{Everything, HandWritten, Legacy, SkipsAxum};

    impl IntoResponses for Legacy {
        fn responses() -> BTreeMap<String, RefOr<Response>> {
            BTreeMap::new()
        }
    }

    impl IntoResponses for HandWritten {
        fn responses() -> BTreeMap<String, RefOr<Response>> {
            BTreeMap::from([(
                "418".to_owned(),
                RefOr::T(ResponseBuilder::new().description("hand-written").build()),
            )])
        }
    }

    #[test]
    fn the_hand_written_into_responses_is_the_one_used_and_the_others_are_derived() {
        let responses = HandWritten::responses();
        let RefOr::T(teapot) = &responses["418"] else {
            panic!("an inline response")
        };
        assert_eq!(teapot.description, "hand-written");
        // `skip_impl(axum)` leaves the OpenAPI impl derived: one response, its code.
        assert!(Legacy::responses().is_empty());
        assert_eq!(Everything::responses().keys().collect::<Vec<_>>(), ["410"]);
        let responses = SkipsAxum::responses();
        assert_eq!(responses.keys().collect::<Vec<_>>(), ["409"]);
        let listed = serde_json::to_string(&responses).expect("responses serialize");
        assert!(listed.contains("ONLY_AXUM_SKIPPED"), "{listed}");
    }
}
