//! Generates a 2,000-code catalog for the lookup benchmark, so that it is not committed.

use std::fmt::Write as _;
use std::path::PathBuf;

const CODES: usize = 2_000;
const PER_SECTION: usize = 100;

fn main() {
    let mut src = String::from(
        "problem_codes::error_catalog! {\n    /// 2,000 generated codes.\n    pub catalog Big {\n",
    );
    for section in 0..CODES / PER_SECTION {
        let _ = writeln!(src, "        section \"Service {section:02}\" {{");
        for i in section * PER_SECTION..(section + 1) * PER_SECTION {
            let _ = writeln!(
                src,
                "            SVC{section:02}_OPERATION_{i:04}_FAILED = {} {{ title: \"Operation {i} failed\", handling: \"Retry operation {i}\" }},",
                400 + i % 200
            );
        }
        src.push_str("        }\n");
    }
    src.push_str("    }\n}\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("big_catalog.rs");
    if let Err(err) = std::fs::write(&out, src) {
        println!("cargo::error=cannot write {}: {err}", out.display());
    }
    println!("cargo::rerun-if-changed=build.rs");
}
