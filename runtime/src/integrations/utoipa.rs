//! `utoipa`: OpenAPI responses for every problem code type.
//!
//! Every type that derives [`ProblemCode`](crate::ProblemCode), and every catalog,
//! implements [`utoipa::IntoResponses`]: one response per status, whose
//! `application/problem+json` content has one example per code and a schema that is
//! `oneOf` a schema per code (its `code`, `status`, `type` and members) and a last one
//! for a code added after the document was generated ([`status_schema`]). Add the
//! [`ProblemSchemas`] modifier to the `OpenApi` derive to name the per-code schemas in
//! `components/schemas` and get a `discriminator` on `code` that maps every code. A type
//! whose crate writes its own `IntoResponses` opts out with
//! `#[problem(skip_impl(utoipa))]`.
//!
//! ```
//! use problem_codes::ProblemCode;
//! use utoipa::IntoResponses;
//! # problem_codes::error_catalog! { pub catalog Avatar { section "Avatar" {
//! #     AVATAR_FILE_INVALID = 422 { title: "Avatar mime type or size is invalid", handling: "Show file hint" },
//! #     AVATAR_PATH_SCOPE_INVALID = 422 { title: "Avatar path does not belong to current user scope", handling: "Refresh" },
//! #     AVATAR_UPLOAD_FAILED = 502 { title: "Backend failed to upload avatar bytes to storage", handling: "Retry" },
//! # } } }
//!
//! #[derive(Debug, ProblemCode)]
//! #[problem(catalog = Avatar)]
//! enum AvatarError {
//!     #[problem(AVATAR_FILE_INVALID)]
//!     BadMime,
//!     #[problem(AVATAR_PATH_SCOPE_INVALID)]
//!     OutOfScope,
//!     #[problem(AVATAR_UPLOAD_FAILED)]
//!     Upload,
//! }
//!
//! let responses = AvatarError::responses();
//! assert_eq!(responses.keys().collect::<Vec<_>>(), ["422", "502"]);
//! let doc = serde_json::to_value(&responses["422"])?;
//! let content = &doc["content"]["application/problem+json"];
//! assert_eq!(content["examples"]["AVATAR_PATH_SCOPE_INVALID"]["value"]["status"], 422);
//! let branches = &content["schema"]["oneOf"];
//! assert_eq!(branches[0]["properties"]["code"]["enum"], serde_json::json!(["AVATAR_FILE_INVALID"]));
//! assert_eq!(branches[1]["properties"]["code"]["enum"], serde_json::json!(["AVATAR_PATH_SCOPE_INVALID"]));
//! let other = &branches[2]["properties"]["code"];
//! assert_eq!(other["x-extensible-enum"], serde_json::json!(["AVATAR_FILE_INVALID", "AVATAR_PATH_SCOPE_INVALID"]));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Use it in `#[utoipa::path(responses((status = 200, body = Avatar), AvatarError))]`, and
//! `#[openapi(paths(…), modifiers(&problem_codes::utoipa::ProblemSchemas))]`.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::marker::PhantomData;

use serde_json::{Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::extensions::ExtensionsBuilder;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    AdditionalProperties, AnyOfBuilder, ArrayBuilder, Discriminator, ObjectBuilder, OneOf,
    OneOfBuilder, Ref, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{Deprecated, OpenApi};

use crate::{Entry, Lifecycle, Member, MemberType, PROBLEM_JSON, Problem, ProblemCode, Scalar};

/// A type whose values carry a known set of codes: every derived type and every
/// catalog implements it, through the macros. Implement it by hand for a hand-written
/// [`ProblemCode`] type that a derived enum wraps with `transparent`, so its codes show
/// in the OpenAPI document too.
///
/// ```
/// use problem_codes::Entry;
/// use problem_codes::utoipa::ProblemResponses;
///
/// struct Teapot;
/// impl ProblemResponses for Teapot {
///     fn problem_entries(out: &mut Vec<&'static Entry>) {
///         const E: &Entry = &Entry::new("TEAPOT", 418, "I'm a teapot", "/problems/teapot");
///         out.push(E);
///     }
/// }
/// assert!(problem_codes::utoipa::responses::<Teapot>().contains_key("418"));
/// ```
pub trait ProblemResponses {
    /// Appends the entry of every code a value of this type may carry. See the example
    /// on [`ProblemResponses`].
    fn problem_entries(out: &mut Vec<&'static Entry>);
}

impl<T: ProblemResponses + ?Sized> ProblemResponses for Box<T> {
    fn problem_entries(out: &mut Vec<&'static Entry>) {
        T::problem_entries(out);
    }
}

impl<T: ProblemResponses + ?Sized> ProblemResponses for std::sync::Arc<T> {
    fn problem_entries(out: &mut Vec<&'static Entry>) {
        T::problem_entries(out);
    }
}

/// The responses of the codes of `P`: one per status, in status order, each listing
/// its codes in the description, with the problem schema and an example per code.
/// A code listed twice is described once.
///
/// ```
/// use problem_codes::utoipa::responses;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// let responses = responses::<Auth>();
/// assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "429"]);
/// let doc = serde_json::to_value(&responses["429"])?;
/// assert_eq!(doc["description"], "Too Many Requests: `AUTH_TOO_MANY_REQUESTS` (OTP request throttled)");
/// let example = &doc["content"]["application/problem+json"]["examples"]["AUTH_TOO_MANY_REQUESTS"];
/// assert_eq!(example["description"], "Show wait message");
/// assert_eq!(example["value"]["code"], "AUTH_TOO_MANY_REQUESTS");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn responses<P: ProblemResponses + ?Sized>() -> BTreeMap<String, RefOr<Response>> {
    let mut entries = Vec::new();
    P::problem_entries(&mut entries);
    let mut by_status: BTreeMap<u16, Vec<&'static Entry>> = BTreeMap::new();
    for entry in entries {
        let codes = by_status.entry(entry.status().as_u16()).or_default();
        if !codes.iter().any(|known| known.code() == entry.code()) {
            codes.push(entry);
        }
    }
    by_status
        .into_iter()
        .map(|(status, entries)| (status.to_string(), RefOr::T(response(&entries))))
        .collect()
}

fn response(entries: &[&'static Entry]) -> Response {
    let reason = entries
        .first()
        .and_then(|entry| entry.status().canonical_reason())
        .unwrap_or("Error");
    let codes: Vec<String> = entries
        .iter()
        .map(|entry| format!("`{}` ({})", entry.code(), entry.title()))
        .collect();
    let examples = entries.iter().map(|entry| {
        let mut example = ExampleBuilder::new()
            .summary(entry.title())
            .value(Some(example_value(entry)));
        if !entry.handling().is_empty() {
            example = example.description(entry.handling());
        }
        (entry.code(), example.build())
    });
    let content = ContentBuilder::new()
        .schema(Some(status_schema(entries)))
        .examples_from_iter(examples)
        .build();
    ResponseBuilder::new()
        .description(format!("{reason}: {}", codes.join(", ")))
        .content(PROBLEM_JSON, content)
        .build()
}

/// The document an entry renders with no per-occurrence parts, and a placeholder
/// value for each required member, so that the example is valid under its schema.
fn example_value(entry: &'static Entry) -> Value {
    struct Bare(&'static Entry);
    impl ProblemCode for Bare {
        fn entry(&self) -> &'static Entry {
            self.0
        }
    }
    let mut value = serde_json::from_slice(&Bare(entry).to_json()).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        for member in entry.members().iter().filter(|m| !m.is_optional()) {
            object.insert(member.name().to_owned(), placeholder(member.ty()));
        }
    }
    value
}

/// A value of type `ty` for an example body.
fn placeholder(ty: MemberType) -> Value {
    let scalar = |scalar: Scalar| match scalar {
        Scalar::Text => json!("string"),
        Scalar::Integer => json!(0),
        Scalar::Number => json!(0.5),
        Scalar::Boolean => json!(false),
    };
    match ty {
        MemberType::Text => scalar(Scalar::Text),
        MemberType::Integer => scalar(Scalar::Integer),
        MemberType::Number => scalar(Scalar::Number),
        MemberType::Boolean => scalar(Scalar::Boolean),
        MemberType::Array(item) => json!([scalar(item)]),
        MemberType::Object(item) => json!({ "key": scalar(item) }),
        MemberType::Errors => json!([{ "detail": "must not be empty", "pointer": "#/name" }]),
    }
}

/// The extension on a per-code schema that names its code, so that [`ProblemSchemas`]
/// finds it in a document.
const CODE_EXTENSION: &str = "x-problem-code";

/// The schema of one status's problem documents: `oneOf` the schema of each code
/// ([`code_schema`]) and, last, the schema of a problem whose code is none of them, since
/// codes are added over time and a client must take them.
///
/// `oneOf` with that last branch keeps the schema strict and open at once. OpenAPI 3.1
/// says a `discriminator` "MUST NOT change the validation outcome" of its schema, and
/// that with `oneOf` "all possible schemas MUST be listed explicitly": so the branch for
/// other codes is listed, and it refuses the listed codes (its `code` is a string that
/// is `oneOf` the listed codes and `{}`, which only a code not listed matches), so that
/// a body with a known code matches exactly its code's schema. A body with a known code
/// and a required member missing is invalid; one with a new code is valid.
///
/// The discriminator itself, on `code`, needs named schemas: OpenAPI 3.1 considers no
/// inline subschema for a mapping. [`ProblemSchemas`] moves the per-code schemas to
/// `components/schemas` and adds it.
///
/// ```
/// use problem_codes::{Entry, utoipa::status_schema};
///
/// const LOCKED: &Entry = &Entry::new("ORDER_LOCKED", 409, "Order is locked", "/problems/order-locked");
/// const TAKEN: &Entry = &Entry::new("ORDER_TAKEN", 409, "Order is taken", "/problems/order-taken");
/// let schema = serde_json::to_value(status_schema(&[LOCKED, TAKEN]))?;
/// let branches = schema["oneOf"].as_array().unwrap();
/// assert_eq!(branches.len(), 3);
/// assert_eq!(branches[0]["properties"]["code"]["enum"], serde_json::json!(["ORDER_LOCKED"]));
/// let other = &branches[2]["properties"]["code"];
/// assert_eq!(other["oneOf"], serde_json::json!([{ "enum": ["ORDER_LOCKED", "ORDER_TAKEN"] }, {}]));
/// assert_eq!(other["x-extensible-enum"], serde_json::json!(["ORDER_LOCKED", "ORDER_TAKEN"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn status_schema(entries: &[&'static Entry]) -> Schema {
    let mut one = OneOfBuilder::new().description(Some(
        "One schema per code; the last takes a code added after this document was generated.",
    ));
    for entry in entries {
        one = one.item(code_schema(entry));
    }
    one.item(document_schema(entries, Codes::Others)).into()
}

/// The schema of the problem documents of one code: `code` is that code alone, `status`
/// its status, `type` its type URI, and its declared members are properties, the
/// required ones required. Other members may appear (RFC 9457 §3.2: clients ignore
/// unknown ones).
///
/// ```
/// use problem_codes::{Entry, Member, MemberType, utoipa::code_schema};
///
/// const BROKE: &Entry = &Entry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points", "/problems/points-insufficient-balance")
///     .with_members(&[
///         Member::new("balance", MemberType::Integer).with_doc("Points the user has"),
///         Member::new("top_up_url", MemberType::Text).optional(),
///     ]);
/// let schema = serde_json::to_value(code_schema(BROKE))?;
/// assert_eq!(schema["properties"]["code"]["enum"], serde_json::json!(["POINTS_INSUFFICIENT_BALANCE"]));
/// assert_eq!(schema["properties"]["status"]["enum"], serde_json::json!([402]));
/// assert_eq!(schema["properties"]["balance"]["type"], "integer");
/// assert_eq!(schema["properties"]["balance"]["description"], "Points the user has");
/// assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "code", "balance"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn code_schema(entry: &Entry) -> Schema {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let mut description = entry.title().to_owned();
    if !entry.handling().is_empty() {
        description = format!("{description}. Handling: {}", entry.handling());
    }
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .title(Some(entry.code()))
        .description(Some(description))
        .property(
            "type",
            string()
                .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
                .enum_values(Some([entry.type_uri()])),
        )
        .property("title", string().description(Some(entry.title())))
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .enum_values(Some([entry.status().as_u16()])),
        )
        .property(
            "detail",
            string().description(Some(
                "For people: what happened in this occurrence. Not to be parsed.",
            )),
        )
        .property(
            "instance",
            string()
                .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
                .description(Some("The request this occurrence is about.")),
        )
        .property("code", string().enum_values(Some([entry.code()])))
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)))
        .extensions(Some(
            ExtensionsBuilder::new()
                .add(CODE_EXTENSION, entry.code())
                .build(),
        ));
    if entry.lifecycle() == Lifecycle::Deprecated {
        object = object.deprecated(Some(Deprecated::True));
    }
    for member in ["type", "title", "status", "code"] {
        object = object.required(member);
    }
    for member in entry.members() {
        object = object.property(member.name(), member_schema(member));
        if !member.is_optional() {
            object = object.required(member.name());
        }
    }
    object.into()
}

/// The schema of a member's values.
fn member_schema(member: &Member) -> Schema {
    let scalar = |scalar: Scalar| {
        ObjectBuilder::new().schema_type(match scalar {
            Scalar::Text => Type::String,
            Scalar::Integer => Type::Integer,
            Scalar::Number => Type::Number,
            Scalar::Boolean => Type::Boolean,
        })
    };
    let doc = (!member.doc().is_empty()).then(|| member.doc());
    match member.ty() {
        MemberType::Text => scalar(Scalar::Text).description(doc).into(),
        MemberType::Integer if member.name() == "retry_after" => scalar(Scalar::Integer)
            .minimum(Some(0))
            .description(doc.or(Some(RETRY_AFTER_DOC)))
            .into(),
        MemberType::Integer => scalar(Scalar::Integer).description(doc).into(),
        MemberType::Number => scalar(Scalar::Number).description(doc).into(),
        MemberType::Boolean => scalar(Scalar::Boolean).description(doc).into(),
        MemberType::Array(item) => ArrayBuilder::new()
            .items(scalar(item))
            .description(doc)
            .into(),
        MemberType::Object(item) => ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(scalar(item)))
            .description(doc)
            .into(),
        MemberType::Errors => ArrayBuilder::new()
            .items(field_error())
            .description(doc.or(Some(ERRORS_DOC)))
            .into(),
    }
}

const OTHER_CODE_DOC: &str = "A code this document does not list: one added after it was generated. \
     Handle it by the response's status. `x-extensible-enum` lists the codes known then, which this \
     schema leaves to theirs.";
const RETRY_AFTER_DOC: &str = "Seconds to wait before retrying, as the `Retry-After` header says.";
const ERRORS_DOC: &str = "The invalid parts of the request (RFC 9457 §3).";

/// An item of the RFC 9457 §3 `errors` array.
fn field_error() -> ObjectBuilder {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    ObjectBuilder::new()
        .property("detail", string().description(Some("What is wrong with the value.")))
        .property(
            "pointer",
            string().description(Some(
                "A JSON Pointer (RFC 6901) to the value in the request, in URI fragment form: `#/profile/nickname`.",
            )),
        )
        .required("detail")
        .required("pointer")
}

/// The schema of a problem document whose `code` is one of `entries`' codes or a code
/// added later, with the members the runtime knows (`retry_after`, `errors`): the last
/// branch of [`status_schema`], which takes a code this document does not list. With no
/// entries, `code` is any string, and no member is required: the schema of any problem,
/// such as [`Problem`]'s.
///
/// ```
/// use problem_codes::{Entry, utoipa::problem_schema};
///
/// const LOCKED: &Entry = &Entry::new("ORDER_LOCKED", 409, "Order is locked", "/problems/order-locked");
/// let schema = serde_json::to_value(problem_schema(&[LOCKED]))?;
/// assert_eq!(schema["required"], serde_json::json!(["type", "title", "status", "code"]));
/// assert_eq!(schema["properties"]["code"]["x-extensible-enum"], serde_json::json!(["ORDER_LOCKED"]));
///
/// let any = serde_json::to_value(problem_schema(&[]))?;
/// assert_eq!(any["properties"]["code"]["type"], "string");
/// assert_eq!(any["required"], serde_json::Value::Null);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn problem_schema(entries: &[&'static Entry]) -> Schema {
    document_schema(entries, Codes::Listed)
}

/// Which codes a [`document_schema`] takes besides any that come later.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Codes {
    /// The listed codes too.
    Listed,
    /// None of the listed codes.
    Others,
}

fn document_schema(entries: &[&'static Entry], codes_taken: Codes) -> Schema {
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let uri_reference = || string().format(Some(SchemaFormat::Custom("uri-reference".to_owned())));
    let code_description = "The stable, machine-readable code of the problem: map on it, never on `detail`. \
         An extensible enum: the codes listed were known when this document was generated, \
         and new codes may appear; handle an unknown code by the response's status.";
    let code: Schema = if entries.is_empty() {
        string().description(Some(code_description)).into()
    } else {
        let codes: Vec<&str> = entries.iter().map(|entry| entry.code()).collect();
        let extensible = Some(
            ExtensionsBuilder::new()
                .add("x-extensible-enum", json!(codes))
                .build(),
        );
        match codes_taken {
            Codes::Listed => AnyOfBuilder::new()
                .item(string().enum_values(Some(codes)))
                .item(string())
                .description(Some(code_description))
                .extensions(extensible)
                .into(),
            // Matches `{}` alone, so only when the code is none of those listed.
            Codes::Others => OneOfBuilder::new()
                .schema_type(Type::String)
                .item(
                    ObjectBuilder::new()
                        .schema_type(SchemaType::AnyValue)
                        .enum_values(Some(codes)),
                )
                .item(ObjectBuilder::new().schema_type(SchemaType::AnyValue))
                .description(Some(OTHER_CODE_DOC))
                .extensions(extensible)
                .into(),
        }
    };
    let mut object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .description(Some("A problem details document (RFC 9457)."))
        .property(
            "type",
            uri_reference()
                .description(Some(
                    "A URI reference that identifies the problem type; `about:blank` when absent.",
                ))
                .default(Some(json!("about:blank"))),
        )
        .property(
            "title",
            string().description(Some("A short summary of the problem type.")),
        )
        .property(
            "status",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(400))
                .maximum(Some(599))
                .description(Some("The HTTP status of the response.")),
        )
        .property(
            "detail",
            string().description(Some(
                "For people: what happened in this occurrence. Not to be parsed.",
            )),
        )
        .property(
            "instance",
            uri_reference().description(Some("The request this occurrence is about.")),
        )
        .property("code", code)
        .property(
            "retry_after",
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .description(Some(RETRY_AFTER_DOC)),
        )
        .property(
            "errors",
            ArrayBuilder::new()
                .items(field_error())
                .description(Some(ERRORS_DOC)),
        )
        .additional_properties(Some(AdditionalProperties::<Schema>::FreeForm(true)));
    if !entries.is_empty() {
        for member in ["type", "title", "status", "code"] {
            object = object.required(member);
        }
    }
    object.into()
}

impl utoipa::PartialSchema for Problem {
    fn schema() -> RefOr<Schema> {
        RefOr::T(problem_schema(&[]))
    }
}

impl utoipa::ToSchema for Problem {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("Problem")
    }
}

/// A [`utoipa::Modify`] that gives each code's schema a name: it moves the per-code
/// schemas of every problem response to `components/schemas`, one per code and shared
/// by every operation, and puts on each status's `oneOf` a `discriminator` on `code`
/// whose `mapping` names every code of that status (see [`status_schema`]).
///
/// A code is named as it is sent (`#/components/schemas/AUTH_TOO_MANY_REQUESTS`). A
/// response whose codes would take a name that the document already gives another
/// schema is left as it was, inline and without a discriminator.
///
/// ```
/// use problem_codes::utoipa::ProblemSchemas;
/// use utoipa::OpenApi;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
/// # } } }
///
/// #[utoipa::path(post, path = "/v1/auth/otp", responses((status = 204, description = "Sent"), Auth))]
/// fn send_otp() {}
///
/// #[derive(OpenApi)]
/// #[openapi(paths(send_otp), modifiers(&ProblemSchemas))]
/// struct Doc;
///
/// let doc = serde_json::to_value(Doc::openapi())?;
/// let schema = &doc["paths"]["/v1/auth/otp"]["post"]["responses"]["429"]["content"]["application/problem+json"]["schema"];
/// assert_eq!(schema["discriminator"]["propertyName"], "code");
/// assert_eq!(schema["discriminator"]["mapping"]["AUTH_TOO_MANY_REQUESTS"], "#/components/schemas/AUTH_TOO_MANY_REQUESTS");
/// assert_eq!(schema["oneOf"][0]["$ref"], "#/components/schemas/AUTH_TOO_MANY_REQUESTS");
/// assert_eq!(doc["components"]["schemas"]["AUTH_TOO_MANY_REQUESTS"]["properties"]["status"]["enum"][0], 429);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct ProblemSchemas;

impl utoipa::Modify for ProblemSchemas {
    fn modify(&self, openapi: &mut OpenApi) {
        let had_components = openapi.components.is_some();
        let components = openapi.components.get_or_insert_with(Default::default);
        let named = &mut components.schemas;
        let mut responses: Vec<&mut RefOr<Response>> = components.responses.values_mut().collect();
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.options,
                &mut item.head,
                &mut item.patch,
                &mut item.trace,
                &mut item.query,
            ];
            for operation in operations.into_iter().flatten() {
                responses.extend(operation.responses.responses.values_mut());
            }
        }
        for response in responses {
            let RefOr::T(response) = response else {
                continue;
            };
            for content in response.content.values_mut() {
                let RefOr::T(content) = content else { continue };
                if let Some(RefOr::T(Schema::OneOf(one))) = &mut content.schema {
                    name_codes(one, named);
                }
            }
        }
        // A document without problem responses is left as it was.
        if !had_components && components_are_empty(openapi) {
            openapi.components = None;
        }
    }
}

fn components_are_empty(openapi: &OpenApi) -> bool {
    openapi
        .components
        .as_ref()
        .is_none_or(|components| components.schemas.is_empty() && components.responses.is_empty())
}

/// The code a per-code schema of [`code_schema`] is for.
fn code_of(schema: &RefOr<Schema>) -> Option<&str> {
    match schema {
        RefOr::T(Schema::Object(object)) => {
            object.extensions.as_ref()?.get(CODE_EXTENSION)?.as_str()
        }
        _ => None,
    }
}

/// Moves the per-code schemas of `any` into `named` and adds the discriminator; leaves
/// `any` as it is when a name is taken by another schema.
fn name_codes(any: &mut OneOf, named: &mut BTreeMap<String, RefOr<Schema>>) {
    let clash = any.items.iter().any(|item| {
        code_of(item).is_some_and(|code| named.get(code).is_some_and(|known| known != item))
    });
    if clash || !any.items.iter().any(|item| code_of(item).is_some()) {
        return;
    }
    let mut mapping = BTreeMap::new();
    for item in &mut any.items {
        let Some(code) = code_of(item).map(str::to_owned) else {
            continue;
        };
        let schema = core::mem::replace(item, RefOr::Ref(Ref::from_schema_name(code.as_str())));
        if let RefOr::Ref(reference) = &item {
            mapping.insert(code.clone(), reference.ref_location.clone());
        }
        named.entry(code).or_insert(schema);
    }
    let mut discriminator = Discriminator::new("code");
    discriminator.mapping = mapping;
    any.discriminator = Some(discriminator);
}

/// The codes of a `transparent` field's type, if it tells them. Resolved by autoref
/// where the macros expand, so a field type without [`ProblemResponses`] (a
/// hand-written [`ProblemCode`]) adds nothing instead of failing to compile.
#[doc(hidden)]
pub struct InnerResponses<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> InnerResponses<T> {
    /// The probe.
    pub const NEW: InnerResponses<T> = InnerResponses(PhantomData);
}

/// See [`InnerResponses`]: found first, when the type has [`ProblemResponses`].
#[doc(hidden)]
pub trait ViaProblemResponses {
    /// Appends the type's entries.
    fn __problem_entries(&self, out: &mut Vec<&'static Entry>);
}

impl<T: ProblemResponses + ?Sized> ViaProblemResponses for InnerResponses<T> {
    fn __problem_entries(&self, out: &mut Vec<&'static Entry>) {
        T::problem_entries(out);
    }
}

/// See [`InnerResponses`]: found after an autoref, for any type.
#[doc(hidden)]
pub trait ViaNothing {
    /// Appends nothing.
    fn __problem_entries(&self, out: &mut Vec<&'static Entry>) {
        let _ = out;
    }
}

impl<T: ?Sized> ViaNothing for &InnerResponses<T> {}
