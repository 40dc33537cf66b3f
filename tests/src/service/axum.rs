//! The eryao service on axum: `cargo run --example server --features axum`.

use axum::Router;
use axum::routing::{get, patch, post};
use problem_codes::axum::{Json, Path, ProblemLayer};

use super::{AgentError, OtpError, PointsError, ProfileError, ProfileUpdate};

/// The service's routes, behind the problem layer (instances, rejection codes and the
/// language negotiated from `Accept-Language`).
pub fn router() -> Router {
    Router::new()
        .route("/v1/auth/otp", post(otp))
        .route("/v1/agent/runs", post(run))
        .route("/v1/profile", patch(profile))
        .route("/v1/agent/transcribe", post(transcribe))
        .route("/v1/agent/sessions/{id}", get(session))
        .layer(
            ProblemLayer::new()
                .rejections(super::rejections())
                .locales(super::LOCALES),
        )
}

async fn otp() -> Result<(), OtpError> {
    super::request_otp()
}

async fn run() -> Result<(), PointsError> {
    super::start_run(super::BALANCE)
}

async fn profile(Json(update): Json<ProfileUpdate>) -> Result<Json<ProfileUpdate>, ProfileError> {
    Ok(Json(super::update_profile(update)?))
}

async fn transcribe() -> Result<String, AgentError> {
    super::transcribe()
}

async fn session(Path(id): Path<u64>) -> Result<String, AgentError> {
    super::session(id)
}
