//! The catch-all: every error response a service answers is a problem, the framework's
//! own (an unmatched route, a wrong method, an unsupported media type, a payload too
//! large), a handler's panic, and any other middleware's 4xx or 5xx.

use core::any::Any;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use http::StatusCode;
use serde_json::Map;

use crate::{Entry, ExtensionName, Problem};

/// What a problem's `instance` holds when the problem does not set one itself.
///
/// - [`Instance::Path`]: the request path (without the query). A client sees which
///   resource failed; a support engineer reads the failing route from a screenshot,
///   but cannot tell two failures of the same path apart.
/// - [`Instance::Urn`]: an opaque `urn:uuid:…`, new for every occurrence, which the
///   `tracing` events of the request carry too. A client learns nothing about the
///   server's routes; a support engineer searches the logs for the one line of this
///   occurrence.
/// - [`Instance::None`]: no `instance`. The body says nothing about the request.
///
/// ```
/// use problem_codes::{CatchAll, Instance};
///
/// let catch_all = CatchAll::new().instance(Instance::Urn);
/// assert_eq!(catch_all.instance_policy(), Instance::Urn);
/// assert_eq!(CatchAll::new().instance_policy(), Instance::Path);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Instance {
    /// The request path.
    #[default]
    Path,
    /// A `urn:uuid:` of random version-4 UUID, one per occurrence.
    Urn,
    /// No `instance`.
    None,
}

/// The kinds of failure the catch-all answers with a code of the service's choice.
const NOT_FOUND: usize = 0;
const METHOD_NOT_ALLOWED: usize = 1;
const UNSUPPORTED_MEDIA_TYPE: usize = 2;
const PAYLOAD_TOO_LARGE: usize = 3;
const PANIC: usize = 4;

/// How every error response becomes a problem: the codes of the framework's own
/// failures and of a panic, the statuses left as they are, the [`Instance`] policy and
/// the trace correlation member.
///
/// A failure without a code here is an `about:blank` problem titled with the status
/// phrase (RFC 9457 §4.2.1). Each keeps its true status: a code is used only for the
/// status its catalog gives it, so a 415 stays a 415.
///
/// Give it to `problem_codes::axum::ProblemLayer::catch_all`, or to
/// `problem_codes::actix_web::catch_all`.
///
/// ```
/// use problem_codes::{CatchAll, ExtensionName, Instance};
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     ROUTE_NOT_FOUND = 404 { title: "No such endpoint", handling: "Check the URL" },
/// #     INTERNAL = 500 { title: "Internal error", handling: "Retry later" },
/// # } } }
///
/// let catch_all = CatchAll::new()
///     .not_found(Api::ROUTE_NOT_FOUND)
///     .panic(Api::INTERNAL)
///     .skip(http::StatusCode::UNAUTHORIZED)
///     .instance(Instance::Urn)
///     .trace_member(ExtensionName::from_static("trace_id"));
/// assert_eq!(catch_all.code_for(http::StatusCode::NOT_FOUND), Some("ROUTE_NOT_FOUND"));
/// assert!(catch_all.rewrites(http::StatusCode::BAD_GATEWAY));
/// assert!(!catch_all.rewrites(http::StatusCode::UNAUTHORIZED));
/// assert_eq!(catch_all.trace_member_name(), Some("trace_id"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub struct CatchAll {
    codes: [Option<&'static Entry>; 5],
    /// One bit per status from 400 to 655 that is served as the inner service left it.
    skipped: [u64; 4],
    instance: Instance,
    trace: Option<ExtensionName>,
}

impl Default for CatchAll {
    fn default() -> CatchAll {
        CatchAll::new()
    }
}

impl CatchAll {
    /// Every failure is an `about:blank` problem with the request path as `instance`,
    /// and no trace member.
    ///
    /// ```
    /// use problem_codes::CatchAll;
    ///
    /// let catch_all = CatchAll::new();
    /// assert_eq!(catch_all.code_for(http::StatusCode::NOT_FOUND), None);
    /// assert!(catch_all.rewrites(http::StatusCode::NOT_FOUND));
    /// ```
    pub const fn new() -> CatchAll {
        CatchAll {
            codes: [None; 5],
            skipped: [0; 4],
            instance: Instance::Path,
            trace: None,
        }
    }

    fn with(mut self, kind: usize, code: &impl crate::ProblemCode) -> CatchAll {
        self.codes[kind] = Some(code.entry());
        self
    }

    /// The code of a request no route matches: 404 (see the example on [`CatchAll`]).
    pub fn not_found(self, code: impl crate::ProblemCode) -> CatchAll {
        self.with(NOT_FOUND, &code)
    }

    /// The code of a request whose method the route does not accept: 405, which keeps
    /// the framework's `Allow` header.
    ///
    /// ```
    /// use problem_codes::CatchAll;
    /// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
    /// #     METHOD_REFUSED = 405 { title: "Method not accepted here", handling: "Use the documented method" },
    /// # } } }
    ///
    /// let catch_all = CatchAll::new().method_not_allowed(Api::METHOD_REFUSED);
    /// assert_eq!(catch_all.code_for(http::StatusCode::METHOD_NOT_ALLOWED), Some("METHOD_REFUSED"));
    /// ```
    pub fn method_not_allowed(self, code: impl crate::ProblemCode) -> CatchAll {
        self.with(METHOD_NOT_ALLOWED, &code)
    }

    /// The code of a body of a content type the handler does not read: 415.
    ///
    /// ```
    /// use problem_codes::CatchAll;
    /// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
    /// #     BODY_NOT_JSON = 415 { title: "Send JSON", handling: "Fix the client" },
    /// # } } }
    ///
    /// let catch_all = CatchAll::new().unsupported_media_type(Api::BODY_NOT_JSON);
    /// assert_eq!(catch_all.code_for(http::StatusCode::UNSUPPORTED_MEDIA_TYPE), Some("BODY_NOT_JSON"));
    /// ```
    pub fn unsupported_media_type(self, code: impl crate::ProblemCode) -> CatchAll {
        self.with(UNSUPPORTED_MEDIA_TYPE, &code)
    }

    /// The code of a body over the framework's limit: 413.
    ///
    /// ```
    /// use problem_codes::CatchAll;
    /// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
    /// #     BODY_TOO_LARGE = 413 { title: "Body too large", handling: "Send less" },
    /// # } } }
    ///
    /// let catch_all = CatchAll::new().payload_too_large(Api::BODY_TOO_LARGE);
    /// assert_eq!(catch_all.code_for(http::StatusCode::PAYLOAD_TOO_LARGE), Some("BODY_TOO_LARGE"));
    /// ```
    pub fn payload_too_large(self, code: impl crate::ProblemCode) -> CatchAll {
        self.with(PAYLOAD_TOO_LARGE, &code)
    }

    /// The code of a handler that panicked: 500. Nothing of the panic's payload
    /// reaches the response; with the `tracing` feature it goes to an event (see the
    /// example on [`CatchAll`]).
    pub fn panic(self, code: impl crate::ProblemCode) -> CatchAll {
        self.with(PANIC, &code)
    }

    /// Serves responses of `status` that are not problems as the inner service left
    /// them, for a status whose body a client reads otherwise (see the example on
    /// [`CatchAll`]). A status below 400 is never rewritten anyway.
    pub const fn skip(mut self, status: StatusCode) -> CatchAll {
        let at = status.as_u16();
        if at >= 400 && at - 400 < 256 {
            let bit = (at - 400) as usize;
            self.skipped[bit / 64] |= 1 << (bit % 64);
        }
        self
    }

    /// The [`Instance`] policy.
    pub const fn instance(mut self, instance: Instance) -> CatchAll {
        self.instance = instance;
        self
    }

    /// Adds the member `name` to every problem response, holding the W3C trace id of
    /// the request (its `traceparent` header), or a new random one when the request has
    /// none; the `tracing` events of the request carry the same id, so a support
    /// engineer finds the log line from a screenshot. The name is an [`ExtensionName`],
    /// so the reserved members are refused when it is made (see the example on
    /// [`CatchAll`]).
    pub const fn trace_member(mut self, name: ExtensionName) -> CatchAll {
        self.trace = Some(name);
        self
    }

    /// The [`Instance`] policy (see the example on [`Instance`]).
    #[must_use]
    pub const fn instance_policy(&self) -> Instance {
        self.instance
    }

    /// The trace member's name, if one is set (see the example on [`CatchAll`]).
    #[must_use]
    pub fn trace_member_name(&self) -> Option<&'static str> {
        self.trace.map(|name| name.as_str())
    }

    /// The code a failure of `status` is answered with, if one is set for it (see the
    /// example on [`CatchAll`]). A panic's code is that of status 500.
    #[must_use]
    pub fn code_for(&self, status: StatusCode) -> Option<&'static str> {
        self.entry_for(status).map(Entry::code)
    }

    /// Whether a response of `status` that is not a problem becomes one (see the
    /// example on [`CatchAll`]).
    #[must_use]
    pub const fn rewrites(&self, status: StatusCode) -> bool {
        let at = status.as_u16();
        if at < 400 {
            return false;
        }
        let bit = (at - 400) as usize;
        bit >= 256 || self.skipped[bit / 64] & (1 << (bit % 64)) == 0
    }

    pub(crate) fn entry_for(&self, status: StatusCode) -> Option<&'static Entry> {
        let kind = match status {
            StatusCode::NOT_FOUND => NOT_FOUND,
            StatusCode::METHOD_NOT_ALLOWED => METHOD_NOT_ALLOWED,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => UNSUPPORTED_MEDIA_TYPE,
            StatusCode::PAYLOAD_TOO_LARGE => PAYLOAD_TOO_LARGE,
            StatusCode::INTERNAL_SERVER_ERROR => PANIC,
            _ => return None,
        };
        self.codes[kind].filter(|entry| entry.status() == status)
    }

    /// The problem of a failure of `status` in the request `occurrence`.
    pub(crate) fn problem(&self, status: StatusCode, occurrence: &Occurrence) -> Problem {
        let problem = match self.entry_for(status) {
            Some(entry) => Problem::from_parts(entry, None, None, None, Map::new()),
            None => Problem::new(status),
        };
        occurrence.complete(problem)
    }

    /// The occurrence of one request, as far as the problem and the log say it.
    pub(crate) fn occurrence(&self, path: &str, traceparent: Option<&str>) -> Occurrence {
        let instance = match self.instance {
            Instance::Path => Some(path.to_owned()),
            Instance::Urn => Some(format!("urn:uuid:{}", uuid_v4())),
            Instance::None => None,
        };
        let trace = self.trace.map(|name| {
            let id = traceparent
                .and_then(trace_id)
                .map_or_else(random_trace_id, str::to_owned);
            (name, id)
        });
        Occurrence { instance, trace }
    }
}

/// What one request adds to its problems: the `instance` of the policy, and the trace
/// member with its id.
#[derive(Debug, Clone)]
pub(crate) struct Occurrence {
    pub(crate) instance: Option<String>,
    pub(crate) trace: Option<(ExtensionName, String)>,
}

impl Occurrence {
    /// The trace id, when the trace member is on.
    #[cfg(feature = "tracing")]
    pub(crate) fn trace_id(&self) -> Option<&str> {
        self.trace.as_ref().map(|(_, id)| id.as_str())
    }

    /// Runs `future` in a span that carries the occurrence's `urn:uuid:` instance and
    /// trace id, so the `tracing` events of the request show the ids its problem does.
    pub(crate) async fn in_span<F: Future>(&self, future: F) -> F::Output {
        #[cfg(feature = "tracing")]
        {
            let urn = self
                .instance
                .as_deref()
                .filter(|instance| instance.starts_with("urn:"));
            if urn.is_some() || self.trace.is_some() {
                use tracing::Instrument as _;
                let span = tracing::error_span!(
                    target: "problem_codes",
                    "request",
                    instance = urn,
                    trace_id = self.trace_id()
                );
                return future.instrument(span).await;
            }
        }
        future.await
    }

    /// `problem` with the occurrence's `instance` when it has none, and the trace member.
    pub(crate) fn complete(&self, mut problem: Problem) -> Problem {
        if problem.instance().is_none()
            && let Some(instance) = &self.instance
        {
            problem.set_instance(instance.clone());
        }
        if let Some((name, id)) = &self.trace {
            // The name is a checked extension name and the value a string.
            problem = problem
                .clone()
                .with_extension(name.as_str(), id)
                .unwrap_or(problem);
        }
        problem
    }

    /// A rendered problem body with the occurrence's parts added, when they change it:
    /// the body is our own rendering, so it parses back to the same document.
    pub(crate) fn complete_body(&self, body: &[u8]) -> Option<Vec<u8>> {
        let problem = Problem::from_json(body).ok()?;
        Some(self.complete(problem).to_json())
    }

    /// The response of the inner service, or `None` when it panicked, which is then
    /// recorded. (A function, so that no error of the inner service is held across an
    /// `await`: it need not be `Send`.)
    pub(crate) fn settle<R, E>(
        &self,
        outcome: Result<Result<R, E>, Box<dyn Any + Send>>,
    ) -> Result<Option<R>, E> {
        match outcome {
            Ok(response) => response.map(Some),
            Err(payload) => {
                self.record_panic(&*payload);
                Ok(None)
            }
        }
    }

    /// Records the panic of the request, with what its payload says and the ids the
    /// response carries. Without the `tracing` feature the payload is dropped.
    pub(crate) fn record_panic(&self, payload: &(dyn Any + Send)) {
        #[cfg(feature = "tracing")]
        crate::integrations::tracing::record_panic(
            payload,
            self.instance.as_deref(),
            self.trace_id(),
        );
        #[cfg(not(feature = "tracing"))]
        let _ = payload;
    }
}

/// Whether a `Content-Type` says the body is a problem document, in JSON or in XML.
pub(crate) fn is_problem(content_type: Option<&str>) -> bool {
    content_type.is_some_and(|value| {
        let essence = value.split(';').next().unwrap_or_default().trim();
        essence.eq_ignore_ascii_case("application/problem+json")
            || essence.eq_ignore_ascii_case("application/problem+xml")
    })
}

/// The trace id of a W3C `traceparent` header: `version-traceid-parentid-flags`, with a
/// trace id of 32 lowercase hex digits, not all zero.
pub(crate) fn trace_id(traceparent: &str) -> Option<&str> {
    let mut fields = traceparent.trim().split('-');
    let version = fields.next()?;
    let id = fields.next()?;
    let parent = fields.next()?;
    let flags = fields.next()?;
    let hex = |s: &str, len: usize| {
        s.len() == len && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    let valid = hex(version, 2)
        && version != "ff"
        && hex(id, 32)
        && id.bytes().any(|b| b != b'0')
        && hex(parent, 16)
        && hex(flags, 2)
        && (version != "00" || fields.next().is_none());
    valid.then_some(id)
}

/// Sixteen random bytes from the operating system; should it fail, bytes of the
/// process's hash keys and a counter, which still differ from one call to the next.
fn random_bytes() -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        use core::hash::{BuildHasher, Hasher};
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let state = std::collections::hash_map::RandomState::new();
        for half in bytes.chunks_mut(8) {
            let mut hasher = state.build_hasher();
            hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
            half.copy_from_slice(&hasher.finish().to_le_bytes());
        }
    }
    bytes
}

fn hex(bytes: &[u8]) -> String {
    use core::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(32), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// A random (version 4) UUID in its hyphenated form (RFC 9562 §5.4).
fn uuid_v4() -> String {
    let mut bytes = random_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex = hex(&bytes);
    let part = |range: core::ops::Range<usize>| hex.get(range).unwrap_or_default();
    format!(
        "{}-{}-{}-{}-{}",
        part(0..8),
        part(8..12),
        part(12..16),
        part(16..20),
        part(20..32)
    )
}

/// A new W3C trace id: 32 lowercase hex digits, not all zero.
fn random_trace_id() -> String {
    let mut bytes = random_bytes();
    if bytes.iter().all(|&b| b == 0) {
        bytes[15] = 1;
    }
    hex(&bytes)
}

/// A future that turns a panic while it is polled into `Err` with the payload, as
/// `futures`' `catch_unwind` does.
pub(crate) struct CatchUnwind<F> {
    future: Pin<Box<F>>,
}

impl<F> CatchUnwind<F> {
    pub(crate) fn new(future: F) -> CatchUnwind<F> {
        CatchUnwind {
            future: Box::pin(future),
        }
    }
}

impl<F: Future> Future for CatchUnwind<F> {
    type Output = Result<F::Output, Box<dyn Any + Send>>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let future = &mut self.get_mut().future;
        // The future is not polled again after it panicked: its state is dropped with
        // this wrapper, never observed half-updated.
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| future.as_mut().poll(cx))) {
            Ok(Poll::Ready(out)) => Poll::Ready(Ok(out)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(payload)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_traceparent_gives_its_trace_id_only_when_well_formed() {
        let id = "4bf92f3577b34da6a3ce929d0e0e4736";
        assert_eq!(trace_id(&format!("00-{id}-00f067aa0ba902b7-01")), Some(id));
        for bad in [
            "",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        ] {
            assert_eq!(trace_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_uuid_is_version_4_and_new_each_time() {
        let (a, b) = (uuid_v4(), uuid_v4());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.as_bytes()[14], b'4');
        assert!(matches!(a.as_bytes()[19], b'8' | b'9' | b'a' | b'b'), "{a}");
        assert_eq!(a.matches('-').count(), 4);
    }

    #[test]
    fn a_code_is_used_only_for_its_own_status() {
        const GONE: &Entry = &Entry::new("ROUTE_GONE", 410, "Gone", "/problems/route-gone");
        let mut catch_all = CatchAll::new();
        catch_all.codes[NOT_FOUND] = Some(GONE);
        assert_eq!(catch_all.entry_for(StatusCode::NOT_FOUND), None);
        let problem = catch_all.problem(StatusCode::NOT_FOUND, &catch_all.occurrence("/x", None));
        assert_eq!(problem.status(), Some(StatusCode::NOT_FOUND));
        assert!(problem.is_about_blank());
    }

    #[test]
    fn a_skipped_status_is_not_rewritten() {
        let catch_all = CatchAll::new().skip(StatusCode::UNAUTHORIZED);
        assert!(!catch_all.rewrites(StatusCode::UNAUTHORIZED));
        assert!(catch_all.rewrites(StatusCode::FORBIDDEN));
        assert!(!catch_all.rewrites(StatusCode::OK));
    }
}
