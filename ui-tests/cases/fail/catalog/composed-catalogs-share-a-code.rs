mod auth {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                USER_NOT_FOUND = 404 { title: "User not found" },
            }
        }
    }
}

mod profile {
    problem_codes::error_catalog! {
        pub catalog Profile {
            section "Profile" {
                PROFILE_NOT_FOUND = 404 { title: "Profile missing" },
                USER_NOT_FOUND = 404 { title: "No such user" },
            }
        }
    }
}

use auth::Auth;
use profile::Profile;

problem_codes::error_catalog! {
    pub catalog Registry = Auth + Profile;
}

fn main() {}
