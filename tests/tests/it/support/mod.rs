//! What the loopback tests share: a real HTTP client (hyper's) and the expectations on
//! the eryao service, which hold for every framework that serves it.

#![allow(dead_code, reason = "each feature's loopback tests use part of it")]

use std::net::SocketAddr;

use http::header::{CONTENT_TYPE, RETRY_AFTER};
use http::{Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use problem_codes::{JsonPointer, NotAProblem, PROBLEM_JSON, Problem, TypedCode, ValidationErrors};
use problem_codes_tests::eryao::{AgentPoints, AgentSession, Auth, Eryao, Profile};
use serde_json::{Value, json};

/// One exchange over loopback: the response head and its whole body.
pub struct Reply {
    pub parts: http::response::Parts,
    pub body: Bytes,
}

impl Reply {
    pub fn status(&self) -> StatusCode {
        self.parts.status
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

    /// The body parsed back as a client does, with the status and content type checked.
    pub fn problem(&self) -> Problem {
        Problem::from_response_parts(&self.parts, &self.body).expect("a problem response")
    }

    pub fn code(&self) -> Option<Eryao> {
        self.problem().typed_code::<Eryao>().known()
    }
}

/// Sends one request to `addr` with hyper's client.
pub async fn send(addr: SocketAddr, method: Method, path: &str, json_body: Option<&str>) -> Reply {
    send_with(
        addr,
        method,
        path,
        json_body.map(|b| ("application/json", b)),
    )
    .await
}

/// Sends one request with a body of the given content type.
pub async fn send_with(
    addr: SocketAddr,
    method: Method,
    path: &str,
    body: Option<(&str, &str)>,
) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://{addr}{path}"));
    let payload = match body {
        Some((content_type, body)) => {
            request = request.header(CONTENT_TYPE, content_type);
            Bytes::from(body.to_owned())
        }
        None => Bytes::new(),
    };
    let request = request.body(Full::new(payload)).expect("a valid request");
    let response = client.request(request).await.expect("the server answers");
    let (parts, body) = response.into_parts();
    let body = body.collect().await.expect("a whole body").to_bytes();
    Reply { parts, body }
}

fn is_problem(reply: &Reply, status: u16) {
    assert_eq!(reply.status(), status, "{}", reply.text());
    assert_eq!(reply.header("content-type"), Some(PROBLEM_JSON));
}

/// Every expectation on the service that does not depend on the framework.
pub async fn check_service(addr: SocketAddr) {
    otp_is_throttled(addr).await;
    points_are_insufficient(addr).await;
    profile_fields_are_invalid(addr).await;
    asr_failure_stays_in_the_logs(addr).await;
    sessions(addr).await;
    malformed_bodies_are_problems(addr).await;
    non_problem_responses_are_typed_errors(addr).await;
}

pub async fn otp_is_throttled(addr: SocketAddr) {
    let reply = send(addr, Method::POST, "/v1/auth/otp", None).await;
    is_problem(&reply, 429);
    assert_eq!(reply.header(RETRY_AFTER.as_str()), Some("30"));
    assert_eq!(
        reply.text(),
        r#"{"type":"https://errors.eryao.example/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in 30 seconds","instance":"/v1/auth/otp","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#
    );
    assert_eq!(
        reply.code(),
        Some(Eryao::from(Auth::AUTH_TOO_MANY_REQUESTS))
    );
    interoperates(&reply);
}

pub async fn points_are_insufficient(addr: SocketAddr) {
    let reply = send(addr, Method::POST, "/v1/agent/runs", None).await;
    is_problem(&reply, 402);
    assert_eq!(reply.header("x-points-balance"), Some("3"));
    assert_eq!(reply.header("retry-after"), None);
    assert_eq!(
        reply.text(),
        r#"{"type":"https://errors.eryao.example/points-insufficient-balance","title":"Not enough points to start this run","status":402,"detail":"This run needs 10 points; you have 3","instance":"/v1/agent/runs","code":"POINTS_INSUFFICIENT_BALANCE","balance":3,"required":10}"#
    );
    let problem = reply.problem();
    assert_eq!(
        problem.typed_code::<Eryao>(),
        TypedCode::Known(Eryao::from(AgentPoints::POINTS_INSUFFICIENT_BALANCE))
    );
    assert_eq!(problem.extension("balance"), Some(&json!(3)));
    assert_eq!(problem.extension("required"), Some(&json!(10)));
    interoperates(&reply);
}

pub async fn profile_fields_are_invalid(addr: SocketAddr) {
    let request = r#"{"nickname":" ","bio":"ok","links":["https://eryao.example","ftp://x/~y"]}"#;
    let reply = send(addr, Method::PATCH, "/v1/profile", Some(request)).await;
    is_problem(&reply, 422);
    assert_eq!(
        reply.json(),
        json!({
            "type": "https://errors.eryao.example/profile-payload-invalid",
            "title": "Profile update payload invalid (length/type/empty constraints)",
            "status": 422,
            "detail": "Some fields are invalid",
            "instance": "/v1/profile",
            "code": "PROFILE_PAYLOAD_INVALID",
            "errors": [
                { "detail": "must not be empty", "pointer": "#/nickname" },
                { "detail": "must start with https://", "pointer": "#/links/1" },
            ],
        })
    );
    assert_eq!(
        reply.code(),
        Some(Eryao::from(Profile::PROFILE_PAYLOAD_INVALID))
    );
    // Each pointer designates the offending value in the request the client sent.
    let sent: Value = serde_json::from_str(request).expect("JSON");
    let errors = ValidationErrors::from_problem(&reply.problem());
    let at: Vec<Option<&Value>> = errors.iter().map(|e| e.pointer().resolve(&sent)).collect();
    assert_eq!(at, [Some(&json!(" ")), Some(&json!("ftp://x/~y"))]);
    interoperates(&reply);

    let valid = r#"{"nickname":"ada","links":["https://eryao.example"]}"#;
    let reply = send(addr, Method::PATCH, "/v1/profile", Some(valid)).await;
    assert_eq!(reply.status(), 200);
    assert_eq!(
        reply.json(),
        json!({"nickname":"ada","bio":null,"links":["https://eryao.example"]})
    );
}

pub async fn asr_failure_stays_in_the_logs(addr: SocketAddr) {
    let reply = send(addr, Method::POST, "/v1/agent/transcribe", None).await;
    is_problem(&reply, 502);
    assert_eq!(
        reply.text(),
        r#"{"type":"https://errors.eryao.example/agent-asr-unavailable","title":"Upstream ASR service unavailable","status":502,"detail":"Speech recognition is unavailable, please type your message","instance":"/v1/agent/transcribe","code":"AGENT_ASR_UNAVAILABLE"}"#
    );
    for secret in ["asr.internal", "refused", "transcription failed"] {
        assert!(!reply.text().contains(secret), "{secret} leaked");
    }
    assert_eq!(
        reply.code(),
        Some(Eryao::from(AgentSession::AGENT_ASR_UNAVAILABLE))
    );
    interoperates(&reply);
}

pub async fn sessions(addr: SocketAddr) {
    let reply = send(addr, Method::GET, "/v1/agent/sessions/42", None).await;
    is_problem(&reply, 404);
    let problem = reply.problem();
    assert_eq!(problem.detail(), Some("No session 42"));
    assert_eq!(problem.instance(), Some("/v1/agent/sessions/42"));
    assert_eq!(
        reply.code(),
        Some(Eryao::from(AgentSession::AGENT_SESSION_NOT_FOUND))
    );

    // A path parameter that does not parse: the code the service chose for it.
    let reply = send(addr, Method::GET, "/v1/agent/sessions/not-a-number", None).await;
    is_problem(&reply, 422);
    let problem = reply.problem();
    assert_eq!(
        reply.code(),
        Some(Eryao::from(AgentSession::AGENT_SESSION_ID_INVALID))
    );
    assert_eq!(problem.instance(), Some("/v1/agent/sessions/not-a-number"));
    assert!(problem.detail().is_some_and(|d| !d.is_empty()));
    interoperates(&reply);
}

/// A profile body of the wrong shape points at the field, with `field_detail` (the
/// deserializer's message, which differs by framework); a syntax error points at none.
/// Returns the two replies, for the framework's own checks.
pub async fn wrong_shape_points_at_the_field(
    addr: SocketAddr,
    field_detail: &str,
) -> (Reply, Reply) {
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
    assert_eq!(body["errors"][0]["detail"], field_detail);
    assert_eq!(body["errors"].as_array().map(Vec::len), Some(1));

    // A syntax error has no field to point at.
    let syntax = send(addr, Method::PATCH, "/v1/profile", Some("{")).await;
    assert_eq!(syntax.json().get("errors"), None);
    assert_eq!(syntax.json()["code"], "PROFILE_PAYLOAD_INVALID");
    (reply, syntax)
}

/// Bodies a framework refuses before the handler runs still reach the client as
/// problems, under the code the service chose for JSON rejections; one of another media
/// type as a 415.
pub async fn malformed_bodies_are_problems(addr: SocketAddr) {
    for (content_type, body) in [
        ("application/json", "{"),
        ("application/json", r#"{"nickname":7}"#),
        ("application/json", r#"{"bio":"no nickname"}"#),
    ] {
        let reply = send_with(
            addr,
            Method::PATCH,
            "/v1/profile",
            Some((content_type, body)),
        )
        .await;
        is_problem(&reply, 422);
        let problem = reply.problem();
        assert_eq!(
            reply.code(),
            Some(Eryao::from(Profile::PROFILE_PAYLOAD_INVALID)),
            "{body}"
        );
        assert_eq!(problem.instance(), Some("/v1/profile"));
        assert!(problem.detail().is_some_and(|d| !d.is_empty()), "{body}");
        interoperates(&reply);
    }

    // A body of another media type keeps its own status, 415, not the JSON code's.
    let body = Some(("text/plain", r#"{"nickname":"ada"}"#));
    let reply = send_with(addr, Method::PATCH, "/v1/profile", body).await;
    is_problem(&reply, 415);
    let problem = reply.problem();
    assert_eq!(
        (problem.code(), problem.instance()),
        (None, Some("/v1/profile"))
    );
    assert!(problem.is_about_blank());
}

/// A response that is not a problem document gives the client a typed error.
pub async fn non_problem_responses_are_typed_errors(addr: SocketAddr) {
    let reply = send(addr, Method::GET, "/no/such/route", None).await;
    assert_eq!(reply.status(), 404);
    let err = Problem::from_response_parts(&reply.parts, &reply.body).unwrap_err();
    assert!(
        matches!(
            err,
            NotAProblem::ContentType { .. } | NotAProblem::EmptyBody { .. }
        ),
        "{err:?}"
    );
    assert_eq!(err.status(), 404);
}

/// The peers' own problem types read our body to the same facts.
pub fn interoperates(reply: &Reply) {
    let ours = reply.problem();

    let peer: http_api_problem::HttpApiProblem =
        serde_json::from_slice(&reply.body).expect("http-api-problem parses it");
    assert_eq!(peer.type_url.as_deref(), Some(ours.type_uri()));
    assert_eq!(
        peer.status.map(|s| s.as_u16()),
        ours.status().map(|s| s.as_u16())
    );
    assert_eq!(peer.title.as_deref(), ours.title());
    assert_eq!(peer.detail.as_deref(), ours.detail());
    assert_eq!(peer.instance.as_deref(), ours.instance());
    assert_eq!(peer.json_value("code").and_then(Value::as_str), ours.code());

    let peer: problem_details::ProblemDetails<serde_json::Map<String, Value>> =
        serde_json::from_slice(&reply.body).expect("problem_details parses it");
    assert_eq!(
        peer.r#type.map(|t| t.to_string()).as_deref(),
        Some(ours.type_uri())
    );
    assert_eq!(
        peer.status.map(|s| s.as_u16()),
        ours.status().map(|s| s.as_u16())
    );
    assert_eq!(peer.title.as_deref(), ours.title());
    assert_eq!(peer.detail.as_deref(), ours.detail());
    assert_eq!(
        peer.instance.map(|i| i.to_string()).as_deref(),
        ours.instance()
    );
    assert_eq!(
        peer.extensions.get("code").and_then(Value::as_str),
        ours.code()
    );
    for (name, value) in ours.extensions() {
        assert_eq!(peer.extensions.get(name), Some(value), "{name}");
    }
    if let Some(errors) = peer.extensions.get("errors") {
        let items = errors.as_array().expect("an array");
        for item in items {
            let pointer = item["pointer"].as_str().expect("a pointer");
            JsonPointer::parse(pointer).expect("a JSON Pointer");
        }
    }
}
