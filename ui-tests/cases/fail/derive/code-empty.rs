use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "", status = 404, title = "Order not found")]
    NotFound,
}

fn main() {}
