//! The eryao service on axum, started on 127.0.0.1 with an OS-assigned port and called
//! with hyper's client over loopback.

#![cfg(feature = "axum")]

use crate::support::{self, send};

use std::net::SocketAddr;

use axum::Router;
use axum::routing::get;
use http::{Method, StatusCode};
use problem_codes::Problem;
use problem_codes::axum::ProblemLayer;
use problem_codes_tests::service;

async fn start() -> SocketAddr {
    serve(service::axum::router()).await
}

async fn serve(router: Router) -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    addr
}

#[tokio::test]
async fn every_endpoint_fails_with_its_code() {
    support::check_service(start().await).await;
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_points_at_the_field() {
    let (reply, _) = support::wrong_shape_points_at_the_field(
        start().await,
        "invalid type: number, expected a string",
    )
    .await;
    assert!(
        reply.json()["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Failed to deserialize the JSON body"))
    );
}

#[tokio::test]
async fn a_problem_built_by_hand_gets_the_request_path_unless_it_has_one() {
    let router = Router::new()
        .route(
            "/v1/orders/{id}",
            get(|| async { Problem::new(StatusCode::CONFLICT).with_code("ORDER_LOCKED") }),
        )
        .route(
            "/v1/elsewhere",
            get(|| async { Problem::new(StatusCode::GONE).with_instance("/v1/kept") }),
        )
        .layer(ProblemLayer::new());
    let addr = serve(router).await;
    let reply = send(addr, Method::GET, "/v1/orders/7?secret=1", None).await;
    assert_eq!(reply.status(), 409);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        reply.text(),
        r#"{"title":"Conflict","status":409,"instance":"/v1/orders/7","code":"ORDER_LOCKED"}"#
    );
    let reply = send(addr, Method::GET, "/v1/elsewhere", None).await;
    assert_eq!(
        reply.text(),
        r#"{"title":"Gone","status":410,"instance":"/v1/kept"}"#
    );
}

#[tokio::test]
async fn without_the_layer_problems_have_no_instance_and_rejections_no_code() {
    let router = Router::new().route(
        "/v1/profile",
        axum::routing::patch(
            |problem_codes::axum::Json(v): problem_codes::axum::Json<u8>| async move {
                service::start_run(u32::from(v))
            },
        ),
    );
    let addr = serve(router).await;
    let reply = send(addr, Method::PATCH, "/v1/profile", Some("3")).await;
    assert_eq!(reply.status(), 402);
    assert_eq!(reply.problem().instance(), None);
    let reply = send(addr, Method::PATCH, "/v1/profile", Some("\"x\"")).await;
    assert_eq!(reply.status(), 422);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    let problem = reply.problem();
    assert!(problem.is_about_blank());
    assert_eq!(problem.code(), None);
    assert_eq!(problem.title(), Some("Unprocessable Entity"));
    assert_eq!(problem.instance(), Some("/v1/profile"));
}
