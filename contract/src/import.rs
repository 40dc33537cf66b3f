//! Adoption from an existing document: reads a Markdown error table in the form the
//! [Markdown export](crate::export::markdown) writes, and writes the `error_catalog!`
//! source for it.
//!
//! The form: an optional `# Title`, a preamble, then sections, each a `## Name` heading
//! followed by a table with the header `| code | status | meaning | frontend handling |`,
//! and a closing text after the last table. A code cell is the code in backticks,
//! optionally followed by `(deprecated)` or ``(deprecated; use `NEW_CODE`)``.
//!
//! Importing an exported document and exporting it again gives the same document.
//!
//! ```
//! use problem_codes_contract::import;
//!
//! let document = import::markdown(
//!     "# Errors\n\n## Auth\n\n\
//!      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
//!      | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |\n",
//! )?;
//! assert_eq!(document.registry().codes()[0].status(), 429);
//! let source = document.to_rust("Errors");
//! assert!(source.contains("AUTH_TOO_MANY_REQUESTS = 429 {\n"));
//! # Ok::<(), problem_codes_contract::import::ImportError>(())
//! ```

use core::fmt;
use core::fmt::Write as _;
use std::collections::BTreeMap;

use crate::export::MarkdownOptions;
use crate::{Registry, RegistryEntry, RegistryError};
use problem_codes::{Lifecycle, is_valid_code};

/// An imported document: the codes, and the text around the tables. Made by
/// [`markdown`].
///
/// ```
/// use problem_codes::Lifecycle;
///
/// let document = problem_codes_contract::import::markdown(
///     "# HTTP Error Codes\n\nMap on `code`.\n\n## Auth\n\n\
///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
///      | `AUTH_OTP_WRONG` (deprecated; use `AUTH_CODE_INVALID`) | 401 | Invalid OTP | Retry |\n\
///      | `AUTH_CODE_INVALID` | 401 | Invalid verification code | Retry |\n",
/// )?;
/// let first = &document.registry().codes()[0];
/// assert_eq!((first.section(), first.lifecycle()), ("Auth", Lifecycle::Deprecated));
/// assert_eq!(first.replacement(), Some("AUTH_CODE_INVALID"));
/// assert_eq!(document.options().preamble_text(), Some("Map on `code`."));
/// assert_eq!(document.suggested_name(), "HttpErrorCodes");
/// # Ok::<(), problem_codes_contract::import::ImportError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    title: Option<String>,
    preamble: Option<String>,
    closing: Option<String>,
    registry: Registry,
}

impl Document {
    /// The codes, in the document's order, with default type URIs (see the example on
    /// [`Document`]).
    #[must_use]
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The options that render the document back from its registry.
    ///
    /// ```
    /// # let text = "# Errors\n\n## Auth\n\n| code | status | meaning | frontend handling |\n|---|---:|---|---|\n| `AUTH_X_Y` | 400 | X | Y |\n";
    /// let document = problem_codes_contract::import::markdown(text)?;
    /// assert_eq!(document.registry().to_markdown(&document.options()), text);
    /// # Ok::<(), problem_codes_contract::import::ImportError>(())
    /// ```
    #[must_use]
    pub fn options(&self) -> MarkdownOptions<'_> {
        let mut options = MarkdownOptions::new();
        if let Some(title) = &self.title {
            options = options.title(title);
        }
        if let Some(preamble) = &self.preamble {
            options = options.preamble(preamble);
        }
        if let Some(closing) = &self.closing {
            options = options.closing(closing);
        }
        options
    }

    /// A catalog name made from the title (`HTTP Error Codes` gives `HttpErrorCodes`),
    /// or `Catalog` without one.
    ///
    /// ```
    /// const TABLE: &str = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n| `AUTH_X_Y` | 400 | X | Y |\n";
    ///
    /// let titled = problem_codes_contract::import::markdown(&format!("# HTTP Error Codes\n\n{TABLE}"))?;
    /// assert_eq!(titled.suggested_name(), "HttpErrorCodes");
    /// let untitled = problem_codes_contract::import::markdown(TABLE)?;
    /// assert_eq!(untitled.suggested_name(), "Catalog");
    /// # Ok::<(), problem_codes_contract::import::ImportError>(())
    /// ```
    #[must_use]
    pub fn suggested_name(&self) -> String {
        let name: String = self
            .title
            .as_deref()
            .unwrap_or_default()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
                })
            })
            .collect();
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            name
        } else {
            format!("Catalog{name}")
        }
    }

    /// The Rust source of a module that declares the catalog as `name` with
    /// `error_catalog!`, and `DOCUMENT`, the Markdown options that export the document
    /// back. A table without a `## Section` heading becomes a section named `name`, as
    /// every section of the catalog has a name.
    ///
    /// ```
    /// let document = problem_codes_contract::import::markdown(
    ///     "# Errors\n\n## Auth\n\n\
    ///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
    ///      | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |\n",
    /// )?;
    /// let source = document.to_rust("Eryao");
    /// assert!(source.contains("    pub catalog Eryao {\n        section \"Auth\" {\n"));
    /// assert!(source.contains(
    ///     "            AUTH_TOO_MANY_REQUESTS = 429 {\n                meaning: \"OTP request throttled\",\n"
    /// ));
    /// assert!(source.ends_with("problem_codes_contract::export::MarkdownOptions::new()\n        .title(\"Errors\");\n"));
    /// # Ok::<(), problem_codes_contract::import::ImportError>(())
    /// ```
    #[must_use]
    pub fn to_rust(&self, name: &str) -> String {
        let mut out = String::new();
        let _ = write!(
            out,
            "//! The catalog `{name}`, imported from Markdown by problem-codes: edit it here from now\n\
             //! on, and export the document from it.\n\n\
             problem_codes::error_catalog! {{\n    \
                 /// The codes of \"{}\".\n    \
                 pub catalog {name} {{\n",
            self.title
                .as_deref()
                .unwrap_or(name)
                .replace(['\r', '\n'], " "),
        );
        let mut unnamed = name.to_owned();
        while self
            .registry
            .sections()
            .any(|(section, _)| section == unnamed)
        {
            unnamed.push('_');
        }
        let mut first = true;
        for (section, codes) in self.registry.sections() {
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
                    "            {} = {} {{\n                meaning: {},\n                handling: {},\n",
                    entry.code(),
                    entry.status(),
                    literal(entry.title()),
                    literal(entry.handling()),
                );
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
        out.push_str("    }\n}\n\n");
        let _ = write!(
            out,
            "/// The text around the tables: `Registry::of::<{name}>().to_markdown(&DOCUMENT)` gives\n\
             /// the document back.\n\
             pub const DOCUMENT: problem_codes_contract::export::MarkdownOptions<'static> =\n    \
                 problem_codes_contract::export::MarkdownOptions::new()"
        );
        for (method, text) in [
            ("title", &self.title),
            ("preamble", &self.preamble),
            ("closing", &self.closing),
        ] {
            if let Some(text) = text {
                let _ = write!(out, "\n        .{method}({})", literal(text));
            }
        }
        out.push_str(";\n");
        out
    }
}

/// A Rust string literal: `str`'s `Debug` escapes quotes, backslashes and controls.
fn literal(text: &str) -> String {
    format!("{text:?}")
}

/// Why a document could not be imported: the line (from 1) and what is wrong there.
///
/// ```
/// let err = problem_codes_contract::import::markdown(
///     "## Auth\n\n\
///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
///      | `AUTH_OK` | 200 | Fine | None |\n",
/// )
/// .unwrap_err();
/// assert_eq!(err.line(), 5);
/// assert_eq!(err.message(), "status `200` of `AUTH_OK` is not a number from 400 to 599");
/// assert_eq!(err.to_string(), "line 5: status `200` of `AUTH_OK` is not a number from 400 to 599");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    line: usize,
    message: String,
}

impl ImportError {
    fn at(line: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            line,
            message: message.into(),
        }
    }

    /// The line at fault, counted from 1 (see the example on [`ImportError`]).
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, and how to fix it, without the line (see the example on
    /// [`ImportError`]).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for ImportError {}

const HEADER: [&str; 4] = ["code", "status", "meaning", "frontend handling"];

/// Reads a Markdown error table document (see the [module documentation](self)).
///
/// # Errors
///
/// [`ImportError`] naming the line: a table with another header, a row that is not
/// four cells, a code or status that is not one, a code listed twice, text between
/// sections, or no table at all.
///
/// ```
/// let err = problem_codes_contract::import::markdown("## Auth\n\n| code | status |\n|---|---|\n").unwrap_err();
/// assert_eq!(err.line(), 3);
/// assert_eq!(
///     err.to_string(),
///     "line 3: the table header is `| code | status | meaning | frontend handling |`",
/// );
/// ```
pub fn markdown(text: &str) -> Result<Document, ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let skip_blank = |i: &mut usize| {
        while *i < lines.len() && lines[*i].trim().is_empty() {
            *i += 1;
        }
    };
    skip_blank(&mut i);
    let title = match lines.get(i).and_then(|l| l.strip_prefix("# ")) {
        Some(title) => {
            i += 1;
            Some(title.trim().to_owned())
        }
        None => None,
    };
    // A table before any heading is a catalog without sections.
    let start = i;
    while i < lines.len() && !is_section(lines[i]) && !lines[i].trim_start().starts_with('|') {
        i += 1;
    }
    let preamble = block(&lines[start..i]);

    let mut codes: Vec<RegistryEntry> = Vec::new();
    let mut closing = None;
    // The catalog DSL declares a section once, by a name: so must the document.
    let mut headings: Vec<(String, usize)> = Vec::new();
    while i < lines.len() {
        let heading = i + 1;
        let section = match lines[i].strip_prefix("## ") {
            Some(name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return Err(ImportError::at(
                        heading,
                        "a section heading needs a name, e.g. `## Auth`",
                    ));
                }
                if let Some((_, first)) = headings.iter().find(|(seen, _)| *seen == name) {
                    return Err(ImportError::at(
                        heading,
                        format!(
                            "section `{name}` appears twice (first on line {first}); put its codes in one table"
                        ),
                    ));
                }
                headings.push((name.clone(), heading));
                i += 1;
                skip_blank(&mut i);
                name
            }
            None => String::new(),
        };
        parse_table(&lines, &mut i, &section, heading, &mut codes)?;
        let rest = i;
        while i < lines.len() && !is_section(lines[i]) {
            i += 1;
        }
        let text = block(&lines[rest..i]);
        if i < lines.len() {
            if let Some(offset) = lines[rest..i].iter().position(|l| !l.trim().is_empty()) {
                return Err(ImportError::at(
                    rest + offset + 1,
                    "text between sections has no place in the catalog; move it to the preamble or the closing text",
                ));
            }
        } else {
            closing = text;
        }
    }
    if codes.is_empty() {
        return Err(ImportError::at(
            lines.len().max(1),
            "no table of codes found; a section is `## Name` followed by `| code | status | meaning | frontend handling |`",
        ));
    }
    let name = title.clone().unwrap_or_default();
    let registry = Registry::new(name, codes).map_err(|err| match err {
        RegistryError::DuplicateCode { code } => {
            let line = lines
                .iter()
                .rposition(|l| l.contains(&format!("`{code}`")))
                .map_or(0, |l| l + 1);
            ImportError::at(
                line,
                format!("`{code}` is listed twice; a code has one row"),
            )
        }
        other => ImportError::at(0, other.to_string()),
    })?;
    check_catalog_rules(&registry, &lines)?;
    Ok(Document {
        title,
        preamble,
        closing,
        registry,
    })
}

/// What `error_catalog!` refuses beyond a code's shape, checked here so that the
/// imported source compiles: two codes whose enum variants would share a name, a code
/// whose variant would be `Self`, and a replacement that is not another active code.
fn check_catalog_rules(registry: &Registry, lines: &[&str]) -> Result<(), ImportError> {
    let line_of = |code: &str| {
        let cell = format!("`{code}`");
        lines
            .iter()
            .position(|l| l.contains(&cell))
            .map_or(0, |l| l + 1)
    };
    let mut variants: BTreeMap<String, &str> = BTreeMap::new();
    for entry in registry.codes() {
        let code = entry.code();
        let variant = variant_name(code);
        if variant == "Self" {
            return Err(ImportError::at(
                line_of(code),
                format!("`{code}` would be the enum variant `Self`, a keyword; rename the code"),
            ));
        }
        if let Some(other) = variants.insert(variant.clone(), code) {
            return Err(ImportError::at(
                line_of(code),
                format!(
                    "`{other}` and `{code}` would both be the enum variant `{variant}`; rename one"
                ),
            ));
        }
        let Some(replacement) = entry.replacement() else {
            continue;
        };
        let refused = match registry.get(replacement) {
            _ if replacement == code => "cannot replace itself",
            None => "is not a code of the document",
            Some(target) if target.lifecycle() == Lifecycle::Deprecated => "is itself deprecated",
            Some(_) => continue,
        };
        return Err(ImportError::at(
            line_of(code),
            format!("the replacement `{replacement}` of `{code}` {refused}"),
        ));
    }
    Ok(())
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

fn is_section(line: &str) -> bool {
    line.starts_with("## ")
}

/// Lines as a text block without leading and trailing blank lines; `None` when blank.
fn block(lines: &[&str]) -> Option<String> {
    let first = lines.iter().position(|l| !l.trim().is_empty())?;
    let last = lines.iter().rposition(|l| !l.trim().is_empty())?;
    Some(lines[first..=last].join("\n"))
}

fn parse_table(
    lines: &[&str],
    i: &mut usize,
    section: &str,
    heading: usize,
    codes: &mut Vec<RegistryEntry>,
) -> Result<(), ImportError> {
    let header = lines.get(*i).copied().unwrap_or_default();
    let cells = split_row(header);
    let matches = cells.as_ref().is_some_and(|cells| {
        cells.len() == HEADER.len()
            && cells
                .iter()
                .zip(HEADER)
                .all(|(cell, want)| cell.eq_ignore_ascii_case(want))
    });
    if !matches {
        return Err(ImportError::at(
            (*i + 1).min(lines.len().max(heading)),
            "the table header is `| code | status | meaning | frontend handling |`",
        ));
    }
    *i += 1;
    let delimiter = lines.get(*i).copied().unwrap_or_default();
    let is_delimiter = split_row(delimiter).is_some_and(|cells| {
        cells.len() == HEADER.len()
            && cells.iter().all(|c| {
                let c = c.trim_start_matches(':').trim_end_matches(':');
                !c.is_empty() && c.chars().all(|ch| ch == '-')
            })
    });
    if !is_delimiter {
        return Err(ImportError::at(
            *i + 1,
            "a table header is followed by its delimiter row, `|---|---:|---|---|`",
        ));
    }
    *i += 1;
    while let Some(line) = lines.get(*i).filter(|l| l.trim_start().starts_with('|')) {
        codes.push(parse_row(line, *i + 1, section)?);
        *i += 1;
    }
    Ok(())
}

/// The cells of a table row, split on unescaped pipes, trimmed; `None` when the line is
/// not a row.
fn split_row(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?;
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    let mut closed = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push_str("\\|");
                chars.next();
            }
            '|' => {
                cells.push(cell.trim().to_owned());
                cell.clear();
                closed = true;
            }
            c => {
                cell.push(c);
                closed = false;
            }
        }
    }
    if !closed && !cell.trim().is_empty() {
        cells.push(cell.trim().to_owned());
    }
    Some(cells)
}

/// A cell's text as the catalog holds it: the table escapes undone.
fn unescape_cell(cell: &str) -> String {
    cell.replace("\\|", "|").replace("<br>", "\n")
}

fn parse_row(line: &str, number: usize, section: &str) -> Result<RegistryEntry, ImportError> {
    let cells = split_row(line).unwrap_or_default();
    let [code, status, meaning, handling] = cells.as_slice() else {
        return Err(ImportError::at(
            number,
            format!(
                "a row has 4 cells (code, status, meaning, frontend handling), this one has {}; escape a `|` inside a cell as `\\|`",
                cells.len()
            ),
        ));
    };
    let (code, deprecated) = code_cell(code, number)?;
    let status = status
        .parse::<u16>()
        .ok()
        .filter(|s| problem_codes::is_error_status(*s))
        .ok_or_else(|| {
            ImportError::at(
                number,
                format!("status `{status}` of `{code}` is not a number from 400 to 599"),
            )
        })?;
    let meaning = unescape_cell(meaning);
    if meaning.trim().is_empty() {
        return Err(ImportError::at(
            number,
            format!("`{code}` has no meaning; the meaning is the problem's title"),
        ));
    }
    let entry = RegistryEntry::new(code, status, meaning)
        .with_handling(unescape_cell(handling))
        .with_section(section);
    Ok(match deprecated {
        Some(replacement) => entry.with_deprecated(replacement),
        None => entry,
    })
}

/// `` `CODE` ``, `` `CODE` (deprecated) `` or `` `CODE` (deprecated; use `NEW`) ``: the
/// code, and the replacement when deprecated.
#[allow(clippy::type_complexity)]
fn code_cell(cell: &str, number: usize) -> Result<(String, Option<Option<String>>), ImportError> {
    let bad = || {
        ImportError::at(
            number,
            format!(
                "the code cell `{cell}` is not a code in backticks, such as `` `AUTH_USER_NOT_FOUND` ``"
            ),
        )
    };
    let rest = cell.strip_prefix('`').ok_or_else(bad)?;
    let (code, after) = rest.split_once('`').ok_or_else(bad)?;
    let code = code.trim();
    if !is_valid_code(code) {
        return Err(ImportError::at(
            number,
            format!(
                "`{code}` is not a problem code: write SCREAMING_SNAKE_CASE, 3 to 63 characters"
            ),
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
                    ImportError::at(
                        number,
                        format!("after the code comes nothing, `(deprecated)` or ``(deprecated; use `NEW_CODE`)``, not `{other}`"),
                    )
                })?;
            Some(Some(replacement.to_owned()))
        }
    };
    Ok((code.to_owned(), deprecated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_split_on_unescaped_pipes_only() {
        assert_eq!(
            split_row("| `A_B` | 400 | a \\| b | `x\\|y` |"),
            Some(vec![
                "`A_B`".into(),
                "400".into(),
                "a \\| b".into(),
                "`x\\|y`".into()
            ])
        );
        assert_eq!(split_row("| a |  |"), Some(vec!["a".into(), String::new()]));
        assert_eq!(split_row("no pipe"), None);
    }

    #[test]
    fn code_cells() {
        assert_eq!(code_cell("`AUTH_X`", 1), Ok(("AUTH_X".into(), None)));
        assert_eq!(
            code_cell("`AUTH_X` (deprecated)", 1),
            Ok(("AUTH_X".into(), Some(None)))
        );
        assert_eq!(
            code_cell("`AUTH_X` (deprecated; use `AUTH_Y`)", 1),
            Ok(("AUTH_X".into(), Some(Some("AUTH_Y".into()))))
        );
        assert!(code_cell("AUTH_X", 1).is_err());
        assert!(code_cell("`auth_x`", 1).is_err());
        assert!(code_cell("`AUTH_X` (gone)", 1).is_err());
    }

    #[test]
    fn names_from_titles() {
        let doc = |title: Option<&str>| Document {
            title: title.map(str::to_owned),
            preamble: None,
            closing: None,
            registry: Registry::new("", Vec::new()).unwrap_or_else(|e| panic!("{e}")),
        };
        assert_eq!(
            doc(Some("HTTP Error Codes")).suggested_name(),
            "HttpErrorCodes"
        );
        assert_eq!(doc(Some("2024 codes")).suggested_name(), "Catalog2024Codes");
        assert_eq!(doc(None).suggested_name(), "Catalog");
    }
}
