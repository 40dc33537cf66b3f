//! The TypeScript export's typed bodies, checked by `tsc --strict`: narrowing on `code`
//! gives each code's members their types, and a member of another code does not
//! compile. Skipped outside CI when `tsc` is absent, as `export_typescript` says.

use problem_codes::MemberType;
use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};

use super::export_typescript::{check, tsc};

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
