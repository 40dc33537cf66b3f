use problem_codes::ProblemCode;

struct Shop;

#[derive(ProblemCode)]
#[problem(catalog = Shop)]
enum ApiError {
    #[problem(ORDER_NOT_FOUND)]
    NotFound,
}

fn main() {}
