//! A static site for the type URIs: RFC 9457 §3.1.1 asks that a problem type URI
//! resolve to human-readable documentation. One page per code at `<slug>/index.html`
//! (so `https://errors.example.com/auth-too-many-requests` resolves on any static host)
//! and an index at `index.html`: publish the folder at the catalog's `type_base`.
//!
//! Each page shows the code's title, status, meaning, frontend handling, section,
//! lifecycle, type URI, its extension members (name, type, required or optional, doc
//! line), and an example body that carries them, each member with a value of its type.
//!
//! ```
//! use problem_codes_contract::{Registry, RegistryEntry};
//!
//! let registry = Registry::new("Auth", vec![
//!     RegistryEntry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code")
//!         .with_deprecated(Some("AUTH_CODE_INVALID".into())),
//!     RegistryEntry::new("AUTH_CODE_INVALID", 401, "Invalid verification code"),
//! ])?;
//! let pages = registry.to_html();
//! let paths: Vec<&str> = pages.iter().map(|page| page.path()).collect();
//! assert_eq!(paths, ["index.html", "auth-otp-wrong/index.html", "auth-code-invalid/index.html"]);
//! // A deprecated code's page links to its replacement's.
//! assert!(pages[1].html().contains(r#"use <a href="../auth-code-invalid/index.html"><code>AUTH_CODE_INVALID</code></a>"#));
//! # Ok::<(), problem_codes_contract::RegistryError>(())
//! ```
//!
//! A code's members, and its example body:
//!
//! ```
//! use problem_codes::MemberType;
//! use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};
//!
//! let registry = Registry::new("Points", vec![
//!     RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points").with_members(vec![
//!         RegistryMember::new("balance", MemberType::Integer).with_doc("Points the user has"),
//!         RegistryMember::new("top_up_url", MemberType::Text).optional(),
//!     ]),
//! ])?;
//! let page = &registry.to_html()[1];
//! assert!(page.html().contains(
//!     "<tr><td><code>balance</code></td><td><code>integer</code></td><td>required</td><td>Points the user has</td></tr>"
//! ));
//! assert!(page.html().contains("<td>optional</td>"));
//! assert!(page.html().contains("  &quot;balance&quot;: 3,\n"));
//! # Ok::<(), problem_codes_contract::RegistryError>(())
//! ```

use core::fmt::Write as _;
use std::io;
use std::path::Path;

use http::StatusCode;

use crate::{Registry, RegistryEntry};
use problem_codes::{Lifecycle, MemberType, Problem, Scalar};

/// One file of the site: its path relative to the site's root, and its HTML.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
///
/// let registry = Registry::new("Auth", vec![
///     RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")
///         .with_type_uri("https://errors.example.com/auth-user-not-found"),
/// ])?;
/// let pages = registry.to_html();
/// let page = &pages[1];
/// assert_eq!(page.path(), "auth-user-not-found/index.html");
/// assert!(page.html().starts_with("<!doctype html>"));
/// assert!(page.html().contains("<code>https://errors.example.com/auth-user-not-found</code>"));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    path: String,
    html: String,
}

impl Page {
    /// A page at `path` with `html`, for the pages per locale.
    pub(crate) fn new(path: String, html: String) -> Page {
        Page { path, html }
    }

    /// The path relative to the site's root, with `/` separators:
    /// `index.html` or `auth-too-many-requests/index.html` (see the example on
    /// [`Page`]).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The page's HTML document (see the example on [`Page`]).
    #[must_use]
    pub fn html(&self) -> &str {
        &self.html
    }
}

impl Registry {
    /// The site's pages: the index first, then one page per code in declaration order.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Auth", vec![
    ///     RegistryEntry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled"),
    /// ])?;
    /// let pages = registry.to_html();
    /// assert_eq!(pages[0].path(), "index.html");
    /// assert_eq!(pages[1].path(), "auth-too-many-requests/index.html");
    /// assert!(pages[1].html().contains("<h1>OTP request throttled</h1>"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn to_html(&self) -> Vec<Page> {
        let mut pages = vec![Page {
            path: "index.html".to_owned(),
            html: index(self),
        }];
        pages.extend(self.codes().iter().map(|entry| Page {
            path: format!("{}/index.html", entry.slug()),
            html: code_page(self, entry),
        }));
        pages
    }
}

/// Writes `pages` under `dir`, creating the folders they need.
///
/// # Errors
///
/// The first I/O error met; pages written before it stay written.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::export::html::write_site;
///
/// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
/// let dir = std::env::temp_dir().join(format!("problem-codes-site-{}", std::process::id()));
/// write_site(&registry.to_html(), &dir)?;
/// assert!(dir.join("index.html").is_file());
/// assert!(std::fs::read_to_string(dir.join("auth-x-y/index.html"))?.contains("<h1>X</h1>"));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_site(pages: &[Page], dir: &Path) -> io::Result<()> {
    for page in pages {
        let path = dir.join(&page.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, &page.html)?;
    }
    Ok(())
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}\
code,pre{font-family:ui-monospace,monospace;background:#f3f3f3;border-radius:3px}\
code{padding:0 .2em}pre{padding:1rem;overflow-x:auto}\
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #ddd;vertical-align:top;overflow-wrap:anywhere}\
col.code{width:34%}col.status{width:4.5rem}col.lifecycle{width:18%}\
dt{font-weight:600;margin-top:.8rem}dd{margin-left:0}.deprecated{color:#8a4b00}";

/// HTML being written. Markup comes only from `'static` literals ([`Html::raw`]);
/// every other string goes through [`Html::text`], which escapes it for element content
/// and quoted attribute values alike. No path writes a string from the registry raw.
#[derive(Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, markup: &'static str) -> &mut Html {
        self.0.push_str(markup);
        self
    }

    fn text(&mut self, text: &str) -> &mut Html {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    fn number(&mut self, n: u16) -> &mut Html {
        let _ = write!(self.0, "{n}");
        self
    }

    /// A cell's Markdown: code spans become `<code>`, backslash escapes are resolved,
    /// everything else is text.
    fn inline(&mut self, markdown: &str) -> &mut Html {
        let mut at = 0;
        for (span, ticks) in super::markdown::code_spans(markdown) {
            self.unescaped(markdown.get(at..span.start - ticks).unwrap_or_default());
            let content = markdown.get(span.clone()).unwrap_or_default();
            let content = match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                Some(inner) if !inner.trim().is_empty() => inner,
                _ => content,
            };
            self.raw("<code>").text(content).raw("</code>");
            at = span.end + ticks;
        }
        self.unescaped(markdown.get(at..).unwrap_or_default())
    }

    /// Markdown text outside code spans, with its backslash escapes resolved.
    fn unescaped(&mut self, markdown: &str) -> &mut Html {
        let mut chars = markdown.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match (c, chars.peek()) {
                ('\\', Some(&next)) if next.is_ascii_punctuation() => {
                    chars.next();
                    next
                }
                (c, _) => c,
            };
            self.text(c.encode_utf8(&mut [0; 4]));
        }
        self
    }

    /// A link to the page of `code`, from a page `root` levels below the site's root.
    /// The target is the page's file, so the site also works opened from disk.
    fn code_link(&mut self, root: &'static str, code: &str) -> &mut Html {
        self.raw("<a href=\"")
            .raw(root)
            .text(&problem_codes::slug(code))
            .raw("/index.html\"><code>")
            .text(code)
            .raw("</code></a>")
    }
}

fn document(title: &str, body: &Html) -> String {
    let mut html = Html::default();
    html.raw(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    )
    .text(title)
    .raw("</title>\n<style>")
    .raw(STYLE)
    .raw("</style>\n</head>\n<body>\n");
    html.0.push_str(&body.0);
    html.raw("</body>\n</html>\n");
    html.0
}

/// The site's title: the document's own (the `# Title` of the catalog's doc comment),
/// else "<name> problem types".
fn site_title(registry: &Registry) -> String {
    registry.framing().title().map_or_else(
        || format!("{} problem types", registry.name()),
        str::to_owned,
    )
}

/// Markdown paragraphs as `<p>`s, their inline code kept.
fn paragraphs(body: &mut Html, markdown: &str) {
    for paragraph in markdown
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        body.raw("<p>").inline(paragraph).raw("</p>\n");
    }
}

fn index(registry: &Registry) -> String {
    let framing = registry.framing();
    let title = site_title(registry);
    let mut body = Html::default();
    body.raw("<h1>").inline(&title).raw("</h1>\n");
    // The catalog's doc comment says what the codes are; without one, a default.
    match framing.preamble() {
        Some(preamble) => paragraphs(&mut body, preamble),
        None => {
            body.raw(
                "<p>Every problem code a client may receive, in the \
                 <code>code</code> member of an <code>application/problem+json</code> response. Map on \
                 <code>code</code>, never on <code>detail</code>.</p>\n",
            );
        }
    }
    for (section, codes) in registry.sections() {
        if !section.is_empty() {
            body.raw("<h2>").text(section).raw("</h2>\n");
        }
        body.raw(
            "<table>\n<colgroup><col class=\"code\"><col class=\"status\"><col><col><col class=\"lifecycle\"></colgroup>\n\
             <tr><th>code</th><th>status</th><th>meaning</th><th>frontend handling</th><th>lifecycle</th></tr>\n",
        );
        for entry in codes {
            body.raw("<tr><td>")
                .code_link("", entry.code())
                .raw("</td><td>")
                .number(entry.status())
                .raw("</td><td>")
                .inline(entry.title())
                .raw("</td><td>")
                .inline(entry.handling())
                .raw("</td><td>");
            lifecycle(&mut body, entry, "");
            body.raw("</td></tr>\n");
        }
        body.raw("</table>\n");
    }
    if let Some(closing) = framing.closing() {
        paragraphs(&mut body, closing);
    }
    document(&title, &body)
}

fn code_page(registry: &Registry, entry: &RegistryEntry) -> String {
    let status = StatusCode::from_u16(entry.status()).ok();
    let reason = status.and_then(|s| s.canonical_reason()).unwrap_or("");
    let example = status.map(|status| {
        let mut problem = Problem::new(status)
            .with_type(entry.type_uri())
            .with_title(entry.title())
            .with_code(entry.code());
        for member in entry.members() {
            // The registry checked every name, so no member is refused here.
            if let Ok(with) = problem
                .clone()
                .with_extension(member.name(), example_value(member.ty()))
            {
                problem = with;
            }
        }
        serde_json::to_string_pretty(&problem).unwrap_or_default()
    });
    let mut body = Html::default();
    body.raw("<p><a href=\"../index.html\">")
        .inline(&site_title(registry))
        .raw("</a></p>\n<h1>")
        .inline(entry.title())
        .raw("</h1>\n<dl>\n<dt>Code</dt><dd><code>")
        .text(entry.code())
        .raw("</code></dd>\n<dt>Status</dt><dd>")
        .number(entry.status())
        .raw(" ")
        .text(reason)
        .raw("</dd>\n<dt>Meaning</dt><dd>")
        .inline(entry.title())
        .raw("</dd>\n<dt>Frontend handling</dt><dd>");
    if entry.handling().is_empty() {
        body.raw("—");
    } else {
        body.inline(entry.handling());
    }
    body.raw("</dd>\n");
    if !entry.section().is_empty() {
        body.raw("<dt>Section</dt><dd>")
            .text(entry.section())
            .raw("</dd>\n");
    }
    body.raw("<dt>Lifecycle</dt><dd>");
    lifecycle(&mut body, entry, "../");
    body.raw("</dd>\n<dt>Type</dt><dd><code>")
        .text(entry.type_uri())
        .raw("</code></dd>\n</dl>\n");
    members(&mut body, entry);
    if let Some(example) = example {
        body.raw("<h2>Example body</h2>\n<pre><code>")
            .text(&example)
            .raw(
                "</code></pre>\n<p>Served with \
                 <code>Content-Type: application/problem+json</code>. A response may add \
                 <code>detail</code>, <code>instance</code> and other members.</p>\n",
            );
    }
    document(&format!("{} ({})", entry.title(), entry.code()), &body)
}

/// The members table: name, type, whether a body may leave it out, doc line.
fn members(html: &mut Html, entry: &RegistryEntry) {
    html.raw("<h2>Members</h2>\n");
    if entry.members().is_empty() {
        html.raw("<p>The body carries no extension members.</p>\n");
        return;
    }
    html.raw(
        "<table>\n<tr><th>member</th><th>type</th><th>presence</th><th>description</th></tr>\n",
    );
    for member in entry.members() {
        html.raw("<tr><td><code>")
            .text(member.name())
            .raw("</code></td><td><code>")
            .text(member.ty().name())
            .raw("</code></td><td>")
            .raw(if member.is_optional() {
                "optional"
            } else {
                "required"
            })
            .raw("</td><td>");
        if member.doc().is_empty() {
            html.raw("—");
        } else {
            html.inline(member.doc());
        }
        html.raw("</td></tr>\n");
    }
    html.raw("</table>\n");
}

/// A value of `ty` for the example body: valid JSON of that type.
fn example_value(ty: MemberType) -> serde_json::Value {
    use serde_json::{Value, json};
    let scalar = |scalar: Scalar| match scalar {
        Scalar::Text => json!("text"),
        Scalar::Integer => json!(3),
        Scalar::Number => json!(1.5),
        Scalar::Boolean => json!(true),
    };
    match ty {
        MemberType::Text => scalar(Scalar::Text),
        MemberType::Integer => scalar(Scalar::Integer),
        MemberType::Number => scalar(Scalar::Number),
        MemberType::Boolean => scalar(Scalar::Boolean),
        MemberType::Array(item) => json!([scalar(item)]),
        MemberType::Object(value) => json!({ "key": scalar(value) }),
        MemberType::Errors => {
            json!([{ "detail": "must not be empty", "pointer": "#/name" }])
        }
        _ => Value::Null,
    }
}

/// `active`, or `deprecated` with a link to the replacement's page under `root`.
fn lifecycle(html: &mut Html, entry: &RegistryEntry, root: &'static str) {
    match (entry.lifecycle(), entry.replacement()) {
        (Lifecycle::Active, _) => {
            html.raw("active");
        }
        (_, Some(replacement)) => {
            html.raw("<span class=\"deprecated\">deprecated</span>: use ")
                .code_link(root, replacement);
        }
        (_, None) => {
            html.raw("<span class=\"deprecated\">deprecated</span>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(markdown: &str) -> String {
        let mut html = Html::default();
        html.inline(markdown);
        html.0
    }

    problem_codes::error_catalog! {
        /// # Eryao `HTTP` error codes
        ///
        /// Map on `code`.
        ///
        /// Never on `detail`.
        pub catalog Framed {
            section "Auth" {
                AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
            }
            /// Additive changes only.
        }
    }

    #[test]
    fn the_index_is_titled_and_framed_by_the_catalogs_doc_comment() {
        let pages = Registry::of::<Framed>().to_html();
        let (index, page) = (pages[0].html(), pages[1].html());
        assert!(
            index.contains("<title>Eryao `HTTP` error codes</title>"),
            "{index}"
        );
        assert!(
            index.contains("<h1>Eryao <code>HTTP</code> error codes</h1>"),
            "{index}"
        );
        assert!(
            index
                .contains("<p>Map on <code>code</code>.</p>\n<p>Never on <code>detail</code>.</p>")
        );
        assert!(!index.contains("Every problem code a client may receive"));
        assert!(index.contains("</table>\n<p>Additive changes only.</p>"));
        assert!(page.contains("<a href=\"../index.html\">Eryao <code>HTTP</code> error codes</a>"));
    }

    #[test]
    fn without_a_doc_comment_the_index_is_named_after_the_catalog() {
        let registry = Registry::new("Auth", vec![crate::RegistryEntry::new("AUTH_X", 400, "X")]);
        let pages = registry.map(|r| r.to_html()).unwrap_or_default();
        let index = pages.first().map(Page::html).unwrap_or_default();
        assert!(index.contains("<h1>Auth problem types</h1>"), "{index}");
        assert!(index.contains("Every problem code a client may receive"));
    }

    #[test]
    fn inline_markdown() {
        assert_eq!(
            inline("Missing `forwardedProps.runtime_mode` <here>"),
            "Missing <code>forwardedProps.runtime_mode</code> &lt;here&gt;"
        );
        assert_eq!(inline("a ``x`y`` b"), "a <code>x`y</code> b");
        assert_eq!(inline("`` `a` ``"), "<code>`a`</code>");
        assert_eq!(inline(r"lone \` tick"), "lone ` tick");
        assert_eq!(inline("it`s"), "it`s");
        assert_eq!(inline(r"\``x`"), "`<code>x</code>");
    }
}
