//! The OpenAPI document of the utoipa integration, checked by a real validator: the
//! OpenAPI 3.1 schema through `openapi-spec-validator`, and each status's `oneOf` by
//! `jsonschema`, on the examples and on bodies that must and must not match.
//!
//! `.ci/run` installs the validator with
//! `python3 -m pip install -r .ci/python/requirements.txt`; run that once to get it
//! locally, or point `PROBLEM_CODES_PYTHON` at a Python that has it. Outside CI (`CI`
//! unset) a missing validator skips the tests that need it with a message; in CI it
//! fails them.

#![cfg(feature = "utoipa")]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use problem_codes::utoipa::{ProblemResponses, ProblemSchemas};
use problem_codes::{Catalog, Entry, Member, MemberType, Scalar};
use problem_codes_tests::eryao::Eryao;
use serde_json::{Value, json};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::{IntoResponses, Modify, OpenApi};

const DECLINED: &Entry = &Entry::new(
    "BILLING_CARD_DECLINED",
    402,
    "Card declined",
    "/problems/billing-card-declined",
)
.with_handling("Ask for another card")
.with_members(&[
    Member::new("decline_code", MemberType::Text).with_doc("The issuer's reason"),
    Member::new("retryable", MemberType::Boolean).optional(),
]);
const OVER_QUOTA: &Entry = &Entry::new(
    "BILLING_QUOTA_EXCEEDED",
    429,
    "Quota exceeded",
    "/problems/billing-quota-exceeded",
)
.with_members(&[
    Member::new("retry_after", MemberType::Integer),
    Member::new("usage", MemberType::Number),
    Member::new("limits", MemberType::Object(Scalar::Integer)).optional(),
    Member::new("scopes", MemberType::Array(Scalar::Text)).optional(),
]);
const INVALID: &Entry = &Entry::new(
    "BILLING_ADDRESS_INVALID",
    422,
    "Billing address invalid",
    "/problems/billing-address-invalid",
)
.with_members(&[Member::new("errors", MemberType::Errors)]);
const OLD_DECLINED: &Entry = &Entry::new(
    "BILLING_DECLINED",
    402,
    "Declined",
    "/problems/billing-declined",
)
.with_deprecated(Some("BILLING_CARD_DECLINED"));

/// Codes with members of every type, as a catalog with members declares them.
struct Billing;

impl ProblemResponses for Billing {
    fn problem_entries(out: &mut Vec<&'static Entry>) {
        out.extend([DECLINED, OLD_DECLINED, OVER_QUOTA, INVALID]);
    }
}

impl IntoResponses for Billing {
    fn responses() -> BTreeMap<String, utoipa::openapi::RefOr<utoipa::openapi::Response>> {
        problem_codes::utoipa::responses::<Billing>()
    }
}

#[utoipa::path(post, path = "/v1/billing/charge", responses((status = 204, description = "Charged"), Billing))]
#[allow(dead_code, reason = "only its documentation is used")]
fn charge() {}

#[utoipa::path(post, path = "/v1/billing/refund", responses((status = 204, description = "Refunded"), Billing))]
#[allow(dead_code, reason = "only its documentation is used")]
fn refund() {}

#[utoipa::path(get, path = "/v1/everything", responses((status = 200, description = "All", body = String), Eryao))]
#[allow(dead_code, reason = "only its documentation is used")]
fn everything() {}

#[derive(OpenApi)]
#[openapi(paths(charge, refund, everything), modifiers(&ProblemSchemas))]
struct Named;

#[derive(OpenApi)]
#[openapi(paths(charge, refund, everything))]
struct Inline;

/// A component the document names like a code, with another schema.
struct TakenName;

impl Modify for TakenName {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.schemas.insert(
            "BILLING_CARD_DECLINED".to_owned(),
            ObjectBuilder::new().schema_type(Type::String).into(),
        );
    }
}

#[derive(OpenApi)]
#[openapi(paths(charge), modifiers(&TakenName, &ProblemSchemas))]
struct Clash;

fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializable")
}

/// The Python that has `openapi_spec_validator`, or `None` (after saying why) when there
/// is none outside CI.
fn validator() -> Option<String> {
    let python = std::env::var("PROBLEM_CODES_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let found = Command::new(&python)
        .args(["-c", "import openapi_spec_validator"])
        .output()
        .is_ok_and(|output| output.status.success());
    if found {
        return Some(python);
    }
    let how = format!(
        "{python} has no openapi_spec_validator: install it with \
         `python3 -m pip install -r .ci/python/requirements.txt` at the workspace root, \
         or set PROBLEM_CODES_PYTHON to a Python that has it"
    );
    assert!(std::env::var("CI").map_or(true, |ci| ci != "true"), "{how}");
    eprintln!("SKIPPED (not in CI): {how}");
    None
}

/// Validates `doc` against the OpenAPI 3.1 schema; `Ok` or the validator's output.
fn validate(python: &str, name: &str, doc: &Value) -> Result<(), String> {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}.openapi.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(doc).expect("json")).expect("write");
    let output = Command::new(python)
        .args(["-m", "openapi_spec_validator", "--schema", "3.1"])
        .arg(&path)
        .output()
        .expect("the validator runs");
    let said = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    if output.status.success() && said.contains(": OK") {
        Ok(())
    } else {
        Err(said)
    }
}

/// Every problem response of `doc`: (path, status, its `application/problem+json`).
fn problem_contents(doc: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for operation in item.as_object().expect("a path item").values() {
            for (status, response) in operation["responses"].as_object().expect("responses") {
                let content = &response["content"]["application/problem+json"];
                if content.is_object() {
                    found.push((path.clone(), status.clone(), content.clone()));
                }
            }
        }
    }
    found
}

/// The codes each status should list for `path`.
fn expected_codes(path: &str) -> BTreeMap<String, Vec<&'static str>> {
    let mut entries = Vec::new();
    if path == "/v1/everything" {
        entries.extend(Eryao::entries());
    } else {
        Billing::problem_entries(&mut entries);
    }
    let mut by_status: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    for entry in entries {
        by_status
            .entry(entry.status().as_u16().to_string())
            .or_default()
            .push(entry.code());
    }
    by_status
}

#[test]
fn the_document_passes_the_openapi_3_1_validator() {
    let Some(python) = validator() else { return };
    let named = json_of(&Named::openapi());
    assert_eq!(named["openapi"], "3.1.0");
    assert_eq!(validate(&python, "named", &named), Ok(()));
    assert_eq!(
        validate(&python, "inline", &json_of(&Inline::openapi())),
        Ok(())
    );
    assert_eq!(
        validate(&python, "clash", &json_of(&Clash::openapi())),
        Ok(())
    );
}

#[test]
fn the_validator_refuses_a_broken_document() {
    let Some(python) = validator() else { return };
    let mut broken = json_of(&Named::openapi());
    broken["paths"]["/v1/billing/charge"]["post"]["responses"]["402"]["content"]["application/problem+json"]
        ["schema"]["discriminator"] = json!({"mapping": {"BILLING_CARD_DECLINED": 7}});
    let said =
        validate(&python, "broken", &broken).expect_err("no propertyName, a number as a mapping");
    assert!(!said.contains(": OK"), "{said}");
}

#[test]
fn each_status_has_a_discriminator_that_maps_every_code() {
    let doc = json_of(&Named::openapi());
    let components = &doc["components"]["schemas"];
    let contents = problem_contents(&doc);
    assert_eq!(
        contents.len(),
        2 * 3 + expected_codes("/v1/everything").len(),
        "every status of every operation"
    );
    for (path, status, content) in contents {
        let codes = &expected_codes(&path)[&status];
        let schema = &content["schema"];
        assert_eq!(
            schema["discriminator"]["propertyName"], "code",
            "{path} {status}"
        );
        let mapping = schema["discriminator"]["mapping"]
            .as_object()
            .expect("a mapping");
        let mapped: Vec<&str> = mapping.keys().map(String::as_str).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        assert_eq!(mapped, sorted, "{path} {status}");
        let branches = schema["oneOf"].as_array().expect("oneOf");
        assert_eq!(
            branches.len(),
            codes.len() + 1,
            "a branch per code, then other codes"
        );
        for (code, branch) in codes.iter().zip(branches) {
            let reference = format!("#/components/schemas/{code}");
            assert_eq!(mapping[*code], reference.as_str());
            assert_eq!(branch["$ref"], reference.as_str());
            let component = &components[*code];
            assert_eq!(component["properties"]["code"]["enum"], json!([code]));
            assert_eq!(
                component["properties"]["status"]["enum"][0].to_string(),
                status
            );
        }
        let other = branches.last().expect("the branch for other codes");
        assert_eq!(
            other["properties"]["code"]["x-extensible-enum"],
            json!(codes)
        );
    }
}

#[test]
fn a_code_used_by_two_operations_is_named_once() {
    let doc = json_of(&Named::openapi());
    let components = doc["components"]["schemas"].as_object().expect("schemas");
    let mut codes: Vec<&str> = Eryao::entries().map(Entry::code).collect();
    let mut billing = Vec::new();
    Billing::problem_entries(&mut billing);
    codes.extend(billing.iter().map(|entry| entry.code()));
    codes.sort_unstable();
    assert_eq!(
        components.keys().map(String::as_str).collect::<Vec<_>>(),
        codes
    );
}

#[test]
fn members_become_properties_with_their_types() {
    let doc = json_of(&Named::openapi());
    let schemas = &doc["components"]["schemas"];
    let declined = &schemas["BILLING_CARD_DECLINED"];
    assert_eq!(
        declined["required"],
        json!(["type", "title", "status", "code", "decline_code"])
    );
    assert_eq!(declined["properties"]["decline_code"]["type"], "string");
    assert_eq!(
        declined["properties"]["decline_code"]["description"],
        "The issuer's reason"
    );
    assert_eq!(declined["properties"]["retryable"]["type"], "boolean");
    assert_eq!(
        declined["properties"]["type"]["enum"],
        json!(["/problems/billing-card-declined"])
    );
    assert_eq!(
        declined["description"],
        "Card declined. Handling: Ask for another card"
    );
    let quota = &schemas["BILLING_QUOTA_EXCEEDED"]["properties"];
    assert_eq!(quota["retry_after"]["type"], "integer");
    assert_eq!(quota["retry_after"]["minimum"], 0);
    assert_eq!(quota["usage"]["type"], "number");
    assert_eq!(quota["limits"]["additionalProperties"]["type"], "integer");
    assert_eq!(quota["scopes"]["items"]["type"], "string");
    let errors = &schemas["BILLING_ADDRESS_INVALID"]["properties"]["errors"];
    assert_eq!(errors["items"]["required"], json!(["detail", "pointer"]));
    assert_eq!(schemas["BILLING_DECLINED"]["deprecated"], true);
    assert_eq!(declined.get("deprecated"), None);
}

#[test]
fn a_name_taken_by_another_schema_leaves_the_response_inline() {
    let doc = json_of(&Clash::openapi());
    let schema = &doc["paths"]["/v1/billing/charge"]["post"]["responses"]["402"]["content"]["application/problem+json"]
        ["schema"];
    assert_eq!(schema.get("discriminator"), None);
    assert_eq!(
        schema["oneOf"][0]["properties"]["code"]["enum"],
        json!(["BILLING_CARD_DECLINED"])
    );
    assert_eq!(
        doc["components"]["schemas"]["BILLING_CARD_DECLINED"],
        json!({"type": "string"})
    );
    let other = &doc["paths"]["/v1/billing/charge"]["post"]["responses"]["429"]["content"]["application/problem+json"]
        ["schema"];
    assert_eq!(
        other["oneOf"][0]["$ref"], "#/components/schemas/BILLING_QUOTA_EXCEEDED",
        "the other statuses are named"
    );
}

/// A validator for the schema of `path`'s `status` in `doc`, its references resolved in
/// `doc`'s components.
fn body_validator(doc: &Value, path: &str, method: &str, status: &str) -> jsonschema::Validator {
    let schema = &doc["paths"][path][method]["responses"][status]["content"]["application/problem+json"]
        ["schema"];
    let mut root = schema.clone();
    root["components"] = doc["components"].clone();
    jsonschema::draft202012::new(&root).expect("the schema compiles")
}

#[test]
fn each_example_matches_and_bodies_match_exactly_their_code() {
    for doc in [json_of(&Named::openapi()), json_of(&Inline::openapi())] {
        for (path, status, content) in problem_contents(&doc) {
            let method = if path == "/v1/everything" {
                "get"
            } else {
                "post"
            };
            let validator = body_validator(&doc, &path, method, &status);
            for (code, example) in content["examples"].as_object().expect("examples") {
                let value = &example["value"];
                assert!(validator.is_valid(value), "{path} {status} {code}: {value}");
            }
            let newer = json!({"type": "/problems/newer", "title": "Newer", "status": 400, "code": "ZZZ_ADDED_LATER"});
            assert!(
                validator.is_valid(&newer),
                "{path} {status}: a code added later"
            );
            let no_code = json!({"type": "/problems/newer", "title": "Newer", "status": 400});
            assert!(
                !validator.is_valid(&no_code),
                "{path} {status}: `code` is required"
            );
        }
        let declined = body_validator(&doc, "/v1/billing/charge", "post", "402");
        let body = json!({"type": "/problems/billing-card-declined", "title": "Card declined",
            "status": 402, "code": "BILLING_CARD_DECLINED", "decline_code": "insufficient_funds"});
        assert!(declined.is_valid(&body));
        let mut missing = body.clone();
        missing
            .as_object_mut()
            .expect("an object")
            .remove("decline_code");
        assert!(!declined.is_valid(&missing), "a required member is missing");
        let mut mistyped = body.clone();
        mistyped["decline_code"] = json!(51);
        assert!(!declined.is_valid(&mistyped), "a member of the wrong type");
        let mut extended = body;
        extended["trace_id"] = json!("a1");
        assert!(
            declined.is_valid(&extended),
            "an undeclared member is allowed"
        );
    }
}

#[utoipa::path(get, path = "/v1/health", responses((status = 204, description = "Up")))]
#[allow(dead_code, reason = "only its documentation is used")]
fn health() {}

#[derive(OpenApi)]
#[openapi(paths(health), modifiers(&ProblemSchemas))]
struct NoProblems;

#[derive(OpenApi)]
#[openapi(paths(health))]
struct NoProblemsUnmodified;

#[test]
fn a_document_without_problems_is_left_as_it_was() {
    let mut doc = NoProblemsUnmodified::openapi();
    assert_eq!(json_of(&NoProblems::openapi()), json_of(&doc));
    doc.components = None;
    ProblemSchemas.modify(&mut doc);
    assert!(doc.components.is_none(), "no empty `components` added");
}
