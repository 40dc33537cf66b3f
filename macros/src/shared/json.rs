//! JSON string escaping at compile time, byte-for-byte the same as `serde_json`'s (and
//! the runtime's), so pre-rendered fragments equal what the runtime would write.

/// `s` as a quoted JSON string.
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The head of a rendered problem document: `{"type":…,"title":…,"status":…`.
pub fn head(type_uri: &str, title: &str, status: u16) -> String {
    format!(
        "{{\"type\":{},\"title\":{},\"status\":{status}",
        string(type_uri),
        string(title)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        assert_eq!(super::string("a\"b\\c\nd\u{1}é"), r#""a\"b\\c\nd\u0001é""#);
    }
}
