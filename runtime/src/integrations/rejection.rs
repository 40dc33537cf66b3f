//! Framework rejections (a body that is not JSON, a path or query parameter of the
//! wrong type) rendered as problems under codes the service chooses from its catalog.

use core::fmt;

use http::StatusCode;

use crate::{
    Entry, ExtensionName, ExtensionSink, JsonPointer, Problem, ProblemCode, ValidationErrors,
};

const ERRORS: ExtensionName = ExtensionName::from_static("errors");

/// The codes that a framework's rejections are rendered under: one for a JSON body
/// that cannot be read, one for path parameters, one for the query string.
///
/// A rejection without a code here is still a problem document: `about:blank`, with
/// the framework's status and its message as `detail`, and no `code`.
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

    /// The code of a JSON body that is missing, malformed, of the wrong content type or
    /// of the wrong shape (see the example on [`Rejections`]).
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
/// [`Rejections`] (whose status then wins over the framework's), the framework's message
/// as `detail`, the request path as `instance`, and for a JSON body of the wrong shape
/// an `errors` member pointing at the field at fault.
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
///     assert!(rejection.detail().contains("EOF while parsing an object"));
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
        ProblemRejection {
            entry: rejections.and_then(|r| r.entry(kind)),
            status,
            detail,
            errors: ValidationErrors::new(),
            instance: None,
        }
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

    /// The framework's message: what is wrong with the request (see the example on
    /// [`ProblemRejection`]).
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
                match &self.instance {
                    Some(instance) => coded.render().instance(instance).to_response(),
                    None => coded.to_response(),
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

/// The field a JSON body of the wrong shape is wrong at, from the path that
/// `serde_path_to_error` tracked: one error pointing there, or none for a body that
/// is not JSON at all (a syntax error has no field).
pub(crate) fn field_errors(
    error: &serde_path_to_error::Error<serde_json::Error>,
) -> ValidationErrors {
    if !matches!(error.inner().classify(), serde_json::error::Category::Data) {
        return ValidationErrors::new();
    }
    let mut pointer = JsonPointer::root();
    for segment in error.path().iter() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => pointer = pointer.index(*index),
            serde_path_to_error::Segment::Map { key } => pointer.push(key),
            serde_path_to_error::Segment::Enum { variant } => pointer.push(variant),
            serde_path_to_error::Segment::Unknown => break,
        }
    }
    ValidationErrors::new().with(pointer, error.inner().to_string())
}
