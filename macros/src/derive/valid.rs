//! Rules across attributes and variants, checked after parsing: every mistake is
//! reported, each on the token at fault.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::Member;

use super::ast::{Input, Variant};
use super::fmt;
use crate::shared::code::{
    shape_error, status_literal_error, title_error, type_base_error, type_uri_error,
};
use crate::shared::ctxt::Ctxt;
use crate::shared::member::{is_member_name, member_name, reserved_case_error};
use crate::shared::symbol::{RETRY_AFTER_MEMBER, STANDARD_MEMBERS};

pub fn check(cx: &Ctxt, input: &Input) {
    if let Some(base) = input.attrs.type_base.get()
        && let Some(message) = type_base_error(&base.value())
    {
        cx.error_spanned_by(base, message);
    }
    let mut inline_codes: BTreeMap<String, Span> = BTreeMap::new();
    for variant in input.variants() {
        check_variant(cx, input, variant);
        if let Some(code) = variant.attrs.code.get() {
            let value = code.value();
            if let Some(first) = inline_codes.get(&value) {
                cx.duplicate(
                    code.span(),
                    format!("problem code `{value}` is declared twice; give each variant its own code, or declare it once in a catalog and name it from both"),
                    *first,
                    format!("`{value}` is first declared here"),
                );
            } else {
                inline_codes.insert(value, code.span());
            }
        }
    }
}

fn check_variant(cx: &Ctxt, input: &Input, variant: &Variant) {
    let attrs = &variant.attrs;
    if let Some(span) = attrs.transparent.span() {
        check_transparent(cx, variant, span);
        return;
    }
    if let Some(status) = attrs.status.get()
        && let Some(message) = status_literal_error(&status.0, status.1)
    {
        cx.error_spanned_by(&status.0, message);
    }
    if let Some(entry) = attrs.entry.get() {
        if let Some(code) = attrs.code.get() {
            cx.error_spanned_by(
                code,
                format!(
                    "{} names the catalog entry `{}` and also declares `code`; keep one",
                    variant.describe(),
                    last_segment(entry)
                ),
            );
        }
        for (set, key) in [
            (attrs.title.span(), "title"),
            (attrs.handling.span(), "handling"),
            (attrs.type_uri.span(), "type"),
            (attrs.members.span(), "members"),
        ] {
            if let Some(span) = set {
                cx.error_at(
                    span,
                    format!(
                        "`{key}` comes from the catalog entry `{}`; remove it here",
                        last_segment(entry)
                    ),
                );
            }
        }
        if entry.segments.len() == 1
            && !input.attrs.catalog.is_written()
            && !attrs.misplaced_catalog
        {
            cx.error_spanned_by(
                entry,
                format!(
                    "`{}` names a catalog entry, but no catalog is set; add `#[problem(catalog = MyCatalog)]` to the enum or write `MyCatalog::{}`",
                    last_segment(entry),
                    last_segment(entry)
                ),
            );
        }
    } else if let Some(code) = attrs.code.get() {
        if let Some(message) = shape_error(&code.value()) {
            cx.error_spanned_by(code, message);
        }
        if let Some(uri) = attrs.type_uri.get()
            && let Some(message) = type_uri_error(&uri.value())
        {
            cx.error_spanned_by(uri, message);
        }
        if let Some(title) = attrs.title.get()
            && let Some(message) = title_error(&title.value())
        {
            cx.error_spanned_by(title, message);
        }
        let missing: Vec<&str> = [
            (attrs.status.is_written(), "status = …"),
            (attrs.title.is_written(), "title = \"…\""),
        ]
        .into_iter()
        .filter(|(set, _)| !set)
        .map(|(_, key)| key)
        .collect();
        if !missing.is_empty() && !attrs.malformed {
            cx.error_spanned_by(
                code,
                format!(
                    "problem code `{}` is declared inline and needs {}",
                    code.value(),
                    missing
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(" and ")
                ),
            );
        }
    } else if !(attrs.malformed
        || attrs.code.is_written()
        || attrs.entry.is_written()
        || input.attrs.misplaced_code
        || variant.fields.iter().any(|f| f.attrs.misplaced_code))
    {
        no_code(cx, input, variant);
    }
    check_fields(cx, variant);
    if let Some(detail) = attrs.detail.get()
        && let Err(messages) = fmt::parse(detail, &variant.fields)
    {
        for message in messages {
            cx.error_spanned_by(detail, message);
        }
    }
}

/// A variant that neither names a catalog entry nor declares a code.
fn no_code(cx: &Ctxt, input: &Input, variant: &Variant) {
    let attrs = &variant.attrs;
    let has_catalog = input.attrs.catalog.is_written();
    let keys = [
        (attrs.status.span(), "status"),
        (attrs.title.span(), "title"),
        (attrs.handling.span(), "handling"),
        (attrs.type_uri.span(), "type"),
        (attrs.detail.span(), "detail"),
    ];
    let written = keys
        .iter()
        .find_map(|(span, key)| span.map(|span| (span, *key)));
    let message = match (written, has_catalog) {
        // `detail` alone: the code is what is missing, the detail is fine.
        (Some((span, key)), _) if key != "detail" => {
            let or_entry = if has_catalog {
                ", or name a catalog entry instead, e.g. `#[problem(ORDER_NOT_FOUND)]`"
            } else {
                ""
            };
            cx.error_at(
                span,
                format!(
                    "{} sets `{key}` but has no problem code; add `code = \"SOME_CODE\"` beside it{or_entry}",
                    variant.describe()
                ),
            );
            return;
        }
        (_, true) => "name a catalog entry, e.g. `#[problem(ORDER_NOT_FOUND)]`",
        (_, false) => {
            "declare one, e.g. `#[problem(code = \"ORDER_NOT_FOUND\", status = 404, title = \"Order not found\")]`"
        }
    };
    cx.error_at(
        variant.span,
        format!("{} has no problem code; {message}", variant.describe()),
    );
}

fn check_transparent(cx: &Ctxt, variant: &Variant, span: Span) {
    let attrs = &variant.attrs;
    for (set, key) in [
        (attrs.entry.span(), "a catalog entry"),
        (attrs.code.span(), "`code`"),
        (attrs.status.span(), "`status`"),
        (attrs.title.span(), "`title`"),
        (attrs.handling.span(), "`handling`"),
        (attrs.detail.span(), "`detail`"),
        (attrs.type_uri.span(), "`type`"),
        (attrs.members.span(), "`members`"),
    ] {
        if let Some(at) = set {
            cx.error_at(
                at,
                format!("`transparent` takes everything from the inner problem; remove {key}"),
            );
        }
    }
    if variant.fields.len() != 1 {
        cx.error_at(
            span,
            format!(
                "`transparent` needs exactly one field, the inner problem, but {} has {}",
                variant.describe(),
                variant.fields.len()
            ),
        );
    }
    for field in &variant.fields {
        for at in [
            field.attrs.extension.span(),
            field.attrs.retry_after.span(),
            field.attrs.header.span(),
        ]
        .into_iter()
        .flatten()
        {
            cx.error_at(
                at,
                "a `transparent` field is the inner problem; it has no other role",
            );
        }
    }
}

fn check_fields(cx: &Ctxt, variant: &Variant) {
    let mut names: BTreeMap<String, Span> = BTreeMap::new();
    let mut retry: Option<Span> = None;
    for field in &variant.fields {
        if let Some(span) = field.attrs.retry_after.span() {
            if let Some(first) = retry {
                cx.duplicate(
                    span,
                    "two fields claim `retry_after`; a response has one `Retry-After`, keep one",
                    first,
                    "`retry_after` is first claimed here",
                );
            } else {
                retry = Some(span);
                names.insert(RETRY_AFTER_MEMBER.to_owned(), span);
            }
        }
    }
    let mut headers: BTreeMap<String, Span> = BTreeMap::new();
    for header in variant.fields.iter().filter_map(|f| f.attrs.header.get()) {
        let name = header.value().to_ascii_lowercase();
        if let Some(first) = headers.get(&name) {
            cx.duplicate(
                header.span(),
                format!("two fields set the header `{name}`; keep one"),
                *first,
                format!("`{name}` is first set here"),
            );
        } else {
            headers.insert(name, header.span());
        }
    }
    for field in &variant.fields {
        let Some(rename) = field.attrs.extension.get() else {
            continue;
        };
        if field.attrs.retry_after.is_set() {
            cx.error_at(
                field.attrs.extension.span().unwrap_or(field.span),
                "a `retry_after` field is already rendered as the `retry_after` member; remove `extension`",
            );
            continue;
        }
        let (name, span) = match (rename, &field.member) {
            (Some(lit), _) => (lit.value(), lit.span()),
            (None, Member::Named(ident)) => (ident.to_string(), ident.span()),
            (None, Member::Unnamed(_)) => {
                cx.error_at(
                    field.attrs.extension.span().unwrap_or(field.span),
                    "a tuple field has no name to give its member; name it: `#[problem(extension = \"name\")]`",
                );
                continue;
            }
        };
        let name = name.strip_prefix("r#").map(str::to_owned).unwrap_or(name);
        if name == RETRY_AFTER_MEMBER && retry.is_none() {
            cx.error_at(
                span,
                "the member `retry_after` is the `Retry-After` delay; mark the field `#[problem(retry_after)]` instead, or rename the member",
            );
        } else if STANDARD_MEMBERS.contains(&name.as_str()) {
            cx.error_at(
                span,
                format!("extension member `{name}` would replace the standard member `{name}`; rename it, e.g. `#[problem(extension = \"{name}_value\")]`"),
            );
        } else if let Some(message) = reserved_case_error(&name) {
            cx.error_at(span, message);
        } else if !is_member_name(&name) {
            cx.error_at(
                span,
                format!(
                    "`{name}` cannot name an extension member: start with a letter and use only letters, digits and `_`, e.g. `{}`",
                    member_name(&name)
                ),
            );
        } else if let Some(first) = names.get(&name) {
            cx.duplicate(
                span,
                format!("two members are named `{name}`; rename one"),
                *first,
                format!("`{name}` is first used here"),
            );
        } else {
            names.insert(name, span);
        }
    }
}

fn last_segment(path: &syn::Path) -> String {
    path.segments
        .last()
        .map(|seg| seg.ident.to_string())
        .unwrap_or_default()
}
