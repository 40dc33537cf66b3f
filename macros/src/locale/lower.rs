//! A locale checked as far as the macro can see it: the tag, each translation's keys,
//! each code once, the templates' syntax.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Ident, LitStr, Path, Visibility};

use super::ast::{EntryDef, LocaleDef};
use super::template::{self, Piece};
use crate::shared::code::shape_error;
use crate::shared::ctxt::Ctxt;
use crate::shared::suggest::did_you_mean;
use crate::shared::symbol::{DETAIL, HANDLING, MEANING, TITLE};
use crate::shared::tag::tag_error;

pub struct Locale<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub ident: &'a Ident,
    pub catalog: &'a Path,
    pub tag: &'a LitStr,
    pub krate: TokenStream,
    /// Sorted by code, each code once.
    pub entries: Vec<Entry<'a>>,
}

pub struct Entry<'a> {
    pub code: &'a Ident,
    pub title: String,
    pub handling: Option<String>,
    pub detail: Option<(&'a LitStr, Vec<Piece>)>,
}

const KEYS: [&str; 3] = [TITLE, HANDLING, DETAIL];

impl<'a> Locale<'a> {
    pub fn from_ast(cx: &Ctxt, def: &'a LocaleDef) -> Locale<'a> {
        if let Some(message) = tag_error(&def.tag.value()) {
            cx.error_spanned_by(&def.tag, message);
        }
        let krate = match &def.krate {
            None => quote!(::problem_codes),
            Some((_, value)) => match value.parse::<Path>() {
                Ok(path) => quote!(#path),
                Err(_) => {
                    cx.error_spanned_by(
                        value,
                        "`crate` takes the path of the problem_codes crate, e.g. `crate = \"::my_api::problem_codes\";`",
                    );
                    quote!(::problem_codes)
                }
            },
        };
        let mut seen: BTreeMap<String, Span> = BTreeMap::new();
        let mut entries = Vec::new();
        for entry in &def.entries {
            let code = entry.code.to_string();
            if let Some(message) = shape_error(&code) {
                cx.error_spanned_by(&entry.code, message);
                continue;
            }
            if let Some(first) = seen.get(&code) {
                cx.duplicate(
                    entry.code.span(),
                    format!(
                        "`{code}` is translated twice in `{}`; keep one translation",
                        def.ident
                    ),
                    *first,
                    format!("`{code}` is first translated here"),
                );
                continue;
            }
            seen.insert(code, entry.code.span());
            if let Some(lowered) = lower_entry(cx, entry) {
                entries.push(lowered);
            }
        }
        entries.sort_by_key(|entry| entry.code.to_string());
        Locale {
            attrs: &def.attrs,
            vis: &def.vis,
            ident: &def.ident,
            catalog: &def.catalog,
            tag: &def.tag,
            krate,
            entries,
        }
    }
}

fn lower_entry<'a>(cx: &Ctxt, def: &'a EntryDef) -> Option<Entry<'a>> {
    let mut title = None;
    let mut handling = None;
    let mut detail = None;
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    let mut sound = true;
    for (key, value) in &def.fields {
        let name = key.to_string();
        if let Some(first) = seen.get(&name) {
            cx.duplicate(
                key.span(),
                format!("`{name}` is given twice; remove one"),
                *first,
                format!("`{name}` is first given here"),
            );
            sound = false;
            continue;
        }
        seen.insert(name.clone(), key.span());
        match name.as_str() {
            TITLE => {
                if value.value().trim().is_empty() {
                    cx.error_spanned_by(value, "a translated title cannot be empty");
                    sound = false;
                }
                title = Some(value.value());
            }
            HANDLING => handling = Some(value.value()),
            DETAIL => match template::parse(&value.value()) {
                Ok(pieces) => detail = Some((value, pieces)),
                Err(message) => {
                    cx.error_spanned_by(value, message);
                    sound = false;
                }
            },
            MEANING => {
                cx.error_at(
                    key.span(),
                    "a translation's title is `title`; write `title: \"…\"`",
                );
                sound = false;
            }
            _ => {
                let hint = match did_you_mean(&name, KEYS) {
                    hint if hint.is_empty() => {
                        "; a translation takes `title`, `handling` and `detail`".to_owned()
                    }
                    hint => hint,
                };
                cx.error_at(
                    key.span(),
                    format!("unknown translation field `{name}`{hint}"),
                );
                sound = false;
            }
        }
    }
    let Some(title) = title else {
        if sound {
            cx.error_at(
                def.code.span(),
                format!(
                    "the translation of `{}` has no `title`; add `title: \"…\"`",
                    def.code
                ),
            );
        }
        return None;
    };
    sound.then_some(Entry {
        code: &def.code,
        title,
        handling,
        detail,
    })
}
