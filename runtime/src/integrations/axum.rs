//! `axum`: problems are responses, a layer fills `instance` with the request path, and
//! extractors render their rejections as problems.
//!
//! Every type that derives [`ProblemCode`] and every catalog is an
//! [`IntoResponse`], so a handler returns `Result<Json<T>, MyError>` and uses `?`:
//!
//! ```
//! use axum::{Router, response::IntoResponse, routing::get};
//! use problem_codes::ProblemCode;
//! use problem_codes::axum::ProblemLayer;
//! # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
//!
//! let response = UserError::NotFound(7).into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! ```
//!
//! Cargo unifies features: once any crate in the build turns `axum` on, every derived
//! type gets this impl. A type whose crate writes its own `IntoResponse` says so with
//! `#[problem(skip_impl(axum))]`, and the derive leaves that impl out (`actix_web` and
//! `utoipa` are skipped the same way; a catalog says `skip_impl(axum);`):
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
//!
//! let response = LegacyError::Gone.into_response();
//! assert_eq!(response.headers()["content-type"], "text/plain; charset=utf-8");
//! assert_eq!(LegacyError::Gone.code(), "LEGACY_GONE");
//! ```
//!
//! [`ProblemCode`]: crate::ProblemCode

use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, Bytes, HttpBody as _};
use ::axum::extract::path::ErrorKind;
use ::axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::response::{IntoResponse, Response};
use http::header::{CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::request::Parts;
use serde::de::DeserializeOwned;

use crate::integrations::catch_all::{CatchAll, CatchUnwind, Occurrence, is_problem};
use crate::integrations::rejection::{RejectionKind, field_errors, json_kind, says, shown_name};
use crate::render::InstanceSlot;
use crate::{Problem, ProblemCode, Render, ValidationErrors};

use crate::integrations::rejection::{ProblemRejection, Rejections};

/// The response of a problem, as the generated `IntoResponse` impls build it: when it
/// has no `instance`, [`ProblemLayer`] adds the request path.
///
/// A hand-written [`ProblemCode`] type calls it from its own `IntoResponse`:
///
/// ```
/// use axum::response::{IntoResponse, Response};
/// use problem_codes::{Entry, ProblemCode};
///
/// struct Maintenance;
/// impl ProblemCode for Maintenance {
///     fn entry(&self) -> &'static Entry {
///         const E: &Entry = &Entry::new("SERVICE_MAINTENANCE", 503, "Down for maintenance", "/problems/service-maintenance");
///         E
///     }
/// }
/// impl IntoResponse for Maintenance {
///     fn into_response(self) -> Response {
///         problem_codes::axum::into_response(&self)
///     }
/// }
///
/// let response = Maintenance.into_response();
/// assert_eq!(response.status(), 503);
/// assert_eq!(response.headers()["content-type"], "application/problem+json");
/// ```
pub fn into_response<P: ProblemCode + ?Sized>(problem: &P) -> Response {
    let render = Render::new(problem);
    // In the language the layer negotiated for this request, if it did.
    #[cfg(feature = "icu_locale")]
    let render = crate::locale::scope::localize(render);
    with_slot(render.response_with_slot())
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
        with_slot(self.response_with_slot())
    }
}

/// A layer for the outermost router: it gives the [`Json`], [`Path`] and [`Query`]
/// extractors their [`Rejections`], and writes the request path into the `instance` of
/// every problem response that has none.
///
/// ```
/// use axum::{Router, body::Body, routing::get};
/// use http::Request;
/// use problem_codes::axum::ProblemLayer;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
/// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
/// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
/// #     use tower_service::Service as _;
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     let mut run = std::pin::pin!(async {
/// #         let (parts, body) = app.call(request).await?.into_parts();
/// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
/// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
/// #     });
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
///
/// async fn user() -> Result<String, Auth> {
///     Err(Auth::AUTH_USER_NOT_FOUND)
/// }
///
/// let app: Router = Router::new()
///     .route("/v1/users/{id}", get(user))
///     .layer(ProblemLayer::new());
/// // `send` runs one request through the app, as a test client does.
/// let (status, body) = send(app, Request::get("/v1/users/7").body(Body::empty())?)?;
/// assert_eq!(status, 404);
/// assert_eq!(body["code"], "AUTH_USER_NOT_FOUND");
/// assert_eq!(body["instance"], "/v1/users/7");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default)]
#[must_use]
pub struct ProblemLayer {
    rejections: Rejections,
    catch_all: Option<CatchAll>,
    #[cfg(feature = "icu_locale")]
    locales: Option<crate::Locales>,
}

impl ProblemLayer {
    /// A layer with no rejection codes: rejections are `about:blank` problems, with the
    /// framework's status and message.
    ///
    /// ```
    /// use axum::{Router, body::Body, routing::get};
    /// use http::Request;
    /// use problem_codes::axum::{Path, ProblemLayer};
    /// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
    /// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
    /// #     use tower_service::Service as _;
    /// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    /// #     let mut run = std::pin::pin!(async {
    /// #         let (parts, body) = app.call(request).await?.into_parts();
    /// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
    /// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
    /// #     });
    /// #     loop {
    /// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
    /// #     }
    /// # }
    ///
    /// async fn user(Path(id): Path<u64>) -> String {
    ///     id.to_string()
    /// }
    ///
    /// let app: Router = Router::new()
    ///     .route("/v1/users/{id}", get(user))
    ///     .layer(ProblemLayer::new());
    /// let (status, body) = send(app, Request::get("/v1/users/seven").body(Body::empty())?)?;
    /// assert_eq!(status, 400);
    /// assert_eq!(body["type"], serde_json::Value::Null); // about:blank
    /// assert_eq!(body["title"], "Bad Request");
    /// assert_eq!(body["instance"], "/v1/users/seven");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new() -> ProblemLayer {
        ProblemLayer {
            rejections: Rejections::new(),
            catch_all: None,
            #[cfg(feature = "icu_locale")]
            locales: None,
        }
    }

    /// The codes rejections are rendered under; the code's status then wins over the
    /// framework's.
    ///
    /// ```
    /// use axum::{Router, body::Body, routing::post};
    /// use http::Request;
    /// use problem_codes::axum::{Json, ProblemLayer};
    /// use problem_codes::Rejections;
    /// # problem_codes::error_catalog! { pub catalog Profile { section "Profile" {
    /// #     PROFILE_PAYLOAD_INVALID = 422 { title: "Profile update payload invalid", handling: "Highlight invalid fields" },
    /// # } } }
    /// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
    /// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
    /// #     use tower_service::Service as _;
    /// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    /// #     let mut run = std::pin::pin!(async {
    /// #         let (parts, body) = app.call(request).await?.into_parts();
    /// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
    /// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
    /// #     });
    /// #     loop {
    /// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
    /// #     }
    /// # }
    ///
    /// #[derive(serde::Deserialize)]
    /// struct Update { nickname: String }
    ///
    /// async fn update(Json(update): Json<Update>) -> String {
    ///     update.nickname
    /// }
    ///
    /// let rejections = Rejections::new().json(Profile::PROFILE_PAYLOAD_INVALID);
    /// let app: Router = Router::new()
    ///     .route("/v1/profile", post(update))
    ///     .layer(ProblemLayer::new().rejections(rejections));
    /// let request = Request::post("/v1/profile")
    ///     .header("content-type", "application/json")
    ///     .body(Body::from(r#"{"nickname":7}"#))?;
    /// let (status, body) = send(app, request)?;
    /// assert_eq!(status, 422);
    /// assert_eq!(body["code"], "PROFILE_PAYLOAD_INVALID");
    /// assert_eq!(body["errors"][0]["pointer"], "#/nickname");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn rejections(mut self, rejections: Rejections) -> ProblemLayer {
        self.rejections = rejections;
        self
    }
}

impl ProblemLayer {
    /// Makes every error response a problem, as the [`CatchAll`] says: an unmatched
    /// route (404), a wrong method (405, with axum's `Allow`), an unsupported media type
    /// (415), a payload too large (413), a handler's panic (500, nothing of its payload
    /// in the response), and any other 4xx or 5xx response that is not a problem. The
    /// [`CatchAll`]'s [`Instance`](crate::Instance) policy and trace member apply to every
    /// problem response the layer sees.
    ///
    /// ```
    /// use axum::{Router, body::Body, routing::get};
    /// use http::Request;
    /// use problem_codes::CatchAll;
    /// use problem_codes::axum::ProblemLayer;
    /// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
    /// #     -> Result<(http::response::Parts, serde_json::Value), Box<dyn std::error::Error>> {
    /// #     use tower_service::Service as _;
    /// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    /// #     let mut run = std::pin::pin!(async {
    /// #         let (parts, body) = app.call(request).await?.into_parts();
    /// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
    /// #         Ok((parts, serde_json::from_slice(&bytes)?))
    /// #     });
    /// #     loop {
    /// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
    /// #     }
    /// # }
    ///
    /// let app: Router = Router::new()
    ///     .route("/v1/orders", get(|| async { "orders" }))
    ///     .layer(ProblemLayer::new().catch_all(CatchAll::new()));
    /// let (head, body) = send(app.clone(), Request::get("/v1/nowhere").body(Body::empty())?)?;
    /// assert_eq!(head.status, 404);
    /// assert_eq!(head.headers["content-type"], "application/problem+json");
    /// assert_eq!(body, serde_json::json!({"title": "Not Found", "status": 404, "instance": "/v1/nowhere"}));
    ///
    /// let (head, body) = send(app, Request::post("/v1/orders").body(Body::empty())?)?;
    /// assert_eq!(head.status, 405);
    /// assert_eq!(head.headers["allow"], "GET,HEAD");
    /// assert_eq!(body["title"], "Method Not Allowed");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn catch_all(mut self, catch_all: CatchAll) -> ProblemLayer {
        self.catch_all = Some(catch_all);
        self
    }
}

#[cfg(feature = "icu_locale")]
#[cfg_attr(docsrs, doc(cfg(feature = "icu_locale")))]
impl ProblemLayer {
    /// Negotiates each request's language from its `Accept-Language` (see
    /// [`Locales`](crate::Locales)), and renders the problems its handlers return in
    /// it: their responses carry `Content-Language` and `Vary: Accept-Language`. The
    /// language is set while the inner service's future is polled, so a problem
    /// converted into a response in another task is rendered in the default language.
    /// Tracing events keep the default-language title.
    ///
    /// ```
    /// use axum::{Router, body::Body, routing::get};
    /// use http::Request;
    /// use problem_codes::{Locales, catalog_locale};
    /// use problem_codes::axum::ProblemLayer;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
    /// # } } }
    /// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
    /// #     -> Result<(http::response::Parts, serde_json::Value), Box<dyn std::error::Error>> {
    /// #     use tower_service::Service as _;
    /// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    /// #     let mut run = std::pin::pin!(async {
    /// #         let (parts, body) = app.call(request).await?.into_parts();
    /// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
    /// #         Ok((parts, serde_json::from_slice(&bytes)?))
    /// #     });
    /// #     loop {
    /// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
    /// #     }
    /// # }
    /// catalog_locale! {
    ///     pub locale ZH_HANS for Auth = "zh-Hans" { AUTH_USER_NOT_FOUND { title: "用户不存在" } }
    /// }
    ///
    /// async fn user() -> Result<String, Auth> {
    ///     Err(Auth::AUTH_USER_NOT_FOUND)
    /// }
    ///
    /// let layer = ProblemLayer::new().locales(Locales::of::<Auth>(&[&ZH_HANS]));
    /// let app: Router = Router::new().route("/v1/users/{id}", get(user)).layer(layer);
    /// let request = Request::get("/v1/users/7").header("accept-language", "zh-CN,zh;q=0.9");
    /// let (head, body) = send(app, request.body(Body::empty())?)?;
    /// assert_eq!(body["title"], "用户不存在");
    /// assert_eq!(head.headers["content-language"], "zh-Hans");
    /// assert_eq!(head.headers["vary"], "accept-language");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn locales(mut self, locales: crate::Locales) -> ProblemLayer {
        self.locales = Some(locales);
        self
    }
}

impl<S> tower_layer::Layer<S> for ProblemLayer {
    type Service = ProblemService<S>;

    fn layer(&self, inner: S) -> ProblemService<S> {
        ProblemService {
            inner,
            rejections: self.rejections,
            catch_all: self.catch_all,
            #[cfg(feature = "icu_locale")]
            locales: self.locales,
        }
    }
}

/// The service of [`ProblemLayer`], which wraps a router; see the example there.
#[derive(Debug, Clone)]
pub struct ProblemService<S> {
    inner: S,
    rejections: Rejections,
    catch_all: Option<CatchAll>,
    #[cfg(feature = "icu_locale")]
    locales: Option<crate::Locales>,
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
        #[cfg(feature = "icu_locale")]
        let chosen = self.locales.map(|locales| {
            let header = crate::locale::scope::accept_language(request.headers());
            crate::locale::scope::Chosen::of(&locales, header)
        });
        #[cfg(not(feature = "icu_locale"))]
        let chosen = None;
        let path = request.uri().path().to_owned();
        let Some(catch_all) = self.catch_all else {
            let future = self.inner.call(request);
            return Box::pin(async move {
                let future = core::pin::pin!(future);
                let response = in_language(chosen, future).await?;
                let response = fill_instance(response, |bytes, slot| slot.fill(bytes, &path)).await;
                Ok(vary(chosen.is_some(), response))
            });
        };
        request.extensions_mut().insert(catch_all);
        let traceparent = request.headers().get("traceparent");
        let occurrence = catch_all.occurrence(&path, traceparent.and_then(|v| v.to_str().ok()));
        #[cfg(feature = "xml")]
        let xml = crate::xml::prefers_xml(request.headers());
        let inner = &mut self.inner;
        let called = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.call(request)));
        Box::pin(async move {
            let outcome = match called {
                Ok(future) => {
                    let future = core::pin::pin!(future);
                    let future = in_language(chosen, future);
                    occurrence.in_span(CatchUnwind::new(future)).await
                }
                Err(payload) => Err(payload),
            };
            let response = occurrence.settle(outcome)?;
            let response = match response {
                Some(response) => complete(response, &catch_all, &occurrence).await,
                None => {
                    let status = http::StatusCode::INTERNAL_SERVER_ERROR;
                    with_slot((catch_all.problem(status, &occurrence).to_response(), None))
                }
            };
            #[cfg(feature = "xml")]
            let response = if xml {
                as_xml(response).await
            } else {
                response
            };
            Ok(vary(chosen.is_some(), response))
        })
    }
}

/// The inner future, polled in the negotiated language when there is one.
#[cfg(feature = "icu_locale")]
fn in_language<F>(
    chosen: Option<crate::locale::scope::Chosen>,
    future: Pin<&mut F>,
) -> crate::locale::scope::InLanguage<'_, F> {
    crate::locale::scope::InLanguage::new(chosen, future)
}

#[cfg(not(feature = "icu_locale"))]
fn in_language<F>(_: Option<core::convert::Infallible>, future: Pin<&mut F>) -> Pin<&mut F> {
    future
}

/// `Vary: Accept-Language` on a problem response, when the layer negotiates.
#[cfg_attr(not(feature = "icu_locale"), allow(unused_mut))]
fn vary(negotiated: bool, mut response: Response) -> Response {
    #[cfg(feature = "icu_locale")]
    if negotiated
        && is_problem(
            response
                .headers()
                .get(CONTENT_TYPE)
                .and_then(|value| value.to_str().ok()),
        )
    {
        crate::locale::scope::vary(response.headers_mut());
    }
    #[cfg(not(feature = "icu_locale"))]
    let _ = negotiated;
    response
}

/// A response through the catch-all: a problem rendered here gets the occurrence's
/// parts; another error response is replaced by the catch-all's problem, keeping its
/// status and headers (`Allow`, `WWW-Authenticate`…) but none of its body.
async fn complete(response: Response, catch_all: &CatchAll, occurrence: &Occurrence) -> Response {
    if response.extensions().get::<Pending>().is_some() {
        return fill_instance(response, |bytes, slot| {
            if occurrence.trace.is_some() {
                occurrence.complete_body(bytes)
            } else {
                occurrence
                    .instance
                    .as_deref()
                    .and_then(|instance| slot.fill(bytes, instance))
            }
        })
        .await;
    }
    let status = response.status();
    let content_type = response.headers().get(CONTENT_TYPE);
    if is_problem(content_type.and_then(|v| v.to_str().ok())) || !catch_all.rewrites(status) {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let (head, body) = catch_all
        .problem(status, occurrence)
        .to_response()
        .into_parts();
    for name in [
        CONTENT_TYPE,
        CONTENT_LENGTH,
        CONTENT_ENCODING,
        TRANSFER_ENCODING,
    ] {
        parts.headers.remove(name);
    }
    parts.headers.extend(head.headers);
    Response::from_parts(parts, Body::from(body))
}

/// A problem response in `application/problem+xml`, when its body is a whole JSON
/// problem document within the parse limit; else the response as it is.
#[cfg(feature = "xml")]
async fn as_xml(response: Response) -> Response {
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|value| value == crate::PROBLEM_JSON);
    if !is_json || response.headers().contains_key(CONTENT_ENCODING) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let limit = crate::ParseLimits::DEFAULT.max_bytes();
    let Ok(bytes) = ::axum::body::to_bytes(body, limit).await else {
        parts.status = http::StatusCode::INTERNAL_SERVER_ERROR;
        parts.headers.remove(CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    };
    match Problem::from_json(&bytes) {
        Ok(problem) => {
            parts.headers.remove(CONTENT_LENGTH);
            parts.headers.insert(
                CONTENT_TYPE,
                http::HeaderValue::from_static(crate::xml::PROBLEM_XML),
            );
            Response::from_parts(parts, Body::from(crate::xml::to_xml(&problem)))
        }
        Err(_) => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// Writes `instance` into a problem response the layer saw rendered without one, when
/// the body that reaches the layer is, byte for byte, the one rendered.
///
/// An inner middleware may have rewritten the body (a redaction keeps its length): then
/// the body is served as that middleware left it, without `instance`. Its bytes are
/// never replaced by the rendered copy, and `instance` is never spliced into bytes that
/// are not known to be a rendered document.
async fn fill_instance(
    mut response: Response,
    fill: impl FnOnce(&Bytes, InstanceSlot) -> Option<Vec<u8>>,
) -> Response {
    let Some(Pending {
        slot,
        body: rendered,
    }) = response.extensions_mut().remove::<Pending>()
    else {
        return response;
    };
    let same_length = response.body().size_hint().exact() == Some(slot.len() as u64)
        && !response.headers().contains_key(CONTENT_ENCODING);
    if !same_length {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let body = match read_whole(body, slot.len()).await {
        Ok(bytes) if bytes == rendered => match fill(&bytes, slot) {
            Some(filled) => {
                parts.headers.remove(CONTENT_LENGTH);
                Body::from(filled)
            }
            None => Body::from(bytes),
        },
        Ok(bytes) => Body::from(bytes),
        Err(replay) => Body::new(replay),
    };
    Response::from_parts(parts, body)
}

/// The whole of a body that says it is `len` bytes long, or, when it is not only that
/// many data bytes (it errs, has trailers or is longer), a body that replays what was
/// read and then goes on with the rest.
async fn read_whole(mut body: Body, len: usize) -> Result<Bytes, Replay> {
    let mut read = Vec::new();
    let mut total = 0usize;
    loop {
        let frame = core::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await;
        match frame {
            None => break,
            Some(Ok(frame)) => match frame.into_data() {
                Ok(data) => {
                    total += data.len();
                    read.push(Ok(http_body::Frame::data(data)));
                    if total > len {
                        return Err(Replay::new(read, Some(body)));
                    }
                }
                Err(frame) => {
                    read.push(Ok(frame));
                    return Err(Replay::new(read, Some(body)));
                }
            },
            Some(Err(err)) => {
                read.push(Err(err));
                return Err(Replay::new(read, None));
            }
        }
    }
    let mut chunks = read
        .into_iter()
        .filter_map(|frame| frame.ok().and_then(|frame| frame.into_data().ok()));
    match (chunks.next(), chunks.next()) {
        (None, _) => Ok(Bytes::new()),
        (Some(one), None) => Ok(one),
        (Some(first), Some(second)) => {
            let mut whole = Vec::with_capacity(total);
            for chunk in [first, second].into_iter().chain(chunks) {
                whole.extend_from_slice(&chunk);
            }
            Ok(Bytes::from(whole))
        }
    }
}

/// The frames already read from a body, then the rest of it.
struct Replay {
    read: std::collections::VecDeque<Result<http_body::Frame<Bytes>, ::axum::Error>>,
    rest: Option<Body>,
}

impl Replay {
    fn new(
        read: Vec<Result<http_body::Frame<Bytes>, ::axum::Error>>,
        rest: Option<Body>,
    ) -> Replay {
        Replay {
            read: read.into(),
            rest,
        }
    }
}

impl http_body::Body for Replay {
    type Data = Bytes;
    type Error = ::axum::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, ::axum::Error>>> {
        let this = self.get_mut();
        if let Some(frame) = this.read.pop_front() {
            return Poll::Ready(Some(frame));
        }
        match this.rest.as_mut() {
            Some(rest) => Pin::new(rest).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }
}

/// `axum::Json`, whose rejection is a problem under the code of [`Rejections::json`];
/// a body of the wrong shape also gets an `errors` member pointing at the field.
///
/// It is a response too, as `axum::Json` is.
///
/// ```
/// use axum::{Router, body::Body, routing::post};
/// use http::Request;
/// use problem_codes::axum::{Json, ProblemLayer};
/// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
/// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
/// #     use tower_service::Service as _;
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     let mut run = std::pin::pin!(async {
/// #         let (parts, body) = app.call(request).await?.into_parts();
/// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
/// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
/// #     });
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
///
/// #[derive(serde::Deserialize, serde::Serialize)]
/// struct Update { nickname: String }
///
/// async fn update(Json(update): Json<Update>) -> Json<Update> {
///     Json(update)
/// }
///
/// let app: Router = Router::new().route("/v1/profile", post(update)).layer(ProblemLayer::new());
/// let json = |body: &'static str| Request::post("/v1/profile")
///     .header("content-type", "application/json")
///     .body(Body::from(body));
/// let (status, body) = send(app.clone(), json(r#"{"nickname":"ann"}"#)?)?;
/// assert_eq!((status.as_u16(), &body["nickname"]), (200, &serde_json::json!("ann")));
///
/// let (status, body) = send(app, json(r#"{"nickname":7}"#)?)?;
/// assert_eq!(status, 422);
/// assert_eq!(body["errors"][0]["pointer"], "#/nickname");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
        let catch_all = request.extensions().get::<CatchAll>().copied();
        let path = request.uri().path().to_owned();
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => {
                let errors = json_errors(&rejection);
                Err(ProblemRejection::new(
                    RejectionKind::Json,
                    rejections.as_ref(),
                    rejection.status(),
                    json_detail(&rejection).to_owned(),
                )
                .with_errors(errors)
                .under(catch_all.as_ref(), &path))
            }
        }
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// What is wrong with a JSON body, in words that repeat nothing of it.
fn json_detail(rejection: &JsonRejection) -> &'static str {
    match rejection {
        JsonRejection::JsonDataError(_) => says::JSON_SHAPE,
        JsonRejection::JsonSyntaxError(_) => says::JSON_SYNTAX,
        JsonRejection::MissingJsonContentType(_) => says::JSON_CONTENT_TYPE,
        _ if rejection.status() == http::StatusCode::PAYLOAD_TOO_LARGE => says::TOO_LARGE,
        _ => says::UNREADABLE,
    }
}

/// What is wrong with the path parameters: the parameter's name when axum gives it
/// (the route's own name) and the JSON kind expected, never the value or the type.
fn path_detail(rejection: &PathRejection) -> String {
    let PathRejection::FailedToDeserializePathParams(failed) = rejection else {
        return says::PATH.to_owned();
    };
    let (name, expected) = match failed.kind() {
        ErrorKind::ParseErrorAtKey {
            key, expected_type, ..
        } => (shown_name(key), json_kind(expected_type)),
        ErrorKind::DeserializeError { key, .. } | ErrorKind::InvalidUtf8InPathParam { key } => {
            (shown_name(key), None)
        }
        ErrorKind::ParseError { expected_type, .. }
        | ErrorKind::ParseErrorAtIndex { expected_type, .. } => (None, json_kind(expected_type)),
        _ => (None, None),
    };
    let expected = expected.map_or_else(String::new, |kind| format!(", expected {kind}"));
    match name {
        Some(name) => format!("The path parameter `{name}` is invalid{expected}"),
        None => format!("{}{expected}", says::PATH),
    }
}

/// What is wrong with the query string: the parameter's name when it is plain, never
/// the value or the type.
fn query_detail(rejection: &QueryRejection) -> String {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = source {
        if let Some(error) =
            error.downcast_ref::<serde_path_to_error::Error<serde::de::value::Error>>()
        {
            let name = error.path().iter().find_map(|segment| match segment {
                serde_path_to_error::Segment::Map { key } => shown_name(key),
                _ => None,
            });
            if let Some(name) = name {
                return format!("The query parameter `{name}` is invalid");
            }
            break;
        }
        source = error.source();
    }
    says::QUERY.to_owned()
}

/// The field a JSON body of the wrong shape is wrong at, from the path that axum's
/// deserializer tracked.
fn json_errors(rejection: &JsonRejection) -> ValidationErrors {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = source {
        if let Some(error) = error.downcast_ref::<serde_path_to_error::Error<serde_json::Error>>() {
            return field_errors(error);
        }
        source = error.source();
    }
    ValidationErrors::new()
}

/// `axum::extract::Path`, whose rejection is a problem under the code of
/// [`Rejections::path`].
///
/// ```
/// use axum::{Router, body::Body, routing::get};
/// use http::Request;
/// use problem_codes::axum::{Path, ProblemLayer};
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Session { section "Session" {
/// #     SESSION_ID_INVALID = 422 { title: "Invalid session id", handling: "Refresh" },
/// # } } }
/// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
/// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
/// #     use tower_service::Service as _;
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     let mut run = std::pin::pin!(async {
/// #         let (parts, body) = app.call(request).await?.into_parts();
/// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
/// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
/// #     });
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
///
/// async fn session(Path(id): Path<u64>) -> String {
///     id.to_string()
/// }
///
/// let layer = ProblemLayer::new().rejections(Rejections::new().path(Session::SESSION_ID_INVALID));
/// let app: Router = Router::new().route("/v1/sessions/{id}", get(session)).layer(layer);
/// let (status, body) = send(app, Request::get("/v1/sessions/abc").body(Body::empty())?)?;
/// assert_eq!(status, 422);
/// assert_eq!(body["code"], "SESSION_ID_INVALID");
/// assert_eq!(body["instance"], "/v1/sessions/abc");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
                path_detail(&rejection),
            )),
        }
    }
}

/// `axum::extract::Query`, whose rejection is a problem under the code of
/// [`Rejections::query`].
///
/// ```
/// use axum::{Router, body::Body, routing::get};
/// use http::Request;
/// use problem_codes::axum::{ProblemLayer, Query};
/// use problem_codes::Rejections;
/// # problem_codes::error_catalog! { pub catalog Api { section "Api" {
/// #     API_QUERY_INVALID = 400 { title: "Query string invalid", handling: "Fix the request" },
/// # } } }
/// # fn send(mut app: axum::Router, request: http::Request<axum::body::Body>)
/// #     -> Result<(http::StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
/// #     use tower_service::Service as _;
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     let mut run = std::pin::pin!(async {
/// #         let (parts, body) = app.call(request).await?.into_parts();
/// #         let bytes = axum::body::to_bytes(body, 1 << 16).await?;
/// #         Ok((parts.status, serde_json::from_slice(&bytes)?))
/// #     });
/// #     loop {
/// #         if let std::task::Poll::Ready(out) = run.as_mut().poll(&mut cx) { return out; }
/// #     }
/// # }
///
/// #[derive(serde::Deserialize)]
/// struct Page { page: u32 }
///
/// async fn list(Query(page): Query<Page>) -> String {
///     page.page.to_string()
/// }
///
/// let layer = ProblemLayer::new().rejections(Rejections::new().query(Api::API_QUERY_INVALID));
/// let app: Router = Router::new().route("/v1/orders", get(list)).layer(layer);
/// let (status, body) = send(app, Request::get("/v1/orders?page=last").body(Body::empty())?)?;
/// assert_eq!(status, 400);
/// assert_eq!(body["code"], "API_QUERY_INVALID");
/// assert!(body["detail"].as_str().is_some_and(|detail| detail.contains("page")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
                query_detail(&rejection),
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
        .under(parts.extensions.get::<CatchAll>(), parts.uri.path())
}

impl ProblemRejection {
    /// The rejection under the layer's catch-all, which then gives `instance` by its
    /// policy; without one, the request path.
    fn under(self, catch_all: Option<&CatchAll>, path: &str) -> ProblemRejection {
        match catch_all {
            Some(catch_all) => self.with_catch_all(Some(catch_all)),
            None => self.with_instance(path),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One data frame of `data`, then trailers, with an exact size hint.
    struct WithTrailers {
        data: Option<Bytes>,
        trailers: Option<http::HeaderMap>,
    }

    impl http_body::Body for WithTrailers {
        type Data = Bytes;
        type Error = ::axum::Error;

        fn poll_frame(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<http_body::Frame<Bytes>, ::axum::Error>>> {
            let this = self.get_mut();
            if let Some(data) = this.data.take() {
                return Poll::Ready(Some(Ok(http_body::Frame::data(data))));
            }
            Poll::Ready(
                this.trailers
                    .take()
                    .map(|t| Ok(http_body::Frame::trailers(t))),
            )
        }

        fn size_hint(&self) -> http_body::SizeHint {
            http_body::SizeHint::with_exact(self.data.as_ref().map_or(0, |d| d.len() as u64))
        }
    }

    fn block_on<F: Future>(future: F) -> F::Output {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        let mut future = core::pin::pin!(future);
        loop {
            if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
        }
    }

    fn collect(body: Body) -> (Vec<u8>, Option<http::HeaderMap>) {
        block_on(async {
            let mut body = body;
            let (mut data, mut trailers) = (Vec::new(), None);
            while let Some(frame) =
                core::future::poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await
            {
                match frame.map(http_body::Frame::into_data) {
                    Ok(Ok(bytes)) => data.extend_from_slice(&bytes),
                    Ok(Err(frame)) => trailers = frame.into_trailers().ok(),
                    Err(_) => break,
                }
            }
            (data, trailers)
        })
    }

    #[test]
    fn a_body_with_trailers_is_replayed_whole_and_not_filled() {
        let (response, slot) = Problem::new(http::StatusCode::CONFLICT).response_with_slot();
        let rendered = Bytes::from(response.body().clone());
        let slot = slot.expect("no instance, so a slot");
        let mut trailers = http::HeaderMap::new();
        trailers.insert("x-checksum", http::HeaderValue::from_static("1"));
        let (parts, _) = response.into_parts();
        let mut response = Response::from_parts(
            parts,
            Body::new(WithTrailers {
                data: Some(rendered.clone()),
                trailers: Some(trailers),
            }),
        );
        response.extensions_mut().insert(Pending {
            slot,
            body: rendered.clone(),
        });
        let served = block_on(fill_instance(response, |bytes, slot| {
            slot.fill(bytes, "/v1/orders/7")
        }));
        let (data, trailers) = collect(served.into_body());
        assert_eq!(data, rendered);
        assert_eq!(trailers.map(|t| t.len()), Some(1));
    }

    #[test]
    fn the_rendered_body_gets_the_instance() {
        let served = block_on(fill_instance(
            Problem::new(http::StatusCode::CONFLICT).into_response(),
            |bytes, slot| slot.fill(bytes, "/v1/orders/7"),
        ));
        let (data, _) = collect(served.into_body());
        let problem = Problem::from_json(&data).expect("a problem");
        assert_eq!(problem.instance(), Some("/v1/orders/7"));
    }
}
