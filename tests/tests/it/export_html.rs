//! The HTML site for the type URIs: one page per code at its slug, plus an index.

use std::path::Path;

use problem_codes::{Catalog, ProblemCode};
use problem_codes_contract::export::html::write_site;
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::{AgentSession, Eryao};

/// The text of the first `<pre><code>` block, with the HTML escapes undone.
fn example_body(html: &str) -> &str {
    let start = html.find("<pre><code>").expect("an example body") + "<pre><code>".len();
    let end = html[start..].find("</code></pre>").expect("its end") + start;
    &html[start..end]
}

fn unescape(html: &str) -> String {
    html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn one_page_per_code_at_the_slug_its_type_uri_ends_with() {
    let pages = Registry::of::<Eryao>().to_html();
    assert_eq!(pages.len(), Eryao::ALL.len() + 1);
    assert_eq!(pages[0].path(), "index.html");
    for (page, code) in pages[1..].iter().zip(Eryao::ALL) {
        let dir = page
            .path()
            .strip_suffix("/index.html")
            .expect("a folder per code");
        assert!(
            code.type_uri().ends_with(&format!("/{dir}")),
            "{} is served at {}",
            code.type_uri(),
            page.path()
        );
        assert!(
            pages[0].html().contains(&format!(
                "<a href=\"{dir}/index.html\"><code>{code}</code></a>"
            )),
            "the index links to {code}"
        );
    }
}

#[test]
fn a_page_shows_the_facts_and_the_real_response_body() {
    let pages = Registry::of::<Eryao>().to_html();
    let code = AgentSession::AGENT_RUNTIME_MODE_INVALID;
    let page = pages
        .iter()
        .find(|p| p.path() == "agent-runtime-mode-invalid/index.html")
        .expect("the page");
    let html = page.html();
    for fact in [
        "<title>Missing or invalid `forwardedProps.runtime_mode` in run request (AGENT_RUNTIME_MODE_INVALID)</title>",
        "<h1>Missing or invalid <code>forwardedProps.runtime_mode</code> in run request</h1>",
        "<dt>Status</dt><dd>422 Unprocessable Entity</dd>",
        "<dt>Frontend handling</dt><dd>Show invalid-request message and retry from current page</dd>",
        "<dt>Section</dt><dd>Agent Session</dd>",
        "<dt>Lifecycle</dt><dd>active</dd>",
        "<dt>Type</dt><dd><code>https://errors.eryao.example/agent-runtime-mode-invalid</code></dd>",
    ] {
        assert!(html.contains(fact), "missing {fact}\n{html}");
    }
    // The example is what a service sends for this code, member for member.
    let shown: serde_json::Value =
        serde_json::from_str(&unescape(example_body(html))).expect("the example is JSON");
    let sent: serde_json::Value = serde_json::from_slice(&code.to_json()).expect("JSON");
    assert_eq!(shown, sent);
}

#[test]
fn a_deprecated_page_links_its_replacement_and_text_is_escaped() {
    let registry = Registry::new(
        "Auth",
        vec![
            RegistryEntry::new("AUTH_NEW", 401, "Invalid <b>OTP</b> & \"more\""),
            RegistryEntry::new("AUTH_OLD", 401, "Old").with_deprecated(Some("AUTH_NEW".into())),
        ],
    )
    .expect("a valid registry");
    let pages = registry.to_html();
    assert!(
        pages[1]
            .html()
            .contains("<h1>Invalid &lt;b&gt;OTP&lt;/b&gt; &amp; &quot;more&quot;</h1>")
    );
    assert!(pages[2].html().contains(
        "<dt>Lifecycle</dt><dd><span class=\"deprecated\">deprecated</span>: use <a href=\"../auth-new/index.html\"><code>AUTH_NEW</code></a></dd>"
    ));
    assert!(pages[0].html().contains(
        "<span class=\"deprecated\">deprecated</span>: use <a href=\"auth-new/index.html\">"
    ));
}

#[test]
fn the_site_is_written_to_a_folder() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html-site");
    let _ = std::fs::remove_dir_all(&dir);
    let pages = Registry::of::<Eryao>().to_html();
    write_site(&pages, &dir).expect("the site is written");
    for page in &pages {
        let written = std::fs::read_to_string(dir.join(page.path())).expect("a written page");
        assert_eq!(written, page.html());
    }
    assert!(dir.join("auth-too-many-requests/index.html").is_file());
}
