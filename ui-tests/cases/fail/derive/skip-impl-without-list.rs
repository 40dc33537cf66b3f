use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(skip_impl = "axum")]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked,
}

fn main() {}
