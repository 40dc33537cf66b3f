problem_codes::error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found", deprecated: false },
        }
    }
}

fn main() {}
