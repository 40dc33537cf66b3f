problem_codes::error_catalog! {
    pub catalog Points {
        section "Points" {
            POINTS_INSUFFICIENT_BALANCE = 402 {
                title: "Not enough points",
                members: {
                    problems: errors,
                },
            },
        }
    }
}

fn main() {}
