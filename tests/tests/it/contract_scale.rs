//! The tooling at 100,000 codes: building, checking, reading back and importing a registry are
//! O(n log n), so a large organisation's merged registry stays a matter of seconds.
//! (A quadratic pass here, as `Registry::get` inside the check once was, takes minutes.)

use problem_codes_contract::compat::{Finding, check};
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::import;
use problem_codes_contract::{Registry, RegistryEntry};

const CODES: usize = 100_000;

fn registry(status_of: impl Fn(usize) -> u16) -> Registry {
    let codes = (0..CODES)
        .map(|i| {
            RegistryEntry::new(format!("CODE_{i:06}"), status_of(i), format!("Title {i}"))
                .with_section(format!("Section {}", i / 10))
        })
        .collect();
    Registry::new("Large", codes).expect("a valid registry")
}

#[test]
fn a_registry_of_100k_codes_is_built_checked_and_read_back() {
    let before = registry(|_| 400);
    let after = registry(|i| if i % 10_000 == 0 { 409 } else { 400 });
    let findings = check(&before, &after);
    assert_eq!(findings.len(), CODES / 10_000);
    assert!(findings.iter().all(|f| matches!(
        f,
        Finding::StatusChanged {
            from: 400,
            to: 409,
            ..
        }
    )));
    assert!(check(&after, &after).is_empty());

    let json = after.to_json();
    assert_eq!(Registry::from_json(&json).as_ref(), Ok(&after));
    assert_eq!(
        after.get("CODE_099999").map(RegistryEntry::status),
        Some(400)
    );
    assert_eq!(after.sections().count(), CODES / 10);

    // The Markdown document of 10,000 sections imports back: the importer's duplicate
    // section check is a lookup, not a scan of the sections seen so far.
    let markdown = after.to_markdown(&MarkdownOptions::new());
    let imported = import::markdown(&markdown).expect("the export imports");
    assert_eq!(imported.registry().codes().len(), CODES);
    assert_eq!(
        imported.registry().to_markdown(&MarkdownOptions::new()),
        markdown
    );
}
