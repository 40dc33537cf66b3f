use problem_codes::ProblemCode;

struct Balance(u32);

#[derive(ProblemCode)]
enum PointsError {
    #[problem(code = "POINTS_INSUFFICIENT_BALANCE", status = 402, title = "Not enough points")]
    Insufficient {
        #[problem(header = "x-points-balance")]
        balance: Balance,
    },
}

fn main() {}
