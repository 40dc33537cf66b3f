use problem_codes::ProblemCode;

problem_codes::error_catalog! {
    pub catalog Points {
        section "Points" {
            POINTS_INSUFFICIENT_BALANCE = 402 {
                title: "Not enough points",
                members: {
                    balance: integer,
                    required: integer,
                    top_up_url?: string,
                },
            },
        }
    }
}

#[derive(ProblemCode)]
#[problem(catalog = Points)]
enum RunError {
    #[problem(POINTS_INSUFFICIENT_BALANCE)]
    Broke {
        #[problem(extension)]
        balance: u32,
        #[problem(extension = "balance")]
        points: u32,
        #[problem(extension)]
        required: u32,
    },
}

fn main() {}