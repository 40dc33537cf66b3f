//! The "Profile" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Profile" codes of the eryao frontend.
    pub catalog Profile {
        type_base = "https://errors.eryao.example/";

        section "Profile" {
            PROFILE_PAYLOAD_INVALID = 422 {
                title: "Profile update payload invalid (length/type/empty constraints)",
                handling: "Highlight invalid fields and block submit",
                members: {
                    /// Each invalid field, with a JSON Pointer into the request body.
                    errors: errors,
                },
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
    }
}
