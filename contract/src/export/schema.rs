//! The JSON Schema (draft 2020-12) of one code's body: the RFC 9457 members with the
//! code's own `code`, `status` and `type`, and the extension members it declares. The
//! JSON registry carries it per code (`"schema"`), for validators in any language.
//!
//! ```
//! use problem_codes::MemberType;
//! use problem_codes_contract::{RegistryEntry, RegistryMember};
//! use problem_codes_contract::export::schema;
//!
//! let entry = RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
//!     .with_members(vec![RegistryMember::new("balance", MemberType::Integer)]);
//! let schema = schema::body(&entry);
//! assert_eq!(schema["properties"]["code"]["const"], "POINTS_INSUFFICIENT_BALANCE");
//! assert_eq!(schema["properties"]["balance"]["type"], "integer");
//! assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "code", "balance"]));
//! ```

use problem_codes::{MemberType, Scalar};
use serde_json::{Map, Value, json};

use crate::RegistryEntry;

/// The schema of a body of `entry`'s code (see the [module documentation](self)).
/// Other members are allowed: a client ignores members it does not know.
#[must_use]
pub fn body(entry: &RegistryEntry) -> Value {
    let mut properties = Map::new();
    properties.insert("type".into(), json!({ "const": entry.type_uri() }));
    properties.insert("title".into(), json!({ "type": "string" }));
    properties.insert("status".into(), json!({ "const": entry.status() }));
    properties.insert("detail".into(), json!({ "type": "string" }));
    properties.insert(
        "instance".into(),
        json!({ "type": "string", "format": "uri-reference" }),
    );
    properties.insert("code".into(), json!({ "const": entry.code() }));
    let mut required: Vec<Value> = ["type", "title", "status", "code"]
        .into_iter()
        .map(Value::from)
        .collect();
    for member in entry.members() {
        let mut schema = member_type(member.ty());
        if !member.doc().is_empty()
            && let Some(object) = schema.as_object_mut()
        {
            object.insert("description".into(), member.doc().into());
        }
        properties.insert(member.name().to_owned(), schema);
        if !member.is_optional() {
            required.push(member.name().into());
        }
    }
    sorted(json!({
        "type": "object",
        "required": required,
        "properties": properties,
    }))
}

/// `value` with every object's keys in sorted order, so the JSON registry is the same
/// bytes whether or not `serde_json`'s `preserve_order` is on in the build (feature
/// unification turns it on in some builds and not in others).
fn sorted(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The schema of a value of `ty`.
#[must_use]
pub fn member_type(ty: MemberType) -> Value {
    match ty {
        MemberType::Array(item) => json!({ "type": "array", "items": scalar(item) }),
        MemberType::Object(value) => {
            json!({ "type": "object", "additionalProperties": scalar(value) })
        }
        MemberType::Errors => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "detail": { "type": "string" },
                    "pointer": { "type": "string" },
                },
            },
        }),
        MemberType::Text => scalar(Scalar::Text),
        MemberType::Integer => scalar(Scalar::Integer),
        MemberType::Number => scalar(Scalar::Number),
        MemberType::Boolean => scalar(Scalar::Boolean),
        // `MemberType` is non-exhaustive: a type added later is at least some value.
        _ => json!({}),
    }
}

fn scalar(scalar: Scalar) -> Value {
    json!({ "type": scalar.name() })
}
