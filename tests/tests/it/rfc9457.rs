//! One test per RFC 9457 rule the runtime keeps; each names its section.

use http::StatusCode;
use problem_codes::{
    Catalog, ExtensionError, PROBLEM_JSON, ParseError, Problem, ProblemCode, TypedCode,
};
use problem_codes_tests::eryao::{AgentPoints, AgentSession, Eryao};
use serde_json::{Value, json};

#[derive(Debug, ProblemCode)]
enum PointsError {
    #[problem(
        AgentPoints::POINTS_INSUFFICIENT_BALANCE,
        detail = "You have {balance} points; this run needs {needed}"
    )]
    Insufficient {
        #[problem(extension)]
        balance: u32,
        #[problem(extension = "required")]
        needed: u32,
    },
    #[problem(AgentSession::AGENT_SESSION_NOT_FOUND)]
    NoSession,
}

fn json_of(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("valid JSON")
}

#[test]
fn section_3_1_a_member_of_the_wrong_type_is_ignored() {
    let problem = Problem::from_json(
        br#"{"type":7,"title":["x"],"status":"429","detail":{"a":1},"instance":false,
            "code":null,"balance":3}"#,
    )
    .expect("a document with wrong-typed members still parses");
    assert_eq!(problem.type_uri(), "about:blank");
    assert_eq!(problem.title(), None);
    assert_eq!(problem.status(), None);
    assert_eq!(problem.detail(), None);
    assert_eq!(problem.instance(), None);
    assert_eq!(problem.code(), None);
    assert_eq!(
        problem.extension("balance"),
        Some(&json!(3)),
        "the rest is processed"
    );
    // Ignored means as if absent: they are not kept as extensions either.
    assert_eq!(problem.extensions().len(), 1);
}

#[test]
fn section_3_1_a_status_outside_http_range_is_ignored() {
    for status in ["1000", "-404", "404.5", "99"] {
        let body = format!(r#"{{"status":{status},"code":"AUTH_USER_NOT_FOUND"}}"#);
        let problem = Problem::from_json(body.as_bytes()).expect("parses");
        assert_eq!(problem.status(), None, "{status}");
        assert_eq!(problem.code(), Some("AUTH_USER_NOT_FOUND"));
    }
}

#[test]
fn section_3_1_1_type_defaults_to_about_blank_when_absent() {
    let problem =
        Problem::from_json(br#"{"status":503,"title":"Service Unavailable"}"#).expect("parses");
    assert_eq!(problem.type_uri(), "about:blank");
    assert!(problem.is_about_blank());
    assert!(
        !problem.to_json().starts_with(br#"{"type""#),
        "an absent type stays absent"
    );
}

#[test]
fn section_3_1_1_each_code_has_its_own_type_uri() {
    let types: std::collections::HashSet<&str> = Eryao::ALL.iter().map(|c| c.type_uri()).collect();
    assert_eq!(types.len(), Eryao::ALL.len());
    assert!(
        !types.contains("about:blank"),
        "`code` belongs to our types, not to about:blank"
    );
}

#[test]
fn section_3_1_2_status_in_the_body_equals_the_response_status() {
    let errors: [&dyn ProblemCode; 3] = [
        &PointsError::Insufficient {
            balance: 1,
            needed: 5,
        },
        &PointsError::NoSession,
        &AgentSession::AGENT_ASR_UNAVAILABLE,
    ];
    for err in errors {
        let response = err.to_response();
        assert_eq!(
            json_of(response.body())["status"],
            response.status().as_u16()
        );
    }
    let parsed = Problem::from_json(&PointsError::NoSession.to_json()).expect("parses");
    let response = parsed.to_response();
    assert_eq!(response.status(), 404);
    assert_eq!(json_of(response.body())["status"], 404);
}

#[test]
fn section_3_1_2_a_problem_without_status_is_served_as_500_and_says_so() {
    let problem = Problem::default().with_title("Something broke");
    let response = problem.to_response();
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(json_of(response.body())["status"], 500);
}

#[test]
fn section_3_1_3_title_is_the_same_for_every_occurrence() {
    let a = PointsError::Insufficient {
        balance: 1,
        needed: 5,
    }
    .to_problem();
    let b = PointsError::Insufficient {
        balance: 900,
        needed: 1000,
    }
    .to_problem();
    assert_ne!(a.detail(), b.detail());
    assert_eq!(a.title(), b.title());
    assert_eq!(a.title(), Some("Not enough points to start this run"));
}

#[test]
fn section_3_1_4_detail_is_absent_unless_the_variant_asks_and_clients_map_on_code() {
    let quiet = PointsError::NoSession.to_problem();
    assert_eq!(quiet.detail(), None);
    assert!(
        json_of(&PointsError::NoSession.to_json())
            .get("detail")
            .is_none()
    );
    // Two occurrences with different details map to the same typed code.
    for err in [
        PointsError::Insufficient {
            balance: 0,
            needed: 1,
        },
        PointsError::Insufficient {
            balance: 5,
            needed: 99,
        },
    ] {
        let parsed = Problem::from_json(&err.to_json()).expect("parses");
        assert_eq!(
            parsed.typed_code::<Eryao>(),
            TypedCode::Known(Eryao::from(AgentPoints::POINTS_INSUFFICIENT_BALANCE))
        );
    }
}

#[test]
fn section_3_1_5_instance_is_set_at_the_edge() {
    let body = PointsError::NoSession
        .render()
        .instance("/v1/sessions/42")
        .to_vec();
    assert_eq!(json_of(&body)["instance"], "/v1/sessions/42");
    let mut problem = PointsError::NoSession.to_problem();
    assert_eq!(problem.instance(), None);
    problem.set_instance("/v1/sessions/43");
    assert_eq!(json_of(&problem.to_json())["instance"], "/v1/sessions/43");
}

#[test]
fn section_3_2_extension_member_names_are_checked() {
    let base = Problem::new(StatusCode::PAYMENT_REQUIRED);
    assert!(base.clone().with_extension("balance_left", 3).is_ok());
    for bad in ["2fast", "has-dash", "", "ünïcode"] {
        assert!(
            matches!(
                base.clone().with_extension(bad, 1),
                Err(ExtensionError::Name(_))
            ),
            "{bad}"
        );
    }
    for standard in ["type", "title", "status", "detail", "instance", "code"] {
        assert!(
            base.clone().with_extension(standard, 1).is_err(),
            "{standard}"
        );
    }
}

#[test]
fn section_3_2_unknown_extension_members_survive_a_parse_and_a_rerender() {
    let original = json!({
        "type": "https://errors.eryao.example/points-insufficient-balance",
        "title": "Not enough points to start this run",
        "status": 402,
        "code": "POINTS_INSUFFICIENT_BALANCE",
        "balance": 3,
        "accounts": ["/account/12345", "/account/67890"],
        "nested": {"deep": [1, {"x": null}], "unicode": "✓ \u{1}"},
        "big": 18446744073709551615u64,
    });
    let bytes = serde_json::to_vec(&original).expect("json");
    let problem = Problem::from_json(&bytes).expect("parses");
    assert_eq!(json_of(&problem.to_json()), original);
    assert_eq!(
        Problem::from_json(&problem.to_json()).expect("parses"),
        problem
    );
}

#[test]
fn section_3_1_retry_after_is_a_member_our_types_define() {
    let parsed =
        Problem::from_json(br#"{"status":429,"code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#)
            .expect("parses");
    assert_eq!(parsed.retry_after(), Some(30));
    assert!(
        parsed.extension("retry_after").is_none(),
        "a member of ours, not an extension"
    );
    let served = parsed.to_response();
    assert_eq!(
        served.headers()["retry-after"],
        "30",
        "served again, it keeps its header"
    );
    assert_eq!(json_of(served.body())["retry_after"], 30);
    for wrong in [r#""soon""#, "-1", "1.5", "null", "[30]"] {
        let body = format!(r#"{{"status":429,"retry_after":{wrong}}}"#);
        let parsed = Problem::from_json(body.as_bytes()).expect("parses");
        assert_eq!(parsed.retry_after(), None, "{wrong} is ignored");
        assert!(parsed.to_response().headers().get("retry-after").is_none());
    }
}

#[test]
fn section_4_2_1_about_blank_is_titled_with_the_status_phrase() {
    let problem = Problem::new(StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(problem.type_uri(), "about:blank");
    assert_eq!(problem.title(), Some("Too Many Requests"));
    assert_eq!(problem.code(), None);
}

#[test]
fn section_6_1_responses_are_application_problem_json() {
    assert_eq!(PROBLEM_JSON, "application/problem+json");
    let from_code = PointsError::NoSession.to_response();
    let from_problem = Problem::new(StatusCode::NOT_FOUND).to_response();
    for response in [from_code, from_problem] {
        assert_eq!(response.headers()[http::header::CONTENT_TYPE], PROBLEM_JSON);
    }
}

#[test]
fn documents_that_are_not_problems_are_typed_errors() {
    assert!(matches!(Problem::from_json(b""), Err(ParseError::Json(_))));
    assert!(matches!(
        Problem::from_json(b"<html>502 Bad Gateway</html>"),
        Err(ParseError::Json(_))
    ));
    assert!(matches!(
        Problem::from_json(b"{\"status\":"),
        Err(ParseError::Json(_))
    ));
    for not_object in [&b"[]"[..], b"\"x\"", b"42", b"null"] {
        assert!(matches!(
            Problem::from_json(not_object),
            Err(ParseError::NotAnObject)
        ));
    }
}
