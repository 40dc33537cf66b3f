//! A small eryao service whose endpoints fail with real codes of the catalog, served by
//! axum (`service::axum`, the example server) and by actix-web (`service::actix`, in a
//! test). The logic is here once; each framework module only wires it.
//!
//! | endpoint | fails with |
//! |---|---|
//! | `POST /v1/auth/otp` | `AUTH_TOO_MANY_REQUESTS`, 429, `Retry-After: 30` |
//! | `POST /v1/agent/runs` | `POINTS_INSUFFICIENT_BALANCE`, 402, `balance` and `required` members, `X-Points-Balance` |
//! | `PATCH /v1/profile` | `PROFILE_PAYLOAD_INVALID`, 422, an `errors` array of JSON Pointers |
//! | `POST /v1/agent/transcribe` | `AGENT_ASR_UNAVAILABLE`, 502; the upstream error stays in the logs |
//! | `GET /v1/agent/sessions/{id}` | `AGENT_SESSION_NOT_FOUND`, 404; a non-numeric id `AGENT_SESSION_ID_INVALID` |

#[cfg(feature = "actix-web")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;

use problem_codes::{JsonPointer, ProblemCode, ValidationErrors};
use serde::{Deserialize, Serialize};

use crate::eryao::{AgentPoints, AgentSession, Auth, Profile};

/// The wait the OTP endpoint asks for.
pub const OTP_WAIT_SECONDS: u64 = 30;
/// The points the demo user has.
pub const BALANCE: u32 = 3;
/// The points a run costs.
pub const RUN_COST: u32 = 10;
/// The longest nickname, in characters.
pub const MAX_NICKNAME: usize = 20;
/// The longest bio, in characters.
pub const MAX_BIO: usize = 160;

/// The languages the service answers in: the catalog's English and its `zh-Hans`.
#[cfg(feature = "icu_locale")]
pub const LOCALES: problem_codes::Locales =
    problem_codes::Locales::of::<crate::eryao::Eryao>(&[&crate::eryao::ZH_HANS]);

/// Errors of the OTP endpoint.
#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Auth)]
pub enum OtpError {
    /// Too many OTP requests for this phone number.
    #[error("OTP throttled for {seconds}s")]
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        /// Seconds to wait.
        #[problem(retry_after)]
        seconds: u64,
    },
}

/// Errors of starting an agent run.
#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = AgentPoints)]
pub enum PointsError {
    /// The run costs more points than the user has.
    #[error("balance {balance} below cost {required}")]
    #[problem(
        POINTS_INSUFFICIENT_BALANCE,
        detail = "This run needs {required} points; you have {balance}"
    )]
    Insufficient {
        /// The user's points, also sent as `X-Points-Balance`.
        #[problem(extension, header = "x-points-balance")]
        balance: u32,
        /// The points the run costs.
        #[problem(extension)]
        required: u32,
    },
}

/// Errors of the profile update.
#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Profile)]
pub enum ProfileError {
    /// Fields of the update break the profile's rules.
    #[error("invalid profile update: {} field(s)", errors.len())]
    #[problem(PROFILE_PAYLOAD_INVALID, detail = "Some fields are invalid")]
    Invalid {
        /// Each invalid field, with a JSON Pointer into the request body.
        #[problem(extension)]
        errors: ValidationErrors,
    },
}

/// A failure of the upstream speech recognizer: internal, never on the wire.
#[derive(Debug, thiserror::Error)]
#[error("ASR upstream {endpoint} failed")]
pub struct AsrError {
    /// The upstream's address.
    pub endpoint: &'static str,
    /// What the connection said.
    #[source]
    pub cause: std::io::Error,
}

/// Errors of the agent endpoints.
#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = AgentSession)]
pub enum AgentError {
    /// The speech recognizer is down; its error goes to the logs only.
    #[error("transcription failed")]
    #[problem(
        AGENT_ASR_UNAVAILABLE,
        detail = "Speech recognition is unavailable, please type your message"
    )]
    AsrUnavailable(#[source] AsrError),
    /// No session with this id.
    #[error("session {0} not found")]
    #[problem(AGENT_SESSION_NOT_FOUND, detail = "No session {0}")]
    SessionNotFound(u64),
}

/// The body of `PATCH /v1/profile`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileUpdate {
    /// Shown to other users; 1 to 20 characters.
    pub nickname: String,
    /// Optional; at most 160 characters.
    #[serde(default)]
    pub bio: Option<String>,
    /// Links on the profile; each must start with `https://`.
    #[serde(default)]
    pub links: Vec<String>,
}

/// `POST /v1/auth/otp`: the demo user has asked too often.
///
/// # Errors
///
/// Always [`OtpError::Throttled`].
pub fn request_otp() -> Result<(), OtpError> {
    Err(OtpError::Throttled {
        seconds: OTP_WAIT_SECONDS,
    })
}

/// `POST /v1/agent/runs`: the demo user cannot afford a run.
///
/// # Errors
///
/// [`PointsError::Insufficient`] while the balance is below the cost.
pub fn start_run(balance: u32) -> Result<(), PointsError> {
    if balance < RUN_COST {
        return Err(PointsError::Insufficient {
            balance,
            required: RUN_COST,
        });
    }
    Ok(())
}

/// `PATCH /v1/profile`: checks every rule and reports every broken one.
///
/// # Errors
///
/// [`ProfileError::Invalid`] with one entry per broken rule.
pub fn update_profile(update: ProfileUpdate) -> Result<ProfileUpdate, ProfileError> {
    let mut errors = ValidationErrors::new();
    let root = JsonPointer::root();
    let nickname = update.nickname.trim().chars().count();
    if nickname == 0 {
        errors.push(root.clone().key("nickname"), "must not be empty");
    } else if nickname > MAX_NICKNAME {
        errors.push(
            root.clone().key("nickname"),
            format!("at most {MAX_NICKNAME} characters"),
        );
    }
    if update
        .bio
        .as_ref()
        .is_some_and(|bio| bio.chars().count() > MAX_BIO)
    {
        errors.push(
            root.clone().key("bio"),
            format!("at most {MAX_BIO} characters"),
        );
    }
    for (i, link) in update.links.iter().enumerate() {
        if !link.starts_with("https://") {
            errors.push(
                root.clone().key("links").index(i),
                "must start with https://",
            );
        }
    }
    errors
        .into_result()
        .map(|()| update)
        .map_err(|errors| ProfileError::Invalid { errors })
}

/// `POST /v1/agent/transcribe`: the speech recognizer refuses the connection.
///
/// # Errors
///
/// Always [`AgentError::AsrUnavailable`].
pub fn transcribe() -> Result<String, AgentError> {
    Err(AgentError::AsrUnavailable(AsrError {
        endpoint: "asr.internal:7000",
        cause: std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused"),
    }))
}

/// `GET /v1/agent/sessions/{id}`: there are no sessions.
///
/// # Errors
///
/// Always [`AgentError::SessionNotFound`].
pub fn session(id: u64) -> Result<String, AgentError> {
    Err(AgentError::SessionNotFound(id))
}

/// The codes the framework's rejections are rendered under.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub fn rejections() -> problem_codes::Rejections {
    problem_codes::Rejections::new()
        .json(Profile::PROFILE_PAYLOAD_INVALID)
        .path(AgentSession::AGENT_SESSION_ID_INVALID)
        .query(AgentSession::AGENT_RUNTIME_MODE_INVALID)
}
