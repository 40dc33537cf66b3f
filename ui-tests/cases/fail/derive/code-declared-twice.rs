use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND", status = 404, title = "Order not found")]
    NotFound,
    #[problem(code = "ORDER_NOT_FOUND", status = 410, title = "Order deleted")]
    Deleted,
}

fn main() {}
