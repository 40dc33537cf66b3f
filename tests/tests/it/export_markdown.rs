//! The Markdown export: the eryao catalog renders the fixture byte for byte, and cells
//! never break the table.

use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::Eryao;

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");

#[test]
fn the_eryao_catalog_renders_the_fixture_byte_for_byte() {
    // The title, preamble and closing text come from `Eryao`'s doc comments.
    let markdown = Registry::of::<Eryao>().to_document();
    assert_eq!(
        markdown,
        Registry::of::<Eryao>().to_markdown(&MarkdownOptions::of::<Eryao>())
    );
    if markdown != FIXTURE {
        // Name the first line that differs: a 3 KB assert_eq! diff hides it.
        let line = markdown
            .lines()
            .zip(FIXTURE.lines())
            .position(|(a, b)| a != b)
            .map_or(FIXTURE.lines().count(), |i| i + 1);
        panic!("the export differs from the fixture at line {line}:\n{markdown}");
    }
}

#[test]
fn without_options_only_the_sections_are_written() {
    let markdown = Registry::of::<Eryao>().to_markdown(&MarkdownOptions::new());
    assert!(markdown.starts_with("## Auth\n\n| code | status | meaning | frontend handling |\n"));
    assert!(markdown.ends_with("| `AVATAR_UPLOAD_FAILED` | 502 | Backend failed to upload avatar bytes to storage | Show retry toast and keep previous avatar |\n"));
    assert_eq!(markdown.matches("\n## ").count() + 1, 5);
}

#[test]
fn hostile_cells_stay_in_one_row_and_deprecation_shows_in_the_code_cell() {
    let registry = Registry::new(
        "Api",
        vec![
            RegistryEntry::new("API_PIPE", 400, "read | write `a|b`")
                .with_handling("line one\nline two")
                .with_section("Api"),
            // CommonMark pairs the first two backticks; the third closes nothing.
            RegistryEntry::new("API_TICK", 400, "it`s `fine`")
                .with_section("Api")
                .with_deprecated(Some("API_PIPE".into())),
            RegistryEntry::new("API_OLD", 410, "Gone")
                .with_section("Api")
                .with_deprecated(None),
        ],
    )
    .expect("a valid registry");
    let markdown = registry.to_markdown(&MarkdownOptions::new());
    assert_eq!(
        markdown,
        "## Api\n\n| code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
         | `API_PIPE` | 400 | read \\| write `a\\|b` | line one<br>line two |\n\
         | `API_TICK` (deprecated; use `API_PIPE`) | 400 | it`s `fine\\` |  |\n\
         | `API_OLD` (deprecated) | 410 | Gone |  |\n"
    );
}
