//! Adoption from an existing document: reads a Markdown error table in the form the
//! [Markdown export](crate::export::markdown) writes, and writes the `error_catalog!`
//! source for it.
//!
//! The form: an optional `# Title`, a preamble, then sections, each a `## Name` heading
//! followed by a table with the header `| code | status | meaning | frontend handling |`,
//! and a closing text after the last table. A code cell is the code in backticks,
//! optionally followed by `(deprecated)` or ``(deprecated; use `NEW_CODE`)``. A table
//! may have a fifth column, `members`, with each code's extension members in the form
//! the export writes ([Members](crate::export::markdown#members)); a member the catalog
//! would refuse (a reserved or malformed name, an unknown type, a name listed twice) is
//! refused on its row's line.
//!
//! The document is read as CommonMark with GFM tables: a line ends at `\n`, `\r\n` or a
//! bare `\r`, and a table row ends with its line. In a cell, `\|` is a pipe, `<br>` a
//! line break and an escaped backtick `` \` `` outside code spans a backtick, which
//! undoes what the export escapes: importing an export gives its catalog back, and
//! exporting that gives the same document.
//!
//! A document with mistakes is refused with every fault, each on its line, as
//! `error_catalog!` reports every mistake: what it would refuse is refused here.
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

mod read;
mod rows;
mod rust;

use core::fmt;

use crate::export::MarkdownOptions;
use crate::{Registry, RegistryEntry};

pub(crate) use rust::check_name;

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
        // A document that had a `members` column gets it back; one without has none to show.
        let mut options = MarkdownOptions::new().with_members();
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
    /// or `Catalog` without one; prefixed with `Catalog` when the title's words would
    /// start with a digit or make a keyword.
    ///
    /// ```
    /// const TABLE: &str = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n| `AUTH_X_Y` | 400 | X | Y |\n";
    ///
    /// let titled = problem_codes_contract::import::markdown(&format!("# HTTP Error Codes\n\n{TABLE}"))?;
    /// assert_eq!(titled.suggested_name(), "HttpErrorCodes");
    /// let untitled = problem_codes_contract::import::markdown(TABLE)?;
    /// assert_eq!(untitled.suggested_name(), "Catalog");
    /// // `Self` is a keyword.
    /// let keyword = problem_codes_contract::import::markdown(&format!("# Self\n\n{TABLE}"))?;
    /// assert_eq!(keyword.suggested_name(), "CatalogSelf");
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
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) && check_name(&name).is_ok() {
            name
        } else {
            format!("Catalog{name}")
        }
    }

    /// The `error_catalog!` source of the catalog, named `name`, ready to save as a
    /// module: it compiles with `problem-codes` alone.
    ///
    /// The text around the tables goes into doc comments, each line of the document a
    /// `/// ` line (`///` when blank): before `pub catalog`, the title as `# Title`, then
    /// a blank line and the preamble; after the last section, the closing text. Every
    /// line ending, `\r\n` and a bare `\r` too, becomes a line of its own, as a doc
    /// comment cannot hold a `\r`. A table without a `## Section` heading becomes a
    /// section named `name`, as every section of the catalog has a name.
    ///
    /// `name` is pasted as given: check one that comes from a user as the CLI's
    /// `--name` does, as a Rust identifier that is not a keyword.
    ///
    /// ```
    /// let document = problem_codes_contract::import::markdown(
    ///     "# Errors\n\nMap on `code`.\n\n## Auth\n\n\
    ///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
    ///      | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |\n\n\
    ///      Additive changes only.\n",
    /// )?;
    /// assert_eq!(
    ///     document.to_rust("Eryao"),
    ///     "problem_codes::error_catalog! {
    ///     /// # Errors
    ///     ///
    ///     /// Map on `code`.
    ///     pub catalog Eryao {
    ///         section \"Auth\" {
    ///             AUTH_TOO_MANY_REQUESTS = 429 {
    ///                 title: \"OTP request throttled\",
    ///                 handling: \"Show wait message\",
    ///             },
    ///         }
    ///         /// Additive changes only.
    ///     }
    /// }
    /// ",
    /// );
    /// # Ok::<(), problem_codes_contract::import::ImportError>(())
    /// ```
    #[must_use]
    pub fn to_rust(&self, name: &str) -> String {
        rust::catalog(self, name)
    }
}

/// One fault of a document: the line (from 1) and what is wrong there.
///
/// ```
/// let err = problem_codes_contract::import::markdown(
///     "## Auth\n\n\
///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
///      | `AUTH_OK` | 200 | Fine | None |\n",
/// )
/// .unwrap_err();
/// let fault = &err.faults()[0];
/// assert_eq!(fault.line(), 5);
/// assert_eq!(fault.message(), "status `200` of `AUTH_OK` is not a number from 400 to 599");
/// assert_eq!(fault.to_string(), "line 5: status `200` of `AUTH_OK` is not a number from 400 to 599");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    line: usize,
    message: String,
}

impl Fault {
    fn at(line: usize, message: impl Into<String>) -> Fault {
        Fault {
            line,
            message: message.into(),
        }
    }

    /// The line at fault, counted from 1 (see the example on [`Fault`]).
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, and how to fix it, without the line (see the example on
    /// [`Fault`]).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Why a document could not be imported: every [`Fault`], in the document's order.
///
/// ```
/// let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
/// let err = problem_codes_contract::import::markdown(&format!(
///     "## Auth\n\n{table}| `AUTH_OK` | 200 | Fine | None |\n| `AUTH_X_Y` | 400 |  | None |\n"
/// ))
/// .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "line 5: status `200` of `AUTH_OK` is not a number from 400 to 599\n\
///      line 6: `AUTH_X_Y` has no meaning; the meaning is the problem's title",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    faults: Vec<Fault>,
}

impl ImportError {
    /// Every fault, at least one, ordered by line (see the example on [`ImportError`]).
    #[must_use]
    pub fn faults(&self) -> &[Fault] {
        &self.faults
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, fault) in self.faults.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            fault.fmt(f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// Reads a Markdown error table document (see the [module documentation](self)).
///
/// # Errors
///
/// [`ImportError`] with every fault and its line: a table with another header, a row
/// that is not four cells, a code or status that is not one, a code listed twice, text
/// between sections, a character a doc comment cannot hold, or no table at all.
///
/// ```
/// let err = problem_codes_contract::import::markdown("## Auth\n\n| code | status |\n|---|---|\n").unwrap_err();
/// assert_eq!(err.faults()[0].line(), 3);
/// assert_eq!(
///     err.to_string(),
///     "line 3: the table header is `| code | status | meaning | frontend handling |`",
/// );
/// ```
pub fn markdown(text: &str) -> Result<Document, ImportError> {
    let lines = read::Lines::new(text);
    let blocks = read::blocks(text);
    let mut faults = Vec::new();
    let mut next = 0;
    let mut prefix_end = 0;
    let mut title = None;
    if let Some(read::Block {
        kind: read::Kind::Heading {
            level: 1,
            text: range,
        },
        range: block,
    }) = blocks.first()
    {
        title = Some(
            text.get(range.clone())
                .unwrap_or_default()
                .trim()
                .to_owned(),
        );
        prefix_end = block.end;
        next = 1;
    }
    let starts_section = |block: &read::Block| {
        matches!(
            block.kind,
            read::Kind::Heading { level: 2, .. } | read::Kind::Table { .. }
        )
    };
    let first_section = blocks[next..]
        .iter()
        .position(starts_section)
        .map(|i| i + next);
    let preamble_end = first_section.map_or(text.len(), |i| blocks[i].range.start);
    let preamble = read::text_block(&text[prefix_end.min(preamble_end)..preamble_end]);

    let mut entries: Vec<(RegistryEntry, usize)> = Vec::new();
    let mut headings = std::collections::BTreeMap::<String, usize>::new();
    let mut closing = None;
    let mut i = first_section.unwrap_or(blocks.len());
    while i < blocks.len() {
        let block = &blocks[i];
        let mut section = String::new();
        if let read::Kind::Heading { text: range, .. } = &block.kind {
            let line = lines.of(block.range.start);
            let name = text
                .get(range.clone())
                .unwrap_or_default()
                .trim()
                .to_owned();
            if name.is_empty() {
                faults.push(Fault::at(
                    line,
                    "a section heading needs a name, e.g. `## Auth`",
                ));
            } else if let Some(first) = headings.get(&name) {
                faults.push(Fault::at(
                    line,
                    format!("section `{name}` appears twice (first on line {first}); put its codes in one table"),
                ));
            } else {
                headings.insert(name.clone(), line);
            }
            section = name;
            i += 1;
        }
        match blocks.get(i) {
            Some(read::Block {
                kind: read::Kind::Table { rows },
                ..
            }) => table(text, &lines, rows, &section, &mut entries, &mut faults),
            other => {
                let after = blocks.get(i.saturating_sub(1)).map_or(0, |b| b.range.end);
                faults.push(not_a_table(text, &lines, other, after));
                // Read on from the next section.
                while blocks.get(i).is_some_and(|b| !is_section_heading(b)) {
                    i += 1;
                }
                continue;
            }
        }
        let table_end = blocks[i].range.end;
        i += 1;
        let rest = i;
        while blocks.get(i).is_some_and(|b| !is_section_heading(b)) {
            i += 1;
        }
        if i < blocks.len() {
            if let Some(stray) = blocks.get(rest).filter(|_| rest < i) {
                faults.push(Fault::at(
                    lines.of(stray.range.start),
                    "text between sections has no place in the catalog; move it to the preamble or the closing text",
                ));
            }
        } else {
            closing = read::text_block(&text[table_end..]).map(str::to_owned);
        }
    }
    if entries.is_empty() && faults.is_empty() {
        faults.push(Fault::at(
            lines.last(),
            "no table of codes found; a section is `## Name` followed by `| code | status | meaning | frontend handling |`",
        ));
    }
    rows::catalog_rules(&entries, &mut faults);
    let preamble = preamble.map(str::to_owned);
    framing_faults(
        text,
        &lines,
        [title.as_deref(), preamble.as_deref(), closing.as_deref()],
        &mut faults,
    );
    if !faults.is_empty() {
        faults.sort_by_key(Fault::line);
        return Err(ImportError { faults });
    }
    let codes = entries.into_iter().map(|(entry, _)| entry).collect();
    let registry =
        Registry::new(title.clone().unwrap_or_default(), codes).map_err(|err| ImportError {
            faults: vec![Fault::at(lines.last(), err.to_string())],
        })?;
    Ok(Document {
        title,
        preamble,
        closing,
        registry,
    })
}

fn is_section_heading(block: &read::Block) -> bool {
    matches!(block.kind, read::Kind::Heading { level: 2, .. })
}

/// The rows of one table: its header checked, each row read into an entry.
fn table(
    text: &str,
    lines: &read::Lines,
    rows: &[read::Row],
    section: &str,
    entries: &mut Vec<(RegistryEntry, usize)>,
    faults: &mut Vec<Fault>,
) {
    let cells = |row: &read::Row| -> Vec<&str> {
        row.cells
            .iter()
            .map(|cell| text.get(cell.clone()).unwrap_or_default())
            .collect()
    };
    let Some((header, body)) = rows.split_first() else {
        return;
    };
    let names = cells(header);
    let with_members = names.len() == rows::HEADER.len() + 1
        && names
            .last()
            .is_some_and(|cell| cell.trim().eq_ignore_ascii_case(rows::MEMBERS));
    let matches = !header.extra
        && (names.len() == rows::HEADER.len() || with_members)
        && names
            .iter()
            .zip(rows::HEADER)
            .all(|(cell, want)| cell.trim().eq_ignore_ascii_case(want));
    if !matches {
        faults.push(Fault::at(
            lines.of(header.range.start),
            "the table header is `| code | status | meaning | frontend handling |`",
        ));
        return;
    }
    for row in body {
        let line = lines.of(row.range.start);
        match rows::entry(&cells(row), row.extra, with_members, section) {
            Ok(entry) => entries.push((entry, line)),
            Err(message) => faults.push(Fault::at(line, message)),
        }
    }
}

/// The fault of a section heading followed by something other than a table.
fn not_a_table(
    text: &str,
    lines: &read::Lines,
    block: Option<&read::Block>,
    after: usize,
) -> Fault {
    let header = "the table header is `| code | status | meaning | frontend handling |`";
    let Some(block) = block else {
        // The line after the heading, or the heading's own when it ends the document.
        return Fault::at(lines.of(after).min(lines.last()), header);
    };
    let line = lines.of(block.range.start);
    let source = &text[block.range.clone()];
    // A header row with no delimiter row under it is a paragraph.
    if source.trim_start().starts_with('|') {
        let first = read::split_lines(source).next().unwrap_or_default();
        let names: Vec<&str> = first
            .trim()
            .trim_matches('|')
            .split('|')
            .map(str::trim)
            .collect();
        if names.len() == rows::HEADER.len()
            && names
                .iter()
                .zip(rows::HEADER)
                .all(|(cell, want)| cell.eq_ignore_ascii_case(want))
        {
            return Fault::at(
                line + 1,
                "a table header is followed by its delimiter row, `|---|---:|---|---|`",
            );
        }
    }
    Fault::at(line, header)
}

/// The title, preamble and closing text become doc comments: refuse what rustc refuses
/// in a comment.
fn framing_faults(
    text: &str,
    lines: &read::Lines,
    parts: [Option<&str>; 3],
    faults: &mut Vec<Fault>,
) {
    for part in parts.into_iter().flatten() {
        let Some(at) = part.find(rust::is_direction_control) else {
            continue;
        };
        // The part is a slice of the text, or a trimmed copy of one.
        let offset = text.find(part).map_or(0, |start| start + at);
        let c = part[at..].chars().next().unwrap_or_default();
        faults.push(Fault::at(
            lines.of(offset),
            format!(
                "the text direction control U+{:04X} cannot be in a doc comment (rustc refuses it there); remove it",
                u32::from(c)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
