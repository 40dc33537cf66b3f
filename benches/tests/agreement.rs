//! What the benchmark compares is the same document, checked in the normal test run.

use problem_codes::{Catalog, Problem, TypedCode};
use problem_codes_benches::*;

#[test]
fn every_contestant_renders_the_same_document() {
    assert_eq!(check_agreement(), Ok(()));
    assert_eq!(ours(SECONDS).len(), 215);
}

#[test]
fn parsers_agree_on_the_document() {
    let bytes = ours(SECONDS);
    let problem = Problem::from_json(&bytes).expect("parses");
    let hand: HandParsed = serde_json::from_slice(&bytes).expect("parses");
    let keeping: HandParsedKeepingExtensions = serde_json::from_slice(&bytes).expect("parses");
    assert_eq!(&keeping.extensions, problem.extensions());
    assert_eq!(problem.code(), hand.code.as_deref());
    assert_eq!(problem.detail(), hand.detail.as_deref());
    assert_eq!(
        problem.typed_code::<Bench>(),
        TypedCode::Known(Bench::AUTH_TOO_MANY_REQUESTS)
    );
}

#[test]
fn both_parse_rows_read_the_code_and_the_typed_row_its_member() {
    let bytes = ours(SECONDS);
    assert_eq!(
        parse_typed_code(&bytes),
        Some(Bench::AUTH_TOO_MANY_REQUESTS)
    );
    let seconds = i64::try_from(SECONDS).expect("small");
    assert_eq!(parse_typed_members(&bytes), Some((Throttle, Some(seconds))));
}

#[test]
fn the_big_catalog_has_2000_codes_found_by_binary_search() {
    assert_eq!(Big::ALL.len(), 2000);
    for &code in Big::ALL {
        assert_eq!(Big::from_code(code.as_str()), Some(code));
    }
    assert_eq!(Big::from_code("SVC00_OPERATION_9999_FAILED"), None);
}

#[test]
fn the_escape_heavy_row_compares_the_same_bytes() {
    for len in [0, 1, 255, 256, 4096, 1 << 20] {
        let detail = quotes(len);
        let ours = ours_escape_heavy(&Echoed::Text(detail.clone()));
        let serde = serde_escape_heavy(&detail);
        if len == 0 {
            // An empty detail is left out, where serde writes `"detail":""`.
            assert_eq!(ours.len() + r#","detail":"""#.len(), serde.len());
        } else {
            assert_eq!(ours, serde, "{len} quotes");
        }
    }
}
