//! The macros of [`problem-codes`](https://docs.rs/problem-codes): `#[derive(ProblemCode)]`
//! and `error_catalog!`. Depend on `problem-codes`, which re-exports them.
//!
//! Each macro parses its input into a typed AST, validates it (collecting every
//! mistake), then expands to code that calls the runtime crate through absolute paths:
//! its public API, and the hidden items that the module doc of the runtime's
//! `__private` lists.

#![forbid(unsafe_code)]

extern crate proc_macro;

mod catalog;
mod derive;
mod locale;
mod shared;

#[cfg(test)]
mod never_panics;

use proc_macro::TokenStream;

/// Expands to an impl of `problem_codes::ProblemCode` and, with the runtime's framework
/// features, of the frameworks' response traits.
#[proc_macro_derive(ProblemCode, attributes(problem))]
pub fn derive_problem_code(input: TokenStream) -> TokenStream {
    derive::expand(input.into()).into()
}

/// Expands to each catalog's enum, its per-code consts and its impls.
#[proc_macro]
pub fn error_catalog(input: TokenStream) -> TokenStream {
    catalog::expand(input.into()).into()
}

/// Expands to each locale's `const` table and the const checks of its translations
/// against the catalog they translate.
#[proc_macro]
pub fn catalog_locale(input: TokenStream) -> TokenStream {
    locale::expand(input.into()).into()
}
