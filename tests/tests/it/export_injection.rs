//! No text a registry holds can add markup to the HTML pages or rows to the Markdown
//! document: the exports checked by real parsers (`problem_codes_tests::exports`), on
//! the `exports` fuzz target's seeds and regressions and on generated text.

use std::path::Path;

use problem_codes_contract::{Registry, RegistryEntry, RegistryError};
use problem_codes_tests::exports;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

#[test]
fn a_replacement_cannot_inject_a_script() {
    // Once accepted by `Registry::new` and written unescaped into an `href`.
    let entry = RegistryEntry::new("AUTH_OLD", 401, "Old")
        .with_deprecated(Some(r#""><script>alert(1)</script>"#.into()));
    let err = Registry::new("Auth", vec![entry]).unwrap_err();
    assert!(
        matches!(
            err,
            RegistryError::InvalidField {
                field: "replacement",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn markup_in_every_text_field_stays_text() {
    let registry = Registry::new(
        "Auth <script>",
        vec![
            RegistryEntry::new("AUTH_NEW", 401, "Invalid <b>OTP</b> & \"more\" <!--")
                .with_handling("Show <script>alert(1)</script> | `x|y` and it`s")
                .with_section("Auth <i>"),
            RegistryEntry::new(
                "AUTH_OLD",
                401,
                "Old\n| `AUTH_FAKE` | 200 | injected | row |",
            )
            .with_section("Auth <i>")
            .with_deprecated(Some("AUTH_NEW".into())),
        ],
    )
    .expect("a valid registry");
    exports::check_html(&registry);
    exports::check_markdown(&registry);
}

/// The checker itself fails on what the exporter once wrote for a hostile replacement.
#[test]
#[should_panic(expected = "auth-old/index.html: ")]
fn the_checker_sees_an_injected_element() {
    exports::check_page(
        "auth-old/index.html",
        r#"<dd>use <a href="../"><script>alert(1)</script>/"><code>X</code></a></dd>"#,
    );
}

#[test]
#[should_panic(expected = "a link to")]
fn the_checker_sees_a_foreign_link() {
    exports::check_page("index.html", r#"<a href="javascript:alert(1)">x</a>"#);
}

#[test]
fn the_exports_fuzz_inputs_pass() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let mut seen = 0;
    for dir in ["seeds/exports", "regressions/exports"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("an entry").path();
            eprintln!("{}", path.display());
            exports::check_input(&std::fs::read(&path).expect("a readable input"));
            seen += 1;
        }
    }
    assert!(seen > 0, "no inputs in fuzz/seeds/exports");
}

/// Text rich in what HTML and Markdown treat specially.
fn markup() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        4 => "[a-zA-Z0-9 ]{0,6}",
        1 => prop::sample::select(vec![
            "<", ">", "&", "\"", "'", "|", "`", "``", "\\", "\n", "\r", "\t", "<script>", "</td>",
            "<!--", "-->", "&amp;", "\\|", "\\`", "<br>", "# ", "## ", "---", "*", "_", "[x](y)",
        ]).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..12).prop_map(|pieces| pieces.concat())
}

#[test]
fn generated_text_never_breaks_an_export() {
    let mut runner = TestRunner::new(Config {
        cases: 400,
        ..Config::default()
    });
    let fields = prop::collection::vec((markup(), markup(), markup()), 1..5);
    runner
        .run(&fields, |fields| {
            let codes = fields
                .into_iter()
                .enumerate()
                .map(|(i, (title, handling, section))| {
                    RegistryEntry::new(format!("CODE_{i}"), 400, title)
                        .with_handling(handling)
                        .with_section(section)
                })
                .collect();
            if let Ok(registry) = Registry::new("Generated", codes) {
                exports::check_html(&registry);
                exports::check_markdown(&registry);
            }
            Ok(())
        })
        .expect("every export parses to its own structure");
}
