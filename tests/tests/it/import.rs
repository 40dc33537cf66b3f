//! The importer: the fixture becomes `error_catalog!` source, and that source, compiled,
//! exports the fixture back byte for byte.

use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::import::{self, ImportError};
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::Eryao;
use problem_codes_tests::imported::{DOCUMENT, HttpErrorCodes};

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");
const IMPORTED_SOURCE: &str = include_str!("../../src/imported.rs");

#[test]
fn importing_the_fixture_writes_the_committed_module() {
    let document = import::markdown(FIXTURE).expect("the fixture imports");
    assert_eq!(document.suggested_name(), "HttpErrorCodes");
    assert_eq!(document.to_rust("HttpErrorCodes"), IMPORTED_SOURCE);
}

#[test]
fn the_compiled_import_exports_the_fixture_back() {
    let markdown = Registry::of::<HttpErrorCodes>().to_markdown(&DOCUMENT);
    assert!(
        markdown == FIXTURE,
        "the round trip changed the document:\n{markdown}"
    );
}

#[test]
fn the_imported_rows_are_the_eryao_catalog() {
    let document = import::markdown(FIXTURE).expect("the fixture imports");
    let facts = |registry: &Registry| -> Vec<(String, u16, String, String, String)> {
        registry
            .codes()
            .iter()
            .map(|e| {
                let row = (e.code(), e.status(), e.title(), e.handling(), e.section());
                (
                    row.0.into(),
                    row.1,
                    row.2.into(),
                    row.3.into(),
                    row.4.into(),
                )
            })
            .collect()
    };
    assert_eq!(facts(document.registry()), facts(&Registry::of::<Eryao>()));
    assert_eq!(
        document.registry().to_markdown(&document.options()),
        FIXTURE
    );
}

#[test]
fn escapes_and_lifecycle_survive_a_round_trip() {
    let registry = Registry::new(
        "Api",
        vec![
            RegistryEntry::new("API_PIPE", 400, "read | write `a|b`")
                .with_handling("line one\nline two")
                .with_section("Api"),
            RegistryEntry::new("API_OLD", 400, "Old")
                .with_section("Api")
                .with_deprecated(Some("API_PIPE".into())),
            RegistryEntry::new("API_GONE", 410, "Gone \\ back")
                .with_section("Legacy")
                .with_deprecated(None),
        ],
    )
    .expect("a valid registry");
    let options = MarkdownOptions::new().title("Api").closing("The end.");
    let markdown = registry.to_markdown(&options);
    let document = import::markdown(&markdown).expect("the export imports");
    assert_eq!(document.registry().codes(), registry.codes());
    assert_eq!(
        document.registry().to_markdown(&document.options()),
        markdown
    );
    let source = document.to_rust("Api");
    assert!(source.contains(
        "meaning: \"read | write `a|b`\",\n                handling: \"line one\\nline two\",\n"
    ));
    assert!(source.contains("deprecated: \"API_PIPE\",\n"));
    assert!(source.contains("deprecated: true,\n"));
}

#[test]
fn a_lone_backtick_comes_back_escaped_and_renders_the_same() {
    let registry = Registry::new("Api", vec![RegistryEntry::new("API_TICK", 400, "it`s")])
        .expect("a valid registry");
    let markdown = registry.to_markdown(&MarkdownOptions::new());
    let document = import::markdown(&markdown).expect("imports");
    assert_eq!(document.registry().codes()[0].title(), "it\\`s");
    assert_eq!(
        document.registry().to_markdown(&MarkdownOptions::new()),
        markdown
    );
}

fn error(text: &str) -> ImportError {
    import::markdown(text).expect_err("not a catalog document")
}

#[test]
fn bad_documents_are_refused_at_the_line_at_fault() {
    let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    let cases = [
        (
            "# Title\n\nJust prose.\n".to_owned(),
            3,
            "no table of codes found",
        ),
        (
            format!("## A\n\n{table}| `A_B` | 400 | m |\n"),
            5,
            "a row has 4 cells",
        ),
        (
            format!("## A\n\n{table}| `A_B` | 200 | m | h |\n"),
            5,
            "status `200` of `A_B`",
        ),
        (
            format!("## A\n\n{table}| A_B | 400 | m | h |\n"),
            5,
            "not a code in backticks",
        ),
        (
            format!("## A\n\n{table}| `a_b` | 400 | m | h |\n"),
            5,
            "`a_b` is not a problem code",
        ),
        (
            format!("## A\n\n{table}| `A_B` | 400 |  | h |\n"),
            5,
            "`A_B` has no meaning",
        ),
        (
            format!("## A\n\n{table}| `A_B` (old) | 400 | m | h |\n"),
            5,
            "not `(old)`",
        ),
        (
            format!("## A\n\n{table}| `A_B` | 400 | m | h |\n| `A_B` | 401 | n | h |\n"),
            6,
            "`A_B` is listed twice",
        ),
        (
            format!("## A\n\n{table}| `A_B` | 400 | m | h |\n\nA note.\n\n## B\n\n{table}"),
            7,
            "text between sections",
        ),
        (
            "## A\n\n| code | status | meaning |\n|---|---|---|\n".to_owned(),
            3,
            "the table header is",
        ),
        (
            "## A\n\n| code | status | meaning | frontend handling |\n| `A_B` | 400 | m | h |\n"
                .to_owned(),
            4,
            "delimiter row",
        ),
    ];
    for (text, line, message) in cases {
        let err = error(&text);
        assert!(
            err.line() == line && err.message().contains(message),
            "expected line {line}: {message}…, got {err}"
        );
    }
}

#[test]
fn a_table_without_a_heading_becomes_a_section_named_after_the_catalog() {
    // Found by the contract_inputs fuzz target: the source had `section ""`, which
    // `error_catalog!` refuses, so the imported catalog did not compile.
    let document = import::markdown(
        "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
         | `AUTH_X_Y` | 400 | X | Y |\n",
    )
    .expect("a table without a heading imports");
    assert_eq!(document.registry().codes()[0].section(), "");
    let source = document.to_rust("Errors");
    assert!(
        source.contains("        section \"Errors\" {\n"),
        "{source}"
    );
    assert!(!source.contains("section \"\""), "{source}");
}

#[test]
fn a_section_is_declared_once_and_by_a_name() {
    // Found by the contract_inputs fuzz target: both imported, and the catalog source
    // declared the section twice, which `error_catalog!` refuses.
    let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    let twice = format!(
        "## Auth\n\n{table}| `AUTH_A_B` | 400 | A | B |\n\n## Profile\n\n{table}| `PROFILE_A_B` | 400 | A | B |\n\n## Auth\n\n{table}| `AUTH_C_D` | 400 | C | D |\n"
    );
    let err = import::markdown(&twice).expect_err("a section twice");
    assert_eq!(err.line(), 13);
    assert!(
        err.message()
            .contains("section `Auth` appears twice (first on line 1)")
    );
    let unnamed = format!("##  \n\n{table}| `AUTH_A_B` | 400 | A | B |\n");
    let err = import::markdown(&unnamed).expect_err("a heading without a name");
    assert_eq!(err.line(), 1);
}

#[test]
fn what_error_catalog_refuses_is_refused_on_import_with_its_line() {
    // Found by the contract_inputs fuzz target: these imported, and the catalog source
    // did not compile.
    let table = "## Auth\n\n| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    for (rows, line, message) in [
        (
            "| `AUTH_TOKEN_BAD` | 400 | A | B |\n| `AUTH_TOKEN__BAD` | 400 | A | B |\n",
            6,
            "`AUTH_TOKEN_BAD` and `AUTH_TOKEN__BAD` would both be the enum variant `AuthTokenBad`",
        ),
        (
            "| `SELF` | 400 | A | B |\n",
            5,
            "`SELF` would be the enum variant `Self`",
        ),
        (
            "| `AUTH_OLD` (deprecated; use `AUTH_NEW`) | 400 | A | B |\n",
            5,
            "the replacement `AUTH_NEW` of `AUTH_OLD` is not a code of the document",
        ),
        (
            "| `AUTH_OLD` (deprecated; use `AUTH_OLD`) | 400 | A | B |\n",
            5,
            "cannot replace itself",
        ),
        (
            "| `AUTH_OLD` (deprecated; use `AUTH_MID`) | 400 | A | B |\n| `AUTH_MID` (deprecated) | 400 | A | B |\n",
            5,
            "the replacement `AUTH_MID` of `AUTH_OLD` is itself deprecated",
        ),
    ] {
        let err = import::markdown(&format!("{table}{rows}")).expect_err(message);
        assert_eq!(
            (err.line(), err.message().contains(message)),
            (line, true),
            "{err}"
        );
    }
}
