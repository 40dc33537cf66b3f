//! Writing a translation into a body being rendered: the localized head, and a detail
//! template filled from the occurrence's members.

use crate::json::{self, ByteSink, StackBuf};
use crate::render::{Digits, STACK_PARTS};
use crate::{Entry, ExtensionSink, LocaleEntry, ProblemCode, Segment};

/// The length of `{"type":…,"title":…,"status":…` with the translated title.
pub(crate) fn head_len(entry: &Entry, translation: &LocaleEntry) -> usize {
    r#"{"type":"","title":"","status":"#.len()
        + json::escaped_len(entry.type_uri())
        + title_len(translation)
        + Digits::new(u64::from(entry.status().as_u16()))
            .as_bytes()
            .len()
}

fn title_len(translation: &LocaleEntry) -> usize {
    match translation.title_json() {
        Some(escaped) => escaped.len(),
        None => json::escaped_len(translation.title()),
    }
}

/// `{"type":…,"title":…,"status":…` with the translated title. The entry's
/// pre-rendered head is copied around the title when there is one.
pub(crate) fn write_head(out: &mut Vec<u8>, entry: &Entry, translation: &LocaleEntry) {
    let type_end = r#"{"type":"#.len() + json::escaped_len(entry.type_uri()) + 2;
    let title_at = type_end + r#","title":""#.len();
    let split = entry.json_head().and_then(|head| {
        let after = head.get(title_at + json::escaped_len(entry.title())..)?;
        after
            .starts_with(r#"","status":"#)
            .then_some((head.get(..title_at)?, after))
    });
    match split {
        Some((before, after)) => {
            out.extend_from_slice(before.as_bytes());
            put_title(out, translation);
            out.extend_from_slice(after.as_bytes());
        }
        None => {
            out.extend_from_slice(br#"{"type":"#);
            json::write_string(out, entry.type_uri());
            out.extend_from_slice(br#","title":""#);
            put_title(out, translation);
            out.extend_from_slice(br#"","status":"#);
            out.extend_from_slice(Digits::new(u64::from(entry.status().as_u16())).as_bytes());
        }
    }
}

fn put_title(out: &mut Vec<u8>, translation: &LocaleEntry) {
    match translation.title_json() {
        Some(escaped) => out.extend_from_slice(escaped.as_bytes()),
        None => json::write_escaped(out, translation.title()),
    }
}

/// Writes `template` filled from `problem`'s members, escaped for a JSON string.
/// Returns `false`, having written part of it, when the occurrence lacks a member the
/// template names; the caller then writes the occurrence's own detail instead.
pub(crate) fn write_template<S: ByteSink, P: ProblemCode + ?Sized>(
    out: &mut S,
    template: &[Segment],
    problem: &P,
) -> bool {
    for segment in template {
        match *segment {
            Segment::Text(text) => json::write_escaped(out, text),
            Segment::Member("retry_after") => match problem.retry_after() {
                Some(secs) => out.put(Digits::new(secs).as_bytes()),
                None => return false,
            },
            Segment::Member(name) => {
                let mut value = StackBuf::<STACK_PARTS>::new();
                let mut found = false;
                problem.extensions(&mut ExtensionSink::pick(name, &mut value, &mut found));
                if !found || value.overflowed() {
                    return false;
                }
                put_value(out, value.bytes());
            }
        }
    }
    true
}

/// A member's JSON as detail text: a string's content (already escaped by serde_json),
/// any other value's JSON, escaped.
fn put_value<S: ByteSink>(out: &mut S, value: &[u8]) {
    if let [b'"', inner @ .., b'"'] = value {
        out.put(inner);
    } else if let Ok(text) = core::str::from_utf8(value) {
        json::write_escaped(out, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_json_value_becomes_detail_text() {
        let cases: [(&[u8], &[u8]); 4] = [
            (br#""a \"b\"""#, br#"a \"b\""#),
            (b"42", b"42"),
            (br#"["x"]"#, br#"[\"x\"]"#),
            (b"true", b"true"),
        ];
        for (value, text) in cases {
            let mut out = Vec::new();
            put_value(&mut out, value);
            assert_eq!(out, text);
        }
    }
}
