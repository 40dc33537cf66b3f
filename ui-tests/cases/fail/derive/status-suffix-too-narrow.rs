use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_RATE_LIMITED", status = 429u8, title = "Too many order requests")]
    RateLimited,
}

fn main() {}
