//! On error, a stub impl beside `compile_error!`, so the user sees the mistake and not
//! a cascade of "`X` is not a problem code" errors from code that uses the type.
//!
//! The checks that rustc does for us still run: the catalog entries that variants name
//! and the statuses asserted beside them, so one compile reports those mistakes too.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use super::ast::Input;
use super::expand::{catalog_alias, entry_lookup, entry_value, inline_code_checks, status_check};
use crate::shared::krate::Krate;

pub fn expand(node: &DeriveInput, krate: &Krate, input: Option<&Input>) -> TokenStream {
    let Krate {
        path: krate,
        import,
        ..
    } = krate;
    if matches!(node.data, syn::Data::Union(_)) {
        return TokenStream::new();
    }
    let ident = &node.ident;
    let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
    let checks = input.map(|input| {
        let entries = input.variants().iter().filter_map(|variant| {
            let value = entry_value(input, variant)?;
            Some(quote!(const _: &'static #krate::Entry = #value;))
        });
        let statuses = input
            .variants()
            .iter()
            .filter_map(|variant| status_check(input, variant));
        let alias = catalog_alias(input, krate);
        let lookup = entry_lookup(input, krate);
        let inline = inline_code_checks(input, krate);
        quote! {
            #alias
            #lookup
            #(#entries)*
            #(#statuses)*
            #inline
        }
    });
    quote! {
        #[allow(non_upper_case_globals)]
        const _: () = {
            #import
            #[automatically_derived]
            impl #impl_generics #krate::ProblemCode for #ident #ty_generics #where_clause {
                fn entry(&self) -> &'static #krate::Entry {
                    ::core::unreachable!()
                }
            }
            #checks
        };
    }
}
