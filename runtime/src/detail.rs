//! Writing a `detail`, into a body being rendered (escaped for JSON, and counted so
//! before it), or into a `fmt::Formatter` (as is), from one description of it. The derive splits a `detail`
//! format string at compile time: its text is escaped then, and each `{field}` is written
//! by the fastest means its declared type allows (integers as digits, strings escaped in
//! place, anything else through `Display`), so rendering needs no `core::fmt` machinery.

use core::fmt::{self, Write as _};

use crate::json::{self, EscapedLen, EscapingWriter};
use crate::render::{Digits, push_digits};

/// Where a detail is written. Not public API: the derive's generated code writes to it
/// (see the table in `__private`).
pub struct DetailSink<'a> {
    out: Target<'a>,
    /// The first error, kept so generated code needs no `?` per piece (cheaper to
    /// type-check: a detail is a run of plain calls).
    failed: bool,
}

/// Each target is named, not `dyn`, so a render's writes and counts inline: a body is
/// counted, then written, and a formatter takes text as is.
enum Target<'a> {
    /// The escaped length, added up.
    Count(&'a mut usize),
    /// The body, escaped.
    Body(&'a mut Vec<u8>),
    Text(&'a mut dyn fmt::Write),
}

impl<'a> DetailSink<'a> {
    /// A sink that adds the detail's escaped length to `len`.
    #[inline]
    pub(crate) fn count(len: &'a mut usize) -> DetailSink<'a> {
        DetailSink {
            out: Target::Count(len),
            failed: false,
        }
    }

    /// A sink that appends the detail, escaped, to `out`.
    #[inline]
    pub(crate) fn body(out: &'a mut Vec<u8>) -> DetailSink<'a> {
        DetailSink {
            out: Target::Body(out),
            failed: false,
        }
    }

    /// A sink that writes the detail as text into `f`.
    pub fn formatter(f: &'a mut fmt::Formatter<'_>) -> DetailSink<'a> {
        DetailSink {
            out: Target::Text(f),
            failed: false,
        }
    }

    /// The outcome: the first error of a formatter target or of a `Display`.
    ///
    /// # Errors
    ///
    /// That first error.
    #[inline]
    pub fn finish(&self) -> fmt::Result {
        if self.failed { Err(fmt::Error) } else { Ok(()) }
    }

    #[inline]
    fn record(&mut self, result: fmt::Result) {
        self.failed |= result.is_err();
    }

    /// Literal text of the format string, as written and as escaped at compile time.
    #[inline]
    pub fn literal(&mut self, text: &'static str, escaped: &'static str) {
        match &mut self.out {
            Target::Count(len) => **len += escaped.len(),
            Target::Body(out) => out.extend_from_slice(escaped.as_bytes()),
            Target::Text(out) => {
                let result = out.write_str(text);
                self.record(result);
            }
        }
    }

    /// Text known only at run time.
    #[inline]
    pub fn text(&mut self, text: &str) {
        match &mut self.out {
            Target::Count(len) => **len += json::escaped_len(text),
            Target::Body(out) => json::write_escaped(*out, text),
            Target::Text(out) => {
                let result = out.write_str(text);
                self.record(result);
            }
        }
    }

    /// An unsigned integer, as its `Display` writes it.
    #[inline]
    pub fn unsigned(&mut self, n: u64) {
        self.digits(false, n);
    }

    /// A signed integer, as its `Display` writes it.
    #[inline]
    pub fn signed(&mut self, n: i64) {
        self.digits(n < 0, n.unsigned_abs());
    }

    /// A `usize`, as its `Display` writes it.
    #[inline]
    pub fn usize(&mut self, n: usize) {
        match u64::try_from(n) {
            Ok(n) => self.digits(false, n),
            Err(_) => self.display(&n),
        }
    }

    /// An `isize`, as its `Display` writes it.
    #[inline]
    pub fn isize(&mut self, n: isize) {
        match i64::try_from(n) {
            Ok(n) => self.signed(n),
            Err(_) => self.display(&n),
        }
    }

    /// ASCII digits, which need no escaping.
    #[inline]
    fn digits(&mut self, negative: bool, n: u64) {
        match &mut self.out {
            Target::Count(len) => **len += usize::from(negative) + json::digit_count(n),
            Target::Body(out) => {
                if negative {
                    out.push(b'-');
                }
                push_digits(out, n);
            }
            Target::Text(out) => {
                let digits = Digits::new(n);
                let sign = if negative { "-" } else { "" };
                let result = out
                    .write_str(sign)
                    .and_then(|()| out.write_str(digits.as_str()));
                self.record(result);
            }
        }
    }

    /// A value through its `Display`.
    #[inline]
    pub fn display(&mut self, value: &(impl fmt::Display + ?Sized)) {
        let result = match &mut self.out {
            Target::Count(len) => write!(EscapedLen(len), "{value}"),
            Target::Body(out) => write!(EscapingWriter(&mut **out), "{value}"),
            Target::Text(out) => write!(out, "{value}"),
        };
        self.record(result);
    }
}

/// A `{field}` whose type is spelt as an integer, `str` or `String`, for the derive's
/// writer probe: `(&&DetailArg(field)).__write_arg(sink)` finds the fast writer of
/// [`ViaFastWriter`] when the type is the primitive (or `String`), and otherwise, after a
/// dereference, [`ViaDisplayWriter`]'s `Display`: a user's own type may bear the name.
pub struct DetailArg<'a, T: ?Sized>(pub &'a T);

/// The [`DetailArg`] probe's writer for the integers, `str` and `String`.
pub trait ViaFastWriter {
    /// Writes the field into the detail.
    fn __write_arg(self, sink: &mut DetailSink<'_>);
}

/// The [`DetailArg`] probe's writer for any other type of those names.
pub trait ViaDisplayWriter {
    /// Writes the field into the detail.
    fn __write_arg(self, sink: &mut DetailSink<'_>);
}

macro_rules! fast_writer {
    ($($ty:ty => |$sink:ident, $value:ident| $write:expr;)*) => {$(
        impl ViaFastWriter for &&DetailArg<'_, $ty> {
            #[inline]
            fn __write_arg(self, $sink: &mut DetailSink<'_>) {
                let $value = self.0;
                $write
            }
        }
    )*};
}

fast_writer! {
    u8 => |sink, n| sink.unsigned(u64::from(*n));
    u16 => |sink, n| sink.unsigned(u64::from(*n));
    u32 => |sink, n| sink.unsigned(u64::from(*n));
    u64 => |sink, n| sink.unsigned(*n);
    usize => |sink, n| sink.usize(*n);
    i8 => |sink, n| sink.signed(i64::from(*n));
    i16 => |sink, n| sink.signed(i64::from(*n));
    i32 => |sink, n| sink.signed(i64::from(*n));
    i64 => |sink, n| sink.signed(*n);
    isize => |sink, n| sink.isize(*n);
    str => |sink, text| sink.text(text);
    &str => |sink, text| sink.text(text);
    String => |sink, text| sink.text(text);
}

impl<T: fmt::Display + ?Sized> ViaDisplayWriter for &DetailArg<'_, T> {
    #[inline]
    fn __write_arg(self, sink: &mut DetailSink<'_>) {
        sink.display(self.0);
    }
}

impl fmt::Debug for DetailSink<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DetailSink").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body target's bytes, checked against the count target's length.
    fn json(write: impl Fn(&mut DetailSink<'_>)) -> String {
        let mut out = Vec::new();
        write(&mut DetailSink::body(&mut out));
        let mut len = 0;
        write(&mut DetailSink::count(&mut len));
        assert_eq!(len, out.len(), "counted as written");
        String::from_utf8(out).unwrap_or_default()
    }

    /// Writes through a formatter target, as `fmt_detail` does.
    struct Text<F>(F);

    impl<F: Fn(&mut DetailSink<'_>)> fmt::Display for Text<F> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let mut sink = DetailSink::formatter(f);
            (self.0)(&mut sink);
            sink.finish()
        }
    }

    #[test]
    fn fast_writers_match_display_in_both_targets() {
        for n in [0i64, -1, 7, i64::MIN, i64::MAX] {
            assert_eq!(json(|s| s.signed(n)), n.to_string());
            assert_eq!(
                Text(|s: &mut DetailSink<'_>| s.signed(n)).to_string(),
                n.to_string()
            );
        }
        for n in [0u64, 9, u64::MAX] {
            assert_eq!(json(|s| s.unsigned(n)), n.to_string());
        }
        for n in [0usize, usize::MAX] {
            assert_eq!(json(|s| s.usize(n)), n.to_string());
        }
        for n in [isize::MIN, 0, isize::MAX] {
            assert_eq!(json(|s| s.isize(n)), n.to_string());
        }
        let text = String::from("a \"quoted\" \\ text");
        assert_eq!(json(|s| s.text(&text)), r#"a \"quoted\" \\ text"#);
        assert_eq!(
            Text(|s: &mut DetailSink<'_>| s.text(&text)).to_string(),
            text
        );
        assert_eq!(json(|s| s.display(&1.5f64)), "1.5", "through Display");
        assert_eq!(json(|s| s.literal("a\"b", r#"a\"b"#)), r#"a\"b"#);
        assert_eq!(
            Text(|s: &mut DetailSink<'_>| s.literal("a\"b", r#"a\"b"#)).to_string(),
            "a\"b"
        );
    }
}
