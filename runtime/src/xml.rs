//! `application/problem+xml` (RFC 9457 Appendix B): the document as XML, and whether a
//! request's `Accept` prefers it to JSON.
//!
//! The framework layers serve it by themselves when a request asks for it; these
//! functions are for a service that renders by hand.
//!
//! ```
//! use problem_codes::Problem;
//! use problem_codes::xml::{PROBLEM_XML, prefers_xml, to_xml};
//!
//! let mut headers = http::HeaderMap::new();
//! headers.insert("accept", "application/problem+xml, application/problem+json;q=0.5".parse()?);
//! assert!(prefers_xml(&headers));
//!
//! let problem = Problem::new(http::StatusCode::NOT_FOUND).with_extension("ids", [3, 4])?;
//! assert_eq!(
//!     String::from_utf8(to_xml(&problem))?,
//!     concat!(
//!         r#"<?xml version="1.0" encoding="UTF-8"?>"#,
//!         r#"<problem xmlns="urn:ietf:rfc:7807"><title>Not Found</title><status>404</status>"#,
//!         "<ids><i>3</i><i>4</i></ids></problem>",
//!     ),
//! );
//! assert_eq!(PROBLEM_XML, "application/problem+xml");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use http::HeaderMap;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::Value;

use crate::Problem;

/// The media type of a problem document in XML (RFC 9457 Appendix B).
///
/// ```
/// assert_eq!(problem_codes::xml::PROBLEM_XML, "application/problem+xml");
/// ```
pub const PROBLEM_XML: &str = "application/problem+xml";

/// The namespace of the `problem` element (RFC 9457 Appendix B).
const NAMESPACE: &str = "urn:ietf:rfc:7807";

/// Values nested deeper than this are left out, as the JSON renderer bounds depth.
const MAX_DEPTH: usize = 32;

/// The problem document as `application/problem+xml`: a `problem` element in the
/// `urn:ietf:rfc:7807` namespace with one child per member, in the JSON document's
/// order; an array's items are `i` elements and an object's members are elements named
/// after them (RFC 9457 Appendix B). A nested member whose name is not an XML name is
/// left out. See the example on the [module](self).
#[must_use]
pub fn to_xml(problem: &Problem) -> Vec<u8> {
    let mut writer = Writer::new(Vec::new());
    // Writing into a `Vec` does not fail.
    let _ = write_problem(&mut writer, problem);
    writer.into_inner()
}

fn write_problem(writer: &mut Writer<Vec<u8>>, problem: &Problem) -> std::io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.write_event(Event::Start(
        BytesStart::new("problem").with_attributes([("xmlns", NAMESPACE)]),
    ))?;
    if !problem.is_about_blank() {
        text(writer, "type", problem.type_uri())?;
    }
    if let Some(title) = problem.title() {
        text(writer, "title", title)?;
    }
    if let Some(status) = problem.status() {
        text(writer, "status", status.as_str())?;
    }
    if let Some(detail) = problem.detail() {
        text(writer, "detail", detail)?;
    }
    if let Some(instance) = problem.instance() {
        text(writer, "instance", instance)?;
    }
    if let Some(code) = problem.code() {
        text(writer, "code", code)?;
    }
    if let Some(seconds) = problem.retry_after() {
        text(writer, "retry_after", &seconds.to_string())?;
    }
    for (name, value) in problem.extensions() {
        element(writer, name, value, 0)?;
    }
    writer.write_event(Event::End(BytesEnd::new("problem")))?;
    Ok(())
}

fn text(writer: &mut Writer<Vec<u8>>, name: &str, value: &str) -> std::io::Result<()> {
    writer.write_event(Event::Start(BytesStart::new(name)))?;
    writer.write_event(Event::Text(BytesText::new(value)))?;
    writer.write_event(Event::End(BytesEnd::new(name)))?;
    Ok(())
}

fn element(
    writer: &mut Writer<Vec<u8>>,
    name: &str,
    value: &Value,
    depth: usize,
) -> std::io::Result<()> {
    if depth > MAX_DEPTH || !is_xml_name(name) {
        return Ok(());
    }
    match value {
        Value::Null => writer.write_event(Event::Empty(BytesStart::new(name)))?,
        Value::Bool(b) => text(writer, name, if *b { "true" } else { "false" })?,
        Value::Number(n) => text(writer, name, &n.to_string())?,
        Value::String(s) => text(writer, name, s)?,
        Value::Array(items) => {
            writer.write_event(Event::Start(BytesStart::new(name)))?;
            for item in items {
                element(writer, "i", item, depth + 1)?;
            }
            writer.write_event(Event::End(BytesEnd::new(name)))?;
        }
        Value::Object(members) => {
            writer.write_event(Event::Start(BytesStart::new(name)))?;
            for (member, item) in members {
                element(writer, member, item, depth + 1)?;
            }
            writer.write_event(Event::End(BytesEnd::new(name)))?;
        }
    }
    Ok(())
}

/// An ASCII XML name that does not start with `xml`: a letter or `_`, then letters,
/// digits, `_`, `-` and `.`.
fn is_xml_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !name.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("xml"))
}

/// Whether the request's `Accept` prefers `application/problem+xml` (or
/// `application/xml`) to the JSON types, by q-value and, for each type, its most
/// specific matching range (RFC 9110 §12.5.1). JSON is the default and wins ties, so a
/// request without `Accept`, or with `*/*`, gets JSON.
///
/// ```
/// use problem_codes::xml::prefers_xml;
///
/// let accept = |value: &'static str| {
///     let mut headers = http::HeaderMap::new();
///     headers.insert("accept", http::HeaderValue::from_static(value));
///     prefers_xml(&headers)
/// };
/// assert!(accept("application/problem+xml"));
/// assert!(accept("application/json;q=0.4, application/xml"));
/// assert!(!accept("application/problem+xml, application/problem+json"));
/// assert!(!accept("application/problem+xml;q=0.5, */*"));
/// assert!(!accept("application/problem+xml;q=0"));
/// assert!(!prefers_xml(&http::HeaderMap::new()));
/// ```
#[must_use]
pub fn prefers_xml(headers: &HeaderMap) -> bool {
    prefers_xml_in(
        headers
            .get_all(http::header::ACCEPT)
            .iter()
            .filter_map(|value| value.to_str().ok()),
    )
}

/// [`prefers_xml`] over the values of the `Accept` headers.
pub(crate) fn prefers_xml_in<'a>(accept: impl Iterator<Item = &'a str>) -> bool {
    let ranges: Vec<(&str, u16)> = accept
        .flat_map(|value| value.split(','))
        .take(64)
        .filter_map(media_range)
        .collect();
    let quality = |types: [&str; 2]| {
        types
            .iter()
            .filter_map(|wanted| {
                ranges
                    .iter()
                    .filter_map(|&(range, q)| specificity(range, wanted).map(|s| (s, q)))
                    .max_by_key(|&(s, _)| s)
                    .map(|(_, q)| q)
            })
            .max()
            .unwrap_or(0)
    };
    let xml = quality([PROBLEM_XML, "application/xml"]);
    let json = quality([crate::PROBLEM_JSON, "application/json"]);
    xml > 0 && xml > json
}

/// A media range and its q-value in thousandths; `None` for one that does not parse.
fn media_range(item: &str) -> Option<(&str, u16)> {
    let mut params = item.split(';');
    let range = params.next()?.trim();
    let mut q = 1000;
    for param in params {
        let Some((name, value)) = param.split_once('=') else {
            continue;
        };
        if name.trim().eq_ignore_ascii_case("q") {
            q = parse_q(value.trim())?;
        }
    }
    range.contains('/').then_some((range, q))
}

/// A q-value (`0`, `0.5`, `1.000`) in thousandths.
fn parse_q(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// How specifically `range` matches the media type `wanted`: 2 exactly, 1 by its
/// subtype wildcard, 0 by `*/*`.
fn specificity(range: &str, wanted: &str) -> Option<u8> {
    if range.eq_ignore_ascii_case(wanted) {
        return Some(2);
    }
    let (kind, subtype) = range.split_once('/')?;
    let wanted_kind = wanted.split_once('/').map_or(wanted, |(kind, _)| kind);
    match (kind, subtype) {
        ("*", "*") => Some(0),
        (kind, "*") if kind.eq_ignore_ascii_case(wanted_kind) => Some(1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn q_values_parse_within_the_grammar() {
        assert_eq!(parse_q("0.5"), Some(500));
        assert_eq!(parse_q("1"), Some(1000));
        assert_eq!(parse_q("1.000"), Some(1000));
        assert_eq!(parse_q("0.001"), Some(1));
        for bad in ["1.5", "2", "0.0001", "x", "-1"] {
            assert_eq!(parse_q(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_that_are_not_xml_names_are_left_out() {
        let problem = Problem::new(http::StatusCode::BAD_REQUEST)
            .with_extension(
                "nested",
                serde_json::json!({"ok": 1, "not ok": 2, "xmlx": 3}),
            )
            .unwrap_or_else(|_| Problem::new(http::StatusCode::BAD_REQUEST));
        let xml = String::from_utf8(to_xml(&problem)).unwrap_or_default();
        assert!(xml.contains("<nested><ok>1</ok></nested>"), "{xml}");
    }

    #[test]
    fn text_is_escaped() {
        let problem = Problem::new(http::StatusCode::BAD_REQUEST).with_detail("a < b & </detail>");
        let xml = String::from_utf8(to_xml(&problem)).unwrap_or_default();
        assert!(
            xml.contains("<detail>a &lt; b &amp; &lt;/detail&gt;</detail>"),
            "{xml}"
        );
    }
}
