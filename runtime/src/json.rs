//! JSON writing: escaping byte-for-byte the same as `serde_json`'s, into either of the
//! byte sinks the renderer uses (the body's `Vec`, or a counter that measures it).

use core::fmt;

use crate::render::{Digits, push_digits};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Where rendered bytes go: the body itself, or a counter that measures it first. Every
/// sink can be cut back to an earlier length, so a member that fails half-way is
/// removed whole.
pub trait ByteSink {
    fn put(&mut self, bytes: &[u8]);
    fn len(&self) -> usize;
    fn truncate(&mut self, len: usize);

    /// Appends `bytes` escaped for JSON, without quotes (a counter only counts).
    fn put_escaped(&mut self, bytes: &[u8]);

    /// Appends the decimal digits of `n` (a counter only counts them).
    #[inline]
    fn put_digits(&mut self, n: u64) {
        self.put(Digits::new(n).as_bytes());
    }
}

impl ByteSink for Vec<u8> {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }

    #[inline]
    fn len(&self) -> usize {
        Vec::len(self)
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        Vec::truncate(self, len);
    }

    /// Here, not by default, so that behind a `dyn ByteSink` the loop is still the
    /// `Vec`'s own, with no dynamic call per escaped byte.
    #[inline]
    fn put_escaped(&mut self, bytes: &[u8]) {
        escape_into(self, bytes);
    }

    #[inline]
    fn put_digits(&mut self, n: u64) {
        push_digits(self, n);
    }
}

/// Counts the bytes it is given.
#[derive(Default)]
pub(crate) struct Counter(pub(crate) usize);

impl ByteSink for Counter {
    #[inline]
    fn put(&mut self, bytes: &[u8]) {
        self.0 += bytes.len();
    }

    #[inline]
    fn len(&self) -> usize {
        self.0
    }

    #[inline]
    fn truncate(&mut self, len: usize) {
        self.0 = len;
    }

    #[inline]
    fn put_escaped(&mut self, bytes: &[u8]) {
        self.0 += escaped_len_of(bytes);
    }

    #[inline]
    fn put_digits(&mut self, n: u64) {
        self.0 += digit_count(n);
    }
}

/// Adapts a sink to `io::Write`, for `serde_json::to_writer`.
pub(crate) struct IoSink<'a>(pub(crate) &'a mut dyn ByteSink);

impl std::io::Write for IoSink<'_> {
    #[inline]
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.put(buf);
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.0.put(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// How many decimal digits `n` has, without formatting it.
#[inline]
pub(crate) fn digit_count(n: u64) -> usize {
    // At most 20 digits, so the cast cannot truncate.
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// How deep a member's value may nest arrays and objects in a rendered body: one less
/// than the default parse depth (32), since the document's own object is a level, so
/// every body renders within what `Problem::from_json` reads by default. A deeper value
/// is left out, as a value that fails to serialize is, before it can exhaust the stack
/// (a value nested some 26,000 deep overflows a 2 MiB worker stack otherwise).
pub(crate) const MAX_MEMBER_DEPTH: usize = 31;

/// `serde_json`'s compact output, refusing to open an array or object past
/// [`MAX_MEMBER_DEPTH`]: the error stops the value's `Serialize` where it is.
struct DepthBound {
    depth: usize,
}

impl DepthBound {
    fn enter(&mut self) -> std::io::Result<()> {
        self.depth += 1;
        if self.depth > MAX_MEMBER_DEPTH {
            return Err(std::io::Error::other(
                "value nested deeper than the render bound",
            ));
        }
        Ok(())
    }
}

impl serde_json::ser::Formatter for DepthBound {
    #[inline]
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.enter()?;
        writer.write_all(b"[")
    }

    #[inline]
    fn end_array<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        writer.write_all(b"]")
    }

    #[inline]
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.enter()?;
        writer.write_all(b"{")
    }

    #[inline]
    fn end_object<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        self.depth -= 1;
        writer.write_all(b"}")
    }
}

/// `serde_json::to_writer`, byte for byte, for a value within [`MAX_MEMBER_DEPTH`]; an
/// error for a deeper one, found as soon as the bound is passed.
pub(crate) fn to_writer_bounded<W: std::io::Write, T: serde::Serialize + ?Sized>(
    writer: W,
    value: &T,
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        writer,
        DepthBound { depth: 0 },
    ))
}

/// Whether `value` serializes, within [`MAX_MEMBER_DEPTH`]; checked before a value is
/// built from it, since building and dropping a deep `Value` recurse too.
pub(crate) fn check_depth<T: serde::Serialize + ?Sized>(value: &T) -> serde_json::Result<()> {
    to_writer_bounded(std::io::sink(), value)
}

/// How JSON escapes each byte, as `serde_json`'s table does: 0 for not at all, `u` for
/// `\\u00XX`, else the character after the backslash (`"`, `\\`, `n`, `r`, `t`, `b`, `f`).
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table
};

/// How many bytes each byte grows by once escaped, the reference of `escaped_len`'s
/// counts: 1 for a two-byte escape, 5 for `\\u00XX`.
#[cfg(test)]
const GROWTH: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match ESCAPE[b] {
            0 => 0,
            b'u' => 5,
            _ => 1,
        };
        b += 1;
    }
    table
};

/// The length of `s` once escaped, without the surrounding quotes: counts of byte
/// classes, in chunks small enough for byte-wide counters, which compilers vectorize.
#[inline]
pub(crate) fn escaped_len(s: &str) -> usize {
    escaped_len_of(s.as_bytes())
}

/// [`escaped_len`] of bytes: escaping touches ASCII only, so a cut UTF-8 sequence counts
/// the same.
pub(crate) fn escaped_len_of(bytes: &[u8]) -> usize {
    let mut extra = 0usize;
    for chunk in bytes.chunks(255) {
        let (mut control, mut short, mut quote) = (0u8, 0u8, 0u8);
        for &b in chunk {
            control += u8::from(b < 0x20);
            short += u8::from(matches!(b, 0x08..=0x0a | 0x0c | 0x0d));
            quote += u8::from(b == b'"' || b == b'\\');
        }
        // A control character takes `\\u00XX` (5 more), or a two-byte escape (1 more).
        extra += 5 * usize::from(control) - 4 * usize::from(short) + usize::from(quote);
    }
    bytes.len() + extra
}

/// Whether JSON escapes `b`: `"`, `\` and the control characters.
#[cfg(test)]
const fn needs_escape(b: u8) -> bool {
    ESCAPE[b as usize] != 0
}

/// Whether any of the eight bytes of `word` needs escaping, tested all at once (the
/// "has less than" and "has zero byte" bit tricks, exact for this yes/no question).
#[inline]
const fn word_needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    let quote = word ^ (ONES * b'"' as u64);
    let quote = quote.wrapping_sub(ONES) & !quote & HIGH;
    let backslash = word ^ (ONES * b'\\' as u64);
    let backslash = backslash.wrapping_sub(ONES) & !backslash & HIGH;
    (control | quote | backslash) != 0
}

/// Writes `s` escaped, without the surrounding quotes, in the way of the sink (see
/// [`ByteSink::put_escaped`]).
#[inline]
pub(crate) fn write_escaped<S: ByteSink + ?Sized>(out: &mut S, s: &str) {
    out.put_escaped(s.as_bytes());
}

/// Writes `bytes` escaped: clean runs are found eight bytes at a time and copied whole;
/// only `"`, `\` and control characters are replaced, so a cut UTF-8 sequence passes
/// through whole.
#[inline]
fn escape_into<S: ByteSink + ?Sized>(out: &mut S, bytes: &[u8]) {
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && let Ok(word) = <[u8; 8]>::try_from(chunk)
            && !word_needs_escape(u64::from_le_bytes(word))
        {
            i += 8;
            continue;
        }
        // A word with an escape, or the tail: byte by byte to the end of it, without
        // testing a word again at each byte.
        let end = (i + 8).min(bytes.len());
        while i < end {
            let b = bytes.get(i).copied().unwrap_or(0);
            let escape = ESCAPE[usize::from(b)];
            if escape != 0 {
                if start < i {
                    out.put(bytes.get(start..i).unwrap_or_default());
                }
                write_escape(out, b, escape);
                start = i + 1;
            }
            i += 1;
        }
    }
    if start < bytes.len() {
        out.put(bytes.get(start..).unwrap_or_default());
    }
}

/// Writes the escape of `b`, whose entry in [`ESCAPE`] is `escape`.
#[inline]
fn write_escape<S: ByteSink + ?Sized>(out: &mut S, b: u8, escape: u8) {
    if escape == b'u' {
        out.put(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xf)],
        ]);
    } else {
        out.put(&[b'\\', escape]);
    }
}

/// Writes `s` as a quoted JSON string.
#[inline]
pub(crate) fn write_string<S: ByteSink + ?Sized>(out: &mut S, s: &str) {
    out.put(b"\"");
    write_escaped(out, s);
    out.put(b"\"");
}

/// A `fmt::Write` that escapes what it is given into a sink.
pub(crate) struct EscapingWriter<'a, S: ?Sized>(pub(crate) &'a mut S);

impl<S: ByteSink + ?Sized> fmt::Write for EscapingWriter<'_, S> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s);
        Ok(())
    }
}

/// A `fmt::Write` that adds the escaped length of what it is given.
pub(crate) struct EscapedLen<'a>(pub(crate) &'a mut usize);

impl fmt::Write for EscapedLen<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        *self.0 += escaped_len(s);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        write_string(&mut out, s);
        assert_eq!(out.len(), escaped_len(s) + 2, "length of {s:?}");
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn matches_serde_json_on_every_ascii_byte_and_unicode() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            all.as_str(),
            "plain",
            "quote \" back \\ slash",
            "é ✓ 😀",
            "\u{7f}\u{2028}",
        ] {
            assert_eq!(ours(s), serde_json::to_string(s).unwrap_or_default());
        }
    }

    #[test]
    fn the_counted_length_agrees_with_the_escape_table_on_every_byte() {
        for b in 0..=255u8 {
            let growth = usize::from(GROWTH[usize::from(b)]);
            let text = String::from_utf8_lossy(&[b]).repeat(300);
            let expected = text.len() + if b < 0x80 { 300 * growth } else { 0 };
            assert_eq!(escaped_len(&text), expected, "byte {b:#04x}");
        }
    }

    #[test]
    fn the_word_test_agrees_with_the_byte_test_on_every_byte_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut word = *b"abcdefgh";
                word[lane] = b;
                assert_eq!(
                    word_needs_escape(u64::from_le_bytes(word)),
                    needs_escape(b),
                    "byte {b:#04x} in lane {lane}"
                );
            }
        }
    }
}
