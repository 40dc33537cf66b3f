//! Code generation for a validated input.

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{ToTokens, format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Ident, LitInt, LitStr, Path, Type};

use super::ast::{Field, Input, Shape, Variant};
use super::bound::Bounds;
use super::table;
use crate::shared::code::{shape_error, slug};
use crate::shared::json;
use crate::shared::krate::Krate;
use crate::shared::symbol::{DEFAULT_TYPE_BASE, RETRY_AFTER_MEMBER};

/// The path generated code names the runtime crate by, and its import.
pub fn krate(input: &Input) -> Krate {
    Krate::new(input.attrs.krate.get())
}

pub fn problem_code(input: &Input) -> TokenStream {
    let Krate {
        path: krate,
        import,
        ..
    } = krate(input);
    let ident = input.ident;
    let variants = input.variants();
    let mut bounds = Bounds::new(input.generics);

    // Every variant's row, its inline entry included, lives in one static array: one
    // const evaluation for the whole type. The runtime reads the rows, so each
    // variant adds a descriptor and an arm or two, not a method body.
    let mut member_checks: Vec<TokenStream> = Vec::new();
    let mut descriptors: Vec<TokenStream> = Vec::new();
    let mut row_arms: Vec<TokenStream> = Vec::new();
    let mut index_arms: Vec<TokenStream> = Vec::new();
    let mut args_arms: Vec<TokenStream> = Vec::new();
    let mut has_inner = false;
    let mut probes = false;
    for variant in variants {
        if let Some(field) = transparent_field(variant) {
            let pat = pattern(variant, &[field]);
            let binding = &field.binding;
            bounds.add(field.ty, quote!(#krate::ProblemCode));
            // Through a trait method, not a cast: a field that is no problem code is then
            // the same error as in `as_error`'s arm, which rustc reports once.
            let inner = quote_spanned!(field.span=>
                #krate::__private::Row::Inner(#krate::ProblemCode::__as_dyn(#binding)));
            row_arms.push(quote!(#pat => #inner,));
            has_inner = true;
            continue;
        }
        let index = descriptors.len();
        // An inline entry is written in its row, where the static extends its life; the
        // checks read it back from there.
        let (entry, checked) = match entry_value(input, variant) {
            Some(value) => (value.clone(), value),
            None => {
                let entry = inline_entry(input, &krate, variant);
                (quote!(&#entry), quote!(__VARIANTS[#index].entry))
            }
        };
        member_checks.extend(self::member_checks(
            input, &krate, variant, &checked, &bounds,
        ));
        let row = table::row(&krate, variant, entry, &mut bounds);
        descriptors.push(row.descriptor);
        let pat = pattern(variant, &[]);
        index_arms.push(quote!(#pat => #index,));
        row_arms.push(quote!(#pat => #krate::__private::Row::Table(&__VARIANTS[#index]),));
        if !row.args.is_empty() {
            let used: Vec<&Field> = row
                .used
                .iter()
                .filter_map(|i| variant.fields.get(*i))
                .collect();
            let pat = pattern(variant, &used);
            let args = &row.args;
            probes |= row.probes;
            args_arms.push(quote!(#pat => __f(&[#(#args),*]),));
        }
    }
    let rows = descriptors.len();
    let row_body = if variants.is_empty() {
        quote!(match *self {})
    } else if has_inner {
        quote!(match self { #(#row_arms)* })
    } else if matches!(input.shape, Shape::Struct(_)) {
        quote!(#krate::__private::Row::Table(&__VARIANTS[0]))
    } else {
        quote!(#krate::__private::Row::Table(&__VARIANTS[match self { #(#index_arms)* }]))
    };
    let args = (!args_arms.is_empty()).then(|| {
        let imports = probes.then(|| {
            quote! {
                #[allow(unused_imports)]
                use #krate::__private::{
                    ViaDisplayArg as _, ViaFastArg as _, ViaFastMember as _, ViaSerdeMember as _,
                };
            }
        });
        quote! {
            fn __args(&self, __f: &mut dyn ::core::ops::FnMut(&[#krate::__private::Arg<'_>])) {
                #imports
                #[allow(unreachable_patterns)]
                match self {
                    #(#args_arms)*
                    _ => __f(&[]),
                }
            }
        }
    });
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
    let catalog_alias = catalog_alias(input, &krate);
    let entry_lookup = entry_lookup(input, &krate);
    let inline_checks = inline_code_checks(input, &krate);

    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds.where_clause(input.generics);
    let predicates = where_clause.iter().flat_map(|w| &w.predicates);
    let skipped = input.attrs.skip_impl.get().into_iter().flatten();
    let transparent_types: Vec<&Type> = variants
        .iter()
        .filter_map(|v| transparent_field(v))
        .map(|field| field.ty)
        .collect();
    let own_where = &input.generics.where_clause;
    let entries = quote!(__VARIANTS.iter().map(|__v| __v.entry));
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #import
            #catalog_alias
            #entry_lookup
            // A deprecated catalog code named by a variant warns once, in its member
            // check below, not here too.
            #[allow(deprecated)]
            static __VARIANTS: [#krate::__private::Variant; #rows] = [#(#descriptors),*];

            // The user's own `#[deprecated]` type, variants and fields are not a use.
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics #krate::ProblemCode for #ident #ty_generics #where_clause {
                #[inline]
                fn entry(&self) -> &'static #krate::Entry {
                    #krate::__private::entry_of(self)
                }
                fn __row(&self) -> #krate::__private::Row<'_> {
                    #row_body
                }
                #args
                #headers
                #as_error
            }
            #[automatically_derived]
            #[allow(deprecated)]
            impl #impl_generics #krate::CodeSet for #ident #ty_generics #own_where {
                fn entries(__out: &mut ::std::vec::Vec<&'static #krate::Entry>) {
                    #[allow(unused_imports)]
                    use #krate::__private::{ViaCodeSet as _, ViaNoCodeSet as _};
                    __out.extend(#entries);
                    #((&#krate::__private::InnerCodes::<#transparent_types>::NEW).__entries(__out);)*
                }
            }
            #(#status_checks)*
            #inline_checks
            #(#member_checks)*

            #[allow(deprecated)]
            const _: () = {
                #krate::__private::integrations! {
                    skip [#(#skipped)*]
                impl [#impl_generics] for [#ident #ty_generics] where [#(#predicates,)*]
                    entries [#entries]
                    transparent [#(#transparent_types),*]
                }
            };
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
        let insert = quote_spanned!(field.span=>
            #krate::__private::HeaderField::insert_header(#binding, __headers, __NAME));
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

/// `type __Catalog = path::to::Catalog;`, through which bare entries are named. rustc
/// resolves the catalog's path here, on the user's `catalog = …` tokens, so a misspelt
/// catalog is reported there, with rustc's "a similar name exists".
///
/// Beside it, a check that the path names a catalog, on the path: without one, an enum
/// of inline codes would take any type, and an entry named through a type that is not
/// a catalog would report only that the entry is missing. It comes first in the
/// expansion, so rustc reports it before the entries.
pub fn catalog_alias(input: &Input, krate: &TokenStream) -> TokenStream {
    let Some(path) = input.attrs.catalog.get() else {
        return TokenStream::new();
    };
    let alias = Ident::new(CATALOG_ALIAS, Span::call_site());
    // The same bound, on the same tokens, as the entries' lookups: rustc reports it
    // once, however many variants name an entry or declare an inline code.
    let checked = Ident::new(CATALOG_ALIAS, path.span());
    let check = quote_spanned! {path.span()=>
        const _: ::core::marker::PhantomData<<#checked as #krate::__private::EntryScope>::Scope<()>> =
            ::core::marker::PhantomData;
    };
    quote! {
        #check
        #[allow(dead_code)]
        type #alias = #path;
    }
}

const CATALOG_ALIAS: &str = "__Catalog";

/// `Catalog::CODE.entry()` for a variant that names a catalog entry, on the entry's
/// token, so an unknown code is rustc's error there, with its "a similar name" help.
pub fn entry_value(input: &Input, variant: &Variant) -> Option<TokenStream> {
    let (code, scoped) = entry_const(input, variant, ENTRY_LOOKUP)?;
    Some(quote_spanned!(code.span()=> #scoped.entry()))
}

/// The catalog an entry is named in and the entry's name: the qualified path's prefix,
/// or the catalog alias for a bare entry.
fn entry_parts(input: &Input, variant: &Variant) -> Option<(TokenStream, Ident)> {
    let entry = variant.attrs.entry.get()?;
    let code = entry.segments.last()?.ident.clone();
    if entry.segments.len() > 1 {
        let mut catalog = entry.clone();
        catalog.segments.pop();
        let catalog = catalog.segments.pairs().map(|pair| pair.into_value());
        let colon = entry.leading_colon;
        return Some((quote!(#colon #(#catalog)::*), code));
    }
    let catalog = input.attrs.catalog.get()?;
    // On the user's catalog path, where rustc says it is not a catalog.
    let alias = Ident::new(CATALOG_ALIAS, catalog.span());
    Some((quote!(#alias), code))
}

/// The entry's code, and the const a variant's entry is, resolved where the catalog's
/// [`EntryScope`] says: `<C as EntryScope>::Scope::<L<C>>::CODE`, which is the
/// catalog's own const for a catalog with codes of its own and the const of `lookup`, a
/// local type, for a composed one. Spanned on the entry, where rustc reports a code
/// the catalog lacks; the catalog's part on the catalog, where rustc says it is none.
fn entry_const(input: &Input, variant: &Variant, lookup: &str) -> Option<(Ident, TokenStream)> {
    let (catalog, code) = entry_parts(input, variant)?;
    let scoped = scoped_const(input, &catalog, &code, lookup);
    Some((code, scoped))
}

/// `<catalog as EntryScope>::Scope::<lookup<catalog>>::code`, all on the code's span:
/// an expression's span runs from its first token to its last, so a part on the
/// catalog's token would stretch the span over the lines between.
fn scoped_const(input: &Input, catalog: &TokenStream, code: &Ident, lookup: &str) -> TokenStream {
    let krate = krate(input).path;
    let lookup = Ident::new(lookup, code.span());
    // The catalog keeps its own span inside `<…>`: neither the first nor the last token.
    let head = respan(quote!(<), code.span());
    let scope = respan(
        quote!(as #krate::__private::EntryScope>::Scope::<#lookup<),
        code.span(),
    );
    let tail = respan(quote!(>>::#code), code.span());
    quote!(#head #catalog #scope #catalog #tail)
}

const ENTRY_LOOKUP: &str = "__ComposedEntries";
const INLINE_LOOKUP: &str = "__ComposedCodes";

/// The local type whose consts are a composed catalog's entries, one per code the
/// variants name: each finds its code in `ComposedCatalog::ENTRIES` during const
/// evaluation, and fails with our message, on the entry, when no member has it.
pub fn entry_lookup(input: &Input, krate: &TokenStream) -> TokenStream {
    let mut codes: Vec<Ident> = Vec::new();
    for variant in input.variants() {
        if let Some((_, code)) = entry_parts(input, variant)
            && !codes.contains(&code)
        {
            codes.push(code);
        }
    }
    if codes.is_empty() {
        return TokenStream::new();
    }
    let consts = codes.iter().map(|code| {
        let text = code.unraw().to_string();
        quote_spanned! {code.span()=>
            const #code: #krate::__private::FoundEntry = {
                let __report = #krate::__private::find_entry(
                    <C as #krate::__private::ComposedCatalog>::ENTRIES,
                    #text,
                    <C as #krate::Catalog>::NAME,
                );
                match __report.entry() {
                    ::core::option::Option::Some(__entry) => #krate::__private::FoundEntry(__entry),
                    ::core::option::Option::None => ::core::panic!("{}", __report.message()),
                }
            };
        }
    });
    let lookup = Ident::new(ENTRY_LOOKUP, Span::call_site());
    quote! {
        #[allow(dead_code)]
        struct #lookup<C>(::core::marker::PhantomData<C>);

        #[allow(dead_code, non_upper_case_globals)]
        impl<C: #krate::__private::ComposedCatalog> #lookup<C> {
            #(#consts)*
        }
    }
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
    let json = json::body(&type_uri, &title, status, &code);
    let (title_start, title_end) = json::title_at(&type_uri, &title);
    let members = attrs
        .members
        .get()
        .filter(|m| !m.is_empty())
        .map(|members| {
            let members = members.iter().map(|member| member.tokens(krate));
            quote!(.with_members(&[#(#members),*]))
        });
    quote! {
        #krate::Entry::__from_macro(#code, #status, #title, #type_uri, #handling, #section, #json, (#title_start, #title_end))
            #members
    }
}

/// The members a variant's fields render: each `extension` field's, and `retry_after`.
fn rendered_members<'a>(variant: &'a Variant) -> Vec<(String, &'a Field<'a>, bool)> {
    variant
        .fields
        .iter()
        .filter_map(|field| {
            if field.attrs.retry_after.is_set() {
                Some((RETRY_AFTER_MEMBER.to_owned(), field, true))
            } else if field.attrs.extension.is_set() {
                Some((extension_name(field), field, false))
            } else {
                None
            }
        })
        .collect()
}

/// The const checks that hold a variant's fields to the members of its entry: each
/// field renders a member the entry declares, of its type (`MemberValue`), and every
/// required member is rendered. A catalog entry is always checked; an inline code when
/// it declares `members(…)`. Each check is spanned on the field, or on the entry for
/// a member left out, so const evaluation reports it there.
fn member_checks(
    input: &Input,
    krate: &TokenStream,
    variant: &Variant,
    entry: &TokenStream,
    bounds: &Bounds,
) -> Vec<TokenStream> {
    let (checked, span) = match (variant.attrs.entry.get(), variant.attrs.members.span()) {
        (Some(path), _) if entry_parts(input, variant).is_some() => (true, last_span(path)),
        (None, Some(span)) => (true, span),
        _ => (false, Span::call_site()),
    };
    if !checked || transparent_field(variant).is_some() {
        return Vec::new();
    }
    let owner = variant.ident.unwrap_or(input.ident).unraw();
    let rendered = rendered_members(variant);
    let mut checks: Vec<TokenStream> = rendered
        .iter()
        .map(|(name, field, is_retry)| {
            let (ty, optional) = if *is_retry {
                let optional = is_option(field.ty);
                (
                    quote!(::core::option::Option::Some(#krate::MemberType::Integer)),
                    quote!(#optional),
                )
            } else if bounds.is_generic(field.ty) {
                // A type parameter cannot be named outside the impl: its name is
                // checked, its type is not.
                (quote!(::core::option::Option::None), quote!(false))
            } else {
                let ty = static_lifetimes(field.ty.to_token_stream());
                let value = quote_spanned!(field.ty.span()=> <#ty as #krate::MemberValue>);
                (
                    quote!(::core::option::Option::Some(#value::TYPE)),
                    quote!(#value::OPTIONAL),
                )
            };
            let entry = respan(entry.clone(), field.span);
            let check = format_ident!(
                "member_{}_of_{}_is_declared",
                name,
                owner,
                span = field.span
            );
            quote_spanned! {field.span=>
                #[allow(dead_code, non_upper_case_globals)]
                const #check: () = {
                    let __report = #krate::__private::check_field(#entry, #name, #ty, #optional);
                    if __report.failed() {
                        ::core::panic!("{}", __report.message());
                    }
                };
            }
        })
        .collect();
    let names = rendered.iter().map(|(name, _, _)| name);
    let entry = respan(entry.clone(), span);
    let check = format_ident!("members_of_{}_are_rendered", owner, span = span);
    checks.push(quote_spanned! {span=>
        #[allow(dead_code, non_upper_case_globals)]
        const #check: () = {
            let __report = #krate::__private::check_provided(#entry, &[#(#names),*]);
            if __report.failed() {
                ::core::panic!("{}", __report.message());
            }
        };
    });
    checks
}

/// Whether a type is written `Option<…>`.
fn is_option(ty: &Type) -> bool {
    match ty {
        Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|seg| seg.ident == "Option"),
        _ => false,
    }
}

/// The type with each named lifetime made `'static`, so it can be named in a `const`
/// outside the impl, where the type's lifetime parameters are not in scope.
fn static_lifetimes(tokens: TokenStream) -> TokenStream {
    let mut out = Vec::new();
    let mut after_quote = false;
    for tt in tokens {
        let tt = match tt {
            TokenTree::Ident(ident) if after_quote && ident != "static" => {
                TokenTree::Ident(Ident::new("static", ident.span()))
            }
            TokenTree::Group(group) => {
                let mut new = Group::new(group.delimiter(), static_lifetimes(group.stream()));
                new.set_span(group.span());
                TokenTree::Group(new)
            }
            other => other,
        };
        after_quote = matches!(&tt, TokenTree::Punct(p) if p.as_char() == '\'');
        out.push(tt);
    }
    out.into_iter().collect()
}

/// The tokens, each spanned at `span`, so rustc's notes point at the user's token.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(group) = &tt {
                let mut new = Group::new(group.delimiter(), respan(group.stream(), span));
                new.set_span(span);
                tt = TokenTree::Group(new);
            }
            tt.set_span(span);
            tt
        })
        .collect()
}

pub fn extension_name(field: &Field) -> String {
    match (field.attrs.extension.get(), &field.member) {
        (Some(Some(lit)), _) => lit.value(),
        (_, syn::Member::Named(ident)) => {
            let name = ident.to_string();
            name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
        }
        (_, syn::Member::Unnamed(index)) => format!("field{}", index.index),
    }
}

/// With `catalog = C`, an inline `code = "X"` that `C` already has is a mistake: the
/// code would get a second status, title and handling. The macro cannot see `C`, so
/// rustc checks: `C::X` is the catalog's own const when it has the code (inherent items
/// come before trait items), else the `()` of a local trait, and only `()` meets the
/// bound. The path is spanned on the code's literal, where rustc reports it.
pub fn inline_code_checks(input: &Input, krate: &TokenStream) -> TokenStream {
    if !input.attrs.catalog.is_set() {
        return TokenStream::new();
    }
    let mut names: Vec<Ident> = Vec::new();
    let checks: Vec<TokenStream> = input
        .variants()
        .iter()
        .filter_map(|variant| {
            let lit = variant.attrs.code.get()?;
            let code = lit.value();
            // A malformed code is already an error; the `Catalog` trait's own consts
            // would be ambiguous with it when the user has the trait in scope.
            if shape_error(&code).is_some() || ["NAME", "ALL", "SECTIONS"].contains(&&*code) {
                return None;
            }
            let span = lit.span();
            let ident = Ident::new(&code, span);
            let alias_span = input.attrs.catalog.get().map_or(span, Spanned::span);
            let alias = Ident::new(CATALOG_ALIAS, alias_span);
            let alias = quote!(#alias);
            let scoped = scoped_const(input, &alias, &ident, INLINE_LOOKUP);
            if !names.contains(&ident) {
                names.push(ident.clone());
            }
            // The whole call on the literal, so rustc's "required by a bound introduced
            // by this call" points there too, not at the derive.
            let check: TokenStream = quote!(#krate::__private::inline_code_not_in_catalog)
                .into_iter()
                .map(|mut token| {
                    token.set_span(span);
                    token
                })
                .collect();
            Some(quote_spanned! {span=>
                #check(&#scoped);
            })
        })
        .collect();
    if checks.is_empty() {
        return TokenStream::new();
    }
    // A composed catalog has no const per code: there the check finds the code in its
    // entries during const evaluation, and fails when a member has it.
    let lookup = Ident::new(INLINE_LOOKUP, Span::call_site());
    let composed = names.iter().map(|name| {
        let text = name.to_string();
        quote_spanned! {name.span()=>
            const #name: () = {
                let __report = #krate::__private::find_entry(
                    <C as #krate::__private::ComposedCatalog>::ENTRIES,
                    #text,
                    <C as #krate::Catalog>::NAME,
                );
                if __report.entry().is_some() {
                    ::core::panic!("{}", __report.message());
                }
            };
        }
    });
    quote! {
        #[allow(dead_code, non_upper_case_globals)]
        const _: () = {
            trait __NotInCatalog {
                #(const #names: () = ();)*
            }
            impl<T: ?::core::marker::Sized> __NotInCatalog for T {}
            struct #lookup<C>(::core::marker::PhantomData<C>);
            impl<C: #krate::__private::ComposedCatalog> #lookup<C> {
                #(#composed)*
            }
            #(#checks)*
        };
    }
}

/// A const assertion that a status written beside a catalog entry is the catalog's.
/// Named after what it asserts, since rustc's error names the const that failed.
pub fn status_check(input: &Input, variant: &Variant) -> Option<TokenStream> {
    let (lit, value) = variant.attrs.status.get()?;
    let entry = entry_value(input, variant)?;
    let (_, code) = entry_parts(input, variant)?;
    let code = code.unraw();
    let span = lit.span();
    let expected = LitInt::new(&value.to_string(), span);
    let message = format!(
        "status {value} contradicts the catalog entry `{code}`; remove `status` to inherit the catalog's status"
    );
    let name = variant.ident.unwrap_or(input.ident).unraw();
    let name = format_ident!("status_of_{}_matches_the_catalog", name, span = span);
    Some(quote_spanned! {span=>
        #[allow(dead_code, non_upper_case_globals)]
        const #name: () = {
            if #entry.status().as_u16() != #expected {
                ::core::panic!(#message);
            }
        };
    })
}
