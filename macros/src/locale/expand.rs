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
    let codes: Vec<String> = entries.iter().map(|entry| entry.code.to_string()).collect();
    let digest = crate::shared::code::digest(codes.iter().map(String::as_str));
    let complete_check = format_ident!("each_code_is_translated_in_{}", ident, span = ident.span());
    // Spanned on the locale's name, where the missing codes are listed.
    let complete = quote_spanned! {ident.span()=>
        #[allow(dead_code, non_upper_case_globals, non_snake_case)]
        const #complete_check: () = {
            if !__EXACT {
                let __report = #krate::__private::check_complete(
                    &__entries(),
                    __TRANSLATED,
                    #name,
                    #as_catalog::NAME,
                );
                if __report.failed() {
                    ::core::panic!("{}", __report.message());
                }
            }
        };
    };
    // One body for each kind of check, not one const per fact, and one call per fact:
    // rustc type-checks each const body and each statement, which for a 2,000-code
    // locale cost more than the catalog. Each call is spanned on its token, where const
    // evaluation reports the panic inside it; the first one reached stops evaluation.
    let code_checks = entries.iter().map(|entry| {
        let code = entry.code.to_string();
        quote_spanned!(entry.code.span()=> __check_code(#code);)
    });
    let placeholder_checks = entries.iter().enumerate().flat_map(|(index, entry)| {
        let code = entry.code.to_string();
        let detail = entry.detail.as_ref();
        detail.into_iter().flat_map(move |(lit, pieces)| {
            let code = code.clone();
            pieces.iter().filter_map(move |piece| match piece {
                Piece::Member(member) => Some(quote_spanned! {lit.span()=>
                    __check_placeholder(#index, #code, #member);
                }),
                Piece::Text(_) => None,
            })
        })
    });
    let code_check = format_ident!(
        "codes_translated_in_{}_are_the_catalogs",
        ident,
        span = ident.span()
    );
    let placeholder_check =
        format_ident!("placeholders_in_{}_are_members", ident, span = ident.span());
    // Spanned on the locale's name: const evaluation's note on where a check panicked
    // points there, not at the whole invocation.
    let checkers = quote_spanned! {ident.span()=>
        const fn __check_code(__code: &::core::primitive::str) {
            let __report = #krate::__private::check_code(
                __entry(__code).is_some(),
                __code,
                #as_catalog::NAME,
            );
            if __report.failed() {
                ::core::panic!("{}", __report.message());
            }
        }
        const fn __check_placeholder(
            __index: ::core::primitive::usize,
            __code: &::core::primitive::str,
            __member: &::core::primitive::str,
        ) {
            let __report = #krate::__private::check_placeholder(
                __entry_at(__index, __code),
                __code,
                __member,
            );
            if __report.failed() {
                ::core::panic!("{}", __report.message());
            }
        }
    };
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
        #[allow(dead_code, unused_qualifications, deprecated, clippy::all, clippy::pedantic, clippy::nursery)]
        const _: () = {
            const __ALL: &[#catalog] = #as_catalog::ALL;
            const __COUNT: ::core::primitive::usize = __ALL.len();
            const __TRANSLATED: &[&::core::primitive::str] = &[#(#codes),*];
            // The usual case, told by the digests of the sorted codes, computed by the
            // two macros alike: the locale translates exactly the catalog's codes, and
            // the checks below look nothing up.
            const __EXACT: ::core::primitive::bool = #as_catalog::__BY_CODE.len() == __COUNT
                && __TRANSLATED.len() == __COUNT
                && #as_catalog::__DIGEST == #digest;
            // Every entry of the catalog, read in const evaluation, where the trait's
            // `entry` cannot be called: the catalog's own `const fn entry` is. A
            // function, so only a locale that does not match its catalog reads them.
            const fn __entries() -> [&'static #krate::Entry; __COUNT] {
                let mut __entries = [#krate::__private::NO_LOCALE_ENTRY; __COUNT];
                let mut __i = 0;
                while __i < __COUNT {
                    __entries[__i] = __ALL[__i].entry();
                    __i += 1;
                }
                __entries
            }
            const fn __entry(
                __code: &::core::primitive::str,
            ) -> ::core::option::Option<&'static #krate::Entry> {
                match #krate::__private::find_code(#as_catalog::__BY_CODE, __code) {
                    ::core::option::Option::Some(__found) => ::core::option::Option::Some(__found.entry()),
                    ::core::option::Option::None => #krate::__private::find_in(&__entries(), __code),
                }
            }

            // The entry of the translation at `index` of the sorted table, `code`.
            const fn __entry_at(
                __index: ::core::primitive::usize,
                __code: &::core::primitive::str,
            ) -> ::core::option::Option<&'static #krate::Entry> {
                if __EXACT {
                    ::core::option::Option::Some(#as_catalog::__BY_CODE[__index].1.entry())
                } else {
                    __entry(__code)
                }
            }

            #checkers

            #complete

            #[allow(dead_code, non_upper_case_globals, non_snake_case)]
            const #code_check: () = {
                if !__EXACT {
                    #(#code_checks)*
                }
            };

            #[allow(dead_code, non_upper_case_globals, non_snake_case)]
            const #placeholder_check: () = {
                #(#placeholder_checks)*
            };
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
