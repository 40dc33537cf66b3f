// One compile reports every mistake, each on its own token.
use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "orderNotFound", stauts = 404, title = "Order not found")]
    NotFound,
    #[problem(code = "ORDER_LOCKED", status = 200, title = "Order locked", detail = "until {untill}")]
    Locked {
        #[problem(retry_after)]
        until: u64,
        #[problem(retry_after)]
        backoff: u64,
    },
    Gone,
}

fn main() {}
