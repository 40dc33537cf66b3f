//! A locale declared apart from its catalogs, for a composed catalog, with a detail
//! template; rendered, and read back.

mod auth {
    problem_codes::error_catalog! {
        pub catalog Auth {
            section "Auth" {
                AUTH_TOO_MANY_REQUESTS = 429 {
                    title: "OTP request throttled",
                    members: { retry_after: integer },
                },
            }
        }
    }
}

mod points {
    problem_codes::error_catalog! {
        pub catalog Points {
            section "Points" {
                POINTS_LOW = 402 { title: "Not enough points", members: { balance: integer, hint?: string } },
            }
        }
    }
}

mod registry {
    use crate::auth::Auth;
    use crate::points::Points;

    problem_codes::error_catalog! {
        pub catalog Registry = Auth + Points;
    }
}

mod translations {
    problem_codes::catalog_locale! {
        /// German.
        pub locale DE for crate::registry::Registry = "de" {
            POINTS_LOW { title: "Zu wenig Punkte", detail: "Guthaben {balance}, {hint}" },
            AUTH_TOO_MANY_REQUESTS {
                title: "Zu viele Anfragen",
                handling: "Wartehinweis zeigen",
                detail: "Bitte {retry_after} s warten {{sic}}",
            },
        }
    }
}

use problem_codes::ProblemCode;

#[derive(Debug, ProblemCode)]
#[problem(catalog = points::Points)]
enum RunError {
    #[problem(POINTS_LOW, detail = "balance is {balance}")]
    Low {
        #[problem(extension)]
        balance: u32,
        #[problem(extension)]
        hint: Option<String>,
    },
}

fn main() {
    let de = &translations::DE;
    assert_eq!(de.tag(), "de");
    assert_eq!(de.catalog(), "Registry");
    assert_eq!(de.entries()[0].code(), "AUTH_TOO_MANY_REQUESTS", "sorted by code");

    let with_hint = RunError::Low { balance: 3, hint: Some("top up".into()) };
    let body = String::from_utf8(with_hint.render().locale(de).to_vec()).unwrap();
    assert!(body.contains(r#""title":"Zu wenig Punkte""#), "{body}");
    assert!(body.contains(r#""detail":"Guthaben 3, top up""#), "{body}");

    // The template's optional member is absent: the variant's own detail stays.
    let without = RunError::Low { balance: 3, hint: None };
    let body = String::from_utf8(without.render().locale(de).to_vec()).unwrap();
    assert!(body.contains(r#""detail":"balance is 3""#), "{body}");
    assert!(body.contains(r#""code":"POINTS_LOW""#));
}
