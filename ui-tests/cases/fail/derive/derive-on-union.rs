use problem_codes::ProblemCode;

#[derive(ProblemCode)]
union ApiError {
    code: u32,
}

fn main() {}
