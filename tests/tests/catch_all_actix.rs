//! The catch-all on actix-web: real servers on 127.0.0.1, called with hyper's client.

#![cfg(feature = "actix-web")]

#[path = "catch_all/checks.rs"]
mod checks;
#[cfg(feature = "xml")]
#[path = "catch_all/xml_tree.rs"]
mod xml_tree;

use std::net::SocketAddr;

use actix_web::middleware::from_fn;
use actix_web::{App, HttpResponse, HttpServer, web};
use checks::{LIMIT, Note, SECRET, UPSTREAM_SAYS};
use problem_codes::actix_web::{Json, catch_all, json_config};
use problem_codes::{CatchAll, Rejections};

async fn panics() -> &'static str {
    if SECRET.is_empty() {
        return "never";
    }
    panic!("{SECRET}")
}

fn routes(config: &mut web::ServiceConfig) {
    config
        .app_data(json_config(Rejections::new()).limit(LIMIT))
        // A resource answers a wrong method with 405 (`App::route` answers 404).
        .service(web::resource("/v1/orders").get(|| async { "orders" }))
        .route(
            "/v1/notes",
            web::post().to(|Json(note): Json<Note>| async move { note.text }),
        )
        .route("/v1/panic", web::get().to(panics))
        .route(
            "/v1/upstream",
            web::get().to(|| async {
                HttpResponse::ServiceUnavailable()
                    .insert_header(("x-upstream", "kept"))
                    .body(UPSTREAM_SAYS)
            }),
        )
        .route(
            "/v1/login",
            web::get().to(|| async {
                HttpResponse::Unauthorized()
                    .insert_header(("www-authenticate", "Bearer"))
                    .body("log in first")
            }),
        )
        .route("/v1/locked", web::get().to(|| async { checks::locked() }));
}

/// Starts the app behind `catch_all` and runs `check` against its address.
fn serve<F: core::future::Future<Output = ()>>(
    config: CatchAll,
    check: impl FnOnce(SocketAddr) -> F,
) {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(move || {
            App::new()
                .wrap(from_fn(catch_all(config)))
                .configure(routes)
        })
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
fn every_error_is_a_problem_with_its_true_status() {
    serve(checks::default(), |addr| checks::check_default(addr, "GET"));
}

#[test]
fn codes_urn_instances_trace_ids_and_skipped_statuses() {
    serve(checks::configured(), checks::check_configured);
}

#[test]
fn no_instance_when_the_policy_says_none() {
    serve(checks::without_instance(), checks::check_without_instance);
}

#[cfg(feature = "xml")]
#[test]
fn xml_when_accept_prefers_it() {
    serve(checks::default(), checks::check_xml);
}
