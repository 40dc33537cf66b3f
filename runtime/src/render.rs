//! Rendering a problem code straight into `application/problem+json` bytes.
//!
//! A body is the entry's head (`type`, `title`, `status`, escaped at compile time by the
//! macros), the parts before `code` (detail, instance), the code, the parts after it
//! (`retry_after`, extensions) and `}`. The parts that vary are written once, into a
//! buffer on the stack; then the body is allocated at its exact size and assembled by
//! copies. An occurrence with no varying part is one copy of the entry's pre-rendered
//! body. Parts too long for the stack buffer fall back to two passes: one that counts,
//! one that writes.

use core::fmt;

use http::header::{CONTENT_TYPE, HeaderValue, RETRY_AFTER};
use serde_json::Map;

use crate::detail::DetailSink;
use crate::entry::CODE_MEMBER;
use crate::json::{self, ByteSink, Counter, StackBuf};
use crate::{Entry, ExtensionName, Extensions, Problem, ProblemCode};

/// Room for the varying parts of most bodies; longer ones take the two-pass path.
pub(crate) const STACK_PARTS: usize = 256;

/// The media type of a problem document (RFC 9457 §6.1).
pub const PROBLEM_JSON: &str = "application/problem+json";

const RETRY_AFTER_MEMBER: ExtensionName = ExtensionName::from_static("retry_after");

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
///     std::str::from_utf8(&body).unwrap(),
///     r#"{"type":"/problems/profile-not-found","title":"User profile row missing","status":404,"instance":"/v1/profile","code":"PROFILE_NOT_FOUND"}"#,
/// );
/// ```
#[must_use = "a render does nothing until it is written"]
pub struct Render<'a, P: ?Sized> {
    problem: &'a P,
    instance: Option<&'a str>,
}

impl<P: ?Sized> Clone for Render<'_, P> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P: ?Sized> Copy for Render<'_, P> {}

impl<P: ProblemCode + ?Sized> fmt::Debug for Render<'_, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Render")
            .field("code", &self.problem.code())
            .field("instance", &self.instance)
            .finish()
    }
}

impl<'a, P: ProblemCode + ?Sized> Render<'a, P> {
    /// Starts rendering `problem`.
    pub fn new(problem: &'a P) -> Self {
        Render {
            problem,
            instance: None,
        }
    }

    /// Sets the RFC 9457 `instance`: a URI reference that identifies this occurrence,
    /// typically the request path.
    pub fn instance(mut self, instance: &'a str) -> Self {
        self.instance = Some(instance);
        self
    }

    /// The exact length of the body in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        let entry = self.problem.entry();
        let mut parts = Counter::default();
        self.write_before_code(&mut parts);
        self.write_after_code(&mut parts);
        if parts.0 == 0
            && let Some(json) = entry.json()
        {
            return json.len();
        }
        head_len(entry) + parts.0 + code_len(entry) + 1
    }

    /// Always `false`: a problem document is never empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The body, in a buffer of exactly its size: one allocation.
    #[must_use]
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_into(&mut out);
        out
    }

    /// Appends the body to `out`, reserving exactly the room it needs, so a buffer reused
    /// across requests allocates only when it must grow.
    pub fn write_into(&self, out: &mut Vec<u8>) {
        let entry = self.problem.entry();
        let mut tail = StackBuf::<STACK_PARTS>::new();
        self.write_before_code(&mut tail);
        let before = tail.len();
        write_code(&mut tail, entry);
        let code_end = tail.len();
        self.write_after_code(&mut tail);
        if before == 0
            && tail.len() == code_end
            && !tail.overflowed()
            && let Some(json) = entry.json()
        {
            out.reserve_exact(json.len());
            out.extend_from_slice(json.as_bytes());
            return;
        }
        // The closing brace must fit too: parts of exactly the buffer's size once lost it.
        tail.put(b"}");
        if tail.overflowed() {
            return self.write_in_two_passes(out);
        }
        let tail = tail.bytes();
        match entry.json_head() {
            Some(head) => {
                out.reserve_exact(head.len() + tail.len());
                out.extend_from_slice(head.as_bytes());
            }
            None => {
                out.reserve_exact(head_len(entry) + tail.len());
                write_head(out, entry);
            }
        }
        out.extend_from_slice(tail);
    }

    fn write_in_two_passes(&self, out: &mut Vec<u8>) {
        out.reserve_exact(self.len());
        let entry = self.problem.entry();
        write_head(out, entry);
        self.write_before_code(out);
        write_code(out, entry);
        self.write_after_code(out);
        out.put(b"}");
    }

    /// `,"detail":…` and `,"instance":…`, when present.
    #[inline]
    fn write_before_code<S: ByteSink + AsDetailSink>(&self, out: &mut S) {
        let mark = out.len();
        out.put(br#","detail":""#);
        let start = out.len();
        let written = self.problem.__write_detail(&mut out.detail_sink());
        if written.is_err() || out.len() == start {
            out.truncate(mark);
        } else {
            out.put(b"\"");
        }
        if let Some(instance) = self.instance {
            out.put(br#","instance":"#);
            json::write_string(out, instance);
        }
    }

    /// `,"retry_after":…` and the extension members, when present.
    #[inline]
    fn write_after_code<S: ByteSink>(&self, out: &mut S) {
        if let Some(secs) = self.problem.retry_after() {
            out.put(br#","retry_after":"#);
            out.put(Digits::new(secs).as_bytes());
        }
        self.problem.extensions(&mut Extensions::bytes(out));
    }

    /// An HTTP response: the code's status, `Content-Type: application/problem+json`,
    /// `Retry-After` when the problem gives one, and the body.
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.to_vec());
        *response.status_mut() = self.problem.status();
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = self.problem.retry_after() {
            headers.insert(RETRY_AFTER, HeaderValue::from(secs));
        }
        response
    }

    /// The owned RFC 9457 document, with the same members as the body.
    #[must_use]
    pub fn to_problem(&self) -> Problem {
        let entry = self.problem.entry();
        let mut extensions = Map::new();
        {
            let mut ext = Extensions::map(&mut extensions);
            if let Some(secs) = self.problem.retry_after() {
                ext.insert(RETRY_AFTER_MEMBER, &secs);
            }
            self.problem.extensions(&mut ext);
        }
        Problem::from_parts(
            entry,
            self.problem.detail(),
            self.instance.map(str::to_owned),
            extensions,
        )
    }
}

/// The detail sink over each of the renderer's byte sinks.
trait AsDetailSink {
    fn detail_sink(&mut self) -> DetailSink<'_>;
}

impl AsDetailSink for StackBuf<STACK_PARTS> {
    #[inline]
    fn detail_sink(&mut self) -> DetailSink<'_> {
        DetailSink::stack(self)
    }
}

impl AsDetailSink for Vec<u8> {
    fn detail_sink(&mut self) -> DetailSink<'_> {
        DetailSink::json(self)
    }
}

impl AsDetailSink for Counter {
    fn detail_sink(&mut self) -> DetailSink<'_> {
        DetailSink::json(self)
    }
}

fn head_len(entry: &Entry) -> usize {
    match entry.json_head() {
        Some(head) => head.len(),
        None => {
            r#"{"type":"","title":"","status":"#.len()
                + json::escaped_len(entry.type_uri())
                + json::escaped_len(entry.title())
                + Digits::new(u64::from(entry.status().as_u16()))
                    .as_bytes()
                    .len()
        }
    }
}

fn write_head(out: &mut Vec<u8>, entry: &Entry) {
    match entry.json_head() {
        Some(head) => out.extend_from_slice(head.as_bytes()),
        None => {
            out.extend_from_slice(br#"{"type":"#);
            json::write_string(out, entry.type_uri());
            out.extend_from_slice(br#","title":"#);
            json::write_string(out, entry.title());
            out.extend_from_slice(br#","status":"#);
            out.extend_from_slice(Digits::new(u64::from(entry.status().as_u16())).as_bytes());
        }
    }
}

/// `,"code":"…"`: codes are `[A-Z0-9_]`, which JSON never escapes.
fn code_len(entry: &Entry) -> usize {
    CODE_MEMBER.len() + entry.code().len() + 1
}

fn write_code<S: ByteSink>(out: &mut S, entry: &Entry) {
    out.put(CODE_MEMBER.as_bytes());
    out.put(entry.code().as_bytes());
    out.put(b"\"");
}

/// The decimal digits of a `u64`, formatted on the stack.
pub(crate) struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    pub(crate) fn new(mut n: u64) -> Digits {
        let mut buf = [b'0'; 20];
        let mut start = buf.len();
        loop {
            start -= 1;
            // n % 10 < 10, so the cast cannot truncate.
            buf[start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
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

    #[test]
    fn digits_match_display() {
        for n in [0, 7, 10, 429, 999_999, u64::MAX] {
            assert_eq!(Digits::new(n).as_bytes(), n.to_string().as_bytes());
        }
    }
}
