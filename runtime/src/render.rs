//! Rendering a problem code straight into `application/problem+json` bytes.
//!
//! A body is the entry's head (`type`, `title`, `status`, escaped at compile time by the
//! macros), the parts before `code` (detail, instance), the code, the parts after it
//! (`retry_after`, extensions) and `}`. The parts that vary are counted first, cheaply:
//! literal lengths, digit counts and escaped lengths, with the detail's and the
//! extensions' writers run over a counter. Then the body is allocated once, at exactly
//! that size, and everything is written straight into it; a localized head is the
//! pre-rendered head before the title, the translated title, and the rest of the head.
//! An occurrence with no varying part is one copy of the entry's pre-rendered body.
//!
//! A `Display` that writes something else the second time round still gives a body:
//! the `Vec` grows, or is left with room to spare.

use core::fmt;
use std::borrow::Cow;

use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde_json::Map;

use crate::detail::DetailSink;
use crate::entry::CODE_MEMBER;
use crate::json::{self, Counter};
use crate::locale::write::{Head, write_template};
use crate::table;
use crate::{Entry, ExtensionSink, Locale, LocaleEntry, Problem, ProblemCode};

const DETAIL_MEMBER: &[u8] = br#","detail":""#;
const INSTANCE_MEMBER: &[u8] = br#","instance":""#;
const RETRY_AFTER_MEMBER: &[u8] = br#","retry_after":"#;

/// The media type of a problem document (RFC 9457 §6.1).
///
/// ```
/// use problem_codes::{PROBLEM_JSON, ProblemCode};
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// let response = Auth::AUTH_USER_NOT_FOUND.to_response();
/// assert_eq!(response.headers()["content-type"], PROBLEM_JSON);
/// ```
pub const PROBLEM_JSON: &str = "application/problem+json";

/// One rendering of a problem code, with the per-request parts set at the edge of the
/// service, such as `instance`. Get one from [`ProblemCode::render`], or from
/// [`Render::new`] for a `dyn ProblemCode`.
///
/// ```
/// use problem_codes::{Entry, ProblemCode, Render};
///
/// struct Missing;
/// impl ProblemCode for Missing {
///     fn entry(&self) -> &'static Entry {
///         const E: &Entry = &Entry::new("PROFILE_NOT_FOUND", 404, "User profile row missing", "/problems/profile-not-found");
///         E
///     }
/// }
///
/// let boxed: Box<dyn ProblemCode> = Box::new(Missing);
/// let render = Render::new(&*boxed).instance("/v1/profile");
/// let body = render.to_vec();
/// assert_eq!(body.len(), render.len());
/// assert_eq!(
///     std::str::from_utf8(&body)?,
///     r#"{"type":"/problems/profile-not-found","title":"User profile row missing","status":404,"instance":"/v1/profile","code":"PROFILE_NOT_FOUND"}"#,
/// );
/// # Ok::<(), std::str::Utf8Error>(())
/// ```
#[must_use = "a render does nothing until it is written"]
pub struct Render<'a, P: ?Sized> {
    problem: &'a P,
    /// A URI reference, never empty.
    instance: Option<Cow<'a, str>>,
    /// The code's translation in the locale asked for, if that locale has one.
    translation: Option<&'static LocaleEntry>,
    /// The tag of the language rendered, when a locale was asked for.
    language: Option<&'static str>,
}

impl<P: ?Sized> Clone for Render<'_, P> {
    fn clone(&self) -> Self {
        Render {
            problem: self.problem,
            instance: self.instance.clone(),
            translation: self.translation,
            language: self.language,
        }
    }
}

impl<P: ProblemCode + ?Sized> fmt::Debug for Render<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Render")
            .field("code", &self.problem.code())
            .field("instance", &self.instance)
            .field("language", &self.language)
            .finish()
    }
}

impl<'a, P: ProblemCode + ?Sized> Render<'a, P> {
    /// Starts rendering `problem`; the same as [`ProblemCode::render`], and also for a
    /// `dyn ProblemCode`, as in the example on [`Render`].
    pub fn new(problem: &'a P) -> Self {
        Render {
            problem,
            instance: None,
            translation: None,
            language: None,
        }
    }

    /// Renders in `locale`: the code's `title` in that language, and its `detail` from
    /// the locale's template when it has one for the code (filled from the occurrence's
    /// members), else the occurrence's own detail, as written. `type`, `code`, `status`
    /// and the members never change. A code the locale does not translate (an inline
    /// code of a derive, say) is rendered in the catalog's language. The response's
    /// `Content-Language` is the language rendered.
    ///
    /// ```
    /// use problem_codes::{ProblemCode, catalog_locale, error_catalog};
    ///
    /// error_catalog! {
    ///     pub catalog Auth {
    ///         section "Auth" {
    ///             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", members: { retry_after: integer } },
    ///         }
    ///     }
    /// }
    /// catalog_locale! {
    ///     pub locale ZH_HANS for Auth = "zh-Hans" {
    ///         AUTH_TOO_MANY_REQUESTS { title: "验证码请求过于频繁", detail: "请在 {retry_after} 秒后重试" },
    ///     }
    /// }
    ///
    /// #[derive(Debug, ProblemCode)]
    /// #[problem(catalog = Auth)]
    /// enum OtpError {
    ///     #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    ///     Throttled { #[problem(retry_after)] seconds: u64 },
    /// }
    ///
    /// let response = OtpError::Throttled { seconds: 30 }.render().locale(&ZH_HANS).to_response();
    /// assert_eq!(response.headers()["content-language"], "zh-Hans");
    /// assert_eq!(
    ///     std::str::from_utf8(response.body())?,
    ///     r#"{"type":"/problems/auth-too-many-requests","title":"验证码请求过于频繁","status":429,"detail":"请在 30 秒后重试","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#,
    /// );
    /// # Ok::<(), std::str::Utf8Error>(())
    /// ```
    pub fn locale(mut self, locale: &Locale) -> Self {
        self.translation = locale.get(self.problem.entry().code());
        self.language = Some(if self.translation.is_some() {
            locale.tag()
        } else {
            locale.default_language()
        });
        self
    }

    /// Renders in the catalog's own language, saying so in `Content-Language`: what a
    /// framework layer asks when a request negotiated the default.
    #[cfg_attr(
        not(all(feature = "icu_locale", any(feature = "axum", feature = "actix-web"))),
        allow(dead_code, reason = "only the framework layers negotiate")
    )]
    pub(crate) fn in_default_language(mut self, tag: &'static str) -> Self {
        self.translation = None;
        self.language = Some(tag);
        self
    }

    /// The tag of the language this render is in, when a locale was asked for with
    /// [`Render::locale`]: the locale's, or the catalog's own for a code the locale
    /// does not translate.
    ///
    /// ```
    /// use problem_codes::{Locale, LocaleEntry, ProblemCode};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
    /// #     AUTH_GONE = 410 { title: "Gone" },
    /// # } } }
    /// const FR: Locale = Locale::new("fr", "en", &[LocaleEntry::new("AUTH_USER_NOT_FOUND", "Utilisateur introuvable")]);
    ///
    /// assert_eq!(Auth::AUTH_USER_NOT_FOUND.render().language(), None);
    /// assert_eq!(Auth::AUTH_USER_NOT_FOUND.render().locale(&FR).language(), Some("fr"));
    /// assert_eq!(Auth::AUTH_GONE.render().locale(&FR).language(), Some("en"));
    /// ```
    #[must_use]
    pub fn language(&self) -> Option<&'static str> {
        self.language
    }

    /// Sets the RFC 9457 `instance`: a URI reference that identifies this occurrence,
    /// typically the request path. It takes a `&str` or an owned `String` (a
    /// `format!`). Text that is not a URI reference is percent-encoded (see
    /// [`to_uri_reference`](crate::to_uri_reference)), so a strict client never refuses
    /// the body; an empty instance is left out.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let problem = Auth::AUTH_USER_NOT_FOUND.render().instance("/v1/users/42").to_problem();
    /// assert_eq!(problem.instance(), Some("/v1/users/42"));
    ///
    /// let id = 42;
    /// let problem = Auth::AUTH_USER_NOT_FOUND.render().instance(format!("/v1/users/{id}")).to_problem();
    /// assert_eq!(problem.instance(), Some("/v1/users/42"));
    ///
    /// let problem = Auth::AUTH_USER_NOT_FOUND.render().instance("/v1/projects/my project").to_problem();
    /// assert_eq!(problem.instance(), Some("/v1/projects/my%20project"));
    /// assert_eq!(Auth::AUTH_USER_NOT_FOUND.render().instance("").to_problem().instance(), None);
    /// ```
    pub fn instance(mut self, instance: impl Into<Cow<'a, str>>) -> Self {
        let instance = instance.into();
        self.instance = match instance {
            _ if instance.is_empty() => None,
            Cow::Borrowed(text) => Some(crate::to_uri_reference(text)),
            Cow::Owned(text) => Some(match crate::to_uri_reference(&text) {
                Cow::Borrowed(_) => Cow::Owned(text),
                Cow::Owned(encoded) => Cow::Owned(encoded),
            }),
        };
        self
    }

    /// The body as bytes, as [`ProblemCode::to_json`] gives it; the same as
    /// [`Render::to_vec`].
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// assert_eq!(Auth::AUTH_USER_NOT_FOUND.render().to_json(), Auth::AUTH_USER_NOT_FOUND.to_json());
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Vec<u8> {
        self.to_vec()
    }

    /// The exact length of the body in bytes, computed without allocating: the detail
    /// and the extension members are written into a counter, so their writers run.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let render = Auth::AUTH_USER_NOT_FOUND.render().instance("/v1/users/42");
    /// assert_eq!(render.len(), render.to_vec().len());
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        if let Some(len) = table::with_occurrence(self.problem, |o| self.of(o).len()) {
            return len;
        }
        let entry = self.problem.entry();
        let head = match self.translation {
            Some(translation) => Head::new(entry, translation).len(),
            None => head_len(entry),
        };
        head + self.count().len() + code_len(entry) + 1
    }

    /// Always `false`: a problem document is never empty.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// assert!(!Auth::AUTH_USER_NOT_FOUND.render().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The body, in a buffer of exactly its size: one allocation.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let body = Auth::AUTH_USER_NOT_FOUND.render().to_vec();
    /// assert_eq!(body.capacity(), body.len());
    /// assert_eq!(
    ///     body,
    ///     br#"{"type":"/problems/auth-user-not-found","title":"User not found","status":404,"code":"AUTH_USER_NOT_FOUND"}"#,
    /// );
    /// ```
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_into(&mut out);
        out
    }

    /// Appends the body to `out`, reserving exactly the room it needs, so a buffer reused
    /// across requests allocates only when it must grow.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let mut buf = Vec::with_capacity(1024);
    /// for path in ["/v1/users/1", "/v1/users/2"] {
    ///     buf.clear();
    ///     Auth::AUTH_USER_NOT_FOUND.render().instance(path).write_into(&mut buf);
    ///     assert!(buf.starts_with(br#"{"type":"/problems/auth-user-not-found""#));
    ///     assert_eq!(buf.capacity(), 1024);
    /// }
    /// ```
    pub fn write_into(&self, out: &mut Vec<u8>) {
        let _ = self.write_body(out);
    }

    /// Writes the body and returns the offset, from the body's start, where `instance`
    /// goes (or went): right after `detail`, before `code`.
    fn write_body(&self, out: &mut Vec<u8>) -> usize {
        if let Some(at) = table::with_occurrence(self.problem, |o| self.of(o).write_body(out)) {
            return at;
        }
        let entry = self.problem.entry();
        if self.instance.is_none()
            && self.translation.is_none()
            && self.problem.__is_entry_only()
            && let Some(json) = entry.json()
        {
            return copy_static(out, entry, json);
        }
        let parts = self.count();
        let fixed = parts.len() + code_len(entry) + 1;
        let start = out.len();
        match self.translation {
            Some(translation) => {
                let head = Head::new(entry, translation);
                reserve(out, head.len() + fixed);
                head.write(out);
            }
            None => match entry.json_head() {
                Some(head) => {
                    if parts.len() == 0
                        && let Some(json) = entry.json()
                    {
                        return copy_static(out, entry, json);
                    }
                    reserve(out, head.len() + fixed);
                    out.extend_from_slice(head.as_bytes());
                }
                None => {
                    reserve(out, written_head_len(entry) + fixed);
                    write_head(out, entry);
                }
            },
        }
        self.write_parts(out, start, entry, &parts)
    }

    /// This render's settings over `problem`: a derived value's occurrence, so one
    /// renderer, compiled here, serves every derived type.
    fn of<'b, Q: ProblemCode + ?Sized>(&'b self, problem: &'b Q) -> Render<'b, Q> {
        Render {
            problem,
            instance: self.instance.as_deref().map(Cow::Borrowed),
            translation: self.translation,
            language: self.language,
        }
    }

    /// Counts the varying parts; only their lengths are computed.
    #[inline]
    fn count(&self) -> Parts {
        let mut extensions = Counter::default();
        self.problem
            .extensions(&mut ExtensionSink::bytes(&mut extensions));
        Parts {
            detail: self.count_detail(),
            instance: self.instance.as_deref().map_or(0, str::len),
            retry_after: self.problem.retry_after(),
            extensions: extensions.0,
        }
    }

    /// The detail's escaped length, without quotes: 0 when it is left out.
    #[inline]
    fn count_detail(&self) -> usize {
        // A template the occurrence cannot fill gives way to the occurrence's own detail.
        if let Some(template) = self.translation.and_then(LocaleEntry::detail) {
            let mut len = Counter::default();
            if write_template(&mut len, template, self.problem) {
                return len.0;
            }
        }
        let mut len = 0;
        let written = self
            .problem
            .__write_detail(&mut DetailSink::count(&mut len));
        if written.is_ok() { len } else { 0 }
    }

    /// Everything after the head; returns where `instance` goes, from `start`.
    #[inline]
    fn write_parts(&self, out: &mut Vec<u8>, start: usize, entry: &Entry, parts: &Parts) -> usize {
        if parts.detail > 0 {
            self.write_detail(out);
        }
        let instance_at = out.len() - start;
        if let Some(instance) = &self.instance {
            // A URI reference has no byte that JSON escapes.
            out.extend_from_slice(INSTANCE_MEMBER);
            out.extend_from_slice(instance.as_bytes());
            out.push(b'"');
        }
        out.extend_from_slice(CODE_MEMBER.as_bytes());
        out.extend_from_slice(entry.code().as_bytes());
        out.push(b'"');
        if let Some(secs) = parts.retry_after {
            out.extend_from_slice(RETRY_AFTER_MEMBER);
            push_digits(out, secs);
        }
        if parts.extensions > 0 {
            self.problem.extensions(&mut ExtensionSink::bytes(out));
        }
        out.push(b'}');
        instance_at
    }

    /// `,"detail":"…"`, or nothing when the detail fails or is empty.
    #[inline]
    fn write_detail(&self, out: &mut Vec<u8>) {
        let mark = out.len();
        out.extend_from_slice(DETAIL_MEMBER);
        let start = out.len();
        let templated = match self.translation.and_then(LocaleEntry::detail) {
            Some(template) => {
                let filled = write_template(out, template, self.problem);
                if !filled {
                    out.truncate(start);
                }
                filled
            }
            None => false,
        };
        let written = if templated {
            Ok(())
        } else {
            self.problem.__write_detail(&mut DetailSink::body(out))
        };
        if written.is_err() || out.len() == start {
            out.truncate(mark);
        } else {
            out.push(b'"');
        }
    }

    /// An HTTP response: the code's status, the problem's own
    /// [`headers`](ProblemCode::headers), `Content-Type: application/problem+json`,
    /// `Retry-After` when the problem gives one, and the body.
    ///
    /// With the `tracing` feature, a 5xx response records an event with the code, the
    /// status and the [`as_error`](ProblemCode::as_error) chain; the body is unchanged.
    ///
    /// ```
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let response = Auth::AUTH_USER_NOT_FOUND.render().instance("/v1/users/42").to_response();
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert!(response.body().ends_with(br#""instance":"/v1/users/42","code":"AUTH_USER_NOT_FOUND"}"#));
    /// ```
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        self.response_with_slot().0
    }

    /// [`to_response`](Render::to_response), and where a framework integration may
    /// insert the request path as `instance` later, when none is set now.
    pub(crate) fn response_with_slot(&self) -> (http::Response<Vec<u8>>, Option<InstanceSlot>) {
        let mut body = Vec::new();
        let at = self.write_body(&mut body);
        let slot = self.instance.is_none().then_some(InstanceSlot {
            at,
            len: body.len(),
        });
        let mut response = http::Response::new(body);
        *response.status_mut() = self.problem.status();
        let headers = response.headers_mut();
        self.problem.headers(headers);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.problem.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        if let Some(language) = self.language
            && let Ok(language) = HeaderValue::from_str(language)
        {
            headers.insert(CONTENT_LANGUAGE, language);
        }
        #[cfg(feature = "tracing")]
        crate::integrations::tracing::record(self.problem, self.instance.as_deref());
        (response, slot)
    }

    /// The owned RFC 9457 document, with the same members as the body.
    ///
    /// ```
    /// # use problem_codes::Problem;
    /// # use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let render = Auth::AUTH_USER_NOT_FOUND.render().instance("/v1/users/42");
    /// let problem = render.to_problem();
    /// assert_eq!(problem.instance(), Some("/v1/users/42"));
    /// assert_eq!(problem, Problem::from_json(&render.to_vec())?);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn to_problem(&self) -> Problem {
        // A translated document is read back from its body, so it has the same members.
        if self.translation.is_some()
            && let Ok(problem) = Problem::from_json(&self.to_vec())
        {
            return problem;
        }
        let entry = self.problem.entry();
        let mut extensions = Map::new();
        self.problem
            .extensions(&mut ExtensionSink::map(&mut extensions));
        Problem::from_parts(
            entry,
            self.problem.detail(),
            self.instance.as_deref().map(str::to_owned),
            self.problem.retry_after(),
            extensions,
        )
    }
}

/// The lengths of a body's varying parts, counted before it is written.
struct Parts {
    /// The detail's escaped length; 0 when it is left out.
    detail: usize,
    /// The instance's length; 0 when there is none (it is never empty).
    instance: usize,
    retry_after: Option<u64>,
    /// `,"name":value` of each extension member.
    extensions: usize,
}

impl Parts {
    /// Their length in the body, member names and quotes included.
    #[inline]
    fn len(&self) -> usize {
        let member = |len: usize, name: &[u8]| if len > 0 { name.len() + len + 1 } else { 0 };
        member(self.detail, DETAIL_MEMBER)
            + member(self.instance, INSTANCE_MEMBER)
            + self
                .retry_after
                .map_or(0, |secs| RETRY_AFTER_MEMBER.len() + json::digit_count(secs))
            + self.extensions
    }
}

/// Where a rendered body without `instance` takes one: the byte offset after `detail`,
/// and the body's length, to notice a body that changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InstanceSlot {
    at: usize,
    len: usize,
}

impl InstanceSlot {
    /// A slot at byte `at` of a body of `len` bytes.
    #[cfg_attr(
        not(feature = "axum"),
        allow(dead_code, reason = "only axum renders a `Problem` with a slot")
    )]
    pub(crate) fn new(at: usize, len: usize) -> InstanceSlot {
        InstanceSlot { at, len }
    }

    /// The length of the body the slot was taken from.
    #[cfg_attr(
        not(feature = "axum"),
        allow(
            dead_code,
            reason = "only axum checks the length before reading the body"
        )
    )]
    pub(crate) fn len(self) -> usize {
        self.len
    }

    /// The body with `"instance":instance` inserted, or `None` when `body` is not the
    /// one this slot was taken from.
    #[cfg_attr(
        not(any(feature = "axum", feature = "actix-web")),
        allow(dead_code, reason = "only the framework integrations fill instances")
    )]
    pub(crate) fn fill(self, body: &[u8], instance: &str) -> Option<Vec<u8>> {
        // After the slot comes `,"code"…` (or the closing `}` of a `Problem`), and before
        // it at least `status`, so the inserted member needs a comma before it only.
        if body.len() != self.len || self.at < 2 || !matches!(body.get(self.at), Some(b',' | b'}'))
        {
            return None;
        }
        // As `Render::instance` does: what is not a URI reference is percent-encoded, an
        // empty instance is left out.
        if instance.is_empty() {
            return Some(body.to_vec());
        }
        let instance = crate::to_uri_reference(instance);
        let instance = instance.as_ref();
        let (head, tail) = body.split_at(self.at);
        let mut out = Vec::with_capacity(
            body.len() + r#","instance":"""#.len() + json::escaped_len(instance),
        );
        out.extend_from_slice(head);
        out.extend_from_slice(br#","instance":"#);
        json::write_string(&mut out, instance);
        out.extend_from_slice(tail);
        Some(out)
    }
}

/// The entry's pre-rendered body, copied whole; returns where `instance` would go.
#[inline]
fn copy_static(out: &mut Vec<u8>, entry: &Entry, json: &str) -> usize {
    reserve(out, json.len());
    out.extend_from_slice(json.as_bytes());
    json.len() - code_len(entry) - 1
}

/// Room for `additional` more bytes, exactly. A buffer with no allocation yet gets one
/// straight away, which is cheaper than growing it.
#[inline]
fn reserve(out: &mut Vec<u8>, additional: usize) {
    if out.capacity() == 0 {
        *out = Vec::with_capacity(additional);
    } else {
        out.reserve_exact(additional);
    }
}

#[inline]
fn head_len(entry: &Entry) -> usize {
    entry
        .json_head()
        .map_or_else(|| written_head_len(entry), str::len)
}

/// The length of the head of an entry without a pre-rendered one.
fn written_head_len(entry: &Entry) -> usize {
    r#"{"type":"","title":"","status":"#.len()
        + json::escaped_len(entry.type_uri())
        + json::escaped_len(entry.title())
        + json::digit_count(u64::from(entry.status().as_u16()))
}

/// Writes the head of an entry without a pre-rendered one.
fn write_head(out: &mut Vec<u8>, entry: &Entry) {
    out.extend_from_slice(br#"{"type":"#);
    json::write_string(out, entry.type_uri());
    out.extend_from_slice(br#","title":"#);
    json::write_string(out, entry.title());
    out.extend_from_slice(br#","status":"#);
    push_digits(out, u64::from(entry.status().as_u16()));
}

/// `,"code":"…"`: codes are `[A-Z0-9_]`, which JSON never escapes.
fn code_len(entry: &Entry) -> usize {
    CODE_MEMBER.len() + entry.code().len() + 1
}

/// The two digits of each number below 100, as itoa has them.
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// Appends the decimal digits of `n` to `out`, formatted in place: digits formatted on
/// the stack and copied stall the copy (its wide load waits on the narrow stores).
#[inline]
pub(crate) fn push_digits(out: &mut Vec<u8>, n: u64) {
    if n < 10 {
        // n < 10, so the cast cannot truncate.
        out.push(b'0' + n as u8);
        return;
    }
    if n < 100 {
        let pair = n as usize * 2;
        out.extend_from_slice(&[PAIRS[pair], PAIRS[pair + 1]]);
        return;
    }
    let start = out.len();
    out.resize(start + json::digit_count(n), b'0');
    let mut n = n;
    for slot in out.get_mut(start..).unwrap_or_default().rchunks_mut(2) {
        // n % 100 < 100, so the cast cannot truncate.
        let pair = (n % 100) as usize * 2;
        n /= 100;
        match slot {
            [tens, ones] => {
                *tens = PAIRS[pair];
                *ones = PAIRS[pair + 1];
            }
            [ones] => *ones = PAIRS[pair + 1],
            _ => {}
        }
    }
}

/// The decimal digits of a `u64`, formatted on the stack, for a formatter.
pub(crate) struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    #[inline]
    pub(crate) fn new(mut n: u64) -> Digits {
        let mut buf = [0u8; 20];
        let mut start = buf.len();
        while n >= 100 {
            // n % 100 < 100, so the cast cannot truncate.
            let pair = (n % 100) as usize * 2;
            n /= 100;
            start -= 2;
            buf[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        }
        if n >= 10 {
            let pair = n as usize * 2;
            start -= 2;
            buf[start..start + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
        } else {
            start -= 1;
            buf[start] = b'0' + n as u8;
        }
        Digits { buf, start }
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or_default()
    }

    pub(crate) fn as_str(&self) -> &str {
        core::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Throttled;
    impl ProblemCode for Throttled {
        fn entry(&self) -> &'static Entry {
            const E: &Entry = &Entry::new(
                "AUTH_TOO_MANY_REQUESTS",
                429,
                "OTP \"request\" throttled",
                "/problems/auth-too-many-requests",
            );
            E
        }
        fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("wait, \"code\":\"X\"")
        }
        fn retry_after(&self) -> Option<u64> {
            Some(30)
        }
    }

    #[test]
    fn a_filled_slot_renders_as_an_instance_set_up_front() {
        let path = "/v1/auth/\"otp\"\u{1}";
        let (response, slot) = Throttled.render().response_with_slot();
        let slot = slot.expect("no instance set, so a slot");
        let filled = slot.fill(response.body(), path).expect("the same body");
        assert_eq!(filled, Throttled.render().instance(path).to_vec());
        let (_, none) = Throttled.render().instance(path).response_with_slot();
        assert_eq!(none, None);
    }

    #[test]
    fn a_slot_refuses_a_body_that_changed() {
        let (response, slot) = Throttled.render().response_with_slot();
        let slot = slot.expect("a slot");
        let mut longer = response.body().clone();
        longer.push(b' ');
        assert_eq!(slot.fill(&longer, "/x"), None);
        assert_eq!(slot.fill(b"{}", "/x"), None);
        let mut shifted = response.body().clone();
        shifted.rotate_left(1);
        assert_eq!(slot.fill(&shifted, "/x"), None);
    }

    /// A detail whose `Display` writes `lens[i]` quotes on its `i`-th call, and fails
    /// once its lengths run out.
    struct Fickle {
        lens: &'static [usize],
        calls: std::cell::Cell<usize>,
    }

    impl ProblemCode for Fickle {
        fn entry(&self) -> &'static Entry {
            const E: &Entry = &Entry::new("FICKLE", 400, "Fickle", "/problems/fickle");
            E
        }
        fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            let call = self.calls.replace(self.calls.get() + 1);
            let len = self.lens.get(call).ok_or(fmt::Error)?;
            f.write_str(&"\"".repeat(*len))
        }
    }

    #[test]
    fn a_detail_that_changes_between_count_and_write_still_gives_json() {
        let cases: [&[usize]; 7] = [&[0, 5], &[5, 0], &[3, 300], &[300, 3], &[4], &[], &[7, 7]];
        for lens in cases {
            for instance in [None, Some("/i")] {
                let fickle = Fickle {
                    lens,
                    calls: std::cell::Cell::new(0),
                };
                let render = match instance {
                    Some(instance) => fickle.render().instance(instance),
                    None => fickle.render(),
                };
                let body = render.to_vec();
                let value: Result<serde_json::Value, _> = serde_json::from_slice(&body);
                assert!(
                    value.is_ok(),
                    "{lens:?}: {}",
                    String::from_utf8_lossy(&body)
                );
                if lens == [7, 7] {
                    assert_eq!(body.capacity(), body.len(), "an honest detail is exact");
                }
            }
        }
    }

    #[test]
    fn digits_match_display() {
        let powers = (0..20).flat_map(|k| {
            let p = 10u64.pow(k);
            [p - 1, p, p + 1]
        });
        for n in powers.chain([0, 7, 42, 99, 429, 999_999, u64::MAX, u64::MAX - 1]) {
            assert_eq!(Digits::new(n).as_bytes(), n.to_string().as_bytes());
            assert_eq!(json::digit_count(n), n.to_string().len());
            let mut pushed = b"x".to_vec();
            push_digits(&mut pushed, n);
            assert_eq!(pushed, format!("x{n}").as_bytes());
            assert_eq!(Digits::new(n).as_str(), n.to_string());
        }
    }
}
