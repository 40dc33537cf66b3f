//! `tonic`: one catalog over HTTP and gRPC. Every problem code (derived or a catalog
//! code) and every [`Problem`] becomes a [`tonic::Status`](::tonic::Status) in Google's
//! error model (AIP-193), and a client reads a `Status` back into the same [`Problem`]
//! an HTTP client parses, so both handle one set of codes with
//! [`typed_code`](Problem::typed_code).
//!
//! ```
//! use problem_codes::tonic::ToStatus;
//! use problem_codes::{Problem, ProblemCode, TypedCode};
//! use tonic_types::StatusExt;
//!
//! problem_codes::error_catalog! {
//!     pub catalog Auth {
//!         type_base = "https://errors.eryao.example/";
//!         section "Auth" {
//!             AUTH_TOO_MANY_REQUESTS = 429 {
//!                 title: "OTP request throttled",
//!                 handling: "Show wait message",
//!                 members: { retry_after: integer },
//!             },
//!         }
//!     }
//! }
//!
//! #[derive(Debug, ProblemCode)]
//! #[problem(catalog = Auth)]
//! enum OtpError {
//!     #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
//!     Throttled { #[problem(retry_after)] seconds: u64 },
//! }
//!
//! // The server answers the RPC with the error's `Status`.
//! let status = OtpError::Throttled { seconds: 30 }.to_status();
//! assert_eq!(status.code(), tonic::Code::ResourceExhausted);
//! assert_eq!(status.message(), "Try again in 30 seconds");
//! let info = status.get_details_error_info().expect("an ErrorInfo");
//! assert_eq!(info.reason, "AUTH_TOO_MANY_REQUESTS");
//! assert_eq!(info.domain, "errors.eryao.example");
//! assert_eq!(info.metadata["status"], "429");
//!
//! // The client reads it into the problem an HTTP client would have parsed.
//! let problem = Problem::from_status(&status);
//! assert_eq!(problem.typed_code::<Auth>(), TypedCode::Known(Auth::AUTH_TOO_MANY_REQUESTS));
//! assert_eq!(problem.retry_after(), Some(30));
//! assert_eq!(problem, OtpError::Throttled { seconds: 30 }.to_problem());
//! ```
//!
//! # The `Status`
//!
//! | problem | `Status` |
//! |---|---|
//! | `status` | the gRPC code, by the table below; the exact HTTP status in `ErrorInfo.metadata["status"]` |
//! | `detail`, else `title` | the message |
//! | `code` | `ErrorInfo.reason` (empty for a problem without a code) |
//! | the host of `type` | `ErrorInfo.domain` (see [Domain](#domain)) |
//! | `type`, `instance`; `title` when the message is the detail | `ErrorInfo.metadata` under those names |
//! | each extension member | `ErrorInfo.metadata[name]`, as text (see [Metadata](#metadata)) |
//! | `retry_after` | `RetryInfo.retry_delay` |
//! | the `errors` member (RFC 9457 §3) | `BadRequest.field_violations`, each pointer as a [field path](field_path) |
//!
//! Only what the HTTP body holds is there: the `Status` is built from
//! [`ProblemCode::to_problem`], so an inner error's `Display` or `source()` never reaches
//! its message, metadata or details. The standard members' names are reserved
//! (RFC 9457 §3.2), so they never collide with an extension member in the metadata.
//!
//! `LocalizedMessage` is not sent: it waits for the catalog's locales, and will carry
//! the negotiated locale's title or detail when they exist.
//!
//! # Codes
//!
//! The gRPC code of an HTTP status follows the HTTP mapping of `google/rpc/code.proto`
//! and AIP-193, read backwards; where code.proto gives a status several codes, the
//! general one is taken (`ABORTED` for 409; `FAILED_PRECONDITION` and `OUT_OF_RANGE` only
//! for the statuses that say so). [`grpc_code`] is this table:
//!
//! | HTTP status | gRPC code |
//! |---|---|
//! | 400 | `INVALID_ARGUMENT` |
//! | 401 | `UNAUTHENTICATED` |
//! | 402 | `FAILED_PRECONDITION` |
//! | 403 | `PERMISSION_DENIED` |
//! | 404 | `NOT_FOUND` |
//! | 408 | `DEADLINE_EXCEEDED` |
//! | 409 | `ABORTED` |
//! | 410 | `NOT_FOUND` |
//! | 412 | `FAILED_PRECONDITION` |
//! | 416 | `OUT_OF_RANGE` |
//! | 423 | `FAILED_PRECONDITION` |
//! | 424 | `FAILED_PRECONDITION` |
//! | 428 | `FAILED_PRECONDITION` |
//! | 429 | `RESOURCE_EXHAUSTED` |
//! | 499 | `CANCELLED` |
//! | other 4xx | `INVALID_ARGUMENT` |
//! | 500 | `INTERNAL` |
//! | 501 | `UNIMPLEMENTED` |
//! | 502 | `UNAVAILABLE` |
//! | 503 | `UNAVAILABLE` |
//! | 504 | `DEADLINE_EXCEEDED` |
//! | other 5xx | `INTERNAL` |
//!
//! A `Status` without our `ErrorInfo` (from another service or a proxy) reads back with
//! the HTTP status that code.proto gives its code ([`http_status`]).
//!
//! # Domain
//!
//! AIP-193 wants a globally unique domain, such as `pubsub.googleapis.com`. It is the
//! host of the problem's `type` URI, so a catalog with `type_base =
//! "https://errors.eryao.example/"` has the domain `errors.eryao.example`
//! ([`domain_of`]). A relative `type_base` (the default `/problems/`) has no host; the
//! domain is then [`DEFAULT_DOMAIN`], unless the service names one with
//! [`ToStatus::to_status_in`].
//!
//! # Metadata
//!
//! `ErrorInfo.metadata` maps names to strings. A string member is sent as it is, unless
//! its text would itself parse as JSON (`"42"`, `"true"`, `"[1]"`), and every other
//! member as its JSON text; such a string is sent as JSON text too (`"\"42\""`). A reader
//! parses each value as JSON and keeps the text as a string when it does not parse, so
//! every member reads back with its JSON type, and plain text (`checkout`,
//! `projects/123`) stays plain for clients that read the metadata as strings.
//!
//! # Reading a `Status`
//!
//! [`Problem::from_status`] reads any `Status`. Details it does not know, details that
//! fail to decode, a `reason` without the code shape and metadata names that are not
//! member names are ignored, as RFC 9457 §3.1 has a client ignore what it does not
//! understand; the rest is still read.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use ::tonic::{Code, Status};
use http::StatusCode;
use prost::Message as _;
use serde_json::Value;
use tonic_types::{BadRequest, ErrorDetail, ErrorInfo, FieldViolation, RetryInfo, StatusExt, pb};

use crate::{
    ERRORS_MEMBER, FieldError, JsonPointer, Problem, ProblemCode, ValidationErrors,
    is_error_status, is_reserved_member, is_valid_code, is_valid_member_name,
};

/// The `ErrorInfo.domain` of a problem whose `type` has no host (a relative
/// `type_base`, or `about:blank`). The `.invalid` top-level domain is reserved
/// (RFC 2606), so this never names another organisation's service.
///
/// ```
/// use problem_codes::tonic::{DEFAULT_DOMAIN, ToStatus};
/// use problem_codes::{Entry, ProblemCode};
/// use tonic_types::StatusExt;
///
/// struct Gone;
/// impl ProblemCode for Gone {
///     fn entry(&self) -> &'static Entry {
///         const E: &Entry = &Entry::new("ORDER_GONE", 410, "Order gone", "/problems/order-gone");
///         E
///     }
/// }
///
/// let info = Gone.to_status().get_details_error_info().expect("an ErrorInfo");
/// assert_eq!(info.domain, DEFAULT_DOMAIN);
/// let info = Gone.to_status_in("orders.example.com").get_details_error_info().expect("an ErrorInfo");
/// assert_eq!(info.domain, "orders.example.com");
/// ```
pub const DEFAULT_DOMAIN: &str = "problem-codes.invalid";

/// The metadata names of the standard members a `Status` has no field for.
const TYPE: &str = "type";
const TITLE: &str = "title";
const STATUS: &str = "status";
const INSTANCE: &str = "instance";

/// A value that answers an RPC as a [`tonic::Status`](::tonic::Status): every
/// [`ProblemCode`] (derived types and catalogs), and [`Problem`].
///
/// A trait, because the orphan rule forbids `impl From<T> for Status` for every problem
/// code `T`; [`Problem`] has the `From` impls as well. In a handler:
/// `.map_err(|err| err.to_status())?`.
///
/// ```
/// use problem_codes::tonic::ToStatus;
/// use problem_codes::{Entry, Problem, ProblemCode};
///
/// struct NotFound;
/// impl ProblemCode for NotFound {
///     fn entry(&self) -> &'static Entry {
///         const E: &Entry = &Entry::new("AUTH_USER_NOT_FOUND", 404, "User not found", "https://errors.example.com/auth-user-not-found");
///         E
///     }
/// }
///
/// fn lookup(id: u64) -> Result<String, tonic::Status> {
///     let found: Result<String, NotFound> = Err(NotFound);
///     found.map_err(|err| err.to_status())
/// }
///
/// let status = lookup(7).unwrap_err();
/// assert_eq!(status.code(), tonic::Code::NotFound);
/// assert_eq!(status.message(), "User not found");
/// assert_eq!(tonic::Status::from(NotFound.to_problem()).code(), tonic::Code::NotFound);
/// ```
pub trait ToStatus {
    /// The `Status`, its `ErrorInfo.domain` the host of the problem's `type`, or
    /// [`DEFAULT_DOMAIN`]. See the example on [`ToStatus`].
    fn to_status(&self) -> Status;

    /// The `Status` with `ErrorInfo.domain` set to `domain`. See the example on
    /// [`DEFAULT_DOMAIN`].
    fn to_status_in(&self, domain: &str) -> Status;
}

impl<P: ProblemCode + ?Sized> ToStatus for P {
    fn to_status(&self) -> Status {
        encode(&self.to_problem(), None)
    }

    fn to_status_in(&self, domain: &str) -> Status {
        encode(&self.to_problem(), Some(domain))
    }
}

impl ToStatus for Problem {
    fn to_status(&self) -> Status {
        encode(self, None)
    }

    fn to_status_in(&self, domain: &str) -> Status {
        encode(self, Some(domain))
    }
}

impl From<&Problem> for Status {
    fn from(problem: &Problem) -> Status {
        encode(problem, None)
    }
}

impl From<Problem> for Status {
    fn from(problem: Problem) -> Status {
        encode(&problem, None)
    }
}

impl From<&Status> for Problem {
    fn from(status: &Status) -> Problem {
        Problem::from_status(status)
    }
}

impl Problem {
    /// Reads a gRPC `Status` into the problem an HTTP client of the same service would
    /// have parsed: the code from `ErrorInfo.reason`, the members from its metadata,
    /// `retry_after` from `RetryInfo` and the `errors` member from `BadRequest` (see the
    /// [module](crate::tonic) docs for the whole layout).
    ///
    /// It never fails: details it does not know or cannot decode are ignored. A `Status`
    /// from elsewhere reads as a problem with no type, the HTTP status of its code, and
    /// its message as the detail.
    ///
    /// ```
    /// use problem_codes::{Problem, ValidationErrors};
    /// use tonic_types::{ErrorDetails, StatusExt};
    ///
    /// let mut details = ErrorDetails::with_bad_request_violation("links[1].url", "must start with https://");
    /// details.set_retry_info(Some(std::time::Duration::from_millis(1500)));
    /// let status = tonic::Status::with_error_details(tonic::Code::InvalidArgument, "bad links", details);
    ///
    /// let problem = Problem::from_status(&status);
    /// assert_eq!(problem.status(), Some(http::StatusCode::BAD_REQUEST));
    /// assert_eq!(problem.title(), Some("Bad Request"));
    /// assert_eq!(problem.detail(), Some("bad links"));
    /// assert_eq!(problem.code(), None);
    /// assert_eq!(problem.retry_after(), Some(2));
    /// let errors = ValidationErrors::from_problem(&problem);
    /// assert_eq!(errors.iter().next().map(|e| e.pointer().as_str()), Some("/links/1/url"));
    ///
    /// // Details that are not protobuf at all are ignored, not errors.
    /// let garbled = tonic::Status::with_details(tonic::Code::NotFound, "gone", vec![0xff, 0x01].into());
    /// assert_eq!(Problem::from_status(&garbled).status(), Some(http::StatusCode::NOT_FOUND));
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "tonic")))]
    #[must_use]
    pub fn from_status(status: &Status) -> Problem {
        decode(status)
    }
}

/// The gRPC code a problem with HTTP status `status` is sent with: the table in the
/// [module](crate::tonic#codes) docs. A status that is not an error is `UNKNOWN`.
///
/// ```
/// use problem_codes::tonic::grpc_code;
/// use http::StatusCode;
/// use tonic::Code;
///
/// assert_eq!(grpc_code(StatusCode::TOO_MANY_REQUESTS), Code::ResourceExhausted);
/// assert_eq!(grpc_code(StatusCode::UNPROCESSABLE_ENTITY), Code::InvalidArgument);
/// assert_eq!(grpc_code(StatusCode::BAD_GATEWAY), Code::Unavailable);
/// assert_eq!(grpc_code(StatusCode::OK), Code::Unknown);
/// ```
#[must_use]
pub fn grpc_code(status: StatusCode) -> Code {
    match status.as_u16() {
        401 => Code::Unauthenticated,
        403 => Code::PermissionDenied,
        404 | 410 => Code::NotFound,
        408 | 504 => Code::DeadlineExceeded,
        409 => Code::Aborted,
        402 | 412 | 423 | 424 | 428 => Code::FailedPrecondition,
        416 => Code::OutOfRange,
        429 => Code::ResourceExhausted,
        499 => Code::Cancelled,
        501 => Code::Unimplemented,
        502 | 503 => Code::Unavailable,
        // 400 itself, 422 and every 4xx a row does not name.
        400..=499 => Code::InvalidArgument,
        500..=599 => Code::Internal,
        _ => Code::Unknown,
    }
}

/// The HTTP status `google/rpc/code.proto` gives a gRPC code: what a `Status` without
/// our `ErrorInfo` reads back with. `OK`, which is no error, gives 500.
///
/// ```
/// use problem_codes::tonic::http_status;
/// use tonic::Code;
///
/// assert_eq!(http_status(Code::FailedPrecondition), 400);
/// assert_eq!(http_status(Code::AlreadyExists), 409);
/// assert_eq!(http_status(Code::Cancelled), 499);
/// assert_eq!(http_status(Code::DataLoss), 500);
/// ```
#[must_use]
pub fn http_status(code: Code) -> StatusCode {
    let status = match code {
        Code::InvalidArgument | Code::FailedPrecondition | Code::OutOfRange => 400,
        Code::Unauthenticated => 401,
        Code::PermissionDenied => 403,
        Code::NotFound => 404,
        Code::AlreadyExists | Code::Aborted => 409,
        Code::ResourceExhausted => 429,
        Code::Cancelled => 499,
        Code::Unimplemented => 501,
        Code::Unavailable => 503,
        Code::DeadlineExceeded => 504,
        Code::Ok | Code::Unknown | Code::Internal | Code::DataLoss => 500,
    };
    StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// The host of an absolute `type` URI, the `ErrorInfo.domain` of its problems; `None`
/// for a relative reference, `about:blank` or a URI without an authority.
///
/// ```
/// use problem_codes::tonic::domain_of;
///
/// assert_eq!(domain_of("https://errors.eryao.example/auth-too-many-requests"), Some("errors.eryao.example"));
/// assert_eq!(domain_of("https://ops@errors.example.com:8443/x"), Some("errors.example.com"));
/// assert_eq!(domain_of("/problems/auth-too-many-requests"), None);
/// assert_eq!(domain_of("about:blank"), None);
/// ```
#[must_use]
pub fn domain_of(type_uri: &str) -> Option<&str> {
    let (scheme, rest) = type_uri.split_once("://")?;
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    let host = match host.find(']') {
        // An IPv6 literal, `[::1]:8443`.
        Some(end) if host.starts_with('[') => host.get(..=end).unwrap_or(host),
        _ => host.split(':').next().unwrap_or(host),
    };
    (!host.is_empty()).then_some(host)
}

/// A JSON Pointer written as a `BadRequest.FieldViolation.field` path: member names
/// joined by `.`, array indexes in brackets (`/links/1/url` becomes `links[1].url`). A
/// name that is not an identifier is quoted in brackets as a JSON string
/// (`/tags/a.b` becomes `tags["a.b"]`), so [`pointer_of`] reads every path back.
///
/// ```
/// use problem_codes::JsonPointer;
/// use problem_codes::tonic::{field_path, pointer_of};
///
/// let pointer = JsonPointer::parse("/links/1/url")?;
/// assert_eq!(field_path(&pointer), "links[1].url");
/// assert_eq!(pointer_of("links[1].url"), Some(pointer));
///
/// let odd = JsonPointer::root().key("a.b").key("").key("x y");
/// assert_eq!(field_path(&odd), r#"["a.b"][""]["x y"]"#);
/// assert_eq!(pointer_of(&field_path(&odd)), Some(odd));
/// # Ok::<(), problem_codes::InvalidPointer>(())
/// ```
#[must_use]
pub fn field_path(pointer: &JsonPointer) -> String {
    let mut path = String::with_capacity(pointer.as_str().len());
    for token in pointer.tokens() {
        if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
            path.push('[');
            path.push_str(&token);
            path.push(']');
        } else if is_identifier(&token) {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&token);
        } else {
            path.push('[');
            path.push_str(&Value::String(token).to_string());
            path.push(']');
        }
    }
    path
}

/// The JSON Pointer of a field path, [`field_path`]'s inverse; `None` when the path is
/// malformed. Unquoted names may hold any character but `.` and `[`, so the paths of
/// other servers (`email_addresses[1].email`, `shipping-address.zip`) read too; the
/// empty path is the whole request.
///
/// ```
/// use problem_codes::tonic::pointer_of;
///
/// assert_eq!(pointer_of("shipping-address.zip").map(|p| p.to_string()), Some("/shipping-address/zip".to_owned()));
/// assert_eq!(pointer_of("").map(|p| p.is_root()), Some(true));
/// assert_eq!(pointer_of("links[1"), None);
/// assert_eq!(pointer_of("a..b"), None);
/// ```
#[must_use]
pub fn pointer_of(field: &str) -> Option<JsonPointer> {
    let mut pointer = JsonPointer::root();
    let mut rest = field;
    let mut first = true;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let (token, after) = if inner.starts_with('"') {
                let end = closing_quote(inner)?;
                let token: String = serde_json::from_str(inner.get(..=end)?).ok()?;
                (token, inner.get(end + 1..)?)
            } else {
                let (digits, _) = inner.split_once(']')?;
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                (digits.to_owned(), inner.get(digits.len()..)?)
            };
            rest = after.strip_prefix(']')?;
            pointer.push(&token);
        } else {
            let name = if first { rest } else { rest.strip_prefix('.')? };
            let end = name.find(['.', '[']).unwrap_or(name.len());
            let (token, after) = name.split_at(end);
            if token.is_empty() {
                return None;
            }
            pointer.push(token);
            rest = after;
        }
        first = false;
    }
    Some(pointer)
}

/// The index of the `"` that closes the JSON string `text` opens.
fn closing_quote(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

fn is_identifier(token: &str) -> bool {
    let mut bytes = token.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A member's value as metadata text: see the module docs.
fn metadata_text(value: &Value) -> String {
    match value {
        Value::String(text) if serde_json::from_str::<Value>(text).is_err() => text.clone(),
        other => other.to_string(),
    }
}

/// The inverse of [`metadata_text`].
fn metadata_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned()))
}

fn encode(problem: &Problem, domain: Option<&str>) -> Status {
    let http = problem
        .status()
        .filter(|status| is_error_status(status.as_u16()))
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let message = problem.detail().or(problem.title()).unwrap_or_default();

    let mut metadata = HashMap::new();
    if !problem.is_about_blank() {
        metadata.insert(TYPE.to_owned(), problem.type_uri().to_owned());
    }
    if let (Some(title), Some(_)) = (problem.title(), problem.detail()) {
        metadata.insert(TITLE.to_owned(), title.to_owned());
    }
    metadata.insert(STATUS.to_owned(), http.as_u16().to_string());
    if let Some(instance) = problem.instance() {
        metadata.insert(INSTANCE.to_owned(), instance.to_owned());
    }
    let violations = ValidationErrors::from_problem(problem);
    // `errors` goes in the metadata too unless the violations say all it says.
    let whole = !violations.is_empty()
        && serde_json::to_value(&violations).ok().as_ref() == problem.extension(ERRORS_MEMBER);
    for (name, value) in problem.extensions() {
        if !(whole && name == ERRORS_MEMBER) {
            metadata.insert(name.clone(), metadata_text(value));
        }
    }

    let domain = domain
        .or_else(|| domain_of(problem.type_uri()))
        .unwrap_or(DEFAULT_DOMAIN);
    let reason = problem.code().unwrap_or_default();
    let mut details = vec![ErrorDetail::ErrorInfo(ErrorInfo::new(
        reason, domain, metadata,
    ))];
    if let Some(secs) = problem.retry_after() {
        details.push(ErrorDetail::RetryInfo(RetryInfo::new(Some(
            Duration::from_secs(secs),
        ))));
    }
    if !violations.is_empty() {
        let violations: Vec<FieldViolation> = violations
            .iter()
            .map(|error| FieldViolation::new(field_path(error.pointer()), error.detail()))
            .collect();
        details.push(ErrorDetail::BadRequest(BadRequest::new(violations)));
    }
    Status::with_error_details_vec(grpc_code(http), message, details)
}

/// The details of a `Status` that this module reads, each decoded alone so that one
/// malformed detail does not hide the others.
#[derive(Default)]
struct Details {
    info: Option<pb::ErrorInfo>,
    retry: Option<pb::RetryInfo>,
    bad_request: Option<pb::BadRequest>,
}

impl Details {
    fn of(status: &Status) -> Details {
        let mut details = Details::default();
        let Ok(rpc) = pb::Status::decode(status.details()) else {
            return details;
        };
        for any in &rpc.details {
            let value = any.value.as_slice();
            match any.type_url.as_str() {
                ErrorInfo::TYPE_URL if details.info.is_none() => {
                    details.info = pb::ErrorInfo::decode(value).ok();
                }
                RetryInfo::TYPE_URL if details.retry.is_none() => {
                    details.retry = pb::RetryInfo::decode(value).ok();
                }
                BadRequest::TYPE_URL if details.bad_request.is_none() => {
                    details.bad_request = pb::BadRequest::decode(value).ok();
                }
                _ => {}
            }
        }
        details
    }
}

fn decode(status: &Status) -> Problem {
    let details = Details::of(status);
    let (reason, metadata) = details
        .info
        .map(|info| (info.reason, info.metadata))
        .unwrap_or_default();
    // Sorted, so that a problem reads back the same whatever the map's order.
    let metadata: BTreeMap<String, String> = metadata.into_iter().collect();
    let message = status.message();

    let http = metadata
        .get(STATUS)
        .and_then(|text| text.parse::<u16>().ok())
        .filter(|&status| is_error_status(status))
        .and_then(|status| StatusCode::from_u16(status).ok());
    let mut problem = match http {
        // Ours: the message is the title, or the detail when the title is beside it.
        Some(http) => {
            let problem = Problem::default().with_status(http);
            match metadata.get(TITLE) {
                Some(title) => problem.with_title(title).with_detail(message),
                None if message.is_empty() => problem,
                None => problem.with_title(message),
            }
        }
        None => {
            let problem = Problem::new(http_status(status.code()));
            if message.is_empty() {
                problem
            } else {
                problem.with_detail(message)
            }
        }
    };
    if let Some(type_uri) = metadata.get(TYPE) {
        problem = problem.with_type(type_uri);
    }
    if let Some(instance) = metadata.get(INSTANCE) {
        problem = problem.with_instance(instance);
    }
    if is_valid_code(&reason) {
        problem = problem.with_code(reason);
    }
    for (name, text) in &metadata {
        if is_valid_member_name(name) && !is_reserved_member(name) {
            problem = problem
                .clone()
                .with_extension(name, metadata_value(text))
                .unwrap_or(problem);
        }
    }
    if let Some(secs) = details
        .retry
        .and_then(|retry| retry.retry_delay)
        .and_then(|delay| {
            let secs = u64::try_from(delay.seconds).ok()?;
            Some(if delay.nanos > 0 {
                secs.saturating_add(1)
            } else {
                secs
            })
        })
    {
        problem = problem.with_retry_after(secs);
    }
    if problem.extension(ERRORS_MEMBER).is_none() {
        let errors: ValidationErrors = details
            .bad_request
            .map(|bad| bad.field_violations)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|violation| {
                pointer_of(&violation.field)
                    .map(|pointer| FieldError::new(pointer, violation.description))
            })
            .collect();
        if !errors.is_empty() {
            problem = problem
                .clone()
                .with_extension(ERRORS_MEMBER, &errors)
                .unwrap_or(problem);
        }
    }
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every gRPC code by its code.proto name.
    const CODES: [(&str, Code); 17] = [
        ("OK", Code::Ok),
        ("CANCELLED", Code::Cancelled),
        ("UNKNOWN", Code::Unknown),
        ("INVALID_ARGUMENT", Code::InvalidArgument),
        ("DEADLINE_EXCEEDED", Code::DeadlineExceeded),
        ("NOT_FOUND", Code::NotFound),
        ("ALREADY_EXISTS", Code::AlreadyExists),
        ("PERMISSION_DENIED", Code::PermissionDenied),
        ("RESOURCE_EXHAUSTED", Code::ResourceExhausted),
        ("FAILED_PRECONDITION", Code::FailedPrecondition),
        ("ABORTED", Code::Aborted),
        ("OUT_OF_RANGE", Code::OutOfRange),
        ("UNIMPLEMENTED", Code::Unimplemented),
        ("INTERNAL", Code::Internal),
        ("UNAVAILABLE", Code::Unavailable),
        ("DATA_LOSS", Code::DataLoss),
        ("UNAUTHENTICATED", Code::Unauthenticated),
    ];

    /// The table of the module docs, read from this file: `(row, code)`.
    fn documented() -> Vec<(String, Code)> {
        include_str!("tonic.rs")
            .lines()
            .filter_map(|line| {
                let cells: Vec<&str> = line
                    .strip_prefix("//! |")?
                    .split('|')
                    .map(str::trim)
                    .collect();
                let name = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
                let code = CODES.iter().find(|(n, _)| *n == name)?.1;
                Some((cells.first()?.to_string(), code))
            })
            .collect()
    }

    #[test]
    fn every_error_status_has_the_documented_code() {
        let table = documented();
        assert!(table.len() > 20, "the table went missing: {table:?}");
        for status in 400..=599u16 {
            let class = if status < 500 {
                "other 4xx"
            } else {
                "other 5xx"
            };
            let row = table
                .iter()
                .find(|(row, _)| *row == status.to_string())
                .or_else(|| table.iter().find(|(row, _)| row == class))
                .expect("a row for every status");
            let http = StatusCode::from_u16(status).expect("a status");
            assert_eq!(grpc_code(http), row.1, "{status}");
        }
    }

    #[test]
    fn the_mapping_google_names_is_kept() {
        for (status, code) in [
            (400, Code::InvalidArgument),
            (401, Code::Unauthenticated),
            (403, Code::PermissionDenied),
            (404, Code::NotFound),
            (409, Code::Aborted),
            (429, Code::ResourceExhausted),
            (499, Code::Cancelled),
            (500, Code::Internal),
            (501, Code::Unimplemented),
            (503, Code::Unavailable),
            (504, Code::DeadlineExceeded),
        ] {
            let http = StatusCode::from_u16(status).expect("a status");
            assert_eq!(grpc_code(http), code, "{status}");
            // code.proto's own direction agrees wherever it names one status.
            if status != 409 || code == Code::Aborted {
                assert_eq!(http_status(code), http, "{code:?}");
            }
        }
        for (_, code) in CODES {
            let back = http_status(code);
            assert!(back.is_client_error() || back.is_server_error(), "{code:?}");
        }
    }

    #[test]
    fn field_paths_read_back_to_their_pointers() {
        for pointer in [
            "",
            "/links/1/url",
            "/a.b/0",
            "/",
            "/\"/\\/]",
            "/名前/x y/007",
            "/a~1b/m~0n",
        ] {
            let pointer = JsonPointer::parse(pointer).expect("a pointer");
            let path = field_path(&pointer);
            assert_eq!(pointer_of(&path), Some(pointer), "{path}");
        }
        for bad in ["[", "a[", "a[x]", "a.", ".a", "a[\"b]", "a[1]b"] {
            assert_eq!(pointer_of(bad), None, "{bad}");
        }
    }

    #[test]
    fn metadata_text_keeps_every_json_type() {
        for value in [
            serde_json::json!("checkout"),
            serde_json::json!("42"),
            serde_json::json!("\"quoted\""),
            serde_json::json!(" true"),
            serde_json::json!(""),
            serde_json::json!(42),
            serde_json::json!(-1.5),
            serde_json::json!(false),
            serde_json::json!(null),
            serde_json::json!([1, "a"]),
            serde_json::json!({"k": [true]}),
        ] {
            assert_eq!(metadata_value(&metadata_text(&value)), value, "{value}");
        }
        assert_eq!(metadata_text(&serde_json::json!("checkout")), "checkout");
    }

    #[test]
    fn one_malformed_detail_hides_no_other() {
        let good = tonic_types::ErrorDetails::with_retry_info(Some(Duration::from_secs(7)));
        let status = Status::with_error_details(Code::Unavailable, "down", good);
        let mut rpc = pb::Status::decode(status.details()).expect("details");
        let mut broken = rpc.details[0].clone();
        broken.type_url = ErrorInfo::TYPE_URL.to_owned();
        broken.value = vec![0xff, 0xff, 0xff];
        let mut foreign = broken.clone();
        foreign.type_url = "type.example.com/Foreign".to_owned();
        rpc.details.insert(0, broken);
        rpc.details.insert(0, foreign);
        let status = Status::with_details(Code::Unavailable, "down", rpc.encode_to_vec().into());
        let problem = Problem::from_status(&status);
        assert_eq!(problem.retry_after(), Some(7));
        assert_eq!(problem.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
        assert_eq!(problem.detail(), Some("down"));
        assert_eq!(problem.code(), None);
    }
}
