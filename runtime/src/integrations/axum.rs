//! `axum`: problems are responses, a layer fills `instance` with the request path, and
//! extractors render their rejections as problems.
//!
//! Every type that derives [`ProblemCode`] and every catalog is an
//! [`IntoResponse`], so a handler returns `Result<Json<T>, MyError>` and uses `?`:
//!
//! ```
//! use axum::{Router, routing::get};
//! use problem_codes::ProblemCode;
//! use problem_codes::axum::ProblemLayer;
//! # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
//! # } } }
//!
//! #[derive(Debug, ProblemCode)]
//! #[problem(catalog = Auth)]
//! enum UserError {
//!     #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
//!     NotFound(u64),
//! }
//!
//! async fn user() -> Result<String, UserError> {
//!     Err(UserError::NotFound(7))
//! }
//!
//! let app: Router = Router::new()
//!     .route("/v1/users/7", get(user))
//!     .layer(ProblemLayer::new());
//! ```
//!
//! Cargo unifies features: once any crate in the build turns `axum` on, every derived
//! type gets this impl. A type whose crate writes its own `IntoResponse` says so with
//! `#[problem(skip_impl(axum))]`, and the derive leaves that impl out (`actix_web` and
//! `utoipa` are skipped the same way):
//!
//! ```
//! use axum::response::{IntoResponse, Response};
//! use problem_codes::ProblemCode;
//!
//! #[derive(Debug, ProblemCode)]
//! #[problem(skip_impl(axum))]
//! enum LegacyError {
//!     #[problem(code = "LEGACY_GONE", status = 410, title = "Gone")]
//!     Gone,
//! }
//!
//! impl IntoResponse for LegacyError {
//!     fn into_response(self) -> Response {
//!         (http::StatusCode::GONE, "gone").into_response()
//!     }
//! }
//! ```
//!
//! [`ProblemCode`]: crate::ProblemCode

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, Bytes, HttpBody as _};
use ::axum::extract::rejection::JsonRejection;
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::response::{IntoResponse, Response};
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH};
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::integrations::rejection::RejectionKind;
use crate::render::InstanceSlot;
use crate::{JsonPointer, Problem, ProblemCode, Render, ValidationErrors};

pub use crate::integrations::rejection::{ProblemRejection, Rejections};

/// The response of a problem, as the generated `IntoResponse` impls build it: when it
/// has no `instance`, [`ProblemLayer`] adds the request path.
pub fn into_response<P: ProblemCode + ?Sized>(problem: &P) -> Response {
    with_slot(Render::new(problem).response_with_slot())
}

fn with_slot((response, slot): (http::Response<Vec<u8>>, Option<InstanceSlot>)) -> Response {
    let (mut parts, body) = response.into_parts();
    let body = Bytes::from(body);
    if let Some(slot) = slot {
        parts.extensions.insert(Pending {
            slot,
            body: body.clone(),
        });
    }
    Response::from_parts(parts, Body::from(body))
}

/// A problem body that has no `instance` yet, kept beside the response for the layer.
#[derive(Clone)]
struct Pending {
    slot: InstanceSlot,
    body: Bytes,
}

impl<P: ProblemCode + ?Sized> IntoResponse for Render<'_, P> {
    fn into_response(self) -> Response {
        with_slot(self.response_with_slot())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        with_slot(self.response_with_slot())
    }
}

impl IntoResponse for ProblemRejection {
    fn into_response(self) -> Response {
        with_slot((self.to_response(), None))
    }
}

/// A layer for the outermost router: it gives the [`Json`], [`Path`] and [`Query`]
/// extractors their [`Rejections`], and writes the request path into the `instance` of
/// every problem response that has none.
///
/// ```
/// use axum::{Router, routing::post};
/// use problem_codes::axum::{Json, ProblemLayer, Rejections};
/// # problem_codes::error_catalog! { pub catalog Profile { section "Profile" {
/// #     PROFILE_PAYLOAD_INVALID = 422 { meaning: "Profile update payload invalid", handling: "Highlight invalid fields" },
/// # } } }
///
/// #[derive(serde::Deserialize)]
/// struct Update { nickname: String }
///
/// async fn update(Json(update): Json<Update>) -> String {
///     update.nickname
/// }
///
/// let app: Router = Router::new()
///     .route("/v1/profile", post(update))
///     .layer(ProblemLayer::new().rejections(Rejections::new().json(Profile::PROFILE_PAYLOAD_INVALID)));
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct ProblemLayer {
    rejections: Rejections,
}

impl ProblemLayer {
    /// A layer with no rejection codes: rejections are `about:blank` problems.
    pub const fn new() -> ProblemLayer {
        ProblemLayer {
            rejections: Rejections::new(),
        }
    }

    /// The codes rejections are rendered under.
    pub fn rejections(mut self, rejections: Rejections) -> ProblemLayer {
        self.rejections = rejections;
        self
    }
}

impl<S> tower_layer::Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService {
            inner,
            rejections: self.rejections,
        }
    }
}

/// The service of [`ProblemLayer`].
#[derive(Debug, Clone)]
pub struct ProblemService<S> {
    inner: S,
    rejections: Rejections,
}

impl<S> tower_service::Service<Request> for ProblemService<S>
where
    S: tower_service::Service<Request, Response = Response>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        request.extensions_mut().insert(self.rejections);
        let path = request.uri().path().to_owned();
        let future = self.inner.call(request);
        Box::pin(async move { future.await.map(|response| fill_instance(response, &path)) })
    }
}

/// Writes `instance` into a problem response the layer saw rendered without one, if its
/// body is still the one rendered.
fn fill_instance(mut response: Response, instance: &str) -> Response {
    let Some(Pending { slot, body }) = response.extensions_mut().remove::<Pending>() else {
        return response;
    };
    let unchanged = response.body().size_hint().exact() == Some(slot.len() as u64)
        && !response.headers().contains_key(CONTENT_ENCODING);
    if !unchanged {
        return response;
    }
    let Some(filled) = slot.fill(&body, instance) else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(filled))
}

/// `axum::Json`, whose rejection is a problem under the code of [`Rejections::json`];
/// a body of the wrong shape also gets an `errors` member pointing at the field.
///
/// It is a response too, as `axum::Json` is.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ProblemRejection;

    async fn from_request(request: Request, state: &S) -> Result<Json<T>, ProblemRejection> {
        let rejections = request.extensions().get::<Rejections>().copied();
        let path = request.uri().path().to_owned();
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => {
                let errors = json_errors(&rejection);
                Err(ProblemRejection::new(
                    RejectionKind::Json,
                    rejections.as_ref(),
                    rejection.status(),
                    rejection.body_text(),
                )
                .with_errors(errors)
                .with_instance(&path))
            }
        }
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// The field a JSON body of the wrong shape is wrong at, from the path that axum's
/// deserializer tracked.
fn json_errors(rejection: &JsonRejection) -> ValidationErrors {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = source {
        if let Some(error) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            if !matches!(error.inner().classify(), serde_json::error::Category::Data) {
                break;
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
            return ValidationErrors::new().with(pointer, error.inner().to_string());
        }
        source = error.source();
    }
    ValidationErrors::new()
}

/// `axum::extract::Path`, whose rejection is a problem under the code of
/// [`Rejections::path`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = ProblemRejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Path<T>, ProblemRejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(parts_rejection(
                parts,
                RejectionKind::Path,
                rejection.status(),
                rejection.body_text(),
            )),
        }
    }
}

/// `axum::extract::Query`, whose rejection is a problem under the code of
/// [`Rejections::query`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ProblemRejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Query<T>, ProblemRejection> {
        match ::axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(parts_rejection(
                parts,
                RejectionKind::Query,
                rejection.status(),
                rejection.body_text(),
            )),
        }
    }
}

fn parts_rejection(
    parts: &Parts,
    kind: RejectionKind,
    status: http::StatusCode,
    detail: String,
) -> ProblemRejection {
    ProblemRejection::new(kind, parts.extensions.get::<Rejections>(), status, detail)
        .with_instance(parts.uri.path())
}
