//! Heap allocations, counted per thread by `allocation-counter`'s global allocator:
//! exactly one per rendered body (the body itself, sized exactly), none for the static
//! facts of a code or a catalog lookup by string.

use allocation_counter::measure;
use problem_codes::{Catalog, ProblemCode};
use problem_codes_tests::eryao::{AgentPoints, Auth, Eryao};

#[derive(Debug, ProblemCode)]
#[problem(catalog = Auth)]
enum OtpError {
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        #[problem(retry_after)]
        seconds: u64,
    },
    #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0:?}")]
    NoUser(String),
}

#[derive(Debug, ProblemCode)]
#[problem(catalog = AgentPoints)]
enum PointsError {
    #[problem(
        code = "POINTS_BALANCE_HISTORY",
        status = 402,
        title = "Not enough points",
        members(balance: integer, history: [integer])
    )]
    Insufficient {
        #[problem(extension)]
        balance: u32,
        #[problem(extension)]
        history: Vec<u32>,
    },
}

/// Renders `problem` while counting, and checks the body.
fn one_allocation(problem: &dyn ProblemCode, instance: Option<&str>) {
    let mut body = Vec::new();
    let info = measure(|| {
        let render = problem_codes::Render::new(problem);
        body = match instance {
            Some(instance) => render.instance(instance).to_vec(),
            None => render.to_vec(),
        };
    });
    assert_eq!(info.count_total, 1, "{}: one allocation", problem.code());
    assert_eq!(
        info.bytes_total,
        body.len() as u64,
        "{}: sized exactly",
        problem.code()
    );
    assert_eq!(body.capacity(), body.len());
}

#[test]
fn a_rendered_body_is_one_exact_allocation() {
    one_allocation(&OtpError::Throttled { seconds: 30 }, Some("/v1/auth/otp"));
    one_allocation(&OtpError::NoUser("ann \"the\" admin".into()), None);
    one_allocation(&Auth::AUTH_SERVICE_UNAVAILABLE, None);
    one_allocation(&Auth::AUTH_SERVICE_UNAVAILABLE, Some("/v1/x"));
    one_allocation(
        &PointsError::Insufficient {
            balance: 3,
            history: vec![1, 2, 3],
        },
        None,
    );
    // Long parts are counted, then written: still one allocation.
    one_allocation(&OtpError::NoUser("x".repeat(5_000)), Some("/v1/users"));
}

#[test]
fn a_response_allocates_its_body_and_its_header_map_only() {
    let body_only = measure(|| drop(Auth::AUTH_USER_NOT_FOUND.to_json()));
    let response = measure(|| drop(Auth::AUTH_USER_NOT_FOUND.to_response()));
    let bare = measure(|| {
        let mut r = http::Response::new(Vec::<u8>::new());
        r.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/problem+json"),
        );
        drop(r);
    });
    assert_eq!(body_only.count_total, 1);
    assert_eq!(
        response.count_total,
        body_only.count_total + bare.count_total
    );
}

#[test]
fn static_facts_and_lookups_allocate_nothing() {
    let err = OtpError::Throttled { seconds: 1 };
    let info = measure(|| {
        let _ = (
            err.code(),
            err.status(),
            err.title(),
            err.type_uri(),
            err.entry(),
        );
        let _ = Auth::AUTH_TOO_MANY_REQUESTS.entry().handling();
        for code in ["AUTH_TOO_MANY_REQUESTS", "AVATAR_UPLOAD_FAILED", "NOPE"] {
            let _ = Eryao::from_code(code);
            let _ = Auth::from_code(code);
        }
        let _ = Eryao::ALL.len() + Eryao::SECTIONS.len();
    });
    assert_eq!(info.count_total, 0);
}
