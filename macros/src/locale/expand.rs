//! Code generation for a locale: the locale as a `const`, and one const check per fact the
//! macro cannot see, spanned on the token it is about.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::lower::{Entry, Locale};
use super::template::Piece;
use crate::shared::json;

pub fn locale(locale: &Locale) -> TokenStream {
    let Locale {
        attrs,
        vis,
        ident,
        catalog,
        tag,
        krate,
        entries,
    } = locale;
    let catalog_span = catalog.span();
    // Spanned on the catalog's path, so "not a catalog" lands on it.
    let as_catalog = quote_spanned!(catalog_span=> <#catalog as #krate::Catalog>);
    let rows = entries.iter().map(|entry| row(krate, entry));
    let name = ident.to_string();
    let codes = entries.iter().map(|entry| entry.code.to_string());
    let complete_check = format_ident!("each_code_is_translated_in_{}", ident, span = ident.span());
    // Spanned on the locale's name, where the missing codes are listed.
    let complete = quote_spanned! {ident.span()=>
        #[allow(dead_code, non_upper_case_globals, non_snake_case)]
        const #complete_check: () = {
            let __report = #krate::__private::check_complete(
                &__ENTRIES,
                &[#(#codes),*],
                #name,
                #as_catalog::NAME,
            );
            if __report.failed() {
                ::core::panic!("{}", __report.message());
            }
        };
    };
    let code_checks = entries.iter().map(|entry| {
        let code = entry.code.to_string();
        let check = format_ident!(
            "{}_is_a_code_of_the_catalog",
            entry.code,
            span = entry.code.span()
        );
        quote_spanned! {entry.code.span()=>
            #[allow(dead_code, non_upper_case_globals, non_snake_case)]
            const #check: () = {
                let __report = #krate::__private::check_code(&__ENTRIES, #code, #as_catalog::NAME);
                if __report.failed() {
                    ::core::panic!("{}", __report.message());
                }
            };
        }
    });
    let member_checks = entries.iter().flat_map(|entry| {
        let code = entry.code.to_string();
        let detail = entry.detail.as_ref();
        detail.into_iter().flat_map(move |(lit, pieces)| {
            let code = code.clone();
            pieces.iter().filter_map(move |piece| match piece {
                Piece::Member(member) => {
                    let check = format_ident!(
                        "{}_declares_{}",
                        code,
                        member,
                        span = lit.span()
                    );
                    Some(quote_spanned! {lit.span()=>
                        #[allow(dead_code, non_upper_case_globals, non_snake_case)]
                        const #check: () = {
                            let __report = #krate::__private::check_placeholder(&__ENTRIES, #code, #member);
                            if __report.failed() {
                                ::core::panic!("{}", __report.message());
                            }
                        };
                    })
                }
                Piece::Text(_) => None,
            })
        })
    });
    let doc = format!(
        "The translation of the catalog `{}` into `{}`, declared with `catalog_locale!`.",
        quote!(#catalog).to_string().replace(' ', ""),
        tag.value()
    );
    quote! {
        #(#attrs)*
        #[doc = ""]
        #[doc = #doc]
        #vis const #ident: #krate::Locale = #krate::Locale::__from_macro(
            #tag,
            #as_catalog::LANGUAGE,
            #as_catalog::NAME,
            &[#(#rows),*],
        );

        #[doc(hidden)]
        #[allow(unused_qualifications, deprecated, clippy::all, clippy::pedantic, clippy::nursery)]
        const _: () = {
            const __ALL: &[#catalog] = #as_catalog::ALL;
            const __COUNT: ::core::primitive::usize = __ALL.len();
            // Every entry of the catalog, read in const evaluation, where the trait's
            // `entry` cannot be called: the catalog's own `const fn entry` is.
            const __ENTRIES: [&#krate::Entry; __COUNT] = {
                let mut __entries = [#krate::__private::NO_LOCALE_ENTRY; __COUNT];
                let mut __i = 0;
                while __i < __COUNT {
                    __entries[__i] = __ALL[__i].entry();
                    __i += 1;
                }
                __entries
            };

            #complete

            #(#code_checks)*
            #(#member_checks)*
        };
    }
}

fn row(krate: &TokenStream, entry: &Entry) -> TokenStream {
    let code = entry.code.to_string();
    let title = &entry.title;
    let title_json = json::escaped(title);
    let handling = match &entry.handling {
        Some(handling) => quote!(::core::option::Option::Some(#handling)),
        None => quote!(::core::option::Option::None),
    };
    let detail = match &entry.detail {
        Some((_, pieces)) => {
            let segments = pieces.iter().map(|piece| match piece {
                Piece::Text(text) => quote!(#krate::Segment::Text(#text)),
                Piece::Member(name) => quote!(#krate::Segment::Member(#name)),
            });
            quote!(::core::option::Option::Some(&[#(#segments),*]))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #krate::LocaleEntry::__from_macro(#code, #title, #title_json, #handling, #detail)
    }
}

/// On error, the locale with no translations, so code that names it adds no errors
/// of its own to the real ones.
pub fn fallback(locale: &Locale) -> TokenStream {
    let Locale {
        attrs,
        vis,
        ident,
        catalog,
        tag,
        krate,
        ..
    } = locale;
    let as_catalog = quote_spanned!(catalog.span()=> <#catalog as #krate::Catalog>);
    quote! {
        #(#attrs)*
        #vis const #ident: #krate::Locale = #krate::Locale::__from_macro(
            #tag,
            #as_catalog::LANGUAGE,
            #as_catalog::NAME,
            &[],
        );
    }
}
