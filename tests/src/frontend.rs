//! The responses a frontend meets besides the service's own problems, served beside the
//! eryao service (`router`) so that the TypeScript reader is tested against each one:
//!
//! | endpoint | answers |
//! |---|---|
//! | `GET /demo/proxy-error` | 502 with a proxy's HTML page, not a problem |
//! | `GET /demo/empty-502` | 502 with no body and no content type |
//! | `GET /demo/newer-code` | a problem whose code this catalog does not have, as a newer server sends |
//! | `POST /demo/wrong-type` | `POINTS_INSUFFICIENT_BALANCE` with `balance` a string, as a buggy server sends |

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use problem_codes::Problem;

use crate::service::{self, PointsError};

/// The page a reverse proxy answers with when the service is down.
pub const PROXY_PAGE: &str = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n";

/// The code `/demo/newer-code` sends, which the eryao catalog does not have.
pub const NEWER_CODE: &str = "POINTS_PROMOTION_EXPIRED";

/// The eryao service and the demo endpoints of the [module documentation](self).
pub fn router() -> Router {
    service::axum::router()
        .route("/demo/proxy-error", get(proxy_error))
        .route("/demo/empty-502", get(empty_502))
        .route("/demo/newer-code", get(newer_code))
        .route("/demo/wrong-type", post(wrong_type))
}

async fn proxy_error() -> Response {
    (
        StatusCode::BAD_GATEWAY,
        [(header::CONTENT_TYPE, "text/html")],
        PROXY_PAGE,
    )
        .into_response()
}

async fn empty_502() -> StatusCode {
    StatusCode::BAD_GATEWAY
}

async fn newer_code() -> Problem {
    Problem::new(StatusCode::GONE)
        .with_type("/problems/points-promotion-expired")
        .with_title("Promotion expired")
        .with_code(NEWER_CODE)
}

async fn wrong_type() -> Problem {
    let problem = Problem::from(&PointsError::Insufficient {
        balance: service::BALANCE,
        required: service::RUN_COST,
    });
    // The member's value, as a string: a client must drop it (RFC 9457 §3.1).
    let balance = service::BALANCE.to_string();
    problem
        .clone()
        .with_extension("balance", balance)
        .unwrap_or(problem)
}
