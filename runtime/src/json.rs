//! JSON string escaping, byte-for-byte the same as `serde_json`'s.

use core::fmt;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// The escape sequence for one byte, or `None` when the byte is written as is.
#[inline]
fn escape(byte: u8) -> Option<Escape> {
    match byte {
        b'"' => Some(Escape::Short(b'"')),
        b'\\' => Some(Escape::Short(b'\\')),
        b'\n' => Some(Escape::Short(b'n')),
        b'\r' => Some(Escape::Short(b'r')),
        b'\t' => Some(Escape::Short(b't')),
        0x08 => Some(Escape::Short(b'b')),
        0x0c => Some(Escape::Short(b'f')),
        0x00..=0x1f => Some(Escape::Unicode(byte)),
        _ => None,
    }
}

enum Escape {
    Short(u8),
    Unicode(u8),
}

impl Escape {
    const fn len(&self) -> usize {
        match self {
            Escape::Short(_) => 2,
            Escape::Unicode(_) => 6,
        }
    }
}

/// The length of `s` once escaped, without the surrounding quotes.
pub(crate) fn escaped_len(s: &str) -> usize {
    s.bytes().map(|b| escape(b).map_or(1, |e| e.len())).sum()
}

/// Appends `s` escaped, without the surrounding quotes.
pub(crate) fn write_escaped(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let Some(esc) = escape(b) else { continue };
        out.extend_from_slice(&bytes[start..i]);
        match esc {
            Escape::Short(c) => out.extend_from_slice(&[b'\\', c]),
            Escape::Unicode(c) => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(c >> 4)],
                HEX[usize::from(c & 0xf)],
            ]),
        }
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Appends `s` as a quoted JSON string.
pub(crate) fn write_string(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    write_escaped(out, s);
    out.push(b'"');
}

/// A `fmt::Write` that appends what it is given, escaped, to a buffer.
pub(crate) struct EscapingWriter<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for EscapingWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write_escaped(self.0, s);
        Ok(())
    }
}

/// A `fmt::Write` that only counts the escaped length of what it is given.
#[derive(Default)]
pub(crate) struct EscapedCounter(pub(crate) usize);

impl fmt::Write for EscapedCounter {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0 += escaped_len(s);
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
}
