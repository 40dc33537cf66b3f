use problem_codes::error_catalog;

error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
        }
    }
}

pub struct Billing;

error_catalog! {
    pub catalog All = Auth + Billing;
}

fn main() {}
