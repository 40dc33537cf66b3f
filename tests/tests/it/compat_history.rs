//! The gate keeps history: a removed code is remembered in the snapshot, and it never
//! comes back with another meaning, acknowledged or not.

use std::path::{Path, PathBuf};

use problem_codes_contract::compat::{Finding, GateError, Settings, Verdict, check, gate};
use problem_codes_contract::{Registry, RegistryEntry};

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("compat-history")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join("consumer.codes.json")
}

fn consumer_invalid() -> RegistryEntry {
    RegistryEntry::new("CONSUMER_INVALID", 400, "Consumer is invalid").with_section("Consumers")
}

fn consumer_suspended() -> RegistryEntry {
    RegistryEntry::new("CONSUMER_SUSPENDED", 403, "Consumer is suspended").with_section("Consumers")
}

fn registry(codes: Vec<RegistryEntry>) -> Registry {
    Registry::new("Consumers", codes).expect("a valid registry")
}

fn record(path: &Path, live: &Registry, acknowledged: &[&str]) -> Result<(), GateError> {
    gate(
        live,
        path,
        &Settings::new()
            .overwrite(true)
            .acknowledge(acknowledged.iter().copied()),
    )
    .map(drop)
}

fn snapshot(path: &Path) -> Registry {
    Registry::from_json(&std::fs::read_to_string(path).expect("the snapshot")).expect("a registry")
}

/// The sequence that used to pass: delete, acknowledge, re-add with another meaning.
#[test]
fn a_removed_code_never_comes_back_with_another_meaning() {
    let path = scratch("reused");
    record(
        &path,
        &registry(vec![consumer_invalid(), consumer_suspended()]),
        &[],
    )
    .unwrap();

    // Deleted: refused, then acknowledged and recorded. The snapshot keeps a tombstone.
    let without = registry(vec![consumer_suspended()]);
    assert!(matches!(
        gate(&without, &path, &Settings::new()),
        Err(GateError::Incompatible { .. })
    ));
    record(&path, &without, &["CONSUMER_INVALID"]).unwrap();
    let recorded = snapshot(&path);
    assert!(recorded.get("CONSUMER_INVALID").is_none());
    assert_eq!(
        recorded.get_removed("CONSUMER_INVALID"),
        Some(&consumer_invalid())
    );

    // Back with another status and meaning: refused, and acknowledging does not help.
    let reused = registry(vec![
        consumer_suspended(),
        RegistryEntry::new("CONSUMER_INVALID", 404, "Something else entirely")
            .with_section("Consumers"),
    ]);
    for acknowledged in [&[][..], &["CONSUMER_INVALID"][..]] {
        let Err(GateError::Incompatible { report, .. }) = record(&path, &reused, acknowledged)
        else {
            panic!("a reused code must be refused, acknowledged: {acknowledged:?}");
        };
        let line = report.to_string();
        assert!(
            line.starts_with(
                "refused: CONSUMER_INVALID was removed and is back changed: changed status from 400 to 404; \
                 changed meaning from \"Consumer is invalid\" to \"Something else entirely\"; \
                 a removed code never returns with another meaning, acknowledged or not: give it a new code\n"
            ),
            "{line}"
        );
        assert!(
            line.ends_with("give CONSUMER_INVALID a new code, or restore the facts it had"),
            "{line}"
        );
    }
    // Nothing was written by the refused runs.
    assert_eq!(snapshot(&path), recorded);
}

#[test]
fn a_removed_code_may_come_back_as_it_was() {
    let path = scratch("restored");
    record(
        &path,
        &registry(vec![consumer_invalid(), consumer_suspended()]),
        &[],
    )
    .unwrap();
    record(
        &path,
        &registry(vec![consumer_suspended()]),
        &["CONSUMER_INVALID"],
    )
    .unwrap();

    // The same facts, with new handling text (an allowed change): restored.
    let back = consumer_invalid().with_handling("Ask the admin to fix the consumer");
    let live = registry(vec![consumer_suspended(), back]);
    let findings = check(&snapshot(&path), &live);
    assert_eq!(
        findings[0],
        Finding::Restored {
            code: "CONSUMER_INVALID".into()
        }
    );
    assert!(findings.iter().all(|f| f.verdict() == Verdict::Allowed));
    record(&path, &live, &[]).unwrap();
    let recorded = snapshot(&path);
    assert!(recorded.removed().is_empty());
    assert!(recorded.get("CONSUMER_INVALID").is_some());
}

#[test]
fn tombstones_accumulate_and_survive_a_round_trip() {
    let path = scratch("accumulate");
    let third =
        RegistryEntry::new("CONSUMER_EXPIRED", 410, "Consumer expired").with_section("Consumers");
    record(
        &path,
        &registry(vec![
            consumer_invalid(),
            consumer_suspended(),
            third.clone(),
        ]),
        &[],
    )
    .unwrap();
    record(
        &path,
        &registry(vec![consumer_suspended(), third]),
        &["CONSUMER_INVALID"],
    )
    .unwrap();
    record(
        &path,
        &registry(vec![consumer_suspended()]),
        &["CONSUMER_EXPIRED"],
    )
    .unwrap();

    let recorded = snapshot(&path);
    let removed: Vec<&str> = recorded.removed().iter().map(RegistryEntry::code).collect();
    assert_eq!(removed, ["CONSUMER_INVALID", "CONSUMER_EXPIRED"]);
    // The JSON keeps them in a `removed` array, and reads back to the same registry.
    let json = recorded.to_json();
    assert!(json.contains("\"removed\": ["));
    assert_eq!(Registry::from_json(&json).unwrap(), recorded);
    // An unchanged catalog writes nothing.
    let outcome = gate(
        &registry(vec![consumer_suspended()]),
        &path,
        &Settings::new().overwrite(true),
    )
    .unwrap();
    assert!(!outcome.written());
}

#[test]
fn a_snapshot_may_not_hold_a_code_both_live_and_removed() {
    let json = registry(vec![consumer_invalid()])
        .with_removed(vec![consumer_suspended()])
        .unwrap()
        .to_json()
        .replace("CONSUMER_SUSPENDED", "CONSUMER_INVALID");
    let err = Registry::from_json(&json).unwrap_err();
    assert_eq!(
        err.to_string(),
        "`CONSUMER_INVALID` appears twice; a code has one row"
    );
}
