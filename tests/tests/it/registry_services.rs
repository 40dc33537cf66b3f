//! Every code a service can send is in the contract: a registry built from the eryao
//! catalog and the service's error types, inline codes included, each service's codes
//! recorded, and one service's own subset exported as JSON, Markdown and HTML.
//!
//! The service types' code lists are written here as `CodeSet` impls on marker types,
//! from values of each type, so that they hold whatever the derive implements.

use problem_codes::{CodeSet, Entry, ProblemCode, ValidationErrors};
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::{Conflict, Registry, RegistryError};
use problem_codes_tests::eryao::{Auth, Eryao};
use problem_codes_tests::service::{AgentError, AsrError, OtpError, PointsError, ProfileError};

/// A service error type with a code of its own, declared inline.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Auth)]
enum LoginError {
    #[problem(AUTH_USER_NOT_FOUND)]
    NoUser,
    #[problem(
        code = "AUTH_BACKEND_UNAVAILABLE",
        status = 503,
        title = "Auth backend unavailable",
        handling = "Show retry message"
    )]
    BackendDown,
}

/// An inline code that contradicts the catalog: `AUTH_TOO_MANY_REQUESTS` as a 503.
#[derive(Debug, ProblemCode)]
#[problem(
    code = "AUTH_TOO_MANY_REQUESTS",
    status = 503,
    title = "OTP request throttled"
)]
struct Throttled;

struct AuthService;
impl CodeSet for AuthService {
    fn entries(out: &mut Vec<&'static Entry>) {
        out.push(OtpError::Throttled { seconds: 1 }.entry());
        out.push(LoginError::NoUser.entry());
        out.push(LoginError::BackendDown.entry());
        // Listed twice, as two variants naming one code would.
        out.push(OtpError::Throttled { seconds: 2 }.entry());
    }
}

struct AgentService;
impl CodeSet for AgentService {
    fn entries(out: &mut Vec<&'static Entry>) {
        let asr = AsrError {
            endpoint: "asr",
            cause: std::io::Error::other("down"),
        };
        out.push(AgentError::AsrUnavailable(asr).entry());
        out.push(AgentError::SessionNotFound(1).entry());
        out.push(
            PointsError::Insufficient {
                balance: 1,
                required: 2,
            }
            .entry(),
        );
        out.push(
            ProfileError::Invalid {
                errors: ValidationErrors::new(),
            }
            .entry(),
        );
    }
}

struct Contradicting;
impl CodeSet for Contradicting {
    fn entries(out: &mut Vec<&'static Entry>) {
        out.push(Throttled.entry());
    }
}

fn eryao() -> Registry {
    Registry::builder("Eryao")
        .catalog::<Eryao>()
        .service::<AuthService>()
        .service_named::<AgentService>("agent-service")
        .build()
        .expect("the eryao contract")
}

#[test]
fn the_contract_has_the_catalog_then_the_inline_codes() {
    let registry = eryao();
    let catalog = Registry::of::<Eryao>();
    assert_eq!(registry.codes().len(), catalog.codes().len() + 1);
    assert_eq!(&registry.codes()[..catalog.codes().len()], catalog.codes());
    let inline = registry.codes().last().expect("the inline code");
    assert_eq!(
        (inline.code(), inline.status(), inline.title()),
        ("AUTH_BACKEND_UNAVAILABLE", 503, "Auth backend unavailable")
    );
    // The catalog's framing is the contract's document's.
    assert_eq!(registry.framing(), catalog.framing());
    // Every export sees the inline code.
    assert!(registry.to_json().contains("\"AUTH_BACKEND_UNAVAILABLE\""));
    assert!(
        registry
            .to_typescript()
            .contains("| \"AUTH_BACKEND_UNAVAILABLE\"")
    );
    assert!(
        registry
            .to_document()
            .contains("| `AUTH_BACKEND_UNAVAILABLE` | 503 |")
    );
    assert!(
        registry
            .to_html()
            .iter()
            .any(|page| page.path() == "auth-backend-unavailable/index.html")
    );
}

#[test]
fn each_code_records_the_services_that_send_it() {
    let registry = eryao();
    assert_eq!(registry.senders("AUTH_TOO_MANY_REQUESTS"), ["AuthService"]);
    assert_eq!(
        registry.senders("AUTH_BACKEND_UNAVAILABLE"),
        ["AuthService"]
    );
    assert_eq!(
        registry.senders("POINTS_INSUFFICIENT_BALANCE"),
        ["agent-service"]
    );
    assert!(registry.senders("AVATAR_UPLOAD_FAILED").is_empty());
    let services: Vec<(&str, usize)> = registry
        .services()
        .iter()
        .map(|s| (s.name(), s.codes().len()))
        .collect();
    // A code listed twice counts once.
    assert_eq!(services, [("AuthService", 3), ("agent-service", 4)]);
    // In the registry's order, the inline code last.
    assert_eq!(
        registry.services()[0].codes(),
        [
            "AUTH_TOO_MANY_REQUESTS",
            "AUTH_USER_NOT_FOUND",
            "AUTH_BACKEND_UNAVAILABLE"
        ]
    );
}

#[test]
fn one_service_exports_its_own_codes() {
    let registry = eryao();
    let auth = registry.for_service("AuthService").expect("the service");
    assert_eq!(auth.name(), "AuthService");
    let codes: Vec<&str> = auth.codes().iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [
            "AUTH_TOO_MANY_REQUESTS",
            "AUTH_USER_NOT_FOUND",
            "AUTH_BACKEND_UNAVAILABLE"
        ]
    );
    // JSON: it reads back to the same codes.
    let json = Registry::from_json(&auth.to_json()).expect("the subset's JSON reads back");
    assert_eq!(json.codes(), auth.codes());
    // Markdown: the service's rows only, under their sections.
    let markdown = auth.to_markdown(&MarkdownOptions::new().title("AuthService errors"));
    assert!(
        markdown.starts_with("# AuthService errors\n\n## Auth\n\n"),
        "{markdown}"
    );
    assert_eq!(markdown.matches("\n| `").count(), 3, "{markdown}");
    assert!(!markdown.contains("AVATAR_"), "{markdown}");
    // HTML: the index and a page per code.
    let pages = auth.to_html();
    assert_eq!(pages.len(), 4);
    assert!(
        pages[0]
            .html()
            .contains("<h1>AuthService problem types</h1>")
    );
    assert!(registry.for_service("AvatarService").is_none());
}

#[test]
fn an_inline_code_that_contradicts_the_catalog_is_refused() {
    let err = Registry::builder("Eryao")
        .catalog::<Eryao>()
        .service::<Contradicting>()
        .build()
        .expect_err("a 503 AUTH_TOO_MANY_REQUESTS contradicts the catalog's 429");
    assert_eq!(
        err,
        RegistryError::ConflictingCode(Box::new(Conflict {
            code: "AUTH_TOO_MANY_REQUESTS".into(),
            fact: "status",
            first: "`Eryao` with status 429".into(),
            second: "`Contradicting` with status 503".into(),
        }))
    );
    // The same code from two catalogs, one composed of the other, is one code.
    let both = Registry::builder("Eryao")
        .catalog::<Eryao>()
        .catalog::<Auth>()
        .build()
        .expect("a catalog and one of its members agree");
    assert_eq!(both.codes(), Registry::of::<Eryao>().codes());
}

#[test]
fn a_service_alone_gives_its_catalog_entries_and_inline_codes() {
    let registry = Registry::builder("Auth")
        .service::<AuthService>()
        .build()
        .expect("a service alone");
    let codes: Vec<(&str, &str)> = registry
        .codes()
        .iter()
        .map(|e| (e.code(), e.section()))
        .collect();
    assert_eq!(
        codes,
        [
            ("AUTH_TOO_MANY_REQUESTS", "Auth"),
            ("AUTH_USER_NOT_FOUND", "Auth"),
            // An inline code's section is its type's name.
            ("AUTH_BACKEND_UNAVAILABLE", "LoginError")
        ]
    );
}

#[test]
fn each_fact_of_a_code_must_agree() {
    use problem_codes::{Member, MemberType};
    const BALANCE: &[Member] = &[Member::new("balance", MemberType::Integer)];
    const OPTIONAL: &[Member] = &[Member::new("balance", MemberType::Integer).optional()];
    const BASE: Entry = Entry::new("POINTS_LOW", 402, "Low", "/problems/points-low");
    const TITLE: Entry = Entry::new("POINTS_LOW", 402, "Too low", "/problems/points-low");
    const TYPE: Entry = Entry::new("POINTS_LOW", 402, "Low", "https://e.example/points-low");
    const MEMBERS: Entry = BASE.with_members(BALANCE);
    const OTHER_MEMBERS: Entry = BASE.with_members(OPTIONAL);
    // The handling and section are not facts on the wire: they may differ.
    const DOCS: Entry = BASE.with_handling("Show it").with_section("Points");

    fn conflict(a: &'static Entry, b: &'static Entry) -> Option<(&'static str, String, String)> {
        thread_local!(static PAIR: std::cell::Cell<[Option<&'static Entry>; 2]> = const { std::cell::Cell::new([None, None]) });
        struct First;
        impl CodeSet for First {
            fn entries(out: &mut Vec<&'static Entry>) {
                out.extend(PAIR.with(|p| p.get()[0]));
            }
        }
        struct Second;
        impl CodeSet for Second {
            fn entries(out: &mut Vec<&'static Entry>) {
                out.extend(PAIR.with(|p| p.get()[1]));
            }
        }
        PAIR.with(|p| p.set([Some(a), Some(b)]));
        match Registry::builder("Points")
            .service::<First>()
            .service::<Second>()
            .build()
        {
            Ok(_) => None,
            Err(RegistryError::ConflictingCode(c)) => Some((c.fact, c.first, c.second)),
            Err(err) => panic!("{err}"),
        }
    }
    let of = |fact: &'static str, first: &str, second: &str| {
        Some((
            fact,
            format!("`First` with {fact} {first}"),
            format!("`Second` with {fact} {second}"),
        ))
    };
    assert_eq!(
        conflict(&BASE, &TITLE),
        of("title", "\"Low\"", "\"Too low\"")
    );
    assert_eq!(
        conflict(&BASE, &TYPE),
        of(
            "type",
            "`/problems/points-low`",
            "`https://e.example/points-low`"
        )
    );
    assert_eq!(
        conflict(&BASE, &MEMBERS),
        of("members", "`{}`", "`{balance: integer}`")
    );
    assert_eq!(
        conflict(&MEMBERS, &OTHER_MEMBERS),
        of("members", "`{balance: integer}`", "`{balance?: integer}`")
    );
    assert_eq!(conflict(&BASE, &DOCS), None);
    assert_eq!(conflict(&MEMBERS, &MEMBERS), None);
}
