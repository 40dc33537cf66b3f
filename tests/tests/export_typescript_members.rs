//! The TypeScript export's typed bodies, checked by `tsc --strict`: narrowing on `code`
//! gives each code's members their types, and a member of another code does not
//! compile. Skipped outside CI when `tsc` is absent, as `export_typescript.rs` says.

use std::path::{Path, PathBuf};
use std::process::Command;

use problem_codes::MemberType;
use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};

fn tsc() -> Option<PathBuf> {
    let path = std::env::var_os("PROBLEM_CODES_TSC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../.ci/node/node_modules/.bin/tsc"),
        PathBuf::from,
    );
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").map_or(true, |ci| ci != "true"),
        "tsc is not at {}: run `npm ci --prefix .ci/node`",
        path.display()
    );
    eprintln!("SKIPPED (not in CI): no tsc at {}", path.display());
    None
}

fn check(tsc: &Path, dir: &str, files: &[(&str, String)]) -> Result<(), String> {
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

fn points() -> String {
    Registry::new(
        "Points",
        vec![
            RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
                .with_members(vec![
                    RegistryMember::new("balance", MemberType::Integer)
                        .with_doc("Points the user has"),
                    RegistryMember::new("required", MemberType::Integer),
                    RegistryMember::new("offers", MemberType::Array(problem_codes::Scalar::Text))
                        .optional(),
                ]),
            RegistryEntry::new("POINTS_FORM_INVALID", 422, "Invalid form")
                .with_members(vec![RegistryMember::new("errors", MemberType::Errors)]),
            RegistryEntry::new("POINTS_LOCKED", 423, "Locked"),
        ],
    )
    .expect("a valid registry")
    .to_typescript()
}

/// The positive case: narrowing on `code` types each member, and the reader's result
/// narrows on `kind`.
const USES: &str = r#"import { type PointsProblem, type PointsResponse, isPointsProblem, readPointsProblem, type ProblemDetails } from "./points";

export function shortfall(p: PointsProblem): number {
  if (p.code === "POINTS_INSUFFICIENT_BALANCE") {
    const balance: number = p.balance;
    const offers: readonly string[] | undefined = p.offers;
    return p.required - balance + (offers?.length ?? 0);
  }
  return 0;
}

export function fields(p: PointsProblem): string[] {
  switch (p.code) {
    case "POINTS_INSUFFICIENT_BALANCE": return [];
    case "POINTS_FORM_INVALID": return p.errors.map((e) => e.pointer ?? "");
    case "POINTS_LOCKED": return [];
    default: {
      const unhandled: never = p;
      return unhandled;
    }
  }
}

export function guard(raw: ProblemDetails): number {
  return isPointsProblem(raw) && raw.code === "POINTS_INSUFFICIENT_BALANCE" ? raw.balance : 0;
}

export async function read(response: Response): Promise<string> {
  const result: PointsResponse = await readPointsProblem(response);
  switch (result.kind) {
    case "problem": return result.problem.code;
    case "other-problem": return result.problem.code ?? "no code";
    case "not-a-problem": return `${result.status} ${result.contentType ?? ""}`;
  }
}
"#;

#[test]
fn narrowing_on_code_types_the_members() {
    let Some(tsc) = tsc() else { return };
    assert_eq!(
        check(
            &tsc,
            "ts-members",
            &[("points.ts", points()), ("uses.ts", USES.to_owned())]
        ),
        Ok(())
    );
}

#[test]
fn a_member_of_another_code_does_not_compile() {
    let Some(tsc) = tsc() else { return };
    let wrong = r#"import { type PointsProblem } from "./points";
export function balance(p: PointsProblem): number {
  if (p.code === "POINTS_LOCKED") {
    return p.balance;
  }
  return 0;
}
"#;
    let errors = check(
        &tsc,
        "ts-members-wrong",
        &[("points.ts", points()), ("wrong.ts", wrong.to_owned())],
    )
    .expect_err("`balance` is not a member of POINTS_LOCKED");
    assert!(
        errors.contains("error TS2339") && errors.contains("'balance'"),
        "{errors}"
    );
}

#[test]
fn a_missing_code_in_a_switch_over_problems_does_not_compile() {
    let Some(tsc) = tsc() else { return };
    let partial = USES.replace("    case \"POINTS_LOCKED\": return [];\n", "");
    let errors = check(
        &tsc,
        "ts-members-switch",
        &[("points.ts", points()), ("uses.ts", partial)],
    )
    .expect_err("a switch without POINTS_LOCKED must not compile");
    assert!(
        errors.contains("error TS2322") && errors.contains("'never'"),
        "{errors}"
    );
}
