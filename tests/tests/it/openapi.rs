//! With the `utoipa` feature, every problem code type documents its responses: one per
//! status, with the problem schema and an example per code.

#![cfg(feature = "utoipa")]

use problem_codes::{Catalog, ProblemCode};
use problem_codes_tests::eryao::{AgentPoints, Eryao};
use problem_codes_tests::service::{AgentError, PointsError, ProfileError};
use serde_json::{Value, json};
use utoipa::{IntoResponses, OpenApi};

/// The whole service's errors: its responses are the union of its parts'.
#[derive(Debug, ProblemCode)]
#[problem(catalog = AgentPoints)]
#[allow(dead_code, reason = "only its responses are used")]
enum ApiError {
    #[problem(transparent)]
    Agent(AgentError),
    #[problem(transparent)]
    Points(Box<PointsError>),
    #[problem(transparent)]
    Profile(ProfileError),
    #[problem(POINTS_INSUFFICIENT_BALANCE)]
    AlsoInsufficient {
        #[problem(extension)]
        balance: u32,
        #[problem(extension)]
        required: u32,
    },
}

#[utoipa::path(
    post,
    path = "/v1/agent/transcribe",
    responses((status = 200, description = "The transcript", body = String), AgentError)
)]
#[allow(dead_code, reason = "only its documentation is used")]
fn transcribe() {}

#[derive(OpenApi)]
#[openapi(paths(transcribe))]
struct Doc;

fn json_of<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("serializable")
}

#[test]
fn a_derived_enum_has_one_response_per_status() {
    let responses = AgentError::responses();
    assert_eq!(responses.keys().collect::<Vec<_>>(), ["404", "502"]);
    let bad_gateway = json_of(&responses["502"]);
    assert_eq!(
        bad_gateway["description"],
        "Bad Gateway: `AGENT_ASR_UNAVAILABLE` (Upstream ASR service unavailable)"
    );
    let content = &bad_gateway["content"]["application/problem+json"];
    assert_eq!(
        content["examples"]["AGENT_ASR_UNAVAILABLE"],
        json!({
            "summary": "Upstream ASR service unavailable",
            "description": "Show retry message and allow fallback to text input",
            "value": {
                "type": "https://errors.eryao.example/agent-asr-unavailable",
                "title": "Upstream ASR service unavailable",
                "status": 502,
                "code": "AGENT_ASR_UNAVAILABLE",
            },
        })
    );
    let branches = content["schema"]["oneOf"]
        .as_array()
        .expect("one branch per code");
    assert_eq!(branches.len(), 2, "the code, then codes added later");
    let schema = &branches[0];
    assert_eq!(schema["type"], "object");
    assert_eq!(
        schema["required"],
        json!(["type", "title", "status", "code"])
    );
    assert_eq!(
        schema["properties"]["code"]["enum"],
        json!(["AGENT_ASR_UNAVAILABLE"])
    );
    assert_eq!(schema["properties"]["status"]["enum"], json!([502]));
    let other = &branches[1];
    let code = &other["properties"]["code"];
    assert_eq!(
        code["oneOf"],
        json!([{"enum": ["AGENT_ASR_UNAVAILABLE"]}, {}]),
        "other codes may appear, and only they"
    );
    assert_eq!(code["x-extensible-enum"], json!(["AGENT_ASR_UNAVAILABLE"]));
    assert!(
        code["description"]
            .as_str()
            .is_some_and(|d| d.contains("added after"))
    );
    let schema = other;
    assert_eq!(
        schema["properties"]["errors"]["items"]["required"],
        json!(["detail", "pointer"])
    );
}

#[test]
fn transparent_variants_add_their_codes_once() {
    let responses = ApiError::responses();
    assert_eq!(
        responses.keys().collect::<Vec<_>>(),
        ["402", "404", "422", "502"]
    );
    let payment = json_of(&responses["402"]);
    let examples = payment["content"]["application/problem+json"]["examples"]
        .as_object()
        .expect("examples");
    assert_eq!(
        examples.keys().collect::<Vec<_>>(),
        ["POINTS_INSUFFICIENT_BALANCE"]
    );
}

#[test]
fn a_catalog_documents_every_code() {
    let responses = Eryao::responses();
    assert_eq!(
        responses.keys().collect::<Vec<_>>(),
        [
            "400", "401", "402", "404", "409", "422", "429", "502", "503"
        ]
    );
    let examples: usize = responses
        .values()
        .map(|r| {
            json_of(r)["content"]["application/problem+json"]["examples"]
                .as_object()
                .map_or(0, |e| e.len())
        })
        .sum();
    assert_eq!(examples, Eryao::ALL.len());
}

#[test]
fn the_responses_reach_an_openapi_document() {
    let doc = json_of(&Doc::openapi());
    let responses = &doc["paths"]["/v1/agent/transcribe"]["post"]["responses"];
    assert_eq!(responses["200"]["description"], "The transcript");
    let examples = &responses["404"]["content"]["application/problem+json"]["examples"];
    assert_eq!(examples["AGENT_SESSION_NOT_FOUND"]["value"]["status"], 404);
    assert!(
        responses["502"]["content"]["application/problem+json"]["schema"]["oneOf"][0]["properties"]
            ["code"]
            .is_object()
    );
}

#[test]
fn problem_is_a_schema_with_an_open_code() {
    use utoipa::{PartialSchema, ToSchema};
    assert_eq!(problem_codes::Problem::name(), "Problem");
    let schema = json_of(&problem_codes::Problem::schema());
    assert_eq!(schema["properties"]["code"]["type"], "string");
    assert_eq!(schema["properties"]["type"]["default"], "about:blank");
    assert_eq!(schema["additionalProperties"], true);
    assert_eq!(schema.get("required"), None);
}
