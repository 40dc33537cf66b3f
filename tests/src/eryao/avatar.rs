//! The "Avatar" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Avatar" codes of the eryao frontend.
    pub catalog Avatar {
        type_base = "https://errors.eryao.example/";

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
    }
}
