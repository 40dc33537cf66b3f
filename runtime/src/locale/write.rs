//! Writing a translation into a body being rendered: the localized head, and a detail
//! template filled from the occurrence's members.

use crate::json::{self, ByteSink};
use crate::render::push_digits;
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
    #[inline]
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
                    + json::digit_count(u64::from(self.entry.status().as_u16()))
            }
        }
    }

    /// Writes it: three copies for a pre-rendered head.
    #[inline]
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
                push_digits(out, u64::from(self.entry.status().as_u16()));
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
                Some(secs) => out.put_digits(secs),
                None => return false,
            },
            Segment::Member(name) => {
                let mut found = false;
                let mut value = ValueText::new(out);
                problem.extensions(&mut ExtensionSink::pick(name, &mut value, &mut found));
                if !found {
                    return false;
                }
                value.finish();
            }
        }
    }
    true
}

/// Turns a member's JSON, as serde_json writes it, into detail text on the way through:
/// a string's content (escaped already) without its quotes, any other value's JSON
/// escaped. Nothing is buffered, so a value of any length fits.
struct ValueText<'a, S: ?Sized> {
    out: &'a mut S,
    /// Where the value starts in `out`.
    start: usize,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Nothing written yet.
    Unknown,
    /// A string: its closing quote is cut at the end.
    String,
    Other,
}

impl<'a, S: ByteSink + ?Sized> ValueText<'a, S> {
    fn new(out: &'a mut S) -> Self {
        let start = out.len();
        ValueText {
            out,
            start,
            kind: Kind::Unknown,
        }
    }

    /// Cuts a string's closing quote.
    fn finish(self) {
        if self.kind == Kind::String {
            let len = self.out.len();
            self.out.truncate(len.saturating_sub(1).max(self.start));
        }
    }
}

impl<S: ByteSink + ?Sized> ByteSink for ValueText<'_, S> {
    fn put(&mut self, bytes: &[u8]) {
        let mut bytes = bytes;
        if self.kind == Kind::Unknown {
            match bytes.split_first() {
                None => return,
                Some((b'"', rest)) => {
                    self.kind = Kind::String;
                    bytes = rest;
                }
                Some(_) => self.kind = Kind::Other,
            }
        }
        match self.kind {
            Kind::String => self.out.put(bytes),
            _ => self.out.put_escaped(bytes),
        }
    }

    fn len(&self) -> usize {
        self.out.len()
    }

    fn truncate(&mut self, len: usize) {
        self.out.truncate(len);
        if len <= self.start {
            self.kind = Kind::Unknown;
        }
    }

    fn put_escaped(&mut self, bytes: &[u8]) {
        // Only a value's own bytes come here, through `put`.
        self.put(bytes);
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

    struct Named(String);

    impl ProblemCode for Named {
        fn entry(&self) -> &'static Entry {
            const E: &Entry = &Entry::new("NAMED", 400, "Named", "/problems/named");
            E
        }
        fn extensions(&self, ext: &mut ExtensionSink<'_>) {
            ext.insert(crate::ExtensionName::from_static("name"), &self.0)
                .insert(crate::ExtensionName::from_static("list"), &[&self.0]);
        }
    }

    #[test]
    fn a_template_takes_a_member_of_any_length_counted_as_written() {
        let template = [
            Segment::Text("hi "),
            Segment::Member("name"),
            Segment::Text(" "),
            Segment::Member("list"),
        ];
        for len in [0, 1, 255, 256, 5_000] {
            let name = "\"é".repeat(len);
            let problem = Named(name.clone());
            let mut out = Vec::new();
            assert!(write_template(&mut out, &template, &problem));
            let mut counter = json::Counter::default();
            assert!(write_template(&mut counter, &template, &problem));
            assert_eq!(counter.0, out.len(), "counted as written");
            let mut expected = Vec::new();
            json::write_escaped(
                &mut expected,
                &format!("hi {name} {}", serde_json::json!([name])),
            );
            assert_eq!(out, expected);
        }
        let missing = [Segment::Member("absent")];
        assert!(!write_template(
            &mut Vec::new(),
            &missing,
            &Named(String::new())
        ));
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
            let mut out = b"x".to_vec();
            let mut sink = ValueText::new(&mut out);
            // In the pieces serde_json writes a value in, and as one piece.
            for piece in value.chunks(2) {
                sink.put(piece);
            }
            sink.finish();
            assert_eq!(out.get(1..), Some(text));
            let mut whole = Vec::new();
            let mut sink = ValueText::new(&mut whole);
            sink.put(value);
            sink.finish();
            assert_eq!(whole, text);
            let mut counter = json::Counter::default();
            let mut sink = ValueText::new(&mut counter);
            sink.put(value);
            sink.finish();
            assert_eq!(counter.0, text.len(), "counted as written");
        }
    }
}
