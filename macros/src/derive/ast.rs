//! The typed AST of a `#[derive(ProblemCode)]` input. It borrows the input and keeps the
//! original nodes, so every error can point at the user's own tokens.

use proc_macro2::Span;
use quote::format_ident;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Index, Member, Type};

use super::attr::{self, CodeAttrs, ContainerAttrs, FieldAttrs};
use crate::shared::ctxt::Ctxt;

pub struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: ContainerAttrs,
    pub shape: Shape<'a>,
}

pub enum Shape<'a> {
    Enum(Vec<Variant<'a>>),
    /// A struct is one code: its attributes are both container and code attributes.
    Struct(Box<Variant<'a>>),
}

/// A variant, or a struct's own fields and code.
pub struct Variant<'a> {
    /// `None` for a struct.
    pub ident: Option<&'a Ident>,
    /// Where errors about the variant as a whole point.
    pub span: Span,
    pub attrs: CodeAttrs,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: Member,
    /// The local name the field is bound to in a match arm.
    pub binding: Ident,
    pub ty: &'a Type,
    pub attrs: FieldAttrs,
    pub span: Span,
}

impl<'a> Input<'a> {
    /// `None` when the input cannot derive at all (a union); the error is in `cx`.
    pub fn from_syn(cx: &Ctxt, node: &'a DeriveInput) -> Option<Input<'a>> {
        let is_struct = matches!(node.data, Data::Struct(_));
        let (attrs, code_attrs) = attr::container(cx, &node.attrs, is_struct);
        let shape = match &node.data {
            Data::Enum(data) => Shape::Enum(
                data.variants
                    .iter()
                    .map(|variant| Variant {
                        ident: Some(&variant.ident),
                        span: variant.ident.span(),
                        attrs: attr::variant(cx, &variant.attrs),
                        fields: fields(cx, &variant.fields),
                    })
                    .collect(),
            ),
            Data::Struct(data) => Shape::Struct(Box::new(Variant {
                ident: None,
                span: node.ident.span(),
                attrs: code_attrs,
                fields: fields(cx, &data.fields),
            })),
            Data::Union(data) => {
                cx.error_at(
                    data.union_token.span,
                    "`ProblemCode` cannot be derived for a union; use an enum with one variant per code",
                );
                return None;
            }
        };
        Some(Input {
            ident: &node.ident,
            generics: &node.generics,
            attrs,
            shape,
        })
    }

    pub fn variants(&self) -> &[Variant<'a>] {
        match &self.shape {
            Shape::Enum(variants) => variants,
            Shape::Struct(variant) => core::slice::from_ref(&**variant),
        }
    }
}

fn fields<'a>(cx: &Ctxt, fields: &'a Fields) -> Vec<Field<'a>> {
    fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let (member, binding) = match &field.ident {
                Some(ident) => (Member::Named(ident.clone()), ident.clone()),
                None => {
                    let index = Index {
                        index: u32::try_from(i).unwrap_or(u32::MAX),
                        span: field_span(field),
                    };
                    // On the field's type, so rustc's errors about the binding (a
                    // missing trait) point at the field, not at the derive.
                    let binding = format_ident!("__field{}", i, span = field_span(field));
                    (Member::Unnamed(index), binding)
                }
            };
            Field {
                member,
                binding,
                ty: &field.ty,
                attrs: attr::field(cx, &field.attrs),
                span: field_span(field),
            }
        })
        .collect()
}

fn field_span(field: &syn::Field) -> Span {
    match &field.ident {
        Some(ident) => ident.span(),
        None => syn::spanned::Spanned::span(&field.ty),
    }
}

impl Variant<'_> {
    /// How the variant is written in messages: `Variant` or the struct.
    pub fn describe(&self) -> String {
        match self.ident {
            Some(ident) => format!("variant `{ident}`"),
            None => "this struct".to_owned(),
        }
    }
}
