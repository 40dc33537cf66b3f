//! `skip_impl(…)`: the framework integrations whose impls a type's crate writes itself,
//! read alike by the derive's attribute and the catalog's setting.

use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Ident, Token};

use super::ctxt::Ctxt;
use super::suggest::closest;
use super::tokens::until_comma;

use super::symbol::SKIP_IMPL;

/// The runtime's framework features, spelt as their crates are in Rust code.
const INTEGRATIONS: &[&str] = &["axum", "actix_web", "utoipa"];

/// The names, for messages.
pub const KNOWN: &str = "`axum`, `actix_web` or `utoipa`";

/// The names inside the parentheses of `skip_impl(…)` (`key` is the keyword's span):
/// each known and named once. `None` when any is wrong (already reported), so that
/// nothing is skipped on a guess.
pub fn parse_names(cx: &Ctxt, content: ParseStream, key: Span) -> syn::Result<Option<Vec<Ident>>> {
    let mut names: Vec<Ident> = Vec::new();
    let mut complete = true;
    while !content.is_empty() {
        complete &= parse_name(cx, content, &mut names)?;
        if !content.is_empty() && !content.peek(Token![,]) {
            complete = false;
            let written = until_comma(content)?;
            cx.error_spanned_by(
                written,
                format!("`{SKIP_IMPL}` takes names alone, separated by commas: `{SKIP_IMPL}(axum, utoipa)`"),
            );
        }
        if content.peek(Token![,]) {
            content.parse::<Token![,]>()?;
        }
    }
    if names.is_empty() && complete {
        cx.error_at(
            key,
            format!("`{SKIP_IMPL}()` names no integration; name one, e.g. `{SKIP_IMPL}(axum)`, or remove it"),
        );
        return Ok(None);
    }
    Ok(complete.then_some(names))
}

/// One name; returns whether it was right, adding it to `names` if new.
fn parse_name(cx: &Ctxt, content: ParseStream, names: &mut Vec<Ident>) -> syn::Result<bool> {
    if !content.peek(Ident::peek_any) {
        let written = until_comma(content)?;
        cx.error_spanned_by(
            written,
            format!("`{SKIP_IMPL}` takes the names of integrations, any of {KNOWN}"),
        );
        return Ok(false);
    }
    let ident = content.call(Ident::parse_any)?;
    let name = ident.to_string();
    if content.peek(Token![-]) {
        // `actix-web`, the feature's name: the crate is `actix_web` in code.
        let mut written = ident.to_token_stream();
        written.extend(until_comma(content)?);
        let meant = INTEGRATIONS
            .iter()
            .find(|known| known.starts_with(&format!("{name}_")))
            .map_or_else(|| format!("one of {KNOWN}"), |meant| format!("`{meant}`"));
        cx.error_spanned_by(
            written,
            format!("write the integration as its crate is named in code: {meant}"),
        );
        return Ok(false);
    }
    if !INTEGRATIONS.contains(&name.as_str()) {
        let message = match closest(&name, INTEGRATIONS.iter().copied()) {
            Some(meant) => format!("unknown integration `{name}`; did you mean `{meant}`?"),
            None => format!("unknown integration `{name}`; `{SKIP_IMPL}` takes {KNOWN}"),
        };
        cx.error_spanned_by(&ident, message);
        return Ok(false);
    }
    if let Some(first) = names.iter().find(|first| **first == ident) {
        cx.duplicate(
            ident.span(),
            format!("`{name}` is named twice in `{SKIP_IMPL}`; remove one"),
            first.span(),
            format!("`{name}` is first named here"),
        );
    } else {
        names.push(ident);
    }
    Ok(true)
}
