use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", detail = "order {0} locked until {1}")]
    Locked(u64),
}

fn main() {}
