//! The same eryao service on actix-web, started on 127.0.0.1 with an OS-assigned port
//! and called with hyper's client over loopback: the same expectations hold.

#![cfg(feature = "actix-web")]

mod support;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use http::{Method, StatusCode};
use problem_codes::Problem;
use problem_codes::actix_web::fill_instance;
use problem_codes_tests::service;

#[test]
fn every_endpoint_fails_with_its_code() {
    with_service(support::check_service);
}

/// Starts the eryao service and runs `check` against its address.
fn with_service<F: core::future::Future<Output = ()>>(
    check: impl FnOnce(std::net::SocketAddr) -> F,
) {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(service::actix::app)
            .workers(1)
            .bind(("127.0.0.1", 0))
            .expect("a free port");
        let addr = server.addrs()[0];
        let server = server.disable_signals().run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        check(addr).await;
        handle.stop(false).await;
    });
}

#[test]
fn a_body_of_the_wrong_shape_points_at_the_field() {
    with_service(|addr| async move {
        let reply = support::send(
            addr,
            Method::PATCH,
            "/v1/profile",
            Some(r#"{"nickname":"ada","links":["https://a",7]}"#),
        )
        .await;
        assert_eq!(reply.status(), 422);
        let body = reply.json();
        assert_eq!(body["code"], "PROFILE_PAYLOAD_INVALID");
        assert_eq!(body["instance"], "/v1/profile");
        assert_eq!(body["errors"][0]["pointer"], "#/links/1");
        assert_eq!(
            body["errors"][0]["detail"],
            "invalid type: integer `7`, expected a string"
        );
        assert_eq!(body["errors"].as_array().map(Vec::len), Some(1));

        // A syntax error has no field to point at; actix-web's config refuses it.
        let reply = support::send(addr, Method::PATCH, "/v1/profile", Some("{")).await;
        assert_eq!(reply.status(), 422);
        assert_eq!(reply.json().get("errors"), None);
        assert_eq!(reply.json()["code"], "PROFILE_PAYLOAD_INVALID");
    });
}

#[test]
fn a_problem_built_by_hand_gets_the_request_path() {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new().wrap(from_fn(fill_instance)).route(
                "/v1/orders/{id}",
                web::get()
                    .to(|| async { Problem::new(StatusCode::CONFLICT).with_code("ORDER_LOCKED") }),
            )
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .expect("a free port");
        let addr = server.addrs()[0];
        let server = server.disable_signals().run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let reply = support::send(addr, Method::GET, "/v1/orders/7", None).await;
        assert_eq!(reply.status(), 409);
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json")
        );
        assert_eq!(
            reply.text(),
            r#"{"title":"Conflict","status":409,"instance":"/v1/orders/7","code":"ORDER_LOCKED"}"#
        );
        handle.stop(false).await;
    });
}
