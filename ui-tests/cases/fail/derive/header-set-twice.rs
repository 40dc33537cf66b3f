use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum LoginError {
    #[problem(code = "AUTH_REFRESH_TOKEN_INVALID", status = 401, title = "Invalid refresh token")]
    Expired {
        #[problem(header = "www-authenticate")]
        challenge: &'static str,
        #[problem(header = "WWW-Authenticate")]
        realm: &'static str,
    },
}

fn main() {}
