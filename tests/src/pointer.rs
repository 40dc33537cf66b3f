//! The reference for JSON Pointers (RFC 6901): escaping, unescaping and parsing written
//! from the RFC, character by character, and the checks that hold [`JsonPointer`] to it.
//! The property tests and the `json_pointer` fuzz target run them.

use problem_codes::{JsonPointer, ParseLimits, Problem, ProblemCode, ValidationErrors};
use serde_json::{Value, json};

use crate::service::ProfileError;

/// One step of a pointer, as a service builds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// `JsonPointer::key`.
    Key(String),
    /// `JsonPointer::push`, in place.
    Push(String),
    /// `JsonPointer::index`.
    Index(usize),
}

impl Step {
    /// The reference token the step adds, unescaped.
    #[must_use]
    pub fn token(&self) -> String {
        match self {
            Step::Key(key) | Step::Push(key) => key.clone(),
            Step::Index(index) => index.to_string(),
        }
    }
}

/// A reference token escaped as RFC 6901 §3 asks: `~` as `~0`, `/` as `~1`.
#[must_use]
pub fn escape(token: &str) -> String {
    let mut out = String::new();
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// The pointer to `tokens`: each escaped, each after a `/`.
#[must_use]
pub fn encode(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|token| format!("/{}", escape(token)))
        .collect()
}

/// The tokens of a pointer in either form, or `None` when it is not one: the pointer
/// itself (empty, or `/` then tokens, where `~` is followed by `0` or `1`), or `#` then
/// the pointer percent-encoded (RFC 6901 §6), where `%` is followed by two hex digits
/// and the decoded bytes are UTF-8. Characters a URI fragment may not hold raw are
/// accepted raw.
#[must_use]
pub fn parse(text: &str) -> Option<Vec<String>> {
    let plain = match text.strip_prefix('#') {
        Some(fragment) => percent_decode(fragment)?,
        None => text.to_owned(),
    };
    if plain.is_empty() {
        return Some(Vec::new());
    }
    plain.strip_prefix('/')?.split('/').map(unescape).collect()
}

/// A reference token unescaped, or `None` when a `~` is followed by neither `0` nor `1`.
fn unescape(token: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next()? {
                '0' => out.push('~'),
                '1' => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// `%` and two hex digits (RFC 3986 §2.1) decoded; `None` for any other `%`, or when
/// the bytes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut bytes = text.bytes();
    let mut out = Vec::new();
    while let Some(b) = bytes.next() {
        if b == b'%' {
            let high = hex(bytes.next()?)?;
            let low = hex(bytes.next()?)?;
            out.push(u8::try_from(high * 16 + low).ok()?);
        } else {
            out.push(b);
        }
    }
    String::from_utf8(out).ok()
}

/// Whether `text` is `#` then a URI fragment as RFC 3986 §3.5 writes one: unreserved
/// characters, sub-delimiters, `:`, `@`, `/`, `?`, and `%` with two upper-case hex
/// digits.
#[must_use]
pub fn is_uri_fragment(text: &str) -> bool {
    let Some(fragment) = text.strip_prefix('#') else {
        return false;
    };
    let bytes = fragment.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let escape = bytes.get(i + 1..i + 3).unwrap_or_default();
            if escape.len() != 2
                || !escape
                    .iter()
                    .all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(b))
            {
                return false;
            }
            i += 3;
        } else if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// The pointer `steps` build.
#[must_use]
pub fn build(steps: &[Step]) -> JsonPointer {
    let mut pointer = JsonPointer::root();
    for step in steps {
        match step {
            Step::Key(key) => pointer = pointer.key(key),
            Step::Push(key) => pointer.push(key),
            Step::Index(index) => pointer = pointer.index(*index),
        }
    }
    pointer
}

/// A document in which the pointer `steps` build designates `"here"`; `None` when an
/// index is too large to build the array for.
fn document_for(steps: &[Step]) -> Option<Value> {
    steps.iter().rev().try_fold(json!("here"), |inner, step| {
        Some(match step {
            Step::Key(key) | Step::Push(key) => {
                Value::Object(std::iter::once((key.clone(), inner)).collect())
            }
            Step::Index(index) if *index <= 64 => {
                let mut items = vec![Value::Null; *index];
                items.push(inner);
                Value::Array(items)
            }
            Step::Index(_) => return None,
        })
    })
}

/// Builds the pointer of `steps` and checks it against the reference: its text is the
/// RFC 6901 escaping of the tokens, exactly; its tokens are the steps' (decoding
/// inverts encoding); it round-trips through `Display` and `FromStr`, through its URI
/// fragment form (which holds only what a fragment may) and through serde; it resolves
/// in a document built along the steps; and in the `errors` array of a rendered
/// problem it parses back to the same tokens.
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_steps(steps: &[Step]) {
    let pointer = build(steps);
    let tokens: Vec<String> = steps.iter().map(Step::token).collect();
    assert_eq!(pointer.as_str(), encode(&tokens), "RFC 6901 escaping");
    assert_eq!(
        pointer.to_string(),
        pointer.as_str(),
        "Display is the pointer"
    );
    assert_eq!(pointer.is_root(), steps.is_empty());
    assert_eq!(
        pointer.tokens().collect::<Vec<_>>(),
        tokens,
        "tokens decode"
    );
    assert_eq!(parse(pointer.as_str()).as_ref(), Some(&tokens));
    assert_eq!(
        pointer.to_string().parse::<JsonPointer>().as_ref(),
        Ok(&pointer),
        "FromStr reads Display"
    );

    let fragment = pointer.to_uri_fragment();
    assert!(is_uri_fragment(&fragment), "a URI fragment: {fragment}");
    assert_eq!(parse(&fragment).as_ref(), Some(&tokens), "{fragment}");
    assert_eq!(JsonPointer::parse(&fragment).as_ref(), Ok(&pointer));

    let json = serde_json::to_string(&pointer).expect("a pointer serializes");
    assert_eq!(json, serde_json::to_string(&fragment).expect("a string"));
    let back: Result<JsonPointer, _> = serde_json::from_str(&json);
    assert_eq!(back.ok().as_ref(), Some(&pointer), "serde round trip");
    let plain: Result<JsonPointer, _> = serde_json::from_value(Value::from(pointer.as_str()));
    assert_eq!(
        plain.ok().as_ref(),
        Some(&pointer),
        "serde reads the plain form"
    );

    if let Some(document) = document_for(steps) {
        assert_eq!(pointer.resolve(&document), Some(&json!("here")));
    }

    check_errors_member(steps, &pointer);
}

/// The pointers of an `errors` array, rendered in a problem, parse back to the same
/// tokens, with their details.
fn check_errors_member(steps: &[Step], pointer: &JsonPointer) {
    let parent = build(&steps[..steps.len().saturating_sub(1)]);
    let first = steps.first().map(Step::token).unwrap_or_default();
    let errors = ValidationErrors::new()
        .with(pointer.clone(), format!("{} steps", steps.len()))
        .with(JsonPointer::root(), first)
        .with(parent, "the parent");
    let body = ProfileError::Invalid {
        errors: errors.clone(),
    }
    .to_json();
    let value: Value = serde_json::from_slice(&body).expect("the body is JSON");
    let items = value["errors"].as_array().expect("an errors array");
    assert_eq!(items.len(), errors.len());
    for (item, error) in items.iter().zip(&errors) {
        assert_eq!(item["pointer"], error.pointer().to_uri_fragment());
        assert_eq!(item["detail"], error.detail());
    }
    let limits = ParseLimits::DEFAULT.with_max_bytes(usize::MAX);
    let problem = Problem::from_json_with(&body, limits).expect("the body parses");
    let parsed = ValidationErrors::from_problem(&problem);
    assert_eq!(parsed, errors, "the errors read back");
    let tokens: Vec<String> = steps.iter().map(Step::token).collect();
    let first = parsed.iter().next().expect("the first error");
    assert_eq!(first.pointer().tokens().collect::<Vec<_>>(), tokens);
}

/// Parses any text as a pointer and checks `JsonPointer::parse` against the reference:
/// each accepts what the other accepts, with the same tokens; a refusal keeps the text;
/// what is accepted re-encodes to the same tokens through every form; serde reads it
/// as `parse` does.
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_text(text: &str) {
    let parsed = JsonPointer::parse(text);
    let expected = parse(text);
    let pointer = match (parsed, expected) {
        (Ok(pointer), Some(tokens)) => {
            assert_eq!(pointer.tokens().collect::<Vec<_>>(), tokens, "{text:?}");
            assert_eq!(pointer.as_str(), encode(&tokens), "{text:?}");
            if !text.starts_with('#') {
                assert_eq!(pointer.as_str(), text);
            }
            let steps: Vec<Step> = tokens.into_iter().map(Step::Key).collect();
            assert_eq!(build(&steps), pointer);
            pointer
        }
        (Err(err), None) => {
            assert_eq!(err.text(), text);
            assert!(err.to_string().contains(text), "{err}");
            let read: Result<JsonPointer, _> = serde_json::from_value(Value::from(text));
            assert!(read.is_err(), "serde refuses {text:?}");
            return;
        }
        (parsed, expected) => {
            panic!("JsonPointer::parse({text:?}) is {parsed:?}; RFC 6901 reads {expected:?}")
        }
    };
    assert_eq!(text.parse::<JsonPointer>().as_ref(), Ok(&pointer));
    let read: Result<JsonPointer, _> = serde_json::from_value(Value::from(text));
    assert_eq!(read.ok().as_ref(), Some(&pointer), "serde reads {text:?}");
    let fragment = pointer.to_uri_fragment();
    assert!(is_uri_fragment(&fragment), "{fragment}");
    assert_eq!(JsonPointer::parse(&fragment).as_ref(), Ok(&pointer));
    assert_eq!(JsonPointer::parse(pointer.as_str()).as_ref(), Ok(&pointer));
}

/// The steps any bytes spell, for the fuzz target: `\0` separates steps; a step that
/// starts with `\x01` is an index (its next bytes, little-endian), with `\x02` a key
/// pushed in place, else a key (invalid UTF-8 replaced).
#[must_use]
pub fn steps_from_bytes(data: &[u8]) -> Vec<Step> {
    if data.is_empty() {
        return Vec::new();
    }
    data.split(|&b| b == 0)
        .map(|step| match step {
            [1, rest @ ..] => Step::Index(
                rest.iter()
                    .take(8)
                    .rev()
                    .fold(0usize, |n, &b| (n << 8) | usize::from(b)),
            ),
            [2, rest @ ..] => Step::Push(String::from_utf8_lossy(rest).into_owned()),
            key => Step::Key(String::from_utf8_lossy(key).into_owned()),
        })
        .collect()
}

/// Any bytes, checked both ways: as text to parse ([`check_text`]) and as steps to build
/// ([`check_steps`]).
///
/// # Panics
///
/// On the first disagreement, naming it.
pub fn check_input(data: &[u8]) {
    check_text(&String::from_utf8_lossy(data));
    check_steps(&steps_from_bytes(data));
}
