//! The "Agent Session" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Agent Session" codes of the eryao frontend.
    pub catalog AgentSession {
        type_base = "https://errors.eryao.example/";

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
    }
}
