//! The errors of parsing a problem document.

use core::fmt;

/// Why bytes could not be parsed as a problem document.
///
/// ```
/// use problem_codes::{ParseError, ParseLimits, Problem};
///
/// let err = Problem::from_json(br#"{"status":404"#).unwrap_err();
/// assert!(matches!(err, ParseError::Json(_)));
/// assert!(err.to_string().starts_with("problem document is not valid JSON: "));
///
/// assert!(matches!(Problem::from_json(b"\"oops\""), Err(ParseError::NotAnObject)));
/// assert!(matches!(Problem::from_json(b"{\"title\":\"\xff\"}"), Err(ParseError::NotUtf8(_))));
///
/// let err = Problem::from_json_with(b"{}", ParseLimits::DEFAULT.max_depth(0)).unwrap_err();
/// assert_eq!(err.to_string(), "problem document nests arrays and objects deeper than the limit of 0");
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum ParseError {
    /// The bytes are not well-formed JSON.
    Json(serde_json::Error),
    /// The bytes are not UTF-8, as JSON must be (RFC 8259 §8.1), even in members a
    /// problem ignores.
    NotUtf8(core::str::Utf8Error),
    /// The bytes are JSON, but not a JSON object.
    NotAnObject,
    /// The body is longer than [`ParseLimits::max_bytes`](crate::ParseLimits::max_bytes)
    /// allows; it was not read.
    TooLarge {
        /// The body's length in bytes.
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
    /// Arrays and objects nest deeper than
    /// [`ParseLimits::max_depth`](crate::ParseLimits::max_depth) allows; no value was
    /// built.
    TooDeep {
        /// The limit it broke.
        limit: usize,
    },
}

impl ParseError {
    pub(crate) fn from_json(err: serde_json::Error) -> ParseError {
        if err.is_data() {
            ParseError::NotAnObject
        } else {
            ParseError::Json(err)
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseError::Json(err) => write!(f, "problem document is not valid JSON: {err}"),
            ParseError::NotUtf8(err) => write!(f, "problem document is not UTF-8: {err}"),
            ParseError::NotAnObject => f.write_str("problem document is not a JSON object"),
            ParseError::TooLarge { size, limit } => write!(
                f,
                "problem document is {size} bytes, more than the limit of {limit}"
            ),
            ParseError::TooDeep { limit } => write!(
                f,
                "problem document nests arrays and objects deeper than the limit of {limit}"
            ),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ParseError::Json(err) => Some(err),
            ParseError::NotUtf8(err) => Some(err),
            ParseError::NotAnObject | ParseError::TooLarge { .. } | ParseError::TooDeep { .. } => {
                None
            }
        }
    }
}
