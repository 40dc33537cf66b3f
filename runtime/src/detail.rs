//! Writing a `detail`, into a body being rendered (escaped for JSON) or into a
//! `fmt::Formatter` (as is), from one description of it. The derive splits a `detail`
//! format string at compile time: its text is escaped then, and each `{field}` is written
//! by the fastest means its type allows (integers as digits, strings escaped in place,
//! anything else through `Display`), so rendering needs no `core::fmt` machinery.

use core::fmt::{self, Write as _};

use crate::json::{ByteSink, EscapingWriter, StackBuf, write_escaped};
use crate::render::{Digits, STACK_PARTS};

/// Where a detail is written. Not public API: the derive's generated code uses it.
pub struct DetailSink<'a> {
    out: Target<'a>,
    /// The first error, kept so generated code needs no `?` per piece (cheaper to
    /// type-check: a detail is a run of plain calls).
    failed: bool,
}

/// The stack buffer of the usual render is named, so its writes inline; the rare paths
/// (a detail too long for it, counting) go through `dyn`; a formatter takes text as is.
enum Target<'a> {
    Stack(&'a mut StackBuf<STACK_PARTS>),
    Json(&'a mut dyn ByteSink),
    Text(&'a mut dyn fmt::Write),
}

impl<'a> DetailSink<'a> {
    pub(crate) fn stack(out: &'a mut StackBuf<STACK_PARTS>) -> DetailSink<'a> {
        DetailSink {
            out: Target::Stack(out),
            failed: false,
        }
    }

    pub(crate) fn json(out: &'a mut dyn ByteSink) -> DetailSink<'a> {
        DetailSink {
            out: Target::Json(out),
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
            Target::Stack(out) => out.put(escaped.as_bytes()),
            Target::Json(out) => out.put(escaped.as_bytes()),
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
            Target::Stack(out) => write_escaped(*out, text),
            Target::Json(out) => write_escaped(*out, text),
            Target::Text(out) => {
                let result = out.write_str(text);
                self.record(result);
            }
        }
    }

    /// ASCII digits, which need no escaping.
    #[inline]
    fn digits(&mut self, negative: bool, n: u64) {
        let digits = Digits::new(n);
        let sign: &[u8] = if negative { b"-" } else { b"" };
        match &mut self.out {
            Target::Stack(out) => {
                out.put(sign);
                out.put(digits.as_bytes());
            }
            Target::Json(out) => {
                out.put(sign);
                out.put(digits.as_bytes());
            }
            Target::Text(out) => {
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
            Target::Stack(out) => write!(EscapingWriter(&mut **out), "{value}"),
            Target::Json(out) => write!(EscapingWriter(&mut **out), "{value}"),
            Target::Text(out) => write!(out, "{value}"),
        };
        self.record(result);
    }
}

impl fmt::Debug for DetailSink<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DetailSink").finish_non_exhaustive()
    }
}

/// A detail argument, wrapped so that method resolution picks the fastest writer for
/// its type: [`WriteFast`] where the type has one, else [`WriteDisplay`] (the autoref
/// specialisation technique; a generic field goes through `Display`).
#[derive(Debug)]
pub struct Arg<'a, T: ?Sized>(pub &'a T);

/// The fast writer, for the types that implement [`FastArg`].
pub trait WriteFast {
    /// Writes the argument.
    fn write_arg(&self, sink: &mut DetailSink<'_>);
}

/// The general writer, through `Display`.
pub trait WriteDisplay {
    /// Writes the argument.
    fn write_arg(&self, sink: &mut DetailSink<'_>);
}

impl<T: fmt::Display + ?Sized> WriteDisplay for &Arg<'_, T> {
    #[inline]
    fn write_arg(&self, sink: &mut DetailSink<'_>) {
        sink.display(self.0);
    }
}

// One blanket impl, so method resolution weighs one candidate per call, not one per type.
impl<T: FastArg + ?Sized> WriteFast for Arg<'_, T> {
    #[inline]
    fn write_arg(&self, sink: &mut DetailSink<'_>) {
        self.0.write_fast(sink);
    }
}

/// Types written without `core::fmt`: integers as digits, strings escaped in place.
pub trait FastArg {
    /// Writes `self` as its `Display` would.
    fn write_fast(&self, sink: &mut DetailSink<'_>);
}

macro_rules! fast_unsigned {
    ($($ty:ty),*) => {$(
        impl FastArg for $ty {
            #[inline]
            fn write_fast(&self, sink: &mut DetailSink<'_>) {
                // Widening to u64 is lossless for every type listed here.
                sink.digits(false, *self as u64);
            }
        }
    )*};
}

macro_rules! fast_signed {
    ($($ty:ty),*) => {$(
        impl FastArg for $ty {
            #[inline]
            fn write_fast(&self, sink: &mut DetailSink<'_>) {
                sink.digits(*self < 0, self.unsigned_abs() as u64);
            }
        }
    )*};
}

fast_unsigned!(u8, u16, u32, u64, usize);
fast_signed!(i8, i16, i32, i64, isize);

macro_rules! fast_str {
    ($($ty:ty),*) => {$(
        impl FastArg for $ty {
            #[inline]
            fn write_fast(&self, sink: &mut DetailSink<'_>) {
                sink.text(self);
            }
        }
    )*};
}

fast_str!(str, &str, String);

#[cfg(test)]
mod tests {
    use super::*;

    fn json(write: impl FnOnce(&mut DetailSink<'_>)) -> String {
        let mut out = Vec::new();
        write(&mut DetailSink::json(&mut out));
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
            assert_eq!(json(|s| (&Arg(&n)).write_arg(s)), n.to_string());
            assert_eq!(
                Text(|s: &mut DetailSink<'_>| (&Arg(&n)).write_arg(s)).to_string(),
                n.to_string()
            );
        }
        for n in [0usize, usize::MAX] {
            assert_eq!(json(|s| (&Arg(&n)).write_arg(s)), n.to_string());
        }
        assert_eq!(json(|s| (&Arg(&i8::MIN)).write_arg(s)), "-128");
        let text = String::from("a \"quoted\" \\ text");
        assert_eq!(
            json(|s| (&Arg(&text)).write_arg(s)),
            r#"a \"quoted\" \\ text"#
        );
        assert_eq!(
            Text(|s: &mut DetailSink<'_>| (&Arg(&text)).write_arg(s)).to_string(),
            text
        );
        assert_eq!(
            json(|s| (&Arg(&1.5f64)).write_arg(s)),
            "1.5",
            "through Display"
        );
        assert_eq!(json(|s| s.literal("a\"b", r#"a\"b"#)), r#"a\"b"#);
        assert_eq!(
            Text(|s: &mut DetailSink<'_>| s.literal("a\"b", r#"a\"b"#)).to_string(),
            "a\"b"
        );
    }
}
