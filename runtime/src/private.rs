//! What the macros' generated code names. Not public API: names and signatures change
//! without notice.
//!
//! This module is the whole contract between the macros and the runtime: every item
//! here is named by an expansion, and every hidden item an expansion names elsewhere is
//! in this table. An expansion names anything else by its public path
//! (`::problem_codes::Entry`, `::problem_codes::axum::into_response`).
//!
//! | item | where it lives | what it is for |
//! |---|---|---|
//! | `ProblemCode::__row`, `ProblemCode::__args` | `code.rs` | a derived value's row of the derive's table (or a `transparent` variant's inner problem), and the values that fill it |
//! | `Variant`, `Piece`, `Slot`, `Arg`, `Row`, `ViaFastArg`, `ViaDisplayArg`, `MemberArg`, `ViaFastMember`, `ViaSerdeMember`, `retry`, `entry_of`; `MemberJson` (`extensions.rs`); `ProblemCode::__as_dyn` (`code.rs`) | `table.rs` | the derive's table: one static descriptor per variant, read by the runtime, and the probe that erases a field to an `Arg` |
//! | `ProblemCode::__write_detail` | `code.rs` | writes the detail into the body being rendered, without `core::fmt` |
//! | `ProblemCode::__is_entry_only` | `code.rs` | says the occurrence has no part of its own, so the entry's pre-rendered body is copied whole |
//! | `Catalog::__BY_CODE`, `Catalog::__DIGEST` | `catalog.rs` | a catalog's codes sorted by string, and their digest: its `from_code`, and a locale's checks in const evaluation |
//! | `Entry::__from_macro` | `entry.rs` | a catalog's entry with its body pre-rendered at compile time |
//! | `Member::__from_macro` | `member.rs` | a member the macro has already checked |
//! | `ExtensionName::__from_macro` | `extensions.rs` | an extension name the derive has already checked |
//! | `DetailSink` and its methods | `detail.rs` | where `__write_detail` writes: literal text, run-time text, integers, `Display` |
//! | `DetailArg`, `ViaFastWriter`, `ViaDisplayWriter` | `detail.rs` | the autoref probe that writes a field spelt `u64` or `String` by the fast writer when the type is the primitive, by `Display` when it is the user's own |
//! | `check_field`, `check_provided`, `MemberReport` | `member_check.rs` | the derive's const checks of the fields that render members against the members their code declares |
//! | `EntryScope`, `ComposedCatalog`, `NO_ENTRY`, `FoundEntry`, `find_entry`, `EntryReport` | `compose.rs` | where the derive resolves `Catalog::CODE`: the catalog's own const, or a composed catalog's entry found in const evaluation |
//! | `HeaderField` | here | sets a `header` field's header; says in its own words when the field's type has no `Display` |
//! | `check_complete`, `check_code`, `check_placeholder`, `find_code`, `find_in`, `LocaleReport`, `NO_LOCALE_ENTRY` | `locale/check.rs` | `catalog_locale!`'s const checks of a translation against the catalog it translates |
//! | `Locale::__from_macro`, `LocaleEntry::__from_macro` | `locale/mod.rs` | a locale with its entries sorted and its titles escaped at compile time |
//! | `InnerCodes`, `ViaCodeSet`, `ViaNoCodeSet` | `code_set.rs` | the autoref probe that lists a `transparent` field's codes when its type is a `CodeSet` |
//! | `__problem_code_integrations!` and one `__problem_code_*!` per integration | here | the framework impls of the features this crate was built with |

use core::fmt;

use serde::de::{self, Deserializer, Visitor};

use crate::{Catalog, RetryAfterValue, UnknownCode};

/// The serde traits of the catalogs' `Serialize` and `Deserialize` impls.
pub use serde;

/// The frameworks, for the paths of the traits the integration macros implement.
#[cfg(feature = "actix-web")]
pub use ::actix_web;
#[cfg(feature = "axum")]
pub use ::axum;
#[cfg(feature = "utoipa")]
pub use ::utoipa;

/// The framework impls of one problem code type; see the macro.
pub use crate::__problem_code_integrations as integrations;

/// The autoref probe of a `transparent` field's `ProblemResponses`; see the type.
#[cfg(feature = "utoipa")]
pub use crate::integrations::utoipa::{InnerResponses, ViaNothing, ViaProblemResponses};

/// The autoref probe of a `transparent` field's `CodeSet`.
pub use crate::code_set::{InnerCodes, ViaCodeSet, ViaNoCodeSet};
/// The derive's lookup of a catalog entry, in a composed catalog too.
pub use crate::compose::{
    ComposedCatalog, EntryReport, EntryScope, FoundEntry, NO_ENTRY, find_entry,
};
/// A composed catalog's compile-time check that no code is in two members.
pub use crate::compose::{DuplicateReport, find_duplicate, subslice};
/// Where the derive's `__write_detail` writes, and the probe that picks a field's writer.
pub use crate::detail::{DetailArg, DetailSink, ViaDisplayWriter, ViaFastWriter};
/// A member value with its type erased, as the derive's table holds it.
pub use crate::extensions::MemberJson;
/// A locale's checks against the catalog it translates.
pub use crate::locale::check::{
    LocaleReport, NO_LOCALE_ENTRY, check_code, check_complete, check_placeholder, find_code,
    find_in,
};
/// The derive's checks of the fields that render members.
pub use crate::member_check::{MemberReport, check_field, check_provided};
/// The derive's table: a descriptor per variant and the values that fill it.
pub use crate::table::{
    Arg, MemberArg, Piece, Row, Slot, Variant, ViaDisplayArg, ViaFastArg, ViaFastMember,
    ViaSerdeMember, entry_of, retry,
};

/// A catalog's `from_code`: finds `code` in a table sorted by code, O(log n) with no
/// allocation.
#[inline]
pub fn lookup<C: Copy>(table: &[(&'static str, C)], code: &str) -> Option<C> {
    table
        .binary_search_by(|(probe, _)| (*probe).cmp(code))
        .ok()
        .and_then(|i| table.get(i))
        .map(|(_, c)| *c)
}

/// A catalog's `FromStr`.
pub fn parse_code<C: Catalog>(code: &str) -> Result<C, UnknownCode> {
    C::from_code(code).ok_or_else(|| UnknownCode::new(code, C::NAME))
}

/// A catalog's `Deserialize`: from the code string.
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

/// The derive's check of an inline `code = "X"` beside `catalog = C`: it passes `&C::X`,
/// which is `&()` unless the catalog already has the code.
#[diagnostic::on_unimplemented(
    message = "this code is already in the catalog `{Self}`; name its entry instead of declaring it again",
    label = "a code of `{Self}`",
    note = "write the code alone, as in `#[problem(THE_CODE)]`: its status, title and handling then come from the catalog"
)]
pub trait NotInCatalog {}

impl NotInCatalog for () {}

/// The derive's call of the [`NotInCatalog`] check.
pub const fn inline_code_not_in_catalog<T: NotInCatalog + ?Sized>(_: &T) {}

/// The seconds of a `#[problem(retry_after)]` field.
#[inline]
pub fn retry_after<T: RetryAfterValue + ?Sized>(value: &T) -> Option<u64> {
    value.retry_after_secs()
}

/// The value of a `#[problem(header = "name")]` field: anything with `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a header value: a `header` field is written with its `Display`",
    label = "this field sets a header, so its type implements `Display`",
    note = "implement `Display` for `{Self}`, or give the field a type that has it, such as `String` or `u32`"
)]
pub trait HeaderField {
    /// Sets the header `name` to the field's `Display`. A value that is not a valid
    /// header value (a line break, say) or is longer than
    /// [`MAX_HEADER_VALUE_LEN`](crate::MAX_HEADER_VALUE_LEN) is left out, with a
    /// `tracing` event when that feature is on. The value is formatted into a bounded
    /// buffer, so a huge `Display` costs no more than the bound.
    fn insert_header(&self, headers: &mut http::HeaderMap, name: http::HeaderName);
}

impl<T: fmt::Display + ?Sized> HeaderField for T {
    fn insert_header(&self, headers: &mut http::HeaderMap, name: http::HeaderName) {
        match crate::header_value::bounded(self) {
            Ok(value) => {
                let _previous = headers.insert(name, value);
            }
            Err(_reason) => {
                #[cfg(feature = "tracing")]
                tracing::warn!(
                    target: "problem_codes",
                    header = name.as_str(),
                    reason = _reason.as_str(),
                    limit = crate::MAX_HEADER_VALUE_LEN,
                    "header value left out of a problem response"
                );
            }
        }
    }
}

/// The derive's `as_error`: `(&AsError(self)).__as_error()` is the value itself when its
/// type implements `Error` (the method of [`ViaError`], found first), else `None` (the
/// method of [`ViaNotError`], found after an autoref). This is resolved where the derive
/// expands, on a concrete type, so no trait bound is asked of the user.
pub struct AsError<'a, T: ?Sized>(pub &'a T);

/// The [`AsError`] probe's method for a type that implements `Error`.
pub trait ViaError<'a> {
    fn __as_error(self) -> Option<&'a (dyn std::error::Error + 'static)>;
}

impl<'a, T: std::error::Error + 'static> ViaError<'a> for &AsError<'a, T> {
    fn __as_error(self) -> Option<&'a (dyn std::error::Error + 'static)> {
        Some(self.0)
    }
}

/// The [`AsError`] probe's method for any other type.
pub trait ViaNotError<'a> {
    fn __as_error(self) -> Option<&'a (dyn std::error::Error + 'static)>;
}

impl<'a, T: ?Sized> ViaNotError<'a> for &&AsError<'a, T> {
    fn __as_error(self) -> Option<&'a (dyn std::error::Error + 'static)> {
        None
    }
}

/// The framework traits of the enabled features, for one problem code type.
///
/// `#[derive(ProblemCode)]` and `error_catalog!` expand to one call of this macro, in
/// the user's crate. A blanket `impl<T: ProblemCode> IntoResponse for T` is not
/// possible: the orphan rules refuse an impl of a foreign trait (`IntoResponse`) for a
/// type parameter. So every problem code type gets its own impls, written where the
/// type is defined. Which ones depends on the features this crate was built with, which
/// the generated code cannot test: a `#[cfg(feature = "axum")]` in the expansion would
/// test the user's crate. Hence one macro per integration below, defined twice, once
/// with the impl under `#[cfg(feature = …)]` and once empty under `#[cfg(not(…))]`:
/// the definition that exists is the one this crate was compiled with, and Cargo's
/// feature unification makes it the same for every crate in the build.
///
/// The input: `skip [the integrations named in `skip_impl(…)`] impl [generics] for
/// [type] where [predicates, each with a trailing comma] entries [an iterator or slice
/// of `&'static Entry`: every code the type may carry] transparent [the types of
/// `transparent` fields]`. Each integration's macro first walks the `skip` list and
/// writes nothing when it finds its own name there: a type whose crate writes that
/// impl itself must not get a second one when some other crate in the build turns
/// the feature on.
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_integrations {
    ($($input:tt)*) => {
        $crate::__problem_code_axum! { $($input)* }
        $crate::__problem_code_actix_web! { $($input)* }
        $crate::__problem_code_utoipa! { $($input)* }
    };
}

#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_axum {
    (skip [axum $($_skipped:ident)*] $($_input:tt)*) => {};
    (skip [$_other:ident $($skipped:ident)*] $($input:tt)*) => {
        $crate::__problem_code_axum! { skip [$($skipped)*] $($input)* }
    };
    (
        skip []
        impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]
        $($rest:tt)*
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::axum::response::IntoResponse for $($ty)*
        where
            $($where)*
            Self: $crate::ProblemCode,
        {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_axum {
    ($($input:tt)*) => {};
}

// `ResponseError` needs `Debug + Display`, which a problem code type may lack (a catalog
// has both; a derived enum has `Display` when it also derives `thiserror::Error`). The
// bound is made higher-ranked (`for<'__a>`) so that it is not a trivial bound, which
// rustc would reject when false: the impl then simply does not apply to such a type.
#[cfg(feature = "actix-web")]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_actix_web {
    (skip [actix_web $($_skipped:ident)*] $($_input:tt)*) => {};
    (skip [$_other:ident $($skipped:ident)*] $($input:tt)*) => {
        $crate::__problem_code_actix_web! { skip [$($skipped)*] $($input)* }
    };
    (
        skip []
        impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]
        $($rest:tt)*
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::__private::actix_web::ResponseError for $($ty)*
        where
            $($where)*
            for<'__a> Self: $crate::ProblemCode + ::core::fmt::Debug + ::core::fmt::Display,
        {
            fn status_code(&self) -> $crate::__private::actix_web::http::StatusCode {
                $crate::actix_web::status_code(self)
            }
            fn error_response(
                &self,
            ) -> $crate::__private::actix_web::HttpResponse<
                $crate::__private::actix_web::body::BoxBody,
            > {
                $crate::actix_web::error_response(self)
            }
        }
    };
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_utoipa {
    (skip [utoipa $($_skipped:ident)*] $($_input:tt)*) => {};
    (skip [$_other:ident $($skipped:ident)*] $($input:tt)*) => {
        $crate::__problem_code_utoipa! { skip [$($skipped)*] $($input)* }
    };
    (
        skip []
        impl [$($generics:tt)*] for [$($ty:tt)*] where [$($where:tt)*]
        entries [$entries:expr]
        transparent [$($inner:ty),* $(,)?]
    ) => {
        #[automatically_derived]
        impl $($generics)* $crate::utoipa::ProblemResponses for $($ty)*
        where
            $($where)*
        {
            fn problem_entries(
                __out: &mut ::std::vec::Vec<&'static $crate::Entry>,
            ) {
                #[allow(unused_imports)]
                use $crate::__private::{ViaNothing as _, ViaProblemResponses as _};
                __out.extend($entries);
                $((&$crate::__private::InnerResponses::<$inner>::NEW).__problem_entries(__out);)*
            }
        }

        #[automatically_derived]
        impl $($generics)* $crate::__private::utoipa::IntoResponses for $($ty)*
        where
            $($where)*
        {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses::<Self>()
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __problem_code_utoipa {
    ($($input:tt)*) => {};
}
