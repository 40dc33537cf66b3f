//! `#[derive(ProblemCode)]`: parse (`ast`, `attr`), validate (`valid`, `fmt`), expand.

mod ast;
mod attr;
mod bound;
mod expand;
mod fallback;
mod fmt;
mod table;
mod valid;

use proc_macro2::TokenStream;
use syn::DeriveInput;

use crate::shared::ctxt::Ctxt;
use crate::shared::krate::Krate;

/// The derive on a token stream, so tests can drive it without a compiler.
pub fn expand(tokens: TokenStream) -> TokenStream {
    let node: DeriveInput = match syn::parse2(tokens) {
        Ok(node) => node,
        Err(err) => return err.to_compile_error(),
    };
    let cx = Ctxt::new();
    let input = ast::Input::from_syn(&cx, &node);
    if let Some(input) = &input {
        valid::check(&cx, input);
    }
    let krate = input
        .as_ref()
        .map_or_else(|| Krate::new(None), expand::krate);
    match (cx.check(), input) {
        (Ok(()), Some(input)) => expand::problem_code(&input),
        (Err(err), input) => {
            let mut out = err.to_compile_error();
            out.extend(fallback::expand(&node, &krate, input.as_ref()));
            out
        }
        (Ok(()), None) => fallback::expand(&node, &krate, None),
    }
}

#[cfg(test)]
mod tests;
