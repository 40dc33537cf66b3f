//! A table row's cells checked and read back into an entry, and the rules of
//! `error_catalog!` that span rows.

use std::collections::BTreeMap;

use crate::export::markdown::{DOC_SEPARATOR, code_spans, escape_cell};
use crate::{RegistryEntry, RegistryMember};
use problem_codes::{Lifecycle, Member, MemberType, is_valid_code};

use super::Fault;

/// The header every table has, in any case.
pub(super) const HEADER: [&str; 4] = ["code", "status", "meaning", "frontend handling"];

/// The name of the optional fifth column.
pub(super) const MEMBERS: &str = "members";

/// The members of a `members` cell, in the form the export writes: items separated by
/// `<br>`, each `` `name` ``, an optional `?`, `: type`, and an optional ` — doc`.
fn members_cell(cell: &str, code: &str) -> Result<Vec<RegistryMember>, String> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(Vec::new());
    }
    let mut members: Vec<RegistryMember> = Vec::new();
    for item in cell.split("<br>") {
        let item = item.trim();
        let bad = || {
            format!(
                "the member {} of `{code}` is not written `` `name`: type ``, `` `name`?: type `` for an optional one, then ` — doc` if it has one",
                span(item)
            )
        };
        let rest = item.strip_prefix('`').ok_or_else(bad)?;
        let (name, rest) = rest.split_once('`').ok_or_else(bad)?;
        let (optional, rest) = match rest.strip_prefix('?') {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let rest = rest.strip_prefix(':').ok_or_else(bad)?.trim_start();
        let (ty, doc) = match rest.split_once(DOC_SEPARATOR.trim_start()) {
            Some((ty, doc)) => (ty.trim(), decode(doc)),
            None => (rest.trim(), String::new()),
        };
        let ty = MemberType::from_name(ty).ok_or_else(|| {
            format!(
                "the member `{name}` of `{code}` has type `{ty}`; a member's type is string, integer, number, boolean, [scalar], {{scalar}} or errors"
            )
        })?;
        if let Err(reason) = Member::check(name, ty) {
            return Err(format!("member `{name}` of `{code}`: {reason}"));
        }
        if members.iter().any(|member| member.name() == name) {
            return Err(format!(
                "member `{name}` of `{code}` is listed twice; a member has one entry"
            ));
        }
        if doc
            .chars()
            .any(|c| c.is_control() || super::rust::is_direction_control(c))
        {
            return Err(format!(
                "the doc line of member `{name}` of `{code}` holds a control character; rustc refuses some in a doc comment"
            ));
        }
        members.push(
            RegistryMember::new(name, ty)
                .with_optional(optional)
                .with_doc(doc),
        );
    }
    Ok(members)
}

/// A row's entry, or what is wrong with it.
pub(super) fn entry(
    cells: &[&str],
    extra: bool,
    with_members: bool,
    section: &str,
) -> Result<RegistryEntry, String> {
    let shape = if with_members {
        "5 cells (code, status, meaning, frontend handling, members)"
    } else {
        "4 cells (code, status, meaning, frontend handling)"
    };
    let (code, status, meaning, handling, members) = match cells {
        [code, status, meaning, handling] if !with_members => (code, status, meaning, handling, ""),
        [code, status, meaning, handling, members] if with_members => {
            (code, status, meaning, handling, *members)
        }
        _ => {
            return Err(format!(
                "a row has {shape}, this one has {}; escape a `|` inside a cell as `\\|`",
                cells.len()
            ));
        }
    };
    if extra {
        return Err(format!(
            "a row has {shape}, this one has more; escape a `|` inside a cell as `\\|`"
        ));
    }
    let (code, deprecated) = code_cell(code.trim())?;
    let status = status
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|s| problem_codes::is_error_status(*s))
        .ok_or_else(|| {
            format!(
                "status `{}` of `{code}` is not a number from 400 to 599",
                status.trim()
            )
        })?;
    let meaning = decode(meaning);
    if meaning.trim().is_empty() {
        return Err(format!(
            "`{code}` has no meaning; the meaning is the problem's title"
        ));
    }
    let members = members_cell(members, &code)?;
    let entry = RegistryEntry::new(code, status, meaning)
        .with_handling(decode(handling))
        .with_section(section)
        .with_members(members);
    Ok(match deprecated {
        Some(replacement) => entry.with_deprecated(replacement),
        None => entry,
    })
}

/// A cell's text as the catalog holds it: what the Markdown export escapes, undone.
///
/// `\|` is a pipe and `<br>` a line break. A backtick the export escaped because it
/// closes no code span, `` \` ``, is a backtick again; the text is read until escaping
/// and reading it back give it unchanged, so that a second round trip changes nothing.
pub(super) fn decode(cell: &str) -> String {
    let text = cell.trim().replace("\\|", "|").replace("<br>", "\n");
    let mut text = unescape_backticks(&text);
    // Each pass only turns escaped backticks into backticks, so few are needed.
    for _ in 0..8 {
        let again = unescape_backticks(&escape_backticks(&text));
        if again == text {
            break;
        }
        text = again;
    }
    text
}

/// The export's escaping of lone backticks, without its escaping of pipes and breaks.
fn escape_backticks(text: &str) -> String {
    escape_cell(text).replace("\\|", "|").replace("<br>", "\n")
}

/// `` \` `` outside code spans becomes `` ` ``; other backslash escapes and the spans
/// stay as written.
fn unescape_backticks(text: &str) -> String {
    let spans: Vec<core::ops::Range<usize>> = code_spans(text)
        .into_iter()
        .map(|(content, ticks)| content.start - ticks..content.end + ticks)
        .collect();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        if let Some(span) = spans.iter().find(|span| span.start == i) {
            out.push_str(&text[span.clone()]);
            i = span.end;
            continue;
        }
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', Some(b'`')) => {
                out.push('`');
                i += 2;
            }
            (b'\\', Some(next)) if next.is_ascii_punctuation() => {
                out.push('\\');
                out.push(char::from(*next));
                i += 2;
            }
            _ => {
                let width = text[i..].chars().next().map_or(1, char::len_utf8);
                out.push_str(&text[i..i + width]);
                i += width;
            }
        }
    }
    out
}

/// `text` in a code span, with delimiters it cannot close.
fn span(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// `` `CODE` ``, `` `CODE` (deprecated) `` or `` `CODE` (deprecated; use `NEW`) ``: the
/// code, and the replacement when deprecated.
#[allow(clippy::type_complexity)]
pub(super) fn code_cell(cell: &str) -> Result<(String, Option<Option<String>>), String> {
    let bad = || {
        format!(
            "the code cell `{cell}` is not a code in backticks, such as `` `AUTH_USER_NOT_FOUND` ``"
        )
    };
    let rest = cell.strip_prefix('`').ok_or_else(bad)?;
    let (code, after) = rest.split_once('`').ok_or_else(bad)?;
    let code = code.trim();
    if !is_valid_code(code) {
        return Err(format!(
            "`{code}` is not a problem code: write SCREAMING_SNAKE_CASE, 3 to 63 characters"
        ));
    }
    let deprecated = match after.trim() {
        "" => None,
        "(deprecated)" => Some(None),
        other => {
            let replacement = other
                .strip_prefix("(deprecated; use `")
                .and_then(|r| r.strip_suffix("`)"))
                .filter(|r| is_valid_code(r))
                .ok_or_else(|| {
                    format!("after the code comes nothing, `(deprecated)` or ``(deprecated; use `NEW_CODE`)``, not `{other}`")
                })?;
            Some(Some(replacement.to_owned()))
        }
    };
    Ok((code.to_owned(), deprecated))
}

/// What `error_catalog!` refuses across rows, each on the line of the row at fault: a
/// code listed twice, two codes whose enum variants would share a name, a code whose
/// variant would be `Self`, and a replacement that is not another active code.
pub(super) fn catalog_rules(entries: &[(RegistryEntry, usize)], faults: &mut Vec<Fault>) {
    let mut codes: BTreeMap<&str, (&RegistryEntry, usize)> = BTreeMap::new();
    let mut variants: BTreeMap<String, &str> = BTreeMap::new();
    for (entry, line) in entries {
        let code = entry.code();
        if let Some((_, first)) = codes.get(code) {
            faults.push(Fault::at(
                *line,
                format!("`{code}` is listed twice (first on line {first}); a code has one row"),
            ));
            continue;
        }
        codes.insert(code, (entry, *line));
        let variant = variant_name(code);
        if variant == "Self" {
            faults.push(Fault::at(
                *line,
                format!("`{code}` would be the enum variant `Self`, a keyword; rename the code"),
            ));
        } else if let Some(other) = variants.insert(variant.clone(), code) {
            faults.push(Fault::at(
                *line,
                format!(
                    "`{other}` and `{code}` would both be the enum variant `{variant}`; rename one"
                ),
            ));
        }
    }
    for (entry, line) in entries {
        let code = entry.code();
        let Some(replacement) = entry.replacement() else {
            continue;
        };
        if codes
            .get(code)
            .is_some_and(|(first, _)| !core::ptr::eq(*first, entry))
        {
            continue;
        }
        let refused = match codes.get(replacement) {
            _ if replacement == code => "cannot replace itself",
            None => "is not a code of the document",
            Some((target, _)) if target.lifecycle() == Lifecycle::Deprecated => {
                "is itself deprecated"
            }
            Some(_) => continue,
        };
        faults.push(Fault::at(
            *line,
            format!("the replacement `{replacement}` of `{code}` {refused}"),
        ));
    }
}

/// The enum variant `error_catalog!` names a code by: its words in CamelCase.
fn variant_name(code: &str) -> String {
    let mut out = String::new();
    for word in code.split('_').filter(|word| !word.is_empty()) {
        let mut chars = word.chars();
        out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        out.extend(chars.map(|c| c.to_ascii_lowercase()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_cells() {
        assert_eq!(code_cell("`AUTH_X`"), Ok(("AUTH_X".into(), None)));
        assert_eq!(
            code_cell("`AUTH_X` (deprecated)"),
            Ok(("AUTH_X".into(), Some(None)))
        );
        assert_eq!(
            code_cell("`AUTH_X` (deprecated; use `AUTH_Y`)"),
            Ok(("AUTH_X".into(), Some(Some("AUTH_Y".into()))))
        );
        assert!(code_cell("AUTH_X").is_err());
        assert!(code_cell("`auth_x`").is_err());
        assert!(code_cell("`AUTH_X` (gone)").is_err());
    }

    #[test]
    fn cells_decode_what_the_export_escapes() {
        for text in [
            "it`s",
            "a `` b `c`",
            "`a``",
            "read | write `a|b`",
            "one\ntwo",
            "back \\ slash",
            "\\\\`",
            "`a` `",
        ] {
            assert_eq!(decode(&escape_cell(text)), text, "{text:?}");
        }
    }

    #[test]
    fn what_renders_the_same_reads_back_normalised() {
        // A backslash of the catalog's own before a lone backtick, and any line ending.
        assert_eq!(decode(&escape_cell("it\\`s")), "it`s");
        assert_eq!(decode(&escape_cell("a\r\nb\rc")), "a\nb\nc");
    }

    #[test]
    fn a_second_round_trip_changes_nothing() {
        for cell in ["\\``\\`", "\\`a\\`", "\\`a`", "x \\\\\\` y", "`a\\`"] {
            let once = decode(cell);
            assert_eq!(decode(&escape_cell(&once)), once, "{cell:?}");
        }
    }

    #[test]
    fn every_short_cell_reads_back_the_same_after_one_round_trip() {
        // Every cell of up to six characters among those the escapes involve.
        let alphabet = ['`', '\\', '|', 'a', ' '];
        let mut cells = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = cells
                .iter()
                .filter(|cell| cell.len() == cells.last().map_or(0, String::len))
                .flat_map(|cell| alphabet.iter().map(move |c| format!("{cell}{c}")))
                .collect();
            cells.extend(longer);
        }
        for cell in &cells {
            // A cell's source never ends in an unescaped pipe, which would end the cell.
            if cell.ends_with('|') && !cell.ends_with("\\|") {
                continue;
            }
            let once = decode(cell);
            assert_eq!(decode(&escape_cell(&once)), once, "{cell:?}");
        }
    }
}
