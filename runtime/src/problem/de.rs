//! The lenient `Deserialize` of `Problem`: a member of the wrong type is ignored as if it
//! were absent (RFC 9457 §3.1), and unknown members are kept as extensions. A member
//! name that appears twice in one object, at any depth, is refused: RFC 8259 §4 leaves
//! its meaning open, and a proxy that keeps the first value would see another problem
//! than a client that keeps the last.

use core::fmt;
use std::collections::BTreeSet;

use http::StatusCode;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::Problem;
use crate::is_valid_code;

/// Parses `text`, already checked against the limits, as a problem document.
pub(super) fn parse(text: &str) -> Result<Problem, ParseError> {
    let mut duplicate = None;
    let mut de = serde_json::Deserializer::from_str(text);
    let parsed = ProblemSeed {
        duplicate: &mut duplicate,
    }
    .deserialize(&mut de)
    .and_then(|problem| de.end().map(|()| problem));
    match (parsed, duplicate) {
        (_, Some(name)) => Err(ParseError::DuplicateMember { name }),
        (Ok(problem), None) => Ok(problem),
        (Err(err), None) => Err(ParseError::from_json(err)),
    }
}

impl<'de> serde::Deserialize<'de> for Problem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Problem, D::Error> {
        let mut duplicate = None;
        ProblemSeed {
            duplicate: &mut duplicate,
        }
        .deserialize(deserializer)
    }
}

/// Where the first name seen twice is written, for the typed error.
type Duplicate<'a> = &'a mut Option<String>;

/// Records `name` as seen twice, and the error that stops the parse there.
fn duplicate<E: de::Error>(slot: Duplicate<'_>, name: &str) -> E {
    let err = E::custom(format_args!("the member {:?} appears twice", Shown(name)));
    *slot = Some(name.to_owned());
    err
}

struct ProblemSeed<'a> {
    duplicate: Duplicate<'a>,
}

impl<'de> DeserializeSeed<'de> for ProblemSeed<'_> {
    type Value = Problem;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Problem, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ProblemSeed<'_> {
    type Value = Problem;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a problem details object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Problem, A::Error> {
        let mut problem = Problem::default();
        let mut extensions = Map::new();
        // One bit per standard member, set when it is first seen.
        let mut seen = 0u8;
        while let Some(key) = map.next_key::<Member>()? {
            if let Some(bit) = key.bit() {
                if seen & bit != 0 {
                    return Err(duplicate(self.duplicate, key.name()));
                }
                seen |= bit;
            }
            let dup = &mut *self.duplicate;
            match key {
                Member::Type => problem.type_uri = map.next_value_seed(Lenient::new(dup))?,
                Member::Title => problem.title = map.next_value_seed(Lenient::new(dup))?,
                Member::Status => problem.status = map.next_value_seed(Lenient::new(dup))?,
                Member::Detail => problem.detail = map.next_value_seed(Lenient::new(dup))?,
                Member::Instance => problem.instance = map.next_value_seed(Lenient::new(dup))?,
                Member::Code => {
                    let code: Option<String> = map.next_value_seed(Lenient::new(dup))?;
                    // A code without the code shape is an invalid value, ignored.
                    problem.code = code.filter(|code| is_valid_code(code));
                }
                Member::RetryAfter => {
                    problem.retry_after = map.next_value_seed(Lenient::new(dup))?;
                }
                Member::Other(name) => {
                    if extensions.contains_key(&name) {
                        return Err(duplicate(self.duplicate, &name));
                    }
                    let value = map.next_value_seed(Strict { duplicate: dup })?;
                    extensions.insert(name, value);
                }
            }
        }
        problem.extensions = extensions;
        Ok(problem)
    }
}

/// A member name, read without allocating for the standard ones.
enum Member {
    Type,
    Title,
    Status,
    Detail,
    Instance,
    Code,
    RetryAfter,
    Other(String),
}

impl Member {
    /// The bit of a standard member in the set of those seen.
    fn bit(&self) -> Option<u8> {
        Some(match self {
            Member::Type => 1,
            Member::Title => 1 << 1,
            Member::Status => 1 << 2,
            Member::Detail => 1 << 3,
            Member::Instance => 1 << 4,
            Member::Code => 1 << 5,
            Member::RetryAfter => 1 << 6,
            Member::Other(_) => return None,
        })
    }

    fn name(&self) -> &str {
        match self {
            Member::Type => "type",
            Member::Title => "title",
            Member::Status => "status",
            Member::Detail => "detail",
            Member::Instance => "instance",
            Member::Code => "code",
            Member::RetryAfter => "retry_after",
            Member::Other(name) => name,
        }
    }
}

impl<'de> serde::Deserialize<'de> for Member {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Member, D::Error> {
        deserializer.deserialize_identifier(MemberVisitor)
    }
}

struct MemberVisitor;

impl Visitor<'_> for MemberVisitor {
    type Value = Member;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Member, E> {
        Ok(match name {
            "type" => Member::Type,
            "title" => Member::Title,
            "status" => Member::Status,
            "detail" => Member::Detail,
            "instance" => Member::Instance,
            "retry_after" => Member::RetryAfter,
            "code" => Member::Code,
            other => Member::Other(other.to_owned()),
        })
    }
}

/// A member value that is `None` when the JSON value has another type than expected.
struct Lenient<'a, T> {
    duplicate: Duplicate<'a>,
    kind: core::marker::PhantomData<T>,
}

impl<'a, T> Lenient<'a, T> {
    fn new(duplicate: Duplicate<'a>) -> Self {
        Lenient {
            duplicate,
            kind: core::marker::PhantomData,
        }
    }
}

impl<'de, T: FromJsonScalar> DeserializeSeed<'de> for Lenient<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// What a lenient visitor makes of each JSON value kind; `None` by default.
trait FromJsonScalar: Sized {
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    fn from_string(s: String) -> Option<Self> {
        Self::from_str(&s)
    }
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
}

impl FromJsonScalar for String {
    fn from_str(s: &str) -> Option<Self> {
        Some(s.to_owned())
    }
    fn from_string(s: String) -> Option<Self> {
        Some(s)
    }
}

impl FromJsonScalar for u64 {
    fn from_u64(n: u64) -> Option<Self> {
        Some(n)
    }
}

impl FromJsonScalar for StatusCode {
    /// Only a client or server error status: a problem never has another, so `200` or
    /// `101` is an invalid value, ignored as if absent (RFC 9457 §3.1).
    fn from_u64(n: u64) -> Option<Self> {
        u16::try_from(n)
            .ok()
            .and_then(|n| StatusCode::from_u16(n).ok())
            .filter(|status| status.is_client_error() || status.is_server_error())
    }
}

impl<'de, T: FromJsonScalar> Visitor<'de> for Lenient<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(s))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        Ok(T::from_string(s))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(n))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(u64::try_from(n).ok().and_then(T::from_u64))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Skip {
            duplicate: self.duplicate,
        }
        .visit_seq(seq)
        .map(|()| None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Skip {
            duplicate: self.duplicate,
        }
        .visit_map(map)
        .map(|()| None)
    }
}

/// An extension member's value, built as `serde_json::Value` builds itself, but
/// refusing an object with a name twice.
struct Strict<'a> {
    duplicate: Duplicate<'a>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Value, E> {
        Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(Strict {
            duplicate: &mut *self.duplicate,
        })? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.contains_key(&name) {
                return Err(duplicate(self.duplicate, &name));
            }
            let value = map.next_value_seed(Strict {
                duplicate: &mut *self.duplicate,
            })?;
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// A value read to its end and dropped, checked as strictly as a kept one: serde's
/// `IgnoredAny` lets `serde_json` skip it unparsed, so a number out of range (`1e400`)
/// would pass in an ignored member and fail in an extension member.
struct Skip<'a> {
    duplicate: Duplicate<'a>,
}

impl<'de> DeserializeSeed<'de> for Skip<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(Skip {
                duplicate: &mut *self.duplicate,
            })?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut names = BTreeSet::new();
        while let Some(name) = map.next_key::<String>()? {
            if names.contains(&name) {
                return Err(duplicate(self.duplicate, &name));
            }
            map.next_value_seed(Skip {
                duplicate: &mut *self.duplicate,
            })?;
            names.insert(name);
        }
        Ok(())
    }
}

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
/// let err = Problem::from_json(br#"{"status":400,"status":500}"#).unwrap_err();
/// assert!(matches!(&err, ParseError::DuplicateMember { name } if name == "status"));
/// assert_eq!(err.to_string(), r#"problem document has the member "status" twice in one object"#);
///
/// let err = Problem::from_json_with(b"{}", ParseLimits::DEFAULT.with_max_depth(0)).unwrap_err();
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
    /// One object, at any depth, has a member name twice. RFC 8259 §4 leaves the
    /// meaning of such a document open: a reader that keeps the first value and one
    /// that keeps the last see two different problems, so it is refused.
    DuplicateMember {
        /// The name, as the document spells it (it can be long, or hold control
        /// characters: log it escaped, as this error's `Display` does).
        name: String,
    },
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
            ParseError::DuplicateMember { name } => write!(
                f,
                "problem document has the member {:?} twice in one object",
                Shown(name)
            ),
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
            ParseError::NotAnObject
            | ParseError::DuplicateMember { .. }
            | ParseError::TooLarge { .. }
            | ParseError::TooDeep { .. } => None,
        }
    }
}

/// A name from the document as a message shows it: quoted and escaped by `Debug`, and
/// cut after [`Shown::MAX_CHARS`] characters, so a log line stays one short line.
struct Shown<'a>(&'a str);

impl Shown<'_> {
    const MAX_CHARS: usize = 64;
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(Shown::MAX_CHARS) {
            Some((end, _)) => write!(f, "{:?}…", self.0.get(..end).unwrap_or_default()),
            None => write!(f, "{:?}", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{ParseError, Problem};

    #[test]
    fn a_name_twice_is_a_typed_error_naming_it_at_every_depth() {
        for (body, name) in [
            (&br#"{"status":400,"status":500}"#[..], "status"),
            (br#"{"x":1,"code":"A_B","x":2}"#, "x"),
            (br#"{"x":[{"y":{"z":1,"z":2}}]}"#, "z"),
            (br#"{"detail":[{"y":1,"y":1}]}"#, "y"),
        ] {
            match Problem::from_json(body) {
                Err(ParseError::DuplicateMember { name: got }) => assert_eq!(got, name),
                other => panic!("{}: {other:?}", String::from_utf8_lossy(body)),
            }
        }
        let err = serde_json::from_str::<Problem>(r#"{"title":"a","title":"b"}"#);
        assert!(err.is_err(), "the `Deserialize` impl refuses it too");
    }

    #[test]
    fn a_long_or_control_name_is_shown_short_and_escaped() {
        let name = format!("a\\n{}", "b".repeat(500));
        let body = format!(r#"{{"{name}":1,"{name}":2}}"#);
        let err = Problem::from_json(body.as_bytes()).expect_err("a name twice");
        let shown = err.to_string();
        assert!(shown.len() < 150, "{shown}");
        assert!(
            shown.contains(r#""a\nbbb"#) && !shown.contains('\n'),
            "{shown}"
        );
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_even_where_they_would_be_ignored() {
        // Found by the fuzzer: a wrong-typed member is skipped without reading its
        // strings, so this once parsed although it is not JSON.
        let body = b"{\"title\":[\"x\xa9\"],\"status\":404}";
        assert!(matches!(
            Problem::from_json(body),
            Err(ParseError::NotUtf8(_))
        ));
    }

    #[test]
    fn a_number_out_of_range_is_refused_in_an_ignored_member_as_in_a_kept_one() {
        // Found by the fuzzer: a wrong-typed member was skipped unparsed, so `1e400`
        // passed there and failed in an extension member.
        for body in [
            &br#"{"detail":{"a":11e400}}"#[..],
            br#"{"title":[1e400]}"#,
            br#"{"balance":1e400}"#,
        ] {
            assert!(matches!(Problem::from_json(body), Err(ParseError::Json(_))));
        }
        assert!(Problem::from_json(br#"{"detail":{"a":1e300}}"#).is_ok());
    }
}
