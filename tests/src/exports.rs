//! The exports against real parsers: whatever text a registry holds, the HTML pages
//! tokenize to the elements and attributes the exporter writes and no others, and the
//! Markdown document parses to one table row per code. Shared by the `exports` fuzz
//! target and the tests that replay its inputs.

use html5gum::{Token, Tokenizer};
use problem_codes_contract::{Registry, RegistryEntry};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The elements the HTML export writes.
const ELEMENTS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "a", "code", "pre", "table",
    "colgroup", "col", "tr", "th", "td", "dl", "dt", "dd", "span",
];

/// The attributes it writes.
const ATTRIBUTES: &[&str] = &["lang", "charset", "name", "content", "class", "href"];

/// A registry from fuzz bytes: fields separated by `\n\n`, taken four at a time as a
/// code's title, handling, section and replacement target, its code made from its
/// position. `None` when the registry refuses them, which is its right.
#[must_use]
pub fn registry_from(bytes: &[u8]) -> Option<Registry> {
    let text = String::from_utf8_lossy(bytes);
    let fields: Vec<&str> = text.split("\n\n").collect();
    let codes = fields
        .chunks(4)
        .take(16)
        .enumerate()
        .map(|(i, chunk)| {
            let field = |n: usize| chunk.get(n).copied().unwrap_or_default();
            let code = format!("CODE_{}", char::from(b'A' + u8::try_from(i).unwrap_or(0)));
            let mut entry = RegistryEntry::new(code, 400 + u16::try_from(i).unwrap_or(0), field(0))
                .with_handling(field(1))
                .with_section(field(2));
            if !field(3).is_empty() {
                entry = entry.with_deprecated(Some(field(3).to_owned()));
            }
            entry
        })
        .collect();
    Registry::new("Fuzzed", codes).ok()
}

/// Checks the HTML and Markdown exports of the registry built from `bytes`.
///
/// # Panics
///
/// When an export holds markup or table structure the registry's text injected.
pub fn check_input(bytes: &[u8]) {
    let Some(registry) = registry_from(bytes) else {
        return;
    };
    check_html(&registry);
    check_markdown(&registry);
}

/// Every page tokenizes to the exporter's own elements and attributes, every link
/// goes to a page of the site, and each code page's `<title>` is its text, whole.
///
/// # Panics
///
/// When it does not.
pub fn check_html(registry: &Registry) {
    for (n, page) in registry.to_html().iter().enumerate() {
        let title = check_page(page.path(), page.html());
        if let Some(entry) = n.checked_sub(1).and_then(|i| registry.codes().get(i)) {
            assert_eq!(
                title,
                format!("{} ({})", entry.title(), entry.code()),
                "{}",
                page.path()
            );
        }
    }
}

/// Checks one page's tokens, and returns the text of its `<title>`.
///
/// # Panics
///
/// On an element, attribute, link or comment the exporter does not write.
pub fn check_page(path: &str, html: &str) -> String {
    let mut in_title = false;
    let mut title = String::new();
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                assert!(
                    ELEMENTS.contains(&name.as_str()),
                    "{path}: element <{name}>"
                );
                in_title = name == "title";
                for (key, value) in &tag.attributes {
                    let key = String::from_utf8_lossy(key);
                    assert!(
                        ATTRIBUTES.contains(&key.as_ref()),
                        "{path}: attribute {key}"
                    );
                    if key == "href" {
                        let href = String::from_utf8_lossy(value);
                        assert!(is_site_link(&href), "{path}: a link to {href}");
                    }
                }
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"title" => in_title = false,
            Token::String(text) if in_title => title.push_str(&String::from_utf8_lossy(&text)),
            Token::Comment(_) => panic!("{path}: a comment"),
            _ => {}
        }
    }
    title
}

/// `index.html`, `../index.html`, or a code's page beside or below.
fn is_site_link(href: &str) -> bool {
    let href = href.strip_prefix("../").unwrap_or(href);
    href == "index.html"
        || href.strip_suffix("/index.html").is_some_and(|slug| {
            !slug.is_empty()
                && slug
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

/// The document parses, with GFM tables, to one table per section and one row of four
/// cells per code (five in a section with members), the first holding the code.
///
/// # Panics
///
/// When it does not.
pub fn check_markdown(registry: &Registry) {
    let markdown = registry
        .to_markdown(&problem_codes_contract::export::MarkdownOptions::new().with_members());
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut tables = 0;
    let (mut in_head, mut cell) = (false, None::<String>);
    for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(text), false) = (cell.take(), in_head) {
                    rows.last_mut().expect("a cell is in a row").push(text);
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = &mut cell {
                    cell.push_str(&text);
                }
            }
            _ => {}
        }
    }
    assert_eq!(tables, registry.sections().count(), "{markdown}");
    assert_eq!(rows.len(), registry.codes().len(), "{markdown}");
    // A section whose codes have members has a fifth column.
    let widths = registry.sections().flat_map(|(_, codes)| {
        let width = if codes.iter().any(|e| !e.members().is_empty()) {
            5
        } else {
            4
        };
        codes.iter().map(move |_| width)
    });
    for ((row, entry), width) in rows.iter().zip(registry.codes()).zip(widths) {
        assert_eq!(row.len(), width, "{markdown}");
        assert!(row[0].starts_with(entry.code()), "{row:?} in\n{markdown}");
    }
}
