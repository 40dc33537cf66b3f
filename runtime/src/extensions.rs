//! Extension members: the per-occurrence members a problem adds beside the standard ones.

use core::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::json::{self, ByteSink, IoSink};

/// The member names RFC 9457 defines, plus `code`, which every problem code carries,
/// and `retry_after`, which a `#[problem(retry_after)]` field fills. An extension member
/// may not take one of them.
///
/// ```
/// use problem_codes::{ExtensionName, RESERVED_MEMBERS};
///
/// assert!(RESERVED_MEMBERS.contains(&"retry_after"));
/// assert!(RESERVED_MEMBERS.iter().all(|name| ExtensionName::new(name).is_err()));
/// ```
pub const RESERVED_MEMBERS: [&str; 7] = [
    "type",
    "title",
    "status",
    "detail",
    "instance",
    "code",
    "retry_after",
];

/// The name of an extension member, checked: it starts with an ASCII letter, continues
/// with ASCII letters, digits and `_` (RFC 9457 §3.2), and is not one of the
/// [`RESERVED_MEMBERS`].
///
/// ```
/// use problem_codes::ExtensionName;
///
/// const BALANCE: ExtensionName = ExtensionName::from_static("balance");
/// assert_eq!(BALANCE.as_str(), "balance");
/// assert!(ExtensionName::new("2fast").is_err());
/// assert!(ExtensionName::new("status").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExtensionName(&'static str);

impl ExtensionName {
    /// Checks a static name.
    ///
    /// # Panics
    ///
    /// If the name is invalid or reserved. Use it to initialise a `const`, where that
    /// panic is a compile error, as with [`http::HeaderName::from_static`].
    ///
    /// ```
    /// use problem_codes::ExtensionName;
    ///
    /// const BALANCE: ExtensionName = ExtensionName::from_static("balance");
    /// assert_eq!(BALANCE.to_string(), "balance");
    /// ```
    ///
    /// A reserved or malformed name in a `const` does not compile:
    ///
    /// ```compile_fail
    /// # use problem_codes::ExtensionName;
    /// const STATUS: ExtensionName = ExtensionName::from_static("status");
    /// ```
    #[must_use]
    pub const fn from_static(name: &'static str) -> ExtensionName {
        assert!(
            is_valid_member_name(name),
            "an extension member name starts with a letter and has only letters, digits and `_`"
        );
        assert!(
            !is_reserved_member(name),
            "an extension member name may not be type, title, status, detail, instance, code or retry_after"
        );
        ExtensionName(name)
    }

    /// A name the derive has checked. Not public API: see the table in `__private`.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_macro(name: &'static str) -> ExtensionName {
        ExtensionName(name)
    }

    /// Checks a name, returning why it is refused.
    ///
    /// # Errors
    ///
    /// [`InvalidExtensionName`] if the name is not a valid member name or is reserved.
    ///
    /// ```
    /// use problem_codes::{ExtensionName, InvalidExtensionName};
    ///
    /// assert_eq!(ExtensionName::new("retry_count")?.as_str(), "retry_count");
    /// assert!(matches!(ExtensionName::new("retry-count"), Err(InvalidExtensionName::Malformed(_))));
    /// assert!(matches!(ExtensionName::new("detail"), Err(InvalidExtensionName::Reserved(_))));
    /// # Ok::<(), InvalidExtensionName>(())
    /// ```
    pub fn new(name: &'static str) -> Result<ExtensionName, InvalidExtensionName> {
        check_member_name(name)?;
        Ok(ExtensionName(name))
    }

    /// The name. See the example on [`ExtensionName`].
    #[must_use]
    pub const fn as_str(&self) -> &'static str {
        self.0
    }
}

impl fmt::Display for ExtensionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

/// Why a name cannot be an extension member.
///
/// ```
/// use problem_codes::{ExtensionName, InvalidExtensionName};
///
/// let err = ExtensionName::new("code").unwrap_err();
/// assert_eq!(err, InvalidExtensionName::Reserved("code".to_owned()));
/// assert_eq!(err.to_string(), "`code` is a standard problem member; choose another name for the extension");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidExtensionName {
    /// The name does not start with a letter or has a character other than letters,
    /// digits and `_`.
    Malformed(String),
    /// The name is one of the [`RESERVED_MEMBERS`].
    Reserved(String),
}

impl fmt::Display for InvalidExtensionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidExtensionName::Malformed(name) => write!(
                f,
                "`{name}` is not an extension member name: start with a letter and use only letters, digits and `_`"
            ),
            InvalidExtensionName::Reserved(name) => write!(
                f,
                "`{name}` is a standard problem member; choose another name for the extension"
            ),
        }
    }
}

impl std::error::Error for InvalidExtensionName {}

pub(crate) fn check_member_name(name: &str) -> Result<(), InvalidExtensionName> {
    if !is_valid_member_name(name) {
        return Err(InvalidExtensionName::Malformed(name.to_owned()));
    }
    if is_reserved_member(name) {
        return Err(InvalidExtensionName::Reserved(name.to_owned()));
    }
    Ok(())
}

/// Whether `name` is a well-formed member name: an ASCII letter, then ASCII letters,
/// digits and `_` (RFC 9457 §3.2). It does not check the [`RESERVED_MEMBERS`].
///
/// ```
/// use problem_codes::is_valid_member_name;
///
/// assert!(is_valid_member_name("balance_2"));
/// assert!(is_valid_member_name("status"));
/// assert!(!is_valid_member_name("2fast"));
/// assert!(!is_valid_member_name("trace-id"));
/// assert!(!is_valid_member_name(""));
/// ```
#[must_use]
pub const fn is_valid_member_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_alphanumeric() || b == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `name` is one of the [`RESERVED_MEMBERS`].
///
/// ```
/// use problem_codes::is_reserved_member;
///
/// assert!(is_reserved_member("instance"));
/// assert!(is_reserved_member("code"));
/// assert!(!is_reserved_member("balance"));
/// ```
#[must_use]
pub const fn is_reserved_member(name: &str) -> bool {
    let mut i = 0;
    while i < RESERVED_MEMBERS.len() {
        if eq(RESERVED_MEMBERS[i].as_bytes(), name.as_bytes()) {
            return true;
        }
        i += 1;
    }
    false
}

const fn eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Receives the extension members of one occurrence of a problem, from
/// [`ProblemCode::extensions`](crate::ProblemCode::extensions). A sink: members are
/// written into it, straight into the body being rendered, and never read back.
///
/// Each value is serialized with `serde_json`. A value that serializes to `null` (such
/// as `None`) is left out, and so is one whose serialization fails (a map with
/// non-string keys, say): the rendered body stays valid JSON either way.
///
/// ```
/// use problem_codes::{Entry, ExtensionName, ExtensionSink, ProblemCode};
///
/// struct Insufficient { balance: u32, needed: u32 }
///
/// impl ProblemCode for Insufficient {
///     fn entry(&self) -> &'static Entry {
///         const ENTRY: &Entry = &Entry::new(
///             "POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points", "/problems/points-insufficient-balance",
///         );
///         ENTRY
///     }
///     fn extensions(&self, ext: &mut ExtensionSink<'_>) {
///         ext.insert(ExtensionName::from_static("balance"), &self.balance)
///             .insert(ExtensionName::from_static("needed"), &self.needed);
///     }
/// }
///
/// let body = Insufficient { balance: 3, needed: 10 }.to_json();
/// let value: serde_json::Value = serde_json::from_slice(&body)?;
/// assert_eq!(value["balance"], 3);
/// assert_eq!(value["needed"], 10);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub struct ExtensionSink<'a> {
    sink: Sink<'a>,
}

enum Sink<'a> {
    /// Appends `,"name":value` for each member.
    Bytes(&'a mut dyn ByteSink),
    /// Collects the members as JSON values.
    Map(&'a mut Map<String, Value>),
    /// The JSON of one member only, for a locale's detail template.
    Pick {
        name: &'a str,
        out: &'a mut dyn ByteSink,
        found: &'a mut bool,
    },
}

impl<'a> ExtensionSink<'a> {
    pub(crate) fn bytes(out: &'a mut dyn ByteSink) -> ExtensionSink<'a> {
        ExtensionSink {
            sink: Sink::Bytes(out),
        }
    }

    pub(crate) fn pick(
        name: &'a str,
        out: &'a mut dyn ByteSink,
        found: &'a mut bool,
    ) -> ExtensionSink<'a> {
        ExtensionSink {
            sink: Sink::Pick { name, out, found },
        }
    }

    pub(crate) fn map(map: &'a mut Map<String, Value>) -> ExtensionSink<'a> {
        ExtensionSink {
            sink: Sink::Map(map),
        }
    }

    /// Adds the member `name` with `value`, serialized with `serde_json`; a value that
    /// serializes to `null`, or fails to, is left out. Returns `self`, to chain.
    ///
    /// ```
    /// use problem_codes::{Entry, ExtensionName, ExtensionSink, ProblemCode};
    ///
    /// struct RateLimited { limit: u32, reset: Option<u64> }
    /// impl ProblemCode for RateLimited {
    ///     fn entry(&self) -> &'static Entry {
    ///         const E: &Entry = &Entry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled", "/problems/auth-too-many-requests");
    ///         E
    ///     }
    ///     fn extensions(&self, ext: &mut ExtensionSink<'_>) {
    ///         ext.insert(ExtensionName::from_static("limit"), &self.limit)
    ///             .insert(ExtensionName::from_static("reset"), &self.reset);
    ///     }
    /// }
    ///
    /// let body = RateLimited { limit: 5, reset: None }.to_json();
    /// assert!(body.ends_with(br#""code":"AUTH_TOO_MANY_REQUESTS","limit":5}"#));
    /// ```
    pub fn insert<T: Serialize + ?Sized>(&mut self, name: ExtensionName, value: &T) -> &mut Self {
        self.insert_json(name, &Erased(value))
    }

    /// [`insert`](ExtensionSink::insert) for a value whose type is erased: one body for
    /// every member type, which the derive's table of members calls.
    pub(crate) fn insert_json(&mut self, name: ExtensionName, value: &dyn MemberJson) -> &mut Self {
        match &mut self.sink {
            Sink::Bytes(out) => {
                let mark = out.len();
                out.put(b",\"");
                out.put(name.as_str().as_bytes());
                out.put(b"\":");
                if !value.write_json(&mut **out) {
                    out.truncate(mark);
                }
            }
            Sink::Pick {
                name: wanted,
                out,
                found,
            } => {
                if !**found && name.as_str() == *wanted {
                    let mark = out.len();
                    if value.write_json(&mut **out) {
                        **found = true;
                    } else {
                        out.truncate(mark);
                    }
                }
            }
            Sink::Map(map) => {
                if let Some(value) = value.to_json_value()
                    && !value.is_null()
                {
                    map.insert(name.as_str().to_owned(), value);
                }
            }
        }
        self
    }
}

/// A member's value with its type erased, as the derive's table hands it over: each
/// field type instantiates these two functions once, not a renderer.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be an extension member: it is not `serde::Serialize`",
    label = "an `extension` field is serialized with serde",
    note = "derive or implement `serde::Serialize` for `{Self}`, or give the field a type that has it"
)]
pub trait MemberJson {
    /// Writes the value's JSON; `false` when it serializes to `null` or fails to.
    fn write_json(&self, out: &mut dyn ByteSink) -> bool;
    /// The value as a `Value`; `None` when it fails to serialize.
    fn to_json_value(&self) -> Option<Value>;
}

impl<T: Serialize> MemberJson for T {
    fn write_json(&self, out: &mut dyn ByteSink) -> bool {
        write_value(out, self)
    }

    fn to_json_value(&self) -> Option<Value> {
        to_value(self)
    }
}

/// An unsized value, erased behind a reference.
struct Erased<'a, T: ?Sized>(&'a T);

impl<T: Serialize + ?Sized> MemberJson for Erased<'_, T> {
    fn write_json(&self, out: &mut dyn ByteSink) -> bool {
        write_value(out, self.0)
    }

    fn to_json_value(&self) -> Option<Value> {
        to_value(self.0)
    }
}

/// `value` as a `Value`, the same as the body's bytes parse to. `to_value` refuses an
/// integer beyond `u64` and `i64` (a `u128`, say) that the body writes as digits; such a
/// value takes the way of the body, through its bytes, and parses as a float there too.
fn to_value<T: Serialize + ?Sized>(value: &T) -> Option<Value> {
    json::check_depth(value).ok()?;
    serde_json::to_value(value)
        .or_else(|_| serde_json::to_vec(value).and_then(|bytes| serde_json::from_slice(&bytes)))
        .ok()
}

impl fmt::Debug for ExtensionSink<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExtensionSink").finish_non_exhaustive()
    }
}

/// Writes `value`'s JSON to `out`; `false` when it serializes to `null` or fails to,
/// leaving the bytes written for the caller to cut.
fn write_value<T: Serialize + ?Sized>(out: &mut dyn ByteSink, value: &T) -> bool {
    let mut probe = NullProbe {
        out: IoSink(out),
        written: 0,
        head: [0; 4],
    };
    json::to_writer_bounded(&mut probe, value).is_ok() && !probe.is_null()
}

/// Passes bytes on and tells whether they spelled `null`.
struct NullProbe<'a> {
    out: IoSink<'a>,
    written: usize,
    head: [u8; 4],
}

impl NullProbe<'_> {
    fn is_null(&self) -> bool {
        self.written == 4 && self.head == *b"null"
    }
}

impl std::io::Write for NullProbe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for (slot, &b) in self.head.iter_mut().skip(self.written).zip(buf) {
            *slot = b;
        }
        self.written += buf.len();
        self.out.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::Counter;

    #[test]
    fn member_names_follow_rfc_9457_section_3_2() {
        assert!(ExtensionName::new("balance").is_ok());
        assert!(ExtensionName::new("retry_after").is_err());
        assert!(ExtensionName::new("a1").is_ok());
        assert!(matches!(
            ExtensionName::new("1a"),
            Err(InvalidExtensionName::Malformed(_))
        ));
        assert!(matches!(
            ExtensionName::new("a-b"),
            Err(InvalidExtensionName::Malformed(_))
        ));
        assert!(matches!(
            ExtensionName::new(""),
            Err(InvalidExtensionName::Malformed(_))
        ));
        for reserved in RESERVED_MEMBERS {
            assert!(matches!(
                ExtensionName::new(reserved),
                Err(InvalidExtensionName::Reserved(_))
            ));
        }
    }

    #[test]
    fn every_sink_agrees_and_nulls_are_left_out() {
        let name = ExtensionName::from_static("limit");
        let none = ExtensionName::from_static("absent");
        let mut counter = Counter::default();
        ExtensionSink::bytes(&mut counter)
            .insert(name, &[1, 2])
            .insert(none, &None::<u8>);
        let mut bytes = Vec::new();
        ExtensionSink::bytes(&mut bytes)
            .insert(name, &[1, 2])
            .insert(none, &None::<u8>);
        let mut map = Map::new();
        ExtensionSink::map(&mut map)
            .insert(name, &[1, 2])
            .insert(none, &None::<u8>);
        assert_eq!(bytes, b",\"limit\":[1,2]");
        assert_eq!(counter.0, bytes.len());
        assert_eq!(map.len(), 1);
        assert_eq!(map["limit"], serde_json::json!([1, 2]));
    }

    #[test]
    fn an_integer_beyond_64_bits_is_in_the_map_as_the_body_parses_it() {
        let name = ExtensionName::from_static("huge");
        for huge in [u128::MAX, u128::from(u64::MAX) + 1] {
            let mut bytes = b"{\"a\":0".to_vec();
            ExtensionSink::bytes(&mut bytes).insert(name, &huge);
            bytes.push(b'}');
            let mut map = Map::new();
            ExtensionSink::map(&mut map).insert(name, &huge);
            let parsed: Map<String, Value> = serde_json::from_slice(&bytes).expect("valid JSON");
            assert_eq!(map.get("huge"), parsed.get("huge"), "{huge}");
            assert!(map.get("huge").is_some_and(Value::is_f64));
        }
        let mut map = Map::new();
        ExtensionSink::map(&mut map).insert(name, &i128::MIN);
        assert!(map.get("huge").is_some_and(Value::is_f64));
    }

    #[test]
    fn a_value_that_fails_to_serialize_is_left_out() {
        let mut bad = std::collections::BTreeMap::new();
        bad.insert(vec![1u8], 1u8);
        let name = ExtensionName::from_static("bad");
        let mut counter = Counter::default();
        ExtensionSink::bytes(&mut counter).insert(name, &bad);
        let mut bytes = b"{".to_vec();
        ExtensionSink::bytes(&mut bytes).insert(name, &bad);
        assert_eq!(counter.0, 0);
        assert_eq!(bytes, b"{");
    }
}
