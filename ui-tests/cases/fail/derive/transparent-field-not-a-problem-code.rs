use problem_codes::ProblemCode;

struct DbError;

#[derive(ProblemCode)]
enum ApiError {
    #[problem(transparent)]
    Db(DbError),
}

fn main() {}
