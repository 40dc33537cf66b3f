//! Limits on a problem document read from the network: its size and how deeply its
//! arrays and objects nest, both checked before any value is built.

use crate::ParseError;

/// The deepest nesting `serde_json` itself accepts (its recursion limit of 128 counts
/// the container that reaches it): a larger [`ParseLimits::max_depth`] is lowered to it.
pub(crate) const MAX_DEPTH: usize = 127;

/// Limits on an untrusted problem document, for [`Problem::from_json_with`].
///
/// A client parses bodies that a server, a proxy or an attacker chose. The limits bound
/// the work and the memory a body can cost: a body longer than
/// [`max_bytes`](ParseLimits::max_bytes) is refused before it is read, and so is one
/// whose arrays and objects nest deeper than [`max_depth`](ParseLimits::max_depth).
/// The `with_` methods set them, as builders do, and the plain names read them.
/// Both are typed errors, [`ParseError::TooLarge`] and [`ParseError::TooDeep`].
///
/// The defaults ([`ParseLimits::DEFAULT`], used by [`Problem::from_json`]) are 64 KiB
/// and a depth of 32: a problem document is a few hundred bytes and three levels deep
/// (an `errors` array of objects), so both leave room for long validation reports.
///
/// ```
/// use problem_codes::{ParseError, ParseLimits, Problem};
///
/// let limits = ParseLimits::DEFAULT.with_max_bytes(1024).with_max_depth(4);
/// let body = br#"{"status":422,"errors":[{"pointer":"/name"}]}"#;
/// assert!(Problem::from_json_with(body, limits).is_ok());
///
/// let deep = br#"{"status":422,"errors":[[[[]]]]}"#;
/// assert!(matches!(
///     Problem::from_json_with(deep, limits),
///     Err(ParseError::TooDeep { limit: 4 })
/// ));
/// ```
///
/// [`Problem::from_json_with`]: crate::Problem::from_json_with
/// [`Problem::from_json`]: crate::Problem::from_json
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseLimits {
    max_bytes: usize,
    max_depth: usize,
}

impl ParseLimits {
    /// 64 KiB and a nesting depth of 32, the limits of [`Problem::from_json`].
    ///
    /// ```
    /// use problem_codes::ParseLimits;
    ///
    /// assert_eq!(ParseLimits::DEFAULT.max_bytes(), 64 * 1024);
    /// assert_eq!(ParseLimits::DEFAULT.max_depth(), 32);
    /// assert_eq!(ParseLimits::default(), ParseLimits::DEFAULT);
    /// ```
    ///
    /// [`Problem::from_json`]: crate::Problem::from_json
    pub const DEFAULT: ParseLimits = ParseLimits {
        max_bytes: 64 * 1024,
        max_depth: 32,
    };

    /// Sets the largest body accepted, in bytes; [`max_bytes`](ParseLimits::max_bytes)
    /// reads it.
    ///
    /// ```
    /// # use problem_codes::ParseLimits;
    /// assert_eq!(ParseLimits::DEFAULT.with_max_bytes(4096).max_bytes(), 4096);
    /// ```
    #[must_use]
    pub const fn with_max_bytes(mut self, max_bytes: usize) -> ParseLimits {
        self.max_bytes = max_bytes;
        self
    }

    /// Sets the deepest nesting accepted, the document's own object counting as 1: `{}`
    /// is 1 deep, `{"a":[{}]}` 3. At most 127, the limit of `serde_json` itself; a larger
    /// value is lowered to it. [`max_depth`](ParseLimits::max_depth) reads it.
    ///
    /// ```
    /// # use problem_codes::ParseLimits;
    /// assert_eq!(ParseLimits::DEFAULT.with_max_depth(8).max_depth(), 8);
    /// assert_eq!(ParseLimits::DEFAULT.with_max_depth(10_000).max_depth(), 127);
    /// ```
    #[must_use]
    pub const fn with_max_depth(mut self, max_depth: usize) -> ParseLimits {
        self.max_depth = if max_depth < MAX_DEPTH {
            max_depth
        } else {
            MAX_DEPTH
        };
        self
    }

    /// The largest body accepted, in bytes: a client can stop reading a response there.
    ///
    /// ```
    /// # use problem_codes::{ParseError, ParseLimits, Problem};
    /// let limits = ParseLimits::DEFAULT.with_max_bytes(4096);
    /// let body = vec![b' '; 10_000]; // a response body far too long
    /// // Read one byte past the limit, so that a longer body is refused, not cut.
    /// let read = &body[..body.len().min(limits.max_bytes() + 1)];
    /// assert!(matches!(
    ///     Problem::from_json_with(read, limits),
    ///     Err(ParseError::TooLarge { size: 4097, limit: 4096 })
    /// ));
    /// ```
    #[must_use]
    pub const fn max_bytes(&self) -> usize {
        self.max_bytes
    }

    /// The deepest nesting accepted; see [`with_max_depth`](ParseLimits::with_max_depth).
    ///
    /// ```
    /// # use problem_codes::ParseLimits;
    /// assert_eq!(ParseLimits::DEFAULT.with_max_depth(4).max_depth(), 4);
    /// ```
    #[must_use]
    pub const fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Refuses `bytes` when they break a limit.
    pub(crate) fn check(&self, bytes: &[u8]) -> Result<(), ParseError> {
        if bytes.len() > self.max_bytes {
            return Err(ParseError::TooLarge {
                size: bytes.len(),
                limit: self.max_bytes,
            });
        }
        if nesting_exceeds(bytes, self.max_depth) {
            return Err(ParseError::TooDeep {
                limit: self.max_depth,
            });
        }
        Ok(())
    }
}

impl Default for ParseLimits {
    fn default() -> ParseLimits {
        ParseLimits::DEFAULT
    }
}

/// Whether the arrays and objects of `bytes` nest deeper than `limit`. Brackets inside
/// strings do not count; the bytes need not be valid JSON (the parser judges that).
pub(crate) fn nesting_exceeds(bytes: &[u8], limit: usize) -> bool {
    // The depth is at most the number of openings: most bodies have fewer than the
    // limit, and counting them is one branch-free pass, cheaper than the scan.
    let openings = bytes.iter().filter(|&&b| b == b'[' || b == b'{').count();
    if openings <= limit {
        return false;
    }
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The depth of a parsed value, computed on the value itself.
    fn depth(value: &serde_json::Value) -> usize {
        match value {
            serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
            serde_json::Value::Object(members) => {
                1 + members.values().map(depth).max().unwrap_or(0)
            }
            _ => 0,
        }
    }

    #[test]
    fn the_scan_agrees_with_the_parsed_value_and_ignores_brackets_in_strings() {
        for text in [
            r#"{}"#,
            r#"{"a":[{}]}"#,
            r#"{"a":"[[[{{{","b":["\"[",{"c":"\\"}]}"#,
            r#"{"a":[[],[[]],{}],"b":{"c":{"d":[1,"}}}"]}}}"#,
            r#"[1,[2,[3,[4]]]]"#,
        ] {
            let value: serde_json::Value = serde_json::from_str(text).expect("valid JSON");
            let d = depth(&value);
            assert!(!nesting_exceeds(text.as_bytes(), d), "{text} is {d} deep");
            assert!(
                nesting_exceeds(text.as_bytes(), d - 1),
                "{text} is {d} deep"
            );
        }
    }

    /// `{"a":[[…]]}`, `depth` deep in all.
    fn nested(depth: usize) -> String {
        let inner = depth - 1;
        format!("{{\"a\":{}{}}}", "[".repeat(inner), "]".repeat(inner))
    }

    #[test]
    fn the_deepest_limit_is_what_serde_json_itself_accepts() {
        let limits = ParseLimits::DEFAULT.with_max_depth(usize::MAX);
        assert_eq!(limits.max_depth(), MAX_DEPTH);
        let deepest = nested(MAX_DEPTH);
        assert!(crate::Problem::from_json_with(deepest.as_bytes(), limits).is_ok());
        assert!(serde_json::from_str::<serde_json::Value>(&nested(MAX_DEPTH + 1)).is_err());
        assert!(matches!(
            crate::Problem::from_json_with(nested(MAX_DEPTH + 1).as_bytes(), limits),
            Err(ParseError::TooDeep { limit: MAX_DEPTH })
        ));
    }

    #[test]
    fn the_default_depth_is_exact() {
        let limits = ParseLimits::DEFAULT;
        assert!(crate::Problem::from_json_with(nested(32).as_bytes(), limits).is_ok());
        assert!(matches!(
            crate::Problem::from_json_with(nested(33).as_bytes(), limits),
            Err(ParseError::TooDeep { limit: 32 })
        ));
    }

    #[test]
    fn the_size_is_checked_first_and_exactly() {
        let body = br#"{"status":404}"#;
        let at = ParseLimits::DEFAULT.with_max_bytes(body.len());
        assert!(crate::Problem::from_json_with(body, at).is_ok());
        let under = ParseLimits::DEFAULT
            .with_max_bytes(body.len() - 1)
            .with_max_depth(0);
        assert!(matches!(
            crate::Problem::from_json_with(body, under),
            Err(ParseError::TooLarge {
                size: 14,
                limit: 13
            })
        ));
    }

    #[test]
    fn unbalanced_input_is_judged_by_its_openings() {
        assert!(nesting_exceeds(b"[[[", 2));
        assert!(!nesting_exceeds(b"]]][[", 2));
        assert!(
            !nesting_exceeds(b"\"[[[[", 1),
            "an unclosed string hides the rest"
        );
    }
}
