#!/usr/bin/env python3
"""Clean-build time of a new service crate with problem-codes, against the same crate without.

Generates two scratch workspaces, each with its own target directory, and times the
clean debug build of each:

  with      a crate depending on problem-codes (a path dependency on runtime/, default
            features), thiserror 2 and serde 1 (derive): an error_catalog! of 8 codes
            in 2 sections (two of them with members), one
            derive(Debug, thiserror::Error, ProblemCode) enum of 6 variants naming
            its codes, a serde request struct, and a function building the
            http::Response<Vec<u8>> of an error
  without   the same crate written with thiserror, serde (derive), serde_json and http
            alone: the same enum with thiserror, a hand-written serde struct for the
            problem body, and a function building the http::Response<Vec<u8>> from it

The workspaces are target/service-build/with and target/service-build/without. Both
start from the repository's Cargo.lock, and the lock `with` resolves to is copied into
`without`, so the crates the two share (serde, syn, thiserror, http...) are the same
versions; the script prints the serde and syn versions each resolved. `cargo fetch`
runs once beforehand, so no download is timed.

Each run does `cargo clean` then `cargo build` in each workspace, with
CARGO_INCREMENTAL=0, debug profile, the two alternating (with first on even runs,
without first on odd runs). The measure is the wall time of `cargo build`
(time.monotonic); the CPU time (user + system of cargo and the compilers) is shown
beside it. Medians are reported, with the ratio with/without (goal <= 1.3x).

Usage: python3 benches/service_build.py [--runs N] [--timings] [--json FILE]

--timings passes --timings to cargo on the last run, and prints the path of each
HTML report. --json FILE writes the medians and the ratio as JSON.
"""

import argparse
import json
import os
import pathlib
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "service-build"
GOAL = 1.3

CATALOG = '''problem_codes::error_catalog! {
    /// The codes of the shop service.
    pub catalog Shop {
        type_base = "https://errors.shop.example/";

        section "Orders" {
            ORDER_NOT_FOUND = 404 {
                title: "Order not found",
                handling: "Show the not-found message",
            },
            ORDER_ALREADY_PAID = 409 {
                title: "Order already paid",
                handling: "Reload the order",
            },
            ORDER_OUT_OF_STOCK = 409 {
                title: "An item of the order is out of stock",
                handling: "Show how many are left",
                members: {
                    /// Items left in stock.
                    available: integer,
                },
            },
            ORDER_TOO_MANY_REQUESTS = 429 {
                title: "Too many orders",
                handling: "Show the wait message",
                members: { retry_after: integer },
            },
        }

        section "Payments" {
            PAYMENT_DECLINED = 402 {
                title: "Payment declined",
                handling: "Ask for another card",
            },
            PAYMENT_CARD_EXPIRED = 422 {
                title: "Card expired",
                handling: "Ask for another card",
            },
            PAYMENT_PROVIDER_UNAVAILABLE = 503 {
                title: "Payment provider unavailable",
                handling: "Ask the user to retry later",
            },
            PAYMENT_AMOUNT_INVALID = 422 {
                title: "Payment amount invalid",
                handling: "Show the amount field error",
            },
        }
    }
}
'''

WITH_LIB = CATALOG + '''
use problem_codes::ProblemCode;

/// A request body of the service.
#[derive(Debug, serde::Deserialize)]
pub struct NewOrder {
    pub sku: String,
    pub quantity: u32,
}

#[derive(Debug, thiserror::Error, ProblemCode)]
#[problem(catalog = Shop)]
pub enum OrderError {
    #[error("order {0} not found")]
    #[problem(ORDER_NOT_FOUND, detail = "Order {0} does not exist")]
    NotFound(u64),

    #[error("order {0} already paid")]
    #[problem(ORDER_ALREADY_PAID)]
    AlreadyPaid(u64),

    #[error("{sku} out of stock")]
    #[problem(ORDER_OUT_OF_STOCK, detail = "Only {available} of {sku} left")]
    OutOfStock {
        sku: String,
        #[problem(extension)]
        available: u32,
    },

    #[error("too many orders")]
    #[problem(ORDER_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        #[problem(retry_after)]
        seconds: u64,
    },

    #[error("payment declined")]
    #[problem(PAYMENT_DECLINED)]
    Declined,

    #[error("payment provider unavailable")]
    #[problem(PAYMENT_PROVIDER_UNAVAILABLE)]
    Provider(#[source] std::io::Error),
}

/// The response of an error, its instance the request path.
pub fn respond(error: &OrderError, path: &str) -> problem_codes::http::Response<Vec<u8>> {
    error.render().instance(path).to_response()
}
'''

WITHOUT_LIB = '''use http::header::{CONTENT_TYPE, RETRY_AFTER};
use serde::Serialize;

/// A request body of the service.
#[derive(Debug, serde::Deserialize)]
pub struct NewOrder {
    pub sku: String,
    pub quantity: u32,
}

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    #[error("order {0} not found")]
    NotFound(u64),

    #[error("order {0} already paid")]
    AlreadyPaid(u64),

    #[error("{sku} out of stock")]
    OutOfStock { sku: String, available: u32 },

    #[error("too many orders")]
    Throttled { seconds: u64 },

    #[error("payment declined")]
    Declined,

    #[error("payment provider unavailable")]
    Provider(#[source] std::io::Error),
}

/// The RFC 9457 body of an error.
#[derive(Debug, Serialize)]
pub struct ProblemBody<'a> {
    #[serde(rename = "type")]
    pub type_uri: String,
    pub title: &'static str,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub instance: &'a str,
    pub code: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u64>,
}

const TYPE_BASE: &str = "https://errors.shop.example/";

impl OrderError {
    /// The code, status and title of the error.
    fn code(&self) -> (&'static str, u16, &'static str) {
        match self {
            Self::NotFound(_) => ("ORDER_NOT_FOUND", 404, "Order not found"),
            Self::AlreadyPaid(_) => ("ORDER_ALREADY_PAID", 409, "Order already paid"),
            Self::OutOfStock { .. } => ("ORDER_OUT_OF_STOCK", 409, "An item of the order is out of stock"),
            Self::Throttled { .. } => ("ORDER_TOO_MANY_REQUESTS", 429, "Too many orders"),
            Self::Declined => ("PAYMENT_DECLINED", 402, "Payment declined"),
            Self::Provider(_) => ("PAYMENT_PROVIDER_UNAVAILABLE", 503, "Payment provider unavailable"),
        }
    }

    /// The body of the error, its instance the request path.
    pub fn body<'a>(&self, path: &'a str) -> ProblemBody<'a> {
        let (code, status, title) = self.code();
        let detail = match self {
            Self::NotFound(id) => Some(format!("Order {id} does not exist")),
            Self::OutOfStock { sku, available } => Some(format!("Only {available} of {sku} left")),
            Self::Throttled { seconds } => Some(format!("Try again in {seconds} seconds")),
            _ => None,
        };
        ProblemBody {
            type_uri: format!("{TYPE_BASE}{}", code.to_ascii_lowercase().replace('_', "-")),
            title,
            status,
            detail,
            instance: path,
            code,
            available: match self {
                Self::OutOfStock { available, .. } => Some(*available),
                _ => None,
            },
            retry_after: match self {
                Self::Throttled { seconds } => Some(*seconds),
                _ => None,
            },
        }
    }
}

/// The response of an error, its instance the request path.
pub fn respond(error: &OrderError, path: &str) -> http::Response<Vec<u8>> {
    let body = error.body(path);
    let mut response = http::Response::builder()
        .status(body.status)
        .header(CONTENT_TYPE, "application/problem+json");
    if let Some(seconds) = body.retry_after {
        response = response.header(RETRY_AFTER, seconds);
    }
    let json = serde_json::to_vec(&body).expect("a problem body serializes");
    response.body(json).expect("a valid status and headers")
}
'''

CRATES = {
    "with": {
        "deps": (
            f'problem-codes = {{ path = "{(ROOT / "runtime").as_posix()}" }}\n'
            'thiserror = "2"\n'
            'serde = { version = "1", features = ["derive"] }\n'
        ),
        "lib": WITH_LIB,
    },
    "without": {
        "deps": (
            'thiserror = "2"\n'
            'serde = { version = "1", features = ["derive"] }\n'
            'serde_json = "1"\n'
            'http = "1"\n'
        ),
        "lib": WITHOUT_LIB,
    },
}


def workspace(name):
    return WORK / name


def env_of(name):
    """CARGO_INCREMENTAL=0, and the workspace's own target directory whatever the
    environment says."""
    return dict(os.environ, CARGO_INCREMENTAL="0", CARGO_TARGET_DIR=str(workspace(name) / "target"))


def cargo(name, *args, check=True):
    result = subprocess.run(
        ["cargo", *args], cwd=workspace(name), env=env_of(name),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    if check and result.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed in {workspace(name)}:\n{result.stderr}")
    return result


def write_crate(name):
    """The crate alone in its workspace (its own [workspace] table keeps it out of the
    repository's)."""
    crate = workspace(name)
    if crate.exists():
        shutil.rmtree(crate)
    (crate / "src").mkdir(parents=True)
    (crate / "Cargo.toml").write_text(
        '[package]\nname = "service"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{CRATES[name]['deps']}\n[workspace]\n"
    )
    (crate / "src" / "lib.rs").write_text(CRATES[name]["lib"])


def fetch(name, lock):
    """`cargo fetch` from the given lock file; without one if cargo refuses it."""
    target = workspace(name) / "Cargo.lock"
    if lock is not None and lock.exists():
        shutil.copyfile(lock, target)
        if cargo(name, "fetch", check=False).returncode == 0:
            return f"from {lock}"
        print(f"  cargo refused {lock} in {name}; resolving afresh", flush=True)
        target.unlink()
    cargo(name, "fetch")
    return "resolved afresh"


def locked_versions(name, packages=("serde", "serde_derive", "syn")):
    """The versions of the given packages in the workspace's Cargo.lock."""
    text = (workspace(name) / "Cargo.lock").read_text()
    found = {}
    for package, version in re.findall(r'\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"', text):
        if package in packages:
            found.setdefault(package, []).append(version)
    return {package: sorted(found.get(package, [])) for package in packages}


def build(name, timings):
    """cargo clean, then the wall and CPU time of cargo build."""
    cargo(name, "clean")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    cargo(name, "build", *(["--timings"] if timings else []))
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="clean builds of each crate (median reported)")
    parser.add_argument("--timings", action="store_true", help="pass --timings to cargo on the last run")
    parser.add_argument("--json", type=pathlib.Path, metavar="FILE", help="write the medians and the ratio as JSON")
    args = parser.parse_args()

    for name in CRATES:
        write_crate(name)
    print(f"fetching the dependencies of the scratch workspaces in {WORK} ...", flush=True)
    origin = {"with": fetch("with", ROOT / "Cargo.lock")}
    # `without` depends on a subset of what `with` does: the same lock pins it to the
    # same versions.
    origin["without"] = fetch("without", workspace("with") / "Cargo.lock")
    versions = {name: locked_versions(name) for name in CRATES}
    for name in CRATES:
        listed = ", ".join(f"{p} {' + '.join(v) or '-'}" for p, v in versions[name].items())
        print(f"  {name:<8} lock {origin[name]}: {listed}")
    shared = [p for p in ("serde", "syn") if not set(versions["without"][p]) <= set(versions["with"][p])]
    if shared:
        print(f"  warning: {', '.join(shared)} resolved to different versions in the two workspaces")

    samples = {name: [] for name in CRATES}
    for run in range(args.runs):
        order = ["with", "without"] if run % 2 == 0 else ["without", "with"]
        last = run == args.runs - 1
        for name in order:
            wall, cpu = build(name, args.timings and last)
            samples[name].append((wall, cpu))
            print(f"  run {run + 1}: {name:<8} {wall:7.1f} s wall, {cpu:7.1f} s CPU", flush=True)

    wall = {name: statistics.median(w for w, _ in s) for name, s in samples.items()}
    cpu = {name: statistics.median(c for _, c in s) for name, s in samples.items()}
    ratio = wall["with"] / wall["without"]
    cpu_ratio = cpu["with"] / cpu["without"]
    print(f"\nMedian of {args.runs} clean builds (cargo clean; cargo build), CARGO_INCREMENTAL=0, debug profile:\n")
    print("| crate | wall | CPU |")
    print("|---|---:|---:|")
    for name in CRATES:
        print(f"| {name} problem-codes | {wall[name]:.1f} s | {cpu[name]:.1f} s |")
    verdict = "met" if ratio <= GOAL else "not met"
    print(f"\nThe service with problem-codes builds in {ratio:.2f}x the wall time of the one without "
          f"(goal <= {GOAL}x: {verdict}); CPU time {cpu_ratio:.2f}x.")

    if args.timings:
        for name in CRATES:
            timings = workspace(name) / "target" / "cargo-timings"
            latest = timings / "cargo-timing.html"
            reports = [latest] if latest.exists() else sorted(timings.glob("*.html"), key=os.path.getmtime)
            print(f"cargo --timings report, {name}: {reports[-1] if reports else 'none written'}")

    if args.json:
        result = {
            "measure": "median of clean debug builds, seconds",
            "runs": args.runs,
            "wall": {name: round(seconds, 2) for name, seconds in wall.items()},
            "cpu": {name: round(seconds, 2) for name, seconds in cpu.items()},
            "samples": {name: [{"wall": round(w, 2), "cpu": round(c, 2)} for w, c in s] for name, s in samples.items()},
            "ratio_wall": round(ratio, 3),
            "ratio_cpu": round(cpu_ratio, 3),
            "goal_ratio_at_most": GOAL,
            "goal_met": ratio <= GOAL,
            "versions": versions,
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n")
        print(f"medians written to {args.json}")


if __name__ == "__main__":
    main()
