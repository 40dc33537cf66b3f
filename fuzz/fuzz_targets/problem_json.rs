//! Any bytes as a problem document, as a client receives them: parsing never panics and
//! keeps its limits; a document it accepts re-renders and re-parses to the same value,
//! through `to_json` and `to_response`, whose status is the body's; and it agrees with
//! `serde_json` on what a JSON object is. The checks are `oracle::check_document`, which
//! `tests/tests/it/fuzz_regressions.rs` runs on every input committed in
//! `fuzz/regressions/problem_json`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| problem_codes_tests::oracle::check_document(data));
