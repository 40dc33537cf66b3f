use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(status = 404, title = "Order not found")]
    NotFound,
}

fn main() {}
