//! Every code a type can answer with, for registries and per-service exports.

use crate::Entry;

/// The codes a problem code type can answer with: a catalog's codes, or a service
/// type's (the catalog entries its variants name and its inline codes).
///
/// ```
/// use problem_codes::{CodeSet, Entry};
///
/// const THROTTLED: Entry = Entry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled", "/problems/auth-too-many-requests");
///
/// struct OtpError;
///
/// impl CodeSet for OtpError {
///     fn entries(out: &mut Vec<&'static Entry>) {
///         out.push(&THROTTLED);
///     }
/// }
///
/// let mut entries = Vec::new();
/// OtpError::entries(&mut entries);
/// assert_eq!(entries[0].code(), "AUTH_TOO_MANY_REQUESTS");
/// ```
pub trait CodeSet {
    /// Appends every entry the type can answer with to `out`.
    fn entries(out: &mut Vec<&'static Entry>);
}
