//! The macros' front ends as a library, from the macros crate's own source files, and
//! the checks every macro target makes of an expansion.

#![allow(unused, clippy::all)]

use proc_macro2::{TokenStream, TokenTree};

#[path = "../../macros/src/catalog/mod.rs"]
mod catalog;
#[path = "../../macros/src/derive/mod.rs"]
mod derive;
#[path = "../../macros/src/shared/mod.rs"]
mod shared;

/// Expands `#[derive(ProblemCode)]` on `source`, when it lexes, and checks the output.
pub fn fuzz_derive(source: &[u8]) {
    fuzz_macro(source, derive::expand);
}

/// Expands `error_catalog!` on `source`, when it lexes, and checks the output.
pub fn fuzz_catalog(source: &[u8]) {
    fuzz_macro(source, catalog::expand);
}

fn fuzz_macro(source: &[u8], expand: fn(TokenStream) -> TokenStream) {
    let Ok(text) = std::str::from_utf8(source) else {
        return;
    };
    if let Ok(tokens) = text.parse::<TokenStream>() {
        let output = expand(tokens);
        check_output(&output);
    }
    // The spans of every input parsed are kept per thread; forget them, or memory grows
    // with every execution.
    proc_macro2::extra::invalidate_current_thread_spans();
}

/// An expansion is tokens rustc can read back: something, and either items or a
/// `compile_error!` that says what is wrong.
fn check_output(output: &TokenStream) {
    assert!(!output.is_empty(), "an expansion is never empty");
    let text = output.to_string();
    assert!(
        text.parse::<TokenStream>().is_ok(),
        "the expansion re-lexes: {text}"
    );
    if has_compile_error(output) {
        return;
    }
    assert!(
        !text.contains("__InvalidCode"),
        "a placeholder reached an expansion without an error: {text}"
    );
}

fn has_compile_error(output: &TokenStream) -> bool {
    output.clone().into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => ident == "compile_error",
        TokenTree::Group(group) => has_compile_error(&group.stream()),
        _ => false,
    })
}

/// The messages of the errors `error_catalog!` reports on the first call to it in
/// `source`, a Rust file; `None` when `source` does not lex or has no such call.
pub fn catalog_errors(source: &str) -> Option<Vec<String>> {
    let tokens: TokenStream = source.parse().ok()?;
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let input = trees.windows(3).find_map(|window| match window {
        [
            TokenTree::Ident(name),
            TokenTree::Punct(bang),
            TokenTree::Group(group),
        ] if name == "error_catalog" && bang.as_char() == '!' => Some(group.stream()),
        _ => None,
    })?;
    let output = catalog::expand(input);
    check_output(&output);
    let messages = compile_errors(&output);
    proc_macro2::extra::invalidate_current_thread_spans();
    Some(messages)
}

fn compile_errors(output: &TokenStream) -> Vec<String> {
    let trees: Vec<TokenTree> = output.clone().into_iter().collect();
    trees
        .windows(3)
        .filter_map(|window| match window {
            [
                TokenTree::Ident(name),
                TokenTree::Punct(_),
                TokenTree::Group(group),
            ] if name == "compile_error" => Some(group.stream().to_string()),
            _ => None,
        })
        .collect()
}
