//! With the `tracing` feature, a handler's panic goes to an event that carries its
//! payload and the ids its problem response carries; the response carries none of the
//! payload. Alone in its binary: the event is caught by this thread's subscriber.

#![cfg(all(feature = "tracing", feature = "axum", feature = "actix-web"))]

#[path = "catch_all/checks.rs"]
mod checks;
#[cfg(feature = "xml")]
#[path = "catch_all/xml_tree.rs"]
mod xml_tree;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use checks::SECRET;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Fields = BTreeMap<String, String>;

/// Keeps every event's fields.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Fields>>>);

struct Visitor<'a>(&'a mut Fields);

impl Visit for Visitor<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields::new();
        event.record(&mut Visitor(&mut fields));
        self.0.lock().expect("not poisoned").push(fields);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

impl Recorder {
    fn panics(&self) -> Vec<Fields> {
        let events = self.0.lock().expect("not poisoned");
        events
            .iter()
            .filter(|e| e.contains_key("panic"))
            .cloned()
            .collect()
    }
}

/// The event of one panic: its payload, its status, and the body's ids.
fn check_event(events: &[Fields], problem: &problem_codes::Problem) {
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(event["panic"], SECRET);
    assert_eq!(event["status"], "500");
    assert_eq!(Some(event["instance"].as_str()), problem.instance());
    assert_eq!(event["trace_id"], checks::trace(problem));
}

#[test]
fn a_panic_is_recorded_with_the_ids_of_its_response() {
    let recorder = Recorder::default();
    tracing::subscriber::set_global_default(recorder.clone()).expect("the only subscriber");

    // axum, over loopback.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let problem = runtime.block_on(async {
        use axum::Router;
        use axum::routing::get;
        use problem_codes::axum::ProblemLayer;

        let router = Router::new()
            .route(
                "/v1/panic",
                get(|| async {
                    if SECRET.is_empty() {
                        return "never";
                    }
                    panic!("{SECRET}")
                }),
            )
            .layer(ProblemLayer::new().catch_all(checks::configured()));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a free port");
        let addr = listener.local_addr().expect("an address");
        tokio::spawn(async move { axum::serve(listener, router).await });
        let reply = checks::get(addr, "/v1/panic").await;
        reply.keeps(SECRET);
        reply.problem()
    });
    check_event(&recorder.panics(), &problem);
    recorder.0.lock().expect("not poisoned").clear();

    // actix-web, over loopback.
    let problem = actix_web::rt::System::new().block_on(async {
        use actix_web::middleware::from_fn;
        use actix_web::{App, HttpServer, web};
        use problem_codes::actix_web::catch_all;

        async fn panics() -> &'static str {
            if SECRET.is_empty() {
                return "never";
            }
            panic!("{SECRET}")
        }
        let server = HttpServer::new(|| {
            App::new()
                .wrap(from_fn(catch_all(checks::configured())))
                .route("/v1/panic", web::get().to(panics))
        })
        .workers(1)
        .bind(("127.0.0.1", 0))
        .expect("a free port");
        let addr = server.addrs()[0];
        let server = server.disable_signals().run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let reply = checks::get(addr, "/v1/panic").await;
        reply.keeps(SECRET);
        handle.stop(false).await;
        reply.problem()
    });
    check_event(&recorder.panics(), &problem);
}
