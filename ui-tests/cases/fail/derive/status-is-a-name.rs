use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND", status = NOT_FOUND, title = "Order not found")]
    NotFound,
}

fn main() {}
