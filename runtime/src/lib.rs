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
//!                 meaning: "OTP request throttled",
//!                 handling: "Show wait message",
//!             },
//!             AUTH_USER_NOT_FOUND = 404 {
//!                 meaning: "User not found",
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
//! A [`Registry`] is the catalog as data. It renders the [exports](export) (the
//! Markdown document the catalog replaces, a JSON registry with its schema, TypeScript
//! for the frontend, HTML pages for the type URIs); the [compatibility gate](compat)
//! compares it with a committed snapshot and refuses a removed code or a changed status
//! or meaning; the [importer](import) turns an existing Markdown table into
//! `error_catalog!` source; and [`cli`] puts all of it behind a few commands. These need
//! the `contract` feature: tooling, enabled in `[dev-dependencies]` so that services do
//! not compile it. A code is retired with `deprecated: "NEW_CODE"` in the catalog (see
//! [`Lifecycle`]).
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
//! module) and `tracing` (a 5xx records its [`ProblemCode::as_error`] chain). Headers
//! come from `#[problem(header = "…")]` fields or [`ProblemCode::headers`]; validation
//! errors in the RFC 9457 §3 shape from a [`ValidationErrors`] field; and a client reads
//! a response back with [`Problem::from_response`], which gives a typed [`NotAProblem`]
//! for anything that is not a problem document.
//!
//! [RFC 9457]: https://www.rfc-editor.org/rfc/rfc9457

#![forbid(unsafe_code)]
#![warn(missing_docs)]
// The tour links the `contract` items, which a build without the feature lacks.
#![cfg_attr(not(feature = "contract"), allow(rustdoc::broken_intra_doc_links))]

mod catalog;
mod client;
mod code;
mod compose;
mod detail;
mod entry;
mod error;
mod extensions;
mod integrations;
mod json;
mod problem;
#[cfg(feature = "contract")]
mod registry;
mod render;
mod retry;
mod validation;

#[cfg(feature = "contract")]
pub mod cli;
#[cfg(feature = "contract")]
pub mod compat;
#[cfg(feature = "contract")]
pub mod export;
#[cfg(feature = "contract")]
pub mod import;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use catalog::{Catalog, Section, TypedCode, UnknownCode};
pub use client::NotAProblem;
pub use code::ProblemCode;
pub use entry::{
    DEFAULT_TYPE_BASE, Entry, Lifecycle, MAX_CODE_LEN, is_error_status, is_valid_code, slug,
};
pub use error::ParseError;
pub use extensions::{
    ExtensionName, Extensions, InvalidExtensionName, RESERVED_MEMBERS, is_reserved_member,
    is_valid_member_name,
};
pub use problem::{ABOUT_BLANK, ExtensionError, ParseLimits, Problem};
#[cfg(feature = "contract")]
pub use registry::{Registry, RegistryEntry, RegistryError};
pub use render::{PROBLEM_JSON, Render};
pub use retry::RetryAfterValue;
pub use validation::{ERRORS_MEMBER, FieldError, InvalidPointer, JsonPointer, ValidationErrors};

#[cfg(feature = "actix-web")]
pub use integrations::actix as actix_web;
#[cfg(feature = "axum")]
pub use integrations::axum;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub use integrations::rejection::{ProblemRejection, Rejections};
#[cfg(feature = "utoipa")]
pub use integrations::utoipa;

/// Derives [`ProblemCode`] for an error enum or struct.
///
/// See the [crate documentation](crate) for a tour, and the README for every attribute.
#[cfg(feature = "derive")]
pub use problem_codes_macros::ProblemCode;

/// Compiles a catalog of problem codes into a typed enum that implements [`Catalog`]
/// and [`ProblemCode`].
///
/// See the [crate documentation](crate) for a tour.
#[cfg(feature = "derive")]
pub use problem_codes_macros::error_catalog;

pub use http;
