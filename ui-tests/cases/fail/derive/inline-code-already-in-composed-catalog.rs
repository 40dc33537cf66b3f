use problem_codes::{error_catalog, ProblemCode};

error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
        }
    }

    pub catalog Avatar {
        section "Avatar" {
            AVATAR_FILE_INVALID = 422 { title: "Invalid avatar file" },
        }
    }

    pub catalog Eryao = Auth + Avatar;
}

#[derive(ProblemCode)]
#[problem(catalog = Eryao)]
enum ProfileError {
    #[problem(code = "AVATAR_FILE_INVALID", status = 400, title = "Bad avatar")]
    BadAvatar,
}

fn main() {}
