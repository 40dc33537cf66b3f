//! The importer: the fixture becomes `error_catalog!` source, and that source, compiled,
//! exports the fixture back byte for byte, and builds in a crate that depends on
//! `problem-codes` alone.

use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::import::{self, Fault};
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::Eryao;
use problem_codes_tests::imported::HttpErrorCodes;

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
    let markdown = Registry::of::<HttpErrorCodes>().to_document();
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
        "title: \"read | write `a|b`\",\n                handling: \"line one\\nline two\",\n"
    ));
    assert!(source.contains("deprecated: \"API_PIPE\",\n"));
    assert!(source.contains("deprecated: true,\n"));
}

#[test]
fn a_lone_backtick_comes_back_as_it_was() {
    // The export escapes a backtick that closes no code span; the importer kept the
    // escape, so each round trip through the catalog added a backslash to the title.
    let registry = Registry::new(
        "Api",
        vec![
            RegistryEntry::new("API_TICK", 400, "`code` and it`s ``").with_handling("a ` b"),
            RegistryEntry::new("API_SLASH", 400, "a \\ b ` c"),
        ],
    )
    .expect("a valid registry");
    let mut titles: Vec<String> = registry
        .codes()
        .iter()
        .map(|e| e.title().to_owned())
        .collect();
    let mut markdown = registry.to_markdown(&MarkdownOptions::new());
    assert!(
        markdown.contains(
            "| `code` and it\\`s \\`\\` | a \\` b |\n| `API_SLASH` | 400 | a \\ b \\` c |"
        ),
        "{markdown}"
    );
    for _ in 0..3 {
        let document = import::markdown(&markdown).expect("imports");
        let again: Vec<String> = document
            .registry()
            .codes()
            .iter()
            .map(|e| e.title().to_owned())
            .collect();
        assert_eq!(again, titles);
        assert_eq!(document.registry().codes()[0].handling(), "a ` b");
        let exported = document.registry().to_markdown(&document.options());
        assert_eq!(exported, markdown);
        (titles, markdown) = (again, exported);
    }
}

#[test]
fn a_bare_carriage_return_ends_a_line_as_in_commonmark() {
    // The importer read lines as `str::lines` does: a bare `\r` stayed inside a cell,
    // and the export, which writes it as `<br>`, read back as `\n`.
    let table = "| code | status | meaning | frontend handling |\r|---|---:|---|---|\r";
    let text =
        format!("# Api\r\rOne\rTwo\r\r## Api\r\r{table}| `API_X_Y` | 400 | X | Y |\r\rThe end.\r");
    let document = import::markdown(&text).expect("a document with bare \\r imports");
    assert_eq!(document.options().preamble_text(), Some("One\rTwo"));
    assert_eq!(document.registry().codes()[0].title(), "X");
    let markdown = document.registry().to_markdown(&document.options());
    let again = import::markdown(&markdown).expect("the export imports");
    assert_eq!(again.registry(), document.registry());
    assert_eq!(again.registry().to_markdown(&again.options()), markdown);
    // In doc comments a `\r` cannot stay: each becomes a line of its own.
    let source = document.to_rust("Api");
    assert!(
        source.contains("    /// # Api\n    ///\n    /// One\n    /// Two\n"),
        "{source}"
    );
    assert!(!source.contains('\r'), "{source:?}");

    // A `\r` in a row ends the row: what follows is a row of its own, and is refused.
    let split = format!(
        "## Api\n\n{}| `API_X_Y` | 400 | X\rY | Z |\n",
        table.replace('\r', "\n")
    );
    let err = import::markdown(&split).expect_err("the row is cut in two");
    let lines: Vec<usize> = err.faults().iter().map(Fault::line).collect();
    assert_eq!(lines, [5, 6], "{err}");
}

fn error(text: &str) -> Fault {
    let err = import::markdown(text).expect_err("not a catalog document");
    assert_eq!(err.faults().len(), 1, "one mistake, one fault: {err}");
    err.faults()[0].clone()
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
            "`A_B` is listed twice (first on line 5)",
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
    let err = error(&twice);
    assert_eq!(err.line(), 13);
    assert!(
        err.message()
            .contains("section `Auth` appears twice (first on line 1)")
    );
    let unnamed = format!("##  \n\n{table}| `AUTH_A_B` | 400 | A | B |\n");
    assert_eq!(error(&unnamed).line(), 1);
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
        let err = error(&format!("{table}{rows}"));
        assert_eq!(
            (err.line(), err.message().contains(message)),
            (line, true),
            "{err}"
        );
    }
}

#[test]
fn every_bad_row_is_reported_with_its_line() {
    let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    let text = format!(
        "# Api\n\n## A\n\n{table}\
         | `A_OK` | 400 | Fine | h |\n\
         | `A_B` | 200 | m | h |\n\
         | a_c | 400 | m | h |\n\
         | `A_OK` | 401 | m | h |\n\n\
         ## B\n\nNo table here.\n\n\
         ## C\n\n{table}\
         | `C_D` | 400 |  | h |\n\
         | `C_E` (deprecated; use `C_GONE`) | 400 | m | h |\n"
    );
    let err = import::markdown(&text).expect_err("five faults");
    let faults: Vec<(usize, &str)> = err
        .faults()
        .iter()
        .map(|f| (f.line(), f.message().split(';').next().unwrap_or_default()))
        .collect();
    assert_eq!(
        faults,
        [
            (8, "status `200` of `A_B` is not a number from 400 to 599"),
            (
                9,
                "the code cell `a_c` is not a code in backticks, such as `` `AUTH_USER_NOT_FOUND` ``"
            ),
            (10, "`A_OK` is listed twice (first on line 7)"),
            (
                14,
                "the table header is `| code | status | meaning | frontend handling |`"
            ),
            (20, "`C_D` has no meaning"),
            (
                21,
                "the replacement `C_GONE` of `C_E` is not a code of the document"
            ),
        ],
        "{err}"
    );
    assert_eq!(err.to_string().lines().count(), 6);
}

#[test]
fn framing_that_no_doc_comment_can_hold_is_refused() {
    let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n| `A_B` | 400 | m | h |\n";
    let err = error(&format!("# Api\n\nRead \u{202E}this\n\n{table}"));
    assert_eq!(err.line(), 3);
    assert!(err.message().contains("U+202E"), "{err}");
    // In a cell the character goes into a string literal, escaped.
    let header = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    let document = import::markdown(&format!("{header}| `A_B` | 400 | \u{2066}x | h |\n"))
        .expect("a cell may hold it");
    assert!(document.to_rust("Api").contains("\\u{2066}x"));
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is in the workspace")
        .to_path_buf()
}

#[test]
fn the_imported_fixture_builds_with_problem_codes_alone() {
    let root = workspace();
    let dir = root.join("target/scale-tests");
    let krate = dir.join("imported");
    std::fs::create_dir_all(krate.join("src")).expect("a scratch directory");
    let manifest = format!(
        r#"[package]
name = "problem-codes-imported"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
problem-codes = {{ path = {runtime:?} }}

[workspace]
"#,
        runtime = root.join("runtime").display().to_string(),
    );
    let document = import::markdown(FIXTURE).expect("the fixture imports");
    std::fs::write(krate.join("Cargo.toml"), manifest).expect("Cargo.toml");
    std::fs::write(
        krate.join("src/lib.rs"),
        format!(
            "//! The imported fixture.\n\n{}",
            document.to_rust("HttpErrorCodes")
        ),
    )
    .expect("lib.rs");
    std::fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).expect("Cargo.lock");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["build", "--offline", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTC_WRAPPER")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success() && !stderr.contains("warning"),
        "the imported crate in {} failed or warned:\n{stderr}",
        krate.display()
    );
}

#[test]
fn a_heading_that_ends_the_document_is_refused_on_its_own_line() {
    let table = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
    let fault = error(&format!("## A\n\n{table}| `A_B` | 400 | m | h |\n\n## B\n"));
    assert_eq!(fault.line(), 7, "{fault}");
    assert!(
        fault.message().starts_with("the table header is"),
        "{fault}"
    );
}
