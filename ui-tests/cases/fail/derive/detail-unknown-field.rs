use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked", detail = "locked until {untill}")]
    Locked { until: String },
}

fn main() {}
