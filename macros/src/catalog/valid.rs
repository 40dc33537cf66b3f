//! Rules across the items of a lowered catalog: a code, a variant, a section or a member
//! declared twice, and a deprecated code's replacement. A code or member that cannot be
//! part of the enum (malformed or repeated, already an error) is dropped here.

use std::collections::BTreeMap;

use proc_macro2::Span;
use syn::Ident;

use super::lower::{Catalog, Code, Kind, Member, Section};
use crate::shared::code::camel_case;
use crate::shared::ctxt::Ctxt;
use crate::shared::suggest::did_you_mean;

pub fn check(cx: &Ctxt, catalog: &mut Catalog) {
    match &mut catalog.kind {
        Kind::Defined { sections, .. } => {
            check_section_names(cx, sections);
            check_codes(cx, sections);
            check_replacements(cx, catalog.ident, sections);
        }
        Kind::Composed(members) => check_members(cx, members),
    }
}

fn check_section_names(cx: &Ctxt, sections: &[Section]) {
    let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
    for section in sections {
        let name = section.name.as_str();
        // A blank name is already an error of its own.
        if name.trim().is_empty() {
            continue;
        }
        if let Some(first) = seen.get(name) {
            cx.duplicate(
                section.name_span,
                format!("section \"{name}\" is declared twice; put its codes in one section"),
                *first,
                format!("section \"{name}\" is first declared here"),
            );
        } else {
            seen.insert(name, section.name_span);
        }
    }
}

/// Each code once, and each variant once, across sections; drops the codes that
/// cannot be variants.
fn check_codes(cx: &Ctxt, sections: &mut [Section]) {
    // Each code, where it is declared and in which section.
    let mut codes: BTreeMap<String, (Span, String)> = BTreeMap::new();
    let mut variants: BTreeMap<String, Ident> = BTreeMap::new();
    for section in sections {
        section.codes.retain(|code| {
            let Code { code: text, .. } = code;
            let span = code.ident.span();
            if let Some((first, first_section)) = codes.get(text) {
                let note = if *first_section == code.section {
                    format!("`{text}` is first declared here")
                } else {
                    format!("`{text}` is first declared here, in section \"{first_section}\"")
                };
                cx.duplicate(
                    span,
                    format!(
                        "code `{text}` is declared twice; a code has one status and one title, keep one"
                    ),
                    *first,
                    note,
                );
                return false;
            }
            codes.insert(text.clone(), (span, code.section.clone()));
            let variant = camel_case(text);
            if let Some(other) = variants.get(&variant) {
                cx.duplicate(
                    span,
                    format!(
                        "codes `{other}` and `{text}` would both be the enum variant `{variant}`; rename one"
                    ),
                    other.span(),
                    format!("`{other}` is declared here"),
                );
                return false;
            }
            if code.well_formed {
                variants.insert(variant, code.ident.clone());
            }
            code.well_formed
        });
    }
}

/// A replacement is a live code of the same catalog: the team that owns a code names
/// what its clients move to.
fn check_replacements(cx: &Ctxt, catalog: &Ident, sections: &[Section]) {
    let codes: BTreeMap<&str, &Code> = sections
        .iter()
        .flat_map(|s| &s.codes)
        .map(|code| (code.code.as_str(), code))
        .collect();
    for code in sections.iter().flat_map(|s| &s.codes) {
        let Some(lit) = code.deprecated.as_ref().and_then(|d| d.replacement) else {
            continue;
        };
        let replacement = lit.value();
        if replacement == code.code {
            cx.error_spanned_by(
                lit,
                format!("`{replacement}` cannot replace itself; name the code that clients should use instead, or write `deprecated: true`"),
            );
            continue;
        }
        match codes.get(replacement.as_str()) {
            None => cx.error_spanned_by(
                lit,
                format!(
                    "replacement `{replacement}` is not a code of catalog `{catalog}`{}",
                    match did_you_mean(&replacement, codes.keys().copied()) {
                        hint if hint.is_empty() => "; declare it in this catalog first".to_owned(),
                        hint => hint,
                    }
                ),
            ),
            Some(target) if target.deprecated.is_some() => cx.error_spanned_by(
                lit,
                format!(
                    "replacement `{replacement}` is itself deprecated; name {}",
                    match target.deprecated.as_ref().and_then(|d| d.replacement) {
                        Some(next) => format!("its replacement `{}`", next.value()),
                        None => "a code that is not deprecated".to_owned(),
                    }
                ),
            ),
            Some(_) => {}
        }
    }
}

/// Each member once: the composed enum has one variant per member, named after it.
fn check_members(cx: &Ctxt, members: &mut Vec<Member>) {
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    members.retain(|member| {
        let name = member.variant.to_string();
        if let Some(first) = seen.get(&name) {
            cx.duplicate(
                member.variant.span(),
                format!("`{name}` is listed twice; list each catalog once, or if these are two catalogs, import one under another name: `use … as Other{name};`"),
                *first,
                format!("`{name}` is first listed here"),
            );
            return false;
        }
        seen.insert(name, member.variant.span());
        true
    });
}
