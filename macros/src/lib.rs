//! The macros of [`problem-codes`](https://docs.rs/problem-codes): `#[derive(ProblemCode)]`
//! and `error_catalog!`. Depend on `problem-codes`, which re-exports them.
//!
//! Each macro parses its input into a typed AST, validates it (collecting every
//! mistake), then expands to code that calls the runtime crate through absolute paths.

#![forbid(unsafe_code)]

extern crate proc_macro;

mod catalog;
mod derive;
mod shared;

#[cfg(test)]
mod never_panics;

use proc_macro::TokenStream;

/// Derives `problem_codes::ProblemCode`. See the `problem-codes` crate for the
/// attributes.
#[proc_macro_derive(ProblemCode, attributes(problem))]
pub fn derive_problem_code(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}

/// Compiles a catalog of problem codes into a typed enum. See the `problem-codes` crate.
#[proc_macro]
pub fn error_catalog(input: TokenStream) -> TokenStream {
    catalog::expand(input.into()).into()
}
