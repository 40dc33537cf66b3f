//! Every input a fuzz target once crashed on, committed in `fuzz/regressions/<target>/`,
//! replayed through the target's own checks, so a fixed crash stays fixed without the
//! fuzzer. The macro targets' inputs are replayed by the macros crate's unit tests.

use std::path::Path;

use problem_codes_tests::oracle;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let mut inputs: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| {
            let path = entry.expect("a directory entry").path();
            let bytes = std::fs::read(&path).expect("a readable input");
            (path.display().to_string(), bytes)
        })
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    inputs
}

#[test]
fn problem_json_crashes_stay_fixed() {
    for (name, bytes) in inputs("problem_json") {
        eprintln!("{name}");
        oracle::check_document(&bytes);
    }
}
