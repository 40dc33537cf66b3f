//! `application/problem+xml` (RFC 9457 Appendix B): our document read back equals the
//! RFC's example and problem_details' output for the same problem.

#![cfg(feature = "xml")]

#[path = "catch_all/xml_tree.rs"]
mod xml_tree;

use problem_codes::Problem;
use problem_codes::xml::to_xml;
use xml_tree::Element;

/// RFC 9457 Appendix B, verbatim.
const RFC_EXAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<problem xmlns="urn:ietf:rfc:7807">
  <type>https://example.com/probs/out-of-credit</type>
  <title>You do not have enough credit.</title>
  <detail>Your current balance is 30, but that costs 50.</detail>
  <instance>https://example.net/account/12345/msgs/abc</instance>
  <balance>30</balance>
  <accounts>
    <i>https://example.net/account/12345</i>
    <i>https://example.net/account/67890</i>
  </accounts>
</problem>"#;

fn ours(json: &str) -> Element {
    let problem = Problem::from_json(json.as_bytes()).expect("a problem");
    Element::parse(std::str::from_utf8(&to_xml(&problem)).expect("UTF-8"))
}

#[test]
fn the_rfc_example_is_what_we_write_for_its_json() {
    let json = r#"{
        "type": "https://example.com/probs/out-of-credit",
        "title": "You do not have enough credit.",
        "detail": "Your current balance is 30, but that costs 50.",
        "instance": "https://example.net/account/12345/msgs/abc",
        "balance": 30,
        "accounts": ["https://example.net/account/12345", "https://example.net/account/67890"]
    }"#;
    assert_eq!(ours(json), Element::parse(RFC_EXAMPLE));
    // The arrays' items keep their order.
    let reversed = json.replace(
        "12345\", \"https://example.net/account/67890",
        "67890\", \"https://example.net/account/12345",
    );
    assert_ne!(ours(&reversed), Element::parse(RFC_EXAMPLE));
}

#[test]
fn problem_details_writes_the_same_document() {
    #[derive(serde::Serialize)]
    struct Credit {
        balance: u32,
        currency: &'static str,
    }
    let peer = problem_details::ProblemDetails::from_status_code(http::StatusCode::FORBIDDEN)
        .with_type(http::Uri::from_static(
            "https://example.com/probs/out-of-credit",
        ))
        .with_title("You do not have enough credit.")
        .with_detail("Your current balance is 30 < 50 & more.")
        .with_instance(http::Uri::from_static("/account/12345/msgs/abc"))
        .with_extensions(Credit {
            balance: 30,
            currency: "EUR",
        });
    let json = serde_json::to_string(&peer).expect("JSON");
    let xml = problem_details::XmlProblemDetails::from(peer)
        .to_body_string()
        .expect("XML");
    let mut theirs = Element::parse(&xml);
    let mut ours = ours(&json);
    // problem_details writes no namespace; Appendix B has one, and so do we.
    assert_eq!(ours.xmlns.as_deref(), Some("urn:ietf:rfc:7807"));
    (ours.xmlns, theirs.xmlns) = (None, None);
    assert_eq!(ours, theirs);
    assert_eq!(
        ours.child("detail"),
        Some("Your current balance is 30 < 50 & more.")
    );
}
