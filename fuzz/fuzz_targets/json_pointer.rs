//! Any bytes as JSON Pointers (RFC 6901), both ways: as text for `JsonPointer::parse`,
//! and as steps (keys, indices) a service builds a pointer from. Each is held to the
//! RFC's reference in `problem_codes_tests::pointer`: escaping exact (`~` as `~0`, `/`
//! as `~1`), decoding its inverse, round trips through `Display`, `FromStr`, the URI
//! fragment form and serde, and the pointers of a rendered `errors` array parsing back
//! to the same tokens. `tests/tests/it/fuzz_regressions.rs` replays
//! `fuzz/seeds/json_pointer` and `fuzz/regressions/json_pointer` through the same
//! checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| problem_codes_tests::pointer::check_input(data));
