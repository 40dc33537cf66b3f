//! The renderer's reference. The renderer writes a body by hand, through a stack buffer,
//! a two-pass fallback, pre-rendered bytes and writers that bypass `core::fmt`; here the
//! same body is written member by member with `serde_json` and `format!`, the obvious
//! way. The property tests and the fuzz target render [`Sample`]s both ways and
//! [`check`] that every byte agrees, and that the body parses back to the same problem.

use problem_codes::{Entry, ParseError, ParseLimits, Problem, ProblemCode, TypedCode};
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
    if let Some(instance) = instance {
        body.push_str(&format!(",\"instance\":{}", quoted(instance)));
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

    let limits = ParseLimits::DEFAULT.max_depth(usize::MAX);
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
    assert_eq!(&again, problem, "render then parse is the identity");
    assert_eq!(again.to_json(), body, "and renders to the same bytes");

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
        problem.clone().with_status(response.status()),
        "the response body is the problem, with the status the response has"
    );
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

/// Parses any bytes as a client would, and judges the outcome against `serde_json`:
/// parsing keeps its limits (the default ones, and tight ones the last byte picks),
/// accepts exactly the JSON objects within them, refuses the rest with the right
/// error, and what it accepts re-renders and re-parses to itself ([`check_problem`]).
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_document(data: &[u8]) {
    let pick = data.last().copied().unwrap_or(0);
    let tight = ParseLimits::DEFAULT
        .max_depth(usize::from(pick % 8))
        .max_bytes(usize::from(pick) * 4);
    let reference = serde_json::from_slice::<Value>(data);
    for limits in [ParseLimits::DEFAULT, tight] {
        match (Problem::from_json_with(data, limits), &reference) {
            (Ok(problem), Ok(value)) => {
                assert!(value.is_object(), "only an object is a problem");
                assert!(data.len() <= limits.bytes(), "within the size");
                assert!(depth(value) <= limits.depth(), "within the depth");
                check_problem(&problem, ParseLimits::DEFAULT.max_depth(usize::MAX));
                match problem.typed_code::<Eryao>() {
                    TypedCode::Known(code) => assert_eq!(Some(code.as_str()), problem.code()),
                    TypedCode::Unknown(code) => assert_eq!(Some(code), problem.code()),
                    TypedCode::Absent => assert_eq!(problem.code(), None),
                }
            }
            (Ok(_), Err(err)) => panic!("accepted what serde_json refuses: {err}"),
            (Err(ParseError::TooLarge { size, limit }), _) => {
                assert_eq!(size, data.len());
                assert!(size > limit);
            }
            (Err(ParseError::TooDeep { limit }), Ok(value)) => {
                assert!(data.len() <= limits.bytes());
                assert!(depth(value) > limit, "refused a document within the depth");
            }
            (Err(ParseError::NotAnObject), Ok(value)) => assert!(!value.is_object()),
            (Err(err), Ok(value)) => panic!("refused valid JSON {value}: {err}"),
            (Err(_), Err(_)) => {}
        }
    }
    assert_eq!(
        Problem::from_json(data).ok(),
        Problem::from_json_with(data, ParseLimits::DEFAULT).ok(),
        "from_json is from_json_with the default limits"
    );
}
