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
  catalog2000  error_catalog! with 2,000 codes in 20 sections

and the build of each macro crate alone (its dependencies already built):
problem-codes-macros against thiserror-impl.

Times are CPU time (user + system) of the build, which a busy machine disturbs less
than wall time.

Usage: python3 benches/compile_time.py [--runs N]
"""

import argparse
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


def variant(i, derive_problem, derive_error):
    """One variant: unit, tuple or struct by thirds, with the attributes asked for."""
    kind = i % 3
    attrs = []
    if derive_error:
        attrs.append(f'#[error("variant {i} failed")]')
    if derive_problem:
        code = f"CODE_{i:04}_FAILED"
        status = 400 + i % 200
        # A third of the variants (the struct ones) have a detail and an extension.
        detail = ', detail = "{name} failed {count} times"' if kind == 2 else ""
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


def enum_source(derives, problem, error):
    body = "\n".join(variant(i, problem, error) for i in range(VARIANTS))
    derive = f"#[derive({', '.join(derives)})]\n" if derives else ""
    return f"#![allow(dead_code)]\n{derive}pub enum Big {{\n{body}\n}}\n"


def catalog_source(codes=2000, per_section=100):
    sections = []
    for s in range(codes // per_section):
        rows = "\n".join(
            f'        SVC{s:02}_OPERATION_{i:04}_FAILED = {400 + i % 200} '
            f'{{ title: "Operation {i} failed", handling: "Retry operation {i}" }},'
            for i in range(s * per_section, (s + 1) * per_section)
        )
        sections.append(f'    section "Service {s:02}" {{\n{rows}\n    }}')
    body = "\n".join(sections)
    return f"problem_codes::error_catalog! {{\n  pub catalog Big {{\n{body}\n  }}\n}}\n"


CASES = {
    "plain": lambda: enum_source([], False, False),
    "debug": lambda: enum_source(["Debug"], False, False),
    "thiserror": lambda: enum_source(["Debug", "thiserror::Error"], False, True),
    "problem": lambda: enum_source(["Debug", "problem_codes::ProblemCode"], True, False),
    "both": lambda: enum_source(["Debug", "thiserror::Error", "problem_codes::ProblemCode"], True, True),
    "catalog2000": catalog_source,
}


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
    runs = parser.parse_args().runs

    write_workspace()
    print(f"building the scratch workspace once in {WORK} ...", flush=True)
    cargo("build", "--workspace", env=dict(os.environ, CARGO_INCREMENTAL="0"))

    results = {}
    for name in CASES:
        lib = WORK / f"case-{name}" / "src" / "lib.rs"
        results[name] = timed(runs, lib.touch, "build", "-p", f"case-{name}")
        print(f"  {name:<12} {results[name] * 1000:8.0f} ms", flush=True)

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
        added = "" if name in ("plain", "catalog2000") else f"{(seconds - base) * 1000:.0f} ms"
        print(f"| {name} | {seconds * 1000:.0f} ms | {added} |")
    derive_cost = results["problem"] - results["debug"]
    thiserror_cost = results["thiserror"] - results["debug"]
    ratio = derive_cost / thiserror_cost if thiserror_cost > 0 else float("inf")
    print(f"\nProblemCode adds {derive_cost * 1000:.0f} ms to derive(Debug); thiserror adds "
          f"{thiserror_cost * 1000:.0f} ms: ratio {ratio:.2f}.")
    print(f"error_catalog! with 2,000 codes: {results['catalog2000'] * 1000:.0f} ms.")
    print("\n| macro crate alone | build |\n|---|---:|")
    for name, seconds in macros.items():
        print(f"| {name} | {seconds * 1000:.0f} ms |")
    ratio = macros["problem-codes-macros"] / macros["thiserror-impl"]
    print(f"\nproblem-codes-macros builds in {ratio:.2f}x the time of thiserror-impl.")


if __name__ == "__main__":
    main()
