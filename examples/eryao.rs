//! The newcomer's first run: `cargo run --example eryao`.
//!
//! Prints the eryao catalog as the compiler knows it, then one service error rendered
//! as the HTTP response a frontend receives.
//!
//! With a command, it is the catalog's command-line front: `cargo run --example eryao --
//! markdown` prints the fixture document, `-- check` compares the catalog with its
//! committed snapshot, `-- --help` lists the rest and the exit codes.

use std::process::ExitCode;

use problem_codes::{Catalog, Problem, ProblemCode};
use problem_codes_contract::cli::Cli;
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_tests::eryao::{Auth, Eryao};

/// The snapshot the compatibility gate compares with, from the root of the package that
/// owns this example (`cargo run` sets `CARGO_MANIFEST_DIR` to it), as the gate's test
/// names it.
const SNAPSHOT: &str = "snapshots/eryao.codes.json";

/// A service's own error: each variant names its catalog entry.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Auth)]
enum OtpError {
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        #[problem(retry_after)]
        seconds: u64,
    },
}

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    if !args.is_empty() {
        return Cli::new::<Eryao>()
            .markdown(MarkdownOptions::of::<Eryao>())
            .snapshot(SNAPSHOT)
            .bin_name("cargo run --example eryao --")
            .run(args);
    }
    tour();
    ExitCode::SUCCESS
}

fn tour() {
    println!(
        "{} catalog: {} codes in {} sections\n",
        Eryao::NAME,
        Eryao::ALL.len(),
        Eryao::SECTIONS.len(),
    );
    for section in Eryao::SECTIONS {
        println!("## {}", section.name());
        for entry in section.entries() {
            println!(
                "  {:<36} {}  {}",
                entry.code(),
                entry.status().as_u16(),
                entry.title()
            );
        }
        println!();
    }

    let error = OtpError::Throttled { seconds: 30 };
    let response = error.render().instance("/v1/auth/otp").to_response();
    println!("{error:?}, served at /v1/auth/otp:\n");
    println!("{:?} {}", response.version(), response.status());
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!("\n{}\n", String::from_utf8_lossy(response.body()));

    // What a Rust client does with that body.
    match Problem::from_json(response.body()).map(|p| p.typed_code::<Eryao>().known()) {
        Ok(Some(code)) => println!(
            "a client reads it back as {code:?}: {}",
            code.entry().handling()
        ),
        Ok(None) => println!("a client sees a code it does not know yet"),
        Err(err) => println!("not a problem document: {err}"),
    }
}
