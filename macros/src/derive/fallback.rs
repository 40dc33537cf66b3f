//! On error, a stub impl beside `compile_error!`, so the user sees the mistake and not
//! a cascade of "`X` is not a problem code" errors from code that uses the type.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

pub fn expand(node: &DeriveInput, krate: &TokenStream) -> TokenStream {
    if matches!(node.data, syn::Data::Union(_)) {
        return TokenStream::new();
    }
    let ident = &node.ident;
    let (impl_generics, ty_generics, where_clause) = node.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics #krate::ProblemCode for #ident #ty_generics #where_clause {
            fn entry(&self) -> &'static #krate::Entry {
                ::core::unreachable!()
            }
        }
    }
}
