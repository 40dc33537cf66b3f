problem_codes::error_catalog! {
    /// # HTTP Error Codes
    ///
    /// This document is the source of truth for backend RFC7807 `code` values consumed by frontend.
    pub catalog HttpErrorCodes {
        section "Auth" {
            AUTH_SERVICE_UNAVAILABLE = 503 {
                title: "Auth upstream unavailable",
                handling: "Show retry message and allow retry",
            },
            AUTH_TOO_MANY_REQUESTS = 429 {
                title: "OTP request throttled",
                handling: "Show wait message",
            },
            AUTH_VERIFICATION_CODE_INVALID = 401 {
                title: "Invalid OTP code",
                handling: "Prompt user to re-enter code",
            },
            AUTH_REFRESH_TOKEN_INVALID = 401 {
                title: "Invalid/expired refresh token",
                handling: "Clear local session and return login",
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

        section "Agent Points" {
            POINTS_INSUFFICIENT_BALANCE = 402 {
                title: "Not enough points to start this run",
                handling: "Show recharge/insufficient-points prompt",
            },
        }

        section "Agent Session" {
            AGENT_SESSION_RUN_LIMIT_EXCEEDED = 409 {
                title: "Session already reached max run count (start + 1 follow-up)",
                handling: "Show run-limit message and require starting a new session",
            },
            AGENT_RUNTIME_MODE_INVALID = 422 {
                title: "Missing or invalid `forwardedProps.runtime_mode` in run request",
                handling: "Show invalid-request message and retry from current page",
            },
            AGENT_DIVINATION_PAYLOAD_REQUIRED = 422 {
                title: "Missing required `forwardedProps.divinationPayload` in run request",
                handling: "Prompt user to restart casting flow and resubmit",
            },
            AGENT_OUTPUT_DIVINATION_INVALID = 422 {
                title: "Worker output contains invalid `divination_derived` payload shape",
                handling: "Show generic history parse error and suggest retrying latest run",
            },
            AGENT_SESSION_ID_INVALID = 422 {
                title: "Invalid session/thread id format",
                handling: "Show invalid-session message and force refresh history",
            },
            AGENT_SESSION_NOT_FOUND = 404 {
                title: "Session does not exist (including follow-up on non-existing thread)",
                handling: "Show session-not-found message and refresh history",
            },
            AGENT_AUDIO_UNSUPPORTED_FORMAT = 400 {
                title: "Audio format is not accepted by transcribe endpoint",
                handling: "Show format hint and ask user to retry with wav audio",
            },
            AGENT_AUDIO_TOO_LARGE = 400 {
                title: "Audio file exceeds transcribe size limit",
                handling: "Show size-limit message and ask user to shorten audio",
            },
            AGENT_AUDIO_EMPTY = 400 {
                title: "Uploaded audio payload is empty",
                handling: "Show retry hint and keep input unchanged",
            },
            AGENT_ASR_UNAVAILABLE = 502 {
                title: "Upstream ASR service unavailable",
                handling: "Show retry message and allow fallback to text input",
            },
        }

        section "Profile" {
            PROFILE_PAYLOAD_INVALID = 422 {
                title: "Profile update payload invalid (length/type/empty constraints)",
                handling: "Highlight invalid fields and block submit",
            },
            PROFILE_NOT_FOUND = 404 {
                title: "User profile row missing",
                handling: "Show retry and optionally trigger profile bootstrap",
            },
            PROFILE_DELETE_FAILED = 502 {
                title: "Backend failed to complete account hard deletion",
                handling: "Show delete-failed message and allow retry",
            },
        }

        section "Avatar" {
            AVATAR_FILE_INVALID = 422 {
                title: "Avatar mime type or size is invalid",
                handling: "Show file validation hint and ask user to pick another image",
            },
            AVATAR_PATH_SCOPE_INVALID = 422 {
                title: "Avatar path does not belong to current user scope",
                handling: "Show generic security error and force refresh",
            },
            AVATAR_SIGNED_URL_FAILED = 502 {
                title: "Backend failed to generate avatar signed upload URL",
                handling: "Show retry toast and keep previous avatar",
            },
            AVATAR_UPLOAD_FAILED = 502 {
                title: "Backend failed to upload avatar bytes to storage",
                handling: "Show retry toast and keep previous avatar",
            },
        }
        /// Compatibility strategy:
        ///
        /// - Additive changes only for new codes.
        /// - Existing codes must keep semantic meaning.
        /// - Frontend must map by `code`, not by `detail` text.
    }
}
