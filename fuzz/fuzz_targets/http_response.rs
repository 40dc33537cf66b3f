//! Any bytes as the HTTP response a client receives (a status, a `Content-Type` that is
//! missing, a problem's, plain JSON, HTML or garbage, and a body), read with
//! `Problem::from_response`, `from_response_parts` and their `_with` forms, then typed
//! against the eryao catalog: never a panic; a response that is not a problem is the
//! typed error that says why; limits are kept; an accepted document re-renders and
//! re-parses to itself. The checks are `oracle::check_response`, which
//! `tests/tests/it/fuzz_regressions.rs` also runs on `fuzz/seeds/http_response` and
//! `fuzz/regressions/http_response`.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| problem_codes_tests::oracle::check_response(data));
