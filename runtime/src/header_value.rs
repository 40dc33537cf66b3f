//! Header values a derive sets from fields: formatted into a bounded buffer, and left
//! out when too long or not a valid value.

use core::fmt::{self, Write as _};

/// The longest header value, in bytes, a `#[problem(header = "…")]` field may set; a
/// longer one is left out of the response (with a `tracing` event when that feature is
/// on) rather than sent.
///
/// A whole response head must fit the buffers of the proxies and clients in between:
/// nginx proxies with a 4 KiB buffer by default and answers 502 past it, and curl and
/// Python's `http.client` give up on long lines. 2 KiB leaves room for the other headers.
///
/// ```
/// use problem_codes::{MAX_HEADER_VALUE_LEN, ProblemCode};
///
/// #[derive(Debug, ProblemCode)]
/// enum UploadError {
///     #[problem(code = "UPLOAD_REJECTED", status = 422, title = "Upload rejected")]
///     Rejected {
///         #[problem(header = "x-rejected-name")]
///         name: String,
///     },
/// }
///
/// let short = UploadError::Rejected { name: "cat.png".into() }.to_response();
/// assert_eq!(short.headers()["x-rejected-name"], "cat.png");
///
/// let long = UploadError::Rejected { name: "a".repeat(MAX_HEADER_VALUE_LEN + 1) }.to_response();
/// assert!(long.headers().get("x-rejected-name").is_none());
/// assert_eq!(long.status(), 422); // the problem itself is still answered
/// ```
pub const MAX_HEADER_VALUE_LEN: usize = 2048;

/// Why a field's value was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// Longer than [`MAX_HEADER_VALUE_LEN`].
    TooLong,
    /// A character a header value cannot hold (a line break, a NUL), or a failing `Display`.
    Invalid,
}

impl Refused {
    /// The reason, for the tracing event.
    #[cfg_attr(not(feature = "tracing"), allow(dead_code))]
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Refused::TooLong => "longer than MAX_HEADER_VALUE_LEN",
            Refused::Invalid => "not a valid header value",
        }
    }
}

/// A `String` that stops accepting text past the bound.
struct Bounded {
    text: String,
    too_long: bool,
}

impl fmt::Write for Bounded {
    fn write_str(&mut self, part: &str) -> fmt::Result {
        if self.text.len() + part.len() > MAX_HEADER_VALUE_LEN {
            self.too_long = true;
            return Err(fmt::Error);
        }
        self.text.push_str(part);
        Ok(())
    }
}

/// `value`'s `Display` as a header value, if it is one of at most
/// [`MAX_HEADER_VALUE_LEN`] bytes.
pub(crate) fn bounded<T: fmt::Display + ?Sized>(value: &T) -> Result<http::HeaderValue, Refused> {
    let mut out = Bounded {
        text: String::new(),
        too_long: false,
    };
    if write!(out, "{value}").is_err() {
        return Err(if out.too_long {
            Refused::TooLong
        } else {
            Refused::Invalid
        });
    }
    http::HeaderValue::try_from(out.text).map_err(|_| Refused::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_exact() {
        let at = "a".repeat(MAX_HEADER_VALUE_LEN);
        assert_eq!(bounded(&at).map(|v| v.len()), Ok(MAX_HEADER_VALUE_LEN));
        let past = "a".repeat(MAX_HEADER_VALUE_LEN + 1);
        assert_eq!(bounded(&past), Err(Refused::TooLong));
    }

    #[test]
    fn a_display_writing_past_the_bound_is_cut_short() {
        struct Endless;
        impl fmt::Display for Endless {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for _ in 0..1_000_000 {
                    f.write_str("0123456789")?;
                }
                Ok(())
            }
        }
        assert_eq!(bounded(&Endless), Err(Refused::TooLong));
    }

    #[test]
    fn invalid_values_and_failing_displays_are_refused() {
        assert_eq!(bounded("a\r\nset-cookie: x"), Err(Refused::Invalid));
        assert_eq!(bounded("a\0b"), Err(Refused::Invalid));
        struct Failing;
        impl fmt::Display for Failing {
            fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
                Err(fmt::Error)
            }
        }
        assert_eq!(bounded(&Failing), Err(Refused::Invalid));
    }
}
