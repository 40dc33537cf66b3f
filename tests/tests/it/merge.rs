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
