use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
enum ApiError {
    Locked,
    Gone,
}

fn main() {}
