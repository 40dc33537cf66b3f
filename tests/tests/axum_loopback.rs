//! The eryao service on axum, started on 127.0.0.1 with an OS-assigned port and called
//! with hyper's client over loopback.

#![cfg(feature = "axum")]

mod support;

use std::net::SocketAddr;

use http::Method;
use problem_codes_tests::service;
use serde_json::json;
use support::send;

async fn start() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, service::axum::router()).await });
    addr
}

#[tokio::test]
async fn every_endpoint_fails_with_its_code() {
    support::check_service(start().await).await;
}

#[tokio::test]
async fn a_body_of_the_wrong_shape_points_at_the_field() {
    let addr = start().await;
    let reply = send(
        addr,
        Method::PATCH,
        "/v1/profile",
        Some(r#"{"nickname":"ada","links":["https://a",7]}"#),
    )
    .await;
    assert_eq!(reply.status(), 422);
    let body = reply.json();
    assert_eq!(body["code"], "PROFILE_PAYLOAD_INVALID");
    assert_eq!(body["errors"][0]["pointer"], "#/links/1");
    assert_eq!(
        body["errors"][0]["detail"],
        "invalid type: integer `7`, expected a string at line 1 column 40"
    );
    assert_eq!(body["errors"].as_array().map(Vec::len), Some(1));
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("Failed to deserialize the JSON body"))
    );

    // A syntax error has no field to point at.
    let reply = send(addr, Method::PATCH, "/v1/profile", Some("{")).await;
    assert_eq!(reply.json().get("errors"), None);
    assert_eq!(reply.json()["code"], json!("PROFILE_PAYLOAD_INVALID"));
}
