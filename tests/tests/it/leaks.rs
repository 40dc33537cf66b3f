//! Nothing about a service's internals reaches the wire unless a variant asks for it.
//! Every inner error here carries a secret in its `Display`, its `Debug`, its `source()`
//! chain and its fields; every rendering a service or its tooling can produce (bodies,
//! headers, the owned `Problem`, the exported documents) is searched for it. Variants
//! that do ask for a field show the search finds it when it is there.

use std::fmt;

use problem_codes::{ExtensionName, ExtensionSink, Problem, ProblemCode};
use problem_codes_contract::Registry;
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_tests::eryao::{Eryao, Profile};
use serde::ser::{Error as _, SerializeMap, Serializer};

/// What must never be seen: a connection string with a password.
const SECRET: &str = "postgres://admin:hunter2-7f9a@db.internal:5432/users";
/// Its most telling part, searched for too, in case the rest were cut or escaped.
const PASSWORD: &str = "hunter2-7f9a";

/// The lowest error of the chain: the secret in its message.
#[derive(Debug)]
struct IoError {
    dsn: String,
}

impl fmt::Display for IoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "connection to {} reset", self.dsn)
    }
}

impl std::error::Error for IoError {}

/// A database error: the secret in its field, its `Display`, its `Debug` and its source.
#[derive(Debug, thiserror::Error)]
#[error("query on {dsn} failed")]
struct DbError {
    dsn: String,
    #[source]
    io: IoError,
}

fn db_error() -> DbError {
    DbError {
        dsn: SECRET.to_owned(),
        io: IoError {
            dsn: SECRET.to_owned(),
        },
    }
}

/// An inner problem code whose own `Display` and fields carry the secret.
#[derive(Debug, thiserror::Error, ProblemCode)]
#[error("profile store at {dsn} is down")]
#[problem(Profile::PROFILE_NOT_FOUND, detail = "Profile not found")]
struct StoreError {
    dsn: String,
}

/// A value whose `Display` writes the secret, then fails.
#[derive(Debug)]
struct FailsHalfWay {
    padding: usize,
}

impl fmt::Display for FailsHalfWay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{SECRET}", ".".repeat(self.padding))?;
        Err(fmt::Error)
    }
}

/// A value whose `Serialize` writes the secret, then fails.
#[derive(Debug)]
struct SerializeFailsHalfWay;

impl serde::Serialize for SerializeFailsHalfWay {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("dsn", SECRET)?;
        Err(S::Error::custom("gave up"))
    }
}

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Profile)]
enum ServiceError {
    /// A `#[from]` source: only the detail written here is sent.
    #[error("database: {0}")]
    #[problem(PROFILE_DELETE_FAILED, detail = "Deletion failed, please retry")]
    Db(#[from] DbError),

    /// A detail over another field of a variant with a source.
    #[error("update of {user} failed: {source}")]
    #[problem(PROFILE_NOT_FOUND, detail = "Update of {user} failed")]
    Update {
        user: String,
        #[source]
        source: DbError,
    },

    /// No detail: the field is in the error message only.
    #[error("{0}")]
    #[problem(
        code = "PROFILE_CONFIG_BROKEN",
        status = 500,
        title = "Configuration broken"
    )]
    Config(String),

    /// Extension members and `Retry-After` beside a field that is neither.
    #[error("throttled by {dsn}")]
    #[problem(code = "PROFILE_THROTTLED", status = 429, title = "Throttled")]
    Throttled {
        #[problem(retry_after)]
        secs: u64,
        #[problem(extension)]
        limit: u32,
        dsn: String,
    },

    /// An inner problem code: everything comes from it, and it asks for no secret.
    #[error(transparent)]
    #[problem(transparent)]
    Store(StoreError),

    /// A detail whose field fails to display half-way: left out whole.
    #[error("broken")]
    #[problem(
        code = "PROFILE_DETAIL_BROKEN",
        status = 500,
        title = "Detail broken",
        detail = "see {0}"
    )]
    BrokenDetail(FailsHalfWay),

    /// An extension that fails to serialize half-way: left out whole.
    #[error("broken")]
    #[problem(code = "PROFILE_MEMBER_BROKEN", status = 500, title = "Member broken")]
    BrokenMember(#[problem(extension = "state")] SerializeFailsHalfWay),

    /// Asks for the field in the detail: the secret is sent, as written.
    #[error("explicit")]
    #[problem(
        code = "PROFILE_EXPLICIT_DETAIL",
        status = 500,
        title = "Explicit",
        detail = "dsn {0}"
    )]
    ExplicitDetail(String),

    /// Asks for the inner error's `Debug`: sent, as written.
    #[error("explicit")]
    #[problem(
        code = "PROFILE_EXPLICIT_DEBUG",
        status = 500,
        title = "Explicit",
        detail = "{0:?}"
    )]
    ExplicitDebug(DbError),

    /// Asks for the field as a member: sent, as written.
    #[error("explicit")]
    #[problem(code = "PROFILE_EXPLICIT_MEMBER", status = 500, title = "Explicit")]
    ExplicitMember {
        #[problem(extension)]
        dsn: String,
    },
}

/// Every variant that does not ask for the secret.
fn silent() -> Vec<ServiceError> {
    vec![
        ServiceError::Db(db_error()),
        ServiceError::Update {
            user: "ada".into(),
            source: db_error(),
        },
        ServiceError::Config(SECRET.into()),
        ServiceError::Throttled {
            secs: 30,
            limit: 5,
            dsn: SECRET.into(),
        },
        ServiceError::Store(StoreError { dsn: SECRET.into() }),
        // Short and long: a failure half-way is cut whichever its length.
        ServiceError::BrokenDetail(FailsHalfWay { padding: 0 }),
        ServiceError::BrokenDetail(FailsHalfWay { padding: 400 }),
        ServiceError::BrokenMember(SerializeFailsHalfWay),
    ]
}

/// Every variant that asks for the secret.
fn explicit() -> Vec<ServiceError> {
    vec![
        ServiceError::ExplicitDetail(SECRET.into()),
        ServiceError::ExplicitDebug(db_error()),
        ServiceError::ExplicitMember { dsn: SECRET.into() },
    ]
}

/// Everything a problem puts on the wire, as text: each body and every header, of the
/// code itself, of a render with an instance, and of the owned `Problem`.
fn wire(err: &ServiceError) -> Vec<(String, String)> {
    let mut seen = Vec::new();
    let mut response = |what: &str, response: http::Response<Vec<u8>>| {
        for (name, value) in response.headers() {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            seen.push((format!("{what} header {name}"), value));
        }
        let body = String::from_utf8_lossy(response.body()).into_owned();
        seen.push((format!("{what} body"), body));
    };
    response("to_response", err.to_response());
    response("render", err.render().instance("/v1/profile").to_response());
    let problem = err.to_problem();
    response("Problem::to_response", problem.to_response());
    seen.push((
        "Problem::to_json".into(),
        String::from_utf8_lossy(&problem.to_json()).into_owned(),
    ));
    seen.push((
        "to_json".into(),
        String::from_utf8_lossy(&err.to_json()).into_owned(),
    ));
    seen.push(("detail".into(), err.detail().unwrap_or_default()));
    seen.push((
        "Render's Debug".into(),
        format!("{:?}", err.render().instance("/v1/profile")),
    ));
    seen
}

fn leaks(text: &str) -> bool {
    let escaped = serde_json::to_string(SECRET).unwrap_or_default();
    text.contains(SECRET) || text.contains(PASSWORD) || text.contains(escaped.trim_matches('"'))
}

#[test]
fn no_rendering_carries_a_secret_the_variant_does_not_ask_for() {
    for err in silent() {
        // The secret is there to be leaked: in the error's message, its `Debug` or its
        // chain (the broken values hold it in their code).
        let chain = format!("{err} {err:?} {:?}", std::error::Error::source(&err));
        let broken = matches!(
            err,
            ServiceError::BrokenDetail(_) | ServiceError::BrokenMember(_)
        );
        assert!(leaks(&chain) || broken, "{err:?}");
        for (what, text) in wire(&err) {
            assert!(!leaks(&text), "{what} of {} leaks: {text}", err.code());
        }
    }
}

#[test]
fn a_variant_that_asks_for_the_field_sends_it_and_the_search_sees_it() {
    for err in explicit() {
        let (what, _) = wire(&err)
            .into_iter()
            .find(|(what, text)| what == "to_json" && leaks(text))
            .unwrap_or_else(|| panic!("the body of {} shows the secret it asks for", err.code()));
        assert_eq!(what, "to_json");
    }
}

#[test]
fn a_detail_or_member_that_fails_half_way_is_left_out_whole() {
    for err in [
        ServiceError::BrokenDetail(FailsHalfWay { padding: 0 }),
        ServiceError::BrokenDetail(FailsHalfWay { padding: 400 }),
    ] {
        let problem = err.to_problem();
        assert_eq!(problem.detail(), None, "no detail, not a partial one");
        assert_eq!(err.detail(), None, "and no panic: the Display failed");
        let body: serde_json::Value = serde_json::from_slice(&err.to_json()).expect("valid JSON");
        assert_eq!(body.get("detail"), None);
        assert_eq!(Problem::from_json(&err.to_json()).ok(), Some(problem));
    }
    let err = ServiceError::BrokenMember(SerializeFailsHalfWay);
    let body: serde_json::Value = serde_json::from_slice(&err.to_json()).expect("valid JSON");
    assert_eq!(body.get("state"), None);
    assert_eq!(err.to_problem().extension("state"), None);
}

/// A hand-written `ProblemCode` adds members through `ExtensionSink`; a failing one is left
/// out there too.
struct ByHand;

impl ProblemCode for ByHand {
    fn entry(&self) -> &'static problem_codes::Entry {
        Profile::PROFILE_NOT_FOUND.entry()
    }

    fn extensions(&self, ext: &mut ExtensionSink<'_>) {
        ext.insert(ExtensionName::from_static("state"), &SerializeFailsHalfWay)
            .insert(ExtensionName::from_static("ok"), &1);
    }
}

#[test]
fn a_hand_written_member_that_fails_is_left_out_and_the_rest_kept() {
    let body = String::from_utf8(ByHand.to_json()).expect("UTF-8");
    assert!(!leaks(&body), "{body}");
    let value: serde_json::Value = serde_json::from_str(&body).expect("valid JSON");
    assert_eq!(value["ok"], 1);
}

#[test]
fn the_exported_documents_carry_only_the_catalog() {
    let registry = Registry::of::<Eryao>();
    let mut documents = vec![
        registry.to_json(),
        registry.to_markdown(&MarkdownOptions::new()),
        registry.to_typescript(),
    ];
    documents.extend(registry.to_html().iter().map(|page| page.html().to_owned()));
    // Render every error first: an export is made from static facts, never from an
    // occurrence, whatever was rendered before it.
    for err in silent().iter().chain(&explicit()) {
        let _ = err.to_json();
    }
    for document in &documents {
        assert!(!leaks(document));
    }
    assert!(documents.len() > 3 + 20, "every export, a page per code");
    assert!(documents.iter().all(|d| d.contains("PROFILE")
        || d.contains("AUTH")
        || d.contains("AGENT")
        || d.contains("POINTS")
        || d.contains("AVATAR")));
}
