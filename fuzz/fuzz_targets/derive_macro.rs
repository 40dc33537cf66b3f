//! `#[derive(ProblemCode)]` on any text that lexes as Rust tokens: it gives an expansion
//! or a `compile_error!`, never a panic.

#![no_main]

libfuzzer_sys::fuzz_target!(|source: &[u8]| problem_codes_fuzz::fuzz_derive(source));
