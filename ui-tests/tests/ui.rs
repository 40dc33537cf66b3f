//! The trybuild suite: every case under `cases/fail` must fail to compile with exactly
//! its committed `.stderr`, every case under `cases/pass` must compile and run.

use std::path::Path;

/// The `.rs` files in `cases/<dir>`.
fn count(dir: &str) -> usize {
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
    // A glob that matches nothing passes silently; refuse that, glob by glob.
    const FAIL: &[&str] = &["fail/derive", "fail/catalog", "fail/locale"];
    const PASS: &[&str] = &["pass"];
    for dir in FAIL.iter().chain(PASS) {
        assert!(count(dir) > 0, "no cases in `cases/{dir}`");
    }
    // A case left outside the globbed folders would never run.
    assert_eq!(
        count("fail"),
        0,
        "cases directly in `cases/fail` are not run; move them into a folder"
    );
    let failing: usize = FAIL.iter().map(|dir| count(dir)).sum();
    assert!(failing >= 30, "only {failing} compile-fail cases");

    let t = trybuild::TestCases::new();
    for dir in FAIL {
        t.compile_fail(format!("cases/{dir}/*.rs"));
    }
    for dir in PASS {
        t.pass(format!("cases/{dir}/*.rs"));
    }
}
