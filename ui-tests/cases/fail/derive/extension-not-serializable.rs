use problem_codes::ProblemCode;

struct Deadline;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked {
        #[problem(extension)]
        until: Deadline,
    },
}

fn main() {}
