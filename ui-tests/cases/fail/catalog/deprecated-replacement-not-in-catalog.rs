problem_codes::error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_OTP_WRONG = 401 { title: "Invalid OTP code", deprecated: "AUTH_VERIFICATION_CODE_INVALD" },
            AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code" },
        }
    }
}

fn main() {}
