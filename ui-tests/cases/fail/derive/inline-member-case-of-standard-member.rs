use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", members(Retry_After: integer))]
    Locked,
}

fn main() {}
