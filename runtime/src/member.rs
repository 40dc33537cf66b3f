//! The extension members a code's body carries (RFC 9457 §3.2: a problem type defines
//! its extensions): declared per code in the catalog, held to by the derive, exported
//! to the frontend, and read back typed.

use crate::extensions::{is_reserved_member, is_valid_member_name};

/// A member's type at the JSON level: what a client may rely on when it reads it.
///
/// ```
/// use problem_codes::{MemberType, Scalar};
///
/// assert_eq!(MemberType::Integer.name(), "integer");
/// assert_eq!(MemberType::Array(Scalar::Text).name(), "[string]");
/// assert_eq!(MemberType::Object(Scalar::Number).name(), "{number}");
/// assert_eq!(MemberType::from_name("[boolean]"), Some(MemberType::Array(Scalar::Boolean)));
/// assert!(MemberType::Integer.accepts(&serde_json::json!(3)));
/// assert!(!MemberType::Integer.accepts(&serde_json::json!(3.5)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MemberType {
    /// A JSON string. (Named `Text`, not `String`, so that rustc keeps calling
    /// `std::string::String` plain `String` in the diagnostics of every crate that
    /// links this one.)
    Text,
    /// A JSON number with no fraction, such as a count or a number of seconds.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An array whose items are all of one scalar type: `[string]`.
    Array(Scalar),
    /// An object whose values are all of one scalar type, keyed by strings: `{string}`.
    Object(Scalar),
    /// The RFC 9457 §3 `errors` array: objects with a `detail` and a JSON Pointer
    /// `pointer` (see [`ValidationErrors`](crate::ValidationErrors)).
    Errors,
}

/// The item type of an array member, or the value type of an object member.
///
/// See the example on [`MemberType`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scalar {
    /// A JSON string (`string` in the DSL; see [`MemberType::Text`] for the name).
    Text,
    /// A JSON number with no fraction.
    Integer,
    /// Any JSON number.
    Number,
    /// `true` or `false`.
    Boolean,
}

impl Scalar {
    /// The scalar's name: `string`, `integer`, `number` or `boolean`.
    ///
    /// ```
    /// assert_eq!(problem_codes::Scalar::Boolean.name(), "boolean");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Scalar::Text => "string",
            Scalar::Integer => "integer",
            Scalar::Number => "number",
            Scalar::Boolean => "boolean",
        }
    }

    /// The scalar named `name`, if any.
    ///
    /// ```
    /// use problem_codes::Scalar;
    /// assert_eq!(Scalar::from_name("integer"), Some(Scalar::Integer));
    /// assert_eq!(Scalar::from_name("int"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Scalar> {
        [
            Scalar::Text,
            Scalar::Integer,
            Scalar::Number,
            Scalar::Boolean,
        ]
        .into_iter()
        .find(|scalar| scalar.name() == name)
    }

    /// Whether a JSON value is of this type.
    ///
    /// ```
    /// use problem_codes::Scalar;
    /// assert!(Scalar::Number.accepts(&serde_json::json!(1.5)));
    /// assert!(!Scalar::Text.accepts(&serde_json::json!(1)));
    /// ```
    #[must_use]
    pub fn accepts(self, value: &serde_json::Value) -> bool {
        match self {
            Scalar::Text => value.is_string(),
            Scalar::Integer => value.is_i64() || value.is_u64(),
            Scalar::Number => value.is_number(),
            Scalar::Boolean => value.is_boolean(),
        }
    }
}

impl MemberType {
    /// The type's name as the catalog DSL and the exports write it: `string`, `integer`,
    /// `number`, `boolean`, `[scalar]`, `{scalar}` or `errors`.
    ///
    /// See the example on [`MemberType`].
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            MemberType::Text => "string",
            MemberType::Integer => "integer",
            MemberType::Number => "number",
            MemberType::Boolean => "boolean",
            MemberType::Array(Scalar::Text) => "[string]",
            MemberType::Array(Scalar::Integer) => "[integer]",
            MemberType::Array(Scalar::Number) => "[number]",
            MemberType::Array(Scalar::Boolean) => "[boolean]",
            MemberType::Object(Scalar::Text) => "{string}",
            MemberType::Object(Scalar::Integer) => "{integer}",
            MemberType::Object(Scalar::Number) => "{number}",
            MemberType::Object(Scalar::Boolean) => "{boolean}",
            MemberType::Errors => "errors",
        }
    }

    /// The type named `name` (see [`MemberType::name`]), if any.
    ///
    /// See the example on [`MemberType`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<MemberType> {
        let inner = |open: char, close: char| {
            name.strip_prefix(open)
                .and_then(|rest| rest.strip_suffix(close))
                .and_then(Scalar::from_name)
        };
        match name {
            "string" => Some(MemberType::Text),
            "integer" => Some(MemberType::Integer),
            "number" => Some(MemberType::Number),
            "boolean" => Some(MemberType::Boolean),
            "errors" => Some(MemberType::Errors),
            _ => inner('[', ']')
                .map(MemberType::Array)
                .or_else(|| inner('{', '}').map(MemberType::Object)),
        }
    }

    /// Whether a JSON value is of this type. A client keeps a member only when it is:
    /// a member of the wrong type is ignored, as RFC 9457 §3.1 says.
    ///
    /// See the example on [`MemberType`].
    #[must_use]
    pub fn accepts(self, value: &serde_json::Value) -> bool {
        match self {
            MemberType::Text => Scalar::Text.accepts(value),
            MemberType::Integer => Scalar::Integer.accepts(value),
            MemberType::Number => Scalar::Number.accepts(value),
            MemberType::Boolean => Scalar::Boolean.accepts(value),
            MemberType::Array(item) => value
                .as_array()
                .is_some_and(|items| items.iter().all(|v| item.accepts(v))),
            MemberType::Object(item) => value
                .as_object()
                .is_some_and(|map| map.values().all(|v| item.accepts(v))),
            MemberType::Errors => value.as_array().is_some_and(|errors| {
                errors.iter().all(|error| {
                    error.as_object().is_some_and(|error| {
                        error.get("detail").is_none_or(serde_json::Value::is_string)
                            && error
                                .get("pointer")
                                .is_none_or(serde_json::Value::is_string)
                    })
                })
            }),
        }
    }
}

impl core::fmt::Display for MemberType {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.name())
    }
}

/// One extension member a code's body carries: its name, type, whether it may be
/// absent, and a line of documentation.
///
/// ```
/// use problem_codes::{Member, MemberType};
///
/// const BALANCE: Member = Member::new("balance", MemberType::Integer).with_doc("Points the user has");
/// const HINT: Member = Member::new("hint", MemberType::Text).optional();
/// assert_eq!((BALANCE.name(), BALANCE.ty(), BALANCE.is_optional()), ("balance", MemberType::Integer, false));
/// assert_eq!(BALANCE.doc(), "Points the user has");
/// assert!(HINT.is_optional());
/// assert!(Member::check("retry_after", MemberType::Integer).is_ok());
/// assert!(Member::check("title", MemberType::Text).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Member {
    name: &'static str,
    ty: MemberType,
    optional: bool,
    doc: &'static str,
}

impl Member {
    /// A required member.
    ///
    /// # Panics
    ///
    /// When [`Member::check`] refuses the name and type. Use it to initialise a `const`,
    /// where the panic is a compile error.
    #[must_use]
    pub const fn new(name: &'static str, ty: MemberType) -> Member {
        if let Err(reason) = Member::check(name, ty) {
            panic!("{}", reason);
        }
        Member {
            name,
            ty,
            optional: false,
            doc: "",
        }
    }

    /// A member the macro has already checked, with every fact at once, so const
    /// evaluation does no work of its own. Not public API: see the table in `__private`.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_macro(
        name: &'static str,
        ty: MemberType,
        optional: bool,
        doc: &'static str,
    ) -> Member {
        Member {
            name,
            ty,
            optional,
            doc,
        }
    }

    /// Whether `name` and `ty` make a member: the name follows RFC 9457 §3.2 (a
    /// letter, then letters, digits and `_`) and is not a
    /// standard member; `retry_after` is known and must be an `integer` (seconds), and
    /// `errors` is the §3 array (type `errors`), which no other member may be.
    ///
    /// # Errors
    ///
    /// The rule broken, in words (see the example on [`Member`]).
    pub const fn check(name: &str, ty: MemberType) -> Result<(), &'static str> {
        let is_retry_after = eq(name, "retry_after");
        let is_errors = eq(name, "errors");
        if !is_valid_member_name(name) {
            Err(
                "a member name is an ASCII letter, then ASCII letters, digits and `_` (RFC 9457 §3.2)",
            )
        } else if is_reserved_member(name) && !is_retry_after {
            Err(
                "a member cannot be named like a standard member: type, title, status, detail, instance, code",
            )
        } else if is_retry_after && !matches!(ty, MemberType::Integer) {
            Err("`retry_after` is a number of seconds: declare it `integer`")
        } else if is_errors != matches!(ty, MemberType::Errors) {
            Err("`errors` is the RFC 9457 validation errors array, and only it has type `errors`")
        } else {
            Ok(())
        }
    }

    /// The member made optional: a body may leave it out.
    #[must_use]
    pub const fn optional(mut self) -> Member {
        self.optional = true;
        self
    }

    /// The member with its documentation line.
    #[must_use]
    pub const fn with_doc(mut self, doc: &'static str) -> Member {
        self.doc = doc;
        self
    }

    /// The member's name in the body.
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// Its JSON type.
    #[must_use]
    pub const fn ty(&self) -> MemberType {
        self.ty
    }

    /// Whether a body may leave it out.
    #[must_use]
    pub const fn is_optional(&self) -> bool {
        self.optional
    }

    /// Its documentation line; empty when none was given.
    #[must_use]
    pub const fn doc(&self) -> &'static str {
        self.doc
    }
}

/// The member type of a Rust value: what a field of this type renders as, so that the
/// derive can hold the field to the member its code declares.
///
/// Integers are `integer`, floats `number`, `String`, `str` and `Cow<str>` are `string`,
/// `bool` is `boolean`, a `Vec` or slice of a scalar is `[scalar]`, a map keyed by
/// strings is `{scalar}`, [`ValidationErrors`](crate::ValidationErrors) is `errors`,
/// and `Option<T>` is `T`'s type, for a member that may be left out. References,
/// `Box`, `Rc` and `Arc` are their contents' type.
///
/// A type of your own that a member renders implements it with the JSON type its
/// `Serialize` writes:
///
/// ```
/// use problem_codes::{MemberType, MemberValue, Scalar};
///
/// /// Serializes as a whole number of cents.
/// #[derive(serde::Serialize)]
/// struct Cents(u64);
///
/// impl MemberValue for Cents {
///     const TYPE: MemberType = MemberType::Integer;
/// }
///
/// assert_eq!(<Vec<Cents> as MemberValue>::TYPE, MemberType::Array(Scalar::Integer));
/// assert_eq!(<Option<&str> as MemberValue>::TYPE, MemberType::Text);
/// assert!(<Option<&str> as MemberValue>::OPTIONAL);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no member type, so this field cannot render a member its code declares",
    label = "`{Self}` does not implement `problem_codes::MemberValue`",
    note = "implement `problem_codes::MemberValue` for it, with `const TYPE: problem_codes::MemberType` set to the JSON type its `Serialize` writes"
)]
pub trait MemberValue {
    /// The member type a value of this type renders as.
    const TYPE: MemberType;
    /// Whether a value may render nothing: `true` for `Option`, whose `None` leaves the
    /// member out.
    const OPTIONAL: bool = false;
}

macro_rules! member_value {
    ($ty:expr => $($rust:ty),*) => {
        $(impl MemberValue for $rust {
            const TYPE: MemberType = $ty;
        })*
    };
}

member_value!(MemberType::Integer => u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);
member_value!(MemberType::Number => f32, f64);
member_value!(MemberType::Boolean => bool);
member_value!(MemberType::Text => str, String, char);
member_value!(MemberType::Errors => crate::ValidationErrors);

impl MemberValue for std::borrow::Cow<'_, str> {
    const TYPE: MemberType = MemberType::Text;
}

impl<T: MemberValue> MemberValue for Option<T> {
    const TYPE: MemberType = T::TYPE;
    const OPTIONAL: bool = true;
}

macro_rules! member_value_of_contents {
    ($($wrapper:ty),*) => {
        $(impl<T: MemberValue + ?Sized> MemberValue for $wrapper {
            const TYPE: MemberType = T::TYPE;
            const OPTIONAL: bool = T::OPTIONAL;
        })*
    };
}

member_value_of_contents!(&T, &mut T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);

/// The scalar of an array's items or an object's values.
const fn item(ty: MemberType) -> Scalar {
    match ty {
        MemberType::Text => Scalar::Text,
        MemberType::Integer => Scalar::Integer,
        MemberType::Number => Scalar::Number,
        MemberType::Boolean => Scalar::Boolean,
        _ => panic!(
            "a member array or object holds scalars: `string`, `integer`, `number` or `boolean`"
        ),
    }
}

macro_rules! member_value_array {
    ($($array:ty $(, const $n:ident)?);*) => {
        $(impl<T: MemberValue $(, const $n: usize)?> MemberValue for $array {
            const TYPE: MemberType = MemberType::Array(item(T::TYPE));
        })*
    };
}

member_value_array!(
    [T]; [T; N], const N; Vec<T>; std::collections::VecDeque<T>;
    std::collections::BTreeSet<T>; std::collections::HashSet<T>
);

/// A map key that serializes as a string, so the map is a member object.
///
/// ```
/// use problem_codes::{MemberType, MemberValue, Scalar};
/// use std::collections::BTreeMap;
///
/// assert_eq!(<BTreeMap<String, u32> as MemberValue>::TYPE, MemberType::Object(Scalar::Integer));
/// ```
pub trait MemberKey {}

impl MemberKey for str {}
impl MemberKey for String {}
impl MemberKey for std::borrow::Cow<'_, str> {}
impl<T: MemberKey + ?Sized> MemberKey for &T {}
impl<T: MemberKey + ?Sized> MemberKey for Box<T> {}
impl<T: MemberKey + ?Sized> MemberKey for std::sync::Arc<T> {}

impl<K: MemberKey, V: MemberValue> MemberValue for std::collections::BTreeMap<K, V> {
    const TYPE: MemberType = MemberType::Object(item(V::TYPE));
}

impl<K: MemberKey, V: MemberValue, S> MemberValue for std::collections::HashMap<K, V, S> {
    const TYPE: MemberType = MemberType::Object(item(V::TYPE));
}

/// Whether `a` sorts before `b`, as `str`'s `Ord` does, in const evaluation.
pub(crate) const fn str_lt(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    // Equal prefixes sixteen bytes a step, as `eq` does; then byte by byte.
    while let (Some((head_a, rest_a)), Some((head_b, rest_b))) =
        (a.split_first_chunk::<16>(), b.split_first_chunk::<16>())
    {
        if u128::from_ne_bytes(*head_a) != u128::from_ne_bytes(*head_b) {
            break;
        }
        (a, b) = (rest_a, rest_b);
    }
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// Whether `a` equals `b`, in const evaluation. Sixteen bytes a step: the const
/// evaluator runs a loop's body at about a microsecond an iteration, and a locale's
/// checks compare every code of its catalog.
pub(crate) const fn eq(a: &str, b: &str) -> bool {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    while let (Some((head_a, rest_a)), Some((head_b, rest_b))) =
        (a.split_first_chunk::<16>(), b.split_first_chunk::<16>())
    {
        if u128::from_ne_bytes(*head_a) != u128::from_ne_bytes(*head_b) {
            return false;
        }
        (a, b) = (rest_a, rest_b);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_string_order_is_strs() {
        let words = [
            "",
            "A",
            "AB",
            "AUTH_TOO_MANY_REQUESTS",
            "AUTH_TOO_MANY_REQUESTT",
            "AUTH_TOO_MANY_REQUESTS_",
            "AUTH_TOO_MANY_REQUEST",
            "SVC00_OPERATION_0000_FAILED",
            "SVC00_OPERATION_0001_FAILED",
            "SVC01_OPERATION_0000_FAILED",
            "é",
            "e\u{301}",
            "0123456789abcdef",
            "0123456789abcdeg",
            "0123456789abcdef0",
        ];
        for a in words {
            for b in words {
                assert_eq!(eq(a, b), a == b, "{a:?} == {b:?}");
                assert_eq!(str_lt(a, b), a < b, "{a:?} < {b:?}");
            }
        }
    }

    #[test]
    fn every_type_name_reads_back() {
        let scalars = [
            Scalar::Text,
            Scalar::Integer,
            Scalar::Number,
            Scalar::Boolean,
        ];
        let mut types = vec![
            MemberType::Text,
            MemberType::Integer,
            MemberType::Number,
            MemberType::Boolean,
            MemberType::Errors,
        ];
        types.extend(scalars.iter().map(|s| MemberType::Array(*s)));
        types.extend(scalars.iter().map(|s| MemberType::Object(*s)));
        for ty in types {
            assert_eq!(MemberType::from_name(ty.name()), Some(ty));
        }
        assert_eq!(MemberType::from_name("[errors]"), None);
        assert_eq!(MemberType::from_name("[[string]]"), None);
    }

    #[test]
    fn the_known_members_keep_their_types() {
        assert!(Member::check("retry_after", MemberType::Text).is_err());
        assert!(Member::check("errors", MemberType::Text).is_err());
        assert!(Member::check("problems", MemberType::Errors).is_err());
        assert!(Member::check("errors", MemberType::Errors).is_ok());
        assert!(Member::check("quota_metric", MemberType::Text).is_ok());
        assert!(Member::check("9lives", MemberType::Text).is_err());
    }

    #[test]
    fn values_of_the_wrong_type_are_refused() {
        use serde_json::json;
        assert!(MemberType::Array(Scalar::Integer).accepts(&json!([1, 2])));
        assert!(!MemberType::Array(Scalar::Integer).accepts(&json!([1, "2"])));
        assert!(MemberType::Object(Scalar::Boolean).accepts(&json!({"a": true})));
        assert!(!MemberType::Object(Scalar::Boolean).accepts(&json!([true])));
        assert!(MemberType::Errors.accepts(&json!([{"detail": "too long", "pointer": "#/name"}])));
        assert!(!MemberType::Errors.accepts(&json!([{"pointer": 3}])));
        assert!(!MemberType::Integer.accepts(&json!("3")));
    }
}
