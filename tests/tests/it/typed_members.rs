//! A Rust client reads a problem's members typed, through `Problem::typed`: the members
//! a known code declares, with their declared types; a member of the wrong type reads as
//! absent (RFC 9457 §3.1); an unknown code and a missing one are cases of their own.

use std::fmt;

use allocation_counter::measure;
use problem_codes::{
    Catalog, Entry, JsonPointer, Member, MemberType, Problem, ProblemCode, Scalar, Section, Typed,
};
use problem_codes_tests::eryao::Eryao;
use serde_json::json;

const BROKE: Entry = Entry::new(
    "POINTS_INSUFFICIENT_BALANCE",
    402,
    "Not enough points",
    "/problems/points-insufficient-balance",
)
.with_members(&[
    Member::new("balance", MemberType::Integer),
    Member::new("required", MemberType::Integer),
    Member::new("top_up_url", MemberType::Text).optional(),
]);
const THROTTLED: Entry = Entry::new(
    "AUTH_TOO_MANY_REQUESTS",
    429,
    "OTP request throttled",
    "/problems/auth-too-many-requests",
)
.with_members(&[
    Member::new("retry_after", MemberType::Integer),
    Member::new("load", MemberType::Number).optional(),
    Member::new("permanent", MemberType::Boolean).optional(),
    Member::new("channels", MemberType::Array(Scalar::Text)).optional(),
    Member::new("windows", MemberType::Object(Scalar::Integer)).optional(),
]);
const INVALID: Entry = Entry::new(
    "PROFILE_PAYLOAD_INVALID",
    422,
    "Profile update payload invalid",
    "/problems/profile-payload-invalid",
)
.with_members(&[Member::new("errors", MemberType::Errors)]);

/// A catalog with members, written by hand as `error_catalog!` would generate it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shop {
    Broke,
    Throttled,
    Invalid,
}

impl ProblemCode for Shop {
    fn entry(&self) -> &'static Entry {
        match self {
            Shop::Broke => &BROKE,
            Shop::Throttled => &THROTTLED,
            Shop::Invalid => &INVALID,
        }
    }
}

impl fmt::Display for Shop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Catalog for Shop {
    const NAME: &'static str = "Shop";
    const ALL: &'static [Shop] = &[Shop::Broke, Shop::Throttled, Shop::Invalid];
    const SECTIONS: &'static [Section<Shop>] = &[Section::new("Shop", Shop::ALL)];

    fn from_code(code: &str) -> Option<Shop> {
        Shop::ALL.iter().copied().find(|shop| shop.code() == code)
    }
}

fn parse(body: serde_json::Value) -> Problem {
    Problem::from_json(&serde_json::to_vec(&body).expect("json")).expect("a problem")
}

#[test]
fn a_known_code_reads_its_members_typed() {
    let problem = parse(json!({"status": 402, "code": "POINTS_INSUFFICIENT_BALANCE",
        "balance": 3, "required": 10, "top_up_url": "/top-up"}));
    let Typed::Known { code, members } = problem.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(code, Shop::Broke);
    assert_eq!(members.integer("balance"), Some(3));
    assert_eq!(members.integer("required"), Some(10));
    assert_eq!(members.text("top_up_url"), Some("/top-up"));
    assert_eq!(members.declared(), BROKE.members());
}

#[test]
fn a_member_of_the_wrong_type_reads_as_absent() {
    let problem = parse(json!({"status": 402, "code": "POINTS_INSUFFICIENT_BALANCE",
        "balance": "3", "required": 10.5, "top_up_url": ["/top-up"]}));
    let Typed::Known { members, .. } = problem.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.integer("balance"), None);
    assert_eq!(members.integer("required"), None, "not an integer");
    assert_eq!(members.number("required"), None, "declared integer");
    assert_eq!(members.text("top_up_url"), None);
    // The values are still there, untyped.
    assert_eq!(problem.extension("balance"), Some(&json!("3")));
}

#[test]
fn a_getter_of_another_type_or_an_undeclared_name_is_none() {
    let problem = parse(json!({"status": 402, "code": "POINTS_INSUFFICIENT_BALANCE",
        "balance": 3, "trace": "a1"}));
    let Typed::Known { members, .. } = problem.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.text("balance"), None);
    assert_eq!(members.boolean("balance"), None);
    assert_eq!(
        members.number("balance"),
        Some(3.0),
        "an integer is a number"
    );
    assert_eq!(members.text("trace"), None, "not declared");
    assert!(members.declares("balance"));
    assert!(!members.declares("trace"));
    assert_eq!(members.integer("required"), None, "declared, absent");
}

#[test]
fn every_member_type_has_its_getter() {
    let problem = parse(json!({"status": 429, "code": "AUTH_TOO_MANY_REQUESTS",
        "retry_after": 30, "load": 0.75, "permanent": false,
        "channels": ["sms", "email"], "windows": {"minute": 5}}));
    let Typed::Known { members, .. } = problem.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.integer("retry_after"), Some(30));
    assert_eq!(members.number("retry_after"), Some(30.0));
    assert_eq!(members.number("load"), Some(0.75));
    assert_eq!(members.boolean("permanent"), Some(false));
    assert_eq!(
        members.array("channels"),
        Some(&[json!("sms"), json!("email")][..])
    );
    assert_eq!(
        members
            .object("windows")
            .and_then(|windows| windows.get("minute")),
        Some(&json!(5))
    );

    let mixed = parse(json!({"status": 429, "code": "AUTH_TOO_MANY_REQUESTS",
        "retry_after": -1, "channels": ["sms", 7], "windows": {"minute": "5"}}));
    let Typed::Known { members, .. } = mixed.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.integer("retry_after"), None, "not seconds");
    assert_eq!(members.array("channels"), None, "an item of the wrong type");
    assert_eq!(members.object("windows"), None, "a value of the wrong type");
}

#[test]
fn errors_read_as_field_errors() {
    let problem = parse(json!({"status": 422, "code": "PROFILE_PAYLOAD_INVALID",
        "errors": [{"detail": "must not be empty", "pointer": "#/nickname"}, {"detail": "no pointer"}]}));
    let Typed::Known { members, .. } = problem.typed::<Shop>() else {
        panic!("a known code")
    };
    let errors = members.errors().expect("declared and present");
    let pointers: Vec<&JsonPointer> = errors.iter().map(|e| e.pointer()).collect();
    assert_eq!(pointers, [&JsonPointer::root().key("nickname")]);

    let wrong = parse(json!({"status": 422, "code": "PROFILE_PAYLOAD_INVALID", "errors": "bad"}));
    let Typed::Known { members, .. } = wrong.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.errors(), None);
    let other = parse(json!({"code": "POINTS_INSUFFICIENT_BALANCE",
        "errors": [{"detail": "x", "pointer": "#/a"}]}));
    let Typed::Known { members, .. } = other.typed::<Shop>() else {
        panic!("a known code")
    };
    assert_eq!(members.errors(), None, "not declared by this code");
}

#[test]
fn unknown_and_absent_codes_are_cases_of_their_own() {
    let newer = parse(json!({"status": 409, "code": "SHOP_CLOSED", "balance": 3}));
    assert_eq!(newer.typed::<Shop>(), Typed::Unknown("SHOP_CLOSED"));
    assert_eq!(newer.typed::<Shop>().code(), newer.typed_code::<Shop>());
    let proxy = parse(json!({"status": 502, "title": "Bad Gateway"}));
    assert_eq!(proxy.typed::<Shop>(), Typed::Absent);
    assert_eq!(proxy.typed::<Shop>().known(), None);
}

#[test]
fn a_generated_catalog_gives_the_same_cases() {
    let problem = parse(json!({"status": 404, "code": "AUTH_USER_NOT_FOUND"}));
    let typed = problem.typed::<Eryao>();
    assert_eq!(typed.code(), problem.typed_code::<Eryao>());
    assert!(typed.known().is_some());
    assert_eq!(typed.known(), Eryao::from_code("AUTH_USER_NOT_FOUND"));
}

#[test]
fn reading_members_allocates_nothing() {
    let problem = parse(json!({"status": 429, "code": "AUTH_TOO_MANY_REQUESTS",
        "retry_after": 30, "load": 0.75, "channels": ["sms"], "windows": {"minute": 5}}));
    let mut read = (None, None, None, None);
    let info = measure(|| {
        if let Typed::Known { members, .. } = problem.typed::<Shop>() {
            read = (
                members.integer("retry_after"),
                members.number("load"),
                members.array("channels").map(<[_]>::len),
                members.object("windows").map(serde_json::Map::len),
            );
        }
    });
    assert_eq!(read, (Some(30), Some(0.75), Some(1), Some(1)));
    assert_eq!(info.count_total, 0);
}

/// A service answering with a catalog entry, an inline code with members, and the
/// codes of a wrapped service.
#[derive(Debug, ProblemCode)]
#[problem(catalog = problem_codes_tests::eryao::AgentPoints)]
enum RunError {
    #[problem(POINTS_INSUFFICIENT_BALANCE)]
    Broke {
        #[problem(extension)]
        balance: u32,
        #[problem(extension)]
        required: u32,
    },
    #[problem(
        code = "RUN_BACKEND_UNAVAILABLE",
        status = 503,
        title = "Run backend unavailable",
        members(backend: string, attempts?: integer)
    )]
    Down {
        #[problem(extension)]
        backend: String,
    },
    #[problem(transparent)]
    Otp(problem_codes_tests::service::OtpError),
}

#[test]
fn typed_entry_knows_a_services_inline_codes_and_wrapped_codes() {
    let inline = Problem::from_json(
        &RunError::Down {
            backend: "runner-7".into(),
        }
        .to_json(),
    )
    .unwrap();
    // No catalog holds the inline code: through the catalog it is unknown.
    assert!(matches!(
        inline.typed::<Eryao>(),
        Typed::Unknown("RUN_BACKEND_UNAVAILABLE")
    ));
    match inline.typed_entry::<RunError>() {
        Typed::Known { code, members } => {
            assert_eq!(code.code(), "RUN_BACKEND_UNAVAILABLE");
            assert_eq!(code.status(), 503);
            assert_eq!(members.text("backend"), Some("runner-7"));
            assert_eq!(members.integer("attempts"), None);
        }
        other => panic!("{other:?}"),
    }

    let broke = Problem::from_json(
        &RunError::Broke {
            balance: 3,
            required: 10,
        }
        .to_json(),
    )
    .unwrap();
    match broke.typed_entry::<RunError>() {
        Typed::Known { code, members } => {
            assert_eq!(code.code(), "POINTS_INSUFFICIENT_BALANCE");
            assert_eq!(members.integer("balance"), Some(3));
            assert_eq!(members.integer("required"), Some(10));
        }
        other => panic!("{other:?}"),
    }

    let wrapped = Problem::from_json(
        &RunError::Otp(problem_codes_tests::service::OtpError::Throttled { seconds: 30 }).to_json(),
    )
    .unwrap();
    match wrapped.typed_entry::<RunError>() {
        Typed::Known { code, members } => {
            assert_eq!(code.code(), "AUTH_TOO_MANY_REQUESTS");
            assert_eq!(members.integer("retry_after"), Some(30));
        }
        other => panic!("{other:?}"),
    }

    // A wrong-typed member reads as absent; unknown and missing codes are their own cases.
    let wrong =
        Problem::from_json(br#"{"status":503,"code":"RUN_BACKEND_UNAVAILABLE","backend":7}"#)
            .unwrap();
    match wrong.typed_entry::<RunError>() {
        Typed::Known { members, .. } => assert_eq!(members.text("backend"), None),
        other => panic!("{other:?}"),
    }
    let newer = Problem::from_json(br#"{"status":409,"code":"RUN_ALREADY_STARTED"}"#).unwrap();
    assert!(matches!(
        newer.typed_entry::<RunError>(),
        Typed::Unknown("RUN_ALREADY_STARTED")
    ));
    let bare = Problem::from_json(br#"{"status":502}"#).unwrap();
    assert!(matches!(bare.typed_entry::<RunError>(), Typed::Absent));
}
