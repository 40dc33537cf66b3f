//! The gate's member rules: what a frontend reads of a code's body keeps its shape.

use problem_codes::MemberType;
use problem_codes_contract::compat::{Report, Verdict, check};
use problem_codes_contract::{Registry, RegistryEntry, RegistryError, RegistryMember};

fn registry(members: Vec<RegistryMember>) -> Registry {
    Registry::new(
        "Points",
        vec![
            RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
                .with_members(members),
        ],
    )
    .expect("a valid registry")
}

fn balance() -> RegistryMember {
    RegistryMember::new("balance", MemberType::Integer).with_doc("Points the user has")
}

fn required() -> RegistryMember {
    RegistryMember::new("required", MemberType::Integer)
}

/// Each change alone: its one line, and its verdict.
#[test]
fn each_member_rule() {
    let before = registry(vec![balance(), required()]);
    let cases: [(Vec<RegistryMember>, &str, Verdict); 7] = [
        (
            vec![balance()],
            "POINTS_INSUFFICIENT_BALANCE no longer has member `required`",
            Verdict::Refused,
        ),
        (
            vec![balance(), RegistryMember::new("required", MemberType::Text)],
            "POINTS_INSUFFICIENT_BALANCE changed the type of member `required` from integer to string",
            Verdict::Refused,
        ),
        (
            vec![
                balance(),
                required(),
                RegistryMember::new("shortfall", MemberType::Integer),
            ],
            "POINTS_INSUFFICIENT_BALANCE added required member `shortfall` (integer)",
            Verdict::Refused,
        ),
        (
            vec![balance(), required().optional()],
            "POINTS_INSUFFICIENT_BALANCE made member `required` optional",
            Verdict::Refused,
        ),
        (
            vec![
                balance(),
                required(),
                RegistryMember::new("top_up_url", MemberType::Text).optional(),
            ],
            "POINTS_INSUFFICIENT_BALANCE added optional member `top_up_url` (string)",
            Verdict::Allowed,
        ),
        (
            vec![balance().with_doc("Points left"), required()],
            "POINTS_INSUFFICIENT_BALANCE changed the doc line of member `balance`",
            Verdict::Allowed,
        ),
        (vec![required(), balance()], "", Verdict::Allowed),
    ];
    for (members, line, verdict) in cases {
        let findings = check(&before, &registry(members));
        if line.is_empty() {
            assert!(
                findings.is_empty(),
                "reordering members is no change: {findings:?}"
            );
            continue;
        }
        assert_eq!(findings.len(), 1, "{line}: {findings:?}");
        assert_eq!(findings[0].to_string(), line);
        assert_eq!(findings[0].verdict(), verdict, "{line}");
    }
    // An optional member made required breaks old bodies too.
    let optional = registry(vec![balance(), required().optional()]);
    let findings = check(&optional, &before);
    assert_eq!(
        findings[0].to_string(),
        "POINTS_INSUFFICIENT_BALANCE made member `required` required"
    );
    assert!(!Report::new(findings, Vec::<String>::new()).is_compatible());
}

#[test]
fn members_round_trip_through_the_json_registry_with_a_schema_per_code() {
    let registry = registry(vec![balance(), required().optional()]);
    let json = registry.to_json();
    assert!(json.contains("\"members\": ["), "{json}");
    assert!(json.contains("\"schema\": {"), "{json}");
    assert_eq!(Registry::from_json(&json).as_ref(), Ok(&registry));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The document, members and tombstones included, is valid against the registry's schema.
    let registry_schema: serde_json::Value =
        serde_json::from_str(problem_codes_contract::export::json::SCHEMA).unwrap();
    let document = jsonschema::validator_for(&registry_schema).expect("the registry schema");
    let with_tombstone = registry
        .clone()
        .with_removed(vec![
            RegistryEntry::new("POINTS_GONE", 410, "Gone").with_source("legacy"),
        ])
        .unwrap();
    for json in [
        value.clone(),
        serde_json::from_str(&with_tombstone.to_json()).unwrap(),
    ] {
        let errors: Vec<String> = document.iter_errors(&json).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
    let schema = &value["codes"][0]["schema"];
    assert_eq!(
        schema["required"],
        serde_json::json!(["type", "title", "status", "code", "balance"])
    );
    // The per-code schema accepts a real body and refuses one with a mistyped member.
    let validator = jsonschema::validator_for(schema).expect("a valid schema");
    let body = serde_json::json!({
        "type": "/problems/points-insufficient-balance", "title": "Not enough points",
        "status": 402, "code": "POINTS_INSUFFICIENT_BALANCE", "balance": 3, "required": 10,
    });
    assert!(validator.is_valid(&body));
    let mut wrong = body.clone();
    wrong["balance"] = "3".into();
    assert!(!validator.is_valid(&wrong));
    let mut missing = body;
    missing.as_object_mut().unwrap().remove("balance");
    assert!(!validator.is_valid(&missing));
}

#[test]
fn members_are_checked_on_every_way_in() {
    let err = Registry::new(
        "Points",
        vec![RegistryEntry::new("POINTS_X", 402, "X").with_members(vec![balance(), balance()])],
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "member `balance` of `POINTS_X`: is declared twice"
    );
    for (name, ty) in [
        ("title", MemberType::Text),
        ("retry_after", MemberType::Text),
        ("bad-name", MemberType::Text),
    ] {
        let err = Registry::new(
            "Points",
            vec![
                RegistryEntry::new("POINTS_X", 402, "X")
                    .with_members(vec![RegistryMember::new(name, ty)]),
            ],
        )
        .unwrap_err();
        assert!(
            matches!(err, RegistryError::InvalidMember { .. }),
            "{name}: {err}"
        );
    }
    let json = registry(vec![balance()])
        .to_json()
        .replace("\"integer\"", "\"int\"");
    assert!(
        Registry::from_json(&json)
            .unwrap_err()
            .to_string()
            .contains("members[0].type")
    );
}
