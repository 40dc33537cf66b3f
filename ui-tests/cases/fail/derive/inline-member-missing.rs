use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum UpstreamError {
    #[problem(
        code = "UPSTREAM_UNAVAILABLE",
        status = 503,
        title = "Upstream unavailable",
        members(provider: string)
    )]
    Down,
}

fn main() {}
