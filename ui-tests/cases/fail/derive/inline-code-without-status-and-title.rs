use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND")]
    NotFound,
}

fn main() {}
