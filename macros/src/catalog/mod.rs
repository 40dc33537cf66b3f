//! `error_catalog!`: parse the DSL (`ast`), lower each item and check it (`lower`),
//! check the rules across items (`valid`), expand (`expand`, `compose`).

mod ast;
mod compose;
mod expand;
mod lower;
mod valid;

use proc_macro2::TokenStream;

use crate::shared::ctxt::Ctxt;

/// The macro on a token stream, so tests can drive it without a compiler.
pub fn expand(tokens: TokenStream) -> TokenStream {
    let parsed: ast::Catalogs = match syn::parse2(tokens) {
        Ok(parsed) => parsed,
        Err(err) => return err.to_compile_error(),
    };
    let cx = Ctxt::new();
    let catalogs: Vec<lower::Catalog> = parsed
        .catalogs
        .iter()
        .map(|def| {
            let mut catalog = lower::Catalog::from_ast(&cx, def);
            valid::check(&cx, &mut catalog);
            catalog
        })
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
