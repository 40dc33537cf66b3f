//! The "Agent Points" domain's catalog, owned by its team.

problem_codes::error_catalog! {
    /// The "Agent Points" codes of the eryao frontend.
    pub catalog AgentPoints {
        type_base = "https://errors.eryao.example/";

        section "Agent Points" {
            POINTS_INSUFFICIENT_BALANCE = 402 {
                title: "Not enough points to start this run",
                handling: "Show recharge/insufficient-points prompt",
                members: {
                    /// Points the user has.
                    balance: integer,
                    /// Points the run costs.
                    required: integer,
                },
            },
        }
    }
}
