//! Extension members as both macros declare them: `balance: integer`, `top_up_url?:
//! string`, parsed from the same syntax in a catalog's `members: { … }` and an inline
//! code's `members(…)`, and checked by the rules of the runtime's `Member::check`, in
//! the macros' words and on the token at fault.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Token};

use crate::shared::ctxt::Ctxt;
use crate::shared::suggest::closest;
use crate::shared::symbol::{ERRORS_MEMBER, RETRY_AFTER_MEMBER, STANDARD_MEMBERS};

/// The type of an array's items or an object's values.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scalar {
    Text,
    Integer,
    Number,
    Boolean,
}

impl Scalar {
    const ALL: [Scalar; 4] = [
        Scalar::Text,
        Scalar::Integer,
        Scalar::Number,
        Scalar::Boolean,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Scalar::Text => "string",
            Scalar::Integer => "integer",
            Scalar::Number => "number",
            Scalar::Boolean => "boolean",
        }
    }

    fn from_name(name: &str) -> Option<Scalar> {
        Scalar::ALL.into_iter().find(|s| s.name() == name)
    }

    fn tokens(self, krate: &TokenStream) -> TokenStream {
        match self {
            Scalar::Text => quote!(#krate::Scalar::Text),
            Scalar::Integer => quote!(#krate::Scalar::Integer),
            Scalar::Number => quote!(#krate::Scalar::Number),
            Scalar::Boolean => quote!(#krate::Scalar::Boolean),
        }
    }
}

/// A member's JSON type: the runtime's `MemberType`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Scalar(Scalar),
    Array(Scalar),
    Object(Scalar),
    Errors,
}

impl Ty {
    pub fn name(self) -> String {
        match self {
            Ty::Scalar(s) => s.name().to_owned(),
            Ty::Array(s) => format!("[{}]", s.name()),
            Ty::Object(s) => format!("{{{}}}", s.name()),
            Ty::Errors => ERRORS_MEMBER.to_owned(),
        }
    }

    pub fn tokens(self, krate: &TokenStream) -> TokenStream {
        match self {
            Ty::Scalar(Scalar::Text) => quote!(#krate::MemberType::Text),
            Ty::Scalar(Scalar::Integer) => quote!(#krate::MemberType::Integer),
            Ty::Scalar(Scalar::Number) => quote!(#krate::MemberType::Number),
            Ty::Scalar(Scalar::Boolean) => quote!(#krate::MemberType::Boolean),
            Ty::Array(s) => {
                let s = s.tokens(krate);
                quote!(#krate::MemberType::Array(#s))
            }
            Ty::Object(s) => {
                let s = s.tokens(krate);
                quote!(#krate::MemberType::Object(#s))
            }
            Ty::Errors => quote!(#krate::MemberType::Errors),
        }
    }
}

/// Every type name a member may have, for suggestions.
const TYPE_NAMES: &[&str] = &["string", "integer", "number", "boolean", "errors"];

const TYPE_LIST: &str =
    "`string`, `integer`, `number`, `boolean`, `[scalar]`, `{scalar}` or `errors`";

/// One member as written.
pub struct MemberDef {
    pub attrs: Vec<Attribute>,
    pub name: Ident,
    pub optional: bool,
    /// `None` when the type could not be read (already an error).
    pub ty: Option<(Span, Ty)>,
}

/// One member, checked.
pub struct Member {
    pub name: String,
    pub ty: Ty,
    pub optional: bool,
    pub doc: String,
}

impl Member {
    /// `Member::__from_macro("balance", MemberType::Integer, false, "…")`: a const
    /// expression.
    pub fn tokens(&self, krate: &TokenStream) -> TokenStream {
        let name = &self.name;
        let ty = self.ty.tokens(krate);
        let optional = self.optional;
        let doc = &self.doc;
        // Checked here already: the runtime's `Member::new` would check again, in const
        // evaluation, once per member of every code.
        quote!(#krate::Member::__from_macro(#name, #ty, #optional, #doc))
    }
}

/// `/// doc` `name?: type`, one member of a list; the type's mistakes are recorded in
/// `errors` and leave `ty` empty, so the rest of the list is still read.
pub fn parse_member(input: ParseStream, errors: &mut Vec<syn::Error>) -> syn::Result<MemberDef> {
    let attrs = Attribute::parse_outer(input)?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "a member name is written without quotes: `{}: string`",
                lit.value()
            ),
        ));
    }
    if !input.peek(Ident::peek_any) {
        return Err(input.error(
            "expected a member: `name: string`, or `name?: string` when it may be left out",
        ));
    }
    let name = input.call(Ident::parse_any)?;
    let optional = if input.peek(Token![?]) {
        input.parse::<Token![?]>()?;
        true
    } else {
        false
    };
    if !input.peek(Token![:]) {
        return Err(input.error(format!(
            "expected `:` and the type after `{name}`: `{name}: string`"
        )));
    }
    input.parse::<Token![:]>()?;
    let ty = match input.parse::<TokenTree>() {
        Ok(tt) => match parse_type(&tt) {
            Ok(ty) => Some((tt.span(), ty)),
            Err(err) => {
                errors.push(err);
                None
            }
        },
        Err(_) => {
            errors.push(input.error(format!("expected the type of `{name}`, one of {TYPE_LIST}")));
            None
        }
    };
    Ok(MemberDef {
        attrs,
        name,
        optional,
        ty,
    })
}

fn parse_type(tt: &TokenTree) -> syn::Result<Ty> {
    match tt {
        TokenTree::Ident(ident) => {
            let name = ident.to_string();
            match name.as_str() {
                ERRORS_MEMBER => Ok(Ty::Errors),
                _ => Scalar::from_name(&name)
                    .map(Ty::Scalar)
                    .ok_or_else(|| syn::Error::new(ident.span(), unknown_type(&name))),
            }
        }
        TokenTree::Group(group) => {
            let (wrap, open, close): (fn(Scalar) -> Ty, &str, &str) = match group.delimiter() {
                proc_macro2::Delimiter::Bracket => (Ty::Array, "[", "]"),
                proc_macro2::Delimiter::Brace => (Ty::Object, "{", "}"),
                _ => {
                    return Err(syn::Error::new(
                        tt.span(),
                        format!("unknown member type; a member is {TYPE_LIST}"),
                    ));
                }
            };
            let what = if open == "[" {
                "an array holds items of one scalar type"
            } else {
                "an object holds values of one scalar type"
            };
            let inner: Vec<TokenTree> = group.stream().into_iter().collect();
            match inner.as_slice() {
                [TokenTree::Ident(ident)] => {
                    let name = ident.to_string();
                    Scalar::from_name(&name).map(wrap).ok_or_else(|| {
                        let fix = closest(&name, Scalar::ALL.map(Scalar::name)).unwrap_or("string");
                        syn::Error::new(
                            ident.span(),
                            format!("{what}: `{open}{fix}{close}`, with `string`, `integer`, `number` or `boolean`"),
                        )
                    })
                }
                _ => Err(syn::Error::new(
                    group.span(),
                    format!(
                        "{what}: `{open}string{close}`, with `string`, `integer`, `number` or `boolean`"
                    ),
                )),
            }
        }
        other => Err(syn::Error::new(
            other.span(),
            format!("unknown member type; a member is {TYPE_LIST}"),
        )),
    }
}

fn unknown_type(name: &str) -> String {
    let aliases = [
        ("str", "string"),
        ("text", "string"),
        ("int", "integer"),
        ("float", "number"),
        ("bool", "boolean"),
    ];
    let meant = aliases
        .iter()
        .find(|(alias, _)| alias.eq_ignore_ascii_case(name))
        .map(|(_, meant)| *meant)
        .or_else(|| closest(&name.to_ascii_lowercase(), TYPE_NAMES.iter().copied()));
    match meant {
        Some(meant) => format!("unknown member type `{name}`; did you mean `{meant}`?"),
        None => format!("unknown member type `{name}`; a member is {TYPE_LIST}"),
    }
}

/// Checks each member and the list as a whole (each name once); keeps the members
/// that are sound.
pub fn lower(cx: &Ctxt, defs: &[MemberDef]) -> Vec<Member> {
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    let mut members = Vec::new();
    for def in defs {
        let name = def.name.unraw().to_string();
        let span = def.name.span();
        let doc = doc_line(cx, &def.attrs);
        let named = check_name(cx, &name, span);
        if let Some(first) = seen.get(&name) {
            cx.duplicate(
                span,
                format!("member `{name}` is declared twice; keep one"),
                *first,
                format!("`{name}` is first declared here"),
            );
            continue;
        }
        seen.insert(name.clone(), span);
        let Some((ty_span, ty)) = def.ty else {
            continue;
        };
        if named && check_type(cx, &name, ty, ty_span) {
            members.push(Member {
                name,
                ty,
                optional: def.optional,
                doc,
            });
        }
    }
    members
}

/// The name follows RFC 9457 §3.2 and is not a standard member.
fn check_name(cx: &Ctxt, name: &str, span: Span) -> bool {
    if STANDARD_MEMBERS.contains(&name) {
        cx.error_at(
            span,
            format!("member `{name}` would replace the standard member `{name}`; rename it, e.g. `{name}_value`"),
        );
        return false;
    }
    if let Some(message) = reserved_case_error(name) {
        cx.error_at(span, message);
        return false;
    }
    if !is_member_name(name) {
        cx.error_at(
            span,
            format!(
                "`{name}` cannot name a member: start with an ASCII letter and use only ASCII letters, digits and `_`, e.g. `{}`",
                member_name(name)
            ),
        );
        return false;
    }
    true
}

/// The known members keep their types: `retry_after` is seconds, and only `errors` is
/// the RFC 9457 errors array.
fn check_type(cx: &Ctxt, name: &str, ty: Ty, span: Span) -> bool {
    let message = if name == RETRY_AFTER_MEMBER && ty != Ty::Scalar(Scalar::Integer) {
        format!(
            "`{RETRY_AFTER_MEMBER}` is the `Retry-After` delay in seconds: declare it `{RETRY_AFTER_MEMBER}: integer`"
        )
    } else if name == ERRORS_MEMBER && ty != Ty::Errors {
        format!(
            "`{ERRORS_MEMBER}` is the RFC 9457 validation errors array: declare it `{ERRORS_MEMBER}: errors`"
        )
    } else if name != ERRORS_MEMBER && ty == Ty::Errors {
        format!(
            "only the member `{ERRORS_MEMBER}` has type `errors`; name this member `{ERRORS_MEMBER}`, or give it another type such as `[string]`"
        )
    } else {
        return true;
    };
    cx.error_at(span, message);
    false
}

/// The doc comments of a member, joined into one line.
fn doc_line(cx: &Ctxt, attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        match &attr.meta {
            Meta::NameValue(meta) if meta.path.is_ident("doc") => {
                if let Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) = &meta.value
                {
                    lines.push(lit.value().trim().to_owned());
                }
            }
            _ => cx.error_spanned_by(attr, "a member takes only doc comments: `/// …`"),
        }
    }
    lines.retain(|line| !line.is_empty());
    lines.join(" ")
}

/// Why `name` cannot name an extension member although it is not a reserved member
/// itself: it differs from one (`title`, `code`, `retry_after`…) only in ASCII case.
/// JSON names are case-sensitive, but clients that bind members without regard to case
/// (ASP.NET's default deserializer does) would merge the two. `None` when it can.
pub fn reserved_case_error(name: &str) -> Option<String> {
    let reserved = STANDARD_MEMBERS
        .iter()
        .chain([&RETRY_AFTER_MEMBER])
        .find(|reserved| **reserved != name && reserved.eq_ignore_ascii_case(name))?;
    Some(format!(
        "member `{name}` differs from the standard member `{reserved}` only in case, and clients that match member names without regard to case (ASP.NET's defaults do) would merge the two; rename it, e.g. `{reserved}_value`"
    ))
}

/// RFC 9457 §3.2: an ASCII letter, then ASCII letters, digits and `_`.
pub fn is_member_name(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A valid member name close to `name`: `locked-until` becomes `locked_until`.
pub fn member_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    out = out.trim_matches('_').to_owned();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert_str(0, "member_");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_differ_from_a_reserved_member_only_in_case() {
        for name in ["Title", "CODE", "Retry_After", "Instance"] {
            assert!(reserved_case_error(name).is_some(), "{name}");
        }
        // The reserved names themselves have their own message; others pass.
        for name in ["title", "retry_after", "balance", "Balance", "Errors"] {
            assert!(reserved_case_error(name).is_none(), "{name}");
        }
    }
}
