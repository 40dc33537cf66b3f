//! `cargo bench -p problem-codes-benches --bench expand`: how long each macro takes to
//! expand, from a small input to the catalog of 2,000 codes and the derive over 1,000
//! variants that `tests/tests/it/scale.rs` compiles. Reported, not asserted.
//!
//! A proc-macro crate exports only its macros, so its front ends are compiled here from
//! their source files, as the fuzz targets compile them.

use std::hint::black_box;

use criterion::{BatchSize, Criterion};
use problem_codes_tests::scale;
use proc_macro2::TokenStream;

#[allow(unused, clippy::all)]
#[path = "../../macros/src/catalog/mod.rs"]
mod catalog;
#[allow(unused, clippy::all)]
#[path = "../../macros/src/derive/mod.rs"]
mod derive;
#[allow(unused, clippy::all)]
#[path = "../../macros/src/shared/mod.rs"]
mod shared;

fn tokens(source: &str) -> TokenStream {
    source.parse().expect("the generated source lexes")
}

fn expand(c: &mut Criterion) {
    let mut group = c.benchmark_group("expand");
    group.sample_size(20);
    for codes in [24, 200, 2_000] {
        let input = tokens(&scale::catalog_input(codes));
        group.bench_function(format!("error_catalog! {codes} codes"), |b| {
            b.iter_batched(
                || input.clone(),
                |input| black_box(catalog::expand(input)),
                BatchSize::LargeInput,
            )
        });
    }
    for variants in [10, 100, 1_000] {
        let input = tokens(&scale::derive_input(variants));
        group.bench_function(format!("derive {variants} variants"), |b| {
            b.iter_batched(
                || input.clone(),
                |input| black_box(derive::expand(input)),
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

criterion::criterion_group!(benches, expand);
criterion::criterion_main!(benches);
