//! The TypeScript export, type-checked by the real compiler: `tsc --strict --noEmit`.
//!
//! `.ci/run` installs `tsc` with `npm ci --prefix .ci/node`; run that once to get it
//! locally, or point `PROBLEM_CODES_TSC` at another `tsc`. Outside CI (`CI` unset) a
//! missing `tsc` skips these tests with a message; in CI it fails them.

use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes::Catalog;
use problem_codes_contract::{Registry, RegistryEntry};
use problem_codes_tests::eryao::Eryao;

/// The compiler, or `None` (after saying why) when it is absent outside CI.
pub(crate) fn tsc() -> Option<PathBuf> {
    let path = std::env::var_os("PROBLEM_CODES_TSC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../.ci/node/node_modules/.bin/tsc"),
        PathBuf::from,
    );
    if path.exists() {
        return Some(path);
    }
    let how = format!(
        "tsc is not at {}: install it with `npm ci --prefix .ci/node` at the workspace root, \
         or set PROBLEM_CODES_TSC to a tsc",
        path.display()
    );
    assert!(std::env::var("CI").map_or(true, |ci| ci != "true"), "{how}");
    eprintln!("SKIPPED (not in CI): {how}");
    None
}

/// Type-checks `files` (name, source) together; `Ok` or the compiler's output.
pub(crate) fn check(tsc: &Path, dir: &str, files: &[(&str, String)]) -> Result<(), String> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for (name, source) in files {
        std::fs::write(dir.join(name), source).expect("write a source file");
    }
    let output = Command::new(tsc)
        .current_dir(&dir)
        .args([
            "--strict", "--noEmit", "--target", "es2022", "--module", "esnext",
        ])
        .args([
            "--moduleResolution",
            "bundler",
            "--pretty",
            "false",
            "--lib",
            "es2022,dom",
        ])
        .args(files.iter().map(|(name, _)| name))
        .output()
        .expect("tsc runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr))
    }
}

/// A frontend function that switches on every code but `skip`.
fn handler(skip: Option<&str>) -> String {
    let mut ts = String::from(
        "import { type EryaoCode, eryaoCodes, isEryaoCode, type ProblemDetails } from \"./eryao\";\n\n\
         export function message(problem: ProblemDetails): string {\n  \
           if (!isEryaoCode(problem.code)) return \"Something went wrong\";\n  \
           const code: EryaoCode = problem.code;\n  \
           switch (code) {\n",
    );
    for code in Eryao::ALL.iter().map(|c| c.as_str()) {
        if Some(code) != skip {
            ts.push_str(&format!(
                "    case \"{code}\": return eryaoCodes.{code}.handling;\n"
            ));
        }
    }
    ts.push_str(
        "    default: {\n      const unhandled: never = code;\n      return unhandled;\n    }\n  }\n}\n",
    );
    ts
}

#[test]
fn the_eryao_module_compiles_and_an_exhaustive_switch_passes() {
    let Some(tsc) = tsc() else { return };
    let module = Registry::of::<Eryao>().to_typescript();
    let facts = "import { eryaoCodes } from \"./eryao\";\n\
                 const status: 429 = eryaoCodes.AUTH_TOO_MANY_REQUESTS.status;\n\
                 const title: \"OTP request throttled\" = eryaoCodes.AUTH_TOO_MANY_REQUESTS.title;\n\
                 export { status, title };\n";
    let result = check(
        &tsc,
        "ts-exhaustive",
        &[
            ("eryao.ts", module),
            ("handler.ts", handler(None)),
            ("facts.ts", facts.to_owned()),
        ],
    );
    assert_eq!(result, Ok(()));
}

#[test]
fn a_missing_case_does_not_compile() {
    let Some(tsc) = tsc() else { return };
    let module = Registry::of::<Eryao>().to_typescript();
    let errors = check(
        &tsc,
        "ts-missing-case",
        &[
            ("eryao.ts", module),
            ("handler.ts", handler(Some("AVATAR_UPLOAD_FAILED"))),
        ],
    )
    .expect_err("a switch without AVATAR_UPLOAD_FAILED must not compile");
    assert!(
        errors.contains("error TS2322")
            && errors.contains("\"AVATAR_UPLOAD_FAILED\"")
            && errors.contains("'never'"),
        "{errors}"
    );
}

#[test]
fn a_misspelled_case_does_not_compile() {
    let Some(tsc) = tsc() else { return };
    let module = Registry::of::<Eryao>().to_typescript();
    let typo = handler(None).replace(
        "case \"AUTH_USER_NOT_FOUND\"",
        "case \"AUTH_USER_NOT_FUOND\"",
    );
    let errors = check(
        &tsc,
        "ts-typo",
        &[("eryao.ts", module), ("handler.ts", typo)],
    )
    .expect_err("an unknown code must not compile");
    assert!(errors.contains("\"AUTH_USER_NOT_FUOND\""), "{errors}");
}

#[test]
fn deprecated_codes_and_awkward_text_compile() {
    let Some(tsc) = tsc() else { return };
    let registry = Registry::new(
        "my api",
        vec![
            RegistryEntry::new(
                "API_NEW",
                400,
                "Uses \"quotes\", a */ comment end and\na break",
            ),
            RegistryEntry::new("API_OLD", 400, "Old").with_deprecated(Some("API_NEW".into())),
        ],
    )
    .expect("a valid registry");
    let module = registry.to_typescript();
    assert!(
        module.contains("/** Old @deprecated Use `API_NEW`. */"),
        "{module}"
    );
    let user = "import { myapiCodes, type MyapiCode } from \"./api\";\n\
                const replacement: MyapiCode | undefined = myapiCodes.API_OLD.replacement;\n\
                export { replacement };\n";
    assert_eq!(
        check(
            &tsc,
            "ts-deprecated",
            &[("api.ts", module), ("user.ts", user.to_owned())]
        ),
        Ok(())
    );
}
