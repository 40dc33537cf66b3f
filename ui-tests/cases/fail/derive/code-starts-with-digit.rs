use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "404_ORDER", status = 404, title = "Order not found")]
    NotFound,
}

fn main() {}
