use problem_codes::ProblemCode;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(code = "ORDER_CREATED", status = 201, title = "Order created")]
    Created,
}

fn main() {}
