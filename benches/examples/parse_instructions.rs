//! Parses the benchmark's document `N` times along one path, for an instruction count
//! under callgrind (a busy machine moves wall times; instruction counts barely move):
//!
//! ```sh
//! cargo build --release -p problem-codes-benches --example parse_instructions
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/parse_instructions typed-code 10000
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/parse_instructions typed-members 10000
//! ```
//!
//! `typed-view` makes the typed view and reads no member; `typed-members` also reads
//! the code's declared `retry_after`. Run each path at two counts: the difference of the totals over the difference of the
//! counts is the cost of one parse, start-up excluded.

use std::hint::black_box;

use problem_codes_benches::{SECONDS, Throttle, ours, parse_typed_code, parse_typed_members};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_default();
    let count: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let bytes = ours(SECONDS);
    let mut known = 0u64;
    for _ in 0..count {
        let found = match path.as_str() {
            "typed-code" => parse_typed_code(black_box(&bytes)).is_some(),
            "typed-view" => problem_codes::Problem::from_json(black_box(&bytes))
                .ok()
                .and_then(|problem| problem.typed::<Throttle>().known())
                .is_some(),
            "typed-members" => {
                parse_typed_members(black_box(&bytes)).is_some_and(|(_, s)| s.is_some())
            }
            _ => {
                eprintln!("usage: parse_instructions typed-code|typed-view|typed-members COUNT");
                std::process::exit(2);
            }
        };
        known += u64::from(black_box(found));
    }
    println!("{known} of {count} parsed");
}
