//! Recovery after a mistake: skipping what follows it, so parsing reads on.

use proc_macro2::{TokenStream, TokenTree};
use syn::parse::ParseStream;

/// The token trees up to the next `,` (not included), consumed: what a mistake spans.
pub fn until_comma(input: ParseStream) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut skipped = TokenStream::new();
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            skipped.extend([tt]);
            rest = next;
        }
        Ok((skipped, rest))
    })
}
