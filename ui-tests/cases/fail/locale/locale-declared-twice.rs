mod catalog {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 {
                    title: "OTP request throttled",
                    members: { retry_after: integer },
                },
                AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
                AUTH_GONE = 410 { title: "Gone" },
            }
        }
    }
}

use catalog::Auth;

problem_codes::catalog_locale! {
    pub locale ZH_HANS for Auth = "zh-Hans" {
        AUTH_TOO_MANY_REQUESTS { title: "请求过于频繁" },
        AUTH_USER_NOT_FOUND { title: "用户不存在" },
        AUTH_GONE { title: "已删除" },
    }

    pub locale CHINESE for Auth = "zh-Hans" {
        AUTH_TOO_MANY_REQUESTS { title: "请求太频繁" },
        AUTH_USER_NOT_FOUND { title: "找不到用户" },
        AUTH_GONE { title: "已删除" },
    }
}

fn main() {}
