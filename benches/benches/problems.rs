//! `cargo bench -p problem-codes-benches`: every contestant side by side in one run,
//! then a table of ratios to the floor.
//!
//! Each group times the same work for each contestant; the agreement check runs first so
//! that nothing is timed that renders a different document.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkGroup, Criterion, measurement::WallTime};
use problem_codes::{Catalog, ProblemCode};
use problem_codes_benches::*;

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.bench_function("floor", |b| b.iter(|| floor(black_box(SECONDS))));
    group.bench_function("problem-codes", |b| b.iter(|| ours(black_box(SECONDS))));
    group.bench_function("serde-struct", |b| {
        b.iter(|| serde_struct(black_box(SECONDS)))
    });
    group.bench_function("http-api-problem", |b| {
        b.iter(|| http_api_problem(black_box(SECONDS)))
    });
    group.bench_function("problem_details", |b| {
        b.iter(|| problem_details(black_box(SECONDS)))
    });
    group.bench_function("problemdetails", |b| {
        b.iter(|| problemdetails(black_box(SECONDS)))
    });
    group.finish();

    // The reference document in `zh-Hans` beside the default, and the one lookup the
    // localized render adds.
    let mut group = c.benchmark_group("render-localized");
    group.bench_function("default", |b| b.iter(|| ours(black_box(SECONDS))));
    group.bench_function("zh-Hans", |b| b.iter(|| ours_localized(black_box(SECONDS))));
    group.bench_function("lookup", |b| b.iter(|| localized_lookup(black_box(CODE))));
    group.finish();

    let mut group = c.benchmark_group("render-reused-buffer");
    let mut buf = Vec::with_capacity(512);
    group.bench_function("floor", |b| {
        b.iter(|| floor_into(black_box(SECONDS), &mut buf))
    });
    group.bench_function("problem-codes", |b| {
        b.iter(|| ours_into(black_box(SECONDS), &mut buf))
    });
    group.finish();

    let mut group = c.benchmark_group("render-static");
    let body = Bench::AUTH_TOO_MANY_REQUESTS.to_json();
    let copy: &'static str = String::from_utf8(body).unwrap_or_default().leak();
    group.bench_function("floor", |b| b.iter(|| black_box(copy).as_bytes().to_vec()));
    group.bench_function("problem-codes", |b| {
        b.iter(|| black_box(Bench::AUTH_TOO_MANY_REQUESTS).to_json())
    });
    group.finish();
}

/// A `detail` of 1 MiB of quotes, each escaped: the long-part path, beside serde_json.
fn escape_heavy(c: &mut Criterion) {
    let detail = quotes(1 << 20);
    let echoed = Echoed::Text(detail.clone());
    let mut group = c.benchmark_group("render-escape-heavy-1mib");
    group.sample_size(20);
    group.bench_function("serde_json", |b| {
        b.iter(|| serde_escape_heavy(black_box(&detail)))
    });
    group.bench_function("problem-codes", |b| {
        b.iter(|| ours_escape_heavy(black_box(&echoed)))
    });
    group.finish();
}

fn response(c: &mut Criterion) {
    let mut group = c.benchmark_group("response");
    group.bench_function("floor", |b| b.iter(|| floor_response(black_box(SECONDS))));
    group.bench_function("problem-codes", |b| {
        b.iter(|| ours_response(black_box(SECONDS)))
    });
    group.bench_function("serde-struct", |b| {
        b.iter(|| serde_struct_response(black_box(SECONDS)))
    });
    group.bench_function("http-api-problem", |b| {
        b.iter(|| http_api_problem_response(black_box(SECONDS)))
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let bytes = ours(SECONDS);
    let mut group = c.benchmark_group("parse");
    group.bench_function("serde-struct", |b| {
        b.iter(|| serde_json::from_slice::<HandParsed>(black_box(&bytes)).ok())
    });
    group.bench_function("serde-struct-keeping-extensions", |b| {
        b.iter(|| serde_json::from_slice::<HandParsedKeepingExtensions>(black_box(&bytes)).ok())
    });
    group.bench_function("problem-codes", |b| {
        b.iter(|| parse_typed_code(black_box(&bytes)))
    });
    group.bench_function("problem-codes-typed-members", |b| {
        b.iter(|| parse_typed_members(black_box(&bytes)))
    });
    group.bench_function("http-api-problem", |b| {
        b.iter(|| {
            serde_json::from_slice::<http_api_problem::HttpApiProblem>(black_box(&bytes)).ok()
        })
    });
    group.bench_function("problem_details", |b| {
        b.iter(|| {
            serde_json::from_slice::<problem_details::ProblemDetails<Extensions>>(black_box(&bytes))
                .ok()
        })
    });
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let codes: Vec<&'static str> = Big::ALL.iter().map(|code| code.as_str()).collect();
    let mut group = c.benchmark_group("lookup-2000");
    lookup_bench(&mut group, "binary-search", &codes, |code| {
        Big::from_code(code)
    });
    lookup_bench(&mut group, "linear-scan", &codes, |code| {
        Big::ALL.iter().copied().find(|c| c.as_str() == code)
    });
    group.finish();
}

/// Looks up every code once per iteration, so the figure is per 2,000 lookups.
fn lookup_bench(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    codes: &[&'static str],
    find: impl Fn(&str) -> Option<Big>,
) {
    group.bench_function(name, |b| {
        b.iter(|| {
            codes
                .iter()
                .filter(|code| find(black_box(code)).is_some())
                .count()
        })
    });
}

/// Where criterion writes its estimates, resolved as criterion does.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("criterion")
}

fn median_ns(group: &str, id: &str) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(id)
        .join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value["median"]["point_estimate"].as_f64()
}

/// Prints each group's medians and their ratio to the group's first contestant.
fn report() {
    let groups: [(&str, &[&str]); 8] = [
        (
            "render",
            &[
                "floor",
                "problem-codes",
                "serde-struct",
                "http-api-problem",
                "problem_details",
                "problemdetails",
            ],
        ),
        ("render-localized", &["default", "zh-Hans", "lookup"]),
        ("render-reused-buffer", &["floor", "problem-codes"]),
        ("render-static", &["floor", "problem-codes"]),
        ("render-escape-heavy-1mib", &["serde_json", "problem-codes"]),
        (
            "response",
            &["floor", "problem-codes", "serde-struct", "http-api-problem"],
        ),
        (
            "parse",
            &[
                "serde-struct",
                "serde-struct-keeping-extensions",
                "problem-codes",
                "problem-codes-typed-members",
                "http-api-problem",
                "problem_details",
            ],
        ),
        ("lookup-2000", &["binary-search", "linear-scan"]),
    ];
    println!("\n| group | contestant | median | ratio to the group's first row |");
    println!("|---|---|---:|---:|");
    for (group, ids) in groups {
        let base = median_ns(group, ids[0]);
        for id in ids {
            match (median_ns(group, id), base) {
                (Some(ns), Some(base)) => {
                    println!("| {group} | {id} | {ns:.1} ns | {:.2}× |", ns / base)
                }
                _ => println!("| {group} | {id} | not run | |"),
            }
        }
    }
}

fn main() {
    if let Err(disagreement) = check_agreement() {
        eprintln!("the contestants do not render the same document: {disagreement}");
        std::process::exit(1);
    }
    let mut c = Criterion::default().configure_from_args();
    render(&mut c);
    escape_heavy(&mut c);
    response(&mut c);
    parse(&mut c);
    lookup(&mut c);
    c.final_summary();
    report();
}
