use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", detail = "order {0}} is locked")]
    Locked(u64),
}

fn main() {}
