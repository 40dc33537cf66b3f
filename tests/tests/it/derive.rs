//! `#[derive(ProblemCode)]` on every supported shape and attribute.

use std::fmt;
use std::time::Duration;

use problem_codes::{Catalog, Problem, ProblemCode, TypedCode};
use problem_codes_tests::eryao::{AgentPoints, AgentSession, Auth, Avatar, Eryao, Profile};
use serde_json::{Value, json};

fn body(problem: &impl ProblemCode) -> Value {
    serde_json::from_slice(&problem.to_json()).expect("the body is JSON")
}

#[derive(Debug)]
struct StorageError(&'static str);

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bucket {} refused the write", self.0)
    }
}

impl std::error::Error for StorageError {}

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Avatar)]
enum AvatarError {
    #[error("mime {0} not allowed")]
    #[problem(AVATAR_FILE_INVALID, detail = "mime {0} not allowed")]
    BadMime(String),
    #[error("storage failed")]
    #[problem(
        AVATAR_UPLOAD_FAILED,
        status = 502,
        detail = "Upload failed, please retry"
    )]
    Upload(#[source] StorageError),
    #[error("quota")]
    #[problem(
        code = "AVATAR_QUOTA_EXCEEDED",
        status = 429,
        title = "Avatar quota exceeded",
        handling = "Show the quota and when it resets"
    )]
    Quota {
        #[problem(retry_after)]
        seconds: u64,
        #[problem(extension)]
        limit: u32,
        #[problem(extension = "usedToday")]
        used: u32,
    },
    #[error("scope")]
    #[problem(AVATAR_PATH_SCOPE_INVALID)]
    Scope,
    #[error(transparent)]
    #[problem(transparent)]
    Auth(#[from] AuthError),
}

#[derive(Debug, thiserror::Error, ProblemCode)]
enum AuthError {
    #[error("throttled")]
    #[problem(Auth::AUTH_TOO_MANY_REQUESTS, detail = "Try again in {wait:?}")]
    Throttled {
        #[problem(retry_after)]
        wait: Duration,
    },
}

#[test]
fn catalog_entry_inherits_status_title_handling_and_type() {
    let err = AvatarError::Scope;
    assert_eq!(err.code(), "AVATAR_PATH_SCOPE_INVALID");
    assert_eq!(err.status(), 422);
    assert_eq!(
        err.title(),
        "Avatar path does not belong to current user scope"
    );
    assert_eq!(
        err.entry().handling(),
        "Show generic security error and force refresh"
    );
    assert_eq!(err.entry().section(), "Avatar");
    assert_eq!(
        err.type_uri(),
        "https://errors.eryao.example/avatar-path-scope-invalid"
    );
    assert!(std::ptr::eq(
        err.entry(),
        Avatar::AVATAR_PATH_SCOPE_INVALID.entry()
    ));
    assert_eq!(err.detail(), None);
}

#[test]
fn tuple_variant_detail_formats_its_field() {
    let err = AvatarError::BadMime("image/gif".into());
    assert_eq!(err.detail().as_deref(), Some("mime image/gif not allowed"));
    assert_eq!(body(&err)["detail"], "mime image/gif not allowed");
}

#[test]
fn source_errors_never_reach_the_body() {
    let err = AvatarError::Upload(StorageError("secret-bucket"));
    let text = String::from_utf8(err.to_json()).expect("utf-8");
    assert!(!text.contains("secret-bucket"), "{text}");
    assert_eq!(body(&err)["detail"], "Upload failed, please retry");
    assert_eq!(err.to_string(), "storage failed");
}

#[test]
fn struct_variant_with_inline_code_extensions_and_retry_after() {
    let err = AvatarError::Quota {
        seconds: 30,
        limit: 5,
        used: 5,
    };
    assert_eq!(err.code(), "AVATAR_QUOTA_EXCEEDED");
    assert_eq!(
        err.entry().section(),
        "AvatarError",
        "an inline code's section defaults to the type name"
    );
    assert_eq!(err.type_uri(), "/problems/avatar-quota-exceeded");
    let response = err.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        body(&err),
        json!({
            "type": "/problems/avatar-quota-exceeded",
            "title": "Avatar quota exceeded",
            "status": 429,
            "code": "AVATAR_QUOTA_EXCEEDED",
            "retry_after": 30,
            "limit": 5,
            "usedToday": 5,
        })
    );
}

#[test]
fn transparent_delegates_everything_to_the_inner_problem() {
    let err = AvatarError::from(AuthError::Throttled {
        wait: Duration::from_millis(2500),
    });
    assert_eq!(err.code(), "AUTH_TOO_MANY_REQUESTS");
    assert_eq!(err.status(), 429);
    assert_eq!(err.detail().as_deref(), Some("Try again in 2.5s"));
    assert_eq!(
        err.retry_after(),
        Some(3),
        "a Duration rounds up to whole seconds"
    );
    assert_eq!(err.to_response().headers()["retry-after"], "3");
}

#[derive(Debug, ProblemCode)]
#[problem(
    code = "PROFILE_NICKNAME_TAKEN",
    status = 409,
    title = "Nickname taken",
    type_base = "https://errors.example.com/types/"
)]
#[problem(detail = "{nickname} is taken; try {suggestion}")]
struct NicknameTaken {
    nickname: String,
    #[problem(extension)]
    suggestion: String,
}

#[test]
fn struct_with_its_own_code_and_type_base() {
    let err = NicknameTaken {
        nickname: "ann".into(),
        suggestion: "ann2".into(),
    };
    assert_eq!(
        err.type_uri(),
        "https://errors.example.com/types/profile-nickname-taken"
    );
    assert_eq!(err.detail().as_deref(), Some("ann is taken; try ann2"));
    assert_eq!(body(&err)["suggestion"], "ann2");
    assert!(
        body(&err).get("nickname").is_none(),
        "only marked fields are members"
    );
}

#[derive(Debug, ProblemCode)]
#[problem(transparent)]
struct Wrapped(Box<AvatarError>);

#[test]
fn transparent_struct_over_a_box() {
    let err = Wrapped(Box::new(AvatarError::Scope));
    assert_eq!(err.code(), "AVATAR_PATH_SCOPE_INVALID");
}

#[derive(Debug, ProblemCode)]
enum Generic<T, E> {
    #[problem(Profile::PROFILE_NOT_FOUND, detail = "invalid: {0}")]
    Invalid(T),
    #[problem(AgentPoints::POINTS_INSUFFICIENT_BALANCE)]
    Points {
        #[problem(extension)]
        balance: T,
        #[problem(extension)]
        required: T,
    },
    #[problem(transparent)]
    Inner(E),
    #[problem(AgentSession::AGENT_SESSION_NOT_FOUND)]
    Missing(std::marker::PhantomData<fn() -> T>),
}

#[test]
fn generic_enums_get_bounds_from_the_roles_of_their_fields() {
    let err: Generic<u32, AuthError> = Generic::Points {
        balance: 3,
        required: 10,
    };
    assert_eq!(body(&err)["balance"], 3);
    let err: Generic<&str, AuthError> = Generic::Invalid("nickname");
    assert_eq!(err.detail().as_deref(), Some("invalid: nickname"));
    let err: Generic<u8, AuthError> = Generic::Inner(AuthError::Throttled {
        wait: Duration::from_secs(1),
    });
    assert_eq!(err.code(), "AUTH_TOO_MANY_REQUESTS");
    let err: Generic<u8, AuthError> = Generic::Missing(std::marker::PhantomData);
    assert_eq!(err.code(), "AGENT_SESSION_NOT_FOUND");
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = AgentSession)]
enum Details {
    #[problem(
        AGENT_AUDIO_TOO_LARGE,
        detail = "{size} bytes > {max} bytes; {{braces}} stay"
    )]
    TooLarge { size: usize, max: usize },
    #[problem(AGENT_AUDIO_UNSUPPORTED_FORMAT, detail = "format {0:?} is not {1}")]
    Format(String, &'static str),
    #[problem(AGENT_AUDIO_EMPTY, detail = "a \"quoted\"\nline\tand a \\ backslash")]
    Empty,
}

#[test]
fn detail_format_strings() {
    let err = Details::TooLarge { size: 11, max: 10 };
    assert_eq!(
        err.detail().as_deref(),
        Some("11 bytes > 10 bytes; {braces} stay")
    );
    let err = Details::Format("ogg".into(), "wav");
    assert_eq!(err.detail().as_deref(), Some("format \"ogg\" is not wav"));
    assert_eq!(body(&err)["detail"], "format \"ogg\" is not wav");
    let err = Details::Empty;
    assert_eq!(
        body(&err)["detail"],
        "a \"quoted\"\nline\tand a \\ backslash"
    );
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = Auth)]
enum Retry {
    #[problem(AUTH_SERVICE_UNAVAILABLE)]
    Maybe(#[problem(retry_after)] Option<u32>),
}

#[test]
fn optional_retry_after() {
    assert_eq!(
        Retry::Maybe(Some(5)).to_response().headers()["retry-after"],
        "5"
    );
    let none = Retry::Maybe(None).to_response();
    assert!(none.headers().get("retry-after").is_none());
    assert!(body(&Retry::Maybe(None)).get("retry_after").is_none());
}

#[test]
fn client_parses_the_typed_code_back() {
    let bytes = AvatarError::BadMime("image/gif".into()).to_json();
    let problem = Problem::from_json(&bytes).expect("parses");
    assert_eq!(
        problem.typed_code::<Eryao>(),
        TypedCode::Known(Eryao::from(Avatar::AVATAR_FILE_INVALID))
    );
    assert_eq!(problem.detail(), Some("mime image/gif not allowed"));
    // The inline code is not in the catalog: an explicit fallback, not an error.
    let bytes = AvatarError::Quota {
        seconds: 1,
        limit: 1,
        used: 0,
    }
    .to_json();
    let problem = Problem::from_json(&bytes).expect("parses");
    assert_eq!(
        problem.typed_code::<Eryao>(),
        TypedCode::Unknown("AVATAR_QUOTA_EXCEEDED")
    );
    assert_eq!(<Eryao as Catalog>::from_code("AVATAR_QUOTA_EXCEEDED"), None);
}

#[test]
fn to_problem_matches_the_rendered_body() {
    let errors: Vec<Box<dyn ProblemCode>> = vec![
        Box::new(AvatarError::BadMime("a\"b".into())),
        Box::new(AvatarError::Quota {
            seconds: 9,
            limit: 1,
            used: 2,
        }),
        Box::new(Details::Empty),
        Box::new(NicknameTaken {
            nickname: "n".into(),
            suggestion: "m".into(),
        }),
        Box::new(Profile::PROFILE_NOT_FOUND),
    ];
    for err in errors {
        let rendered: Value = serde_json::from_slice(&err.to_json()).expect("json");
        let owned: Value = serde_json::from_slice(&err.to_problem().to_json()).expect("json");
        assert_eq!(rendered, owned, "{}", err.code());
    }
}
