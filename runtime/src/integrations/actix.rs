//! `actix-web`: problems are responses, a middleware fills `instance` with the request
//! path, extractor configs render rejections as problems, and [`Json`] points at the
//! field a body of the wrong shape is wrong at.
//!
//! Every type that derives [`ProblemCode`] and also has `Display` (as with
//! `thiserror::Error`), and every catalog, is a [`ResponseError`], so a handler returns
//! `Result<web::Json<T>, MyError>` and uses `?` (a type whose crate writes its own
//! `ResponseError` opts out with `#[problem(skip_impl(actix_web))]`):
//!
//! ```
//! use actix_web::{App, middleware::from_fn, web};
//! use problem_codes::ProblemCode;
//! use problem_codes::actix_web::{fill_instance, rejections};
//! use problem_codes::Rejections;
//! # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
//! # } } }
//!
//! #[derive(Debug, thiserror::Error, ProblemCode)]
//! #[problem(catalog = Auth)]
//! enum UserError {
//!     #[error("no user {0}")]
//!     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
//!     NotFound(u64),
//! }
//!
//! async fn user(id: web::Path<u64>) -> Result<String, UserError> {
//!     Err(UserError::NotFound(*id))
//! }
//!
//! let app = App::new()
//!     .wrap(from_fn(fill_instance))
//!     .configure(rejections(Rejections::new()))
//!     .route("/v1/users/{id}", web::get().to(user));
//! ```
//!
//! [`ProblemCode`]: crate::ProblemCode
//! [`ResponseError`]: ::actix_web::ResponseError

use ::actix_web::body::{BoxBody, MessageBody};
use ::actix_web::dev::Payload;
use ::actix_web::dev::{ServiceRequest, ServiceResponse};
use ::actix_web::error::JsonPayloadError;
use ::actix_web::http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderName, HeaderValue, TRANSFER_ENCODING,
};
use ::actix_web::middleware::Next;
use ::actix_web::web::{self, Bytes};
use ::actix_web::{
    Error, FromRequest, HttpMessage as _, HttpRequest, HttpResponse, Responder, ResponseError,
};

use core::future::Future;
use core::pin::Pin;

use crate::CatchAll;
use crate::integrations::catch_all::{CatchUnwind, Occurrence, is_problem};
use crate::integrations::rejection::{RejectionKind, field_errors, says};
use crate::render::InstanceSlot;
use crate::{Problem, ProblemCode, Render};

use crate::integrations::rejection::{ProblemRejection, Rejections};

/// The status of a problem, in actix-web's `http` version: what the generated
/// `ResponseError::status_code` returns.
///
/// ```
/// use actix_web::http::StatusCode;
/// use problem_codes::actix_web::status_code;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// assert_eq!(status_code(&Auth::AUTH_USER_NOT_FOUND), StatusCode::NOT_FOUND);
/// ```
pub fn status_code<P: ProblemCode + ?Sized>(problem: &P) -> ::actix_web::http::StatusCode {
    actix_status(problem.status())
}

fn actix_status(status: http::StatusCode) -> ::actix_web::http::StatusCode {
    ::actix_web::http::StatusCode::from_u16(status.as_u16())
        .unwrap_or(::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The response of a problem, as the generated `ResponseError` impls build it: when it
/// has no `instance`, [`fill_instance`] adds the request path.
///
/// ```
/// use actix_web::body::MessageBody;
/// use problem_codes::actix_web::error_response;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// let response = error_response(&Auth::AUTH_USER_NOT_FOUND);
/// assert_eq!(response.status(), 404);
/// assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
/// assert_eq!(
///     response.into_body().try_into_bytes().unwrap(),
///     r#"{"type":"/problems/auth-user-not-found","title":"User not found","status":404,"code":"AUTH_USER_NOT_FOUND"}"#,
/// );
/// ```
pub fn error_response<P: ProblemCode + ?Sized>(problem: &P) -> HttpResponse {
    let render = Render::new(problem);
    // In the language `negotiate` chose for this request, if it did.
    #[cfg(feature = "icu_locale")]
    let render = crate::locale::scope::localize(render);
    convert(render.response_with_slot())
}

/// The future of the [`negotiate`] middleware, which a service names when it keeps the
/// middleware in a value of its own.
///
/// ```
/// use actix_web::body::BoxBody;
/// use actix_web::dev::ServiceRequest;
/// use actix_web::middleware::Next;
/// use problem_codes::Locales;
/// use problem_codes::actix_web::{LocalizedFuture, negotiate};
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
///
/// let middleware: Box<dyn Fn(ServiceRequest, Next<BoxBody>) -> LocalizedFuture> =
///     Box::new(negotiate(Locales::of::<Auth>(&[])));
/// # drop(middleware);
/// ```
#[cfg(feature = "icu_locale")]
#[cfg_attr(docsrs, doc(cfg(feature = "icu_locale")))]
pub type LocalizedFuture = Pin<Box<dyn Future<Output = Result<ServiceResponse<BoxBody>, Error>>>>;

/// A middleware that negotiates each request's language from its `Accept-Language`
/// (see [`Locales`](crate::Locales)) and renders the problems its handlers return in
/// it: their responses carry `Content-Language` and `Vary: Accept-Language`. Wrap it
/// with `actix_web::middleware::from_fn(negotiate(locales))`. The language is set while
/// the inner service's future is polled, so an error that actix-web turns into a
/// response outside it (one a middleware returns) is rendered in the default language.
/// Tracing events keep the default-language title.
///
/// ```
/// use actix_web::{App, middleware::from_fn, test, web};
/// use problem_codes::{Locales, catalog_locale};
/// use problem_codes::actix_web::negotiate;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
/// # } } }
/// catalog_locale! {
///     pub locale ZH_HANS for Auth = "zh-Hans" { AUTH_USER_NOT_FOUND { title: "用户不存在" } }
/// }
///
/// async fn user() -> Result<String, Auth> {
///     Err(Auth::AUTH_USER_NOT_FOUND)
/// }
///
/// actix_web::rt::System::new().block_on(async {
///     let locales = Locales::of::<Auth>(&[&ZH_HANS]);
///     let app = test::init_service(
///         App::new().wrap(from_fn(negotiate(locales))).route("/v1/users/7", web::get().to(user)),
///     )
///     .await;
///     let request = test::TestRequest::get()
///         .uri("/v1/users/7")
///         .insert_header(("accept-language", "zh-CN,zh;q=0.9"))
///         .to_request();
///     let response = test::call_service(&app, request).await;
///     assert_eq!(response.headers().get("content-language").unwrap(), "zh-Hans");
///     assert_eq!(response.headers().get("vary").unwrap(), "accept-language");
///     let body: serde_json::Value = test::read_body_json(response).await;
///     assert_eq!(body["title"], "用户不存在");
/// });
/// ```
#[cfg(feature = "icu_locale")]
#[cfg_attr(docsrs, doc(cfg(feature = "icu_locale")))]
pub fn negotiate<B: MessageBody + 'static>(
    locales: crate::Locales,
) -> impl Fn(ServiceRequest, Next<B>) -> LocalizedFuture + 'static {
    move |request, next| {
        let header = request
            .headers()
            .get_all(::actix_web::http::header::ACCEPT_LANGUAGE)
            .find_map(|value| value.to_str().ok())
            .unwrap_or_default();
        let chosen = crate::locale::scope::Chosen::of(&locales, header);
        Box::pin(async move {
            let future = core::pin::pin!(next.call(request));
            let response = crate::locale::scope::InLanguage::new(Some(chosen), future).await?;
            let mut response = response.map_into_boxed_body();
            let headers = response.headers();
            let content_type = headers
                .get(CONTENT_TYPE)
                .and_then(|value| value.to_str().ok());
            let vary = ::actix_web::http::header::VARY;
            if is_problem(content_type)
                && !crate::locale::scope::varies_on_language(
                    headers.get_all(&vary).map(HeaderValue::as_bytes),
                )
            {
                response
                    .headers_mut()
                    .append(vary, HeaderValue::from_static("accept-language"));
            }
            Ok(response)
        })
    }
}

/// An `http` response as actix-web's, which is built on another `http` version.
fn convert((response, slot): (http::Response<Vec<u8>>, Option<InstanceSlot>)) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let mut builder = HttpResponse::build(actix_status(parts.status));
    for (name, value) in &parts.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            builder.append_header((name, value));
        }
    }
    let body = Bytes::from(body);
    let mut response = builder.body(body.clone());
    if let Some(slot) = slot {
        response.extensions_mut().insert(Pending { slot, body });
    }
    response
}

/// A problem body that has no `instance` yet, kept beside the response for
/// [`fill_instance`], which fills it only into these very bytes.
struct Pending {
    slot: InstanceSlot,
    body: Bytes,
}

impl Responder for Problem {
    type Body = BoxBody;

    /// The response, with the request path as `instance` when the problem has none (or,
    /// under [`catch_all`], the `instance` of its policy).
    fn respond_to(self, request: &HttpRequest) -> HttpResponse {
        // Under a catch-all, `instance` follows its policy, filled in by it.
        if request.extensions().get::<CatchAll>().is_some() {
            return convert(self.response_with_slot());
        }
        let problem = match self.instance() {
            Some(_) => self,
            None => self.with_instance(request.path()),
        };
        convert((problem.to_response(), None))
    }
}

impl ResponseError for ProblemRejection {
    fn status_code(&self) -> ::actix_web::http::StatusCode {
        actix_status(self.status())
    }

    fn error_response(&self) -> HttpResponse {
        convert(self.response_with_slot())
    }
}

/// A middleware function that writes the request path into the `instance` of every
/// problem response rendered without one; wrap it with
/// `actix_web::middleware::from_fn(fill_instance)`.
///
/// It fills only a body that is, byte for byte, the one rendered: a body that an inner
/// middleware rewrote is served as that middleware left it, without `instance`.
///
/// ```
/// use actix_web::{App, middleware::from_fn, test, web};
/// use problem_codes::actix_web::fill_instance;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// async fn user() -> Result<String, Auth> {
///     Err(Auth::AUTH_USER_NOT_FOUND)
/// }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new().wrap(from_fn(fill_instance)).route("/v1/users/7", web::get().to(user)),
///     )
///     .await;
///     let request = test::TestRequest::get().uri("/v1/users/7").to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!(body["instance"], "/v1/users/7");
///     assert_eq!(body["code"], "AUTH_USER_NOT_FOUND");
/// });
/// ```
///
/// # Errors
///
/// Only those of the inner service, passed on. (actix-web turns a handler's error into
/// a response before it gets here.)
pub async fn fill_instance<B: MessageBody + 'static>(
    request: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let response = next.call(request).await?.map_into_boxed_body();
    let (request, mut response) = response.into_parts();
    let pending = response.extensions_mut().remove::<Pending>();
    let response = match pending {
        Some(Pending {
            slot,
            body: rendered,
        }) if !response.headers().contains_key(CONTENT_ENCODING) => {
            let (response, body) = response.into_parts();
            match body.try_into_bytes() {
                // Only the bytes rendered, unchanged: a body an inner middleware
                // rewrote is served as it left it.
                Ok(bytes) if bytes == rendered => {
                    let filled = slot.fill(&bytes, request.path()).map_or(bytes, Bytes::from);
                    response.set_body(BoxBody::new(filled))
                }
                Ok(bytes) => response.set_body(BoxBody::new(bytes)),
                Err(body) => response.set_body(body),
            }
        }
        _ => response,
    };
    Ok(ServiceResponse::new(request, response))
}

/// Registers extractor configs (`web::Json`, `web::Path`, `web::Query`) whose
/// rejections are problems under the given codes, with the request path as `instance`:
/// `App::new().configure(rejections(codes))`.
///
/// A kind of rejection without a code is still a problem: `about:blank`, with
/// actix-web's status.
///
/// ```
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::rejections;
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// #     USER_ID_INVALID = 404 { title: "No such user", handling: "Show not-found message" },
/// #     PAGE_INVALID = 400 { title: "Invalid page", handling: "Go to the first page" },
/// # } } }
/// # #[derive(serde::Deserialize)]
/// # struct Page { page: u32 }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .configure(rejections(Rejections::new().path(Api::USER_ID_INVALID)))
///             .route("/v1/users/{id}", web::get().to(|id: web::Path<u64>| async move { id.to_string() }))
///             .route("/v1/users", web::get().to(|page: web::Query<Page>| async move { page.page.to_string() })),
///     )
///     .await;
///     let request = test::TestRequest::get().uri("/v1/users/ada").to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!((&body["code"], &body["status"]), (&"USER_ID_INVALID".into(), &404.into()));
///
///     let request = test::TestRequest::get().uri("/v1/users?page=x").to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     // `about:blank`, which the document leaves out (RFC 9457 §3.1.1): no type, no code.
///     assert_eq!((body.get("type"), body.get("code")), (None, None));
///     assert_eq!((&body["title"], &body["status"]), (&"Bad Request".into(), &400.into()));
/// });
/// ```
pub fn rejections(rejections: Rejections) -> impl FnOnce(&mut web::ServiceConfig) {
    move |config| {
        config
            .app_data(rejections)
            .app_data(json_config(rejections))
            .app_data(path_config(rejections))
            .app_data(query_config(rejections));
    }
}

/// A `web::JsonConfig` whose rejections are problems under the code of
/// [`Rejections::json`].
///
/// ```
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::json_config;
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// #     USER_ID_INVALID = 404 { title: "No such user", handling: "Show not-found message" },
/// #     PAGE_INVALID = 400 { title: "Invalid page", handling: "Go to the first page" },
/// # } } }
/// # #[derive(serde::Deserialize)]
/// # struct Update { nickname: String }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .app_data(json_config(Rejections::new().json(Api::PAYLOAD_INVALID)))
///             .route("/v1/profile", web::post().to(|update: web::Json<Update>| async move { update.0.nickname })),
///     )
///     .await;
///     let request = test::TestRequest::post().uri("/v1/profile").set_json(serde_json::json!({ "nick": 1 })).to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!((&body["code"], &body["status"]), (&"PAYLOAD_INVALID".into(), &422.into()));
///     assert_eq!(body["instance"], "/v1/profile");
/// });
/// ```
#[must_use]
pub fn json_config(rejections: Rejections) -> web::JsonConfig {
    web::JsonConfig::default().error_handler(move |error, request| {
        let detail = match &error {
            JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
                says::TOO_LARGE
            }
            JsonPayloadError::ContentType => says::JSON_CONTENT_TYPE,
            JsonPayloadError::Deserialize(err) if err.is_data() => says::JSON_SHAPE,
            JsonPayloadError::Deserialize(err) if err.is_syntax() || err.is_eof() => {
                says::JSON_SYNTAX
            }
            _ => says::UNREADABLE,
        };
        let rejection = rejection(RejectionKind::Json, &rejections, &error, detail, request);
        if matches!(error, JsonPayloadError::ContentType) {
            // actix-web answers 400; a body of a media type the handler does not read is
            // a 415 (RFC 9110 §15.5.16), as axum says.
            let status = http::StatusCode::UNSUPPORTED_MEDIA_TYPE;
            let problem = ProblemRejection::new(
                RejectionKind::Json,
                Some(&rejections),
                status,
                detail.to_owned(),
            );
            return problem.under_request(request).into();
        }
        rejection
    })
}

/// A `web::PathConfig` whose rejections are problems under the code of
/// [`Rejections::path`].
///
/// ```
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::path_config;
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// #     USER_ID_INVALID = 404 { title: "No such user", handling: "Show not-found message" },
/// #     PAGE_INVALID = 400 { title: "Invalid page", handling: "Go to the first page" },
/// # } } }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .app_data(path_config(Rejections::new().path(Api::USER_ID_INVALID)))
///             .route("/v1/users/{id}", web::get().to(|id: web::Path<u64>| async move { id.to_string() })),
///     )
///     .await;
///     let request = test::TestRequest::get().uri("/v1/users/ada").to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!((&body["code"], &body["status"]), (&"USER_ID_INVALID".into(), &404.into()));
/// });
/// ```
#[must_use]
pub fn path_config(rejections: Rejections) -> web::PathConfig {
    web::PathConfig::default().error_handler(move |error, request| {
        rejection(
            RejectionKind::Path,
            &rejections,
            &error,
            says::PATH,
            request,
        )
    })
}

/// A `web::QueryConfig` whose rejections are problems under the code of
/// [`Rejections::query`].
///
/// ```
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::query_config;
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     PAYLOAD_INVALID = 422 { title: "Payload invalid", handling: "Highlight invalid fields" },
/// #     USER_ID_INVALID = 404 { title: "No such user", handling: "Show not-found message" },
/// #     PAGE_INVALID = 400 { title: "Invalid page", handling: "Go to the first page" },
/// # } } }
/// # #[derive(serde::Deserialize)]
/// # struct Page { page: u32 }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .app_data(query_config(Rejections::new().query(Api::PAGE_INVALID)))
///             .route("/v1/users", web::get().to(|page: web::Query<Page>| async move { page.page.to_string() })),
///     )
///     .await;
///     let request = test::TestRequest::get().uri("/v1/users?page=x").to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!((&body["code"], &body["status"]), (&"PAGE_INVALID".into(), &400.into()));
///     assert_eq!(body["instance"], "/v1/users");
/// });
/// ```
#[must_use]
pub fn query_config(rejections: Rejections) -> web::QueryConfig {
    web::QueryConfig::default().error_handler(move |error, request| {
        rejection(
            RejectionKind::Query,
            &rejections,
            &error,
            says::QUERY,
            request,
        )
    })
}

/// `web::Json`, but a body of the wrong shape is a problem whose `errors` member points
/// at the field at fault (RFC 9457 §3), as with the `axum` module's `Json`: under the
/// code of [`Rejections::json`] when [`rejections`] registered one, else `about:blank`
/// with status 400. A body that is not JSON at all (wrong content type, too large, a
/// syntax error) is refused by `web::Json` itself, through the `web::JsonConfig` that
/// [`rejections`] registers.
///
/// ```
/// use actix_web::{App, test, web};
/// use problem_codes::actix_web::{Json, rejections};
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Profile { section "Profile" {
/// #     PROFILE_PAYLOAD_INVALID = 422 { title: "Profile update payload invalid", handling: "Highlight invalid fields" },
/// # } } }
///
/// #[derive(serde::Deserialize)]
/// struct Update { nickname: String, links: Vec<String> }
///
/// async fn update(Json(update): Json<Update>) -> String {
///     format!("{} with {} links", update.nickname, update.links.len())
/// }
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .configure(rejections(Rejections::new().json(Profile::PROFILE_PAYLOAD_INVALID)))
///             .route("/v1/profile", web::patch().to(update)),
///     )
///     .await;
///     let request = test::TestRequest::patch().uri("/v1/profile")
///         .set_json(serde_json::json!({ "nickname": "ada", "links": ["https://a", 7] }))
///         .to_request();
///     let body: serde_json::Value = test::call_and_read_body_json(&app, request).await;
///     assert_eq!((&body["code"], &body["status"]), (&"PROFILE_PAYLOAD_INVALID".into(), &422.into()));
///     assert_eq!(body["errors"][0]["pointer"], "#/links/1");
///     // The kind of value found and expected; never the value, never a Rust type.
///     assert_eq!(body["errors"][0]["detail"], "invalid type: number, expected a string");
///
///     let request = test::TestRequest::patch().uri("/v1/profile")
///         .set_json(serde_json::json!({ "nickname": "ada", "links": [] }))
///         .to_request();
///     let body = test::call_and_read_body(&app, request).await;
///     assert_eq!(body, "ada with 0 links");
/// });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The value.
    ///
    /// ```
    /// assert_eq!(problem_codes::actix_web::Json(7).into_inner(), 7);
    /// ```
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> core::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::de::DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = Error;
    type Future = core::pin::Pin<Box<dyn core::future::Future<Output = Result<Json<T>, Error>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // `web::Json` reads and parses the body under the app's `JsonConfig`; the value
        // is then read into `T` with its path tracked, which actix-web's error lacks.
        let value = web::Json::<serde_json::Value>::from_request(request, payload);
        let request = request.clone();
        Box::pin(async move {
            let web::Json(value) = value.await?;
            serde_path_to_error::deserialize(value)
                .map(Json)
                .map_err(|error| {
                    let rejections = request.app_data::<Rejections>();
                    ProblemRejection::new(
                        RejectionKind::Json,
                        rejections,
                        http::StatusCode::BAD_REQUEST,
                        says::JSON_SHAPE.to_owned(),
                    )
                    .with_errors(field_errors(&error))
                    .under_request(&request)
                    .into()
                })
        })
    }
}

/// A rejection with actix-web's status and a fixed `detail`: actix-web's message
/// repeats the input and the server's type names.
fn rejection<E: ResponseError>(
    kind: RejectionKind,
    rejections: &Rejections,
    error: &E,
    detail: &str,
    request: &HttpRequest,
) -> Error {
    let status = http::StatusCode::from_u16(error.status_code().as_u16())
        .unwrap_or(http::StatusCode::BAD_REQUEST);
    ProblemRejection::new(kind, Some(rejections), status, detail.to_owned())
        .under_request(request)
        .into()
}

impl ProblemRejection {
    /// The rejection under the request's catch-all, which then gives `instance` by its
    /// policy; without one, the request path.
    fn under_request(self, request: &HttpRequest) -> ProblemRejection {
        let catch_all = request.extensions().get::<CatchAll>().copied();
        match catch_all {
            Some(catch_all) => self.with_catch_all(Some(&catch_all)),
            None => self.with_instance(request.path()),
        }
    }
}

/// The future of the [`catch_all`] middleware, which a service names when it keeps the
/// middleware in a value of its own.
///
/// ```
/// use actix_web::body::BoxBody;
/// use actix_web::dev::ServiceRequest;
/// use actix_web::middleware::Next;
/// use problem_codes::CatchAll;
/// use problem_codes::actix_web::{CatchAllFuture, catch_all};
///
/// let middleware: Box<dyn Fn(ServiceRequest, Next<BoxBody>) -> CatchAllFuture> =
///     Box::new(catch_all(CatchAll::new()));
/// # drop(middleware);
/// ```
pub type CatchAllFuture = Pin<Box<dyn Future<Output = Result<ServiceResponse<BoxBody>, Error>>>>;

/// A middleware that makes every error response a problem, as the [`CatchAll`] says:
/// an unmatched route (404), a wrong method (405, with actix-web's `Allow`), an
/// unsupported media type (415), a payload too large (413), a handler's panic (500,
/// nothing of its payload in the response), and any other 4xx or 5xx response that is
/// not a problem. Its [`Instance`](crate::Instance) policy and trace member apply to
/// every problem rendered without an `instance`. Wrap it outermost, with
/// `actix_web::middleware::from_fn(catch_all(…))`; it does what [`fill_instance`] does,
/// so that one is not needed too.
///
/// ```
/// use actix_web::{App, middleware::from_fn, test, web};
/// use problem_codes::CatchAll;
/// use problem_codes::actix_web::catch_all;
///
/// actix_web::rt::System::new().block_on(async {
///     let app = test::init_service(
///         App::new()
///             .wrap(from_fn(catch_all(CatchAll::new())))
///             // A resource answers a wrong method with 405; `App::route` with 404.
///             .service(web::resource("/v1/orders").get(|| async { "orders" })),
///     )
///     .await;
///     let request = test::TestRequest::get().uri("/v1/nowhere").to_request();
///     let response = test::call_service(&app, request).await;
///     assert_eq!(response.status(), 404);
///     assert_eq!(response.headers().get("content-type").unwrap(), "application/problem+json");
///     let body: serde_json::Value = test::read_body_json(response).await;
///     assert_eq!(body, serde_json::json!({"title": "Not Found", "status": 404, "instance": "/v1/nowhere"}));
///
///     let request = test::TestRequest::post().uri("/v1/orders").to_request();
///     let response = test::call_service(&app, request).await;
///     assert_eq!(response.status(), 405);
///     assert_eq!(response.headers().get("allow").unwrap(), "GET");
/// });
/// ```
pub fn catch_all<B: MessageBody + 'static>(
    catch_all: CatchAll,
) -> impl Fn(ServiceRequest, Next<B>) -> CatchAllFuture + 'static {
    move |request, next| {
        request.extensions_mut().insert(catch_all);
        let header = |name: &str| {
            request
                .headers()
                .get(name)
                .and_then(|value| value.to_str().ok())
        };
        let occurrence = catch_all.occurrence(request.path(), header("traceparent"));
        #[cfg(feature = "xml")]
        let xml = crate::xml::prefers_xml_in(
            request
                .headers()
                .get_all(::actix_web::http::header::ACCEPT)
                .filter_map(|value| value.to_str().ok()),
        );
        let called = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| next.call(request)));
        Box::pin(async move {
            let outcome = match called {
                Ok(future) => occurrence.in_span(CatchUnwind::new(future)).await,
                Err(payload) => Err(payload),
            };
            let Some(response) = occurrence.settle(outcome)? else {
                // The request went down with the handler: the problem is an error that
                // actix-web renders for the connection.
                let status = http::StatusCode::INTERNAL_SERVER_ERROR;
                return Err(Panicked {
                    problem: catch_all.problem(status, &occurrence),
                    #[cfg(feature = "xml")]
                    xml,
                }
                .into());
            };
            let (request, response) = response.map_into_boxed_body().into_parts();
            let response = complete(response, &catch_all, &occurrence);
            #[cfg(feature = "xml")]
            let response = if xml { as_xml(response) } else { response };
            Ok(ServiceResponse::new(request, response))
        })
    }
}

/// The answer to a handler that panicked: the catch-all's 500 problem, and nothing of
/// the panic.
#[derive(Debug)]
struct Panicked {
    problem: Problem,
    #[cfg(feature = "xml")]
    xml: bool,
}

impl core::fmt::Display for Panicked {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a handler panicked")
    }
}

impl ResponseError for Panicked {
    fn status_code(&self) -> ::actix_web::http::StatusCode {
        ::actix_web::http::StatusCode::INTERNAL_SERVER_ERROR
    }

    fn error_response(&self) -> HttpResponse {
        let response = convert((self.problem.to_response(), None));
        #[cfg(feature = "xml")]
        if self.xml {
            return as_xml(response);
        }
        response
    }
}

/// A response through the catch-all: a problem rendered here gets the occurrence's
/// parts; another error response is replaced by the catch-all's problem, keeping its
/// status and headers (`Allow`, `WWW-Authenticate`…) but none of its body.
fn complete(
    mut response: HttpResponse,
    catch_all: &CatchAll,
    occurrence: &Occurrence,
) -> HttpResponse {
    let pending = response.extensions_mut().remove::<Pending>();
    if let Some(Pending {
        slot,
        body: rendered,
    }) = pending
    {
        if response.headers().contains_key(CONTENT_ENCODING) {
            return response;
        }
        let (response, body) = response.into_parts();
        return match body.try_into_bytes() {
            Ok(bytes) if bytes == rendered => {
                let filled = if occurrence.trace.is_some() {
                    occurrence.complete_body(&bytes)
                } else {
                    occurrence
                        .instance
                        .as_deref()
                        .and_then(|instance| slot.fill(&bytes, instance))
                };
                response.set_body(BoxBody::new(filled.map_or(bytes, Bytes::from)))
            }
            Ok(bytes) => response.set_body(BoxBody::new(bytes)),
            Err(body) => response.set_body(body),
        };
    }
    let status = http::StatusCode::from_u16(response.status().as_u16())
        .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok());
    if is_problem(content_type) || !catch_all.rewrites(status) {
        return response;
    }
    let mut problem = convert((catch_all.problem(status, occurrence).to_response(), None));
    for (name, value) in response.headers() {
        if ![
            CONTENT_TYPE,
            CONTENT_LENGTH,
            CONTENT_ENCODING,
            TRANSFER_ENCODING,
        ]
        .contains(name)
            && !problem.headers().contains_key(name)
        {
            problem.headers_mut().append(name.clone(), value.clone());
        }
    }
    problem
}

/// A problem response in `application/problem+xml`, when its body is a whole JSON
/// problem document within the parse limit; else the response as it is.
#[cfg(feature = "xml")]
fn as_xml(response: HttpResponse) -> HttpResponse {
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value == crate::PROBLEM_JSON);
    if !is_json || response.headers().contains_key(CONTENT_ENCODING) {
        return response;
    }
    let (mut response, body) = response.into_parts();
    match body.try_into_bytes() {
        Ok(bytes) => match Problem::from_json(&bytes) {
            Ok(problem) => {
                response.headers_mut().insert(
                    CONTENT_TYPE,
                    HeaderValue::from_static(crate::xml::PROBLEM_XML),
                );
                response.set_body(BoxBody::new(crate::xml::to_xml(&problem)))
            }
            Err(_) => response.set_body(BoxBody::new(bytes)),
        },
        Err(body) => response.set_body(body),
    }
}
