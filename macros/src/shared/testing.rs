//! Test helpers: the messages a macro's output reports with `compile_error!`.

use proc_macro2::{TokenStream, TokenTree};

/// The message of every top-level `compile_error! { "…" }` in `output`, in order.
pub fn messages(output: &TokenStream) -> Vec<String> {
    let tokens: Vec<TokenTree> = output.clone().into_iter().collect();
    tokens
        .windows(3)
        .filter_map(|window| match window {
            [
                TokenTree::Ident(ident),
                TokenTree::Punct(bang),
                TokenTree::Group(group),
            ] if ident == "compile_error" && bang.as_char() == '!' => {
                syn::parse2::<syn::LitStr>(group.stream())
                    .ok()
                    .map(|lit| lit.value())
            }
            _ => None,
        })
        .collect()
}

/// Asserts that `output` reports exactly `expected`, each given as a part of its
/// message, in order.
#[track_caller]
pub fn assert_reports(output: &TokenStream, expected: &[&str]) {
    let found = messages(output);
    assert_eq!(
        found.len(),
        expected.len(),
        "expected {} errors, found {found:#?}",
        expected.len()
    );
    for (message, part) in found.iter().zip(expected) {
        assert!(
            message.contains(part),
            "expected `{part}` in `{message}`; all: {found:#?}"
        );
    }
}
