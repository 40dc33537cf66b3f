use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423i8, title = "Order locked")]
    Locked,
}

fn main() {}
