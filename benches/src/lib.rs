//! The contestants of the benchmarks: one problem document rendered, served and parsed
//! by problem-codes, by a hand-written floor, by a hand-written serde struct, and by the
//! peers http-api-problem, problem_details and problemdetails. Every contestant must
//! produce the same JSON value; [`check_agreement`] proves it before anything is timed.
//!
//! The document (215 bytes):
//!
//! ```text
//! {"type":"https://errors.example.com/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in 30 seconds","instance":"/v1/auth/otp","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}
//! ```

use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use http::{Response, StatusCode};
use problem_codes::ProblemCode;
use serde::{Deserialize, Serialize};

pub const TYPE: &str = "https://errors.example.com/auth-too-many-requests";
pub const TITLE: &str = "OTP request throttled";
pub const CODE: &str = "AUTH_TOO_MANY_REQUESTS";
pub const INSTANCE: &str = "/v1/auth/otp";
pub const SECONDS: u64 = 30;
pub const PROBLEM_JSON: &str = "application/problem+json";

problem_codes::error_catalog! {
    /// The one code of the benchmark.
    pub catalog Bench {
        type_base = "https://errors.example.com/";
        section "Auth" {
            AUTH_TOO_MANY_REQUESTS = 429 {
                title: "OTP request throttled",
                handling: "Show wait message",
                members: { retry_after?: integer },
            },
        }
    }
}

/// The service error of the benchmark, as a user writes it.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Bench)]
pub enum OtpError {
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        #[problem(retry_after)]
        seconds: u64,
    },
}

problem_codes::catalog_locale! {
    /// The benchmark's code in Simplified Chinese: the localized render's title.
    pub locale ZH_HANS for Bench = "zh-Hans" {
        AUTH_TOO_MANY_REQUESTS { title: "验证码请求过于频繁", handling: "显示等待提示" },
    }
}

include!(concat!(env!("OUT_DIR"), "/big_catalog.rs"));

/// problem-codes: the derive, rendered with `instance`.
pub fn ours(seconds: u64) -> Vec<u8> {
    OtpError::Throttled { seconds }
        .render()
        .instance(INSTANCE)
        .to_vec()
}

/// problem-codes in `zh-Hans`: the same document with the translated title, the
/// derive's own detail kept.
pub fn ours_localized(seconds: u64) -> Vec<u8> {
    OtpError::Throttled { seconds }
        .render()
        .locale(&ZH_HANS)
        .instance(INSTANCE)
        .to_vec()
}

/// The one lookup a localized render adds: the code's translation.
pub fn localized_lookup(code: &str) -> Option<&'static str> {
    ZH_HANS.get(code).map(problem_codes::LocaleEntry::title)
}

/// problem-codes into a reused buffer.
pub fn ours_into(seconds: u64, buf: &mut Vec<u8>) {
    buf.clear();
    OtpError::Throttled { seconds }
        .render()
        .instance(INSTANCE)
        .write_into(buf);
}

/// problem-codes as an `http::Response`.
pub fn ours_response(seconds: u64) -> Response<Vec<u8>> {
    OtpError::Throttled { seconds }
        .render()
        .instance(INSTANCE)
        .to_response()
}

/// The floor: a static prefix copied, the number formatted with itoa, the instance
/// JSON-escaped, into one exact-size buffer. Nothing can do less work.
pub fn floor(seconds: u64) -> Vec<u8> {
    let mut out = Vec::new();
    floor_into(seconds, &mut out);
    out
}

/// The floor into a reused buffer.
pub fn floor_into(seconds: u64, out: &mut Vec<u8>) {
    const HEAD: &[u8] = br#"{"type":"https://errors.example.com/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in "#;
    const MID: &[u8] = br#" seconds","instance":""#;
    const TAIL: &[u8] = br#"","code":"AUTH_TOO_MANY_REQUESTS","retry_after":"#;
    let mut digits = itoa::Buffer::new();
    let secs = digits.format(seconds).as_bytes();
    out.clear();
    out.reserve_exact(
        HEAD.len() + secs.len() + MID.len() + escaped_len(INSTANCE) + TAIL.len() + secs.len() + 1,
    );
    out.extend_from_slice(HEAD);
    out.extend_from_slice(secs);
    out.extend_from_slice(MID);
    write_escaped(out, INSTANCE);
    out.extend_from_slice(TAIL);
    out.extend_from_slice(secs);
    out.push(b'}');
}

/// The floor as an `http::Response`.
pub fn floor_response(seconds: u64) -> Response<Vec<u8>> {
    respond(floor(seconds), seconds)
}

fn respond(body: Vec<u8>, seconds: u64) -> Response<Vec<u8>> {
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
    headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    response
}

fn escaped_len(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            b'"' | b'\\' | b'\n' | b'\r' | b'\t' | 0x08 | 0x0c => 2,
            0x00..=0x1f => 6,
            _ => 1,
        })
        .sum()
}

fn write_escaped(out: &mut Vec<u8>, s: &str) {
    if escaped_len(s) == s.len() {
        out.extend_from_slice(s.as_bytes());
        return;
    }
    // The benchmark's instance needs no escaping; serde_json handles the general case.
    let quoted = serde_json::to_vec(s).unwrap_or_default();
    out.extend_from_slice(&quoted[1..quoted.len().saturating_sub(1)]);
}

/// A hand-written `#[derive(Serialize)]` struct: what a team writes without a library.
#[derive(Serialize)]
pub struct HandWritten<'a> {
    #[serde(rename = "type")]
    pub type_uri: &'a str,
    pub title: &'a str,
    pub status: u16,
    pub detail: String,
    pub instance: &'a str,
    pub code: &'a str,
    pub retry_after: u64,
}

/// The hand-written struct, built and serialized.
pub fn serde_struct(seconds: u64) -> Vec<u8> {
    serde_json::to_vec(&hand_written(seconds)).unwrap_or_default()
}

fn hand_written(seconds: u64) -> HandWritten<'static> {
    HandWritten {
        type_uri: TYPE,
        title: TITLE,
        status: 429,
        detail: format!("Try again in {seconds} seconds"),
        instance: INSTANCE,
        code: CODE,
        retry_after: seconds,
    }
}

/// The hand-written struct as an `http::Response`.
pub fn serde_struct_response(seconds: u64) -> Response<Vec<u8>> {
    respond(serde_struct(seconds), seconds)
}

/// http-api-problem 0.60.
pub fn http_api_problem(seconds: u64) -> Vec<u8> {
    http_api_problem::HttpApiProblem::new(StatusCode::TOO_MANY_REQUESTS)
        .type_url(TYPE)
        .title(TITLE)
        .detail(format!("Try again in {seconds} seconds"))
        .instance(INSTANCE)
        .value("code", &CODE)
        .value("retry_after", &seconds)
        .json_bytes()
}

/// http-api-problem as an `http::Response`.
pub fn http_api_problem_response(seconds: u64) -> Response<Vec<u8>> {
    respond(http_api_problem(seconds), seconds)
}

/// The extension members of the benchmark for problem_details, which types them.
#[derive(Debug, Serialize, Deserialize)]
pub struct Extensions {
    pub code: String,
    pub retry_after: u64,
}

/// problem_details 0.11.
pub fn problem_details(seconds: u64) -> Vec<u8> {
    let details = problem_details::ProblemDetails::new()
        .with_type(http::Uri::from_static(TYPE))
        .with_title(TITLE)
        .with_status(StatusCode::TOO_MANY_REQUESTS)
        .with_detail(format!("Try again in {seconds} seconds"))
        .with_instance(http::Uri::from_static(INSTANCE))
        .with_extensions(Extensions {
            code: CODE.to_owned(),
            retry_after: seconds,
        });
    serde_json::to_vec(&details).unwrap_or_default()
}

/// problemdetails 0.7.
pub fn problemdetails(seconds: u64) -> Vec<u8> {
    let problem = problemdetails::new(StatusCode::TOO_MANY_REQUESTS)
        .with_type(TYPE)
        .with_title(TITLE)
        .with_detail(format!("Try again in {seconds} seconds"))
        .with_instance(INSTANCE)
        .with_value("status", 429)
        .with_value("code", CODE)
        .with_value("retry_after", seconds);
    serde_json::to_vec(&problem.body).unwrap_or_default()
}

/// The hand-written struct a Rust client parses into without a library.
#[derive(Debug, Deserialize, PartialEq)]
pub struct HandParsed {
    #[serde(rename = "type")]
    pub type_uri: Option<String>,
    pub title: Option<String>,
    pub status: Option<u16>,
    pub detail: Option<String>,
    pub instance: Option<String>,
    pub code: Option<String>,
    pub retry_after: Option<u64>,
}

/// A contestant: its name and how it renders the document for a number of seconds.
pub type Renderer = (&'static str, fn(u64) -> Vec<u8>);

/// The same struct keeping the members it does not know, as a client that must not
/// lose extension members writes it: what `Problem` does.
#[derive(Debug, Deserialize, PartialEq)]
pub struct HandParsedKeepingExtensions {
    #[serde(rename = "type")]
    pub type_uri: Option<String>,
    pub title: Option<String>,
    pub status: Option<u16>,
    pub detail: Option<String>,
    pub instance: Option<String>,
    pub code: Option<String>,
    pub retry_after: Option<u64>,
    #[serde(flatten)]
    pub extensions: serde_json::Map<String, serde_json::Value>,
}

/// Every renderer of the benchmark, by name, for the agreement check and the report.
pub fn renderers() -> [Renderer; 6] {
    [
        ("floor", floor),
        ("problem-codes", ours),
        ("serde struct", serde_struct),
        ("http-api-problem", http_api_problem),
        ("problem_details", problem_details),
        ("problemdetails", problemdetails),
    ]
}

/// Fails unless every contestant produces the same JSON value, and problem-codes and the
/// floor produce the same bytes.
pub fn check_agreement() -> Result<(), String> {
    let expected: serde_json::Value =
        serde_json::from_slice(&floor(SECONDS)).map_err(|e| e.to_string())?;
    for (name, render) in renderers() {
        let value: serde_json::Value =
            serde_json::from_slice(&render(SECONDS)).map_err(|e| format!("{name}: {e}"))?;
        if value != expected {
            return Err(format!("{name} renders {value}, not {expected}"));
        }
    }
    if ours(SECONDS) != floor(SECONDS) {
        return Err("problem-codes and the floor differ byte for byte".into());
    }
    let mut localized: serde_json::Value =
        serde_json::from_slice(&ours_localized(SECONDS)).map_err(|e| e.to_string())?;
    if localized["title"] != "验证码请求过于频繁" {
        return Err(format!(
            "the localized render has the title {}",
            localized["title"]
        ));
    }
    localized["title"] = expected["title"].clone();
    if localized != expected {
        return Err(format!(
            "the localized render differs beyond its title: {localized}"
        ));
    }
    let responses = [
        ours_response(SECONDS),
        floor_response(SECONDS),
        serde_struct_response(SECONDS),
        http_api_problem_response(SECONDS),
    ];
    for response in &responses {
        if response.status() != 429
            || response
                .headers()
                .get(CONTENT_TYPE)
                .map(HeaderValue::as_bytes)
                != Some(PROBLEM_JSON.as_bytes())
            || response
                .headers()
                .get(RETRY_AFTER)
                .map(HeaderValue::as_bytes)
                != Some(b"30")
        {
            return Err(format!("a response differs: {response:?}"));
        }
    }
    Ok(())
}

/// The benchmark's code as a catalog that declares its member `retry_after`, as a
/// catalog with members does, for the typed-members row of the parse group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Throttle;

const THROTTLE: problem_codes::Entry = problem_codes::Entry::new(CODE, 429, TITLE, TYPE)
    .with_members(&[problem_codes::Member::new(
        "retry_after",
        problem_codes::MemberType::Integer,
    )]);

impl ProblemCode for Throttle {
    fn entry(&self) -> &'static problem_codes::Entry {
        &THROTTLE
    }
}

impl core::fmt::Display for Throttle {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(CODE)
    }
}

impl problem_codes::Catalog for Throttle {
    const NAME: &'static str = "Throttle";
    const ALL: &'static [Throttle] = &[Throttle];
    const SECTIONS: &'static [problem_codes::Section<Throttle>] =
        &[problem_codes::Section::new("Auth", &[Throttle])];

    fn from_code(code: &str) -> Option<Throttle> {
        (code == CODE).then_some(Throttle)
    }
}

/// problem-codes, as a client reads a problem today: `Problem::from_json`, then the
/// code through the catalog.
pub fn parse_typed_code(bytes: &[u8]) -> Option<Bench> {
    problem_codes::Problem::from_json(bytes)
        .ok()?
        .typed_code::<Bench>()
        .known()
}

/// problem-codes with typed members: `Problem::from_json`, then the typed view, reading
/// the code's declared member.
pub fn parse_typed_members(bytes: &[u8]) -> Option<(Throttle, Option<i64>)> {
    match problem_codes::Problem::from_json(bytes)
        .ok()?
        .typed::<Throttle>()
    {
        problem_codes::Typed::Known { code, members } => {
            Some((code, members.integer("retry_after")))
        }
        problem_codes::Typed::Unknown(_) | problem_codes::Typed::Absent => None,
    }
}

/// The escape-heavy row: a `detail` of `len` bytes that JSON escapes, as a quote each.
pub fn quotes(len: usize) -> String {
    "\"".repeat(len)
}

/// A service error whose detail is a long string that needs escaping.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Bench)]
pub enum Echoed {
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "{0}")]
    Text(String),
}

/// The escape-heavy document as problem-codes renders it.
pub fn ours_escape_heavy(echoed: &Echoed) -> Vec<u8> {
    echoed.render().instance(INSTANCE).to_vec()
}

/// The same document as a serde struct, written by `serde_json`.
#[derive(Debug, Serialize)]
pub struct EscapeHeavy<'a> {
    #[serde(rename = "type")]
    pub type_uri: &'a str,
    pub title: &'a str,
    pub status: u16,
    pub detail: &'a str,
    pub instance: &'a str,
    pub code: &'a str,
}

/// The escape-heavy document written by `serde_json`.
pub fn serde_escape_heavy(detail: &str) -> Vec<u8> {
    serde_json::to_vec(&EscapeHeavy {
        type_uri: TYPE,
        title: TITLE,
        status: 429,
        detail,
        instance: INSTANCE,
        code: CODE,
    })
    .unwrap_or_default()
}
