//! `error_catalog!`: parse the DSL (`ast`), lower and validate it into a model
//! (`model`), expand.

mod ast;
mod compose;
mod expand;
mod model;

use proc_macro2::TokenStream;

use crate::shared::ctxt::Ctxt;

/// The macro on a token stream, so tests can drive it without a compiler.
pub fn expand(tokens: TokenStream) -> TokenStream {
    let parsed: ast::Catalogs = match syn::parse2(tokens) {
        Ok(parsed) => parsed,
        Err(err) => return err.to_compile_error(),
    };
    let cx = Ctxt::new();
    let catalogs: Vec<model::Catalog> = parsed
        .catalogs
        .iter()
        .map(|catalog| model::Catalog::from_ast(&cx, catalog))
        .collect();
    match cx.check() {
        Ok(()) => catalogs.iter().map(expand::catalog).collect(),
        Err(err) => {
            // The catalog as far as it is sound, so the code that uses it adds no
            // errors of its own; the bare enum when nothing is.
            let mut out = err.to_compile_error();
            out.extend(parsed.catalogs.iter().zip(&catalogs).map(|(def, catalog)| {
                if catalog.expandable() {
                    expand::catalog(catalog)
                } else {
                    expand::fallback(def)
                }
            }));
            out
        }
    }
}

#[cfg(test)]
mod tests;
