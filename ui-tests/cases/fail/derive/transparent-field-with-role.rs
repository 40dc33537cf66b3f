use problem_codes::ProblemCode;

#[derive(ProblemCode)]
#[problem(code = "DB_UNAVAILABLE", status = 503, title = "Database unavailable")]
struct DbError;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(transparent)]
    Db(#[problem(extension)] DbError),
}

fn main() {}
