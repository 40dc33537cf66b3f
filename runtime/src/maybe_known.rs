//! A catalog code that a serde user can read from a newer server.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Catalog, is_valid_code};

/// A code of catalog `C`, or one this build does not know yet, owned: the forward-
/// compatible field type for serde users. A catalog's own `Deserialize` fails on a code
/// it lacks, so `struct ApiError { code: Shop }` breaks on the first code a newer
/// server adds; `code: MaybeKnown<Shop>` reads it as [`MaybeKnown::Unknown`].
///
/// It deserializes from a string: the catalog's code when it has it, else `Unknown`
/// when the string has the code shape ([`is_valid_code`]), else an error, so that no
/// newline or control character reaches a log as a "code". It serializes as the code.
///
/// ```
/// use problem_codes::MaybeKnown;
/// # problem_codes::error_catalog! { pub catalog Shop { section "Orders" {
/// #     ORDER_NOT_FOUND = 404 { title: "Order not found" },
/// # } } }
///
/// #[derive(serde::Deserialize)]
/// struct ApiError {
///     code: MaybeKnown<Shop>,
/// }
///
/// let known: ApiError = serde_json::from_str(r#"{"code":"ORDER_NOT_FOUND"}"#)?;
/// assert_eq!(known.code, MaybeKnown::Known(Shop::ORDER_NOT_FOUND));
/// let newer: ApiError = serde_json::from_str(r#"{"code":"ORDER_ON_HOLD"}"#)?;
/// assert_eq!(newer.code, MaybeKnown::Unknown("ORDER_ON_HOLD".to_owned()));
/// assert_eq!(newer.code.as_str(), "ORDER_ON_HOLD");
/// assert!(serde_json::from_str::<ApiError>(r#"{"code":"not\na code"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum MaybeKnown<C> {
    /// A code of the catalog.
    Known(C),
    /// A code in the code shape that the catalog does not have.
    Unknown(String),
}

impl<C: Catalog> MaybeKnown<C> {
    /// The code string (see the example on [`MaybeKnown`]).
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            MaybeKnown::Known(code) => code.entry().code(),
            MaybeKnown::Unknown(code) => code,
        }
    }

    /// The known code, if it is one.
    ///
    /// ```
    /// # use problem_codes::MaybeKnown;
    /// # problem_codes::error_catalog! { pub catalog Shop { section "Orders" {
    /// #     ORDER_NOT_FOUND = 404 { title: "Order not found" },
    /// # } } }
    /// assert_eq!(MaybeKnown::Known(Shop::ORDER_NOT_FOUND).known(), Some(Shop::ORDER_NOT_FOUND));
    /// assert_eq!(MaybeKnown::<Shop>::Unknown("ORDER_ON_HOLD".into()).known(), None);
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<C> {
        match self {
            MaybeKnown::Known(code) => Some(*code),
            MaybeKnown::Unknown(_) => None,
        }
    }
}

impl<C: Catalog> fmt::Display for MaybeKnown<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl<C: Catalog> Serialize for MaybeKnown<C> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de, C: Catalog> Deserialize<'de> for MaybeKnown<C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(MaybeKnownVisitor(core::marker::PhantomData))
    }
}

struct MaybeKnownVisitor<C>(core::marker::PhantomData<C>);

impl<C: Catalog> Visitor<'_> for MaybeKnownVisitor<C> {
    type Value = MaybeKnown<C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a problem code (SCREAMING_SNAKE_CASE), of catalog `{}` or newer",
            C::NAME
        )
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<MaybeKnown<C>, E> {
        match C::from_code(code) {
            Some(known) => Ok(MaybeKnown::Known(known)),
            None if is_valid_code(code) => Ok(MaybeKnown::Unknown(code.to_owned())),
            None => Err(E::invalid_value(de::Unexpected::Str(code), &self)),
        }
    }
}
