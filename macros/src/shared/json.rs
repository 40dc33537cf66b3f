//! JSON string escaping at compile time, byte-for-byte the same as `serde_json`'s (and
//! the runtime's), so pre-rendered fragments equal what the runtime would write.

/// `s` escaped for a JSON string, without the quotes.
pub fn escaped(s: &str) -> String {
    let quoted = string(s);
    quoted[1..quoted.len() - 1].to_owned()
}

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

/// Where the escaped `title` starts and ends in [`body`]'s text, as the runtime's
/// `Entry` records it to cut the head around a translated title; `(0, 0)` for a body
/// too long to index with `u32`, which the runtime then renders member by member.
pub fn title_at(type_uri: &str, title: &str) -> (u32, u32) {
    let start = r#"{"type":""#.len() + escaped(type_uri).len() + r#"","title":""#.len();
    let end = start + escaped(title).len();
    match (u32::try_from(start), u32::try_from(end)) {
        (Ok(start), Ok(end)) => (start, end),
        _ => (0, 0),
    }
}

/// The body of an occurrence with no per-occurrence parts:
/// `{"type":…,"title":…,"status":…,"code":…}`. The runtime copies it whole, or its head
/// when an occurrence adds members.
pub fn body(type_uri: &str, title: &str, status: u16, code: &str) -> String {
    format!(
        "{{\"type\":{},\"title\":{},\"status\":{status},\"code\":{}}}",
        string(type_uri),
        string(title),
        string(code)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_quotes_backslashes_and_controls() {
        assert_eq!(super::string("a\"b\\c\nd\u{1}é"), r#""a\"b\\c\nd\u0001é""#);
    }

    #[test]
    fn title_at_finds_the_escaped_title_in_the_body() {
        let (type_uri, title) = ("/p/\"q\"", "Say \"hi\"\n\u{1}");
        let body = super::body(type_uri, title, 409, "ORDER_QUOTED");
        let (start, end) = super::title_at(type_uri, title);
        let (start, end) = (start as usize, end as usize);
        assert_eq!(&body[start..end], super::escaped(title));
        assert!(body[..start].ends_with(r#""title":""#));
        assert!(body[end..].starts_with(r#"","status":409"#));
    }
}
