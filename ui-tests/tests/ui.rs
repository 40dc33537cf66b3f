//! The trybuild suite: every case in `cases/fail` must fail to compile with exactly its
//! committed `.stderr`, every case in `cases/pass` must compile and run.

use std::path::Path;

fn cases(dir: &str) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("cases")
        .join(dir);
    std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn ui() {
    // A glob that matches nothing passes silently; refuse that.
    assert!(cases("fail") >= 4, "the compile-fail cases are missing");
    assert!(cases("pass") >= 1, "the compile-pass cases are missing");
    let t = trybuild::TestCases::new();
    t.compile_fail("cases/fail/*.rs");
    t.pass("cases/pass/*.rs");
}
