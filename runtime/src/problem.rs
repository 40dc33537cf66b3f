//! `Problem`: the RFC 9457 problem details document, owned, for both ends of the wire.

mod de;
mod limits;

use core::fmt;

use http::StatusCode;
use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use crate::extensions::{InvalidExtensionName, check_member_name};
use crate::json;
use crate::render::InstanceSlot;
use crate::{Catalog, CodeSet, Entry, PROBLEM_JSON, ProblemCode, Typed, TypedCode, is_valid_code};

pub use de::ParseError;
pub use limits::ParseLimits;

/// The `type` of a problem that has no type of its own (RFC 9457 §4.2.1).
///
/// ```
/// use problem_codes::{ABOUT_BLANK, Problem};
///
/// let problem = Problem::from_json(br#"{"title":"Bad Gateway","status":502}"#)?;
/// assert_eq!(problem.type_uri(), ABOUT_BLANK);
/// assert!(problem.is_about_blank());
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
pub const ABOUT_BLANK: &str = "about:blank";

/// An RFC 9457 problem details document: `type`, `title`, `status`, `detail`,
/// `instance`, the `code` extension member, and any further extension members.
///
/// A service usually renders a [`ProblemCode`] directly; `Problem` is what a client
/// parses a response into, and what a service builds by hand for problems outside its
/// catalog.
///
/// Parsing follows RFC 9457 §3.1: a member of the wrong type is ignored as if absent, and
/// unknown members are kept as extensions, so a document survives a parse and a
/// re-render.
///
/// ```
/// use problem_codes::{Problem, TypedCode};
///
/// let body = br#"{"type":"/problems/auth-too-many-requests","title":"OTP request throttled",
///     "status":429,"code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#;
/// let problem = Problem::from_json(body)?;
/// assert_eq!(problem.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
/// assert_eq!(problem.code(), Some("AUTH_TOO_MANY_REQUESTS"));
/// assert_eq!(problem.retry_after(), Some(30));
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Problem {
    type_uri: Option<String>,
    title: Option<String>,
    status: Option<StatusCode>,
    detail: Option<String>,
    instance: Option<String>,
    code: Option<String>,
    retry_after: Option<u64>,
    extensions: Map<String, Value>,
}

impl Problem {
    /// A problem with no type of its own: `type` is `about:blank` and `title` is the
    /// status phrase, as RFC 9457 §4.2.1 asks.
    ///
    /// ```
    /// use problem_codes::Problem;
    /// use http::StatusCode;
    ///
    /// let problem = Problem::new(StatusCode::SERVICE_UNAVAILABLE);
    /// assert_eq!(problem.type_uri(), "about:blank");
    /// assert_eq!(problem.title(), Some("Service Unavailable"));
    /// ```
    #[must_use]
    pub fn new(status: StatusCode) -> Problem {
        Problem {
            title: status.canonical_reason().map(str::to_owned),
            status: Some(status),
            ..Problem::default()
        }
    }

    pub(crate) fn from_parts(
        entry: &Entry,
        detail: Option<String>,
        instance: Option<String>,
        retry_after: Option<u64>,
        extensions: Map<String, Value>,
    ) -> Problem {
        Problem {
            type_uri: Some(entry.type_uri().to_owned()),
            title: Some(entry.title().to_owned()),
            status: Some(entry.status()),
            detail,
            instance,
            code: Some(entry.code().to_owned()),
            retry_after,
            extensions,
        }
    }

    /// Parses a problem document from JSON bytes, within the [default
    /// limits](ParseLimits::DEFAULT): 64 KiB, nested at most 32 deep.
    ///
    /// # Errors
    ///
    /// [`ParseError`] if the bytes are not JSON, not a JSON object, have a member name
    /// twice in one object (at any depth), or break a limit. Members of the wrong type
    /// or with an invalid value are not errors: they are ignored (RFC 9457 §3.1).
    ///
    /// ```
    /// use problem_codes::{ParseError, Problem};
    ///
    /// // `status` as a string is the wrong type: ignored, not an error.
    /// let problem = Problem::from_json(br#"{"status":"404","title":"Not Found","trace":"a1"}"#)?;
    /// assert_eq!(problem.status(), None);
    /// assert_eq!(problem.extension("trace"), Some(&serde_json::json!("a1")));
    ///
    /// assert!(matches!(Problem::from_json(b"[1, 2]"), Err(ParseError::NotAnObject)));
    /// assert!(matches!(Problem::from_json(b"<html>"), Err(ParseError::Json(_))));
    /// # Ok::<(), ParseError>(())
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Problem, ParseError> {
        Problem::from_json_with(bytes, ParseLimits::DEFAULT)
    }

    /// Parses a problem document from JSON bytes within `limits`, which are checked
    /// before any value is built.
    ///
    /// ```
    /// use problem_codes::{ParseError, ParseLimits, Problem};
    ///
    /// let body = br#"{"status":404,"code":"AUTH_USER_NOT_FOUND"}"#;
    /// let tight = ParseLimits::DEFAULT.with_max_bytes(16);
    /// assert!(matches!(
    ///     Problem::from_json_with(body, tight),
    ///     Err(ParseError::TooLarge { size: 43, limit: 16 })
    /// ));
    /// assert!(Problem::from_json_with(body, ParseLimits::DEFAULT).is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::TooLarge`] or [`ParseError::TooDeep`] when the bytes break a limit;
    /// otherwise as [`from_json`](Problem::from_json).
    pub fn from_json_with(bytes: &[u8], limits: ParseLimits) -> Result<Problem, ParseError> {
        limits.check(bytes)?;
        // Checked whole: `serde_json` skips the strings of ignored members unread.
        let text = core::str::from_utf8(bytes).map_err(ParseError::NotUtf8)?;
        de::parse(text)
    }

    /// The `application/problem+json` body.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let body = Problem::new(http::StatusCode::NOT_FOUND).with_detail("No such order").to_json();
    /// assert_eq!(body, br#"{"title":"Not Found","status":404,"detail":"No such order"}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        // Serializing strings, numbers and `Value`s into a `Vec` cannot fail.
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// An HTTP response with this document. Its status is the document's `status` when
    /// that is a client or server error (400–599), and 500 otherwise; the body's
    /// `status` then says 500 too, so the two agree.
    ///
    /// "Otherwise" is a document with no status, or one given a status that is not an
    /// error by [`with_status`](Problem::with_status) (parsing ignores those). RFC 9457
    /// §3.1.2 makes the member advisory and has generators use the same status in the
    /// response, and a problem is an error: a relayed `101` would switch protocols, and
    /// HTTP forbids a body on `1xx`, `204` and `304`. So a gateway that re-serves a
    /// problem never emits any of those.
    ///
    /// ```
    /// use problem_codes::Problem;
    /// use http::StatusCode;
    ///
    /// let response = Problem::default().with_title("Upstream failed").to_response();
    /// assert_eq!(response.status(), 500);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(response.body(), br#"{"title":"Upstream failed","status":500}"#);
    ///
    /// for not_an_error in [StatusCode::SWITCHING_PROTOCOLS, StatusCode::NO_CONTENT, StatusCode::NOT_MODIFIED] {
    ///     let response = Problem::new(StatusCode::CONFLICT).with_status(not_an_error).to_response();
    ///     assert_eq!(response.status(), 500);
    ///     assert!(response.body().ends_with(br#""status":500}"#));
    /// }
    /// ```
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let status = self
            .status
            .filter(|status| status.is_client_error() || status.is_server_error())
            .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&Document {
            problem: self,
            status,
        })
        .unwrap_or_default();
        let mut response = http::Response::new(body);
        *response.status_mut() = status;
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.retry_after {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }

    /// [`to_response`](Problem::to_response), and where a framework integration may
    /// insert the request path as `instance` later, when the document has none.
    #[cfg_attr(
        not(any(feature = "axum", feature = "actix-web")),
        allow(dead_code, reason = "only the framework layers fill `instance` later")
    )]
    pub(crate) fn response_with_slot(&self) -> (http::Response<Vec<u8>>, Option<InstanceSlot>) {
        let response = self.to_response();
        if self.instance.is_some() {
            return (response, None);
        }
        // The members before `instance`, serialized alone, are a prefix of the body.
        let head = Problem {
            instance: None,
            code: None,
            extensions: Map::new(),
            ..self.clone()
        };
        let head = serde_json::to_vec(&Document {
            problem: &head,
            status: response.status(),
        })
        .unwrap_or_default();
        let at = head.len().saturating_sub(1);
        let body = response.body();
        let slot = (body.get(..at) == head.get(..at)).then(|| InstanceSlot::new(at, body.len()));
        (response, slot)
    }

    /// The `type` URI; `about:blank` when the document has none (RFC 9457 §3.1.1).
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let typed = Problem::from_json(br#"{"type":"/problems/auth-user-not-found"}"#)?;
    /// assert_eq!(typed.type_uri(), "/problems/auth-user-not-found");
    /// assert_eq!(Problem::from_json(b"{}")?.type_uri(), "about:blank");
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn type_uri(&self) -> &str {
        self.type_uri.as_deref().unwrap_or(ABOUT_BLANK)
    }

    /// Whether the problem has no type of its own (`type` absent or `about:blank`).
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// assert!(Problem::new(http::StatusCode::BAD_GATEWAY).is_about_blank());
    /// assert!(Problem::from_json(br#"{"type":"about:blank"}"#)?.is_about_blank());
    /// assert!(!Problem::from_json(br#"{"type":"/problems/auth-user-not-found"}"#)?.is_about_blank());
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn is_about_blank(&self) -> bool {
        self.type_uri() == ABOUT_BLANK
    }

    /// The `title`, if any.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"title":"User not found","status":404}"#)?;
    /// assert_eq!(problem.title(), Some("User not found"));
    /// assert_eq!(Problem::from_json(b"{}")?.title(), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The `status`, if any. A parsed value that is not a client or server error status
    /// (an integer from 400 to 599) is ignored as invalid (RFC 9457 §3.1): a problem is
    /// an error, so a body that says `200` or `101` has no status here, and
    /// [`from_response`](Problem::from_response) takes the response's instead.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// assert_eq!(Problem::from_json(br#"{"status":404}"#)?.status(), Some(http::StatusCode::NOT_FOUND));
    /// assert_eq!(Problem::from_json(br#"{"status":"404"}"#)?.status(), None);
    /// assert_eq!(Problem::from_json(br#"{"status":200}"#)?.status(), None);
    /// assert_eq!(Problem::from_json(br#"{"status":101}"#)?.status(), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// The `detail`, if any. It is for people: map on [`code`](Problem::code), never on
    /// this text.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":429,"detail":"Try again in 30 seconds"}"#)?;
    /// assert_eq!(problem.detail(), Some("Try again in 30 seconds"));
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The `instance`, if any: the request the occurrence is about.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":404,"instance":"/v1/users/42"}"#)?;
    /// assert_eq!(problem.instance(), Some("/v1/users/42"));
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn instance(&self) -> Option<&str> {
        self.instance.as_deref()
    }

    /// The `code` extension member, if any. It is not among the
    /// [`extensions`](Problem::extensions). A parsed `code` without the code shape
    /// ([`is_valid_code`](crate::is_valid_code)) is ignored as invalid.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":404,"code":"AUTH_USER_NOT_FOUND"}"#)?;
    /// assert_eq!(problem.code(), Some("AUTH_USER_NOT_FOUND"));
    /// assert_eq!(problem.extension("code"), None);
    /// // A proxy's problem has no code: fall back on the status.
    /// assert_eq!(Problem::from_json(br#"{"status":502}"#)?.code(), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The `retry_after` member: how many seconds to wait before retrying, as the
    /// problem's `Retry-After` header said when it was served. A value that is not a
    /// whole number of seconds is ignored (RFC 9457 §3.1).
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":429,"retry_after":30}"#)?;
    /// assert_eq!(problem.retry_after(), Some(30));
    /// assert_eq!(problem.to_response().headers()["retry-after"], "30");
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn retry_after(&self) -> Option<u64> {
        self.retry_after
    }

    /// The code as a member of catalog `C`, with an explicit case for a code this build
    /// does not know yet and one for a document without a code.
    ///
    /// ```
    /// # use problem_codes::{Problem, TypedCode, Catalog};
    /// problem_codes::error_catalog! {
    ///     pub catalog Auth {
    ///         section "Auth" {
    ///             AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found" },
    ///         }
    ///     }
    /// }
    ///
    /// let known = Problem::from_json(br#"{"status":404,"code":"AUTH_USER_NOT_FOUND"}"#)?;
    /// assert_eq!(known.typed_code::<Auth>(), TypedCode::Known(Auth::AUTH_USER_NOT_FOUND));
    ///
    /// let newer = Problem::from_json(br#"{"status":409,"code":"AUTH_EMAIL_TAKEN"}"#)?;
    /// match newer.typed_code::<Auth>() {
    ///     TypedCode::Known(code) => unreachable!("{code}"),
    ///     TypedCode::Unknown(code) => assert_eq!(code, "AUTH_EMAIL_TAKEN"),
    ///     TypedCode::Absent => unreachable!(),
    /// }
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    ///
    /// An unknown code always has the code shape ([`is_valid_code`]): parsing ignores a
    /// `code` of another shape (a NUL, a newline, 60 KB of text), so it is
    /// [`Absent`](TypedCode::Absent), and so is one set by hand with
    /// [`with_code`](Problem::with_code). A client can log an unknown code as it is.
    ///
    /// ```
    /// # use problem_codes::{Problem, TypedCode};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found" },
    /// # } } }
    /// let forged = Problem::from_json(b"{\"code\":\"AUTH_X\\nlevel=admin\"}")?;
    /// assert_eq!(forged.code(), None);
    /// assert_eq!(forged.typed_code::<Auth>(), TypedCode::Absent);
    /// let by_hand = Problem::default().with_code("not a code");
    /// assert_eq!(by_hand.typed_code::<Auth>(), TypedCode::Absent);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn typed_code<C: Catalog>(&self) -> TypedCode<'_, C> {
        match self.code().filter(|code| is_valid_code(code)) {
            None => TypedCode::Absent,
            Some(code) => C::from_code(code).map_or(TypedCode::Unknown(code), TypedCode::Known),
        }
    }

    /// The problem seen through catalog `C` with its members typed: a known code holds
    /// the members its entry declares, read with their declared types; a member of the
    /// wrong type reads as absent (RFC 9457 §3.1). An unknown code and a missing one are
    /// cases of their own, as in [`typed_code`](Problem::typed_code). Allocates nothing.
    ///
    /// ```
    /// use problem_codes::{Problem, Typed};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found" },
    /// # } } }
    ///
    /// let problem = Problem::from_json(br#"{"status":404,"code":"AUTH_USER_NOT_FOUND"}"#)?;
    /// match problem.typed::<Auth>() {
    ///     Typed::Known { code, members } => {
    ///         assert_eq!(code, Auth::AUTH_USER_NOT_FOUND);
    ///         assert!(members.declared().is_empty());
    ///     }
    ///     Typed::Unknown(_) | Typed::Absent => unreachable!(),
    /// }
    /// let newer = Problem::from_json(br#"{"status":409,"code":"AUTH_EMAIL_TAKEN"}"#)?;
    /// assert!(matches!(newer.typed::<Auth>(), Typed::Unknown("AUTH_EMAIL_TAKEN")));
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    ///
    /// See [`Typed`] and [`Members`](crate::Members) for a code with members.
    #[must_use]
    pub fn typed<C: Catalog>(&self) -> Typed<'_, C> {
        Typed::of(self)
    }

    /// The problem seen through every code type `S` can answer with ([`CodeSet`]): a
    /// service's derived error type, whose inline codes no catalog holds, or a catalog.
    /// A known code is its [`Entry`], with the members the entry declares typed as in
    /// [`typed`](Problem::typed); an unknown code and a missing one are cases of their own.
    ///
    /// Use it where a client has the service's error type but no catalog for all of its
    /// codes. It lists `S`'s entries once per call (one allocation), then finds the code.
    ///
    /// ```
    /// use problem_codes::{Problem, ProblemCode, Typed};
    ///
    /// #[derive(Debug, ProblemCode)]
    /// enum UploadError {
    ///     #[problem(code = "UPLOAD_BACKEND_DOWN", status = 503, title = "Storage is down",
    ///               members(provider: string))]
    ///     Down {
    ///         #[problem(extension)]
    ///         provider: String,
    ///     },
    /// }
    ///
    /// let body = UploadError::Down { provider: "s3".into() }.to_json();
    /// let problem = Problem::from_json(&body)?;
    /// match problem.typed_entry::<UploadError>() {
    ///     Typed::Known { code, members } => {
    ///         assert_eq!(code.code(), "UPLOAD_BACKEND_DOWN");
    ///         assert_eq!(members.text("provider"), Some("s3"));
    ///     }
    ///     Typed::Unknown(_) | Typed::Absent => unreachable!(),
    /// }
    /// let other = Problem::from_json(br#"{"status":404,"code":"UPLOAD_NOT_FOUND"}"#)?;
    /// assert!(matches!(other.typed_entry::<UploadError>(), Typed::Unknown("UPLOAD_NOT_FOUND")));
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn typed_entry<S: CodeSet + ?Sized>(&self) -> Typed<'_, &'static Entry> {
        Typed::in_set::<S>(self)
    }

    /// The extension members, other than `code` (and `retry_after`, which has its own
    /// accessor).
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":402,"code":"POINTS_LOW","balance":3,"needed":10}"#)?;
    /// let names: Vec<&str> = problem.extensions().keys().map(String::as_str).collect();
    /// assert_eq!(names, ["balance", "needed"]);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn extensions(&self) -> &Map<String, Value> {
        &self.extensions
    }

    /// One extension member.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::from_json(br#"{"status":402,"balance":3}"#)?;
    /// assert_eq!(problem.extension("balance"), Some(&serde_json::json!(3)));
    /// assert_eq!(problem.extension("needed"), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn extension(&self, name: &str) -> Option<&Value> {
        self.extensions.get(name)
    }

    /// Sets `type`, for a problem type of the service's own outside its catalog.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::CONFLICT).with_type("/problems/order-locked");
    /// assert_eq!(problem.type_uri(), "/problems/order-locked");
    /// assert!(!problem.is_about_blank());
    /// ```
    #[must_use]
    pub fn with_type(mut self, type_uri: impl Into<String>) -> Problem {
        self.type_uri = Some(type_uri.into());
        self
    }

    /// Sets `title`, replacing the status phrase [`new`](Problem::new) puts there.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::CONFLICT).with_title("Order is locked");
    /// assert_eq!(problem.title(), Some("Order is locked"));
    /// ```
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Problem {
        self.title = Some(title.into());
        self
    }

    /// Sets `status`, which [`to_response`](Problem::to_response) also serves when it is
    /// an error status (400–599), and replaces with 500 otherwise.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::default().with_status(http::StatusCode::GONE);
    /// assert_eq!(problem.status(), Some(http::StatusCode::GONE));
    /// assert_eq!(problem.to_response().status(), 410);
    /// ```
    #[must_use]
    pub fn with_status(mut self, status: StatusCode) -> Problem {
        self.status = Some(status);
        self
    }

    /// Sets `detail`: text for people about this occurrence.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::NOT_FOUND).with_detail("No order 7");
    /// assert_eq!(problem.detail(), Some("No order 7"));
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    /// Sets `instance`, typically the request path, at the edge where it is known.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::NOT_FOUND).with_instance("/v1/orders/7");
    /// assert_eq!(problem.instance(), Some("/v1/orders/7"));
    /// ```
    #[must_use]
    pub fn with_instance(mut self, instance: impl Into<String>) -> Problem {
        self.instance = Some(instance.into());
        self
    }

    /// Sets `instance` in place, as a middleware does on a problem it did not build.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let mut problem = Problem::new(http::StatusCode::NOT_FOUND);
    /// problem.set_instance("/v1/orders/7");
    /// assert_eq!(problem.instance(), Some("/v1/orders/7"));
    /// ```
    pub fn set_instance(&mut self, instance: impl Into<String>) {
        self.instance = Some(instance.into());
    }

    /// Sets `retry_after`, sent as the member and as the `Retry-After` header.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::TOO_MANY_REQUESTS).with_retry_after(5);
    /// assert_eq!(problem.to_response().headers()["retry-after"], "5");
    /// ```
    #[must_use]
    pub fn with_retry_after(mut self, seconds: u64) -> Problem {
        self.retry_after = Some(seconds);
        self
    }

    /// Sets the `code` extension member.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::CONFLICT).with_code("ORDER_LOCKED");
    /// assert_eq!(problem.code(), Some("ORDER_LOCKED"));
    /// assert_eq!(problem.to_json(), br#"{"title":"Conflict","status":409,"code":"ORDER_LOCKED"}"#);
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Problem {
        self.code = Some(code.into());
        self
    }

    /// Adds an extension member.
    ///
    /// # Errors
    ///
    /// [`ExtensionError::Name`] if `name` is not a valid member name (RFC 9457 §3.2) or
    /// is a standard member; [`ExtensionError::Value`] if `value` fails to serialize, or
    /// nests arrays and objects more than 31 deep (so that the document stays within
    /// the default parse depth of 32).
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// let problem = Problem::new(http::StatusCode::PAYMENT_REQUIRED).with_extension("balance", 3)?;
    /// assert_eq!(problem.extension("balance"), Some(&serde_json::json!(3)));
    /// assert!(Problem::new(http::StatusCode::PAYMENT_REQUIRED).with_extension("title", 3).is_err());
    /// # Ok::<(), problem_codes::ExtensionError>(())
    /// ```
    pub fn with_extension(
        mut self,
        name: &str,
        value: impl Serialize,
    ) -> Result<Problem, ExtensionError> {
        check_member_name(name).map_err(ExtensionError::Name)?;
        json::check_depth(&value).map_err(ExtensionError::Value)?;
        let value = serde_json::to_value(value).map_err(ExtensionError::Value)?;
        self.extensions.insert(name.to_owned(), value);
        Ok(self)
    }
}

impl<P: ProblemCode + ?Sized> From<&P> for Problem {
    fn from(problem: &P) -> Problem {
        problem.to_problem()
    }
}

/// Why an extension member could not be added to a [`Problem`].
///
/// ```
/// use problem_codes::{ExtensionError, InvalidExtensionName, Problem};
/// use std::collections::HashMap;
///
/// let problem = Problem::new(http::StatusCode::PAYMENT_REQUIRED);
/// let err = problem.clone().with_extension("status", 3).unwrap_err();
/// assert!(matches!(err, ExtensionError::Name(InvalidExtensionName::Reserved(_))));
///
/// // JSON object keys are strings: a map keyed by tuples does not serialize.
/// let by_pair = HashMap::from([((1, 2), "a")]);
/// let err = problem.with_extension("pairs", by_pair).unwrap_err();
/// assert!(matches!(err, ExtensionError::Value(_)));
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ExtensionError {
    /// The name is not a valid member name, or is a standard one.
    Name(InvalidExtensionName),
    /// The value failed to serialize.
    Value(serde_json::Error),
}

impl fmt::Display for ExtensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtensionError::Name(err) => err.fmt(f),
            ExtensionError::Value(err) => write!(f, "extension value failed to serialize: {err}"),
        }
    }
}

impl std::error::Error for ExtensionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ExtensionError::Name(err) => Some(err),
            ExtensionError::Value(err) => Some(err),
        }
    }
}

impl Serialize for Problem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_members(self.status, serializer)
    }
}

/// A problem serialized with a given status, for a response whose status must agree.
struct Document<'a> {
    problem: &'a Problem,
    status: StatusCode,
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.problem
            .serialize_members(Some(self.status), serializer)
    }
}

impl Problem {
    fn serialize_members<S: Serializer>(
        &self,
        status: Option<StatusCode>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(type_uri) = &self.type_uri {
            map.serialize_entry("type", type_uri)?;
        }
        if let Some(title) = &self.title {
            map.serialize_entry("title", title)?;
        }
        if let Some(status) = status {
            map.serialize_entry("status", &status.as_u16())?;
        }
        if let Some(detail) = &self.detail {
            map.serialize_entry("detail", detail)?;
        }
        if let Some(instance) = &self.instance {
            map.serialize_entry("instance", instance)?;
        }
        if let Some(code) = &self.code {
            map.serialize_entry("code", code)?;
        }
        if let Some(secs) = self.retry_after {
            map.serialize_entry("retry_after", &secs)?;
        }
        for (name, value) in &self.extensions {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}
