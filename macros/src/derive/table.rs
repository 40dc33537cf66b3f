//! The derive's table: one static descriptor per variant (its entry, its detail
//! pieces, its members and which value fills each), and one match arm per variant that
//! hands the runtime the variant's row and its values. The runtime does the rest, so
//! a derived type's generated code is about a `Display` arm per variant.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::Type;

use super::ast::{Field, Variant};
use super::bound::Bounds;
use super::fmt::{self, FmtTrait, Piece};
use crate::shared::json;

/// A variant's row of the table and the values its occurrences fill it with.
pub struct Row {
    /// `Variant { … }`.
    pub descriptor: TokenStream,
    /// The values, in the order the descriptor names them.
    pub args: Vec<TokenStream>,
    /// The fields the values are read from, for the pattern.
    pub used: Vec<usize>,
    /// Whether a value goes through an autoref probe, whose traits must be in scope.
    pub probes: bool,
}

/// The row of a variant that is not `transparent`, with `entry` its entry's tokens.
pub fn row(krate: &TokenStream, variant: &Variant, entry: TokenStream, bounds: &mut Bounds) -> Row {
    let mut row = Values::default();
    let detail = detail(krate, variant, bounds, &mut row);
    let members: Vec<TokenStream> = variant
        .fields
        .iter()
        .enumerate()
        .filter(|(_, f)| f.attrs.extension.is_set() && !f.attrs.retry_after.is_set())
        .map(|(index, field)| {
            let name = super::expand::extension_name(field);
            bounds.add(field.ty, quote!(#krate::__private::serde::Serialize));
            let slot = row.push(index, member(krate, field));
            quote!(#krate::__private::Slot(#name, #slot))
        })
        .collect();
    let retry_after = match variant
        .fields
        .iter()
        .enumerate()
        .find(|(_, f)| f.attrs.retry_after.is_set())
    {
        Some((index, field)) => {
            bounds.add(field.ty, quote!(#krate::RetryAfterValue));
            let binding = &field.binding;
            let slot = row.push(
                index,
                quote_spanned!(field.span=> #krate::__private::retry(#binding)),
            );
            quote!(::core::option::Option::Some(#slot))
        }
        None => quote!(::core::option::Option::None),
    };
    Row {
        descriptor: quote! {
            #krate::__private::Variant {
                entry: #entry,
                detail: &[#(#detail),*],
                members: &[#(#members),*],
                retry_after: #retry_after,
            }
        },
        probes: row.args.iter().any(is_probe),
        args: row.args,
        used: row.used,
    }
}

/// Whether a value is written as a probe call (`….__arg()`, `….__member()`).
fn is_probe(arg: &TokenStream) -> bool {
    arg.clone().into_iter().any(|tt| {
        matches!(&tt, proc_macro2::TokenTree::Ident(ident) if ident == "__arg" || ident == "__member")
    })
}

/// The values of a row, as they are added.
#[derive(Default)]
struct Values {
    args: Vec<TokenStream>,
    used: Vec<usize>,
}

impl Values {
    /// Adds a value read from field `field`; returns its index.
    fn push(&mut self, field: usize, arg: TokenStream) -> usize {
        self.use_field(field);
        self.push_value(arg)
    }

    /// Records that the pattern binds field `field`.
    fn use_field(&mut self, field: usize) {
        if !self.used.contains(&field) {
            self.used.push(field);
        }
    }

    /// Adds a value; returns its index.
    fn push_value(&mut self, arg: TokenStream) -> usize {
        self.args.push(arg);
        self.args.len() - 1
    }
}

/// The detail's pieces: text escaped here at compile time, each field by the fastest
/// value its type has. A string with format specs is one `Display` value.
fn detail(
    krate: &TokenStream,
    variant: &Variant,
    bounds: &mut Bounds,
    row: &mut Values,
) -> Vec<TokenStream> {
    let Some(lit) = variant.attrs.detail.get() else {
        return Vec::new();
    };
    let Ok(detail) = fmt::parse(lit, &variant.fields) else {
        return Vec::new();
    };
    for (index, fmt_trait) in &detail.uses {
        let Some(field) = variant.fields.get(*index) else {
            continue;
        };
        match fmt_trait {
            FmtTrait::Display => bounds.add(field.ty, quote!(::core::fmt::Display)),
            FmtTrait::Debug => bounds.add(field.ty, quote!(::core::fmt::Debug)),
            FmtTrait::Other => {}
        }
    }
    let has_spec = detail
        .pieces
        .iter()
        .any(|piece| matches!(piece, Piece::Arg { spec: Some(_), .. }));
    if has_spec {
        let fmt = &detail.lit;
        let args = &detail.args;
        for (index, _) in &detail.uses {
            row.use_field(*index);
        }
        let slot = row.push_value(quote! {
            #krate::__private::Arg::Display(&::core::format_args!(#fmt #(, #args)*))
        });
        return vec![quote!(#krate::__private::Piece::Arg(#slot))];
    }
    let mut slots: Vec<(usize, usize)> = Vec::new();
    detail
        .pieces
        .iter()
        .filter_map(|piece| match piece {
            Piece::Text(text) => {
                let escaped = json::escaped(text);
                Some(quote!(#krate::__private::Piece::Text(#text, #escaped)))
            }
            Piece::Arg { index, .. } => {
                let field = variant.fields.get(*index)?;
                let slot = match slots.iter().find(|(f, _)| f == index) {
                    Some((_, slot)) => *slot,
                    None => {
                        let slot = row.push(*index, arg(krate, field, lit.span()));
                        slots.push((*index, slot));
                        slot
                    }
                };
                Some(quote!(#krate::__private::Piece::Arg(#slot)))
            }
        })
        .collect()
}

/// An `extension` field's value. A field spelt as an integer, `bool` or a string goes
/// through the runtime's autoref probe, whose writers for the primitives are compiled
/// once, in the runtime; any other type is cast to the runtime's serde writer, whose
/// missing `Serialize` rustc reports on the field.
fn member(krate: &TokenStream, field: &Field) -> TokenStream {
    let binding = &field.binding;
    match primitive_name(field.ty).as_deref() {
        Some(
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
            | "bool" | "String" | "str",
        ) => quote!((&&#krate::__private::MemberArg(#binding)).__member()),
        _ => quote_spanned!(field.span=> #krate::__private::Arg::Member(#binding)),
    }
}

/// The name a field's type is spelt with, when it is one plain identifier (or `&str`).
fn primitive_name(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(path) if path.qself.is_none() && path.path.segments.len() == 1 => {
            path.path.segments.first().map(|seg| seg.ident.to_string())
        }
        Type::Reference(reference) => match &*reference.elem {
            Type::Path(path) if path.path.is_ident("str") => Some("str".to_owned()),
            _ => None,
        },
        _ => None,
    }
}

/// One `{field}`'s value. The field's type, as written, picks a value that needs no
/// `core::fmt`: integers as digits, strings escaped in place. The name alone does not
/// prove the type (a user may declare `struct u64`), so those go through the runtime's
/// autoref probe, which falls back to `Display`. Any other type is `Display`, whose
/// missing impl rustc reports on the detail string.
fn arg(krate: &TokenStream, field: &Field, span: Span) -> TokenStream {
    let binding = &field.binding;
    match primitive_name(field.ty).as_deref() {
        Some(
            "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
            | "String" | "str",
        ) => quote!((&&#krate::__private::DetailArg(#binding)).__arg()),
        // `format_args!` rather than a cast to `dyn Display`: rustc's own message for a
        // field that is not `Display` then names the format string, not our internals.
        _ => {
            quote_spanned!(span=> #krate::__private::Arg::Display(&::core::format_args!("{}", #binding)))
        }
    }
}
