//! Stable, machine-readable error codes for HTTP APIs, declared once, checked by the
//! compiler, rendered as [RFC 9457] problem details (`application/problem+json`).
//!
//! A backend team keeps a table of error codes that the frontend maps on. This crate
//! makes that table code:
//!
//! - [`error_catalog!`] compiles a domain catalog (sections of codes with status,
//!   meaning and frontend handling) into a typed enum.
//! - `#[derive(ProblemCode)]` annotates a service's own error enum: each variant names a
//!   catalog entry, inheriting its status and title, or declares its code inline. A code
//!   missing from the catalog, or a status that contradicts it, is a compile error.
//! - [`ProblemCode`] renders any of them to `application/problem+json` bytes or an
//!   [`http::Response`]; [`Problem`] parses such a body back, and
//!   [`Problem::typed_code`] turns its `code` into the catalog's enum, with an explicit
//!   case for codes this build does not know yet.
//!
//! # Tour
//!
//! ```
//! use problem_codes::{error_catalog, Catalog, Problem, ProblemCode, TypedCode};
//!
//! error_catalog! {
//!     /// Codes consumed by the frontend.
//!     pub catalog Eryao {
//!         type_base = "https://errors.example.com/";
//!         section "Auth" {
//!             AUTH_TOO_MANY_REQUESTS = 429 {
//!                 title: "OTP request throttled",
//!                 handling: "Show wait message",
//!                 members: {
//!                     /// Seconds to wait before asking again.
//!                     retry_after: integer,
//!                 },
//!             },
//!             AUTH_USER_NOT_FOUND = 404 {
//!                 title: "User not found",
//!                 handling: "Show not-found message where applicable",
//!             },
//!         }
//!     }
//! }
//!
//! #[derive(Debug, ProblemCode)]
//! #[problem(catalog = Eryao)]
//! enum OtpError {
//!     /// Inherits status 429 and the title from the catalog; the detail is a format
//!     /// string over the fields, and `seconds` becomes the `Retry-After` header.
//!     #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
//!     Throttled {
//!         #[problem(retry_after)]
//!         seconds: u64,
//!     },
//!     /// A code this service declares inline, outside the catalog.
//!     #[problem(code = "OTP_CHANNEL_DOWN", status = 503, title = "SMS channel down")]
//!     ChannelDown { #[problem(extension)] provider: &'static str },
//! }
//!
//! let err = OtpError::Throttled { seconds: 30 };
//! let response = err.render().instance("/v1/auth/otp").to_response();
//! assert_eq!(response.status(), 429);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! assert_eq!(response.headers()["retry-after"], "30");
//! assert_eq!(
//!     std::str::from_utf8(response.body())?,
//!     r#"{"type":"https://errors.example.com/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in 30 seconds","instance":"/v1/auth/otp","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#,
//! );
//!
//! // A Rust client parses the body back into the typed code.
//! let problem = Problem::from_json(response.body())?;
//! match problem.typed_code::<Eryao>() {
//!     TypedCode::Known(Eryao::AUTH_TOO_MANY_REQUESTS) => { /* show wait message */ }
//!     TypedCode::Known(other) => println!("{}", other.entry().handling()),
//!     TypedCode::Unknown(code) => println!("newer code {code}: fall back on the status"),
//!     TypedCode::Absent => println!("not one of ours"),
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Types and URIs
//!
//! Every code has its own problem `type` URI (RFC 9457 §3.1.1): the catalog's
//! `type_base` followed by the code's [`slug`] (`AUTH_TOO_MANY_REQUESTS` becomes
//! `auth-too-many-requests`). Without a `type_base` the base is [`DEFAULT_TYPE_BASE`],
//! `/problems/`. A [`Problem`] built with [`Problem::new`] has no type of its own:
//! `about:blank`, titled with the status phrase (§4.2.1).
//!
//! # The catalog as a contract
//!
//! The tooling around a catalog lives in its own crate,
//! [`problem-codes-contract`](https://docs.rs/problem-codes-contract), which a project
//! puts in `[dev-dependencies]` so that services never compile it: a `Registry` (the
//! catalog as data) with its exports (the Markdown document the catalog replaces, a JSON
//! registry with its schema, TypeScript for the frontend, HTML pages for the type URIs),
//! the compatibility gate that compares it with a committed snapshot, the importer that
//! turns an existing Markdown table into `error_catalog!` source, and a command-line
//! front. A code is retired with `deprecated: "NEW_CODE"` in the catalog (see
//! [`Lifecycle`]).
//!
//! The document's own text is declared with the catalog, so it needs no tooling crate:
//! the catalog's doc comment gives the title (a first line `# Title`) and the preamble,
//! and doc comments after its last section give the closing text, all in
//! [`Catalog::FRAMING`] (see [`Framing`]).
//!
//! # What reaches the wire
//!
//! Only what a variant asks for: `detail` is empty unless the variant has a `detail`
//! format, extension members are only the fields marked `#[problem(extension)]`, and an
//! inner error's `Display` or `source()` is never rendered.
//!
//! # Serving and reading problems
//!
//! Framework support is behind features named after the crates: `axum` (every problem
//! code type is an `IntoResponse`; see the `axum` module), `actix-web` (a
//! `ResponseError`; the `actix_web` module), `utoipa` (OpenAPI responses; the `utoipa`
//! module), `tonic` (a gRPC `Status` per problem, and back; the `tonic` module) and
//! `tracing` (a 5xx records its [`ProblemCode::as_error`] chain). Headers
//! come from `#[problem(header = "…")]` fields or [`ProblemCode::headers`]; validation
//! errors in the RFC 9457 §3 shape from a [`ValidationErrors`] field; and a client reads
//! a response back with [`Problem::from_response`], which gives a typed [`NotAProblem`]
//! for anything that is not a problem document, and reads a code's members typed with
//! [`Problem::typed`].
//!
//! [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457

#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]

mod catalog;
mod client;
mod code;
mod code_set;
mod compose;
mod const_message;
mod detail;
mod entry;
mod extensions;
mod header_value;
mod integrations;
mod json;
mod locale;
mod maybe_known;
mod member;
mod member_check;
mod problem;
mod render;
mod retry;
mod table;
mod typed;
mod uri;
mod validation;
#[cfg(feature = "xml")]
pub mod xml;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use catalog::{Catalog, Framing, Section, TypedCode, UnknownCode};
pub use client::NotAProblem;
pub use code::ProblemCode;
pub use code_set::CodeSet;
pub use entry::{
    DEFAULT_TYPE_BASE, Entry, Lifecycle, MAX_CODE_LEN, is_error_status, is_valid_code, slug,
};
pub use extensions::{
    ExtensionName, ExtensionSink, InvalidExtensionName, RESERVED_MEMBERS, is_reserved_member,
    is_valid_member_name,
};
pub use header_value::MAX_HEADER_VALUE_LEN;
#[cfg(feature = "icu_locale")]
#[cfg_attr(docsrs, doc(cfg(feature = "icu_locale")))]
pub use locale::Locales;
pub use locale::{Locale, LocaleEntry, Segment};
pub use maybe_known::MaybeKnown;
pub use member::{Member, MemberKey, MemberType, MemberValue, Scalar};
pub use problem::{ABOUT_BLANK, ExtensionError, ParseError, ParseLimits, Problem};
pub use render::{PROBLEM_JSON, Render};
pub use retry::RetryAfterValue;
pub use typed::{Members, Typed};
pub use uri::{is_uri_reference, to_uri_reference};
pub use validation::{ERRORS_MEMBER, FieldError, InvalidPointer, JsonPointer, ValidationErrors};

#[cfg(feature = "actix-web")]
#[cfg_attr(docsrs, doc(cfg(feature = "actix-web")))]
pub use integrations::actix as actix_web;
#[cfg(feature = "axum")]
#[cfg_attr(docsrs, doc(cfg(feature = "axum")))]
pub use integrations::axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use integrations::catch_all::{CatchAll, Instance};
#[cfg(any(feature = "axum", feature = "actix-web"))]
#[cfg_attr(docsrs, doc(cfg(any(feature = "axum", feature = "actix-web"))))]
pub use integrations::rejection::{ProblemRejection, Rejections};
#[cfg(feature = "tonic")]
#[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
pub use integrations::tonic;
#[cfg(feature = "utoipa")]
#[cfg_attr(docsrs, doc(cfg(feature = "utoipa")))]
pub use integrations::utoipa;

/// Derives [`ProblemCode`] for an error enum or struct: each variant (or the struct)
/// is one code, named from a catalog or declared inline.
///
/// ```
/// use problem_codes::{ProblemCode, error_catalog};
///
/// error_catalog! {
///     pub catalog Shop {
///         section "Orders" {
///             ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show a not-found page" },
///         }
///     }
/// }
///
/// #[derive(Debug, ProblemCode)]
/// #[problem(catalog = Shop, type_base = "https://shop.example/problems/")]
/// enum OrderError {
///     /// Status, title and handling come from the catalog.
///     #[problem(ORDER_NOT_FOUND, detail = "No order {0}")]
///     NotFound(u64),
///     /// A code of this service alone, declared inline with its members.
///     #[problem(
///         code = "ORDER_LOCKED",
///         status = 423,
///         title = "Order locked",
///         members(retry_after: integer, lockedBy: string)
///     )]
///     Locked {
///         #[problem(retry_after)]
///         seconds: u64,
///         #[problem(extension = "lockedBy")]
///         holder: String,
///     },
/// }
///
/// let body = OrderError::Locked { seconds: 5, holder: "checkout".into() }.to_json();
/// assert_eq!(
///     std::str::from_utf8(&body)?,
///     r#"{"type":"https://shop.example/problems/order-locked","title":"Order locked","status":423,"code":"ORDER_LOCKED","retry_after":5,"lockedBy":"checkout"}"#
/// );
/// assert_eq!(OrderError::NotFound(7).detail().as_deref(), Some("No order 7"));
/// # Ok::<(), std::str::Utf8Error>(())
/// ```
///
/// # Attributes
///
/// All are written `#[problem(…)]`; several keys may share one attribute.
///
/// | where | attribute | meaning |
/// |---|---|---|
/// | enum or struct | `catalog = Path` | the catalog that bare entry names resolve in |
/// | enum or struct | `type_base = "…"` | base of the type URIs of inline codes, ending in `/` (default `/problems/`) |
/// | enum or struct | `section = "…"` | section of inline codes (default: the type's name) |
/// | enum or struct | `crate = "path"` | where this crate is, when re-exported |
/// | enum or struct | `skip_impl(axum, actix_web, utoipa)` | framework impls left out because the crate writes its own |
/// | variant (or struct) | `SOME_CODE` or `Catalog::SOME_CODE` | the catalog entry; status, title, handling and type come from it |
/// | variant (or struct) | `code = "…", status = N, title = "…"` | an inline code; `handling = "…"` and `type = "uri"` are optional |
/// | variant (or struct) | `status = N` beside an entry | asserts the catalog's status; a mismatch does not compile |
/// | variant (or struct) | `detail = "… {field} … {0:?} …"` | the RFC 9457 `detail`, a format string over the fields |
/// | variant (or struct) | `transparent` | the one field, itself a `ProblemCode`, supplies everything |
/// | variant (or struct) | `members(name: type, other?: type)` beside an inline code | the code's extension members, written as a catalog writes them |
/// | field | `extension` / `extension = "name"` | a member of the body, serialized with serde (`null` is left out) |
/// | field | `retry_after` | seconds (`u64`, `Duration`, `Option` of either): the `Retry-After` header and `retry_after` member |
/// | field | `header = "x-name"` | a response header set to the field's `Display`; a value that is not a header value or is longer than [`MAX_HEADER_VALUE_LEN`] is left out, and a framing or hop-by-hop name (`transfer-encoding`, `connection`, `proxy-*`…) does not compile |
///
/// # Members
///
/// A code declares the extension members its body carries (in the catalog, or with
/// `members(…)` beside an inline code), and the derive holds each variant to them at
/// compile time:
///
/// - every required member is rendered by a field: an `extension` field of that name,
///   the `retry_after` field for `retry_after`, a [`ValidationErrors`] field named
///   `errors` for `errors`;
/// - each field's type renders the member's type, as its [`MemberValue`] says
///   (integers are `integer`, `String` is `string`, `Vec<u32>` is `[integer]`, …); a
///   type of your own implements `MemberValue` with the JSON type its `Serialize`
///   writes; `Option<T>` only renders a member declared optional (`name?`);
/// - a field renders no member the code does not declare. The code's declaration is
///   the contract the frontend reads (the JSON registry, the TypeScript union, the
///   OpenAPI schema), so a member sent but not declared is one no client can rely on;
///   declare it, optional if it is sometimes absent;
/// - no member is rendered twice.
///
/// The macro cannot read a catalog declared elsewhere, so rustc checks: a mistake is
/// a const evaluation error on the field (or, for a member left out, on the entry),
/// worded as ours. A field whose type names a type parameter of the enum is checked
/// for its name only: its type cannot be named outside the impl. An inline code
/// without `members(…)` declares no members and its fields are not held; declare
/// them, so that the code's members are in the contract too.
///
/// ```compile_fail
/// # use problem_codes::{ProblemCode, error_catalog};
/// # error_catalog! { pub catalog Points { section "Points" {
/// #     POINTS_LOW = 402 { title: "Not enough points", members: { balance: integer } },
/// # } } }
/// #[derive(ProblemCode)]
/// #[problem(catalog = Points)]
/// enum RunError {
///     #[problem(POINTS_LOW)]
///     Low {
///         #[problem(extension)]
///         balance: String, // the catalog says `integer`
///     },
/// }
/// ```
///
/// The derive also implements [`CodeSet`]: every entry a type can answer with, its
/// catalog entries, its inline codes and those of its `transparent` fields.
///
/// Nothing else about a value reaches the body: without a `detail`, there is none, and
/// neither `Display` nor `source()` is ever rendered. Generic enums work; each field's
/// type is bounded by what its role needs. The derive coexists with
/// `thiserror::Error` on the same type.
///
/// # Mistakes
///
/// Every misuse is a compile error on the token at fault, and one compile reports them
/// all: an unknown key (with the closest valid one), a code that is not
/// SCREAMING_SNAKE_CASE or is declared twice, a status outside 400–599, a `detail`
/// naming a field that does not exist, an extension named like a standard member. A
/// catalog entry that does not exist, a `status` that contradicts the catalog, and an
/// inline code that the catalog already has are reported by rustc on your token:
///
/// ```compile_fail
/// # use problem_codes::{ProblemCode, error_catalog};
/// # error_catalog! { pub catalog Shop { section "Orders" {
/// #     ORDER_NOT_FOUND = 404 { title: "Order not found" },
/// # } } }
/// #[derive(ProblemCode)]
/// #[problem(catalog = Shop)]
/// enum OrderError {
///     #[problem(ORDER_NOT_FOUND, status = 410)] // the catalog says 404
///     Gone,
/// }
/// ```
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use problem_codes_macros::ProblemCode;

/// Compiles a catalog of problem codes into a typed enum that implements [`Catalog`]
/// and [`ProblemCode`].
///
/// ```text
/// /// docs                                   (optional, on catalogs, sections, codes)
/// pub catalog Name {
///     type_base = "https://…/problems/";     (optional; default `/problems/`)
///     language = "en";                       (optional: the BCP 47 tag of the titles'
///                                             language; default `en`)
///     crate = "::path::to::problem_codes";   (optional)
///     skip_impl(axum, actix_web, utoipa);    (optional)
///     section "Section name" {
///         CODE = 404 {
///             title: "…",                  (the title)
///             handling: "…",                 (optional: what the frontend does)
///             deprecated: "REPLACEMENT",     (optional; or `true`)
///             members: {                     (optional: the body's extension members)
///                 /// doc line
///                 name: integer,             (`string`, `integer`, `number`, `boolean`,
///                 other?: [string],           `[scalar]`, `{scalar}`, or `errors`;
///             },                              `?`: may be left out)
///         },
///     }
/// }
///
/// pub catalog Union = Name + other::Other;   (optionally `{ crate = "…"; skip_impl(…); }`)
/// ```
///
/// One call may declare several catalogs. Each code becomes a variant (CamelCase) and
/// an associated const named exactly as the code, usable in patterns; codes keep
/// their declaration order in [`Catalog::ALL`]. A code's problem type is the
/// `type_base` followed by its [`slug`]. A deprecated code's const carries
/// `#[deprecated]`, so naming it from a derive warns. A composed catalog has one
/// variant per member and refuses, at compile time, a code found in two members.
///
/// The enum displays, parses (`FromStr`) and (de)serializes as the code string. Its
/// `Deserialize` refuses a code the catalog lacks: a client that reads bodies from a
/// newer server deserializes a [`MaybeKnown`] of the catalog instead, which keeps such a
/// code as [`MaybeKnown::Unknown`].
///
/// A code's `members` are the extension members its body carries (RFC 9457 §3.2), in
/// [`Entry::members`]: a name (an ASCII letter, then letters, digits and `_`; not a
/// standard member), a type, `?` when a body may leave it out, and its `///` line.
/// `retry_after` is always `integer` (seconds), and `errors`, the RFC 9457 validation
/// errors array, is the one member of type `errors`. [`ProblemCode`] derives are held to
/// them, and the exports carry them. A composed catalog keeps each entry as its member
/// declares it. Catalogs implement [`CodeSet`].
///
/// ```
/// use problem_codes::{Catalog, ProblemCode, error_catalog};
///
/// error_catalog! {
///     /// Codes of the auth service.
///     pub catalog Auth {
///         type_base = "https://errors.example.com/";
///         section "Auth" {
///             AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
///             AUTH_OTP_WRONG = 401 { title: "Invalid OTP code", deprecated: "AUTH_CODE_INVALID" },
///             AUTH_CODE_INVALID = 401 { title: "Invalid OTP code" },
///             AUTH_TOO_MANY_REQUESTS = 429 {
///                 title: "OTP request throttled",
///                 handling: "Show wait message",
///                 members: {
///                     /// Seconds to wait.
///                     retry_after: integer,
///                     /// Where the limits are explained.
///                     help_url?: string,
///                 },
///             },
///         }
///     }
///
///     pub catalog Profile {
///         section "Profile" {
///             PROFILE_NOT_FOUND = 404 { title: "Profile not found" },
///         }
///     }
///
///     /// Every code the frontend may see.
///     pub catalog Registry = Auth + Profile;
/// }
///
/// assert_eq!(Auth::ALL.len(), 4);
/// let members = Auth::AUTH_TOO_MANY_REQUESTS.entry().members();
/// assert_eq!((members[1].name(), members[1].is_optional()), ("help_url", true));
/// assert_eq!(Auth::from_code("AUTH_USER_NOT_FOUND"), Some(Auth::AUTH_USER_NOT_FOUND));
/// assert_eq!(
///     Auth::AUTH_USER_NOT_FOUND.type_uri(),
///     "https://errors.example.com/auth-user-not-found"
/// );
/// assert_eq!(Registry::from(Profile::PROFILE_NOT_FOUND).status(), 404);
/// assert_eq!(Registry::from_code("AUTH_CODE_INVALID"), Some(Registry::Auth(Auth::AUTH_CODE_INVALID)));
/// ```
///
/// Every mistake in the DSL is a compile error on its token (a misspelt key gets the
/// closest valid one), and the macro reads on past it, so one compile reports them all.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use problem_codes_macros::error_catalog;

/// Declares a catalog's translation into one language, apart from the catalog: in
/// another module or another crate, for a catalog declared or composed anywhere.
///
/// ```text
/// /// docs                                          (optional)
/// pub locale NAME for path::to::Catalog = "zh-Hans" {
///     crate = "::path::to::problem_codes";          (optional)
///     CODE {
///         title: "…",                               (the title in this language)
///         handling: "…",                            (optional)
///         detail: "… {member} …",                   (optional: a template over the
///     },                                              code's members; `{{` `}}` for braces)
/// }
/// ```
///
/// It declares `const NAME: Locale`, its translations sorted by code. The tag is a
/// BCP 47 tag in its canonical case (`zh-Hans`, `pt-BR`); the catalog's own language is
/// its [`Catalog::LANGUAGE`]. Render in it with [`Render::locale`], negotiate it from
/// `Accept-Language` with `Locales` (feature `icu_locale`).
///
/// ```
/// use problem_codes::{Catalog, ProblemCode, catalog_locale, error_catalog};
///
/// error_catalog! {
///     pub catalog Auth {
///         section "Auth" {
///             AUTH_TOO_MANY_REQUESTS = 429 {
///                 title: "OTP request throttled",
///                 handling: "Show wait message",
///                 members: { retry_after: integer },
///             },
///             AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
///         }
///     }
/// }
///
/// catalog_locale! {
///     /// Simplified Chinese.
///     pub locale ZH_HANS for Auth = "zh-Hans" {
///         AUTH_TOO_MANY_REQUESTS {
///             title: "验证码请求过于频繁",
///             handling: "显示等待提示",
///             detail: "请在 {retry_after} 秒后重试",
///         },
///         AUTH_USER_NOT_FOUND { title: "用户不存在" },
///     }
/// }
///
/// assert_eq!(ZH_HANS.tag(), "zh-Hans");
/// assert_eq!(ZH_HANS.default_language(), Auth::LANGUAGE);
/// assert_eq!(ZH_HANS.get("AUTH_USER_NOT_FOUND").map(|t| t.title()), Some("用户不存在"));
/// let body = Auth::AUTH_USER_NOT_FOUND.render().locale(&ZH_HANS).to_vec();
/// assert!(std::str::from_utf8(&body)?.contains(r#""title":"用户不存在""#));
/// # Ok::<(), std::str::Utf8Error>(())
/// ```
///
/// The macro cannot see the catalog, so rustc checks against it, each mistake a const
/// evaluation error worded as ours: a code of the catalog left untranslated (on the
/// locale's name, listing every such code), a translated code the catalog lacks (on
/// the code), a placeholder that is not a member of its code (on the template). The
/// macro itself refuses a tag that is not BCP 47, a code translated twice, an unknown
/// field and a malformed template, on the token at fault.
///
/// ```compile_fail
/// # use problem_codes::{catalog_locale, error_catalog};
/// # error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
/// #     AUTH_GONE = 410 { title: "Gone" },
/// # } } }
/// catalog_locale! {
///     pub locale ZH_HANS for Auth = "zh-Hans" {
///         AUTH_USER_NOT_FOUND { title: "用户不存在" },
///         // `AUTH_GONE` is missing
///     }
/// }
/// ```
///
/// The catalog's codes are read through its `const fn entry`, which `error_catalog!`
/// generates for declared and composed catalogs alike.
#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use problem_codes_macros::catalog_locale;

pub use http;
