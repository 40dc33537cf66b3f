//! URI references (RFC 3986 §4.1), as RFC 9457 wants `type` and `instance` to be:
//! checked by their characters, and made from any text by percent-encoding.

use std::borrow::Cow;

/// Whether `text` is a non-empty URI reference by RFC 3986's characters: unreserved
/// (`A-Z a-z 0-9 - . _ ~`), reserved (`: / ? # [ ] @ ! $ & ' ( ) * + , ; =`), and `%`
/// followed by two hex digits. A client that validates URIs strictly accepts it.
///
/// ```
/// use problem_codes::is_uri_reference;
///
/// assert!(is_uri_reference("/v1/projects/my%20project"));
/// assert!(is_uri_reference("https://errors.example.com/auth-user-not-found"));
/// assert!(is_uri_reference("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"));
/// assert!(!is_uri_reference("/v1/projects/my project"));
/// assert!(!is_uri_reference("/100%"));
/// assert!(!is_uri_reference(""));
/// ```
#[must_use]
pub fn is_uri_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .enumerate()
            .all(|(i, &b)| is_uri_byte(b) || (b == b'%' && is_escape(bytes, i)))
}

/// `text` as a URI reference: every byte that may not appear in one is percent-encoded
/// (a space becomes `%20`, `é` becomes `%C3%A9`, a `%` that starts no escape becomes
/// `%25`); text that already is one comes back borrowed, unchanged.
///
/// ```
/// use problem_codes::to_uri_reference;
///
/// assert_eq!(to_uri_reference("/v1/projects/my project"), "/v1/projects/my%20project");
/// assert_eq!(to_uri_reference("/café?q=\"a\""), "/caf%C3%A9?q=%22a%22");
/// assert_eq!(to_uri_reference("/100%"), "/100%25");
/// assert!(matches!(to_uri_reference("/v1/users/42"), std::borrow::Cow::Borrowed(_)));
/// ```
#[must_use]
pub fn to_uri_reference(text: &str) -> Cow<'_, str> {
    if text.is_empty() || is_uri_reference(text) {
        return Cow::Borrowed(text);
    }
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16);
    for (i, &b) in bytes.iter().enumerate() {
        if is_uri_byte(b) || (b == b'%' && is_escape(bytes, i)) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        }
    }
    Cow::Owned(out)
}

fn is_uri_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b)
}

/// Whether the `%` at `i` starts a two-digit hex escape.
fn is_escape(bytes: &[u8], i: usize) -> bool {
    bytes
        .get(i + 1..i + 3)
        .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_encoding_is_a_uri_reference_and_valid_text_is_kept() {
        for text in [
            "/a b",
            "\u{0}\n\t",
            "%",
            "%4",
            "%zz",
            "é😀",
            "\"<>\\^`{|}",
            "/ok/%41",
        ] {
            let encoded = to_uri_reference(text);
            assert!(is_uri_reference(&encoded), "{text:?} gave {encoded:?}");
            assert_eq!(to_uri_reference(&encoded), encoded);
        }
        assert_eq!(to_uri_reference("/ok/%41"), "/ok/%41");
    }
}
