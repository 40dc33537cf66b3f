//! The eryao service over gRPC: a tonic server and client on 127.0.0.1, each error
//! compared with the problem the axum service answers for the same request, the round
//! trip problem → `Status` → problem over generated problems, and no inner error in any
//! part of a `Status`.
//!
//! The service is written as `tonic-build` would write it, by hand: one unary method
//! whose messages derive `prost::Message`, so nothing runs `protoc`.

#![cfg(feature = "tonic")]

use std::convert::Infallible;
use std::net::SocketAddr;

use http::{Method, StatusCode};
use problem_codes::tonic::{ToStatus, grpc_code};
use problem_codes::{JsonPointer, Problem, ProblemCode, TypedCode, ValidationErrors};
use problem_codes_tests::eryao::{AgentSession, Auth, Eryao, Profile};
use problem_codes_tests::service::{self, AgentError, AsrError, ProfileUpdate};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Value, json};
use tonic::codegen::{BoxFuture, Context, Poll, Service, StdError, http as codegen_http};
use tonic::transport::{Endpoint, Server};
use tonic::{Code, Status};
use tonic_types::StatusExt;

use crate::support;

/// The request of `eryao.v1.Eryao/Call`: which endpoint, and its JSON body.
#[derive(Clone, PartialEq, prost::Message)]
struct Call {
    #[prost(string, tag = "1")]
    endpoint: String,
    #[prost(string, tag = "2")]
    body: String,
}

/// The (empty) reply of a call that succeeds.
#[derive(Clone, PartialEq, prost::Message)]
struct Done {}

const METHOD: &str = "/eryao.v1.Eryao/Call";

/// The service's logic behind gRPC: the same functions the HTTP routes call.
fn answer(call: &Call) -> Result<Done, Status> {
    let endpoint = call.endpoint.as_str();
    let result = match endpoint {
        "otp" => service::request_otp().map_err(|e| e.to_status()),
        "runs" => service::start_run(service::BALANCE).map_err(|e| e.to_status()),
        "profile" => {
            let update: ProfileUpdate = serde_json::from_str(&call.body)
                .map_err(|_| Profile::PROFILE_PAYLOAD_INVALID.to_status())?;
            service::update_profile(update).map_err(|e| e.to_status())?;
            Ok(())
        }
        "transcribe" => service::transcribe().map(drop).map_err(|e| e.to_status()),
        other => match other.strip_prefix("sessions/").map(str::parse::<u64>) {
            Some(Ok(id)) => service::session(id).map(drop).map_err(|e| e.to_status()),
            Some(Err(_)) => Err(AgentSession::AGENT_SESSION_ID_INVALID.to_status()),
            None => Err(Status::unimplemented(other.to_owned())),
        },
    };
    result.map(|()| Done {})
}

#[derive(Clone)]
struct EryaoServer;

impl tonic::server::NamedService for EryaoServer {
    const NAME: &'static str = "eryao.v1.Eryao";
}

struct CallSvc;

impl tonic::server::UnaryService<Call> for CallSvc {
    type Response = Done;
    type Future = BoxFuture<tonic::Response<Done>, Status>;

    fn call(&mut self, request: tonic::Request<Call>) -> Self::Future {
        let reply = answer(request.get_ref()).map(tonic::Response::new);
        Box::pin(async move { reply })
    }
}

impl<B> Service<codegen_http::Request<B>> for EryaoServer
where
    B: tonic::codegen::Body + Send + 'static,
    B::Error: Into<StdError> + Send + 'static,
{
    type Response = codegen_http::Response<tonic::body::Body>;
    type Error = Infallible;
    type Future = BoxFuture<Self::Response, Infallible>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: codegen_http::Request<B>) -> Self::Future {
        if request.uri().path() != METHOD {
            let status = Status::unimplemented(request.uri().path().to_owned());
            return Box::pin(async move { Ok(status.into_http()) });
        }
        Box::pin(async move {
            let mut grpc =
                tonic::server::Grpc::new(tonic_prost::ProstCodec::<Done, Call>::default());
            Ok(grpc.unary(CallSvc, request).await)
        })
    }
}

async fn start_grpc() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    let incoming = tonic::transport::server::TcpIncoming::from(listener);
    tokio::spawn(async move {
        Server::builder()
            .add_service(EryaoServer)
            .serve_with_incoming(incoming)
            .await
    });
    addr
}

async fn start_http() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port");
    let addr = listener.local_addr().expect("an address");
    tokio::spawn(async move { axum::serve(listener, service::axum::router()).await });
    addr
}

/// One RPC over loopback with tonic's client; the `Status` it fails with.
async fn call(addr: SocketAddr, endpoint: &str, body: &str) -> Status {
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .expect("an endpoint")
        .connect()
        .await
        .expect("a connection");
    let mut client = tonic::client::Grpc::new(channel);
    client.ready().await.expect("a ready client");
    let request = tonic::Request::new(Call {
        endpoint: endpoint.to_owned(),
        body: body.to_owned(),
    });
    let codec = tonic_prost::ProstCodec::<Call, Done>::default();
    match client
        .unary(
            request,
            codegen_http::uri::PathAndQuery::from_static(METHOD),
            codec,
        )
        .await
    {
        Ok(_) => panic!("{endpoint} succeeded"),
        Err(status) => status,
    }
}

const BAD_PROFILE: &str =
    r#"{"nickname":"","links":["https://ok.example","http://plain.example"]}"#;

/// Each error of the service: its RPC, and the HTTP request that fails the same way.
const CASES: [(&str, &str, Method, &str, Option<&str>); 5] = [
    ("otp", "", Method::POST, "/v1/auth/otp", None),
    ("runs", "", Method::POST, "/v1/agent/runs", None),
    (
        "profile",
        BAD_PROFILE,
        Method::PATCH,
        "/v1/profile",
        Some(BAD_PROFILE),
    ),
    ("transcribe", "", Method::POST, "/v1/agent/transcribe", None),
    ("sessions/7", "", Method::GET, "/v1/agent/sessions/7", None),
];

/// A problem as JSON, without `instance`: the HTTP layer sets it to the request path,
/// which an RPC does not have.
fn without_instance(problem: &Problem) -> Value {
    let mut value = serde_json::to_value(problem).expect("a JSON problem");
    value.as_object_mut().expect("an object").remove("instance");
    value
}

#[tokio::test]
async fn every_grpc_status_is_the_http_problem_of_the_same_error() {
    let grpc = start_grpc().await;
    let http = start_http().await;
    for (endpoint, body, method, path, http_body) in CASES {
        let status = call(grpc, endpoint, body).await;
        let reply = support::send(http, method, path, http_body).await;
        let served = reply.problem();
        let read = Problem::from_status(&status);

        assert_eq!(
            without_instance(&read),
            without_instance(&served),
            "{endpoint}"
        );
        assert_eq!(
            read.typed_code::<Eryao>(),
            served.typed_code::<Eryao>(),
            "{endpoint}"
        );
        assert!(
            matches!(read.typed_code::<Eryao>(), TypedCode::Known(_)),
            "{endpoint}"
        );
        assert_eq!(status.code(), grpc_code(reply.status()), "{endpoint}");
        assert_eq!(
            Some(status.message()),
            served.detail().or(served.title()),
            "{endpoint}"
        );
        let info = status.get_details_error_info().expect("an ErrorInfo");
        assert_eq!(Some(info.reason.as_str()), served.code(), "{endpoint}");
        assert_eq!(info.domain, "errors.eryao.example", "{endpoint}");
        assert_eq!(
            info.metadata["status"],
            reply.status().as_str(),
            "{endpoint}"
        );
        assert_eq!(read.retry_after(), served.retry_after(), "{endpoint}");
        assert_eq!(
            ValidationErrors::from_problem(&read),
            ValidationErrors::from_problem(&served),
            "{endpoint}"
        );
    }
}

#[tokio::test]
async fn the_details_say_what_the_body_says() {
    let grpc = start_grpc().await;

    let otp = call(grpc, "otp", "").await;
    assert_eq!(otp.code(), Code::ResourceExhausted);
    let retry = otp.get_details_retry_info().expect("a RetryInfo");
    assert_eq!(
        retry.retry_delay,
        Some(std::time::Duration::from_secs(service::OTP_WAIT_SECONDS))
    );

    let runs = call(grpc, "runs", "").await;
    assert_eq!(runs.code(), Code::FailedPrecondition);
    let info = runs.get_details_error_info().expect("an ErrorInfo");
    assert_eq!(info.reason, "POINTS_INSUFFICIENT_BALANCE");
    assert_eq!(info.metadata["balance"], service::BALANCE.to_string());
    assert_eq!(info.metadata["required"], service::RUN_COST.to_string());
    assert_eq!(
        info.metadata["title"],
        "Not enough points to start this run"
    );
    let read = Problem::from_status(&runs);
    assert_eq!(read.extension("balance"), Some(&json!(service::BALANCE)));

    let profile = call(grpc, "profile", BAD_PROFILE).await;
    assert_eq!(profile.code(), Code::InvalidArgument);
    let bad = profile.get_details_bad_request().expect("a BadRequest");
    let fields: Vec<(&str, &str)> = bad
        .field_violations
        .iter()
        .map(|v| (v.field.as_str(), v.description.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("nickname", "must not be empty"),
            ("links[1]", "must start with https://"),
        ]
    );
    let info = profile.get_details_error_info().expect("an ErrorInfo");
    assert!(!info.metadata.contains_key("errors"), "{info:?}");
    let errors = ValidationErrors::from_problem(&Problem::from_status(&profile));
    let pointers: Vec<&str> = errors.iter().map(|e| e.pointer().as_str()).collect();
    assert_eq!(pointers, ["/nickname", "/links/1"]);

    let bad_id = call(grpc, "sessions/abc", "").await;
    assert_eq!(
        Problem::from_status(&bad_id).typed_code::<Eryao>(),
        TypedCode::Known(Eryao::from(AgentSession::AGENT_SESSION_ID_INVALID))
    );
    let unknown = call(grpc, "nowhere", "").await;
    assert_eq!(unknown.code(), Code::Unimplemented);
    let read = Problem::from_status(&unknown);
    assert_eq!(read.typed_code::<Eryao>(), TypedCode::Absent);
    assert_eq!(read.status(), Some(StatusCode::NOT_IMPLEMENTED));
}

/// What must never be seen: a connection string with a password.
const SECRET: &str = "postgres://admin:hunter2-7f9a@db.internal:5432/users";

/// Every text a client can read of a `Status`: message, metadata and details.
fn everything_in(status: &Status) -> String {
    let mut seen = format!("{status:?}\n{}\n", status.message());
    for entry in status.metadata().iter() {
        seen.push_str(&format!("{entry:?}\n"));
    }
    seen.push_str(&String::from_utf8_lossy(status.details()));
    seen.push_str(&format!("{:?}", status.get_error_details_vec()));
    let mut headers = http::HeaderMap::new();
    status.add_header(&mut headers).expect("headers");
    seen.push_str(&format!("{headers:?}"));
    seen
}

#[tokio::test]
async fn inner_errors_never_reach_a_status() {
    let grpc = start_grpc().await;
    let over_the_wire = call(grpc, "transcribe", "").await;
    let seen = everything_in(&over_the_wire);
    for internal in ["asr.internal", "connection refused", "transcription failed"] {
        assert!(!seen.contains(internal), "{internal} leaked: {seen}");
    }

    let err = AgentError::AsrUnavailable(AsrError {
        endpoint: SECRET,
        cause: std::io::Error::other(SECRET),
    });
    assert!(
        format!("{err:?}").contains(SECRET),
        "the search must be able to find it"
    );
    let seen = everything_in(&err.to_status());
    assert!(!seen.contains("hunter2"), "{seen}");
    assert!(seen.contains("AGENT_ASR_UNAVAILABLE"), "{seen}");
}

/// Text that stresses every encoding on the way: quotes, brackets, dots, control
/// characters, any scalar value.
fn text(max: usize) -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        6 => prop::char::range(' ', '~'),
        1 => prop::char::range('\0', '\x1f'),
        1 => prop::sample::select(vec!['"', '\\', '.', '[', ']', '/', '~', '%', '{']),
        2 => any::<char>(),
    ];
    prop::collection::vec(chars, 0..max).prop_map(|chars| chars.into_iter().collect())
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text(12).prop_map(Value::from),
        prop::sample::select(vec!["42", "true", "\"q\"", " null", "[1]", ""]).prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::vec((text(6), inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn validation_errors() -> impl Strategy<Value = ValidationErrors> {
    let pointer = prop::collection::vec(
        prop_oneof![text(6), (0usize..20).prop_map(|i| i.to_string())],
        0..4,
    )
    .prop_map(|tokens| {
        let mut pointer = JsonPointer::root();
        for token in &tokens {
            pointer.push(token);
        }
        pointer
    });
    prop::collection::vec((pointer, text(16)), 1..4).prop_map(|errors| {
        errors
            .into_iter()
            .fold(ValidationErrors::new(), |acc, (pointer, detail)| {
                acc.with(pointer, detail)
            })
    })
}

prop_compose! {
    fn problem()(
        code in prop::option::weighted(0.9, "[A-Z][A-Z0-9_]{1,20}[A-Z0-9]"),
        status in 400u16..=599,
        type_uri in prop::option::of(prop_oneof![
            "https://[a-z]{1,8}\\.example/[a-z-]{1,12}",
            "/problems/[a-z-]{1,12}",
            text(16),
        ]),
        title in text(24).prop_filter("a title", |t| !t.is_empty()),
        detail in prop::option::of(text(40)),
        instance in prop::option::of(text(16)),
        retry_after in prop::option::of(0u64..=315_576_000_000),
        members in prop::collection::vec(("[a-zA-Z][a-zA-Z0-9_]{0,10}", json_value()), 0..5),
        errors in prop::option::of(prop_oneof![
            3 => validation_errors().prop_map(|e| serde_json::to_value(e).expect("errors")),
            1 => json_value(),
        ]),
    ) -> Problem {
        let mut problem = Problem::new(StatusCode::from_u16(status).expect("a status")).with_title(title);
        if let Some(type_uri) = type_uri.filter(|t| t != "about:blank") {
            problem = problem.with_type(type_uri);
        }
        if let Some(code) = code {
            problem = problem.with_code(code);
        }
        if let Some(detail) = detail {
            problem = problem.with_detail(detail);
        }
        if let Some(instance) = instance {
            problem = problem.with_instance(instance);
        }
        if let Some(secs) = retry_after {
            problem = problem.with_retry_after(secs);
        }
        for (name, value) in members.into_iter().chain(errors.map(|e| ("errors".to_owned(), e))) {
            problem = problem.clone().with_extension(&name, value).unwrap_or(problem);
        }
        problem
    }
}

/// Cases of the round trip; fixed, so CI's time stays bounded.
const ROUND_TRIP_CASES: u32 = 1_000;

#[test]
fn a_problem_survives_the_status_and_its_headers() {
    let mut runner = TestRunner::new(Config::with_cases(ROUND_TRIP_CASES));
    runner
        .run(&problem(), |problem| {
            let status = problem.to_status();
            // The trailers a server sends and a client reads the `Status` from.
            let mut headers = http::HeaderMap::new();
            status.add_header(&mut headers).expect("headers");
            let received = Status::from_header_map(&headers).expect("a status");
            prop_assert_eq!(received.code(), status.code());
            prop_assert_eq!(Problem::from_status(&received), problem);
            Ok(())
        })
        .expect("the round trip holds");
}

#[test]
fn a_catalog_code_is_a_status_without_a_derive() {
    let status = Auth::AUTH_USER_NOT_FOUND.to_status();
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(status.message(), "User not found");
    let read = Problem::from_status(&status);
    assert_eq!(
        read.typed_code::<Eryao>(),
        TypedCode::Known(Eryao::from(Auth::AUTH_USER_NOT_FOUND))
    );
    assert_eq!(
        read.type_uri(),
        "https://errors.eryao.example/auth-user-not-found"
    );
    assert_eq!(read, Auth::AUTH_USER_NOT_FOUND.to_problem());
}

/// A `Status` as `grpcurl` prints it, details decoded.
fn sorted(value: serde_json::Value) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => {
            let mut entries: Vec<_> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            serde_json::Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        serde_json::Value::Array(items) => {
            serde_json::Value::Array(items.into_iter().map(sorted).collect())
        }
        other => other,
    }
}

fn grpcurl(status: &Status) -> String {
    use tonic_types::{BadRequest, ErrorDetail, ErrorInfo, RetryInfo};
    let mut out = format!(
        "ERROR:\n  Code: {:?}\n  Message: {}\n  Details:\n",
        status.code(),
        status.message()
    );
    for (i, detail) in status.get_error_details_vec().iter().enumerate() {
        let value = match detail {
            ErrorDetail::ErrorInfo(info) => json!({
                "@type": ErrorInfo::TYPE_URL,
                "reason": info.reason,
                "domain": info.domain,
                "metadata": info.metadata.iter().collect::<std::collections::BTreeMap<_, _>>(),
            }),
            ErrorDetail::RetryInfo(retry) => json!({
                "@type": RetryInfo::TYPE_URL,
                "retryDelay": format!("{}s", retry.retry_delay.unwrap_or_default().as_secs()),
            }),
            ErrorDetail::BadRequest(bad) => json!({
                "@type": BadRequest::TYPE_URL,
                "fieldViolations": bad.field_violations.iter().map(|v| json!({
                    "field": v.field,
                    "description": v.description,
                })).collect::<Vec<_>>(),
            }),
            other => panic!("an unexpected detail: {other:?}"),
        };
        // Keys sorted, so the dump is the same whether or not feature unification turns
        // on serde_json's `preserve_order`.
        let pretty = serde_json::to_string_pretty(&sorted(value)).expect("JSON");
        for (j, line) in pretty.lines().enumerate() {
            if j == 0 {
                out.push_str(&format!("  {})\t{line}\n", i + 1));
            } else {
                out.push_str(&format!("    \t{line}\n"));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_readme_shows_the_statuses_the_service_sends() {
    let grpc = start_grpc().await;
    let http = start_http().await;
    let readme = include_str!("../../../README.md");
    for (endpoint, body, method, path) in [
        ("otp", "", Method::POST, "/v1/auth/otp"),
        ("profile", BAD_PROFILE, Method::PATCH, "/v1/profile"),
    ] {
        let dump = grpcurl(&call(grpc, endpoint, body).await);
        assert!(
            readme.contains(&dump),
            "the README lacks, for {endpoint}:\n{dump}"
        );
        let http_body = (!body.is_empty()).then_some(body);
        let reply = support::send(http, method, path, http_body).await;
        assert!(
            readme.contains(reply.text()),
            "the README lacks, for {path}:\n{}",
            reply.text()
        );
    }
}
