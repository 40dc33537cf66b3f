//! The words the macros read and write, each defined once: the derive's attribute keys and the
//! catalog's items and fields, which share names where they mean the same thing.

/// The type URI base without a `type_base`. The runtime's `problem_codes::DEFAULT_TYPE_BASE`
/// is the same text; this crate cannot depend on the runtime, so a test of the runtime's
/// users asserts the two agree.
pub const DEFAULT_TYPE_BASE: &str = "/problems/";

pub const CRATE: &str = "crate";
/// A catalog's own language, a BCP 47 tag: `language = "en";`.
pub const LANGUAGE: &str = "language";
pub const TYPE_BASE: &str = "type_base";
pub const SECTION: &str = "section";
pub const SKIP_IMPL: &str = "skip_impl";
pub const TITLE: &str = "title";
pub const HANDLING: &str = "handling";
/// A code's extension members: `members: { … }` in a catalog, `members(…)` inline.
pub const MEMBERS: &str = "members";

// The derive's alone.
pub const CATALOG: &str = "catalog";
pub const CODE: &str = "code";
pub const STATUS: &str = "status";
pub const DETAIL: &str = "detail";
pub const TYPE: &str = "type";
pub const TRANSPARENT: &str = "transparent";
pub const EXTENSION: &str = "extension";
pub const RETRY_AFTER: &str = "retry_after";
pub const HEADER: &str = "header";

// The catalog's alone.
pub const DEPRECATED: &str = "deprecated";
/// The title's former name in the catalog, refused with a message that names `title`.
pub const MEANING: &str = "meaning";

// The body's members that an extension cannot take: together, the runtime's
// `problem_codes::RESERVED_MEMBERS`.
/// The members of RFC 9457 and `code`.
pub const STANDARD_MEMBERS: &[&str] = &["type", "title", "status", "detail", "instance", "code"];
/// The member the runtime writes for a `retry_after` field.
pub const RETRY_AFTER_MEMBER: &str = "retry_after";
/// The RFC 9457 §3 validation errors array, the one member of type `errors`.
pub const ERRORS_MEMBER: &str = "errors";
