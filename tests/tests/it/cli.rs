//! The command-line front, driven as a user's `[[bin]]` would drive it.

use std::path::{Path, PathBuf};

use problem_codes_contract::cli::{Cli, CliError};
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::export::json::SCHEMA;
use problem_codes_contract::{Registry, compat::GateError};
use problem_codes_tests::eryao::Eryao;

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");

mod v1 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            type_base = "https://errors.eryao.example/";
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
                AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code", handling: "Prompt user to re-enter code" },
                AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message where applicable" },
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
                AUTH_TOO_MANY_REQUESTS = 503 { title: "OTP request throttled", handling: "Show wait message" },
                AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code", handling: "Prompt user to re-enter code" },
            }
        }
    }
}

fn eryao() -> Cli<'static> {
    Cli::new::<Eryao>().markdown(MarkdownOptions::of::<Eryao>())
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
        CliError::Gate {
            source: GateError::Incompatible { .. },
            ..
        }
    ));
    // The way out is this program's own command, not the test's environment variables.
    assert_eq!(
        err.to_string(),
        format!(
            "the catalog breaks {path}:\n\
             refused: AUTH_TOO_MANY_REQUESTS changed status from 429 to 503\n\
             refused: AUTH_USER_NOT_FOUND was removed (was 404 \"User not found\"); codes are never deleted: restore it and mark it `deprecated`\n\
             2 refused, 0 acknowledged, 0 allowed: revert the change, or acknowledge it and record the snapshot with \
             `problem-codes snapshot {path} --acknowledge AUTH_TOO_MANY_REQUESTS,AUTH_USER_NOT_FOUND`"
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
    // Acknowledged, the removal no longer asks to restore the code.
    assert!(
        out.contains(
            "acknowledged: AUTH_USER_NOT_FOUND was removed (was 404 \"User not found\")\n"
        ),
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
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        err.to_string(),
        "error: `check` needs the snapshot's path: `problem-codes check <SNAPSHOT>`"
    );
}

#[test]
fn a_relative_snapshot_is_found_from_the_package_root() {
    // `cargo test` runs in the package's directory and `cargo run` where it is called;
    // both set CARGO_MANIFEST_DIR, from which the configured snapshot is resolved.
    assert_eq!(
        std::env::var_os("CARGO_MANIFEST_DIR").as_deref(),
        Some(std::ffi::OsStr::new(env!("CARGO_MANIFEST_DIR")))
    );
    let cli = eryao().snapshot("snapshots/eryao.codes.json");
    assert_eq!(
        run(&cli, &["check"]).expect("the committed snapshot"),
        "the catalog matches its snapshot\n"
    );
    let missing = eryao()
        .snapshot("snapshots/missing.codes.json")
        .bin_name("cargo run --example eryao --");
    let err = run(&missing, &["check"]).expect_err("no such snapshot");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        err.to_string(),
        format!(
            "no snapshot at {}/snapshots/missing.codes.json; record the catalog with \
             `cargo run --example eryao -- snapshot` and commit the file",
            env!("CARGO_MANIFEST_DIR")
        )
    );
}

/// Set in the copy of this test binary that the acknowledgement test starts.
const CHILD: &str = "PROBLEM_CODES_CLI_TEST_SNAPSHOT";

#[test]
fn the_acknowledge_variable_is_honoured_as_the_option_is() {
    if let Some(path) = std::env::var_os(CHILD) {
        // In the child: PROBLEM_CODES_ACKNOWLEDGE lists one code, the option the other.
        let path = PathBuf::from(path);
        let cli = Cli::new::<v2::Auth>().snapshot(&path);
        let out = run(&cli, &["snapshot", "--acknowledge", "AUTH_USER_NOT_FOUND"])
            .unwrap_or_else(|err| panic!("both codes acknowledged: {err}"));
        assert!(
            out.contains("acknowledged: AUTH_TOO_MANY_REQUESTS changed status"),
            "{out}"
        );
        return;
    }
    let snapshot = scratch("acknowledge").join("auth.codes.json");
    run(&Cli::new::<v1::Auth>().snapshot(&snapshot), &["snapshot"]).expect("recorded");
    let status = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "the_acknowledge_variable_is_honoured_as_the_option_is",
            "--test-threads=1",
        ])
        .env(CHILD, &snapshot)
        .env("PROBLEM_CODES_ACKNOWLEDGE", "AUTH_TOO_MANY_REQUESTS")
        .status()
        .expect("the test binary runs");
    assert!(status.success());
    assert_eq!(
        run(&Cli::new::<v2::Auth>().snapshot(&snapshot), &["check"]).expect("recorded"),
        "the catalog matches its snapshot\n"
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
}

#[test]
fn import_names_the_catalog_and_reports_every_fault_of_the_file() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/eryao-http-error-codes.md"
    );
    let renamed = run(&eryao(), &["import", fixture, "--name", "Eryao"]).expect("imports");
    assert!(renamed.contains("    pub catalog Eryao {\n"));
    for name in ["Self", "crate", "Http Codes", "Codes {}", "9Lives"] {
        let err = run(&eryao(), &["import", fixture, "--name", name]).expect_err(name);
        assert_eq!(err.exit_code(), 2);
        assert!(
            err.to_string().starts_with(&format!(
                "error: invalid value '{name}' for '--name <NAME>': `{name}` is"
            )),
            "{err}"
        );
    }

    let bad = scratch("import").join("bad.md");
    std::fs::write(
        &bad,
        "## Auth\n\n| code | status | meaning | frontend handling |\n|---|---|---|---|\n\
         | `AUTH_X_Y` | 200 | m | h |\n| `AUTH_X_Z` | 400 |  | h |\n",
    )
    .expect("write");
    let bad = bad.to_str().expect("UTF-8 path");
    let err = run(&eryao(), &["import", bad]).expect_err("two bad rows");
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        err.to_string(),
        format!(
            "{bad}: line 5: status `200` of `AUTH_X_Y` is not a number from 400 to 599\n\
             {bad}: line 6: `AUTH_X_Z` has no meaning; the meaning is the problem's title"
        )
    );

    let missing = scratch("import").join("missing.md");
    let missing = missing.to_str().expect("UTF-8 path");
    let err = run(&eryao(), &["import", missing]).expect_err("no such file");
    assert_eq!(err.exit_code(), 2);
    assert!(
        err.to_string().starts_with(&format!("{missing}: ")),
        "{err}"
    );
}

#[test]
fn usage_mistakes_say_what_to_write_with_exit_code_2() {
    let cases: [(&[&str], &str); 6] = [
        (&[], "Usage: problem-codes [OPTIONS] <COMMAND>"),
        (
            &["markdwon"],
            "error: unrecognized subcommand 'markdwon'\n\n  tip: a similar subcommand exists: 'markdown'",
        ),
        (
            &["json", "extra"],
            "error: unexpected argument 'extra' found",
        ),
        (
            &["html"],
            "error: the following required arguments were not provided:\n  <DIR>",
        ),
        (
            &["markdown", "--acknowledge", "X"],
            "error: unexpected argument '--acknowledge' found",
        ),
        (
            &["check", "a.json", "--acknowledge"],
            "error: a value is required for '--acknowledge <CODE,CODE>' but none was supplied",
        ),
    ];
    for (args, message) in cases {
        let err = run(&eryao(), args).expect_err("a usage mistake");
        assert_eq!(err.exit_code(), 2, "{args:?}");
        assert!(matches!(err, CliError::Usage(_)));
        assert!(err.to_string().contains(message), "{args:?}: {err}");
        let text = err.to_string();
        assert!(
            text.contains("Usage: problem-codes")
                || text.ends_with("For more information, try '--help'.\n"),
            "the usage or the way to it follows: {err}"
        );
    }
}

#[test]
fn help_lists_the_commands_and_the_exit_codes() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let help = run(&eryao(), args).expect("help is output, exit code 0");
        assert!(
            help.contains("Usage: problem-codes [OPTIONS] <COMMAND>\n"),
            "{help}"
        );
        assert!(help.contains("\n      --registry <FILE> "), "{help}");
        for command in [
            "markdown",
            "json",
            "schema",
            "typescript",
            "html",
            "check",
            "snapshot",
            "merge",
            "import",
        ] {
            assert!(
                help.contains(&format!("\n  {command} ")),
                "{command}: {help}"
            );
        }
        assert!(help.ends_with(&format!("{}\n", problem_codes_contract::cli::EXIT_CODES)));
    }
    let help = run(&eryao(), &["help", "import"]).expect("help of one command");
    assert!(
        help.contains("Usage: problem-codes import [OPTIONS] <FILE>"),
        "{help}"
    );
    assert!(help.contains("--name <NAME>"), "{help}");
}
