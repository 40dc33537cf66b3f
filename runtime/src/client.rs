//! The client side: from an HTTP response to a [`Problem`], and a typed error for a
//! response that is not a problem document (a proxy's HTML page, an empty body).

use core::fmt;

use http::header::CONTENT_TYPE;
use http::{HeaderMap, StatusCode};

use crate::{PROBLEM_JSON, ParseError, ParseLimits, Problem};

impl Problem {
    /// Reads the problem document of an error response, with any body type that is
    /// bytes (`Vec<u8>`, `Bytes`, `String`).
    ///
    /// The response must have an error status (400–599), `Content-Type:
    /// application/problem+json` (or plain `application/json`, which some servers send
    /// for problems), and a body that is a JSON object within the [default
    /// limits](ParseLimits::DEFAULT) ([`from_response_with`](Problem::from_response_with)
    /// takes others). A document without `status` takes the response's, and so does one
    /// whose `status` is not an error status (a `500` whose body says `200` is a 500):
    /// parsing ignores such a value. A body's error status that differs from the
    /// response's is kept, as RFC 9457 §3.1.2 has it: it is the generator's, which an
    /// intermediary may have changed.
    ///
    /// # Errors
    ///
    /// [`NotAProblem`] says which of those the response fails, so a client can fall back
    /// on the status alone; nothing here panics, whatever the bytes.
    ///
    /// ```
    /// use problem_codes::{NotAProblem, Problem, TypedCode};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
    /// # } } }
    ///
    /// let response = http::Response::builder()
    ///     .status(429)
    ///     .header("content-type", "application/problem+json")
    ///     .body(r#"{"title":"OTP request throttled","code":"AUTH_TOO_MANY_REQUESTS"}"#)?;
    /// let problem = Problem::from_response(&response)?;
    /// assert_eq!(problem.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    /// assert_eq!(problem.typed_code::<Auth>(), TypedCode::Known(Auth::AUTH_TOO_MANY_REQUESTS));
    ///
    /// let proxy = http::Response::builder()
    ///     .status(502)
    ///     .header("content-type", "text/html")
    ///     .body("<html><h1>502 Bad Gateway</h1></html>")?;
    /// assert!(matches!(Problem::from_response(&proxy), Err(NotAProblem::ContentType { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response<B: AsRef<[u8]>>(
        response: &http::Response<B>,
    ) -> Result<Problem, NotAProblem> {
        read(
            response.status(),
            response.headers(),
            response.body().as_ref(),
            ParseLimits::DEFAULT,
        )
    }

    /// Reads the problem document from a response's head and its collected body, as an
    /// HTTP client hands them over (e.g. hyper's `Response::into_parts` then the body's
    /// bytes).
    ///
    /// # Errors
    ///
    /// As [`Problem::from_response`].
    ///
    /// ```
    /// use problem_codes::{NotAProblem, Problem};
    ///
    /// let (parts, ()) = http::Response::builder()
    ///     .status(503)
    ///     .header("content-type", "application/problem+json")
    ///     .body(())?
    ///     .into_parts();
    /// assert!(matches!(Problem::from_response_parts(&parts, b""), Err(NotAProblem::EmptyBody { .. })));
    /// let problem = Problem::from_response_parts(&parts, br#"{"code":"AUTH_SERVICE_UNAVAILABLE"}"#)?;
    /// assert_eq!(problem.code(), Some("AUTH_SERVICE_UNAVAILABLE"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_response_parts(
        parts: &http::response::Parts,
        body: &[u8],
    ) -> Result<Problem, NotAProblem> {
        read(parts.status, &parts.headers, body, ParseLimits::DEFAULT)
    }

    /// [`Problem::from_response`] within other [`ParseLimits`] than the default ones
    /// (64 KiB, nested 32 deep). A client can stop reading the body at
    /// [`limits.max_bytes()`](ParseLimits::max_bytes) and hand over what it has: a longer body is
    /// refused whole.
    ///
    /// # Errors
    ///
    /// As [`Problem::from_response`]; a body that breaks a limit is
    /// [`NotAProblem::Body`] with [`ParseError::TooLarge`] or [`ParseError::TooDeep`].
    ///
    /// ```
    /// use problem_codes::{NotAProblem, ParseError, ParseLimits, Problem};
    ///
    /// let response = http::Response::builder()
    ///     .status(422)
    ///     .header("content-type", "application/problem+json")
    ///     .body(r##"{"status":422,"errors":[{"detail":"too short","pointer":"#/name"}]}"##)?;
    /// let shallow = ParseLimits::DEFAULT.with_max_depth(2);
    /// assert!(matches!(
    ///     Problem::from_response_with(&response, shallow),
    ///     Err(NotAProblem::Body { error: ParseError::TooDeep { limit: 2 }, .. })
    /// ));
    /// let small = ParseLimits::DEFAULT.with_max_bytes(1024);
    /// assert!(Problem::from_response_with(&response, small).is_ok());
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn from_response_with<B: AsRef<[u8]>>(
        response: &http::Response<B>,
        limits: ParseLimits,
    ) -> Result<Problem, NotAProblem> {
        read(
            response.status(),
            response.headers(),
            response.body().as_ref(),
            limits,
        )
    }

    /// [`Problem::from_response_parts`] within other [`ParseLimits`] than the default
    /// ones.
    ///
    /// # Errors
    ///
    /// As [`Problem::from_response_with`].
    ///
    /// ```
    /// use problem_codes::{NotAProblem, ParseError, ParseLimits, Problem};
    ///
    /// let (parts, ()) = http::Response::builder()
    ///     .status(500)
    ///     .header("content-type", "application/problem+json")
    ///     .body(())?
    ///     .into_parts();
    /// let limits = ParseLimits::DEFAULT.with_max_bytes(16);
    /// let body = br#"{"code":"AUTH_SERVICE_UNAVAILABLE"}"#;
    /// assert!(matches!(
    ///     Problem::from_response_parts_with(&parts, body, limits),
    ///     Err(NotAProblem::Body { error: ParseError::TooLarge { size: 35, limit: 16 }, .. })
    /// ));
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn from_response_parts_with(
        parts: &http::response::Parts,
        body: &[u8],
        limits: ParseLimits,
    ) -> Result<Problem, NotAProblem> {
        read(parts.status, &parts.headers, body, limits)
    }
}

fn read(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    limits: ParseLimits,
) -> Result<Problem, NotAProblem> {
    if !(status.is_client_error() || status.is_server_error()) {
        return Err(NotAProblem::NotAnError { status });
    }
    let content_type = headers.get(CONTENT_TYPE);
    if !content_type.is_some_and(|value| value.to_str().is_ok_and(is_problem_media_type)) {
        return Err(NotAProblem::ContentType {
            status,
            content_type: content_type
                .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned()),
        });
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(NotAProblem::EmptyBody { status });
    }
    let problem = Problem::from_json_with(body, limits)
        .map_err(|error| NotAProblem::Body { status, error })?;
    Ok(match problem.status() {
        Some(_) => problem,
        None => problem.with_status(status),
    })
}

/// Whether a `Content-Type` names a problem document: `application/problem+json`, or
/// `application/json`, whatever the parameters and the case.
fn is_problem_media_type(value: &str) -> bool {
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(PROBLEM_JSON) || essence.eq_ignore_ascii_case("application/json")
}

/// Why a response is not a problem document. Every case keeps the status, which is what
/// a client falls back on.
///
/// ```
/// use problem_codes::{NotAProblem, Problem};
///
/// let empty = http::Response::builder().status(500).body(Vec::new())?;
/// let err = Problem::from_response(&empty).unwrap_err();
/// assert_eq!(err.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
/// assert_eq!(err.to_string(), "the 500 response is not a problem document: it has no `Content-Type`");
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum NotAProblem {
    /// The status is not an error status (400–599).
    NotAnError {
        /// The response's status.
        status: StatusCode,
    },
    /// The `Content-Type` is missing or is not JSON, as with a proxy's HTML error page.
    ContentType {
        /// The response's status.
        status: StatusCode,
        /// The `Content-Type` it has, if any.
        content_type: Option<String>,
    },
    /// The body is empty.
    EmptyBody {
        /// The response's status.
        status: StatusCode,
    },
    /// The body could not be parsed as a problem document: it is not JSON, not a JSON
    /// object, not UTF-8, or breaks a [`ParseLimits`] limit; `error` says which.
    Body {
        /// The response's status.
        status: StatusCode,
        /// Why it could not be parsed.
        error: ParseError,
    },
}

impl NotAProblem {
    /// The status of the response, which every case keeps. See the example on
    /// [`NotAProblem`].
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            NotAProblem::NotAnError { status }
            | NotAProblem::ContentType { status, .. }
            | NotAProblem::EmptyBody { status }
            | NotAProblem::Body { status, .. } => *status,
        }
    }
}

impl fmt::Display for NotAProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} response is not a problem document: ",
            self.status().as_u16()
        )?;
        match self {
            NotAProblem::NotAnError { .. } => f.write_str("its status is not an error"),
            NotAProblem::ContentType {
                content_type: None, ..
            } => f.write_str("it has no `Content-Type`"),
            NotAProblem::ContentType {
                content_type: Some(content_type),
                ..
            } => write!(
                f,
                "its `Content-Type` is `{content_type}`, not `{PROBLEM_JSON}`"
            ),
            NotAProblem::EmptyBody { .. } => f.write_str("its body is empty"),
            NotAProblem::Body { error, .. } => error.fmt(f),
        }
    }
}

impl std::error::Error for NotAProblem {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            NotAProblem::Body { error, .. } => Some(error),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, content_type: Option<&str>, body: &[u8]) -> http::Response<Vec<u8>> {
        let mut builder = http::Response::builder().status(status);
        if let Some(content_type) = content_type {
            builder = builder.header(CONTENT_TYPE, content_type);
        }
        builder.body(body.to_vec()).expect("a valid response")
    }

    #[test]
    fn media_types_are_matched_on_their_essence() {
        for ok in [
            "application/problem+json",
            "Application/Problem+JSON; charset=utf-8",
            "application/json;charset=UTF-8",
        ] {
            assert!(is_problem_media_type(ok), "{ok}");
        }
        for bad in [
            "text/html",
            "application/problem+xml",
            "",
            "application/jsonx",
        ] {
            assert!(!is_problem_media_type(bad), "{bad}");
        }
    }

    #[test]
    fn every_non_problem_response_is_a_typed_error() {
        let json = Some(PROBLEM_JSON);
        type Expect = fn(&NotAProblem) -> bool;
        let cases: [(http::Response<Vec<u8>>, Expect); 7] = [
            (response(200, json, b"{}"), |e| {
                matches!(e, NotAProblem::NotAnError { .. })
            }),
            (response(302, None, b""), |e| {
                matches!(e, NotAProblem::NotAnError { .. })
            }),
            (
                response(502, Some("text/html"), b"<html>Bad Gateway</html>"),
                |e| matches!(e, NotAProblem::ContentType { content_type: Some(t), .. } if t == "text/html"),
            ),
            (response(500, None, b"{}"), |e| {
                matches!(
                    e,
                    NotAProblem::ContentType {
                        content_type: None,
                        ..
                    }
                )
            }),
            (response(503, json, b" \r\n"), |e| {
                matches!(e, NotAProblem::EmptyBody { .. })
            }),
            (response(400, json, b"<html>"), |e| {
                matches!(
                    e,
                    NotAProblem::Body {
                        error: ParseError::Json(_),
                        ..
                    }
                )
            }),
            (response(400, json, b"[1]"), |e| {
                matches!(
                    e,
                    NotAProblem::Body {
                        error: ParseError::NotAnObject,
                        ..
                    }
                )
            }),
        ];
        for (response, expected) in cases {
            let err = Problem::from_response(&response).unwrap_err();
            assert!(expected(&err), "{err:?}");
            assert_eq!(err.status(), response.status());
        }
    }

    #[test]
    fn bodies_are_read_within_the_limits() {
        let mut long = b"{\"code\":\"X_Y\"}".to_vec();
        long.resize(ParseLimits::DEFAULT.max_bytes(), b' ');
        let at_limit = response(500, Some(PROBLEM_JSON), &long);
        assert!(Problem::from_response(&at_limit).is_ok());
        long.push(b' ');
        let over = response(500, Some(PROBLEM_JSON), &long);
        assert!(matches!(
            Problem::from_response(&over),
            Err(NotAProblem::Body {
                error: ParseError::TooLarge {
                    size: 65_537,
                    limit: 65_536
                },
                ..
            })
        ));
        let wide = ParseLimits::DEFAULT.with_max_bytes(long.len());
        assert!(Problem::from_response_with(&over, wide).is_ok());
        let (parts, body) = over.into_parts();
        assert!(Problem::from_response_parts(&parts, &body).is_err());
        assert!(Problem::from_response_parts_with(&parts, &body, wide).is_ok());
        let deep = response(500, Some(PROBLEM_JSON), b"{\"a\":[[]]}");
        assert!(matches!(
            Problem::from_response_with(&deep, ParseLimits::DEFAULT.with_max_depth(2)),
            Err(NotAProblem::Body {
                error: ParseError::TooDeep { limit: 2 },
                ..
            })
        ));
    }

    #[test]
    fn a_document_without_status_takes_the_responses() {
        let problem = Problem::from_response(&response(
            404,
            Some("application/json"),
            b"{\"code\":\"X_Y\"}",
        ))
        .expect("a problem");
        assert_eq!(problem.status(), Some(StatusCode::NOT_FOUND));
        let advisory =
            Problem::from_response(&response(500, Some(PROBLEM_JSON), b"{\"status\":503}"))
                .expect("a problem");
        assert_eq!(advisory.status(), Some(StatusCode::SERVICE_UNAVAILABLE));
    }

    #[test]
    fn a_body_status_that_is_not_an_error_gives_way_to_the_responses() {
        for said in ["200", "101", "204", "304", "399", "600"] {
            let body = format!("{{\"status\":{said}}}");
            let problem =
                Problem::from_response(&response(500, Some(PROBLEM_JSON), body.as_bytes()))
                    .expect("a problem");
            assert_eq!(
                problem.status(),
                Some(StatusCode::INTERNAL_SERVER_ERROR),
                "{said}"
            );
        }
    }
}
