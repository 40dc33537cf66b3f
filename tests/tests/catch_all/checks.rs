//! The catch-all's expectations, which hold for every framework: the same small service
//! is served three times (the default catch-all, one with codes, a `urn:uuid:` instance,
//! a trace member and a skipped status, and one with no instance), each on 127.0.0.1,
//! and called with hyper's client.

#![allow(dead_code, reason = "each test binary uses part of it")]

use std::net::SocketAddr;

use http::{Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use problem_codes::{CatchAll, ExtensionName, Instance, Problem};
use serde_json::{Value, json};

problem_codes::error_catalog! {
    pub catalog Edge {
        section "Edge" {
            ROUTE_NOT_FOUND = 404 { title: "No such endpoint", handling: "Check the URL" },
            BODY_NOT_JSON = 415 { title: "Send JSON", handling: "Fix the client" },
            INTERNAL_ERROR = 500 { title: "Something went wrong on our side", handling: "Retry later" },
        }
    }
}

/// What the panicking handler panics with, which must never reach the wire.
pub const SECRET: &str = "db password hunter2 at 10.0.0.7";
/// What the upstream handler's plain-text 503 says, which must not reach the wire.
pub const UPSTREAM_SAYS: &str = "connection pool exhausted at 10.0.0.9";
/// The largest body the JSON route accepts.
pub const LIMIT: usize = 64;
/// A `traceparent` header and its trace id.
pub const TRACEPARENT: &str = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
pub const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";

/// The three catch-alls the service is served with.
pub fn default() -> CatchAll {
    CatchAll::new()
}

pub fn configured() -> CatchAll {
    CatchAll::new()
        .not_found(Edge::ROUTE_NOT_FOUND)
        .unsupported_media_type(Edge::BODY_NOT_JSON)
        .panic(Edge::INTERNAL_ERROR)
        .skip(StatusCode::UNAUTHORIZED)
        .instance(Instance::Urn)
        .trace_member(ExtensionName::from_static("trace_id"))
}

pub fn without_instance() -> CatchAll {
    CatchAll::new().instance(Instance::None)
}

/// The routes each framework serves:
/// - `GET /v1/orders`: 200 (any other method is a 405);
/// - `POST /v1/notes`: reads a [`Note`] of at most [`LIMIT`] bytes with the
///   integration's `Json` extractor and answers its text;
/// - `GET /v1/panic`: panics with [`SECRET`];
/// - `GET /v1/upstream`: a plain-text 503 saying [`UPSTREAM_SAYS`], with `x-upstream`;
/// - `GET /v1/login`: a plain-text 401 with `www-authenticate`;
/// - `GET /v1/locked`: a problem built by hand, without `instance`.
#[derive(Debug, serde::Deserialize)]
pub struct Note {
    pub text: String,
}

pub fn locked() -> Problem {
    Problem::new(StatusCode::CONFLICT).with_code("ORDER_LOCKED")
}

/// One exchange over loopback.
pub struct Reply {
    pub parts: http::response::Parts,
    pub body: Bytes,
}

impl Reply {
    pub fn status(&self) -> u16 {
        self.parts.status.as_u16()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.parts.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("a UTF-8 body")
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }

    /// The body parsed as a client does, with status and content type checked.
    pub fn problem(&self) -> Problem {
        Problem::from_response_parts(&self.parts, &self.body).expect("a problem response")
    }

    /// Nothing of `secret` in the body or any header.
    pub fn keeps(&self, secret: &str) {
        assert!(!self.text().contains(secret), "{}", self.text());
        for word in secret.split(' ').filter(|w| w.len() > 3) {
            assert!(!self.text().contains(word), "{word} in {}", self.text());
            for (name, value) in &self.parts.headers {
                let value = String::from_utf8_lossy(value.as_bytes());
                assert!(!value.contains(word), "{word} in header {name}");
            }
        }
    }
}

/// Sends one request, with the given headers and body.
pub async fn send(
    addr: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from(body.to_owned())))
        .expect("a valid request");
    let response = client.request(request).await.expect("the server answers");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("a whole body").to_bytes();
    Reply { parts, body }
}

pub async fn get(addr: SocketAddr, path: &str) -> Reply {
    send(addr, Method::GET, path, &[], "").await
}

/// Every expectation on the service behind [`default`].
pub async fn check_default(addr: SocketAddr, allow: &str) {
    // An unmatched route: about:blank, the status phrase, the request path.
    let reply = get(addr, "/v1/nowhere?token=abc").await;
    assert_eq!(reply.status(), 404);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+json")
    );
    assert_eq!(
        reply.json(),
        json!({"title": "Not Found", "status": 404, "instance": "/v1/nowhere"})
    );

    // A wrong method: 405, with the framework's `Allow`.
    let reply = send(addr, Method::DELETE, "/v1/orders", &[], "").await;
    assert_eq!(reply.status(), 405);
    assert_eq!(reply.header("allow"), Some(allow));
    assert_eq!(reply.problem().title(), Some("Method Not Allowed"));
    assert_eq!(
        reply.problem().status(),
        Some(StatusCode::METHOD_NOT_ALLOWED)
    );

    // No content type: a 415 stays a 415.
    let reply = send(addr, Method::POST, "/v1/notes", &[], r#"{"text":"a"}"#).await;
    assert_eq!(reply.status(), 415, "{}", reply.text());
    let problem = reply.problem();
    assert_eq!(
        (problem.title(), problem.code()),
        (Some("Unsupported Media Type"), None)
    );
    assert_eq!(problem.instance(), Some("/v1/notes"));

    // Over the limit: a 413.
    let big = format!(r#"{{"text":"{}"}}"#, "a".repeat(LIMIT * 2));
    let json_body = [("content-type", "application/json")];
    let reply = send(addr, Method::POST, "/v1/notes", &json_body, &big).await;
    assert_eq!(reply.status(), 413, "{}", reply.text());
    assert_eq!(reply.problem().title(), Some("Payload Too Large"));

    // A body that fits is read.
    let reply = send(
        addr,
        Method::POST,
        "/v1/notes",
        &json_body,
        r#"{"text":"a"}"#,
    )
    .await;
    assert_eq!((reply.status(), reply.text()), (200, "a"));

    // A panic: 500, nothing of the payload, and the server goes on answering.
    let reply = get(addr, "/v1/panic").await;
    assert_eq!(reply.status(), 500);
    assert_eq!(
        reply.json(),
        json!({"title": "Internal Server Error", "status": 500, "instance": "/v1/panic"})
    );
    reply.keeps(SECRET);
    assert_eq!(get(addr, "/v1/orders").await.status(), 200);

    // Another handler's or middleware's error that is not a problem: its status and
    // headers, none of its body.
    let reply = get(addr, "/v1/upstream").await;
    assert_eq!(reply.status(), 503);
    assert_eq!(reply.header("x-upstream"), Some("kept"));
    assert_eq!(reply.problem().title(), Some("Service Unavailable"));
    reply.keeps(UPSTREAM_SAYS);

    let reply = get(addr, "/v1/login").await;
    assert_eq!(reply.status(), 401);
    assert_eq!(reply.header("www-authenticate"), Some("Bearer"));
    assert_eq!(reply.problem().title(), Some("Unauthorized"));

    // A problem the handler rendered is served as it is, with the request path.
    let reply = get(addr, "/v1/locked").await;
    assert_eq!(
        reply.text(),
        r#"{"title":"Conflict","status":409,"instance":"/v1/locked","code":"ORDER_LOCKED"}"#
    );
}

/// The `urn:uuid:` in an `instance`, checked to be a version-4 UUID.
pub fn urn(problem: &Problem) -> String {
    let instance = problem.instance().expect("an instance");
    let uuid = instance.strip_prefix("urn:uuid:").expect("a urn:uuid:");
    assert_eq!(uuid.len(), 36, "{uuid}");
    assert_eq!(uuid.as_bytes()[14], b'4', "{uuid}");
    assert!(
        uuid.bytes()
            .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    instance.to_owned()
}

/// The trace member, checked to be a W3C trace id.
pub fn trace(problem: &Problem) -> String {
    let id = problem
        .extension("trace_id")
        .and_then(Value::as_str)
        .expect("a trace_id member");
    assert_eq!(id.len(), 32, "{id}");
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    id.to_owned()
}

/// Every expectation on the service behind [`configured`].
pub async fn check_configured(addr: SocketAddr) {
    let reply = get(addr, "/v1/nowhere").await;
    assert_eq!(reply.status(), 404);
    let problem = reply.problem();
    assert_eq!(problem.code(), Some("ROUTE_NOT_FOUND"));
    assert_eq!(problem.title(), Some("No such endpoint"));
    let (first, first_trace) = (urn(&problem), trace(&problem));
    // Per occurrence: the next failure of the same path has other ids.
    let again = get(addr, "/v1/nowhere").await.problem();
    assert_ne!(urn(&again), first);
    assert_ne!(trace(&again), first_trace);

    // The request's own trace id, from `traceparent`.
    let with_parent = [("traceparent", TRACEPARENT)];
    let reply = send(addr, Method::GET, "/v1/nowhere", &with_parent, "").await;
    assert_eq!(trace(&reply.problem()), TRACE_ID);
    let malformed = [("traceparent", "00-xyz-00f067aa0ba902b7-01")];
    let reply = send(addr, Method::GET, "/v1/nowhere", &malformed, "").await;
    assert_ne!(trace(&reply.problem()), "xyz");

    // The code for 415, which keeps its status.
    let reply = send(addr, Method::POST, "/v1/notes", &[], r#"{"text":"a"}"#).await;
    assert_eq!(reply.status(), 415);
    let problem = reply.problem();
    assert_eq!(problem.code(), Some("BODY_NOT_JSON"));
    urn(&problem);
    trace(&problem);

    // No code for 405: about:blank, with the other parts of the policy.
    let reply = send(addr, Method::DELETE, "/v1/orders", &[], "").await;
    assert_eq!(reply.status(), 405);
    assert!(reply.problem().is_about_blank());
    urn(&reply.problem());

    let reply = get(addr, "/v1/panic").await;
    assert_eq!(reply.status(), 500);
    let problem = reply.problem();
    assert_eq!(problem.code(), Some("INTERNAL_ERROR"));
    urn(&problem);
    trace(&problem);
    reply.keeps(SECRET);

    // A skipped status is served as the handler left it.
    let reply = get(addr, "/v1/login").await;
    assert_eq!(reply.status(), 401);
    assert_eq!(reply.text(), "log in first");

    // A problem the handler rendered gets the policy's instance and the trace member.
    let reply = get(addr, "/v1/locked").await;
    let problem = reply.problem();
    assert_eq!(problem.code(), Some("ORDER_LOCKED"));
    urn(&problem);
    trace(&problem);
}

/// Every expectation on the service behind [`without_instance`].
pub async fn check_without_instance(addr: SocketAddr) {
    for path in ["/v1/nowhere", "/v1/panic", "/v1/locked", "/v1/upstream"] {
        let reply = get(addr, path).await;
        let problem = reply.problem();
        assert_eq!(problem.instance(), None, "{path}: {}", reply.text());
        assert_eq!(problem.extension("trace_id"), None);
    }
    let reply = send(addr, Method::POST, "/v1/notes", &[], "{}").await;
    assert_eq!((reply.status(), reply.problem().instance()), (415, None));
}

/// `application/problem+xml`, when `Accept` prefers it.
#[cfg(feature = "xml")]
pub async fn check_xml(addr: SocketAddr) {
    use super::xml_tree::Element;

    let xml = [("accept", "application/problem+xml")];
    let reply = send(addr, Method::GET, "/v1/nowhere", &xml, "").await;
    assert_eq!(reply.status(), 404);
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+xml")
    );
    let served = Element::parse(reply.text());
    let json = get(addr, "/v1/nowhere").await;
    assert_eq!(served, Element::from_problem(&json.problem()));

    // The panic, the handler's problem, a wrong method: XML too.
    for (method, path) in [
        (Method::GET, "/v1/panic"),
        (Method::GET, "/v1/locked"),
        (Method::DELETE, "/v1/orders"),
    ] {
        let reply = send(addr, method, path, &xml, "").await;
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+xml"),
            "{path}"
        );
        let element = Element::parse(reply.text());
        assert_eq!(
            element.child("status"),
            Some(reply.status().to_string().as_str())
        );
        reply.keeps(SECRET);
    }

    // JSON wins ties and is the default.
    for accept in [
        "application/problem+xml, application/problem+json",
        "application/problem+xml;q=0.5, application/json",
        "*/*",
        "text/html",
    ] {
        let reply = send(addr, Method::GET, "/v1/nowhere", &[("accept", accept)], "").await;
        assert_eq!(
            reply.header("content-type"),
            Some("application/problem+json"),
            "{accept}"
        );
    }
    let reply = send(
        addr,
        Method::GET,
        "/v1/nowhere",
        &[("accept", "application/json;q=0.2, application/xml;q=0.9")],
        "",
    )
    .await;
    assert_eq!(
        reply.header("content-type"),
        Some("application/problem+xml")
    );
    // A success is never touched.
    let reply = send(addr, Method::GET, "/v1/orders", &xml, "").await;
    assert_eq!((reply.status(), reply.text()), (200, "orders"));
}
