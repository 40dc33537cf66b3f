problem_codes::error_catalog! {
    pub catalog Auth {
        section "Auth" {
            AUTH_OTP_WRONG = 401 { title: "Invalid OTP code", deprecated: "AUTH_OTP_INVALID" },
            AUTH_OTP_INVALID = 401 { title: "Invalid OTP code", deprecated: "AUTH_VERIFICATION_CODE_INVALID" },
            AUTH_VERIFICATION_CODE_INVALID = 401 { title: "Invalid OTP code" },
        }
    }
}

fn main() {}
