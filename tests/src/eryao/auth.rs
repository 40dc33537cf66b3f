//! The "Auth" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Auth" codes of the eryao frontend.
    pub catalog Auth {
        type_base = "https://errors.eryao.example/";

        section "Auth" {
            AUTH_SERVICE_UNAVAILABLE = 503 {
                title: "Auth upstream unavailable",
                handling: "Show retry message and allow retry",
                members: {
                    /// Seconds after which a retry may succeed, when known.
                    retry_after?: integer,
                },
            },
            AUTH_TOO_MANY_REQUESTS = 429 {
                title: "OTP request throttled",
                handling: "Show wait message",
                members: {
                    /// Seconds to wait before asking again; also sent as `Retry-After`.
                    retry_after: integer,
                },
            },
            AUTH_VERIFICATION_CODE_INVALID = 401 {
                title: "Invalid OTP code",
                handling: "Prompt user to re-enter code",
            },
            AUTH_REFRESH_TOKEN_INVALID = 401 {
                title: "Invalid/expired refresh token",
                handling: "Clear local session and return login",
                members: {
                    /// The request's id, to quote to support.
                    request_id?: integer,
                },
            },
            AUTH_REFRESH_TOKEN_MISSING = 401 {
                title: "Refresh token missing on logout",
                handling: "Treat as local logout and clear session",
            },
            AUTH_USER_NOT_FOUND = 404 {
                title: "User not found",
                handling: "Show not-found message where applicable",
            },
        }
    }
}
