//! The layers that fill `instance` never resurrect bytes: a body that an inner
//! middleware rewrote is served as that middleware left it, and `instance` is filled
//! only into the body the problem rendered, byte for byte.

#![cfg(all(feature = "axum", feature = "actix-web"))]

use crate::support;

use http::Method;
use problem_codes::ProblemCode;

#[derive(Debug, thiserror::Error, ProblemCode)]
enum Leak {
    #[error("token {0}")]
    #[problem(
        code = "TOKEN_REFUSED",
        status = 403,
        title = "Token refused",
        detail = "token {0} refused"
    )]
    Refused(String),
}

const SECRET: &str = "hunter2-hunter2";

/// The same bytes with the secret masked: same length, no encoding.
fn redact(body: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(body).replace(SECRET, &"*".repeat(SECRET.len()));
    text.into_bytes()
}

/// Another document of the same length whose byte at the slot (before `,"code"`) is a
/// comma, inside a string: splicing there would write members into the string.
fn forge(body: &[u8]) -> Vec<u8> {
    let at = body
        .windows(7)
        .position(|w| w == br#","code""#)
        .expect("a code member");
    let mut forged = vec![b'x'; body.len()];
    forged[..9].copy_from_slice(br#"{"note":""#);
    let end = forged.len();
    forged[end - 2..].copy_from_slice(br#""}"#);
    forged[at] = b',';
    forged
}

fn rendered() -> Vec<u8> {
    Leak::Refused(SECRET.to_owned()).to_json()
}

mod on_axum {
    use super::*;
    use axum::Router;
    use axum::body::Body;
    use axum::response::Response;
    use axum::routing::get;
    use problem_codes::axum::ProblemLayer;

    async fn fail() -> Result<String, Leak> {
        Err(Leak::Refused(SECRET.to_owned()))
    }

    async fn serve(rewrite: fn(&[u8]) -> Vec<u8>) -> support::Reply {
        let router = Router::new()
            .route("/v1/token", get(fail))
            .layer(axum::middleware::map_response(
                move |response: Response| async move {
                    let (parts, body) = response.into_parts();
                    let bytes = axum::body::to_bytes(body, usize::MAX)
                        .await
                        .expect("a body");
                    Response::from_parts(parts, Body::from(rewrite(&bytes)))
                },
            ))
            .layer(ProblemLayer::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(async move { axum::serve(listener, router).await });
        support::send(addr, Method::GET, "/v1/token", None).await
    }

    #[tokio::test]
    async fn a_redacted_body_keeps_its_redaction() {
        let reply = serve(redact).await;
        assert!(!reply.text().contains(SECRET), "{}", reply.text());
        assert_eq!(reply.body, redact(&rendered()));
    }

    #[tokio::test]
    async fn a_rewritten_body_is_served_as_rewritten() {
        let reply = serve(forge).await;
        assert_eq!(reply.body, forge(&rendered()), "{}", reply.text());
    }

    #[tokio::test]
    async fn an_untouched_body_gets_the_instance() {
        let reply = serve(|body| body.to_vec()).await;
        assert_eq!(reply.problem().instance(), Some("/v1/token"));
    }
}

mod on_actix {
    use super::*;
    use actix_web::body::BoxBody;
    use actix_web::dev::{ServiceRequest, ServiceResponse};
    use actix_web::middleware::{Next, from_fn};
    use actix_web::{App, Error, test, web};
    use problem_codes::actix_web::fill_instance;

    async fn fail() -> Result<String, Leak> {
        Err(Leak::Refused(SECRET.to_owned()))
    }

    async fn call(rewrite: fn(&[u8]) -> Vec<u8>) -> actix_web::web::Bytes {
        let middleware = move |request: ServiceRequest, next: Next<BoxBody>| async move {
            let response = next.call(request).await?;
            let (request, response) = response.into_parts();
            let (response, body) = response.into_parts();
            let bytes = actix_web::body::to_bytes(body)
                .await
                .map_err(|_| actix_web::error::ErrorInternalServerError("body"))?;
            let response = response.set_body(BoxBody::new(rewrite(&bytes)));
            Ok::<ServiceResponse<BoxBody>, Error>(ServiceResponse::new(request, response))
        };
        let app = test::init_service(
            App::new()
                .wrap(from_fn(middleware))
                .wrap(from_fn(fill_instance))
                .route("/v1/token", web::get().to(fail)),
        )
        .await;
        let request = test::TestRequest::get().uri("/v1/token").to_request();
        test::call_and_read_body(&app, request).await
    }

    fn run(rewrite: fn(&[u8]) -> Vec<u8>) -> actix_web::web::Bytes {
        actix_web::rt::System::new().block_on(call(rewrite))
    }

    #[test]
    fn a_redacted_body_keeps_its_redaction() {
        assert_eq!(run(redact), redact(&rendered()));
    }

    #[test]
    fn a_rewritten_body_is_served_as_rewritten() {
        let body = run(forge);
        assert_eq!(
            body,
            forge(&rendered()),
            "{}",
            String::from_utf8_lossy(&body)
        );
    }

    #[test]
    fn an_untouched_body_gets_the_instance() {
        let body = run(|body| body.to_vec());
        let problem = problem_codes::Problem::from_json(&body).expect("a problem");
        assert_eq!(problem.instance(), Some("/v1/token"));
    }
}
