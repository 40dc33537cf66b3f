use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(crate = "::my_api::problem_codes")]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND", status = 404, title = "Order not found")]
    NotFound,
}

fn main() {}
