//! Validation errors in the shape of RFC 9457 §3: an `errors` member that lists each
//! invalid part of the request with a `detail` and a JSON Pointer (RFC 6901) to it.

use core::fmt;
use core::str::FromStr;

use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::Value;

use crate::Problem;

/// The member a problem carries its validation errors in, as RFC 9457 §3 names it.
///
/// ```
/// use problem_codes::{ERRORS_MEMBER, Problem};
///
/// let problem = Problem::from_json(br##"{"status":422,"errors":[{"detail":"required","pointer":"#/name"}]}"##)?;
/// assert_eq!(ERRORS_MEMBER, "errors");
/// assert_eq!(problem.extension(ERRORS_MEMBER).and_then(|v| v.as_array()).map(Vec::len), Some(1));
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
pub const ERRORS_MEMBER: &str = "errors";

/// A JSON Pointer (RFC 6901): the path to one value inside a JSON document, such as
/// `/profile/nickname` or `/tags/2`.
///
/// Build one token by token, and the escaping is done for you: `~` becomes `~0` and
/// `/` becomes `~1`. `Display` shows the pointer itself; serialized, it takes the URI
/// fragment form (`#/profile/nickname`, percent-encoded where a fragment needs it), as
/// the example of RFC 9457 §3 does. [`parse`](JsonPointer::parse) reads either form.
///
/// ```
/// use problem_codes::JsonPointer;
///
/// let pointer = JsonPointer::root().key("links").key("a/b~c").index(0);
/// assert_eq!(pointer.to_string(), "/links/a~1b~0c/0");
/// assert_eq!(pointer.to_uri_fragment(), "#/links/a~1b~0c/0");
/// assert_eq!(pointer.tokens().collect::<Vec<_>>(), ["links", "a/b~c", "0"]);
///
/// let doc = serde_json::json!({ "links": { "a/b~c": ["x"] } });
/// assert_eq!(pointer.resolve(&doc), Some(&serde_json::json!("x")));
/// assert_eq!(JsonPointer::parse("#/links/a~1b~0c/0")?, pointer);
/// assert_eq!(JsonPointer::root().key("名 字").to_uri_fragment(), "#/%E5%90%8D%20%E5%AD%97");
/// # Ok::<(), problem_codes::InvalidPointer>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer(String);

impl JsonPointer {
    /// The pointer to the whole document: the empty string.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let root = JsonPointer::root();
    /// assert!(root.is_root());
    /// assert_eq!(root.as_str(), "");
    /// assert_eq!(root.to_uri_fragment(), "#");
    /// ```
    #[must_use]
    pub const fn root() -> JsonPointer {
        JsonPointer(String::new())
    }

    /// This pointer, one member deeper: `key` is a member name, escaped as RFC 6901
    /// asks.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let pointer = JsonPointer::root().key("profile").key("a/b~c");
    /// assert_eq!(pointer.as_str(), "/profile/a~1b~0c");
    /// ```
    #[must_use]
    pub fn key(mut self, key: &str) -> JsonPointer {
        self.push(key);
        self
    }

    /// This pointer, one array element deeper.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// assert_eq!(JsonPointer::root().key("tags").index(2).as_str(), "/tags/2");
    /// ```
    #[must_use]
    pub fn index(mut self, index: usize) -> JsonPointer {
        self.0.push('/');
        self.0.push_str(&index.to_string());
        self
    }

    /// Appends one reference token (a member name or an array index), escaping it: the
    /// in-place form of [`key`](JsonPointer::key), for a path built in a loop.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let mut pointer = JsonPointer::root();
    /// for token in ["links", "a/b", "0"] {
    ///     pointer.push(token);
    /// }
    /// assert_eq!(pointer.as_str(), "/links/a~1b/0");
    /// ```
    pub fn push(&mut self, token: &str) {
        self.0.reserve(token.len() + 1);
        self.0.push('/');
        for c in token.chars() {
            match c {
                '~' => self.0.push_str("~0"),
                '/' => self.0.push_str("~1"),
                c => self.0.push(c),
            }
        }
    }

    /// Reads a pointer in either form: the pointer itself (`/a~1b`), or its URI fragment
    /// form (`#/a~1b`, percent-encoded).
    ///
    /// # Errors
    ///
    /// [`InvalidPointer`] when the text is not empty and does not start with `/` (or
    /// `#`), when a `~` is not followed by `0` or `1`, or when the fragment form has a
    /// bad percent-escape or is not UTF-8 once decoded.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// assert_eq!(JsonPointer::parse("")?, JsonPointer::root());
    /// assert_eq!(JsonPointer::parse("#/a%20b")?.to_string(), "/a b");
    /// assert!(JsonPointer::parse("nickname").is_err());
    /// assert!(JsonPointer::parse("/a~2").is_err());
    /// assert!(JsonPointer::parse("#/%E5").is_err());
    /// # Ok::<(), problem_codes::InvalidPointer>(())
    /// ```
    pub fn parse(text: &str) -> Result<JsonPointer, InvalidPointer> {
        let plain = match text.strip_prefix('#') {
            Some(fragment) => percent_decode(fragment).ok_or_else(|| InvalidPointer::new(text))?,
            None => text.to_owned(),
        };
        if !(plain.is_empty() || plain.starts_with('/')) {
            return Err(InvalidPointer::new(text));
        }
        let mut chars = plain.chars();
        while let Some(c) = chars.next() {
            if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
                return Err(InvalidPointer::new(text));
            }
        }
        Ok(JsonPointer(plain))
    }

    /// The pointer, as RFC 6901 writes it: `/profile/nickname`, without the URI
    /// fragment's `#` and percent-encoding.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let pointer = JsonPointer::root().key("nick name");
    /// assert_eq!(pointer.as_str(), "/nick name");
    /// assert_eq!(pointer.to_string(), "/nick name");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is the pointer to the whole document.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// assert!(JsonPointer::parse("#")?.is_root());
    /// assert!(!JsonPointer::parse("/")?.is_root()); // the member named ""
    /// # Ok::<(), problem_codes::InvalidPointer>(())
    /// ```
    #[must_use]
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The reference tokens, unescaped: `/a~1b/0` gives `a/b` and `0`.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let pointer = JsonPointer::parse("/a~1b/m~0n/0")?;
    /// assert_eq!(pointer.tokens().collect::<Vec<_>>(), ["a/b", "m~n", "0"]);
    /// assert_eq!(JsonPointer::root().tokens().count(), 0);
    /// # Ok::<(), problem_codes::InvalidPointer>(())
    /// ```
    pub fn tokens(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .split('/')
            .skip(1)
            .map(|token| token.replace("~1", "/").replace("~0", "~"))
    }

    /// The URI fragment form, `#` then the pointer with every character a fragment may
    /// not hold percent-encoded (RFC 6901 §6). This is the form a pointer serializes
    /// to.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    ///
    /// let pointer = JsonPointer::root().key("c%d").key("e^f g");
    /// assert_eq!(pointer.to_uri_fragment(), "#/c%25d/e%5Ef%20g");
    /// assert_eq!(serde_json::to_string(&pointer)?, r##""#/c%25d/e%5Ef%20g""##);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[must_use]
    pub fn to_uri_fragment(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 1);
        out.push('#');
        for &b in self.0.as_bytes() {
            if is_fragment_byte(b) {
                out.push(char::from(b));
            } else {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0xf)]));
            }
        }
        out
    }

    /// The value this pointer designates in `document`, if there is one.
    ///
    /// ```
    /// use problem_codes::JsonPointer;
    /// use serde_json::json;
    ///
    /// let body = json!({ "tags": ["a", "b"] });
    /// assert_eq!(JsonPointer::root().key("tags").index(1).resolve(&body), Some(&json!("b")));
    /// assert_eq!(JsonPointer::root().key("tags").index(5).resolve(&body), None);
    /// assert_eq!(JsonPointer::root().resolve(&body), Some(&body));
    /// ```
    #[must_use]
    pub fn resolve<'v>(&self, document: &'v Value) -> Option<&'v Value> {
        document.pointer(&self.0)
    }
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `pchar / "/" / "?"` of RFC 3986, less `%`, which is escaped.
fn is_fragment_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?".contains(&b)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            // Two hex digits exactly: `from_str_radix` alone would take `%+f`.
            let hex = bytes.get(i + 1..i + 3)?;
            let [high, low] = [hex.first()?, hex.get(1)?].map(|&b| char::from(b).to_digit(16));
            out.push(u8::try_from(high? * 16 + low?).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for JsonPointer {
    type Err = InvalidPointer;

    fn from_str(text: &str) -> Result<JsonPointer, InvalidPointer> {
        JsonPointer::parse(text)
    }
}

impl Serialize for JsonPointer {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_uri_fragment())
    }
}

impl<'de> Deserialize<'de> for JsonPointer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonPointer, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        JsonPointer::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Text that is not a JSON Pointer: the error of [`JsonPointer::parse`].
///
/// ```
/// use problem_codes::JsonPointer;
///
/// let err = JsonPointer::parse("nickname").unwrap_err();
/// assert_eq!(err.text(), "nickname");
/// assert_eq!(
///     err.to_string(),
///     "`nickname` is not a JSON Pointer: write `/member/0`, escape `~` as `~0` and `/` as `~1`",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidPointer {
    text: String,
}

impl InvalidPointer {
    fn new(text: &str) -> InvalidPointer {
        InvalidPointer {
            text: text.to_owned(),
        }
    }

    /// The text that was refused, as it was given (see the example on
    /// [`InvalidPointer`]).
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for InvalidPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a JSON Pointer: write `/member/0`, escape `~` as `~0` and `/` as `~1`",
            self.text
        )
    }
}

impl std::error::Error for InvalidPointer {}

/// One invalid part of a request: what is wrong (`detail`, for people) and where
/// (`pointer`).
///
/// ```
/// use problem_codes::{FieldError, JsonPointer};
///
/// let error = FieldError::new(JsonPointer::root().key("age"), "must be a positive integer");
/// assert_eq!(error.pointer().as_str(), "/age");
/// assert_eq!(error.detail(), "must be a positive integer");
/// assert_eq!(
///     serde_json::to_string(&error)?,
///     r##"{"detail":"must be a positive integer","pointer":"#/age"}"##,
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FieldError {
    pointer: JsonPointer,
    detail: String,
}

impl FieldError {
    /// The error `detail` at `pointer` (see the example on [`FieldError`]).
    #[must_use]
    pub fn new(pointer: JsonPointer, detail: impl Into<String>) -> FieldError {
        FieldError {
            pointer,
            detail: detail.into(),
        }
    }

    /// Where the invalid value is in the request (see the example on [`FieldError`]).
    #[must_use]
    pub fn pointer(&self) -> &JsonPointer {
        &self.pointer
    }

    /// What is wrong with it (see the example on [`FieldError`]).
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Reads one item of an `errors` array; `None` unless it has a string `detail` and
    /// a valid `pointer`.
    fn from_value(value: &Value) -> Option<FieldError> {
        let detail = value.get("detail")?.as_str()?;
        let pointer = JsonPointer::parse(value.get("pointer")?.as_str()?).ok()?;
        Some(FieldError::new(pointer, detail))
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("detail", &self.detail)?;
        map.serialize_entry("pointer", &self.pointer)?;
        map.end()
    }
}

/// The validation errors of one request, carried by a variant field as the `errors`
/// member of RFC 9457 §3:
///
/// ```
/// use problem_codes::{JsonPointer, ProblemCode, ValidationErrors};
/// # problem_codes::error_catalog! { pub catalog Profile { section "Profile" {
/// #     PROFILE_PAYLOAD_INVALID = 422 {
/// #         title: "Profile update payload invalid",
/// #         handling: "Highlight invalid fields",
/// #         members: { errors: errors },
/// #     },
/// # } } }
///
/// #[derive(Debug, ProblemCode)]
/// #[problem(catalog = Profile)]
/// enum ProfileError {
///     #[problem(PROFILE_PAYLOAD_INVALID, detail = "Some fields are invalid")]
///     Invalid {
///         #[problem(extension)]
///         errors: ValidationErrors,
///     },
/// }
///
/// fn check(nickname: &str, bio: &str) -> Result<(), ProfileError> {
///     let mut errors = ValidationErrors::new();
///     if nickname.is_empty() {
///         errors.push(JsonPointer::root().key("nickname"), "must not be empty");
///     }
///     if bio.len() > 10 {
///         errors.push(JsonPointer::root().key("bio"), "at most 10 bytes");
///     }
///     errors.into_result().map_err(|errors| ProfileError::Invalid { errors })
/// }
///
/// let body = check("", "far too long a bio").unwrap_err().to_json();
/// let value: serde_json::Value = serde_json::from_slice(&body)?;
/// assert_eq!(value["errors"], serde_json::json!([
///     { "detail": "must not be empty", "pointer": "#/nickname" },
///     { "detail": "at most 10 bytes", "pointer": "#/bio" },
/// ]));
/// assert!(check("ada", "hi").is_ok());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ValidationErrors {
    errors: Vec<FieldError>,
}

impl ValidationErrors {
    /// No errors yet.
    ///
    /// ```
    /// use problem_codes::ValidationErrors;
    ///
    /// let errors = ValidationErrors::new();
    /// assert!(errors.is_empty());
    /// assert_eq!(errors.into_result(), Ok(()));
    /// ```
    #[must_use]
    pub fn new() -> ValidationErrors {
        ValidationErrors::default()
    }

    /// Adds the error `detail` at `pointer`.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// let mut errors = ValidationErrors::new();
    /// for (i, tag) in ["ok", "", "fine", ""].iter().enumerate() {
    ///     if tag.is_empty() {
    ///         errors.push(JsonPointer::root().key("tags").index(i), "must not be empty");
    ///     }
    /// }
    /// let pointers: Vec<&str> = errors.iter().map(|e| e.pointer().as_str()).collect();
    /// assert_eq!(pointers, ["/tags/1", "/tags/3"]);
    /// ```
    pub fn push(&mut self, pointer: JsonPointer, detail: impl Into<String>) -> &mut Self {
        self.errors.push(FieldError::new(pointer, detail));
        self
    }

    /// Adds the error `detail` at `pointer`, by value: for a list written in one
    /// expression.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// let errors = ValidationErrors::new()
    ///     .with(JsonPointer::root().key("nickname"), "must not be empty")
    ///     .with(JsonPointer::root().key("age"), "must be a number");
    /// assert_eq!(errors.len(), 2);
    /// ```
    #[must_use]
    pub fn with(mut self, pointer: JsonPointer, detail: impl Into<String>) -> ValidationErrors {
        self.push(pointer, detail);
        self
    }

    /// Whether there is no error.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// assert!(ValidationErrors::new().is_empty());
    /// assert!(!ValidationErrors::new().with(JsonPointer::root(), "not an object").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many errors there are.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// let mut errors = ValidationErrors::new();
    /// errors.push(JsonPointer::root().key("a"), "missing").push(JsonPointer::root().key("b"), "missing");
    /// assert_eq!(errors.len(), 2);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The errors, in the order they were added.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// let errors = ValidationErrors::new()
    ///     .with(JsonPointer::root().key("name"), "required")
    ///     .with(JsonPointer::root().key("age"), "must be a number");
    /// let details: Vec<&str> = errors.iter().map(|e| e.detail()).collect();
    /// assert_eq!(details, ["required", "must be a number"]);
    /// ```
    pub fn iter(&self) -> core::slice::Iter<'_, FieldError> {
        self.errors.iter()
    }

    /// `Ok` when there is no error, else the errors, for `?`.
    ///
    /// # Errors
    ///
    /// `self`, when it is not empty.
    ///
    /// ```
    /// use problem_codes::{JsonPointer, ValidationErrors};
    ///
    /// fn check(name: &str) -> Result<(), ValidationErrors> {
    ///     let mut errors = ValidationErrors::new();
    ///     if name.is_empty() {
    ///         errors.push(JsonPointer::root().key("name"), "required");
    ///     }
    ///     errors.into_result()
    /// }
    ///
    /// assert!(check("ada").is_ok());
    /// assert_eq!(check("").map_err(|e| e.len()), Err(1));
    /// ```
    pub fn into_result(self) -> Result<(), ValidationErrors> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }

    /// The `errors` member of a parsed problem. Items without a string `detail` and a
    /// valid `pointer` are ignored, as RFC 9457 §3.1 asks of members a client does not
    /// understand; a problem without the member gives no errors.
    ///
    /// ```
    /// use problem_codes::{Problem, ValidationErrors};
    ///
    /// let problem = Problem::from_json(br##"{"status":422,"errors":[
    ///     {"detail":"must not be empty","pointer":"#/nickname"},
    ///     {"detail":"no pointer"},
    ///     {"detail":"bad pointer","pointer":"nickname"}
    /// ]}"##)?;
    /// let errors = ValidationErrors::from_problem(&problem);
    /// assert_eq!(errors.len(), 1);
    /// let first = errors.iter().next().unwrap();
    /// assert_eq!(first.pointer().as_str(), "/nickname");
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn from_problem(problem: &Problem) -> ValidationErrors {
        let items = problem
            .extension(ERRORS_MEMBER)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        items.iter().filter_map(FieldError::from_value).collect()
    }
}

impl FromIterator<FieldError> for ValidationErrors {
    fn from_iter<I: IntoIterator<Item = FieldError>>(iter: I) -> ValidationErrors {
        ValidationErrors {
            errors: iter.into_iter().collect(),
        }
    }
}

impl Extend<FieldError> for ValidationErrors {
    fn extend<I: IntoIterator<Item = FieldError>>(&mut self, iter: I) {
        self.errors.extend(iter);
    }
}

impl IntoIterator for ValidationErrors {
    type Item = FieldError;
    type IntoIter = std::vec::IntoIter<FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a FieldError;
    type IntoIter = core::slice::Iter<'a, FieldError>;

    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.errors.len()))?;
        for error in &self.errors {
            seq.serialize_element(error)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_round_trips_through_both_forms() {
        for token in [
            "", "a", "a/b", "~", "~1", "/~/", "m~n", "a b", "%", "#", "ü", "\"q\"",
        ] {
            let pointer = JsonPointer::root().key(token).index(3);
            assert_eq!(pointer.tokens().collect::<Vec<_>>(), [token, "3"]);
            assert_eq!(JsonPointer::parse(pointer.as_str()).unwrap(), pointer);
            let fragment = pointer.to_uri_fragment();
            assert!(
                fragment
                    .bytes()
                    .skip(1)
                    .all(|b| is_fragment_byte(b) || b == b'%')
            );
            assert_eq!(
                JsonPointer::parse(&fragment).unwrap(),
                pointer,
                "{fragment}"
            );
        }
    }

    #[test]
    fn rfc_6901_examples_resolve() {
        // RFC 6901 §5.
        let doc = serde_json::json!({
            "foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3,
            "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8
        });
        for (pointer, fragment, expected) in [
            ("", "#", doc.clone()),
            ("/foo/0", "#/foo/0", serde_json::json!("bar")),
            ("/", "#/", serde_json::json!(0)),
            ("/a~1b", "#/a~1b", serde_json::json!(1)),
            ("/c%d", "#/c%25d", serde_json::json!(2)),
            ("/e^f", "#/e%5Ef", serde_json::json!(3)),
            ("/g|h", "#/g%7Ch", serde_json::json!(4)),
            ("/i\\j", "#/i%5Cj", serde_json::json!(5)),
            ("/k\"l", "#/k%22l", serde_json::json!(6)),
            ("/ ", "#/%20", serde_json::json!(7)),
            ("/m~0n", "#/m~0n", serde_json::json!(8)),
        ] {
            let parsed = JsonPointer::parse(pointer).unwrap();
            assert_eq!(parsed.to_uri_fragment(), fragment);
            assert_eq!(JsonPointer::parse(fragment).unwrap(), parsed);
            assert_eq!(parsed.resolve(&doc), Some(&expected), "{pointer}");
        }
    }

    #[test]
    fn malformed_pointers_are_typed_errors() {
        for bad in [
            "a", "~0", "/~", "/~2", "#a", "#/%", "#/%4", "#/%zz", "#/%FF",
            // Found by the fuzzer: a sign is not a hex digit.
            "#/%+f", "#/%+1", "#/%-1",
        ] {
            let err = JsonPointer::parse(bad).unwrap_err();
            assert_eq!(err.text(), bad);
        }
    }
}
