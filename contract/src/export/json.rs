//! The JSON registry: every code with its facts, in declaration order, for tools in any
//! language, and the format of compatibility snapshots.
//!
//! ```json
//! {
//!   "format": 1,
//!   "catalog": "Eryao",
//!   "codes": [
//!     {
//!       "code": "AUTH_TOO_MANY_REQUESTS",
//!       "status": 429,
//!       "title": "OTP request throttled",
//!       "handling": "Show wait message",
//!       "section": "Auth",
//!       "type": "https://errors.eryao.example/auth-too-many-requests",
//!       "lifecycle": "active"
//!     }
//!   ]
//! }
//! ```
//!
//! A deprecated code has `"lifecycle": "deprecated"` and, when one is named,
//! `"replacement": "OTHER_CODE"`. A snapshot also keeps the codes that were removed, in
//! a `"removed"` array of the same shape after `"codes"` (present only when there are
//! some), so that the [gate](crate::compat) refuses their return with another meaning.
//! A registry with [locales](crate::RegistryLocale) has a `"locales"` array last, each
//! `{"tag": "zh-Hans", "translations": [{"code", "title", "handling"?, "detail"?}]}`.
//! [`SCHEMA`] is the JSON Schema of the document.

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{Map, Value};

use crate::{Registry, RegistryEntry, RegistryError, RegistryLocale, RegistryMember, Translation};
use problem_codes::{Lifecycle, MemberType};

/// The version of the document's shape, its `format` member. [`Registry::from_json`]
/// reads this version only.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryError};
/// use problem_codes_contract::export::json::FORMAT;
///
/// let json = Registry::new("Auth", Vec::new())?.to_json();
/// assert!(json.contains(&format!(r#""format": {FORMAT}"#)));
/// let newer = json.replace(&format!(r#""format": {FORMAT}"#), r#""format": 99"#);
/// assert!(matches!(Registry::from_json(&newer), Err(RegistryError::Malformed { at, .. }) if at == "format"));
/// # Ok::<(), RegistryError>(())
/// ```
pub const FORMAT: u64 = 1;

/// The JSON Schema (draft 2020-12) of the registry document, as published in the
/// crate's `schema/registry.schema.json`.
///
/// ```
/// let schema: serde_json::Value = serde_json::from_str(problem_codes_contract::export::json::SCHEMA)?;
/// assert_eq!(schema["properties"]["format"]["const"], 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub const SCHEMA: &str = include_str!("../../schema/registry.schema.json");

impl Registry {
    /// The JSON registry document, pretty-printed with a final newline, so a committed
    /// snapshot diffs line by line.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Auth", vec![
    ///     RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found").with_section("Auth"),
    /// ])?;
    /// let json = registry.to_json();
    /// assert!(json.contains(r#""type": "/problems/auth-user-not-found""#));
    /// assert_eq!(Registry::from_json(&json)?, registry);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        // Serializing strings and integers into a String cannot fail.
        let mut json = serde_json::to_string_pretty(&Document(self)).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a JSON registry document, such as a committed snapshot.
    ///
    /// # Errors
    ///
    /// [`RegistryError::Json`] when the text is not JSON, [`RegistryError::Malformed`]
    /// naming the member at fault when it is not a registry, and the errors of
    /// [`Registry::new`].
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryError};
    ///
    /// let err = Registry::from_json(r#"{"format":1,"catalog":"Auth","codes":[{"code":"AUTH_X"}]}"#)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "not a problem-codes registry: `codes[0].status` should be a number");
    /// ```
    pub fn from_json(text: &str) -> Result<Registry, RegistryError> {
        let value: Value = serde_json::from_str(text).map_err(|err| RegistryError::Json {
            message: err.to_string(),
        })?;
        let root = object(&value, "")?;
        allow_only(
            root,
            "",
            &["format", "catalog", "codes", "removed", "locales"],
        )?;
        match root.get("format").and_then(Value::as_u64) {
            Some(FORMAT) => {}
            _ => return Err(malformed("format", format!("{FORMAT}"))),
        }
        let name = string(root, "", "catalog")?;
        let codes = root
            .get("codes")
            .and_then(Value::as_array)
            .ok_or_else(|| malformed("codes", "an array of codes"))?
            .iter()
            .enumerate()
            .map(|(i, code)| read_entry(code, &format!("codes[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let removed = match root.get("removed") {
            None => Vec::new(),
            Some(Value::Array(removed)) => removed
                .iter()
                .enumerate()
                .map(|(i, code)| read_entry(code, &format!("removed[{i}]")))
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(malformed("removed", "an array of codes")),
        };
        let locales = match root.get("locales") {
            None => Vec::new(),
            Some(Value::Array(locales)) => locales
                .iter()
                .enumerate()
                .map(|(i, locale)| read_locale(locale, &format!("locales[{i}]")))
                .collect::<Result<Vec<_>, _>>()?,
            Some(_) => return Err(malformed("locales", "an array of locales")),
        };
        let mut registry = Registry::new(name, codes)?.with_removed(removed)?;
        for locale in locales {
            registry = registry.with_registry_locale(locale)?;
        }
        Ok(registry)
    }
}

const ENTRY_MEMBERS: &[&str] = &[
    "code",
    "status",
    "title",
    "handling",
    "section",
    "type",
    "lifecycle",
    "replacement",
    "source",
    "members",
    "schema",
];

const MEMBER_MEMBERS: &[&str] = &["name", "type", "optional", "doc"];

fn read_members(map: &Map<String, Value>, at: &str) -> Result<Vec<RegistryMember>, RegistryError> {
    let Some(members) = map.get("members") else {
        return Ok(Vec::new());
    };
    let at = join(at, "members");
    let members = members
        .as_array()
        .ok_or_else(|| malformed(&at, "an array of members"))?;
    members
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let at = format!("{at}[{i}]");
            let map = object(member, &at)?;
            allow_only(map, &at, MEMBER_MEMBERS)?;
            let ty = string(map, &at, "type")?;
            let ty = MemberType::from_name(&ty).ok_or_else(|| {
                malformed(
                    &join(&at, "type"),
                    "a member type: string, integer, number, boolean, [scalar], {scalar} or errors",
                )
            })?;
            let optional = match map.get("optional") {
                Some(Value::Bool(optional)) => *optional,
                _ => return Err(malformed(&join(&at, "optional"), "true or false")),
            };
            let doc = match map.get("doc") {
                None => String::new(),
                Some(Value::String(doc)) => doc.clone(),
                Some(_) => return Err(malformed(&join(&at, "doc"), "a string")),
            };
            Ok(RegistryMember::new(string(map, &at, "name")?, ty)
                .with_optional(optional)
                .with_doc(doc))
        })
        .collect()
}

fn read_entry(value: &Value, at: &str) -> Result<RegistryEntry, RegistryError> {
    let map = object(value, at)?;
    allow_only(map, at, ENTRY_MEMBERS)?;
    let status = map
        .get("status")
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
        .ok_or_else(|| malformed(&format!("{at}.status"), "a number"))?;
    let entry = RegistryEntry::new(string(map, at, "code")?, status, string(map, at, "title")?)
        .with_handling(string(map, at, "handling")?)
        .with_section(string(map, at, "section")?)
        .with_type_uri(string(map, at, "type")?);
    let lifecycle = Lifecycle::from_name(&string(map, at, "lifecycle")?)
        .ok_or_else(|| malformed(&format!("{at}.lifecycle"), "\"active\" or \"deprecated\""))?;
    let replacement = match map.get("replacement") {
        None => None,
        Some(Value::String(code)) => Some(code.clone()),
        Some(_) => return Err(malformed(&format!("{at}.replacement"), "a string")),
    };
    let entry = entry.with_members(read_members(map, at)?);
    let entry = match map.get("source") {
        None => entry,
        Some(Value::String(source)) => entry.with_source(source.clone()),
        Some(_) => return Err(malformed(&format!("{at}.source"), "a string")),
    };
    match (lifecycle, replacement) {
        (Lifecycle::Active, None) => Ok(entry),
        (Lifecycle::Active, Some(_)) => Err(malformed(
            &format!("{at}.replacement"),
            "absent: only a deprecated code has a replacement",
        )),
        (_, replacement) => Ok(entry.with_deprecated(replacement)),
    }
}

fn read_locale(value: &Value, at: &str) -> Result<RegistryLocale, RegistryError> {
    let map = object(value, at)?;
    allow_only(map, at, &["tag", "translations"])?;
    let tag = string(map, at, "tag")?;
    if !crate::locale::is_tag_shape(&tag) {
        return Err(malformed(&join(at, "tag"), "a BCP 47 language tag"));
    }
    let at_translations = join(at, "translations");
    let translations = map
        .get("translations")
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(&at_translations, "an array of translations"))?
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let at = format!("{at_translations}[{i}]");
            let t = object(t, &at)?;
            allow_only(t, &at, &["code", "title", "handling", "detail"])?;
            let mut translation =
                Translation::new(string(t, &at, "code")?, string(t, &at, "title")?);
            if t.contains_key("handling") {
                translation = translation.with_handling(string(t, &at, "handling")?);
            }
            if t.contains_key("detail") {
                translation = translation.with_detail(string(t, &at, "detail")?);
            }
            Ok(translation)
        })
        .collect::<Result<Vec<_>, RegistryError>>()?;
    Ok(RegistryLocale::new(tag, translations))
}

fn object<'a>(value: &'a Value, at: &str) -> Result<&'a Map<String, Value>, RegistryError> {
    value
        .as_object()
        .ok_or_else(|| malformed(if at.is_empty() { "(document)" } else { at }, "an object"))
}

fn allow_only(map: &Map<String, Value>, at: &str, members: &[&str]) -> Result<(), RegistryError> {
    match map.keys().find(|key| !members.contains(&key.as_str())) {
        None => Ok(()),
        Some(key) => Err(malformed(
            &join(at, key),
            format!("absent: the members are {}", members.join(", ")),
        )),
    }
}

fn string(map: &Map<String, Value>, at: &str, key: &str) -> Result<String, RegistryError> {
    map.get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| malformed(&join(at, key), "a string"))
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

fn malformed(at: &str, expected: impl Into<String>) -> RegistryError {
    RegistryError::Malformed {
        at: at.to_owned(),
        expected: expected.into(),
    }
}

/// The document, serialized member by member in a fixed order.
struct Document<'a>(&'a Registry);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("Registry", 4)?;
        doc.serialize_field("format", &FORMAT)?;
        doc.serialize_field("catalog", self.0.name())?;
        let codes: Vec<Code<'_>> = self.0.codes().iter().map(Code).collect();
        doc.serialize_field("codes", &codes)?;
        if !self.0.removed().is_empty() {
            let removed: Vec<Code<'_>> = self.0.removed().iter().map(Code).collect();
            doc.serialize_field("removed", &removed)?;
        }
        if !self.0.locales().is_empty() {
            let locales: Vec<LocaleDoc<'_>> = self.0.locales().iter().map(LocaleDoc).collect();
            doc.serialize_field("locales", &locales)?;
        }
        doc.end()
    }
}

struct Code<'a>(&'a RegistryEntry);

impl Serialize for Code<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.0;
        let mut code = serializer.serialize_struct("Code", 11)?;
        code.serialize_field("code", e.code())?;
        code.serialize_field("status", &e.status())?;
        code.serialize_field("title", e.title())?;
        code.serialize_field("handling", e.handling())?;
        code.serialize_field("section", e.section())?;
        code.serialize_field("type", e.type_uri())?;
        code.serialize_field("lifecycle", e.lifecycle().as_str())?;
        if let Some(replacement) = e.replacement() {
            code.serialize_field("replacement", replacement)?;
        }
        if let Some(source) = e.source() {
            code.serialize_field("source", source)?;
        }
        if !e.members().is_empty() {
            let members: Vec<MemberDoc<'_>> = e.members().iter().map(MemberDoc).collect();
            code.serialize_field("members", &members)?;
            code.serialize_field("schema", &crate::export::schema::body(e))?;
        }
        code.end()
    }
}

struct LocaleDoc<'a>(&'a RegistryLocale);

impl Serialize for LocaleDoc<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut locale = serializer.serialize_struct("Locale", 2)?;
        locale.serialize_field("tag", self.0.tag())?;
        let translations: Vec<TranslationDoc<'_>> =
            self.0.translations().iter().map(TranslationDoc).collect();
        locale.serialize_field("translations", &translations)?;
        locale.end()
    }
}

struct TranslationDoc<'a>(&'a Translation);

impl Serialize for TranslationDoc<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let t = self.0;
        let mut out = serializer.serialize_struct("Translation", 4)?;
        out.serialize_field("code", t.code())?;
        out.serialize_field("title", t.title())?;
        if let Some(handling) = t.handling() {
            out.serialize_field("handling", handling)?;
        }
        if let Some(detail) = t.detail() {
            out.serialize_field("detail", detail)?;
        }
        out.end()
    }
}

struct MemberDoc<'a>(&'a RegistryMember);

impl Serialize for MemberDoc<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let m = self.0;
        let mut member = serializer.serialize_struct("Member", 4)?;
        member.serialize_field("name", m.name())?;
        member.serialize_field("type", m.ty().name())?;
        member.serialize_field("optional", &m.is_optional())?;
        if !m.doc().is_empty() {
            member.serialize_field("doc", m.doc())?;
        }
        member.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        Registry::new(
            "Auth",
            vec![
                RegistryEntry::new("AUTH_A", 401, "A \"quoted\" | `x`")
                    .with_section("Auth")
                    .with_handling("line\nbreak"),
                RegistryEntry::new("AUTH_B", 401, "B")
                    .with_section("Auth")
                    .with_deprecated(Some("AUTH_A".into())),
                RegistryEntry::new("AUTH_C", 400, "C").with_deprecated(None),
            ],
        )
        .unwrap_or_else(|err| panic!("{err}"))
    }

    #[test]
    fn round_trips() {
        let registry = registry();
        assert_eq!(Registry::from_json(&registry.to_json()), Ok(registry));
    }

    #[test]
    fn names_the_member_at_fault() {
        let json = registry().to_json();
        let cases = [
            (json.replace("\"format\": 1", "\"format\": 2"), "`format`"),
            (
                json.replace("\"status\": 400", "\"status\": \"400\""),
                "`codes[2].status`",
            ),
            (
                json.replacen("\"lifecycle\": \"active\"", "\"lifecycle\": \"gone\"", 1),
                "`codes[0].lifecycle`",
            ),
            (
                json.replacen("\"title\"", "\"tilte\"", 1),
                "`codes[0].tilte`",
            ),
            ("[]".to_owned(), "`(document)`"),
        ];
        for (text, at) in cases {
            let err = Registry::from_json(&text).err().map(|e| e.to_string());
            assert!(
                err.as_deref().is_some_and(|e| e.contains(at)),
                "{at}: {err:?}"
            );
        }
        assert!(matches!(
            Registry::from_json("{"),
            Err(RegistryError::Json { .. })
        ));
        // Every field is validated on the way in, as `Registry::new` validates it.
        for (from, to, field) in [
            (
                "\"replacement\": \"AUTH_A\"",
                "\"replacement\": \"\\\"><script>\"",
                "replacement",
            ),
            (
                "\"type\": \"/problems/auth-a\"",
                "\"type\": \"/problems/a b\"",
                "type",
            ),
            (
                "\"section\": \"Auth\"",
                "\"section\": \"Auth\\n| `X` |\"",
                "section",
            ),
        ] {
            assert!(json.contains(from), "{from}");
            assert!(
                matches!(Registry::from_json(&json.replacen(from, to, 1)), Err(RegistryError::InvalidField { field: f, .. }) if f == field),
                "{field}"
            );
        }
        assert_eq!(
            Registry::from_json(&json.replace("\"code\": \"AUTH_C\"", "\"code\": \"AUTH_A\"")),
            Err(RegistryError::DuplicateCode {
                code: "AUTH_A".into()
            })
        );
        assert_eq!(
            Registry::from_json(&json.replace("\"status\": 400", "\"status\": 200")),
            Err(RegistryError::InvalidStatus {
                code: "AUTH_C".into(),
                status: 200
            })
        );
    }

    #[test]
    fn an_active_code_has_no_replacement() {
        let json = registry().to_json().replace(
            "\"deprecated\",\n      \"replacement\"",
            "\"active\",\n      \"replacement\"",
        );
        assert!(matches!(
            Registry::from_json(&json),
            Err(RegistryError::Malformed { at, .. }) if at == "codes[1].replacement"
        ));
    }
}
