use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", skip_impl(axum))]
    Locked,
}

fn main() {}
