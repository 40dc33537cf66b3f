use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found" },
            AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Auth)]
enum LoginError {
    #[problem(AUTH_USER_NOT_FUOND)]
    NoUser,
}

fn main() {}
