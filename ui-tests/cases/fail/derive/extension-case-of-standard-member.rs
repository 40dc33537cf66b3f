use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked {
        #[problem(extension = "Title")]
        name: String,
    },
}

fn main() {}
