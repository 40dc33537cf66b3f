use problem_codes::ProblemCode;

struct Shop;

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum ApiError {
    #[problem(code = "ORDER_LOCKED", status = 423, title = "Order locked")]
    Locked,
}

fn main() {}
