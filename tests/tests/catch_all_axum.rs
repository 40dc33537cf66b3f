//! The catch-all on axum: real servers on 127.0.0.1, called with hyper's client.

#![cfg(feature = "axum")]

#[path = "catch_all/checks.rs"]
mod checks;
#[cfg(feature = "xml")]
#[path = "catch_all/xml_tree.rs"]
mod xml_tree;

use std::net::SocketAddr;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use checks::{LIMIT, Note, SECRET, UPSTREAM_SAYS};
use problem_codes::CatchAll;
use problem_codes::axum::{Json, ProblemLayer};

fn router(catch_all: CatchAll) -> Router {
    Router::new()
        .route("/v1/orders", get(|| async { "orders" }))
        .route(
            "/v1/notes",
            post(|Json(note): Json<Note>| async move { note.text }),
        )
        .route(
            "/v1/panic",
            get(|| async {
                if SECRET.is_empty() {
                    return "never";
                }
                panic!("{SECRET}")
            }),
        )
        .route(
            "/v1/upstream",
            get(|| async {
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    [("x-upstream", "kept")],
                    UPSTREAM_SAYS,
                )
                    .into_response()
            }),
        )
        .route(
            "/v1/login",
            get(|| async {
                (
                    StatusCode::UNAUTHORIZED,
                    [("www-authenticate", "Bearer")],
                    "log in first",
                )
                    .into_response()
            }),
        )
        .route("/v1/locked", get(|| async { checks::locked() }))
        .layer(DefaultBodyLimit::max(LIMIT))
        .layer(ProblemLayer::new().catch_all(catch_all))
}

async fn serve(catch_all: CatchAll) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, router(catch_all)).await });
    addr
}

#[tokio::test]
async fn every_error_is_a_problem_with_its_true_status() {
    checks::check_default(serve(checks::default()).await, "GET,HEAD").await;
}

#[tokio::test]
async fn codes_urn_instances_trace_ids_and_skipped_statuses() {
    checks::check_configured(serve(checks::configured()).await).await;
}

#[tokio::test]
async fn no_instance_when_the_policy_says_none() {
    checks::check_without_instance(serve(checks::without_instance()).await).await;
}

#[cfg(feature = "xml")]
#[tokio::test]
async fn xml_when_accept_prefers_it() {
    checks::check_xml(serve(checks::default()).await).await;
}

/// Without the catch-all, the layer leaves the router's own responses alone.
#[tokio::test]
async fn without_the_catch_all_nothing_is_rewritten() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    let router = Router::new()
        .route("/v1/orders", get(|| async { "orders" }))
        .layer(ProblemLayer::new());
    tokio::spawn(async move { axum::serve(listener, router).await });
    let reply = checks::get(addr, "/v1/nowhere").await;
    assert_eq!((reply.status(), reply.text()), (404, ""));
}
