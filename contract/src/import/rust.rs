//! The `error_catalog!` source of an imported document.

use core::fmt::Write as _;

use problem_codes::Lifecycle;

use super::Document;

/// The source, as [`Document::to_rust`] documents it.
pub(super) fn catalog(document: &Document, name: &str) -> String {
    let mut out = String::from("problem_codes::error_catalog! {\n");
    let mut framing: Vec<&str> = Vec::new();
    let title = document.title.as_deref().map(|title| format!("# {title}"));
    framing.extend(title.as_deref());
    if let Some(preamble) = &document.preamble {
        if !framing.is_empty() {
            framing.push("");
        }
        framing.extend(super::read::split_lines(preamble));
    }
    doc_lines(&mut out, "    ", framing);
    let _ = writeln!(out, "    pub catalog {name} {{");
    let mut unnamed = name.to_owned();
    while document
        .registry
        .sections()
        .any(|(section, _)| section == unnamed)
    {
        unnamed.push('_');
    }
    let mut first = true;
    for (section, codes) in document.registry.sections() {
        if !first {
            out.push('\n');
        }
        first = false;
        // The DSL names every section: a table without a heading takes the catalog's
        // name, made unique.
        let section = if section.is_empty() {
            unnamed.as_str()
        } else {
            section
        };
        let _ = writeln!(out, "        section {} {{", literal(section));
        for entry in codes {
            let _ = write!(
                out,
                "            {} = {} {{\n                title: {},\n                handling: {},\n",
                entry.code(),
                entry.status(),
                literal(entry.title()),
                literal(entry.handling()),
            );
            if !entry.members().is_empty() {
                out.push_str("                members: {\n");
                for member in entry.members() {
                    if !member.doc().is_empty() {
                        let _ = writeln!(out, "                    /// {}", member.doc());
                    }
                    let _ = writeln!(
                        out,
                        "                    {}{}: {},",
                        member.name(),
                        if member.is_optional() { "?" } else { "" },
                        member.ty().name()
                    );
                }
                out.push_str("                },\n");
            }
            if entry.lifecycle() == Lifecycle::Deprecated {
                let value = entry
                    .replacement()
                    .map_or_else(|| "true".to_owned(), literal);
                let _ = writeln!(out, "                deprecated: {value},");
            }
            out.push_str("            },\n");
        }
        out.push_str("        }\n");
    }
    if let Some(closing) = &document.closing {
        doc_lines(&mut out, "        ", super::read::split_lines(closing));
    }
    out.push_str("    }\n}\n");
    out
}

/// `/// line` for each line, `///` for a blank one.
fn doc_lines<'a>(out: &mut String, indent: &str, lines: impl IntoIterator<Item = &'a str>) {
    for line in lines {
        if line.is_empty() {
            let _ = writeln!(out, "{indent}///");
        } else {
            let _ = writeln!(out, "{indent}/// {line}");
        }
    }
}

/// A Rust string literal: `str`'s `Debug` escapes quotes, backslashes and controls.
fn literal(text: &str) -> String {
    format!("{text:?}")
}

/// The characters rustc refuses in a comment (the deny-by-default lint
/// `text_direction_codepoint_in_comment`): they reorder how the text shows.
pub(super) fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `name` can name the catalog: a Rust identifier (ASCII letters, digits and
/// `_`, not starting with a digit) that is not a keyword.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let starts = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') || name == "_" {
        return Err(format!(
            "`{name}` is not a Rust identifier; write the catalog's name in UpperCamelCase, such as `HttpErrorCodes`"
        ));
    }
    if KEYWORDS.contains(&name) {
        return Err(format!(
            "`{name}` is a Rust keyword; write the catalog's name in UpperCamelCase, such as `HttpErrorCodes`"
        ));
    }
    Ok(())
}

/// Rust's strict and reserved keywords, of every edition.
const KEYWORDS: [&str; 52] = [
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_identifiers_and_not_keywords() {
        for good in ["HttpErrorCodes", "Eryao", "_Private", "Codes2"] {
            assert_eq!(check_name(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "_",
            "2Codes",
            "Http Codes",
            "Codes}",
            "Self",
            "crate",
            "r#Type",
            "Café",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
