//! `utoipa`: OpenAPI responses for every problem code type.
//!
//! Every type that derives [`ProblemCode`](crate::ProblemCode), and every catalog,
//! implements [`utoipa::IntoResponses`]: one response per status, whose
//! `application/problem+json` content has the problem schema and one example per code.
//! The `code` property lists the codes known when the document was generated, and says
//! that others may appear. A type whose crate writes its own `IntoResponses` opts out
//! with `#[problem(skip_impl(utoipa))]`.
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
//! let code = &content["schema"]["properties"]["code"];
//! assert_eq!(code["anyOf"][0]["enum"], serde_json::json!(["AVATAR_FILE_INVALID", "AVATAR_PATH_SCOPE_INVALID"]));
//! assert_eq!(code["x-extensible-enum"], code["anyOf"][0]["enum"]);
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! Use it in `#[utoipa::path(responses((status = 200, body = Avatar), AvatarError))]`.

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
    AdditionalProperties, AnyOfBuilder, ArrayBuilder, ObjectBuilder, Schema, SchemaFormat, Type,
};

use crate::{Entry, PROBLEM_JSON, Problem, ProblemCode};

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
        .schema(Some(problem_schema(entries)))
        .examples_from_iter(examples)
        .build();
    ResponseBuilder::new()
        .description(format!("{reason}: {}", codes.join(", ")))
        .content(PROBLEM_JSON, content)
        .build()
}

/// The document an entry renders with no per-occurrence parts.
fn example_value(entry: &'static Entry) -> Value {
    struct Bare(&'static Entry);
    impl ProblemCode for Bare {
        fn entry(&self) -> &'static Entry {
            self.0
        }
    }
    serde_json::from_slice(&Bare(entry).to_json()).unwrap_or(Value::Null)
}

/// The schema of a problem document whose `code` is one of `entries`' codes or a code
/// added later. With no entries, `code` is any string, and no member is required: the
/// schema of any problem, such as [`Problem`]'s.
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
    let string = || ObjectBuilder::new().schema_type(Type::String);
    let uri_reference = || string().format(Some(SchemaFormat::Custom("uri-reference".to_owned())));
    let code_description = "The stable, machine-readable code of the problem: map on it, never on `detail`. \
         An extensible enum: the codes listed were known when this document was generated, \
         and new codes may appear; handle an unknown code by the response's status.";
    let code: Schema = if entries.is_empty() {
        string().description(Some(code_description)).into()
    } else {
        let codes: Vec<&str> = entries.iter().map(|entry| entry.code()).collect();
        AnyOfBuilder::new()
            .item(string().enum_values(Some(codes.clone())))
            .item(string())
            .description(Some(code_description))
            .extensions(Some(
                ExtensionsBuilder::new()
                    .add("x-extensible-enum", json!(codes))
                    .build(),
            ))
            .into()
    };
    let field_error = ObjectBuilder::new()
        .property("detail", string().description(Some("What is wrong with the value.")))
        .property(
            "pointer",
            string().description(Some(
                "A JSON Pointer (RFC 6901) to the value in the request, in URI fragment form: `#/profile/nickname`.",
            )),
        )
        .required("detail")
        .required("pointer");
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
                .description(Some(
                    "Seconds to wait before retrying, as the `Retry-After` header says.",
                )),
        )
        .property(
            "errors",
            ArrayBuilder::new()
                .items(field_error)
                .description(Some("The invalid parts of the request (RFC 9457 §3).")),
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
