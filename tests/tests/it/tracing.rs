//! With the `tracing` feature, rendering a 5xx problem records an event with the code,
//! the status and the whole `source()` chain, and the body stays clean.

#![cfg(feature = "tracing")]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use problem_codes::ProblemCode;
use problem_codes_tests::eryao::Auth;
use problem_codes_tests::service;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

type Fields = BTreeMap<String, String>;

/// Keeps every event's fields, and its level and target under `level` and `target`.
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
        fields.insert("level".into(), event.metadata().level().to_string());
        fields.insert("target".into(), event.metadata().target().to_owned());
        event.record(&mut Visitor(&mut fields));
        self.0.lock().expect("not poisoned").push(fields);
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

fn recorded(f: impl FnOnce()) -> Vec<Fields> {
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), f);
    recorder.0.lock().expect("not poisoned").clone()
}

#[test]
fn a_server_error_records_its_source_chain_and_the_body_stays_clean() {
    let err = service::transcribe().unwrap_err();
    let mut body = Vec::new();
    let events = recorded(|| {
        body = err
            .render()
            .instance("/v1/agent/transcribe")
            .to_response()
            .into_body();
    });
    assert_eq!(events.len(), 1, "{events:?}");
    let event = &events[0];
    assert_eq!(event["level"], "ERROR");
    assert_eq!(event["target"], "problem_codes");
    assert_eq!(event["code"], "AGENT_ASR_UNAVAILABLE");
    assert_eq!(event["status"], "502");
    assert_eq!(event["instance"], "/v1/agent/transcribe");
    assert_eq!(
        event["error"],
        "transcription failed: ASR upstream asr.internal:7000 failed: connection refused"
    );
    let body = String::from_utf8(body).expect("UTF-8");
    for secret in ["asr.internal", "refused", "transcription failed"] {
        assert!(!body.contains(secret), "{secret} in {body}");
    }
}

#[test]
fn a_server_error_without_an_error_behind_it_records_code_and_status() {
    let events = recorded(|| {
        let _ = Auth::AUTH_SERVICE_UNAVAILABLE.to_response();
    });
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["code"], "AUTH_SERVICE_UNAVAILABLE");
    assert_eq!(events[0]["status"], "503");
    assert!(!events[0].contains_key("error"));
}

#[test]
fn client_errors_and_bare_bodies_record_nothing() {
    let events = recorded(|| {
        let _ = service::request_otp().unwrap_err().to_response();
        let _ = service::transcribe().unwrap_err().to_json();
    });
    assert!(events.is_empty(), "{events:?}");
}

#[derive(Debug, ProblemCode)]
enum EchoError {
    #[problem(
        code = "UPLOAD_NAME_REJECTED",
        status = 422,
        title = "Upload name rejected"
    )]
    Rejected {
        #[problem(header = "x-rejected-name")]
        name: String,
    },
}

#[test]
fn a_header_value_past_the_bound_is_left_out_and_recorded() {
    let huge = EchoError::Rejected {
        name: "n".repeat(200 * 1024),
    };
    let mut response = None;
    let events = recorded(|| response = Some(huge.to_response()));
    let response = response.expect("rendered");
    assert_eq!(response.status(), 422);
    assert!(response.headers().get("x-rejected-name").is_none());
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0]["level"], "WARN");
    assert_eq!(events[0]["header"], "x-rejected-name");
    assert_eq!(events[0]["reason"], "longer than MAX_HEADER_VALUE_LEN");
    assert_eq!(
        events[0]["limit"],
        problem_codes::MAX_HEADER_VALUE_LEN.to_string()
    );

    let injected = EchoError::Rejected {
        name: "a\r\nset-cookie: session=x".into(),
    };
    let events = recorded(|| {
        let response = injected.to_response();
        assert!(response.headers().get("x-rejected-name").is_none());
        assert!(response.headers().get("set-cookie").is_none());
    });
    assert_eq!(events[0]["reason"], "not a valid header value");

    let fine = EchoError::Rejected {
        name: "cat.png".into(),
    };
    let events = recorded(|| {
        assert_eq!(fine.to_response().headers()["x-rejected-name"], "cat.png");
    });
    assert!(events.is_empty(), "{events:?}");
}
