//! The `ProblemCode` trait: what a type must tell to be rendered as a problem.

use core::fmt;

use http::StatusCode;

use crate::table::{self, Arg, Row};
use crate::{Entry, ExtensionSink, Problem, Render};

/// A value that is one occurrence of a problem code: the code's static [`Entry`] plus the
/// parts that vary per occurrence (detail, extension members, `Retry-After`).
///
/// Derive it with `#[derive(ProblemCode)]`, get it from [`error_catalog!`], or implement
/// it by hand: only [`entry`](ProblemCode::entry) is required. The provided methods
/// render the RFC 9457 document.
///
/// Nothing about a value reaches the wire unless a method here says so: the default
/// `detail` is empty, the default extensions are none, and neither `Display` nor
/// `source()` is ever consulted.
///
/// ```
/// use problem_codes::{Entry, ProblemCode};
/// use std::fmt;
///
/// struct Throttled { seconds: u64 }
///
/// impl ProblemCode for Throttled {
///     fn entry(&self) -> &'static Entry {
///         const ENTRY: &Entry = &Entry::new(
///             "AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled",
///             "/problems/auth-too-many-requests",
///         );
///         ENTRY
///     }
///     fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         write!(f, "Try again in {} seconds", self.seconds)
///     }
///     fn retry_after(&self) -> Option<u64> {
///         Some(self.seconds)
///     }
/// }
///
/// let response = Throttled { seconds: 30 }.to_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["retry-after"], "30");
/// assert_eq!(
///     std::str::from_utf8(response.body())?,
///     r#"{"type":"/problems/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in 30 seconds","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#,
/// );
/// # Ok::<(), std::str::Utf8Error>(())
/// ```
///
/// [`error_catalog!`]: crate::error_catalog
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a problem code",
    label = "`{Self}` does not implement `ProblemCode`",
    note = "derive it with `#[derive(problem_codes::ProblemCode)]`, or declare the type with `problem_codes::error_catalog!`"
)]
pub trait ProblemCode {
    /// The static facts of this occurrence's code: the one method an implementation
    /// must write. See the example on [`ProblemCode`].
    fn entry(&self) -> &'static Entry;

    /// Writes the RFC 9457 `detail` of this occurrence. Writing nothing (the default)
    /// leaves `detail` out of the document. See the example on [`ProblemCode`]; the
    /// derive writes it from a variant's `detail = "…"` format.
    ///
    /// # Errors
    ///
    /// Only the errors of the formatter it writes to.
    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.__row() {
            Row::Table(variant) if !variant.detail.is_empty() => {
                table::with_occurrence(self, |o| o.fmt_detail(f)).unwrap_or(Ok(()))
            }
            Row::Inner(inner) => inner.fmt_detail(f),
            Row::Table(_) | Row::None => Ok(()),
        }
    }

    /// Where a derived value's facts are: its variant's row of the derive's table, or
    /// a `transparent` variant's inner problem. Not public API: see the table in
    /// `__private`.
    #[doc(hidden)]
    fn __row(&self) -> Row<'_> {
        Row::None
    }

    /// This problem as a trait object, for a `transparent` variant's row. Not public
    /// API: see the table in `__private`.
    #[doc(hidden)]
    fn __as_dyn(&self) -> &dyn ProblemCode
    where
        Self: Sized,
    {
        self
    }

    /// Calls `f` with this occurrence's values, in the order its row names them. Not
    /// public API: see the table in `__private`.
    #[doc(hidden)]
    fn __args(&self, f: &mut dyn FnMut(&[Arg<'_>])) {
        f(&[]);
    }

    /// Whether this occurrence is its entry alone, with no part of its own (no detail,
    /// extension member or `retry_after`), so its body is the entry's pre-rendered one,
    /// copied whole. The macros say so where they know; the default, `false`, is always
    /// correct. Not public API: see the table in `__private`.
    #[doc(hidden)]
    fn __is_entry_only(&self) -> bool {
        match self.__row() {
            Row::Table(variant) => variant.is_entry_only(),
            Row::Inner(inner) => inner.__is_entry_only(),
            Row::None => false,
        }
    }

    /// Writes the detail into a body being rendered. The derive overrides it with a
    /// writer that needs no `core::fmt` machinery; by default it goes through
    /// [`fmt_detail`](ProblemCode::fmt_detail). Not public API: see the table in
    /// `__private`.
    ///
    /// # Errors
    ///
    /// Those of `fmt_detail`.
    #[doc(hidden)]
    fn __write_detail(&self, sink: &mut crate::__private::DetailSink<'_>) -> fmt::Result {
        match self.__row() {
            Row::Table(variant) if variant.detail.is_empty() => Ok(()),
            Row::Table(_) => {
                table::with_occurrence(self, |o| o.__write_detail(sink)).unwrap_or(Ok(()))
            }
            Row::Inner(inner) => inner.__write_detail(sink),
            Row::None => {
                sink.display(&DetailDisplay(self));
                sink.finish()
            }
        }
    }

    /// Adds the extension members of this occurrence (none by default). See the example
    /// on [`ExtensionSink`]; the derive fills it from fields marked
    /// `#[problem(extension)]`.
    fn extensions(&self, ext: &mut ExtensionSink<'_>) {
        match self.__row() {
            Row::Table(variant) if !variant.members.is_empty() => {
                table::with_occurrence(self, |o| o.extensions(ext));
            }
            Row::Inner(inner) => inner.extensions(ext),
            Row::Table(_) | Row::None => {}
        }
    }

    /// The number of seconds a client should wait before retrying, sent as the
    /// `Retry-After` header and as the `retry_after` member (none by default). See the
    /// example on [`ProblemCode`]; the derive fills it from a field marked
    /// `#[problem(retry_after)]`.
    fn retry_after(&self) -> Option<u64> {
        match self.__row() {
            Row::Table(variant) if variant.retry_after.is_some() => {
                table::with_occurrence(self, |o| o.retry_after()).flatten()
            }
            Row::Inner(inner) => inner.retry_after(),
            Row::Table(_) | Row::None => None,
        }
    }

    /// Adds the response headers of this occurrence (none by default). The renderers
    /// set `Content-Type` and `Retry-After` after this, so those two always come from
    /// the problem itself.
    ///
    /// The derive fills it from fields marked `#[problem(header = "name")]`.
    ///
    /// ```
    /// use problem_codes::{Entry, ProblemCode};
    /// use http::header::{HeaderMap, HeaderValue, WWW_AUTHENTICATE};
    ///
    /// struct TokenExpired;
    /// impl ProblemCode for TokenExpired {
    ///     fn entry(&self) -> &'static Entry {
    ///         const E: &Entry = &Entry::new("AUTH_REFRESH_TOKEN_INVALID", 401, "Invalid/expired refresh token", "/problems/auth-refresh-token-invalid");
    ///         E
    ///     }
    ///     fn headers(&self, headers: &mut HeaderMap) {
    ///         headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static(r#"Bearer error="invalid_token""#));
    ///     }
    /// }
    ///
    /// let response = TokenExpired.to_response();
    /// assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_token""#);
    /// ```
    fn headers(&self, headers: &mut http::HeaderMap) {
        if let Row::Inner(inner) = self.__row() {
            inner.headers(headers);
        }
    }

    /// The error behind this occurrence, for the service's logs only: with the `tracing`
    /// feature, rendering a 5xx response records its `Display` and its whole `source()`
    /// chain. Never rendered into the body.
    ///
    /// `None` by default. The derive returns the value itself when its type implements
    /// [`std::error::Error`] (a type without generic parameters; for a generic one,
    /// `None`), else the error of a `transparent` variant's field.
    ///
    /// ```
    /// use problem_codes::{Entry, ProblemCode};
    /// use std::error::Error;
    ///
    /// #[derive(Debug)]
    /// struct AsrDown(std::io::Error);
    /// impl std::fmt::Display for AsrDown {
    ///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    ///         f.write_str("ASR upstream failed")
    ///     }
    /// }
    /// impl Error for AsrDown {
    ///     fn source(&self) -> Option<&(dyn Error + 'static)> { Some(&self.0) }
    /// }
    /// impl ProblemCode for AsrDown {
    ///     fn entry(&self) -> &'static Entry {
    ///         const E: &Entry = &Entry::new("AGENT_ASR_UNAVAILABLE", 502, "Upstream ASR service unavailable", "/problems/agent-asr-unavailable");
    ///         E
    ///     }
    ///     fn as_error(&self) -> Option<&(dyn Error + 'static)> {
    ///         Some(self)
    ///     }
    /// }
    ///
    /// let err = AsrDown(std::io::Error::other("connection refused"));
    /// let source = err.as_error().and_then(Error::source).map(ToString::to_string);
    /// assert_eq!(source.as_deref(), Some("connection refused"));
    /// assert!(!String::from_utf8(err.to_json())?.contains("refused"));
    /// # Ok::<(), std::string::FromUtf8Error>(())
    /// ```
    fn as_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self.__row() {
            Row::Inner(inner) => inner.as_error(),
            Row::Table(_) | Row::None => None,
        }
    }

    /// The stable code, e.g. `AUTH_TOO_MANY_REQUESTS`. This, [`status`](ProblemCode::status),
    /// [`title`](ProblemCode::title) and [`type_uri`](ProblemCode::type_uri) read the
    /// [`entry`](ProblemCode::entry).
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// # #[derive(Debug, ProblemCode)]
    /// # #[problem(catalog = Auth)]
    /// # enum UserError {
    /// #     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
    /// #     NotFound(u64),
    /// #     #[problem(AUTH_USER_NOT_FOUND)]
    /// #     Hidden,
    /// # }
    /// let err = UserError::NotFound(7);
    /// assert_eq!(err.code(), "AUTH_USER_NOT_FOUND");
    /// assert_eq!(err.status(), http::StatusCode::NOT_FOUND);
    /// assert_eq!(err.title(), "User not found");
    /// assert_eq!(err.type_uri(), "/problems/auth-user-not-found");
    /// // A catalog's codes are problem codes too.
    /// assert_eq!(Auth::AUTH_USER_NOT_FOUND.status(), 404);
    /// ```
    fn code(&self) -> &'static str {
        self.entry().code()
    }

    /// The HTTP status of the response. See the example on [`code`](ProblemCode::code).
    fn status(&self) -> StatusCode {
        self.entry().status()
    }

    /// The RFC 9457 `title`. See the example on [`code`](ProblemCode::code).
    fn title(&self) -> &'static str {
        self.entry().title()
    }

    /// The RFC 9457 `type` URI. See the example on [`code`](ProblemCode::code).
    fn type_uri(&self) -> &'static str {
        self.entry().type_uri()
    }

    /// The rendered `detail`, or `None` when this occurrence has none. Allocates; the
    /// renderers write the detail straight into the body instead.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// # #[derive(Debug, ProblemCode)]
    /// # #[problem(catalog = Auth)]
    /// # enum UserError {
    /// #     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
    /// #     NotFound(u64),
    /// #     #[problem(AUTH_USER_NOT_FOUND)]
    /// #     Hidden,
    /// # }
    /// assert_eq!(UserError::NotFound(7).detail().as_deref(), Some("No user 7"));
    /// assert_eq!(UserError::Hidden.detail(), None);
    /// ```
    fn detail(&self) -> Option<String> {
        // Not `to_string`, which panics when a `Display` fails: the renderers leave such
        // a detail out, and so does this.
        let mut detail = String::new();
        fmt::write(&mut detail, format_args!("{}", DetailDisplay(self))).ok()?;
        (!detail.is_empty()).then_some(detail)
    }

    /// Starts rendering this occurrence, to set per-request parts such as `instance`.
    ///
    /// ```
    /// # use problem_codes::{Entry, ProblemCode};
    /// # struct NotFound;
    /// # impl ProblemCode for NotFound {
    /// #     fn entry(&self) -> &'static Entry {
    /// #         const E: &Entry = &Entry::new("AUTH_USER_NOT_FOUND", 404, "User not found", "/problems/auth-user-not-found");
    /// #         E
    /// #     }
    /// # }
    /// let body = NotFound.render().instance("/v1/users/42").to_vec();
    /// assert!(body.ends_with(br#""instance":"/v1/users/42","code":"AUTH_USER_NOT_FOUND"}"#));
    /// ```
    fn render(&self) -> Render<'_, Self>
    where
        Self: Sized,
    {
        Render::new(self)
    }

    /// The `application/problem+json` body of this occurrence.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// # #[derive(Debug, ProblemCode)]
    /// # #[problem(catalog = Auth)]
    /// # enum UserError {
    /// #     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
    /// #     NotFound(u64),
    /// #     #[problem(AUTH_USER_NOT_FOUND)]
    /// #     Hidden,
    /// # }
    /// assert_eq!(
    ///     UserError::NotFound(7).to_json(),
    ///     br#"{"type":"/problems/auth-user-not-found","title":"User not found","status":404,"detail":"No user 7","code":"AUTH_USER_NOT_FOUND"}"#,
    /// );
    /// ```
    fn to_json(&self) -> Vec<u8> {
        Render::new(self).to_vec()
    }

    /// An HTTP response: the status, the occurrence's [`headers`](ProblemCode::headers),
    /// `Content-Type: application/problem+json`, `Retry-After` when given, and the JSON
    /// body. See the example on [`ProblemCode`]; [`render`](ProblemCode::render) sets
    /// `instance` first.
    fn to_response(&self) -> http::Response<Vec<u8>> {
        Render::new(self).to_response()
    }

    /// The owned RFC 9457 document of this occurrence, to inspect or extend before
    /// serving it.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// # #[derive(Debug, ProblemCode)]
    /// # #[problem(catalog = Auth)]
    /// # enum UserError {
    /// #     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
    /// #     NotFound(u64),
    /// #     #[problem(AUTH_USER_NOT_FOUND)]
    /// #     Hidden,
    /// # }
    /// let problem = UserError::NotFound(7).to_problem().with_extension("trace_id", "a1b2")?;
    /// assert_eq!(problem.code(), Some("AUTH_USER_NOT_FOUND"));
    /// assert_eq!(problem.detail(), Some("No user 7"));
    /// assert_eq!(problem.to_response().status(), 404);
    /// # Ok::<(), problem_codes::ExtensionError>(())
    /// ```
    fn to_problem(&self) -> Problem {
        Render::new(self).to_problem()
    }
}

/// Shows a problem's detail through `Display`.
pub(crate) struct DetailDisplay<'a, P: ?Sized>(pub(crate) &'a P);

impl<P: ProblemCode + ?Sized> fmt::Display for DetailDisplay<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_detail(f)
    }
}

macro_rules! forward_problem_code {
    ($($ty:ty),*) => {$(
        impl<T: ProblemCode + ?Sized> ProblemCode for $ty {
            fn entry(&self) -> &'static Entry {
                (**self).entry()
            }
            fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_detail(f)
            }
            fn __write_detail(&self, sink: &mut crate::__private::DetailSink<'_>) -> fmt::Result {
                (**self).__write_detail(sink)
            }
            fn __is_entry_only(&self) -> bool {
                (**self).__is_entry_only()
            }
            fn __row(&self) -> Row<'_> {
                (**self).__row()
            }
            fn __args(&self, f: &mut dyn FnMut(&[Arg<'_>])) {
                (**self).__args(f)
            }
            fn extensions(&self, ext: &mut ExtensionSink<'_>) {
                (**self).extensions(ext)
            }
            fn retry_after(&self) -> Option<u64> {
                (**self).retry_after()
            }
            fn headers(&self, headers: &mut http::HeaderMap) {
                (**self).headers(headers)
            }
            fn as_error(&self) -> Option<&(dyn std::error::Error + 'static)> {
                (**self).as_error()
            }
        }
    )*};
}

forward_problem_code!(&T, &mut T, Box<T>, std::sync::Arc<T>, std::rc::Rc<T>);
