//! The command-line front, driven as a user's `[[bin]]` would drive it.

use std::path::{Path, PathBuf};

use problem_codes_contract::cli::{Cli, CliError};
use problem_codes_contract::export::json::SCHEMA;
use problem_codes_contract::{Registry, compat::GateError};
use problem_codes_tests::eryao::{DOCUMENT, Eryao};

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");

mod v1 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            type_base = "https://errors.eryao.example/";
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 { meaning: "OTP request throttled", handling: "Show wait message" },
                AUTH_VERIFICATION_CODE_INVALID = 401 { meaning: "Invalid OTP code", handling: "Prompt user to re-enter code" },
                AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message where applicable" },
            }
        }
    }
}

/// `AUTH_USER_NOT_FOUND` deleted, `AUTH_TOO_MANY_REQUESTS` moved to 503.
mod v2 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            type_base = "https://errors.eryao.example/";
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 503 { meaning: "OTP request throttled", handling: "Show wait message" },
                AUTH_VERIFICATION_CODE_INVALID = 401 { meaning: "Invalid OTP code", handling: "Prompt user to re-enter code" },
            }
        }
    }
}

fn eryao() -> Cli<'static> {
    Cli::new::<Eryao>().markdown(DOCUMENT)
}

fn run(cli: &Cli<'_>, args: &[&str]) -> Result<String, CliError> {
    let mut out = Vec::new();
    cli.execute(args, &mut out)?;
    Ok(String::from_utf8(out).expect("UTF-8 output"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

#[test]
fn markdown_prints_the_fixture() {
    assert_eq!(run(&eryao(), &["markdown"]).expect("runs"), FIXTURE);
}

#[test]
fn json_schema_and_typescript_print_the_exports() {
    let registry = Registry::of::<Eryao>();
    assert_eq!(run(&eryao(), &["json"]).expect("runs"), registry.to_json());
    assert_eq!(run(&eryao(), &["schema"]).expect("runs"), SCHEMA);
    assert_eq!(
        run(&eryao(), &["typescript"]).expect("runs"),
        registry.to_typescript()
    );
}

#[test]
fn html_writes_the_site() {
    let dir = scratch("html");
    let out = run(&eryao(), &["html", dir.to_str().expect("UTF-8 path")]).expect("runs");
    assert_eq!(out, format!("wrote 25 pages under {}\n", dir.display()));
    assert!(dir.join("index.html").is_file());
    assert!(dir.join("avatar-upload-failed/index.html").is_file());
}

#[test]
fn check_refuses_a_removal_and_a_status_change_with_exit_code_1() {
    let snapshot = scratch("check").join("auth.codes.json");
    let path = snapshot.to_str().expect("UTF-8 path");
    let out = run(&Cli::new::<v1::Auth>(), &["snapshot", path]).expect("recorded");
    assert!(
        out.ends_with(&format!("wrote {path}: commit it\n")),
        "{out}"
    );

    let err = run(&Cli::new::<v2::Auth>(), &["check", path]).expect_err("v2 breaks v1");
    assert_eq!(err.exit_code(), 1);
    assert!(matches!(
        err,
        CliError::Gate(GateError::Incompatible { .. })
    ));
    assert_eq!(
        err.to_string(),
        format!(
            "the catalog breaks {path}:\n\
             refused: AUTH_TOO_MANY_REQUESTS changed status from 429 to 503\n\
             refused: AUTH_USER_NOT_FOUND was removed (was 404 \"User not found\"); codes are never deleted: restore it and mark it `deprecated`\n\
             2 refused, 0 acknowledged, 0 allowed: revert the change, or acknowledge it and record the snapshot with \
             `PROBLEM_CODES_ACKNOWLEDGE=AUTH_TOO_MANY_REQUESTS,AUTH_USER_NOT_FOUND PROBLEM_CODES_SNAPSHOT=overwrite cargo test` \
             (or the command `snapshot --acknowledge AUTH_TOO_MANY_REQUESTS,AUTH_USER_NOT_FOUND`)"
        )
    );

    // `snapshot` refuses too, until both codes are acknowledged.
    let err = run(
        &Cli::new::<v2::Auth>(),
        &["snapshot", path, "--acknowledge", "AUTH_USER_NOT_FOUND"],
    )
    .expect_err("one code is not acknowledged");
    assert_eq!(err.exit_code(), 1);
    let out = run(
        &Cli::new::<v2::Auth>(),
        &[
            "snapshot",
            path,
            "--acknowledge",
            "AUTH_USER_NOT_FOUND,AUTH_TOO_MANY_REQUESTS",
        ],
    )
    .expect("acknowledged");
    assert!(
        out.contains("acknowledged: AUTH_USER_NOT_FOUND was removed"),
        "{out}"
    );
    assert_eq!(
        run(&Cli::new::<v2::Auth>(), &["check", path]).expect("recorded"),
        "the catalog matches its snapshot\n"
    );
}

#[test]
fn check_uses_the_configured_snapshot() {
    let cli = eryao().snapshot(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/snapshots/eryao.codes.json"
    ));
    assert_eq!(
        run(&cli, &["check"]).expect("the committed snapshot"),
        "the catalog matches its snapshot\n"
    );
    let err = run(&eryao(), &["check"]).expect_err("no snapshot configured");
    assert!(
        err.to_string()
            .starts_with("`check` needs the snapshot's path"),
        "{err}"
    );
}

#[test]
fn import_prints_the_catalog_source() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/eryao-http-error-codes.md"
    );
    let source = run(&eryao(), &["import", fixture]).expect("imports");
    assert_eq!(source, include_str!("../../src/imported.rs"));
    let renamed = run(&eryao(), &["import", fixture, "--name", "Eryao"]).expect("imports");
    assert!(renamed.contains("pub catalog Eryao {"));

    let bad = scratch("import").join("bad.md");
    std::fs::write(&bad, "## Auth\n\n| code | status |\n").expect("write");
    let err =
        run(&eryao(), &["import", bad.to_str().expect("UTF-8 path")]).expect_err("not a table");
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string().ends_with(
            "bad.md: line 3: the table header is `| code | status | meaning | frontend handling |`"
        ),
        "{err}"
    );
}

#[test]
fn usage_mistakes_say_what_to_write() {
    let cases: [(&[&str], &str); 6] = [
        (&[], "a command is needed"),
        (
            &["markdwon"],
            "unknown command `markdwon`; did you mean `markdown`?",
        ),
        (&["json", "extra"], "`json` takes no argument, got `extra`"),
        (&["html"], "usage: html <dir>"),
        (
            &["markdown", "--acknowledge", "X"],
            "`markdown` takes no option `--acknowledge`",
        ),
        (
            &["check", "a.json", "--acknowledge"],
            "`--acknowledge` needs a value",
        ),
    ];
    for (args, message) in cases {
        let err = run(&eryao(), args).expect_err("a usage mistake");
        assert_eq!(err.exit_code(), 2);
        assert!(err.to_string().starts_with(message), "{args:?}: {err}");
        assert!(
            err.to_string().contains("\ncommands:\n"),
            "the usage follows"
        );
    }
    assert!(
        run(&eryao(), &["help"])
            .expect("help")
            .starts_with("commands:\n  markdown")
    );
}
