//! The Markdown document a catalog replaces: a heading per section and a table of
//! `| code | status | meaning | frontend handling |`, between an optional title,
//! preamble and closing text.
//!
//! # Members
//!
//! Asked with [`MarkdownOptions::with_members`], a section where a code declares
//! extension members gets a fifth column, `members`, in its table only. Without it, and
//! in every section whose codes have none, the tables keep the four columns of the
//! document a team keeps: the eryao fixture is exported byte for byte although its
//! catalog declares members. The cell
//! lists the code's members in order, separated by `<br>`: each one is its name in a
//! code span, a `?` when a body may leave it out, a colon and its type as the catalog
//! DSL names it ([`MemberType::name`](problem_codes::MemberType::name)), then its doc
//! line after ` — ` when it has one. A code without members leaves the cell empty.
//!
//! ```text
//! | code | status | meaning | frontend handling | members |
//! |---|---:|---|---|---|
//! | `POINTS_INSUFFICIENT_BALANCE` | 402 | Not enough points | Show recharge prompt | `balance`: integer — Points the user has<br>`top_up_url`?: string |
//! | `POINTS_LOCKED` | 423 | Points are locked | Show support link |  |
//! ```
//!
//! A doc line is escaped as every cell is. The [importer](crate::import) reads the
//! column back, and refuses a member the catalog would refuse, on its row's line.
//!
//! ```
//! use problem_codes::MemberType;
//! use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};
//! use problem_codes_contract::export::MarkdownOptions;
//!
//! let registry = Registry::new("Points", vec![
//!     RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points").with_members(vec![
//!         RegistryMember::new("balance", MemberType::Integer).with_doc("Points the user has"),
//!         RegistryMember::new("top_up_url", MemberType::Text).optional(),
//!     ]),
//! ])?;
//! let markdown = registry.to_markdown(&MarkdownOptions::new().with_members());
//! assert_eq!(
//!     markdown,
//!     "| code | status | meaning | frontend handling | members |\n|---|---:|---|---|---|\n\
//!      | `POINTS_INSUFFICIENT_BALANCE` | 402 | Not enough points |  | \
//!      `balance`: integer — Points the user has<br>`top_up_url`?: string |\n",
//! );
//! let imported = problem_codes_contract::import::markdown(&markdown)?;
//! assert_eq!(imported.registry().codes(), registry.codes());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Cells
//!
//! A cell's text is Markdown: a title may hold code spans such as
//! `` `forwardedProps.runtime_mode` ``, which are written as they are. Only what would
//! break the table is escaped, by [`escape_cell`]:
//!
//! - every `|` becomes `\|`, inside code spans too (GFM reads `\|` as a pipe there);
//! - a run of backticks that closes no code span has each backtick escaped, `` \` ``, so
//!   it cannot open a span that swallows the rest of the row in a renderer that reads
//!   spans before cells;
//! - a line break becomes `<br>`.
//!
//! The [importer](crate::import) undoes all three, so importing an export gives the
//! catalog back. A backslash the catalog's own text puts before a backtick outside code
//! spans reads back without it, which renders the same; a `\r\n` or bare `\r` reads
//! back as `\n`.
//!
//! ```
//! use problem_codes_contract::{Registry, RegistryEntry};
//! use problem_codes_contract::export::MarkdownOptions;
//!
//! let registry = Registry::new("Agent", vec![
//!     RegistryEntry::new("AGENT_MODE_MISSING", 400, "Missing `forwardedProps.runtime_mode`")
//!         .with_handling("Retry | report"),
//! ])?;
//! let markdown = registry.to_markdown(&MarkdownOptions::new());
//! assert!(markdown.ends_with("| `AGENT_MODE_MISSING` | 400 | Missing `forwardedProps.runtime_mode` | Retry \\| report |\n"));
//! let imported = problem_codes_contract::import::markdown(&markdown)?;
//! assert_eq!(imported.registry().codes()[0].handling(), "Retry | report");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use core::fmt::Write as _;

use crate::{Registry, RegistryEntry};
use problem_codes::{Catalog, Framing, Lifecycle};

/// The header of every table, and its alignment row (status right-aligned).
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::export::MarkdownOptions;
/// use problem_codes_contract::export::markdown::TABLE_HEADER;
///
/// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
/// assert!(registry.to_markdown(&MarkdownOptions::new()).starts_with(TABLE_HEADER));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
pub const TABLE_HEADER: &str =
    "| code | status | meaning | frontend handling |\n|---|---:|---|---|";

/// The header of a section's table when a code of the section has members: a fifth
/// column, `members` (see [Members](self#members)).
///
/// ```
/// use problem_codes::MemberType;
/// use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};
/// use problem_codes_contract::export::MarkdownOptions;
/// use problem_codes_contract::export::markdown::MEMBERS_TABLE_HEADER;
///
/// let entry = RegistryEntry::new("AUTH_X_Y", 429, "X")
///     .with_members(vec![RegistryMember::new("retry_after", MemberType::Integer)]);
/// let registry = Registry::new("Auth", vec![entry])?;
/// assert!(registry.to_markdown(&MarkdownOptions::new().with_members()).starts_with(MEMBERS_TABLE_HEADER));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
pub const MEMBERS_TABLE_HEADER: &str =
    "| code | status | meaning | frontend handling | members |\n|---|---:|---|---|---|";

/// What separates a member's type from its doc line in a `members` cell.
pub(crate) const DOC_SEPARATOR: &str = " — ";

/// The text around the tables: a title, a preamble before the first section, and a
/// closing text after the last. Each is Markdown, written as given. A catalog declares
/// its own in its doc comments; [`MarkdownOptions::of`] takes them.
///
/// ```
/// use problem_codes_contract::export::MarkdownOptions;
///
/// const DOCUMENT: MarkdownOptions<'static> = MarkdownOptions::new()
///     .title("HTTP Error Codes")
///     .preamble("This document is the source of truth for backend `code` values.")
///     .closing("Compatibility strategy:\n\n- Additive changes only for new codes.");
/// assert_eq!(DOCUMENT.title_text(), Some("HTTP Error Codes"));
/// assert_eq!(DOCUMENT.preamble_text(), Some("This document is the source of truth for backend `code` values."));
/// assert_eq!(DOCUMENT.closing_text(), Some("Compatibility strategy:\n\n- Additive changes only for new codes."));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MarkdownOptions<'a> {
    title: Option<&'a str>,
    preamble: Option<&'a str>,
    closing: Option<&'a str>,
    /// Whether to write the `members` column.
    members: bool,
}

impl<'a> MarkdownOptions<'a> {
    /// No title, preamble or closing text: only the sections.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let options = MarkdownOptions::new();
    /// assert_eq!(options.title_text(), None);
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X").with_section("Auth")])?;
    /// assert!(registry.to_markdown(&options).starts_with("## Auth\n"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub const fn new() -> MarkdownOptions<'a> {
        MarkdownOptions {
            title: None,
            preamble: None,
            closing: None,
            members: false,
        }
    }

    /// The framing a catalog declares in its doc comments ([`Catalog::FRAMING`]): its
    /// document as it wrote it.
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// problem_codes::error_catalog! {
    ///     /// # Errors
    ///     ///
    ///     /// Map on `code`.
    ///     pub catalog Auth {
    ///         section "Auth" { AUTH_X_Y = 400 { title: "X" } }
    ///         /// Additive changes only.
    ///     }
    /// }
    ///
    /// let markdown = Registry::of::<Auth>().to_markdown(&MarkdownOptions::of::<Auth>());
    /// assert!(markdown.starts_with("# Errors\n\nMap on `code`.\n\n## Auth\n"));
    /// assert!(markdown.ends_with("| `AUTH_X_Y` | 400 | X |  |\n\nAdditive changes only.\n"));
    /// ```
    #[must_use]
    pub const fn of<C: Catalog>() -> MarkdownOptions<'static> {
        MarkdownOptions::framed(C::FRAMING)
    }

    /// The options that write `framing`: its title, preamble and closing text.
    ///
    /// ```
    /// use problem_codes::Framing;
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let options = MarkdownOptions::framed(Framing::NONE.with_title("Errors"));
    /// assert_eq!(options, MarkdownOptions::new().title("Errors"));
    /// ```
    #[must_use]
    pub const fn framed(framing: Framing) -> MarkdownOptions<'static> {
        MarkdownOptions {
            title: framing.title(),
            preamble: framing.preamble(),
            closing: framing.closing(),
            members: false,
        }
    }

    /// The document's title, written as a level-1 heading.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
    /// let markdown = registry.to_markdown(&MarkdownOptions::new().title("HTTP Error Codes"));
    /// assert!(markdown.starts_with("# HTTP Error Codes\n\n| code |"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub const fn title(mut self, title: &'a str) -> MarkdownOptions<'a> {
        self.title = Some(title);
        self
    }

    /// Text between the title and the first section.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X").with_section("Auth")])?;
    /// let options = MarkdownOptions::new().title("Errors").preamble("Map on `code`.");
    /// assert!(registry.to_markdown(&options).starts_with("# Errors\n\nMap on `code`.\n\n## Auth\n"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub const fn preamble(mut self, preamble: &'a str) -> MarkdownOptions<'a> {
        self.preamble = Some(preamble);
        self
    }

    /// Text after the last section.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
    /// let markdown = registry.to_markdown(&MarkdownOptions::new().closing("Additive changes only."));
    /// assert!(markdown.ends_with("| `AUTH_X_Y` | 400 | X |  |\n\nAdditive changes only.\n"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub const fn closing(mut self, closing: &'a str) -> MarkdownOptions<'a> {
        self.closing = Some(closing);
        self
    }

    /// The title, if set (see the example on [`MarkdownOptions`]).
    #[must_use]
    pub const fn title_text(&self) -> Option<&'a str> {
        self.title
    }

    /// The preamble, if set (see the example on [`MarkdownOptions`]).
    #[must_use]
    pub const fn preamble_text(&self) -> Option<&'a str> {
        self.preamble
    }

    /// The closing text, if set (see the example on [`MarkdownOptions`]).
    #[must_use]
    pub const fn closing_text(&self) -> Option<&'a str> {
        self.closing
    }

    /// Writes the `members` column in each section where a code has members (see
    /// [Members](self#members)). Without it every table has the four columns of the
    /// document a team keeps, so a catalog that declares members still exports that
    /// document byte for byte.
    ///
    /// ```
    /// use problem_codes::MemberType;
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};
    /// use problem_codes_contract::export::MarkdownOptions;
    /// use problem_codes_contract::export::markdown::{MEMBERS_TABLE_HEADER, TABLE_HEADER};
    ///
    /// let entry = RegistryEntry::new("AUTH_X_Y", 429, "X")
    ///     .with_members(vec![RegistryMember::new("retry_after", MemberType::Integer)]);
    /// let registry = Registry::new("Auth", vec![entry])?;
    /// assert!(!MarkdownOptions::new().writes_members());
    /// assert_eq!(registry.to_markdown(&MarkdownOptions::new()), format!("{TABLE_HEADER}\n| `AUTH_X_Y` | 429 | X |  |\n"));
    /// let options = MarkdownOptions::new().with_members();
    /// assert!(options.writes_members());
    /// assert!(registry.to_markdown(&options).starts_with(MEMBERS_TABLE_HEADER));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub const fn with_members(mut self) -> MarkdownOptions<'a> {
        self.members = true;
        self
    }

    /// Whether a section whose codes have members gets the `members` column (see
    /// [`with_members`](MarkdownOptions::with_members)).
    #[must_use]
    pub const fn writes_members(&self) -> bool {
        self.members
    }
}

impl Registry {
    /// The catalog as a Markdown document: the title, the preamble, one heading and
    /// table per section, the closing text; blocks separated by a blank line, the
    /// document ending with a newline.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// let registry = Registry::new("Auth", vec![
    ///     RegistryEntry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled")
    ///         .with_handling("Show wait message")
    ///         .with_section("Auth"),
    /// ])?;
    /// assert_eq!(
    ///     registry.to_markdown(&MarkdownOptions::new().title("Errors")),
    ///     "# Errors\n\n## Auth\n\n\
    ///      | code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
    ///      | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |\n",
    /// );
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn to_markdown(&self, options: &MarkdownOptions<'_>) -> String {
        let mut blocks: Vec<String> = Vec::new();
        if let Some(title) = options.title {
            blocks.push(format!("# {}", one_line(title)));
        }
        blocks.extend(options.preamble.and_then(text_block));
        for (name, codes) in self.sections() {
            let mut block = String::new();
            if !name.is_empty() {
                let _ = write!(block, "## {}\n\n", one_line(name));
            }
            let with_members =
                options.writes_members() && codes.iter().any(|entry| !entry.members().is_empty());
            block.push_str(if with_members {
                MEMBERS_TABLE_HEADER
            } else {
                TABLE_HEADER
            });
            for entry in codes {
                block.push('\n');
                block.push_str(&row(entry));
                if with_members {
                    block.push(' ');
                    block.push_str(&members_cell(entry));
                    block.push_str(" |");
                }
            }
            blocks.push(block);
        }
        blocks.extend(options.closing.and_then(text_block));
        let mut document = blocks.join("\n\n");
        document.push('\n');
        document
    }

    /// The catalog's own document: [`to_markdown`](Registry::to_markdown) with the
    /// framing the registry recorded ([`Registry::framing`]).
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    ///
    /// problem_codes::error_catalog! {
    ///     /// # Errors
    ///     pub catalog Auth { section "Auth" { AUTH_X_Y = 400 { title: "X" } } }
    /// }
    ///
    /// assert!(Registry::of::<Auth>().to_document().starts_with("# Errors\n\n## Auth\n"));
    /// ```
    #[must_use]
    pub fn to_document(&self) -> String {
        self.to_markdown(&MarkdownOptions::framed(self.framing()))
    }
}

/// A block of free text, without trailing line breaks; `None` when blank.
fn text_block(text: &str) -> Option<String> {
    let text = text.trim_end_matches(['\n', '\r']);
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// A heading's text on one line.
fn one_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One table row: `` | `CODE` | 429 | meaning | handling | ``.
fn row(entry: &RegistryEntry) -> String {
    format!(
        "| {} | {} | {} | {} |",
        code_cell(entry),
        entry.status(),
        escape_cell(entry.title()),
        escape_cell(entry.handling()),
    )
}

/// A `members` cell: `` `balance`: integer — Points the user has<br>`hint`?: string ``.
fn members_cell(entry: &RegistryEntry) -> String {
    let members: Vec<String> = entry
        .members()
        .iter()
        .map(|member| {
            let mut cell = format!(
                "`{}`{}: {}",
                member.name(),
                if member.is_optional() { "?" } else { "" },
                member.ty().name()
            );
            if !member.doc().trim().is_empty() {
                cell.push_str(DOC_SEPARATOR);
                cell.push_str(&escape_cell(member.doc().trim()));
            }
            cell
        })
        .collect();
    members.join("<br>")
}

/// The code in a code span, followed by its lifecycle when deprecated:
/// `` `AUTH_OTP_WRONG` (deprecated; use `AUTH_VERIFICATION_CODE_INVALID`) ``.
pub(crate) fn code_cell(entry: &RegistryEntry) -> String {
    match (entry.lifecycle(), entry.replacement()) {
        (Lifecycle::Active, _) => format!("`{}`", entry.code()),
        (_, Some(replacement)) => {
            format!("`{}` (deprecated; use `{replacement}`)", entry.code())
        }
        (_, None) => format!("`{}` (deprecated)", entry.code()),
    }
}

/// A cell's text, escaped so that it stays one cell of one row (see the
/// [module documentation](self)).
///
/// ```
/// use problem_codes_contract::export::markdown::escape_cell;
///
/// // Code spans pass through; pipes are escaped, inside spans too.
/// assert_eq!(escape_cell("Missing `forwardedProps.runtime_mode`"), "Missing `forwardedProps.runtime_mode`");
/// assert_eq!(escape_cell("read | write `a|b`"), r"read \| write `a\|b`");
/// // A backtick that closes no span is escaped; so is a line break.
/// assert_eq!(escape_cell("it`s fine"), r"it\`s fine");
/// assert_eq!(escape_cell("one\ntwo"), "one<br>two");
/// ```
#[must_use]
pub fn escape_cell(text: &str) -> String {
    let lone = lone_backticks(text);
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '`' if lone.contains(&i) => out.push_str("\\`"),
            '\r' => {
                if chars.peek().is_some_and(|&(_, next)| next == '\n') {
                    chars.next();
                }
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

/// The byte offsets of the backticks that are not part of a code span.
fn lone_backticks(text: &str) -> Vec<usize> {
    scan_backticks(text).1
}

/// The code spans of `text`: the byte range of each one's content and the length of
/// its backtick delimiters, for renderers that show them (the HTML pages).
pub(crate) fn code_spans(text: &str) -> Vec<(core::ops::Range<usize>, usize)> {
    scan_backticks(text).0
}

/// Code spans and lone backticks by the CommonMark rule: a run of n backticks opens a
/// span closed by the next run of exactly n, the content between being literal; a run
/// with no such closer is literal text. Outside spans, a backslash escapes the
/// punctuation after it, so an escaped backtick is neither.
fn scan_backticks(text: &str) -> (Vec<(core::ops::Range<usize>, usize)>, Vec<usize>) {
    let bytes = text.as_bytes();
    let run_end = |start: usize| {
        let mut end = start;
        while end < bytes.len() && bytes[end] == b'`' {
            end += 1;
        }
        end
    };
    let (mut spans, mut lone) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
            b'`' => {
                let open_end = run_end(i);
                let mut j = open_end;
                let mut closer = None;
                while j < bytes.len() {
                    if bytes[j] != b'`' {
                        j += 1;
                        continue;
                    }
                    let close_end = run_end(j);
                    if close_end - j == open_end - i {
                        closer = Some((j, close_end));
                        break;
                    }
                    j = close_end;
                }
                match closer {
                    Some((close, close_end)) => {
                        spans.push((open_end..close, open_end - i));
                        i = close_end;
                    }
                    None => {
                        lone.extend(i..open_end);
                        i = open_end;
                    }
                }
            }
            _ => i += 1,
        }
    }
    (spans, lone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_spans_pass_through() {
        for text in [
            "Missing or invalid `forwardedProps.runtime_mode` in run request",
            "two `a` and `b` spans",
            "a ``double `inner` span`` here",
            "escaped \\` backtick",
            "",
        ] {
            assert_eq!(escape_cell(text), text);
        }
    }

    #[test]
    fn lone_runs_are_escaped_whole() {
        assert_eq!(escape_cell("`"), "\\`");
        assert_eq!(escape_cell("a `` b `c`"), "a \\`\\` b `c`");
        // A run of two does not close a run of one.
        assert_eq!(escape_cell("`a``"), "\\`a\\`\\`");
        assert_eq!(escape_cell("`a` `"), "`a` \\`");
    }

    #[test]
    fn pipes_and_breaks() {
        assert_eq!(escape_cell("a|b"), "a\\|b");
        assert_eq!(escape_cell("`x | y`"), "`x \\| y`");
        assert_eq!(escape_cell("a\r\nb\rc\nd"), "a<br>b<br>c<br>d");
    }

    #[test]
    fn every_escaped_cell_splits_into_one_cell() {
        // However hostile the text, the row keeps four cells when split on unescaped
        // pipes, and has no line break.
        for text in ["|", "\\|", "`|`", "a\\", "`` | ``", "x\n|y", "`a|b``c|`"] {
            let cell = escape_cell(text);
            let row = format!("| `A_B` | 400 | {cell} | h |");
            assert!(!row.contains('\n'));
            let mut cells = 0;
            let mut prev = ' ';
            for c in row.chars() {
                if c == '|' && prev != '\\' {
                    cells += 1;
                }
                prev = c;
            }
            assert_eq!(cells, 5, "{text:?} -> {cell:?}");
        }
    }

    #[test]
    fn code_spans_are_found() {
        let text = "a `b` c ``d`e`` `";
        let spans: Vec<&str> = code_spans(text)
            .into_iter()
            .filter_map(|(range, _)| text.get(range))
            .collect();
        assert_eq!(spans, ["b", "d`e"]);
    }
}
