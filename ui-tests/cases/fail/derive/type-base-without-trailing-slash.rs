use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(type_base = "https://shop.example/problems")]
enum ApiError {
    #[problem(code = "ORDER_NOT_FOUND", status = 404, title = "Order not found")]
    NotFound,
}

fn main() {}
