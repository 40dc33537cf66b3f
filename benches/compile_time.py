#!/usr/bin/env python3
"""Compile-time benchmark of the problem-codes macros, against thiserror, in one run.

Generates a scratch workspace under target/compile-time/ with one crate per case,
builds it once, then for each case touches its lib.rs and rebuilds that crate alone
with CARGO_INCREMENTAL=0, several times, and reports the median:

  plain        a 300-variant enum (100 unit, 100 tuple, 100 struct variants), no derive
  debug        the same with derive(Debug)
  thiserror    derive(Debug, thiserror::Error), an #[error] on every variant
  problem      derive(Debug, ProblemCode): every variant has an inline code; a third
               (the struct variants) have a detail format and an extension field
  both         derive(Debug, thiserror::Error, ProblemCode)
  catalog300   error_catalog! with the 300 codes of the variants, in 3 sections; the
               codes of the struct variants declare a member (`count: integer`)
  problem-catalog
               derive(Debug, ProblemCode) with #[problem(catalog = Big300)], the
               catalog imported from the catalog300 crate: every variant names its
               catalog code, and the struct variants give a detail and the `count`
               extension, so the derive's const checks of the members run
  catalog2000  error_catalog! with 2,000 codes, members and one locale: 2,000 codes in
               20 sections, every other one declaring `count: integer` and every tenth
               `retry_after: integer` too, and one catalog_locale! translating all
               2,000 (a title each, a detail template with {count} where the code has it)

and the build of each macro crate alone (its dependencies already built):
problem-codes-macros against thiserror-impl.

Times are CPU time (user + system) of the build, which a busy machine disturbs less
than wall time. The thiserror case is the comparison for both derives: inline codes
(problem) and catalog entries with members (problem-catalog).

Usage: python3 benches/compile_time.py [--runs N] [--json FILE]

--json FILE writes every median (milliseconds) and the ratios as JSON, so that two runs
can be put side by side.
"""

import argparse
import json
import os
import pathlib
import resource
import shutil
import statistics
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "compile-time"
VARIANTS = 300


def variant(i, derive_problem, derive_error, catalog=False):
    """One variant: unit, tuple or struct by thirds, with the attributes asked for.

    With `catalog`, the variant names its code in the catalog instead of declaring it
    inline."""
    kind = i % 3
    attrs = []
    if derive_error:
        attrs.append(f'#[error("variant {i} failed")]')
    if derive_problem:
        code = f"CODE_{i:04}_FAILED"
        status = 400 + i % 200
        # A third of the variants (the struct ones) have a detail and an extension.
        detail = ', detail = "{name} failed {count} times"' if kind == 2 else ""
        if catalog:
            attrs.append(f"#[problem({code}{detail})]")
        else:
            attrs.append(f'#[problem(code = "{code}", status = {status}, title = "Variant {i} failed"{detail})]')
    lines = [f"    {a}" for a in attrs]
    if kind == 0:
        lines.append(f"    V{i},")
    elif kind == 1:
        lines.append(f"    V{i}(String),")
    else:
        ext = "#[problem(extension)] " if derive_problem else ""
        lines.append(f"    V{i} {{ {ext}count: u32, name: String }},")
    return "\n".join(lines)


def enum_source(derives, problem, error, catalog=None):
    """The 300-variant enum `Big`; with `catalog`, it derives against that catalog of the
    catalog300 crate."""
    body = "\n".join(variant(i, problem, error, catalog is not None) for i in range(VARIANTS))
    head = "#![allow(dead_code)]\n"
    if catalog:
        head += f"use case_catalog300::{catalog};\n\n"
    if derives:
        head += f"#[derive({', '.join(derives)})]\n"
    if catalog:
        head += f"#[problem(catalog = {catalog})]\n"
    return f"{head}pub enum Big {{\n{body}\n}}\n"


def catalog300_source(per_section=100):
    """The catalog of the 300 variants' codes: same code, status and title as the inline
    codes of the problem case; the struct variants' codes declare `count`."""
    sections = []
    for s in range(VARIANTS // per_section):
        rows = []
        for i in range(s * per_section, (s + 1) * per_section):
            members = ", members: { count: integer }" if i % 3 == 2 else ""
            rows.append(
                f'        CODE_{i:04}_FAILED = {400 + i % 200} {{ title: "Variant {i} failed"{members} }},'
            )
        sections.append(f'    section "Variants {s}" {{\n' + "\n".join(rows) + "\n    }")
    body = "\n".join(sections)
    return f"problem_codes::error_catalog! {{\n  pub catalog Big300 {{\n{body}\n  }}\n}}\n"


def catalog_members(i):
    """The members of code i of catalog2000: `count` on every other code, `retry_after`
    as well on every tenth."""
    if i % 10 == 0:
        return ["count", "retry_after"]
    if i % 2 == 0:
        return ["count"]
    return []


def catalog_source(codes=2000, per_section=100):
    sections = []
    translations = []
    for s in range(codes // per_section):
        rows = []
        for i in range(s * per_section, (s + 1) * per_section):
            code = f"SVC{s:02}_OPERATION_{i:04}_FAILED"
            members = catalog_members(i)
            declared = (", members: { " + ", ".join(f"{m}: integer" for m in members) + " }") if members else ""
            rows.append(
                f'        {code} = {400 + i % 200} '
                f'{{ title: "Operation {i} failed", handling: "Retry operation {i}"{declared} }},'
            )
            detail = f', detail: "操作 {i} 已失败 {{count}} 次"' if "count" in members else ""
            translations.append(f'    {code} {{ title: "操作 {i} 失败"{detail} }},')
        sections.append(f'    section "Service {s:02}" {{\n' + "\n".join(rows) + "\n    }")
    body = "\n".join(sections)
    locale = "\n".join(translations)
    return (
        f"problem_codes::error_catalog! {{\n  pub catalog Big {{\n{body}\n  }}\n}}\n\n"
        f'problem_codes::catalog_locale! {{\n  pub locale ZH_HANS for Big = "zh-Hans" {{\n{locale}\n  }}\n}}\n'
    )


CASES = {
    "plain": lambda: enum_source([], False, False),
    "debug": lambda: enum_source(["Debug"], False, False),
    "thiserror": lambda: enum_source(["Debug", "thiserror::Error"], False, True),
    "problem": lambda: enum_source(["Debug", "problem_codes::ProblemCode"], True, False),
    "both": lambda: enum_source(["Debug", "thiserror::Error", "problem_codes::ProblemCode"], True, True),
    "catalog300": catalog300_source,
    "problem-catalog": lambda: enum_source(["Debug", "problem_codes::ProblemCode"], True, False, catalog="Big300"),
    "catalog2000": catalog_source,
}

# The crates of the workspace a case's crate depends on, beside problem-codes and thiserror.
CASE_DEPS = {"problem-catalog": ["catalog300"]}

# The cases that are not a derive on the enum: no "added by the derives" for them.
NOT_DERIVES = ("plain", "catalog300", "catalog2000")


def write_workspace():
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    members = ", ".join(f'"case-{name}"' for name in CASES)
    runtime = (ROOT / "runtime").as_posix()
    (WORK / "Cargo.toml").write_text(
        f'[workspace]\nresolver = "3"\nmembers = [{members}]\n\n'
        f"[workspace.dependencies]\n"
        f'problem-codes = {{ path = "{runtime}" }}\n'
        f'thiserror = "2.0.21"\n'
    )
    for name, source in CASES.items():
        crate = WORK / f"case-{name}"
        (crate / "src").mkdir(parents=True)
        (crate / "Cargo.toml").write_text(
            f'[package]\nname = "case-{name}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
            f"[dependencies]\nproblem-codes.workspace = true\nthiserror.workspace = true\n"
            + "".join(f'case-{dep} = {{ path = "../case-{dep}" }}\n' for dep in CASE_DEPS.get(name, []))
        )
        (crate / "src" / "lib.rs").write_text(source())


def cargo(*args, env=None):
    result = subprocess.run(
        ["cargo", *args], cwd=WORK, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if result.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed:\n{result.stderr}")


def timed(runs, prepare, *args):
    """Median CPU time (user + system, of cargo and the compilers it runs) of a build.

    CPU time, not wall time: it is the work the build does, and it stays put when
    something else is using the machine."""
    env = dict(os.environ, CARGO_INCREMENTAL="0")
    samples = []
    for _ in range(runs):
        prepare()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        cargo(*args, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        samples.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="rebuilds per case (median reported)")
    parser.add_argument("--json", type=pathlib.Path, metavar="FILE", help="write the medians and ratios as JSON")
    args = parser.parse_args()
    runs = args.runs

    write_workspace()
    print(f"building the scratch workspace once in {WORK} ...", flush=True)
    cargo("build", "--workspace", env=dict(os.environ, CARGO_INCREMENTAL="0"))

    results = {}
    for name in CASES:
        lib = WORK / f"case-{name}" / "src" / "lib.rs"
        results[name] = timed(runs, lib.touch, "build", "-p", f"case-{name}")
        print(f"  {name:<16} {results[name] * 1000:8.0f} ms", flush=True)

    def clean(package):
        return lambda: cargo("clean", "-p", package)

    macros = {
        "problem-codes-macros": timed(runs, clean("problem-codes-macros"), "build", "-p", "problem-codes-macros"),
        "thiserror-impl": timed(runs, clean("thiserror-impl"), "build", "-p", "thiserror-impl"),
    }

    base = results["plain"]
    print(f"\nMedian CPU time of {runs} touch-and-rebuilds, CARGO_INCREMENTAL=0, debug profile:\n")
    print("| case | build | added by the derives |")
    print("|---|---:|---:|")
    for name, seconds in results.items():
        added = "" if name in NOT_DERIVES else f"{(seconds - base) * 1000:.0f} ms"
        print(f"| {name} | {seconds * 1000:.0f} ms | {added} |")

    def ratio_of(a, b):
        return a / b if b > 0 else float("inf")

    thiserror_cost = results["thiserror"] - results["debug"]
    derive_cost = results["problem"] - results["debug"]
    ratio = ratio_of(derive_cost, thiserror_cost)
    print(f"\nProblemCode adds {derive_cost * 1000:.0f} ms to derive(Debug); thiserror adds "
          f"{thiserror_cost * 1000:.0f} ms: ratio {ratio:.2f}.")
    catalog_cost = results["problem-catalog"] - results["debug"]
    catalog_ratio = ratio_of(catalog_cost, thiserror_cost)
    print(f"ProblemCode (catalog entries with members) adds {catalog_cost * 1000:.0f} ms to derive(Debug); "
          f"thiserror adds {thiserror_cost * 1000:.0f} ms: ratio {catalog_ratio:.2f}.")
    catalog2000 = results["catalog2000"]
    verdict = "met" if catalog2000 <= 0.6 else "not met"
    print(f"error_catalog! with 2,000 codes, members and one locale: {catalog2000 * 1000:.0f} ms "
          f"(goal <= 600 ms: {verdict}).")
    print("\n| macro crate alone | build |\n|---|---:|")
    for name, seconds in macros.items():
        print(f"| {name} | {seconds * 1000:.0f} ms |")
    macro_ratio = ratio_of(macros["problem-codes-macros"], macros["thiserror-impl"])
    print(f"\nproblem-codes-macros builds in {macro_ratio:.2f}x the time of thiserror-impl.")

    if args.json:
        report = {
            "measure": "median CPU time (user + system), milliseconds",
            "runs": runs,
            "cases": {name: round(seconds * 1000, 1) for name, seconds in results.items()},
            "macro_crates": {name: round(seconds * 1000, 1) for name, seconds in macros.items()},
            "ratios": {
                "problem_vs_thiserror": round(ratio, 3),
                "problem_catalog_vs_thiserror": round(catalog_ratio, 3),
                "macros_vs_thiserror_impl": round(macro_ratio, 3),
            },
            "goals": {"catalog2000_ms_at_most": 600, "catalog2000_met": catalog2000 <= 0.6},
        }
        args.json.write_text(json.dumps(report, indent=2) + "\n")
        print(f"medians written to {args.json}")


if __name__ == "__main__":
    main()
