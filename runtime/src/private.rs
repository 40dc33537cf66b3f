//! Items the macros' generated code calls. Not public API: names and signatures change
//! without notice.

use core::fmt;

use serde::de::{self, Deserializer, Visitor};

pub use core;
pub use serde;

pub use crate::compose::{DuplicateReport, find_duplicate, subslice};
pub use crate::detail::DetailSink;
pub use crate::{
    Catalog, Entry, ExtensionName, Extensions, ProblemCode, RetryAfterValue, Section, UnknownCode,
};

/// Finds `code` in a table sorted by code: O(log n) with no allocation.
#[inline]
pub fn lookup<C: Copy>(table: &[(&'static str, C)], code: &str) -> Option<C> {
    table
        .binary_search_by(|(probe, _)| (*probe).cmp(code))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, c)| *c)
}

/// `FromStr` for a catalog.
pub fn parse_code<C: Catalog>(code: &str) -> Result<C, UnknownCode> {
    C::from_code(code).ok_or_else(|| UnknownCode::new(code, C::NAME))
}

/// `Deserialize` for a catalog: from the code string.
pub fn deserialize_code<'de, C: Catalog, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<C, D::Error> {
    deserializer.deserialize_str(CodeVisitor(core::marker::PhantomData))
}

struct CodeVisitor<C>(core::marker::PhantomData<C>);

impl<C: Catalog> Visitor<'_> for CodeVisitor<C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a code of catalog `{}`", C::NAME)
    }

    fn visit_str<E: de::Error>(self, code: &str) -> Result<C, E> {
        parse_code(code).map_err(E::custom)
    }
}

/// The seconds of a `#[problem(retry_after)]` field.
#[inline]
pub fn retry_after<T: RetryAfterValue + ?Sized>(value: &T) -> Option<u64> {
    value.retry_after_secs()
}
