//! Writing a translation into a body being rendered: the localized head, and a detail
//! template filled from the occurrence's members.

use crate::json::{self, ByteSink, StackBuf};
use crate::render::{Digits, STACK_PARTS};
use crate::{Entry, ExtensionSink, LocaleEntry, ProblemCode, Segment};

/// The head `{"type":…,"title":…,"status":…` with a translated title: the entry's
/// pre-rendered head cut around its title, or, for an entry without one, written out.
pub(crate) struct Head<'a> {
    entry: &'a Entry,
    translation: &'a LocaleEntry,
    /// The pre-rendered head before and after the title's text.
    around: Option<(&'static str, &'static str)>,
}

impl<'a> Head<'a> {
    /// Cuts the pre-rendered head around the title, where the entry says it is: nothing
    /// is measured at run time.
    pub(crate) fn new(entry: &'a Entry, translation: &'a LocaleEntry) -> Head<'a> {
        let around = entry.json_head_around_title();
        Head {
            entry,
            translation,
            around,
        }
    }

    /// Its length in bytes.
    pub(crate) fn len(&self) -> usize {
        let title = match self.translation.title_json() {
            Some(escaped) => escaped.len(),
            None => json::escaped_len(self.translation.title()),
        };
        match self.around {
            Some((before, after)) => before.len() + title + after.len(),
            None => {
                r#"{"type":"","title":"","status":"#.len()
                    + json::escaped_len(self.entry.type_uri())
                    + title
                    + Digits::new(u64::from(self.entry.status().as_u16()))
                        .as_bytes()
                        .len()
            }
        }
    }

    /// Writes it.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        match self.around {
            Some((before, after)) => {
                out.extend_from_slice(before.as_bytes());
                put_title(out, self.translation);
                out.extend_from_slice(after.as_bytes());
            }
            None => {
                out.extend_from_slice(br#"{"type":"#);
                json::write_string(out, self.entry.type_uri());
                out.extend_from_slice(br#","title":""#);
                put_title(out, self.translation);
                out.extend_from_slice(br#"","status":"#);
                out.extend_from_slice(
                    Digits::new(u64::from(self.entry.status().as_u16())).as_bytes(),
                );
            }
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
    fn the_head_is_the_same_cut_from_the_entry_or_written_out() {
        const PLAIN: Entry = Entry::new("AUTH_GONE", 410, "Gone \"now\"", "/p/\"gone\"");
        let cut = Entry::__from_macro(
            "AUTH_GONE",
            410,
            "Gone \"now\"",
            "/p/\"gone\"",
            "",
            "",
            r#"{"type":"/p/\"gone\"","title":"Gone \"now\"","status":410,"code":"AUTH_GONE"}"#,
            (31, 43),
        );
        let by_macro =
            LocaleEntry::__from_macro("AUTH_GONE", "已\"删除\"", r#"已\"删除\""#, None, None);
        let by_hand = LocaleEntry::new("AUTH_GONE", "已\"删除\"");
        let expected = r#"{"type":"/p/\"gone\"","title":"已\"删除\"","status":410"#;
        for entry in [&PLAIN, &cut] {
            for translation in [&by_macro, &by_hand] {
                let head = Head::new(entry, translation);
                assert_eq!(head.around.is_some(), entry.json().is_some());
                let mut out = Vec::new();
                head.write(&mut out);
                assert_eq!(String::from_utf8(out).as_deref(), Ok(expected));
                assert_eq!(head.len(), expected.len());
            }
        }
    }

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
