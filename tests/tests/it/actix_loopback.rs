//! The same eryao service on actix-web, started on 127.0.0.1 with an OS-assigned port
//! and called with hyper's client over loopback: the same expectations hold.

#![cfg(feature = "actix-web")]

use crate::support;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use http::{Method, StatusCode};
use problem_codes::Problem;
use problem_codes::actix_web::fill_instance;
use problem_codes_tests::service;

#[test]
fn every_endpoint_fails_with_its_code() {
    serve(service::actix::configure, support::check_service);
}

/// Starts an app with `configure`'s routes, behind the middleware that fills
/// `instance`, and runs `check` against its address.
fn serve<F: core::future::Future<Output = ()>>(
    configure: fn(&mut web::ServiceConfig),
    check: impl FnOnce(std::net::SocketAddr) -> F,
) {
    actix_web::rt::System::new().block_on(async {
        let server =
            HttpServer::new(move || App::new().wrap(from_fn(fill_instance)).configure(configure))
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
    serve(service::actix::configure, |addr| async move {
        let (reply, syntax) = support::wrong_shape_points_at_the_field(
            addr,
            "invalid type: number, expected a string",
        )
        .await;
        assert_eq!(reply.json()["instance"], "/v1/profile");
        // actix-web's config refuses the syntax error, under the same code.
        assert_eq!(syntax.status(), 422);
    });
}

#[test]
fn a_problem_built_by_hand_gets_the_request_path() {
    serve(
        |config| {
            config.route(
                "/v1/orders/{id}",
                web::get()
                    .to(|| async { Problem::new(StatusCode::CONFLICT).with_code("ORDER_LOCKED") }),
            );
        },
        |addr| async move {
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
        },
    );
}
