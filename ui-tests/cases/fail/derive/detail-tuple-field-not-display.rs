use problem_codes::ProblemCode;

struct Deadline;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", detail = "locked until {0} or {1}")]
    Locked(u32, Deadline),
}

fn main() {}
