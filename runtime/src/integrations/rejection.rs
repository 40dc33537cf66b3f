//! Framework rejections (a body that is not JSON, a path or query parameter of the
//! wrong type) rendered as problems under codes the service chooses from its catalog.

use core::fmt;

use http::StatusCode;

use crate::integrations::catch_all::CatchAll;
use crate::render::InstanceSlot;
use crate::{
    Entry, ExtensionName, ExtensionSink, JsonPointer, Problem, ProblemCode, ValidationErrors,
};

const ERRORS: ExtensionName = ExtensionName::from_static("errors");

/// The codes that a framework's rejections are rendered under: one for a JSON body
/// that cannot be read, one for path parameters, one for the query string.
///
/// A rejection without a code here is still a problem document: `about:blank`, with
/// the framework's status, a `detail` saying what is wrong, and no `code`.
///
/// ```
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// #     SESSION_ID_INVALID = 422 { title: "Invalid session id", handling: "Refresh" },
/// # } } }
///
/// let rejections = Rejections::new()
///     .json(Api::PAYLOAD_INVALID)
///     .path(Api::SESSION_ID_INVALID);
/// assert_eq!(rejections.json_code(), Some("PAYLOAD_INVALID"));
/// assert_eq!(rejections.path_code(), Some("SESSION_ID_INVALID"));
/// assert_eq!(rejections.query_code(), None);
/// ```
///
/// Give them to `problem_codes::axum::ProblemLayer::rejections` or to
/// `problem_codes::actix_web::rejections`; the example on [`ProblemRejection`] shows a
/// rejection rendered under its code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[must_use]
pub struct Rejections {
    json: Option<&'static Entry>,
    path: Option<&'static Entry>,
    query: Option<&'static Entry>,
}

impl Rejections {
    /// No codes: every rejection is an `about:blank` problem.
    ///
    /// ```
    /// use problem_codes::Rejections;
    ///
    /// let rejections = Rejections::new();
    /// assert_eq!(rejections, Rejections::default());
    /// assert_eq!(
    ///     (rejections.json_code(), rejections.path_code(), rejections.query_code()),
    ///     (None, None, None),
    /// );
    /// ```
    pub const fn new() -> Rejections {
        Rejections {
            json: None,
            path: None,
            query: None,
        }
    }

    /// The code of a JSON body that is missing, malformed or of the wrong shape (see the
    /// example on [`Rejections`]). A body of the wrong content type (415) or over the
    /// limit (413) keeps its own status, under the code of the [`CatchAll`], if any.
    pub fn json(mut self, code: impl ProblemCode) -> Rejections {
        self.json = Some(code.entry());
        self
    }

    /// The code of path parameters that do not parse (see the example on
    /// [`Rejections`]).
    pub fn path(mut self, code: impl ProblemCode) -> Rejections {
        self.path = Some(code.entry());
        self
    }

    /// The code of a query string that does not parse.
    ///
    /// ```
    /// use problem_codes::Rejections;
    /// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
    /// #     QUERY_INVALID = 400 { title: "Query invalid", handling: "Fix the link" },
    /// # } } }
    ///
    /// let rejections = Rejections::new().query(Api::QUERY_INVALID);
    /// assert_eq!(rejections.query_code(), Some("QUERY_INVALID"));
    /// assert_eq!(rejections.json_code(), None);
    /// ```
    pub fn query(mut self, code: impl ProblemCode) -> Rejections {
        self.query = Some(code.entry());
        self
    }

    /// The code of JSON body rejections, if set (see the example on [`Rejections`]).
    #[must_use]
    pub fn json_code(&self) -> Option<&'static str> {
        self.json.map(Entry::code)
    }

    /// The code of path rejections, if set (see the example on [`Rejections`]).
    #[must_use]
    pub fn path_code(&self) -> Option<&'static str> {
        self.path.map(Entry::code)
    }

    /// The code of query rejections, if set (see the example on [`Rejections`]).
    #[must_use]
    pub fn query_code(&self) -> Option<&'static str> {
        self.query.map(Entry::code)
    }

    pub(crate) fn entry(&self, kind: RejectionKind) -> Option<&'static Entry> {
        match kind {
            RejectionKind::Json => self.json,
            RejectionKind::Path => self.path,
            RejectionKind::Query => self.query,
        }
    }
}

/// What a rejection was about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RejectionKind {
    Json,
    Path,
    Query,
}

/// A request that a framework extractor refused, as a problem: the code chosen in
/// [`Rejections`] (whose status then wins over the framework's), a `detail` that says
/// what is wrong, the request path as `instance`, and for a JSON body of the wrong shape
/// an `errors` member pointing at the field at fault.
///
/// The `detail` is a fixed text, with at most a parameter's name (64 characters, plain)
/// and the JSON kind expected: never the request's bytes nor the server's type names,
/// which the framework's own message holds. An `errors` pointer is at most 256 bytes.
///
/// The framework integrations make it: it is the rejection of the `axum` module's
/// extractors, and the error the `actix_web` module's extractor configs return. With
/// actix-web:
///
/// ```
/// # // This module is built with `axum` alone too, where actix-web is not a dependency.
/// # #[cfg(feature = "actix-web")] {
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::rejections;
/// use problem_codes::{ProblemRejection, Rejections};
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// # } } }
/// # #[derive(serde::Deserialize)]
/// # struct Update { nickname: String }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .configure(rejections(Rejections::new().json(Api::PAYLOAD_INVALID)))
///             .route("/v1/profile", web::post().to(|update: web::Json<Update>| async move { update.0.nickname })),
///     )
///     .await;
///     let request = test::TestRequest::post().uri("/v1/profile")
///         .insert_header(("content-type", "application/json")).set_payload("{").to_request();
///     let response = test::call_service(&app, request).await;
///     let rejection = response.response().error().and_then(|e| e.as_error::<ProblemRejection>()).unwrap();
///
///     assert_eq!((rejection.code(), rejection.status()), (Some("PAYLOAD_INVALID"), http::StatusCode::UNPROCESSABLE_ENTITY));
///     assert_eq!(rejection.detail(), "The body is not valid JSON");
///     assert!(rejection.errors().is_empty()); // actix-web does not name the field
///     let problem = rejection.to_problem();
///     assert_eq!((problem.code(), problem.instance()), (Some("PAYLOAD_INVALID"), Some("/v1/profile")));
///     assert_eq!(rejection.to_response().headers()["content-type"], "application/problem+json");
/// });
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct ProblemRejection {
    entry: Option<&'static Entry>,
    status: StatusCode,
    detail: String,
    errors: ValidationErrors,
    instance: Option<String>,
}

impl ProblemRejection {
    pub(crate) fn new(
        kind: RejectionKind,
        rejections: Option<&Rejections>,
        status: StatusCode,
        detail: String,
    ) -> ProblemRejection {
        // A body of the wrong media type or over the limit keeps its true status, 415
        // or 413: its code, if any, is the catch-all's, never the JSON body's.
        let own_status = matches!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE | StatusCode::PAYLOAD_TOO_LARGE
        );
        ProblemRejection {
            entry: rejections
                .filter(|_| !own_status)
                .and_then(|r| r.entry(kind)),
            status,
            detail,
            errors: ValidationErrors::new(),
            instance: None,
        }
    }

    /// Takes the catch-all's code for a status it has one for and the rejection's
    /// kind has none.
    pub(crate) fn with_catch_all(mut self, catch_all: Option<&CatchAll>) -> ProblemRejection {
        if self.entry.is_none() {
            self.entry = catch_all.and_then(|c| c.entry_for(self.status));
        }
        self
    }

    pub(crate) fn with_errors(mut self, errors: ValidationErrors) -> ProblemRejection {
        self.errors = errors;
        self
    }

    pub(crate) fn with_instance(mut self, instance: &str) -> ProblemRejection {
        self.instance = Some(instance.to_owned());
        self
    }

    /// The status of the response: the chosen code's, else the framework's (see the
    /// example on [`ProblemRejection`]).
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.entry.map_or(self.status, Entry::status)
    }

    /// The chosen code, if [`Rejections`] names one for this kind of rejection (see the
    /// example on [`ProblemRejection`]).
    #[must_use]
    pub fn code(&self) -> Option<&'static str> {
        self.entry.map(Entry::code)
    }

    /// What is wrong with the request, in words that repeat none of it (see the
    /// example on [`ProblemRejection`]).
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The fields at fault, when the framework tells them: `axum`'s JSON extractor
    /// does, for a body of the wrong shape (see the example on [`ProblemRejection`]).
    #[must_use]
    pub fn errors(&self) -> &ValidationErrors {
        &self.errors
    }

    /// The owned problem document: the chosen code's type, title and status, else
    /// `about:blank` with the framework's status (see the example on
    /// [`ProblemRejection`]).
    #[must_use]
    pub fn to_problem(&self) -> Problem {
        let problem = match self.entry {
            Some(entry) => Coded {
                entry,
                rejection: self,
            }
            .to_problem(),
            None => {
                let problem = Problem::new(self.status).with_detail(self.detail.clone());
                if self.errors.is_empty() {
                    problem
                } else {
                    // `errors` is a valid member name and serializes to a JSON array.
                    problem
                        .clone()
                        .with_extension(ERRORS.as_str(), &self.errors)
                        .unwrap_or(problem)
                }
            }
        };
        match &self.instance {
            Some(instance) => problem.with_instance(instance.clone()),
            None => problem,
        }
    }

    /// [`to_response`](ProblemRejection::to_response), and where a layer may insert
    /// `instance` later, when the rejection has none.
    pub(crate) fn response_with_slot(&self) -> (http::Response<Vec<u8>>, Option<InstanceSlot>) {
        match (self.entry, &self.instance) {
            (Some(entry), None) => {
                let coded = Coded {
                    entry,
                    rejection: self,
                };
                let render = coded.render();
                // A rejection under a catalog code speaks the request's language too.
                #[cfg(feature = "icu_locale")]
                let render = crate::locale::scope::localize(render);
                render.response_with_slot()
            }
            (None, None) => self.to_problem().response_with_slot(),
            _ => (self.to_response(), None),
        }
    }

    /// The HTTP response, `application/problem+json` (see the example on
    /// [`ProblemRejection`]).
    #[must_use]
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        match self.entry {
            Some(entry) => {
                let coded = Coded {
                    entry,
                    rejection: self,
                };
                let render = coded.render();
                // Inside a negotiating layer, in the request's language.
                #[cfg(feature = "icu_locale")]
                let render = crate::locale::scope::localize(render);
                match &self.instance {
                    Some(instance) => render.instance(instance).to_response(),
                    None => render.to_response(),
                }
            }
            None => self.to_problem().to_response(),
        }
    }
}

impl fmt::Display for ProblemRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code() {
            Some(code) => write!(f, "{code}: {}", self.detail),
            None => f.write_str(&self.detail),
        }
    }
}

impl std::error::Error for ProblemRejection {}

/// A rejection under a chosen code.
struct Coded<'a> {
    entry: &'static Entry,
    rejection: &'a ProblemRejection,
}

impl ProblemCode for Coded<'_> {
    fn entry(&self) -> &'static Entry {
        self.entry
    }

    fn fmt_detail(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.rejection.detail)
    }

    fn extensions(&self, ext: &mut ExtensionSink<'_>) {
        if !self.rejection.errors.is_empty() {
            ext.insert(ERRORS, &self.rejection.errors);
        }
    }
}

/// The fixed texts of a rejection's `detail`. A rejection never echoes the request's
/// bytes nor the server's type names (a framework's message holds both: ``Cannot parse
/// `abc` to a `u64` ``, or a 1.8 MB unknown key four times over); it says what is wrong
/// and, through `errors`, where.
pub(crate) mod says {
    /// A JSON body that parses, but not into the expected shape.
    pub(crate) const JSON_SHAPE: &str =
        "Failed to deserialize the JSON body into the expected shape";
    /// A body that is not JSON at all.
    pub(crate) const JSON_SYNTAX: &str = "The body is not valid JSON";
    /// A body without the JSON content type.
    pub(crate) const JSON_CONTENT_TYPE: &str =
        "Expected a body with `Content-Type: application/json`";
    /// A body over the framework's limit.
    pub(crate) const TOO_LARGE: &str = "The body is too large";
    /// A body the framework could not read.
    pub(crate) const UNREADABLE: &str = "The body could not be read";
    /// Path parameters that do not parse, when the framework does not say which.
    pub(crate) const PATH: &str = "The path parameters are invalid";
    /// A query string that does not parse, when the framework does not say where.
    pub(crate) const QUERY: &str = "The query string is invalid";
}

/// The longest JSON pointer an `errors` entry carries, in bytes: a deeper or longer
/// one points at the deepest member within the bound instead.
pub(crate) const MAX_POINTER: usize = 256;

/// The longest parameter or field name a `detail` repeats; a longer one, or one with
/// other characters than letters, digits, `_`, `-` and `.`, is not repeated.
pub(crate) const MAX_NAME: usize = 64;

/// `name`, when it is short and plain enough to repeat in a `detail`.
pub(crate) fn shown_name(name: &str) -> Option<&str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.');
    (!name.is_empty() && name.len() <= MAX_NAME && name.chars().all(plain)).then_some(name)
}

/// The JSON kind a serde "expected" phrase or Rust type name asks for, without the
/// type's name: `u64` is "an integer", `struct Update` "an object".
pub(crate) fn json_kind(expected: &str) -> Option<&'static str> {
    let expected = expected.trim();
    Some(match expected {
        "a string"
        | "string"
        | "a borrowed string"
        | "a char"
        | "char"
        | "&str"
        | "alloc::string::String"
        | "String" => "a string",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" | "an integer" => "an integer",
        "f32" | "f64" | "a number" => "a number",
        "a boolean" | "bool" => "a boolean",
        "a sequence" | "sequence" | "an array" => "an array",
        "a map" | "map" => "an object",
        "unit" | "null" => "null",
        _ if expected.starts_with("struct ") || expected.starts_with("a map") => "an object",
        _ if expected.starts_with("tuple") || expected.starts_with("an array") => "an array",
        _ => return None,
    })
}

/// A field's `detail`, from serde's message, kept to its kind: what was found (the
/// JSON kind, not the value) and what was expected (the JSON kind, not the type). A
/// missing field's name comes back too, for the pointer: it is the server's own name.
fn field_detail(message: &str) -> (String, Option<&str>) {
    let message = match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message),
        None => message,
    };
    let expected = |rest: &str| {
        rest.split_once(", expected ")
            .and_then(|(_, expected)| json_kind(expected))
            .map_or_else(String::new, |kind| format!(", expected {kind}"))
    };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let found = match rest.split([' ', ',']).next().unwrap_or_default() {
            "integer" | "floating" => "number",
            "string" | "character" => "string",
            "boolean" => "boolean",
            "map" => "object",
            "sequence" => "array",
            "unit" | "null" => "null",
            _ => "value",
        };
        return (format!("invalid type: {found}{}", expected(rest)), None);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return (format!("invalid value{}", expected(rest)), None);
    }
    if message.starts_with("invalid length ") {
        return ("wrong number of items".to_owned(), None);
    }
    if message.starts_with("unknown variant ") {
        return ("not one of the accepted values".to_owned(), None);
    }
    if message.starts_with("unknown field ") {
        return ("not an accepted field".to_owned(), None);
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return (
            "required".to_owned(),
            rest.split('`').nth(1).and_then(shown_name),
        );
    }
    if message.starts_with("duplicate field ") {
        return ("given twice".to_owned(), None);
    }
    ("invalid value".to_owned(), None)
}

/// The field a JSON body of the wrong shape is wrong at, from the path that
/// `serde_path_to_error` tracked: one error pointing there, or none for a body that
/// is not JSON at all (a syntax error has no field). The pointer is cut to
/// [`MAX_POINTER`] bytes at a member boundary, and the detail says what kind of value
/// is wrong (see [`field_detail`]), never the value.
pub(crate) fn field_errors(
    error: &serde_path_to_error::Error<serde_json::Error>,
) -> ValidationErrors {
    if !matches!(error.inner().classify(), serde_json::error::Category::Data) {
        return ValidationErrors::new();
    }
    let message = error.inner().to_string();
    let (detail, missing) = field_detail(&message);
    let mut pointer = JsonPointer::root();
    let within = |pointer: &JsonPointer, token: &str| {
        pointer.as_str().len() + 1 + token.len() <= MAX_POINTER
    };
    for segment in error.path().iter() {
        let next = match segment {
            serde_path_to_error::Segment::Seq { index } => pointer.clone().index(*index),
            serde_path_to_error::Segment::Map { key } if within(&pointer, key) => {
                pointer.clone().key(key)
            }
            serde_path_to_error::Segment::Enum { variant } if within(&pointer, variant) => {
                pointer.clone().key(variant)
            }
            _ => break,
        };
        if next.as_str().len() > MAX_POINTER {
            break;
        }
        pointer = next;
    }
    if let Some(name) = missing
        && within(&pointer, name)
    {
        pointer = pointer.key(name);
    }
    ValidationErrors::new().with(pointer, detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_detail_names_kinds_not_values_or_types() {
        for (message, detail) in [
            (
                "invalid type: integer `7`, expected a string at line 1 column 40",
                "invalid type: number, expected a string",
            ),
            (
                "invalid type: string \"x\", expected struct Update",
                "invalid type: string, expected an object",
            ),
            (
                "invalid type: map, expected u64",
                "invalid type: object, expected an integer",
            ),
            (
                "invalid value: integer `-1`, expected u8",
                "invalid value, expected an integer",
            ),
            (
                "invalid length 3, expected a tuple of size 2",
                "wrong number of items",
            ),
            (
                "unknown variant `Kkk`, expected `A` or `B`",
                "not one of the accepted values",
            ),
            (
                "unknown field `kkkk`, expected `nickname`",
                "not an accepted field",
            ),
            ("duplicate field `a`", "given twice"),
            ("something `secret` a custom impl said", "invalid value"),
        ] {
            assert_eq!(field_detail(message).0, detail, "{message}");
        }
        assert_eq!(
            field_detail("missing field `nickname`"),
            ("required".to_owned(), Some("nickname"))
        );
        assert_eq!(field_detail("missing field `a b`").1, None);
    }

    #[test]
    fn only_short_plain_names_are_repeated() {
        assert_eq!(shown_name("page_size"), Some("page_size"));
        for name in ["", "a b", "a\nb", "é", &"k".repeat(MAX_NAME + 1)] {
            assert_eq!(shown_name(name), None, "{name:?}");
        }
    }
}
