//! The JSON registry: the eryao catalog's export, validated against the published JSON
//! Schema by an independent validator, and read back.

use problem_codes::{Catalog, Lifecycle};
use problem_codes_contract::export::json::SCHEMA;
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::Eryao;
use serde_json::{Value, json};

fn schema() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("the schema is a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|err| format!("{}: {err}", err.instance_path()))
        .collect()
}

/// Where the meta-schema finds fault with `schema`, one line per error.
fn meta_errors(schema: &Value) -> Vec<String> {
    jsonschema::draft202012::meta::validator()
        .iter_errors(schema)
        .map(|err| format!("{}: {err}", err.instance_path()))
        .collect()
}

#[test]
fn the_published_schema_satisfies_the_draft_2020_12_meta_schema() {
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    assert_eq!(
        schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
        "the schema declares the draft it is checked against"
    );
    assert_eq!(meta_errors(&schema), Vec::<String>::new());

    // And it can fail: a keyword of the wrong type is found, at its place.
    let mut broken = schema.clone();
    broken["required"] = json!("codes");
    assert_eq!(meta_errors(&broken).len(), 1, "{:?}", meta_errors(&broken));
    assert!(meta_errors(&broken)[0].starts_with("/required: "));
}

#[test]
fn the_eryao_export_satisfies_the_schema() {
    let validator = schema();
    let doc: Value = serde_json::from_str(&Registry::of::<Eryao>().to_json()).expect("JSON");
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());

    // Declaration order, and every fact of one code.
    let codes = doc["codes"].as_array().expect("an array");
    assert_eq!(codes.len(), Eryao::ALL.len());
    for (code, catalog) in codes.iter().zip(Eryao::ALL) {
        assert_eq!(code["code"], catalog.as_str());
    }
    assert_eq!(
        codes[1],
        json!({
            "code": "AUTH_TOO_MANY_REQUESTS",
            "status": 429,
            "title": "OTP request throttled",
            "handling": "Show wait message",
            "section": "Auth",
            "type": "https://errors.eryao.example/auth-too-many-requests",
            "lifecycle": "active",
            "members": [{
                "name": "retry_after",
                "type": "integer",
                "optional": false,
                "doc": "Seconds to wait before asking again; also sent as `Retry-After`.",
            }],
            "schema": {
                "type": "object",
                "properties": {
                    "type": { "const": "https://errors.eryao.example/auth-too-many-requests" },
                    "title": { "type": "string" },
                    "status": { "const": 429 },
                    "detail": { "type": "string" },
                    "instance": { "type": "string", "format": "uri-reference" },
                    "code": { "const": "AUTH_TOO_MANY_REQUESTS" },
                    "retry_after": {
                        "type": "integer",
                        "description": "Seconds to wait before asking again; also sent as `Retry-After`.",
                    },
                },
                "required": ["type", "title", "status", "code", "retry_after"],
            },
        })
    );
    assert_eq!(doc["catalog"], "Eryao");
    assert_eq!(doc["format"], 1);
}

#[test]
fn a_deprecated_code_satisfies_the_schema_and_round_trips() {
    let validator = schema();
    let registry = Registry::new(
        "Auth",
        vec![
            RegistryEntry::new("AUTH_VERIFICATION_CODE_INVALID", 401, "Invalid OTP code"),
            RegistryEntry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code")
                .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID".into())),
            RegistryEntry::new("AUTH_LEGACY", 400, "Legacy").with_deprecated(None),
        ],
    )
    .expect("a valid registry");
    let text = registry.to_json();
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());
    assert_eq!(doc["codes"][1]["lifecycle"], "deprecated");
    assert_eq!(
        doc["codes"][1]["replacement"],
        "AUTH_VERIFICATION_CODE_INVALID"
    );
    assert!(doc["codes"][2].get("replacement").is_none());

    let back = Registry::from_json(&text).expect("reads back");
    assert_eq!(back, registry);
    assert_eq!(back.codes()[1].lifecycle(), Lifecycle::Deprecated);
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let validator = schema();
    let good: Value = serde_json::from_str(&Registry::of::<Eryao>().to_json()).expect("JSON");
    let broken = [
        ("/codes/0/status", json!(200)),
        ("/codes/0/code", json!("auth_lowercase")),
        ("/codes/0/lifecycle", json!("retired")),
        ("/codes/0/replacement", json!("AUTH_USER_NOT_FOUND")),
        ("/codes/0/extra", json!(true)),
        ("/format", json!(2)),
    ];
    for (pointer, value) in broken {
        let mut doc = good.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        doc.pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .insert(key.to_owned(), value);
        assert!(
            !errors(&validator, &doc).is_empty(),
            "the schema accepts {pointer}"
        );
        let text = serde_json::to_string(&doc).expect("JSON");
        assert!(
            Registry::from_json(&text).is_err(),
            "the reader accepts {pointer}"
        );
    }
}
