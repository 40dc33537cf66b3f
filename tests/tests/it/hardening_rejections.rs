//! A rejection's body is bounded and says which field is wrong, not what the input
//! held nor the server's type names: a 1.8 MB unknown key gives a response of a few
//! hundred bytes, and a path parameter that does not parse names neither the value nor
//! the Rust type.

#![cfg(all(feature = "axum", feature = "actix-web"))]

use crate::support;

use http::Method;
use serde_json::Value;

/// The bound on a rejection's body that these inputs must stay under.
const BOUND: usize = 2048;

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only read to be refused")]
struct Update {
    nickname: String,
}

fn unknown_key() -> String {
    let key = "k".repeat(1_800_000);
    format!(r#"{{"nickname":"ann","{key}":1}}"#)
}

/// What a body must not hold: the echoed key, the value, the Rust type names.
fn assert_clean(body: &[u8], what: &str) {
    let text = String::from_utf8_lossy(body);
    eprintln!(
        "{what}: {} bytes: {}",
        body.len(),
        text.get(..300).unwrap_or(&text)
    );
    assert!(body.len() <= BOUND, "{what}: {} bytes", body.len());
    for leak in [
        "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
        "u64",
        "Cannot parse",
        "`abc`",
        "Update",
    ] {
        assert!(!text.contains(leak), "{what} holds {leak:?}: {text}");
    }
    let value: Value = serde_json::from_slice(body).expect("a JSON body");
    assert!(
        value["detail"].is_string(),
        "{what}: a detail says what is wrong"
    );
}

mod on_axum {
    use super::*;
    use axum::Router;
    use axum::routing::{get, post};
    use problem_codes::axum::{Json, Path, ProblemLayer};

    async fn update(Json(_): Json<Update>) -> &'static str {
        "ok"
    }

    async fn user(Path(id): Path<u64>) -> String {
        id.to_string()
    }

    async fn start() -> std::net::SocketAddr {
        let router = Router::new()
            .route("/v1/profile", post(update))
            .route("/v1/users/{id}", get(user))
            .layer(ProblemLayer::new());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(async move { axum::serve(listener, router).await });
        addr
    }

    #[tokio::test]
    async fn an_unknown_key_of_1_8_mb_is_not_echoed() {
        let addr = start().await;
        let reply = support::send(addr, Method::POST, "/v1/profile", Some(&unknown_key())).await;
        assert_eq!(reply.status(), 422);
        assert_clean(&reply.body, "axum, unknown key");
        let problem = reply.problem();
        let errors = problem_codes::ValidationErrors::from_problem(&problem);
        assert_eq!(errors.len(), 1, "one error, about the body's object");
    }

    #[tokio::test]
    async fn a_path_parameter_names_no_value_and_no_type() {
        let addr = start().await;
        let reply = support::send(addr, Method::GET, "/v1/users/abc", None).await;
        assert_eq!(reply.status(), 400);
        assert_clean(&reply.body, "axum, path");
        // One parameter: axum names no key, and the kind expected is JSON's, not Rust's.
        assert_eq!(
            reply.json()["detail"],
            "The path parameters are invalid, expected an integer"
        );
    }
}

mod on_actix {
    use super::*;
    use actix_web::{App, test, web};
    use problem_codes::Rejections;
    use problem_codes::actix_web::{Json, json_config, rejections};

    fn call(request: test::TestRequest) -> web::Bytes {
        actix_web::rt::System::new().block_on(async {
            let app = test::init_service(
                App::new()
                    .configure(rejections(Rejections::new()))
                    .app_data(json_config(Rejections::new()).limit(4 << 20))
                    .route(
                        "/v1/profile",
                        web::post().to(|_: Json<Update>| async { "ok" }),
                    )
                    .route(
                        "/v1/users/{id}",
                        web::get().to(|id: web::Path<u64>| async move { id.to_string() }),
                    ),
            )
            .await;
            test::call_and_read_body(&app, request.to_request()).await
        })
    }

    #[test]
    fn an_unknown_key_of_1_8_mb_is_not_echoed() {
        let request = test::TestRequest::post()
            .uri("/v1/profile")
            .insert_header(("content-type", "application/json"))
            .set_payload(unknown_key());
        assert_clean(&call(request), "actix-web, unknown key");
    }

    #[test]
    fn a_path_parameter_names_no_value_and_no_type() {
        let request = test::TestRequest::get().uri("/v1/users/abc");
        assert_clean(&call(request), "actix-web, path");
    }
}
