use problem_codes::ProblemCode;

struct Deadline;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", detail = "locked until {until}")]
    Locked { until: Deadline },
}

fn main() {}
