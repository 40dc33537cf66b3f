use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum OtpError {
    #[problem(code = "AUTH_TOO_MANY_REQUESTS", status = 429, title = "OTP request throttled")]
    Throttled {
        #[problem(header = "Retry-After")]
        seconds: u64,
        #[problem(header = "content-type")]
        format: &'static str,
    },
}

fn main() {}
