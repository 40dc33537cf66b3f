use problem_codes::{error_catalog, Catalog, ProblemCode};

error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found" },
        }
    }
}

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Auth)]
enum LoginError {
    #[error("no user {0}")]
    #[problem(AUTH_USER_NOT_FOUND, status = 404, detail = "No user {0}")]
    NoUser(u32),
}

fn main() {
    assert_eq!(LoginError::NoUser(7).status(), 404);
    assert_eq!(Auth::ALL.len(), 1);
}
