use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(type_base = "errors.shop.example/")]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked,
}

fn main() {}
