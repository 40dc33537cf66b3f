use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", type = "order locked")]
    Locked,
}

fn main() {}
