//! `cargo bench -p problem-codes-benches --bench limits`: what checking a body before
//! parsing it costs. `Problem::from_json` checks the size, scans the nesting and
//! validates UTF-8, then parses; `serde_json::from_slice::<Problem>` only parses. Both
//! on the 215-byte benchmark document, and on a 4 KiB one with an `errors` array.

use std::hint::black_box;

use criterion::Criterion;
use problem_codes::Problem;
use problem_codes_benches::{SECONDS, ours};

fn limits(c: &mut Criterion) {
    let small = ours(SECONDS);
    let errors: Vec<String> = (0..40)
        .map(|i| format!(r#"{{"pointer":"/items/{i}/name","detail":"must not be empty"}}"#))
        .collect();
    let large = format!(
        r#"{{"type":"/problems/validation","title":"Invalid","status":422,"code":"VALIDATION_FAILED","errors":[{}]}}"#,
        errors.join(",")
    )
    .into_bytes();
    let mut group = c.benchmark_group("parse-limits");
    for (name, body) in [("215 B", &small), ("4 KiB", &large)] {
        group.bench_function(format!("from_json {name}"), |b| {
            b.iter(|| Problem::from_json(black_box(body)).ok())
        });
        group.bench_function(format!("serde_json::from_slice {name}"), |b| {
            b.iter(|| serde_json::from_slice::<Problem>(black_box(body)).ok())
        });
    }
    group.finish();
}

criterion::criterion_group!(benches, limits);
criterion::criterion_main!(benches);
