//! The renderer's reference. The renderer writes a body by hand, through a stack buffer,
//! a two-pass fallback, pre-rendered bytes and writers that bypass `core::fmt`; here the
//! same body is written member by member with `serde_json` and `format!`, the obvious
//! way. The property tests and the fuzz target render [`Sample`]s both ways and
//! [`check`] that every byte agrees, and that the body parses back to the same problem.

use problem_codes::http::{self, HeaderValue, header::CONTENT_TYPE};
use problem_codes::{
    Entry, JsonPointer, NotAProblem, PROBLEM_JSON, ParseError, ParseLimits, Problem, ProblemCode,
    TypedCode, ValidationErrors,
};
use serde_json::Value;

use crate::eryao::Eryao;

/// One variant per way the renderer writes a part.
#[derive(Debug, Clone, ProblemCode)]
pub enum Sample {
    /// No per-occurrence part: the body is the entry's pre-rendered bytes.
    #[problem(
        code = "SAMPLE_STATIC",
        status = 400,
        title = "Static \"title\" \\ with\ttab \u{1} and é"
    )]
    Static,

    /// A `String` field, escaped in place.
    #[problem(
        code = "SAMPLE_TEXT",
        status = 422,
        title = "Text",
        detail = "text \"{0}\" end"
    )]
    Text(String),

    /// Every integer width, written as digits.
    #[problem(
        code = "SAMPLE_INTEGERS",
        status = 409,
        title = "Integers",
        detail = "{a} {b} {c} {d} {e} | {f} {g} {h} {i} {j}"
    )]
    Integers {
        a: u8,
        b: u16,
        c: u32,
        d: u64,
        e: usize,
        f: i8,
        g: i16,
        h: i32,
        i: i64,
        j: isize,
    },

    /// Types without a fast writer, through `Display`.
    #[problem(
        code = "SAMPLE_DISPLAY",
        status = 500,
        title = "Display",
        detail = "{0} {1} {2} {3}"
    )]
    Shown(f64, char, bool, u128),

    /// Format specs: the whole string through `format_args!`.
    #[problem(
        code = "SAMPLE_SPECS",
        status = 400,
        title = "Specs",
        detail = "{0:?} [{0:>12}] {1:#x} {1:+} {2:.3}"
    )]
    Specs(String, i64, f64),

    /// Extension members and `Retry-After`, with a detail from a field.
    #[problem(
        code = "SAMPLE_MEMBERS",
        status = 429,
        title = "Members",
        detail = "{note}"
    )]
    Members {
        note: String,
        #[problem(retry_after)]
        retry: Option<u64>,
        #[problem(extension)]
        value: Value,
        #[problem(extension = "items")]
        list: Vec<String>,
        #[problem(extension)]
        huge: Option<i128>,
        #[problem(extension)]
        ratio: f64,
    },

    /// A catalog code, through `transparent`.
    #[problem(transparent)]
    Code(Eryao),
}

/// `Sample::Text` over a borrowed `&str`, the other type with a fast string writer: the
/// same facts and format, so the same bytes.
#[derive(Debug, ProblemCode)]
#[problem(
    code = "SAMPLE_TEXT",
    status = 422,
    title = "Text",
    detail = "text \"{0}\" end"
)]
pub struct Slice<'a>(pub &'a str);

impl Sample {
    /// The detail, as `format!` writes it.
    #[must_use]
    pub fn expected_detail(&self) -> String {
        match self {
            Sample::Static | Sample::Code(_) => String::new(),
            Sample::Text(text) => format!("text \"{text}\" end"),
            Sample::Integers {
                a,
                b,
                c,
                d,
                e,
                f,
                g,
                h,
                i,
                j,
            } => format!("{a} {b} {c} {d} {e} | {f} {g} {h} {i} {j}"),
            Sample::Shown(x, c, b, n) => format!("{x} {c} {b} {n}"),
            Sample::Specs(s, n, x) => format!("{s:?} [{s:>12}] {n:#x} {n:+} {x:.3}"),
            Sample::Members { note, .. } => note.clone(),
        }
    }

    /// The `Retry-After` seconds.
    #[must_use]
    pub fn expected_retry_after(&self) -> Option<u64> {
        match self {
            Sample::Members { retry, .. } => *retry,
            _ => None,
        }
    }

    /// The extension members in order, each as `serde_json` writes it; `null`s left out.
    #[must_use]
    pub fn expected_members(&self) -> Vec<(&'static str, String)> {
        let Sample::Members {
            value,
            list,
            huge,
            ratio,
            ..
        } = self
        else {
            return Vec::new();
        };
        [
            ("value", serde_json::to_string(value)),
            ("items", serde_json::to_string(list)),
            ("huge", serde_json::to_string(huge)),
            ("ratio", serde_json::to_string(ratio)),
        ]
        .into_iter()
        .filter_map(|(name, json)| json.ok().filter(|json| json != "null").map(|j| (name, j)))
        .collect()
    }
}

fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// `{"type":…,"title":…,"status":…`: what precedes the parts that vary.
#[must_use]
pub fn expected_head(entry: &Entry) -> String {
    format!(
        "{{\"type\":{},\"title\":{},\"status\":{}",
        quoted(entry.type_uri()),
        quoted(entry.title()),
        entry.status().as_u16()
    )
}

/// The body, member by member, with `serde_json` escaping every string.
#[must_use]
pub fn expected_body(sample: &Sample, instance: Option<&str>) -> String {
    let entry = sample.entry();
    let mut body = expected_head(entry);
    let detail = sample.expected_detail();
    if !detail.is_empty() {
        body.push_str(&format!(",\"detail\":{}", quoted(&detail)));
    }
    // An instance that is not a URI reference is percent-encoded; an empty one is left out.
    if let Some(instance) = instance.filter(|i| !i.is_empty()) {
        let instance = problem_codes::to_uri_reference(instance);
        body.push_str(&format!(",\"instance\":{}", quoted(&instance)));
    }
    body.push_str(&format!(",\"code\":{}", quoted(entry.code())));
    if let Some(secs) = sample.expected_retry_after() {
        body.push_str(&format!(",\"retry_after\":{secs}"));
    }
    for (name, json) in sample.expected_members() {
        body.push_str(&format!(",{}:{json}", quoted(name)));
    }
    body.push('}');
    body
}

/// Which of the renderer's ways a body took, judged by the length of its varying parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Path {
    /// No varying part: the pre-rendered body.
    Static,
    /// The varying parts fit the stack buffer.
    OnePass,
    /// They did not: count, then write.
    TwoPasses,
}

/// The room the renderer's stack buffer has for the varying parts.
pub const STACK_PARTS: usize = 256;

/// Renders `sample` every way the API offers and checks each against the reference:
/// the bytes, the length, the response's status and headers, and that the body parses
/// back (within the widest [`ParseLimits`]) to the problem `to_problem` builds, which in
/// turn re-renders and re-parses to itself. Returns the path the body took.
///
/// # Panics
///
/// On the first disagreement, naming it.
#[must_use]
pub fn check(sample: &Sample, instance: Option<&str>) -> Path {
    let mut render = sample.render();
    if let Some(instance) = instance {
        render = render.instance(instance);
    }
    let body = render.to_vec();
    let text = String::from_utf8(body.clone()).expect("the body is UTF-8");
    let expected = expected_body(sample, instance);
    assert_eq!(text, expected, "the body is what serde_json writes");
    if let Sample::Text(string) = sample {
        let slice = Slice(string);
        let mut render = slice.render();
        if let Some(instance) = instance {
            render = render.instance(instance);
        }
        assert_eq!(
            render.to_vec(),
            body,
            "a `&str` field writes as a `String` one"
        );
    }
    assert_eq!(render.len(), body.len(), "the length is exact");

    let mut reused = b"prefix".to_vec();
    render.write_into(&mut reused);
    assert_eq!(&reused[6..], &body[..], "write_into appends the same bytes");

    let value: Value = serde_json::from_slice(&body).expect("the body is valid JSON");
    let status = sample.status();
    assert_eq!(value["status"], status.as_u16(), "the body's status");

    let response = render.to_response();
    assert_eq!(
        response.status(),
        status,
        "the response's status is the body's"
    );
    assert_eq!(response.body(), &body);
    assert_eq!(
        response.headers()["content-type"],
        problem_codes::PROBLEM_JSON
    );
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        sample.expected_retry_after().map(|s| s.to_string()),
    );

    let detail = sample.expected_detail();
    assert_eq!(sample.detail(), (!detail.is_empty()).then_some(detail));

    let limits = ParseLimits::DEFAULT.with_max_depth(usize::MAX);
    let problem = render.to_problem();
    let parsed = Problem::from_json_with(&body, limits).expect("the body parses");
    assert_eq!(
        parsed, problem,
        "the body parses to the problem to_problem builds"
    );
    check_problem(&problem, limits);

    let head = expected_head(sample.entry()).len();
    let code = ",\"code\":\"\"".len() + sample.code().len();
    match body.len() - head - 1 {
        parts if parts == code => Path::Static,
        // The buffer holds the parts and the closing brace.
        parts if parts < STACK_PARTS => Path::OnePass,
        _ => Path::TwoPasses,
    }
}

/// Checks that `problem` renders to valid JSON that parses back to itself, through
/// [`Problem::to_json`] and [`Problem::to_response`], whose status is the body's.
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_problem(problem: &Problem, limits: ParseLimits) {
    let body = problem.to_json();
    let again = Problem::from_json_with(&body, limits).expect("a rendered problem parses");
    let expected = as_parsed(problem);
    assert_eq!(
        again, expected,
        "render then parse is the identity, but for invalid values"
    );
    if &expected == problem {
        assert_eq!(again.to_json(), body, "and renders to the same bytes");
    }

    let response = problem.to_response();
    let value: Value = serde_json::from_slice(response.body()).expect("valid JSON");
    assert_eq!(
        value["status"],
        response.status().as_u16(),
        "the body's status is the response's"
    );
    let from_response =
        Problem::from_json_with(response.body(), limits).expect("the response body parses");
    assert_eq!(
        from_response,
        expected.with_status(response.status()),
        "the response body is the problem, with the status the response has"
    );
}

/// `problem` as parsing reads it: without a `status` that is not an error status and
/// without a `code` that does not have the code shape, both invalid values.
fn as_parsed(problem: &Problem) -> Problem {
    let mut value = serde_json::to_value(problem).unwrap_or_default();
    if let Some(members) = value.as_object_mut() {
        if problem
            .status()
            .is_some_and(|s| !(s.is_client_error() || s.is_server_error()))
        {
            members.remove("status");
        }
        if problem
            .code()
            .is_some_and(|c| !problem_codes::is_valid_code(c))
        {
            members.remove("code");
        }
    }
    serde_json::from_value(value).unwrap_or_default()
}

/// Parses any bytes as a client would, and judges the outcome against `serde_json`:
/// parsing keeps its limits (the default ones, and tight ones the last byte picks),
/// accepts exactly the JSON objects within them, refuses the rest with the right
/// error, and what it accepts re-renders and re-parses to itself ([`check_problem`]).
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_document(data: &[u8]) {
    let reference = serde_json::from_slice::<Value>(data);
    for limits in [ParseLimits::DEFAULT, tight_limits(data)] {
        let parsed = Problem::from_json_with(data, limits);
        judge(data, limits, &parsed, &reference);
        if let Ok(problem) = parsed {
            check_problem(&problem, ParseLimits::DEFAULT.with_max_depth(usize::MAX));
            check_typed_code(&problem);
        }
    }
    assert_eq!(
        Problem::from_json(data).ok(),
        Problem::from_json_with(data, ParseLimits::DEFAULT).ok(),
        "from_json is from_json_with the default limits"
    );
}

/// Limits the last byte of `data` picks: nesting 0 to 7, 0 to 1,020 bytes.
fn tight_limits(data: &[u8]) -> ParseLimits {
    let pick = data.last().copied().unwrap_or(0);
    ParseLimits::DEFAULT
        .with_max_depth(usize::from(pick % 8))
        .with_max_bytes(usize::from(pick) * 4)
}

/// Judges the outcome of parsing `data` within `limits` against `serde_json`'s
/// `reference`: accepted exactly when it is an object within the limits.
fn judge(
    data: &[u8],
    limits: ParseLimits,
    parsed: &Result<Problem, ParseError>,
    reference: &Result<Value, serde_json::Error>,
) {
    match (parsed, reference) {
        (Ok(_), Ok(value)) => {
            assert!(value.is_object(), "only an object is a problem");
            assert!(data.len() <= limits.max_bytes(), "within the size");
            assert!(depth(value) <= limits.max_depth(), "within the depth");
        }
        (Ok(_), Err(err)) => panic!("accepted what serde_json refuses: {err}"),
        (Err(ParseError::TooLarge { size, limit }), _) => {
            assert_eq!(*size, data.len());
            assert!(size > limit);
            assert_eq!(*limit, limits.max_bytes());
        }
        (Err(ParseError::TooDeep { limit }), Ok(value)) => {
            assert!(data.len() <= limits.max_bytes());
            assert_eq!(*limit, limits.max_depth());
            assert!(depth(value) > *limit, "refused a document within the depth");
        }
        (Err(ParseError::NotAnObject), Ok(value)) => assert!(!value.is_object()),
        (Err(ParseError::DuplicateMember { name }), Ok(_)) => {
            let quoted = serde_json::to_string(name).unwrap_or_default();
            let seen = data
                .windows(quoted.len().max(1))
                .filter(|w| *w == quoted.as_bytes())
                .count();
            // A name spelled with escapes is not found as written; one that is, twice.
            assert!(seen != 1, "refused {quoted} as a duplicate, seen once");
        }
        (Err(err), Ok(value)) => panic!("refused valid JSON {value}: {err}"),
        (Err(_), Err(_)) => {}
    }
}

/// The code as a member of the eryao catalog agrees with the code as text.
fn check_typed_code(problem: &Problem) {
    match problem.typed_code::<Eryao>() {
        TypedCode::Known(code) => assert_eq!(Some(code.as_str()), problem.code()),
        TypedCode::Unknown(code) if !problem_codes::is_valid_code(code) => {
            panic!("an unknown code without the code shape: {code:?}")
        }
        TypedCode::Unknown(code) => assert_eq!(Some(code), problem.code()),
        TypedCode::Absent => assert!(
            problem
                .code()
                .is_none_or(|c| !problem_codes::is_valid_code(c))
        ),
    }
}

/// The `Content-Type` values [`response_from_bytes`] picks from, besides none and one
/// taken from the input.
pub const CONTENT_TYPES: [&str; 6] = [
    PROBLEM_JSON,
    "application/json",
    "text/html",
    "Application/Problem+JSON; charset=utf-8",
    "application/json ;charset=UTF-8",
    "application/problem+xml",
];

/// The response a client receives, made of any bytes, and the limits it reads it with.
///
/// - Bytes 0–1, big-endian: the status, 400–599 when the top bit is clear, else 100–999.
/// - Byte 2 picks the rest. Its low three bits: no `Content-Type`, one of
///   [`CONTENT_TYPES`], or (7) the input up to its first newline (left out when it is
///   not a header value); bit 3 adds a second `Content-Type` after the first; bits 4
///   and 5 together pad the body with leading spaces to within two bytes of the
///   default size limit; bit 6 reads it with the tight limits the last byte picks
///   instead of the default ones.
/// - The rest is the body.
#[must_use]
pub fn response_from_bytes(data: &[u8]) -> (http::Response<Vec<u8>>, ParseLimits) {
    let byte = |i: usize| data.get(i).copied().unwrap_or(0);
    let n = u16::from_be_bytes([byte(0), byte(1)]);
    let status = if n & 0x8000 == 0 {
        400 + n % 200
    } else {
        100 + n % 900
    };
    let pick = byte(2);
    let mut rest = data.get(3..).unwrap_or_default();
    let mut builder = http::Response::builder().status(status);
    let mut content_types: Vec<HeaderValue> = Vec::new();
    match usize::from(pick & 7) {
        0 => {}
        7 => {
            let line = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            content_types.extend(HeaderValue::from_bytes(&rest[..line]).ok());
            rest = rest.get(line + 1..).unwrap_or_default();
        }
        k => content_types.push(HeaderValue::from_static(CONTENT_TYPES[k - 1])),
    }
    if pick & 8 != 0 {
        let k = usize::from(pick & 7) % CONTENT_TYPES.len();
        content_types.push(HeaderValue::from_static(CONTENT_TYPES[k]));
    }
    for value in content_types {
        builder = builder.header(CONTENT_TYPE, value);
    }
    let mut body = rest.to_vec();
    if pick & 0x30 == 0x30 {
        let target =
            ParseLimits::DEFAULT.max_bytes() - 2 + usize::from(byte(data.len().max(1) - 1) % 4);
        if body.len() < target {
            body.splice(0..0, std::iter::repeat_n(b' ', target - body.len()));
        }
    }
    let limits = if pick & 0x40 == 0 {
        ParseLimits::DEFAULT
    } else {
        tight_limits(data)
    };
    let response = builder
        .body(body)
        .unwrap_or_else(|err| panic!("status {status} makes a response: {err}"));
    (response, limits)
}

/// The widest limits: what a client could accept at all.
fn widest() -> ParseLimits {
    ParseLimits::DEFAULT
        .with_max_bytes(usize::MAX)
        .with_max_depth(usize::MAX)
}

/// Reads the response [`response_from_bytes`] makes of `data` as a client does, through
/// each of `Problem`'s response readers, and judges the outcome against a reference
/// written from their documentation: a status that is not 400–599, a `Content-Type`
/// that is not JSON, or a body of whitespace only is the typed error that says so; a
/// body is judged as [`check_document`] judges it (the limits kept, accepted exactly
/// when it is a JSON object within them). A document without a valid `status` takes
/// the response's; the code is typed against the eryao catalog; what is accepted
/// re-renders and re-parses to itself, and, served again with `to_response`, reads
/// back to itself.
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_response(data: &[u8]) {
    let (response, limits) = response_from_bytes(data);
    let outcome = Problem::from_response_with(&response, limits);
    let (parts, body) = response.into_parts();
    let same = |other: &Result<Problem, NotAProblem>, reader: &str| {
        assert_eq!(
            format!("{other:?}"),
            format!("{outcome:?}"),
            "{reader} reads as from_response_with"
        );
    };
    same(
        &Problem::from_response_parts_with(&parts, &body, limits),
        "from_response_parts_with",
    );
    if limits == ParseLimits::DEFAULT {
        same(
            &Problem::from_response_parts(&parts, &body),
            "from_response_parts",
        );
        let response = http::Response::from_parts(parts.clone(), body.as_slice());
        same(&Problem::from_response(&response), "from_response");
    }

    let status = parts.status;
    if let Err(err) = &outcome {
        assert_eq!(err.status(), status, "an error keeps the status");
        let text = err.to_string();
        let prefix = format!(
            "the {} response is not a problem document: ",
            status.as_u16()
        );
        assert!(text.starts_with(&prefix), "{text}");
        assert_eq!(
            std::error::Error::source(err).is_some(),
            matches!(err, NotAProblem::Body { .. }),
            "only a body error has a source"
        );
    }
    if !(400..=599).contains(&status.as_u16()) {
        assert!(
            matches!(outcome, Err(NotAProblem::NotAnError { status: s }) if s == status),
            "not an error status: {outcome:?}"
        );
        return;
    }
    let content_type = parts.headers.get(CONTENT_TYPE);
    if !content_type.is_some_and(|value| names_json(value.as_bytes())) {
        let shown =
            content_type.map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
        assert!(
            matches!(&outcome, Err(NotAProblem::ContentType { content_type, .. }) if *content_type == shown),
            "{shown:?} is not a problem's content type: {outcome:?}"
        );
        return;
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        assert!(
            matches!(outcome, Err(NotAProblem::EmptyBody { .. })),
            "an empty body: {outcome:?}"
        );
        return;
    }

    let parsed = Problem::from_json_with(&body, limits);
    let reference = serde_json::from_slice::<Value>(&body);
    judge(&body, limits, &parsed, &reference);
    let problem = match (outcome, parsed) {
        (Err(NotAProblem::Body { error, .. }), Err(expected)) => {
            assert_eq!(format!("{error:?}"), format!("{expected:?}"));
            return;
        }
        (Ok(problem), Ok(_)) => problem,
        (outcome, parsed) => panic!("the response reads as {outcome:?}, its body as {parsed:?}"),
    };
    let document = reference.unwrap_or_default();
    let in_body = document
        .get("status")
        .and_then(Value::as_u64)
        .filter(|n| (400..=599).contains(n));
    assert_eq!(
        problem.status().map(|s| u64::from(s.as_u16())),
        Some(in_body.unwrap_or(u64::from(status.as_u16()))),
        "the body's status, else the response's"
    );
    check_typed_code(&problem);
    check_problem(&problem, widest());
    for error in &ValidationErrors::from_problem(&problem) {
        let pointer = error.pointer();
        assert_eq!(
            JsonPointer::parse(&pointer.to_uri_fragment()).as_ref(),
            Ok(pointer)
        );
    }

    let served = problem.to_response();
    let again = Problem::from_response_with(&served, widest());
    if served.status().is_client_error() || served.status().is_server_error() {
        assert_eq!(
            again.ok().as_ref(),
            Some(&problem),
            "served again, it reads back"
        );
    } else {
        assert!(matches!(again, Err(NotAProblem::NotAnError { .. })));
    }
}

/// Whether a `Content-Type` value names JSON: visible ASCII, and before any `;`,
/// `application/problem+json` or `application/json` in any case, between optional
/// spaces and tabs.
fn names_json(value: &[u8]) -> bool {
    if !value
        .iter()
        .all(|&b| b == b'\t' || (0x20..0x7f).contains(&b))
    {
        return false;
    }
    let essence = value.split(|&b| b == b';').next().unwrap_or_default();
    let start = essence.iter().position(|&b| b != b' ' && b != b'\t');
    let end = essence.iter().rposition(|&b| b != b' ' && b != b'\t');
    let essence = match (start, end) {
        (Some(start), Some(end)) => &essence[start..=end],
        _ => &[][..],
    };
    [&b"application/problem+json"[..], b"application/json"]
        .iter()
        .any(|name| essence.eq_ignore_ascii_case(name))
}

/// The depth of a parsed value, measured on the value: `{}` is 1 deep.
#[must_use]
pub fn depth(value: &Value) -> usize {
    match value {
        Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        Value::Object(members) => 1 + members.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}
