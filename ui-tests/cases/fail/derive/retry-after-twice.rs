use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked {
        #[problem(retry_after)]
        seconds: u64,
        #[problem(retry_after)]
        backoff: u64,
    },
}

fn main() {}
