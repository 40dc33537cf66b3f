//! The eryao service on actix-web.

use actix_web::{HttpResponse, web};
use problem_codes::actix_web::{Json, rejections};

use super::{AgentError, OtpError, PointsError, ProfileError, ProfileUpdate};

/// Registers the service's routes and rejection codes on an app (which should also
/// wrap the `fill_instance` middleware, and `negotiate(LOCALES)` to answer in zh-Hans).
pub fn configure(config: &mut web::ServiceConfig) {
    rejections(super::rejections())(config);
    config
        .route("/v1/auth/otp", web::post().to(otp))
        .route("/v1/agent/runs", web::post().to(run))
        .route("/v1/profile", web::patch().to(profile))
        .route("/v1/agent/transcribe", web::post().to(transcribe))
        .route("/v1/agent/sessions/{id}", web::get().to(session));
}

async fn otp() -> Result<HttpResponse, OtpError> {
    super::request_otp().map(|()| HttpResponse::NoContent().finish())
}

async fn run() -> Result<HttpResponse, PointsError> {
    super::start_run(super::BALANCE).map(|()| HttpResponse::Created().finish())
}

async fn profile(
    Json(update): Json<ProfileUpdate>,
) -> Result<web::Json<ProfileUpdate>, ProfileError> {
    Ok(web::Json(super::update_profile(update)?))
}

async fn transcribe() -> Result<String, AgentError> {
    super::transcribe()
}

async fn session(id: web::Path<u64>) -> Result<String, AgentError> {
    super::session(id.into_inner())
}
