//! The gate on files: a committed snapshot, acknowledgements, and writing the snapshot
//! on request, from the library function, the test helper and the environment.

use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes_contract::Registry;
use problem_codes_contract::compat::{self, GateError, Settings, gate};
use problem_codes_tests::eryao::Eryao;

mod v1 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
                AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
                AUTH_REFRESH_TOKEN_MISSING = 401 { title: "Refresh token missing on logout", handling: "Clear session" },
            }
        }
    }
}

/// One code removed, one status changed: the change the gate exists to stop.
mod v2 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 503 { title: "OTP request throttled", handling: "Show wait message" },
                AUTH_REFRESH_TOKEN_MISSING = 401 { title: "Refresh token missing on logout", handling: "Clear session" },
            }
        }
    }
}

/// Additive only: a new code.
mod v3 {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
                AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
                AUTH_REFRESH_TOKEN_MISSING = 401 { title: "Refresh token missing on logout", handling: "Clear session" },
                AUTH_ACCOUNT_LOCKED = 423 { title: "Account locked", handling: "Show support contact" },
            }
        }
    }
}

/// A fresh folder for one test's snapshot.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("compat")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join("auth.codes.json")
}

fn record_v1(path: &Path) {
    let outcome = gate(
        &Registry::of::<v1::Auth>(),
        path,
        &Settings::new().overwrite(true),
    )
    .expect("the first snapshot is written");
    assert!(outcome.written());
}

#[test]
fn the_eryao_catalog_keeps_its_committed_snapshot() {
    compat::assert_compatible::<Eryao>("snapshots/eryao.codes.json");
    let committed = std::fs::read_to_string("snapshots/eryao.codes.json").expect("the snapshot");
    assert_eq!(committed, Registry::of::<Eryao>().to_json());
}

#[test]
fn a_removal_and_a_status_change_fail_the_gate_and_write_nothing() {
    let path = scratch("refused");
    record_v1(&path);
    let before = std::fs::read_to_string(&path).expect("the snapshot");
    let err = gate(
        &Registry::of::<v2::Auth>(),
        &path,
        &Settings::new().overwrite(true),
    )
    .expect_err("v2 breaks v1");
    let GateError::Incompatible { report, .. } = &err else {
        panic!("not a compatibility failure: {err}");
    };
    assert_eq!(
        report.to_string(),
        "refused: AUTH_TOO_MANY_REQUESTS changed status from 429 to 503\n\
         refused: AUTH_USER_NOT_FOUND was removed (was 404 \"User not found\"); codes are never deleted: restore it and mark it `deprecated`\n\
         2 refused, 0 acknowledged, 0 allowed: revert the change, or acknowledge it and record the snapshot with \
         `PROBLEM_CODES_ACKNOWLEDGE=AUTH_TOO_MANY_REQUESTS,AUTH_USER_NOT_FOUND PROBLEM_CODES_SNAPSHOT=overwrite cargo test` \
         (or the command `snapshot --acknowledge AUTH_TOO_MANY_REQUESTS,AUTH_USER_NOT_FOUND`)"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("the snapshot"),
        before
    );
}

#[test]
fn acknowledging_every_refused_code_lets_the_change_be_recorded() {
    let path = scratch("acknowledged");
    record_v1(&path);
    let live = Registry::of::<v2::Auth>();
    // One of two acknowledged: still refused.
    let partly = Settings::new()
        .overwrite(true)
        .acknowledge(["AUTH_USER_NOT_FOUND"]);
    assert!(matches!(
        gate(&live, &path, &partly),
        Err(GateError::Incompatible { .. })
    ));

    let both = partly.acknowledge(["AUTH_TOO_MANY_REQUESTS"]);
    let outcome = gate(&live, &path, &both).expect("acknowledged");
    assert!(outcome.written());
    assert!(outcome.report().to_string().starts_with(
        "acknowledged: AUTH_TOO_MANY_REQUESTS changed status from 429 to 503\nacknowledged: AUTH_USER_NOT_FOUND was removed"
    ));
    // The snapshot is now v2: the same catalog passes without acknowledgement.
    let again = gate(&live, &path, &Settings::new()).expect("recorded");
    assert!(again.report().findings().is_empty());
}

#[test]
fn an_addition_passes_and_is_recorded_only_on_request() {
    let path = scratch("added");
    record_v1(&path);
    let live = Registry::of::<v3::Auth>();
    let checked = gate(&live, &path, &Settings::new()).expect("additions are allowed");
    assert!(!checked.written());
    assert_eq!(
        checked.report().to_string(),
        "allowed: AUTH_ACCOUNT_LOCKED was added (423 \"Account locked\")\ncompatible: 0 acknowledged, 1 allowed"
    );
    assert_eq!(
        Registry::from_json(&std::fs::read_to_string(&path).expect("read")),
        Ok(Registry::of::<v1::Auth>())
    );

    let recorded = gate(&live, &path, &Settings::new().overwrite(true)).expect("recorded");
    assert!(recorded.written());
    assert_eq!(
        Registry::from_json(&std::fs::read_to_string(&path).expect("read")),
        Ok(live)
    );
}

#[test]
fn a_missing_or_broken_snapshot_is_a_typed_error() {
    let path = scratch("missing");
    let err = gate(&Registry::of::<v1::Auth>(), &path, &Settings::new()).expect_err("no snapshot");
    assert!(matches!(err, GateError::Missing { .. }));
    assert!(
        err.to_string().ends_with(
            "record the catalog with PROBLEM_CODES_SNAPSHOT=overwrite and commit the file"
        )
    );

    std::fs::write(&path, "{\"format\": 1, \"catalog\": \"Auth\"}").expect("write");
    let err = gate(&Registry::of::<v1::Auth>(), &path, &Settings::new()).expect_err("broken");
    assert!(matches!(err, GateError::Snapshot { .. }));
    assert!(
        err.to_string()
            .ends_with("not a problem-codes registry: `codes` should be an array of codes"),
        "{err}"
    );
}

/// Runs `the_helper_reads_the_environment` again in a child process with `env`, as
/// `cargo test` would with those variables set, where it acts as `child`; the
/// environment cannot be changed inside a running test safely.
fn run_child(case: &str, path: &Path, env: &[(&str, &str)]) -> (bool, String) {
    // The test's name as the harness knows it: its module path without the crate.
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_, module)| module);
    let name = format!("{module}::the_helper_reads_the_environment");
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    command
        .args(["--exact", &name, "--nocapture", "--test-threads=1"])
        .env(CHILD_CASE, case)
        .env(CHILD_PATH, path)
        .env_remove(compat::SNAPSHOT_ENV)
        .env_remove(compat::ACKNOWLEDGE_ENV);
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the child runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr),
    )
}

/// The variables that make `the_helper_reads_the_environment` act as `child`.
const CHILD_CASE: &str = "COMPAT_CHILD_CASE";
const CHILD_PATH: &str = "COMPAT_CHILD_PATH";

/// The helper a user calls, on the catalog `case` names, in the child process.
fn child(case: &str, path: &str) {
    match case {
        "v1" => compat::assert_compatible::<v1::Auth>(path),
        "v2" => compat::assert_compatible::<v2::Auth>(path),
        _ => panic!("unknown case {case}"),
    }
}

#[test]
fn the_helper_reads_the_environment() {
    // In the child, the test is the helper's call and nothing else: no test of its own
    // to count, and nothing for a normal run to skip.
    if let (Ok(case), Ok(path)) = (std::env::var(CHILD_CASE), std::env::var(CHILD_PATH)) {
        child(&case, &path);
        return;
    }
    let path = scratch("env");
    let (ok, out) = run_child("v1", &path, &[]);
    assert!(!ok && out.contains("no snapshot at"), "{out}");

    let (ok, out) = run_child("v1", &path, &[(compat::SNAPSHOT_ENV, "overwrite")]);
    assert!(ok && out.contains("wrote") && path.is_file(), "{out}");

    let (ok, out) = run_child("v2", &path, &[]);
    assert!(
        !ok && out.contains("refused: AUTH_USER_NOT_FOUND was removed"),
        "{out}"
    );

    let acknowledged = [
        (compat::SNAPSHOT_ENV, "overwrite"),
        (
            compat::ACKNOWLEDGE_ENV,
            "AUTH_USER_NOT_FOUND, AUTH_TOO_MANY_REQUESTS",
        ),
    ];
    let (ok, out) = run_child("v2", &path, &acknowledged);
    assert!(
        ok && out.contains("acknowledged: AUTH_USER_NOT_FOUND"),
        "{out}"
    );
    // The removed code stays in the snapshot as a tombstone, with the facts it had.
    let removed = Registry::of::<v1::Auth>()
        .get("AUTH_USER_NOT_FOUND")
        .cloned()
        .expect("v1 has it");
    assert_eq!(
        Registry::from_json(&std::fs::read_to_string(&path).expect("read")),
        Registry::of::<v2::Auth>().with_removed(vec![removed])
    );
}
