//! Members of every type, held by the derive: an optional member left out, every
//! field type that renders a member, a composed catalog's entry with its members, an
//! inline code's `members(…)`, and a generic field.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use problem_codes::{CodeSet, MemberType, ProblemCode, Scalar, ValidationErrors};

problem_codes::error_catalog! {
    pub catalog Points {
        section "Points" {
            POINTS_INSUFFICIENT_BALANCE = 402 {
                title: "Not enough points to start this run",
                handling: "Show recharge/insufficient-points prompt",
                members: {
                    /// Points the user has.
                    balance: integer,
                    /// Points the run costs.
                    required: integer,
                    /// Where the user tops up.
                    top_up_url?: string,
                },
            },
            POINTS_EVERY_TYPE = 400 {
                title: "Every member type",
                members: {
                    text: string,
                    count: integer,
                    ratio: number,
                    flag: boolean,
                    tags: [string],
                    limits: {integer},
                    errors: errors,
                    retry_after: integer,
                    note?: string,
                },
            },
        }
    }
}

problem_codes::error_catalog! {
    pub catalog Other {
        section "Other" {
            OTHER_GENERIC = 400 { title: "Generic", members: { value: {boolean} } },
        }
    }
}

problem_codes::error_catalog! {
    pub catalog Registry = Points + Other;
}

#[derive(ProblemCode)]
#[problem(catalog = Points)]
enum RunError<'a> {
    /// `top_up_url` is optional and left out.
    #[problem(POINTS_INSUFFICIENT_BALANCE)]
    Broke {
        #[problem(extension)]
        balance: u32,
        #[problem(extension)]
        required: i64,
    },
    /// With the optional member, from an `Option`.
    #[problem(POINTS_INSUFFICIENT_BALANCE)]
    BrokeWithLink {
        #[problem(extension)]
        balance: u64,
        #[problem(extension)]
        required: u64,
        #[problem(extension)]
        top_up_url: Option<&'a str>,
    },
    #[problem(POINTS_EVERY_TYPE)]
    Every {
        #[problem(extension)]
        text: Cow<'a, str>,
        #[problem(extension)]
        count: usize,
        #[problem(extension)]
        ratio: f64,
        #[problem(extension)]
        flag: bool,
        #[problem(extension)]
        tags: Vec<String>,
        #[problem(extension)]
        limits: BTreeMap<String, u32>,
        #[problem(extension)]
        errors: ValidationErrors,
        #[problem(retry_after)]
        wait: u64,
        #[problem(extension = "note")]
        remark: Box<str>,
    },
    /// An entry of a catalog that `Registry` composes keeps its members there.
    #[problem(Other::OTHER_GENERIC)]
    Composed {
        #[problem(extension)]
        value: HashMap<String, bool>,
    },
}

#[derive(ProblemCode)]
enum UpstreamError<T: serde::Serialize> {
    /// An inline code with its members.
    #[problem(
        code = "UPSTREAM_UNAVAILABLE",
        status = 503,
        title = "Upstream unavailable",
        members(provider: string, attempts?: integer)
    )]
    Down {
        #[problem(extension)]
        provider: &'static str,
    },
    /// A field of a type parameter: its name is checked, its type cannot be.
    #[problem(code = "UPSTREAM_REFUSED", status = 502, title = "Upstream refused", members(reason: string))]
    Refused {
        #[problem(extension)]
        reason: T,
    },
    #[problem(transparent)]
    Run(RunError<'static>),
}

fn main() {
    let entry = Points::POINTS_INSUFFICIENT_BALANCE.entry();
    let members: Vec<(&str, MemberType, bool, &str)> = entry
        .members()
        .iter()
        .map(|m| (m.name(), m.ty(), m.is_optional(), m.doc()))
        .collect();
    assert_eq!(
        members,
        [
            ("balance", MemberType::Integer, false, "Points the user has."),
            ("required", MemberType::Integer, false, "Points the run costs."),
            ("top_up_url", MemberType::Text, true, "Where the user tops up."),
        ]
    );
    let every = Points::POINTS_EVERY_TYPE.entry();
    assert_eq!(every.member("limits").map(|m| m.ty()), Some(MemberType::Object(Scalar::Integer)));
    assert_eq!(every.member("tags").map(|m| m.ty()), Some(MemberType::Array(Scalar::Text)));
    assert_eq!(Registry::from(Other::OTHER_GENERIC).entry().members().len(), 1);

    let mut entries = Vec::new();
    <UpstreamError<String> as CodeSet>::entries(&mut entries);
    let codes: Vec<&str> = entries.iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            "UPSTREAM_UNAVAILABLE",
            "UPSTREAM_REFUSED",
            "POINTS_INSUFFICIENT_BALANCE",
            "POINTS_INSUFFICIENT_BALANCE",
            "POINTS_EVERY_TYPE",
            "OTHER_GENERIC",
        ]
    );
    assert_eq!(entries[0].member("attempts").map(|m| m.is_optional()), Some(true));

    let body = String::from_utf8(UpstreamError::<String>::Down { provider: "asr" }.to_json())
        .unwrap_or_default();
    assert!(body.contains(r#""provider":"asr""#), "{body}");
}
