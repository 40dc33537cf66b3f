//! Every input a fuzz target once crashed on, committed in `fuzz/regressions/<target>/`,
//! replayed through the target's own checks, so a fixed crash stays fixed without the
//! fuzzer; for the targets whose checks live in this crate, their seeds too. The macro
//! targets' inputs are replayed by the macros crate's unit tests.

use std::path::Path;

use problem_codes_tests::{oracle, pointer};

/// The inputs in `fuzz/<dir>/<target>`, sorted; none when it does not exist.
fn files(dir: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz")
        .join(dir)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut inputs: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).expect("a readable input");
            (path.display().to_string(), bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let inputs = files("regressions", target);
    assert!(!inputs.is_empty(), "no inputs in fuzz/regressions/{target}");
    inputs
}

/// The seeds and the regressions of `target`.
fn seeds_and_regressions(target: &str) -> Vec<(String, Vec<u8>)> {
    let seeds = files("seeds", target);
    assert!(!seeds.is_empty(), "no seeds in fuzz/seeds/{target}");
    seeds
        .into_iter()
        .chain(files("regressions", target))
        .collect()
}

#[test]
fn problem_json_crashes_stay_fixed() {
    for (name, bytes) in inputs("problem_json") {
        eprintln!("{name}");
        oracle::check_document(&bytes);
    }
}

#[test]
fn http_response_inputs_pass() {
    for (name, bytes) in seeds_and_regressions("http_response") {
        eprintln!("{name}");
        oracle::check_response(&bytes);
    }
}

#[test]
fn json_pointer_inputs_pass() {
    for (name, bytes) in seeds_and_regressions("json_pointer") {
        eprintln!("{name}");
        pointer::check_input(&bytes);
    }
}
