//! The "Profile" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Profile" codes of the eryao frontend.
    pub catalog Profile {
        type_base = "https://errors.eryao.example/";

        section "Profile" {
            PROFILE_PAYLOAD_INVALID = 422 {
                meaning: "Profile update payload invalid (length/type/empty constraints)",
                handling: "Highlight invalid fields and block submit",
            },
            PROFILE_NOT_FOUND = 404 {
                meaning: "User profile row missing",
                handling: "Show retry and optionally trigger profile bootstrap",
            },
            PROFILE_DELETE_FAILED = 502 {
                meaning: "Backend failed to complete account hard deletion",
                handling: "Show delete-failed message and allow retry",
            },
        }
    }
}
