//! Code generation for a validated input.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::{LitInt, LitStr, Path};

use super::ast::{Field, Input, Variant};
use super::bound::Bounds;
use super::fmt::{self, FmtTrait};
use crate::shared::code::slug;
use crate::shared::json;
use crate::shared::respan::respan;

const DEFAULT_TYPE_BASE: &str = "/problems/";

/// The path generated code names the runtime crate by.
pub fn krate(input: &Input) -> TokenStream {
    match input.attrs.krate.get() {
        Some(path) => quote!(#path),
        None => quote!(::problem_codes),
    }
}

pub fn problem_code(input: &Input) -> TokenStream {
    let krate = krate(input);
    let ident = input.ident;
    let variants = input.variants();
    let mut bounds = Bounds::new(input.generics);

    let mut entry_consts = Vec::new();
    let entry_arms: Vec<TokenStream> = variants
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let name = format_ident!("__ENTRY_{}", i);
            let (arm, entry) = entry_arm(input, &krate, v, &name, &mut bounds);
            if let Some(value) = entry {
                entry_consts.push((name, value));
            }
            arm
        })
        .collect();
    let entry_body = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#entry_arms)* })
    };

    let detail = method(
        variants,
        |v| detail_arm(&krate, v, &mut bounds),
        |arms| {
            quote! {
                fn fmt_detail(
                    &self,
                    __formatter: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => ::core::result::Result::Ok(()),
                    }
                }
            }
        },
    );
    let extensions = method(
        variants,
        |v| extensions_arm(&krate, v, &mut bounds),
        |arms| {
            quote! {
                fn extensions(&self, __ext: &mut #krate::Extensions<'_>) {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        },
    );
    let retry_after = method(
        variants,
        |v| retry_after_arm(&krate, v, &mut bounds),
        |arms| {
            quote! {
                fn retry_after(&self) -> ::core::option::Option<u64> {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => ::core::option::Option::None,
                    }
                }
            }
        },
    );
    let headers = method(
        variants,
        |v| headers_arm(&krate, v, &mut bounds),
        |arms| {
            quote! {
                fn headers(&self, __headers: &mut #krate::http::HeaderMap) {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        },
    );
    let as_error = as_error(input, &krate);
    let status_checks = variants.iter().filter_map(|v| status_check(input, v));

    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input.generics);
    let predicates = where_clause.iter().flat_map(|w| &w.predicates);
    let entry_names = entry_consts.iter().map(|(name, _)| name);
    let entry_consts = entry_consts
        .iter()
        .map(|(name, value)| quote!(const #name: &'static #krate::Entry = #value;));
    let transparent_types = variants
        .iter()
        .filter_map(|v| transparent_field(v))
        .map(|field| field.ty);
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #(#entry_consts)*
            const __PROBLEM_ENTRIES: &[&'static #krate::Entry] = &[#(#entry_names),*];

            #[automatically_derived]
            impl #impl_generics #krate::ProblemCode for #ident #ty_generics #where_clause {
                #[inline]
                fn entry(&self) -> &'static #krate::Entry {
                    #entry_body
                }
                #detail
                #extensions
                #retry_after
                #headers
                #as_error
            }
            #(#status_checks)*

            #krate::__private::integrations! {
                impl [#impl_generics] for [#ident #ty_generics] where [#(#predicates,)*]
                entries [__PROBLEM_ENTRIES.iter().copied()]
                transparent [#(#transparent_types),*]
            }
        };
    }
}

/// `as_error`: the value itself when its type implements `Error` (found by autoref
/// where the type is concrete, so only without generics), else a `transparent`
/// variant's inner error.
fn as_error(input: &Input, krate: &TokenStream) -> TokenStream {
    let arms: Vec<TokenStream> = input
        .variants()
        .iter()
        .filter_map(|variant| {
            let field = transparent_field(variant)?;
            let pat = pattern(variant, &[field]);
            let binding = &field.binding;
            Some(quote!(#pat => #krate::ProblemCode::as_error(#binding),))
        })
        .collect();
    let concrete = input.generics.params.is_empty();
    if !concrete && arms.is_empty() {
        return TokenStream::new();
    }
    let own = if concrete {
        quote! {
            #[allow(unused_imports)]
            use #krate::__private::{ViaError as _, ViaNotError as _};
            let __own = (&#krate::__private::AsError(self)).__as_error();
        }
    } else {
        quote!(let __own = ::core::option::Option::None;)
    };
    quote! {
        fn as_error(
            &self,
        ) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
            #own
            __own.or_else(|| {
                #[allow(unreachable_patterns)]
                match self {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            })
        }
    }
}

fn headers_arm(krate: &TokenStream, variant: &Variant, bounds: &mut Bounds) -> Option<TokenStream> {
    if let Some(field) = transparent_field(variant) {
        let pat = pattern(variant, &[field]);
        let binding = &field.binding;
        return Some(quote!(#pat => #krate::ProblemCode::headers(#binding, __headers),));
    }
    let fields: Vec<&Field> = variant
        .fields
        .iter()
        .filter(|f| f.attrs.header.is_set())
        .collect();
    if fields.is_empty() {
        return None;
    }
    let inserts = fields.iter().filter_map(|field| {
        let name = field.attrs.header.get()?.value().to_ascii_lowercase();
        let binding = &field.binding;
        bounds.add(field.ty, quote!(::core::fmt::Display));
        let insert =
            quote_spanned!(field.span=> #krate::__private::header(__headers, __NAME, #binding));
        Some(quote! {
            {
                const __NAME: #krate::http::HeaderName = #krate::http::HeaderName::from_static(#name);
                #insert;
            }
        })
    });
    let pat = pattern(variant, &fields);
    Some(quote!(#pat => { #(#inserts)* }))
}

/// A trait method from its arms, or nothing when no variant needs it.
fn method<'a>(
    variants: &'a [Variant<'a>],
    mut arm: impl FnMut(&'a Variant<'a>) -> Option<TokenStream>,
    wrap: impl FnOnce(Vec<TokenStream>) -> TokenStream,
) -> TokenStream {
    let arms: Vec<TokenStream> = variants.iter().filter_map(&mut arm).collect();
    if arms.is_empty() {
        TokenStream::new()
    } else {
        wrap(arms)
    }
}

/// A pattern that matches the variant and binds `used` fields.
fn pattern(variant: &Variant, used: &[&Field]) -> TokenStream {
    let path = match variant.ident {
        Some(ident) => quote!(Self::#ident),
        None => quote!(Self),
    };
    let bindings = used.iter().map(|field| {
        let binding = &field.binding;
        match &field.member {
            syn::Member::Named(_) => quote!(#binding,),
            syn::Member::Unnamed(index) => quote!(#index: #binding,),
        }
    });
    quote!(#path { #(#bindings)* .. })
}

fn transparent_field<'a>(variant: &'a Variant) -> Option<&'a Field<'a>> {
    if variant.attrs.transparent.is_set() {
        variant.fields.first()
    } else {
        None
    }
}

/// The match arm of `entry`, and the entry value the arm names as `__ENTRY_<i>` (none
/// for a `transparent` variant, which asks its field).
fn entry_arm(
    input: &Input,
    krate: &TokenStream,
    variant: &Variant,
    name: &syn::Ident,
    bounds: &mut Bounds,
) -> (TokenStream, Option<TokenStream>) {
    if let Some(field) = transparent_field(variant) {
        let pat = pattern(variant, &[field]);
        let binding = &field.binding;
        bounds.add(field.ty, quote!(#krate::ProblemCode));
        let call = quote_spanned!(field.span=> #krate::ProblemCode::entry(#binding));
        return (quote!(#pat => #call,), None);
    }
    let pat = pattern(variant, &[]);
    let value = match entry_path(input, variant) {
        Some(path) => {
            let span = last_span(&path);
            let path = respan(path.to_token_stream(), span);
            quote_spanned!(span=> #path.entry())
        }
        None => {
            let entry = inline_entry(input, krate, variant);
            quote!(&#entry)
        }
    };
    (quote!(#pat => #name,), Some(value))
}

/// The full path of the catalog entry a variant names, if it names one.
pub fn entry_path(input: &Input, variant: &Variant) -> Option<Path> {
    let entry = variant.attrs.entry.get()?;
    if entry.segments.len() > 1 {
        return Some(entry.clone());
    }
    let mut path = input.attrs.catalog.get()?.clone();
    path.segments.extend(entry.segments.iter().cloned());
    Some(path)
}

fn last_span(path: &Path) -> Span {
    path.segments
        .last()
        .map_or_else(Span::call_site, |seg| seg.ident.span())
}

fn inline_entry(input: &Input, krate: &TokenStream, variant: &Variant) -> TokenStream {
    let attrs = &variant.attrs;
    let code = attrs.code.get().map(LitStr::value).unwrap_or_default();
    let status = attrs.status.get().map_or(500, |(_, value)| *value);
    let status = u16::try_from(status).unwrap_or(500);
    let title = attrs.title.get().map(LitStr::value).unwrap_or_default();
    let handling = attrs.handling.get().map(LitStr::value).unwrap_or_default();
    let type_uri = match attrs.type_uri.get() {
        Some(uri) => uri.value(),
        None => {
            let base = input
                .attrs
                .type_base
                .get()
                .map_or_else(|| DEFAULT_TYPE_BASE.to_owned(), LitStr::value);
            format!("{base}{}", slug(&code))
        }
    };
    let section = input
        .attrs
        .section
        .get()
        .map_or_else(|| input.ident.to_string(), LitStr::value);
    let head = json::head(&type_uri, &title, status);
    quote! {
        #krate::Entry::new(#code, #status, #title, #type_uri)
            .with_handling(#handling)
            .with_section(#section)
            .__with_json_head(#head)
    }
}

fn detail_arm(krate: &TokenStream, variant: &Variant, bounds: &mut Bounds) -> Option<TokenStream> {
    if let Some(field) = transparent_field(variant) {
        let pat = pattern(variant, &[field]);
        let binding = &field.binding;
        return Some(quote!(#pat => #krate::ProblemCode::fmt_detail(#binding, __formatter),));
    }
    let lit = variant.attrs.detail.get()?;
    let detail = fmt::parse(lit, &variant.fields).ok()?;
    if let Some(text) = &detail.text {
        let pat = pattern(variant, &[]);
        return Some(quote!(#pat => __formatter.write_str(#text),));
    }
    let mut used: Vec<&Field> = Vec::new();
    for (index, fmt_trait) in &detail.uses {
        let Some(field) = variant.fields.get(*index) else {
            continue;
        };
        match fmt_trait {
            FmtTrait::Display => bounds.add(field.ty, quote!(::core::fmt::Display)),
            FmtTrait::Debug => bounds.add(field.ty, quote!(::core::fmt::Debug)),
            FmtTrait::Other => {}
        }
        if !used.iter().any(|f| f.binding == field.binding) {
            used.push(field);
        }
    }
    let pat = pattern(variant, &used);
    let fmt = &detail.lit;
    Some(quote!(#pat => __formatter.write_fmt(::core::format_args!(#fmt)),))
}

fn extensions_arm(
    krate: &TokenStream,
    variant: &Variant,
    bounds: &mut Bounds,
) -> Option<TokenStream> {
    if let Some(field) = transparent_field(variant) {
        let pat = pattern(variant, &[field]);
        let binding = &field.binding;
        return Some(quote!(#pat => #krate::ProblemCode::extensions(#binding, __ext),));
    }
    let fields: Vec<&Field> = variant
        .fields
        .iter()
        .filter(|f| f.attrs.extension.is_set() && !f.attrs.retry_after.is_set())
        .collect();
    if fields.is_empty() {
        return None;
    }
    let inserts = fields.iter().map(|field| {
        let name = extension_name(field);
        let binding = &field.binding;
        bounds.add(field.ty, quote!(#krate::__private::serde::Serialize));
        let insert = quote_spanned!(field.span=> __ext.insert(__NAME, #binding));
        quote! {
            {
                const __NAME: #krate::ExtensionName = #krate::ExtensionName::from_static(#name);
                #insert;
            }
        }
    });
    let pat = pattern(variant, &fields);
    Some(quote!(#pat => { #(#inserts)* }))
}

fn extension_name(field: &Field) -> String {
    match (field.attrs.extension.get(), &field.member) {
        (Some(Some(lit)), _) => lit.value(),
        (_, syn::Member::Named(ident)) => {
            let name = ident.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        }
        (_, syn::Member::Unnamed(index)) => format!("field{}", index.index),
    }
}

fn retry_after_arm(
    krate: &TokenStream,
    variant: &Variant,
    bounds: &mut Bounds,
) -> Option<TokenStream> {
    if let Some(field) = transparent_field(variant) {
        let pat = pattern(variant, &[field]);
        let binding = &field.binding;
        return Some(quote!(#pat => #krate::ProblemCode::retry_after(#binding),));
    }
    let field = variant
        .fields
        .iter()
        .find(|f| f.attrs.retry_after.is_set())?;
    bounds.add(field.ty, quote!(#krate::RetryAfterValue));
    let pat = pattern(variant, &[field]);
    let binding = &field.binding;
    let call = quote_spanned!(field.span=> #krate::__private::retry_after(#binding));
    Some(quote!(#pat => #call,))
}

/// A const assertion that a status written beside a catalog entry is the catalog's.
fn status_check(input: &Input, variant: &Variant) -> Option<TokenStream> {
    let (lit, value) = variant.attrs.status.get()?;
    let path = entry_path(input, variant)?;
    let code = path.segments.last().map(|seg| seg.ident.to_string())?;
    let span = lit.span();
    let expected = LitInt::new(&value.to_string(), span);
    let message = format!(
        "status {value} contradicts the catalog entry `{code}`; remove `status` to inherit the catalog's status"
    );
    Some(quote_spanned! {span=>
        const _: () = {
            if #path.entry().status().as_u16() != #expected {
                ::core::panic!(#message);
            }
        };
    })
}
