//! The derive's table: one static [`Variant`] per variant, read by the code here, so a
//! derived type generates a descriptor and a match arm per variant instead of a method
//! body per variant. The per-occurrence values reach the table as a slice of [`Arg`]s,
//! in the order the descriptor names them.

use core::fmt;

use crate::detail::{DetailArg, DetailSink};
use crate::extensions::MemberJson;
use crate::{Entry, ExtensionName, ExtensionSink, ProblemCode};

/// One variant of a derived type: its entry, its detail and its members, with the
/// indices of the [`Arg`]s that fill them.
#[derive(Debug)]
pub struct Variant {
    /// The entry, a catalog's or the type's own inline one.
    pub entry: &'static Entry,
    /// The detail's pieces; empty when the variant has none.
    pub detail: &'static [Piece],
    /// The extension members, each with the index of its value.
    pub members: &'static [Slot],
    /// The index of the `retry_after` value, when a field gives it.
    pub retry_after: Option<usize>,
}

/// A piece of a detail: text as written and as escaped for JSON, or a value.
#[derive(Debug)]
pub enum Piece {
    /// Literal text, as written and as JSON-escaped at compile time.
    Text(&'static str, &'static str),
    /// The [`Arg`] at this index.
    Arg(usize),
}

/// An extension member's name, checked by the derive, and the index of the [`Arg`]
/// that holds its value. The name is a plain string, so the descriptor is a literal
/// that const evaluation copies rather than a call it runs.
#[derive(Debug)]
pub struct Slot(pub &'static str, pub usize);

/// One value of an occurrence, erased to what the table does with it.
pub enum Arg<'a> {
    /// A detail value of an unsigned integer type.
    Unsigned(u64),
    /// A detail value of a signed integer type.
    Signed(i64),
    /// A detail value of a string type.
    Text(&'a str),
    /// A detail value of any other type, through its `Display`.
    Display(&'a dyn fmt::Display),
    /// A boolean extension member's value.
    Bool(bool),
    /// An extension member's value of any other type, through `serde`.
    Member(&'a dyn MemberJson),
    /// The `retry_after` seconds.
    Retry(Option<u64>),
}

impl fmt::Debug for Arg<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Unsigned(n) => f.debug_tuple("Unsigned").field(n).finish(),
            Arg::Signed(n) => f.debug_tuple("Signed").field(n).finish(),
            Arg::Text(text) => f.debug_tuple("Text").field(text).finish(),
            Arg::Display(value) => f
                .debug_tuple("Display")
                .field(&format_args!("{value}"))
                .finish(),
            Arg::Bool(b) => f.debug_tuple("Bool").field(b).finish(),
            Arg::Member(_) => f.write_str("Member"),
            Arg::Retry(secs) => f.debug_tuple("Retry").field(secs).finish(),
        }
    }
}

/// Where a derived value's facts are: its variant's row of the table, or, for a
/// `transparent` variant, the inner problem.
pub enum Row<'a> {
    /// The variant's descriptor.
    Table(&'static Variant),
    /// The inner problem of a `transparent` variant.
    Inner(&'a dyn ProblemCode),
    /// Not a derived type: the trait's own defaults apply.
    None,
}

impl Variant {
    /// Whether an occurrence has no part of its own, so its body is the entry's.
    #[must_use]
    pub const fn is_entry_only(&self) -> bool {
        self.detail.is_empty() && self.members.is_empty() && self.retry_after.is_none()
    }

    /// Writes the detail from `args`.
    pub(crate) fn write_detail(&self, args: &[Arg<'_>], sink: &mut DetailSink<'_>) -> fmt::Result {
        for piece in self.detail {
            match piece {
                Piece::Text(text, escaped) => sink.literal(text, escaped),
                Piece::Arg(index) => match args.get(*index) {
                    Some(Arg::Unsigned(n)) => sink.unsigned(*n),
                    Some(Arg::Signed(n)) => sink.signed(*n),
                    Some(Arg::Text(text)) => sink.text(text),
                    Some(Arg::Display(value)) => sink.display(*value),
                    Some(Arg::Bool(_) | Arg::Member(_) | Arg::Retry(_)) | None => {}
                },
            }
        }
        sink.finish()
    }

    /// Adds the extension members from `args`.
    pub(crate) fn extensions(&self, args: &[Arg<'_>], ext: &mut ExtensionSink<'_>) {
        for Slot(name, index) in self.members {
            let name = ExtensionName::__from_macro(name);
            // The primitives are serialized here, so a derived type does not compile
            // `serde_json`'s writer for each of them again.
            let value: &dyn MemberJson = match args.get(*index) {
                Some(Arg::Unsigned(n)) => n,
                Some(Arg::Signed(n)) => n,
                Some(Arg::Text(text)) => text,
                Some(Arg::Bool(b)) => b,
                Some(Arg::Member(value)) => *value,
                Some(Arg::Display(_) | Arg::Retry(_)) | None => continue,
            };
            ext.insert_json(name, value);
        }
    }

    /// The `retry_after` seconds from `args`.
    pub(crate) fn retry_after(&self, args: &[Arg<'_>]) -> Option<u64> {
        match args.get(self.retry_after?) {
            Some(Arg::Retry(secs)) => *secs,
            _ => None,
        }
    }
}

/// One occurrence seen through the table: a variant and its values. The renderer is
/// compiled once for this type, in this crate, rather than once per derived type.
pub(crate) struct Occurrence<'v, 'a> {
    pub(crate) variant: &'static Variant,
    pub(crate) args: &'v [Arg<'a>],
}

impl ProblemCode for Occurrence<'_, '_> {
    #[inline]
    fn entry(&self) -> &'static Entry {
        self.variant.entry
    }

    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.variant
            .write_detail(self.args, &mut DetailSink::formatter(f))
    }

    #[inline]
    fn __is_entry_only(&self) -> bool {
        self.variant.is_entry_only()
    }

    fn __write_detail(&self, sink: &mut DetailSink<'_>) -> fmt::Result {
        self.variant.write_detail(self.args, sink)
    }

    fn extensions(&self, ext: &mut ExtensionSink<'_>) {
        self.variant.extensions(self.args, ext);
    }

    fn retry_after(&self) -> Option<u64> {
        self.variant.retry_after(self.args)
    }
}

/// Runs `f` on `problem` seen through the table, when its type is derived; `None`
/// otherwise.
#[inline]
pub(crate) fn with_occurrence<P: ProblemCode + ?Sized, R>(
    problem: &P,
    f: impl FnOnce(&Occurrence<'_, '_>) -> R,
) -> Option<R> {
    let Row::Table(variant) = problem.__row() else {
        return None;
    };
    let mut f = Some(f);
    let mut out = None;
    problem.__args(&mut |args| {
        if let Some(f) = f.take() {
            out = Some(f(&Occurrence { variant, args }));
        }
    });
    out
}

/// The entry of a derived value: its row's, or its inner problem's.
#[inline]
pub fn entry_of<P: ProblemCode + ?Sized>(problem: &P) -> &'static Entry {
    match problem.__row() {
        Row::Table(variant) => variant.entry,
        Row::Inner(inner) => inner.entry(),
        Row::None => crate::__private::NO_ENTRY.0,
    }
}

/// The [`DetailArg`] probe for the integers, `str` and `String`:
/// `(&&DetailArg(field)).__arg()` finds this one when the type is the primitive, else,
/// after a dereference, [`ViaDisplayArg`]: a user's own type may bear the name.
pub trait ViaFastArg<'a> {
    /// The field as an [`Arg`].
    fn __arg(self) -> Arg<'a>;
}

/// The [`DetailArg`] probe for any other type of those names.
pub trait ViaDisplayArg<'a> {
    /// The field as an [`Arg`].
    fn __arg(self) -> Arg<'a>;
}

macro_rules! fast_arg {
    ($($ty:ty => |$value:ident| $arg:expr;)*) => {$(
        impl<'a> ViaFastArg<'a> for &&DetailArg<'a, $ty> {
            #[inline]
            fn __arg(self) -> Arg<'a> {
                let $value: &'a $ty = self.0;
                $arg
            }
        }
    )*};
}

fast_arg! {
    u8 => |n| Arg::Unsigned(u64::from(*n));
    u16 => |n| Arg::Unsigned(u64::from(*n));
    u32 => |n| Arg::Unsigned(u64::from(*n));
    u64 => |n| Arg::Unsigned(*n);
    usize => |n| match u64::try_from(*n) { Ok(n) => Arg::Unsigned(n), Err(_) => Arg::Display(n) };
    i8 => |n| Arg::Signed(i64::from(*n));
    i16 => |n| Arg::Signed(i64::from(*n));
    i32 => |n| Arg::Signed(i64::from(*n));
    i64 => |n| Arg::Signed(*n);
    isize => |n| match i64::try_from(*n) { Ok(n) => Arg::Signed(n), Err(_) => Arg::Display(n) };
    str => |text| Arg::Text(text);
    &str => |text| Arg::Text(text);
    String => |text| Arg::Text(text);
}

/// An `extension` field whose type is spelt as an integer, `bool`, `str` or `String`,
/// for the member probe: `(&&MemberArg(field)).__member()` finds [`ViaFastMember`] when
/// the type is the primitive, else, after a dereference, [`ViaSerdeMember`].
pub struct MemberArg<'a, T: ?Sized>(pub &'a T);

/// The [`MemberArg`] probe for the primitives: serialized by code compiled once, here.
pub trait ViaFastMember<'a> {
    /// The field as an [`Arg`].
    fn __member(self) -> Arg<'a>;
}

/// The [`MemberArg`] probe for any other type of those names, through `serde`.
pub trait ViaSerdeMember<'a> {
    /// The field as an [`Arg`].
    fn __member(self) -> Arg<'a>;
}

macro_rules! fast_member {
    ($($ty:ty => |$value:ident| $arg:expr;)*) => {$(
        impl<'a> ViaFastMember<'a> for &&MemberArg<'a, $ty> {
            #[inline]
            fn __member(self) -> Arg<'a> {
                let $value: &'a $ty = self.0;
                $arg
            }
        }
    )*};
}

fast_member! {
    u8 => |n| Arg::Unsigned(u64::from(*n));
    u16 => |n| Arg::Unsigned(u64::from(*n));
    u32 => |n| Arg::Unsigned(u64::from(*n));
    u64 => |n| Arg::Unsigned(*n);
    usize => |n| match u64::try_from(*n) { Ok(n) => Arg::Unsigned(n), Err(_) => Arg::Member(n) };
    i8 => |n| Arg::Signed(i64::from(*n));
    i16 => |n| Arg::Signed(i64::from(*n));
    i32 => |n| Arg::Signed(i64::from(*n));
    i64 => |n| Arg::Signed(*n);
    isize => |n| match i64::try_from(*n) { Ok(n) => Arg::Signed(n), Err(_) => Arg::Member(n) };
    bool => |b| Arg::Bool(*b);
    str => |text| Arg::Text(text);
    &str => |text| Arg::Text(text);
    String => |text| Arg::Text(text);
}

impl<'a, T: serde::Serialize + 'a> ViaSerdeMember<'a> for &MemberArg<'a, T> {
    #[inline]
    fn __member(self) -> Arg<'a> {
        Arg::Member(self.0)
    }
}

impl<'a, T: fmt::Display + 'a> ViaDisplayArg<'a> for &DetailArg<'a, T> {
    #[inline]
    fn __arg(self) -> Arg<'a> {
        Arg::Display(self.0)
    }
}

/// `retry_after`'s value from a field of any [`RetryAfterValue`](crate::RetryAfterValue)
/// type.
#[inline]
pub fn retry<T: crate::RetryAfterValue + ?Sized>(value: &T) -> Arg<'static> {
    Arg::Retry(crate::__private::retry_after(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    static ENTRY: Entry = Entry::new("X_FAILED", 400, "X failed", "/problems/x-failed");
    static VARIANT: Variant = Variant {
        entry: &ENTRY,
        detail: &[
            Piece::Arg(0),
            Piece::Text(" \"failed\" ", r#" \"failed\" "#),
            Piece::Arg(1),
        ],
        members: &[Slot("count", 2)],
        retry_after: Some(3),
    };

    #[test]
    fn a_row_renders_its_args() {
        let name = String::from("job");
        let args = [
            Arg::Text(&name),
            Arg::Signed(-3),
            Arg::Member(&7u32),
            Arg::Retry(Some(9)),
        ];
        let occurrence = Occurrence {
            variant: &VARIANT,
            args: &args,
        };
        assert_eq!(occurrence.detail().as_deref(), Some("job \"failed\" -3"));
        assert_eq!(occurrence.retry_after(), Some(9));
        assert!(!occurrence.__is_entry_only());
        let body = occurrence.to_json();
        assert_eq!(
            String::from_utf8(body).unwrap_or_default(),
            r#"{"type":"/problems/x-failed","title":"X failed","status":400,"detail":"job \"failed\" -3","code":"X_FAILED","retry_after":9,"count":7}"#
        );
    }

    #[test]
    fn an_arg_missing_or_of_another_kind_writes_nothing() {
        let args = [Arg::Retry(None), Arg::Member(&1u8)];
        let occurrence = Occurrence {
            variant: &VARIANT,
            args: &args,
        };
        assert_eq!(occurrence.detail().as_deref(), Some(" \"failed\" "));
        assert_eq!(occurrence.retry_after(), None);
        assert!(occurrence.to_json().ends_with(br#""code":"X_FAILED"}"#));
    }
}
