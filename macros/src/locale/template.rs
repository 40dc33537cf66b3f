//! A translation's `detail` template: text and `{member}` placeholders, `{{` and `}}`
//! for literal braces.

/// One piece of a template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Member(String),
}

/// The pieces of `template`, or why it is not one.
pub fn parse(template: &str) -> Result<Vec<Piece>, String> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                text.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                text.push('}');
            }
            '}' => {
                return Err(
                    "a `}` in a template closes nothing; write `}}` for a literal brace".into(),
                );
            }
            '{' => {
                let mut name = String::new();
                loop {
                    match chars.next() {
                        Some('}') => break,
                        Some(c) => name.push(c),
                        None => {
                            return Err(format!(
                                "`{{{name}` is not closed; write `{{{name}}}`, or `{{{{` for a literal brace"
                            ));
                        }
                    }
                }
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(
                        "`{}` names no member; write the member's name, e.g. `{retry_after}`"
                            .into(),
                    );
                }
                if name.contains(':') {
                    return Err(format!(
                        "`{{{name}}}` has a format spec; a template writes members as they are: `{{{}}}`",
                        name.split(':').next().unwrap_or_default().trim()
                    ));
                }
                if !is_member_name(&name) {
                    return Err(format!(
                        "`{{{name}}}` is not a member name; a template names the code's members, e.g. `{{retry_after}}`"
                    ));
                }
                if !text.is_empty() {
                    pieces.push(Piece::Text(core::mem::take(&mut text)));
                }
                pieces.push(Piece::Member(name));
            }
            c => text.push(c),
        }
    }
    if !text.is_empty() {
        pieces.push(Piece::Text(text));
    }
    Ok(pieces)
}

fn is_member_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_members_split() {
        assert_eq!(
            parse("请在 {retry_after} 秒后重试 {{ok}}"),
            Ok(vec![
                Piece::Text("请在 ".into()),
                Piece::Member("retry_after".into()),
                Piece::Text(" 秒后重试 {ok}".into()),
            ])
        );
        assert_eq!(parse(""), Ok(vec![]));
    }

    #[test]
    fn malformed_templates_say_how_to_fix_them() {
        for (template, message) in [
            ("wait {retry_after", "`{retry_after` is not closed"),
            ("a } b", "closes nothing"),
            ("{}", "names no member"),
            ("{0}", "is not a member name"),
            ("{retry_after:>5}", "has a format spec"),
        ] {
            let err = parse(template).unwrap_err();
            assert!(err.contains(message), "{template}: {err}");
        }
    }
}
