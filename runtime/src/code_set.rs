//! Every code a type can answer with, for registries and per-service exports.

use crate::Entry;

/// The codes a problem code type can answer with: a catalog's codes, or a derived
/// type's (the catalog entries its variants name, its inline codes, and those of its
/// `transparent` fields' types).
///
/// `error_catalog!` and `#[derive(ProblemCode)]` implement it. An entry may be listed
/// more than once (two variants naming one code); a registry keeps one of each.
///
/// ```
/// use problem_codes::{CodeSet, Entry, ProblemCode};
///
/// problem_codes::error_catalog! {
///     pub catalog Points {
///         section "Points" {
///             POINTS_INSUFFICIENT_BALANCE = 402 {
///                 title: "Not enough points",
///                 members: { balance: integer },
///             },
///         }
///     }
/// }
///
/// #[derive(ProblemCode)]
/// #[problem(catalog = Points)]
/// enum RunError {
///     #[problem(POINTS_INSUFFICIENT_BALANCE)]
///     Broke {
///         #[problem(extension)]
///         balance: u32,
///     },
///     #[problem(code = "RUN_BACKEND_DOWN", status = 503, title = "Run backend down")]
///     Down,
/// }
///
/// let mut entries: Vec<&'static Entry> = Vec::new();
/// <RunError as CodeSet>::entries(&mut entries);
/// let codes: Vec<&str> = entries.iter().map(|e| e.code()).collect();
/// assert_eq!(codes, ["POINTS_INSUFFICIENT_BALANCE", "RUN_BACKEND_DOWN"]);
///
/// entries.clear();
/// <Points as CodeSet>::entries(&mut entries);
/// assert_eq!(entries[0].members()[0].name(), "balance");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not list the codes it can answer with",
    label = "`{Self}` does not implement `problem_codes::CodeSet`",
    note = "`error_catalog!` and `#[derive(ProblemCode)]` implement `CodeSet`; a type whose `ProblemCode` is written by hand implements it too"
)]
pub trait CodeSet {
    /// Appends every entry the type can answer with to `out`.
    fn entries(out: &mut Vec<&'static Entry>);
}

/// The probe of a `transparent` field's codes: `(&InnerCodes::<T>::NEW).__entries(out)`
/// lists `T`'s codes when `T` implements [`CodeSet`] (found first), and nothing else.
#[doc(hidden)]
pub struct InnerCodes<T: ?Sized>(core::marker::PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> InnerCodes<T> {
    #[doc(hidden)]
    pub const NEW: InnerCodes<T> = InnerCodes(core::marker::PhantomData);
}

#[doc(hidden)]
pub trait ViaCodeSet {
    fn __entries(&self, out: &mut Vec<&'static Entry>);
}

impl<T: CodeSet + ?Sized> ViaCodeSet for InnerCodes<T> {
    fn __entries(&self, out: &mut Vec<&'static Entry>) {
        T::entries(out);
    }
}

#[doc(hidden)]
pub trait ViaNoCodeSet {
    fn __entries(&self, out: &mut Vec<&'static Entry>);
}

impl<T: ?Sized> ViaNoCodeSet for &InnerCodes<T> {
    fn __entries(&self, _: &mut Vec<&'static Entry>) {}
}
