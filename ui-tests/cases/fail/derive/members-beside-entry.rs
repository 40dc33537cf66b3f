use problem_codes::ProblemCode;

problem_codes::error_catalog! {
    pub catalog Points {
        section "Points" {
            POINTS_LOW = 402 { title: "Not enough points" },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Points)]
enum RunError {
    #[problem(POINTS_LOW, members(balance: integer))]
    Low,
}

fn main() {}
