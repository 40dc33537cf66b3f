#![deny(deprecated)]

problem_codes::error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_OTP_WRONG = 401 { title: "Invalid OTP code", deprecated: "AUTH_VERIFICATION_CODE_INVALID" },
            AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code" },
        }
    }
}

#[derive(Debug, problem_codes::ProblemCode)]
#[problem(catalog = Auth)]
pub enum LoginError {
    #[problem(AUTH_OTP_WRONG)]
    WrongOtp,
}

fn main() {}
