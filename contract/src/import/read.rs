//! The document's blocks, as a CommonMark reader with GFM tables sees them: headings,
//! tables with the source of each cell, and everything else, each with its byte range.

use core::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A top-level block of the document.
#[derive(Debug)]
pub(super) struct Block {
    pub(super) kind: Kind,
    pub(super) range: Range<usize>,
}

#[derive(Debug)]
pub(super) enum Kind {
    /// A level-1 or level-2 heading, with the range of its text.
    Heading { level: u8, text: Range<usize> },
    /// A table: its header row first.
    Table { rows: Vec<Row> },
    /// A paragraph, list, code block, rule…
    Other,
}

/// A table row: its range, the ranges of the cells it has (not those the reader adds to
/// fill a short row), and whether it has more cells than the header.
#[derive(Debug)]
pub(super) struct Row {
    pub(super) range: Range<usize>,
    pub(super) cells: Vec<Range<usize>>,
    pub(super) extra: bool,
}

/// The top-level blocks of `text`, in order.
pub(super) fn blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<Block> = None;
    let mut row: Option<Row> = None;
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    let kind = match tag {
                        Tag::Heading { level, .. } if level <= HeadingLevel::H2 => Kind::Heading {
                            level: if level == HeadingLevel::H1 { 1 } else { 2 },
                            text: range.end..range.start,
                        },
                        Tag::Table(_) => Kind::Table { rows: Vec::new() },
                        _ => Kind::Other,
                    };
                    current = Some(Block {
                        kind,
                        range: range.clone(),
                    });
                }
                match tag {
                    Tag::TableHead | Tag::TableRow => {
                        row = Some(Row {
                            range: range.clone(),
                            cells: Vec::new(),
                            extra: false,
                        });
                    }
                    Tag::TableCell => {
                        if let Some(row) = row.as_mut()
                            && range.start < content_end(text, &row.range)
                        {
                            row.cells.push(range.clone());
                        }
                    }
                    _ => inline(&mut current, depth, &range),
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if matches!(end, TagEnd::TableHead | TagEnd::TableRow)
                    && let (
                        Some(mut done),
                        Some(Block {
                            kind: Kind::Table { rows },
                            ..
                        }),
                    ) = (row.take(), current.as_mut())
                {
                    done.extra = has_extra_cells(text, &done);
                    rows.push(done);
                }
                if depth == 0 {
                    blocks.extend(current.take());
                }
            }
            _ => {
                inline(&mut current, depth, &range);
                if depth == 0 {
                    // A block that is one event: a rule, an HTML block's text.
                    blocks.push(Block {
                        kind: Kind::Other,
                        range,
                    });
                }
            }
        }
    }
    blocks
}

/// Widens a heading's text range over an event inside it.
fn inline(current: &mut Option<Block>, depth: usize, range: &Range<usize>) {
    if let Some(Block {
        kind: Kind::Heading { text, .. },
        ..
    }) = current
        && depth > 0
    {
        text.start = text.start.min(range.start);
        text.end = text.end.max(range.end);
    }
}

/// Where a row's text ends, before its line ending.
fn content_end(text: &str, row: &Range<usize>) -> usize {
    let line = &text[row.clone()];
    row.start + line.trim_end_matches(['\n', '\r']).len()
}

/// Whether text other than a closing pipe follows the row's last cell: cells past the
/// header's count, which the reader drops.
fn has_extra_cells(text: &str, row: &Row) -> bool {
    let after = row.cells.last().map_or(row.range.start, |cell| cell.end);
    let rest = text[after..content_end(text, &row.range)].trim();
    let rest = rest.strip_prefix('|').unwrap_or(rest);
    !rest.trim().is_empty()
}

/// The line numbers of byte offsets; a line ends at `\n`, `\r\n` or `\r`, as in
/// CommonMark.
pub(super) struct Lines {
    starts: Vec<usize>,
    count: usize,
}

impl Lines {
    pub(super) fn new(text: &str) -> Lines {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends {
                starts.push(i + 1);
            }
        }
        // A final line ending opens no line.
        let count = if starts.len() > 1 && starts.last() == Some(&text.len()) {
            starts.len() - 1
        } else {
            starts.len()
        };
        Lines { starts, count }
    }

    /// The line (from 1) of the byte at `offset`.
    pub(super) fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).max(1)
    }

    /// The number of the last line.
    pub(super) fn last(&self) -> usize {
        self.count
    }
}

/// The byte ranges of the lines of `text`, split at `\n`, `\r\n` or `\r`, without
/// their endings.
pub(super) fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                lines.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    lines.push(start..text.len());
    lines
}

/// The lines of `text`, without their endings (see [`line_ranges`]).
pub(super) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    line_ranges(text).into_iter().map(|range| &text[range])
}

/// The text as a block: without leading and trailing blank lines, nor the last line's
/// ending; `None` when blank. The lines in between are kept byte for byte.
pub(super) fn text_block(text: &str) -> Option<&str> {
    let lines = line_ranges(text);
    let blank = |range: &Range<usize>| text[range.clone()].trim().is_empty();
    let first = lines.iter().find(|range| !blank(range))?;
    let last = lines.iter().rfind(|range| !blank(range))?;
    Some(&text[first.start..last.end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_numbers_follow_every_line_ending() {
        let lines = Lines::new("a\nb\r\nc\rd\n");
        assert_eq!([0, 2, 5, 7].map(|offset| lines.of(offset)), [1, 2, 3, 4]);
        assert_eq!(lines.last(), 4);
    }

    #[test]
    fn blocks_trim_blank_lines_only() {
        assert_eq!(text_block("\n \nA  \r\n\r\nB\n\n"), Some("A  \r\n\r\nB"));
        assert_eq!(text_block("  indented\n"), Some("  indented"));
        assert_eq!(text_block(" \n\n"), None);
        assert_eq!(
            split_lines("a\rb\r\nc").collect::<Vec<_>>(),
            ["a", "b", "c"]
        );
    }

    #[test]
    fn rows_keep_their_own_cells() {
        let text = "| a | b |\n|---|---|\n| x |\n| x | y | z |\n";
        let blocks = blocks(text);
        let Some(Block {
            kind: Kind::Table { rows },
            ..
        }) = blocks.first()
        else {
            panic!("a table: {blocks:?}");
        };
        let cells: Vec<(usize, bool)> = rows.iter().map(|r| (r.cells.len(), r.extra)).collect();
        assert_eq!(cells, [(2, false), (1, false), (2, true)]);
    }
}
