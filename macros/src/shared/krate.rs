//! The path generated code names the runtime crate by: `::problem_codes`, or the path
//! of a `crate = "…"` override, imported once.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Ident, Path};

/// The runtime crate as generated code names it, and the import that comes first in
/// each block of the expansion that names it.
///
/// An override is imported as `__problem_codes` rather than written out at each use: a
/// path that does not resolve is then one error on the user's string, where written
/// out it was one error per use, plus rustc's suggestions for the items named after it.
pub struct Krate {
    pub path: TokenStream,
    pub import: TokenStream,
    /// The path as written, for items outside the blocks that import it.
    pub full: TokenStream,
}

impl Krate {
    pub fn new(path: Option<&Path>) -> Krate {
        match path {
            None => Krate {
                path: quote!(::problem_codes),
                import: TokenStream::new(),
                full: quote!(::problem_codes),
            },
            Some(path) => {
                let alias = Ident::new("__problem_codes", Span::call_site());
                Krate {
                    path: quote!(#alias),
                    import: quote! {
                        #[allow(unused_imports)]
                        use #path as #alias;
                    },
                    full: quote!(#path),
                }
            }
        }
    }
}
