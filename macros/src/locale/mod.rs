//! `catalog_locale!`: a catalog's translation, declared apart from the catalog. Parse
//! (`ast`), check what the macro can see (the tag, the keys, each code once, the
//! templates' syntax: `lower`), and expand to the locale's table and the const checks
//! of what only rustc can see (the catalog's codes and members: `expand`).

mod ast;
mod expand;
mod lower;
mod template;

use proc_macro2::TokenStream;

use crate::shared::ctxt::Ctxt;

/// The macro on a token stream, so tests can drive it without a compiler.
pub fn expand(tokens: TokenStream) -> TokenStream {
    let parsed: ast::Locales = match syn::parse2(tokens) {
        Ok(parsed) => parsed,
        Err(err) => return err.to_compile_error(),
    };
    let cx = Ctxt::new();
    duplicate_tags(&cx, &parsed.locales);
    let locales: Vec<lower::Locale> = parsed
        .locales
        .iter()
        .map(|def| lower::Locale::from_ast(&cx, def))
        .collect();
    match cx.check() {
        Ok(()) => locales.iter().map(expand::locale).collect(),
        Err(err) => {
            // The locales alone, empty, so code that names them adds no errors.
            let mut out = err.to_compile_error();
            out.extend(locales.iter().map(expand::fallback));
            out
        }
    }
}

/// Two locales of one catalog with the same tag: one would never be negotiated.
fn duplicate_tags(cx: &Ctxt, locales: &[ast::LocaleDef]) {
    let mut seen: Vec<(String, String, proc_macro2::Span)> = Vec::new();
    for def in locales {
        let catalog = quote::ToTokens::to_token_stream(&def.catalog).to_string();
        let tag = def.tag.value();
        match seen
            .iter()
            .find(|(c, t, _)| *c == catalog && t.eq_ignore_ascii_case(&tag))
        {
            Some((_, _, first)) => cx.duplicate(
                def.tag.span(),
                format!("`{catalog}` already has a locale `{tag}`; merge the two into one"),
                *first,
                format!("`{tag}` is first declared here"),
            ),
            None => seen.push((catalog, tag, def.tag.span())),
        }
    }
}

#[cfg(test)]
mod tests;
