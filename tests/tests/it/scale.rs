//! A catalog of 2,000 codes and a derive over 1,000 variants compile, and the program
//! they make runs: generated here into a scratch crate under `target/scale-tests` (never
//! committed), built with the workspace's lock file, then run. Their expansion time is
//! measured by the `expand` benchmark, not here.

use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes_tests::scale;

const CODES: usize = 2_000;
const VARIANTS: usize = 1_000;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate is in the workspace")
        .to_path_buf()
}

#[test]
fn a_catalog_of_2000_codes_and_a_derive_over_1000_variants_compile_and_run() {
    let root = workspace();
    let dir = root.join("target/scale-tests");
    let krate = dir.join("scale");
    std::fs::create_dir_all(krate.join("src")).expect("a scratch directory");
    let manifest = format!(
        r#"[package]
name = "problem-codes-scale"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
problem-codes = {{ path = {runtime:?} }}

[workspace]
"#,
        runtime = root.join("runtime").display().to_string(),
    );
    std::fs::write(krate.join("Cargo.toml"), manifest).expect("Cargo.toml");
    std::fs::write(
        krate.join("src/main.rs"),
        scale::main_source(CODES, VARIANTS),
    )
    .expect("main.rs");
    // The workspace's versions, so nothing is resolved or fetched anew.
    std::fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).expect("Cargo.lock");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["run", "--offline", "--quiet", "--manifest-path"])
        .arg(krate.join("Cargo.toml"))
        // Its own target directory: the workspace's is locked by the cargo running us.
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env_remove("RUSTC_WRAPPER")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the generated crate in {} failed:\n{stdout}\n{stderr}",
        krate.display()
    );
    assert_eq!(
        stdout.trim(),
        format!("ok: {CODES} codes, {VARIANTS} variants")
    );
}
