//! Registries from separate repositories merged into one, which the gate and the
//! exports take like any other.

use std::path::Path;

use problem_codes_contract::compat::{Settings, gate};
use problem_codes_contract::{MergeError, Registry, RegistryEntry};
use problem_codes_tests::eryao::{Auth, Avatar};

fn auth() -> Registry {
    Registry::of::<Auth>()
}

#[test]
fn a_merge_records_each_code_source_and_round_trips() {
    let merged =
        Registry::merge("Eryao", [Registry::of::<Auth>(), Registry::of::<Avatar>()]).unwrap();
    assert_eq!(
        merged.codes().len(),
        auth().codes().len() + Registry::of::<Avatar>().codes().len()
    );
    assert_eq!(
        merged
            .get("AUTH_USER_NOT_FOUND")
            .and_then(RegistryEntry::source),
        Some("Auth")
    );
    assert_eq!(
        merged
            .get("AVATAR_FILE_INVALID")
            .and_then(RegistryEntry::source),
        Some("Avatar")
    );
    let json = merged.to_json();
    assert!(json.contains("\"source\": \"Avatar\""));
    assert_eq!(Registry::from_json(&json).as_ref(), Ok(&merged));
    // A merged registry merges again, keeping the sources it has.
    let again = Registry::merge("All", [merged.clone()]).unwrap();
    assert_eq!(again.codes(), merged.codes());
    // The exports take it.
    assert!(merged.to_typescript().contains("AVATAR_FILE_INVALID"));
    assert_eq!(merged.to_html().len(), merged.codes().len() + 1);
}

#[test]
fn the_same_code_with_the_same_facts_is_kept_once() {
    let merged = Registry::merge("Twice", [auth(), auth()]).unwrap();
    assert_eq!(merged.codes().len(), auth().codes().len());
}

#[test]
fn a_code_declared_twice_with_other_facts_names_both_sources() {
    let other = Registry::new(
        "profile-repo",
        vec![
            RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")
                .with_section("Auth")
                .with_type_uri("https://errors.eryao.example/auth-user-not-found")
                .with_handling("Redirect to signup"),
        ],
    )
    .unwrap();
    let err = Registry::merge("All", [auth(), other]).unwrap_err();
    let MergeError::Conflict {
        code,
        first,
        second,
        differences,
    } = &err
    else {
        panic!("{err}");
    };
    assert_eq!(
        (code.as_str(), first.as_str(), second.as_str()),
        ("AUTH_USER_NOT_FOUND", "Auth", "profile-repo")
    );
    assert_eq!(
        differences,
        &[
            "changed handling from \"Show not-found message where applicable\" to \"Redirect to signup\""
        ]
    );
}

#[test]
fn removed_codes_merge_and_cannot_be_live_elsewhere_with_other_facts() {
    let gone =
        RegistryEntry::new("LEGACY_LOGIN_USED", 410, "Legacy login removed").with_section("Legacy");
    let legacy = Registry::new("legacy-repo", Vec::new())
        .unwrap()
        .with_removed(vec![gone.clone()])
        .unwrap();
    let merged = Registry::merge("All", [auth(), legacy.clone()]).unwrap();
    assert_eq!(
        merged
            .get_removed("LEGACY_LOGIN_USED")
            .and_then(RegistryEntry::source),
        Some("legacy-repo")
    );

    // Live elsewhere with the facts it had: live wins.
    let revived = Registry::new("new-repo", vec![gone]).unwrap();
    let merged = Registry::merge("All", [legacy.clone(), revived]).unwrap();
    assert!(merged.get("LEGACY_LOGIN_USED").is_some() && merged.removed().is_empty());

    // Live elsewhere with another meaning: refused.
    let reused = Registry::new(
        "new-repo",
        vec![RegistryEntry::new("LEGACY_LOGIN_USED", 410, "Something new").with_section("Legacy")],
    )
    .unwrap();
    assert!(matches!(
        Registry::merge("All", [legacy, reused]),
        Err(MergeError::Conflict { .. })
    ));
}

#[test]
fn the_gate_takes_a_merged_registry() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("merge-gate");
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("all.codes.json");
    let merged = Registry::merge("All", [auth(), Registry::of::<Avatar>()]).unwrap();
    gate(&merged, &path, &Settings::new().overwrite(true)).unwrap();
    let outcome = gate(&merged, &path, &Settings::new()).unwrap();
    assert!(outcome.report().findings().is_empty());
    let without_avatar = Registry::merge("All", [auth()]).unwrap();
    assert!(gate(&without_avatar, &path, &Settings::new()).is_err());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A scratch folder of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("problem-codes-merge-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_merge_command_merges_files_and_the_other_commands_take_the_result() {
    use problem_codes_contract::cli::Cli;

    let dir = scratch("cli");
    let avatar = dir.join("avatar.codes.json");
    std::fs::write(&avatar, Registry::of::<Avatar>().to_json()).unwrap();
    let merged_path = dir.join("org.codes.json");

    // The program's catalog first, then the files, under the name asked for.
    let cli = Cli::new::<Auth>();
    let mut out = Vec::new();
    let avatar_arg = avatar.to_str().unwrap();
    let merged_arg = merged_path.to_str().unwrap();
    cli.execute(
        [
            "merge",
            avatar_arg,
            "--name",
            "Organisation",
            "--output",
            merged_arg,
        ],
        &mut out,
    )
    .unwrap();
    let expected = Registry::merge(
        "Organisation",
        [Registry::of::<Auth>(), Registry::of::<Avatar>()],
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        format!(
            "wrote {} codes from 2 registries to {}\n",
            expected.codes().len(),
            merged_path.display()
        )
    );
    let written = std::fs::read_to_string(&merged_path).unwrap();
    assert_eq!(written, expected.to_json());

    // Printed when no output is given.
    let mut printed = Vec::new();
    cli.execute(
        ["merge", avatar_arg, "--name", "Organisation"],
        &mut printed,
    )
    .unwrap();
    assert_eq!(String::from_utf8(printed).unwrap(), expected.to_json());

    // `--registry` points every command at the merged file.
    let mut ts = Vec::new();
    cli.execute(["--registry", merged_arg, "typescript"], &mut ts)
        .unwrap();
    assert_eq!(String::from_utf8(ts).unwrap(), expected.to_typescript());
    let snapshot = dir.join("org.snapshot.json");
    let snapshot_arg = snapshot.to_str().unwrap();
    cli.execute(
        ["snapshot", snapshot_arg, "--registry", merged_arg],
        &mut Vec::new(),
    )
    .unwrap();
    let mut check = Vec::new();
    cli.execute(
        ["--registry", merged_arg, "check", snapshot_arg],
        &mut check,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(check).unwrap(),
        "the catalog matches its snapshot\n"
    );
    // The catalog alone lacks the avatar codes, so against that snapshot it is refused.
    let err = cli
        .execute(["check", snapshot_arg], &mut Vec::new())
        .unwrap_err();
    assert_eq!(err.exit_code(), 1);
    assert!(err.to_string().contains("AVATAR_FILE_INVALID"), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_merge_command_names_both_sources_of_a_conflict_and_bad_files() {
    use problem_codes_contract::cli::Cli;

    let dir = scratch("conflict");
    let rogue = Registry::new(
        "profile-service",
        vec![RegistryEntry::new(
            "AUTH_USER_NOT_FOUND",
            410,
            "User deleted",
        )],
    )
    .unwrap();
    let rogue_path = dir.join("profile.codes.json");
    std::fs::write(&rogue_path, rogue.to_json()).unwrap();
    let cli = Cli::new::<Auth>();
    let mut out = Vec::new();
    let err = cli
        .execute(["merge", rogue_path.to_str().unwrap()], &mut out)
        .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    let message = err.to_string();
    assert!(
        message.starts_with(
            "cannot merge: AUTH_USER_NOT_FOUND is declared by Auth and by profile-service"
        ),
        "{message}"
    );
    assert!(
        message.contains("changed status from 404 to 410"),
        "{message}"
    );
    assert!(out.is_empty(), "nothing is printed on a conflict");

    let not_json = dir.join("notes.md");
    std::fs::write(&not_json, "# not a registry").unwrap();
    let err = cli
        .execute(["merge", not_json.to_str().unwrap()], &mut Vec::new())
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: not a JSON registry: ", not_json.display())),
        "{err}"
    );
    let missing = dir.join("missing.json");
    let err = cli
        .execute(
            ["--registry", missing.to_str().unwrap(), "json"],
            &mut Vec::new(),
        )
        .unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!("{}: ", missing.display())),
        "{err}"
    );
    // A merge needs at least one file.
    let err = cli.execute(["merge"], &mut Vec::new()).unwrap_err();
    assert!(err.to_string().contains("<REGISTRIES>..."), "{err}");
    std::fs::remove_dir_all(&dir).unwrap();
}
