use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(ORDER_NOT_FOUND)]
    NotFound,
}

fn main() {}
