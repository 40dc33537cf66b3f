//! The catalog as expansion needs it, lowered from the syntax: each setting, section and
//! code is read and checked on its own here; the rules across them are `valid`'s.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Attribute, Expr, ExprLit, Ident, Lit, LitStr, Meta, Path, Visibility};

use super::ast::{
    Body, CatalogDef, CodeDef, FieldDef, SectionDef, Setting, SettingKey, SettingValue, StatusDef,
};
use crate::shared::code::{
    camel_case, shape_error, slug, status_literal_error, status_of_name, title_error,
    type_base_error,
};
use crate::shared::ctxt::Ctxt;
use crate::shared::integrations;
use crate::shared::krate::Krate;
use crate::shared::member::{self, Member as ExtMember};
use crate::shared::suggest::closest;
use crate::shared::symbol::{DEFAULT_TYPE_BASE, DEPRECATED, HANDLING, MEANING, MEMBERS, TITLE};

pub struct Catalog<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub ident: &'a Ident,
    pub krate: TokenStream,
    /// The import of a `crate = "…"` override, first in each block that names `krate`.
    pub krate_import: TokenStream,
    /// The runtime crate's path in full, for the items outside those blocks.
    pub krate_path: TokenStream,
    /// The integrations of `skip_impl(…)`, whose impls the user writes.
    pub skip_impl: Vec<Ident>,
    /// The doc comments after the last section.
    pub closing: &'a [Attribute],
    pub framing: Framing,
    /// The BCP 47 tag of `language = "…";`, when the catalog says it.
    pub language: Option<String>,
    pub kind: Kind<'a>,
}

pub enum Kind<'a> {
    Defined {
        type_base: String,
        sections: Vec<Section<'a>>,
    },
    Composed(Vec<Member<'a>>),
}

/// A catalog that a composed catalog is made of.
pub struct Member<'a> {
    pub path: &'a Path,
    /// The composed enum's variant that wraps it: the last segment of its path.
    pub variant: &'a Ident,
}

pub struct Section<'a> {
    pub name: String,
    pub name_span: Span,
    pub codes: Vec<Code<'a>>,
}

pub struct Code<'a> {
    pub code: String,
    /// The token the code was written as; the associated const carries its span.
    pub ident: &'a Ident,
    pub variant: Ident,
    /// Whether the code has a code's shape and names a variant that is not a keyword;
    /// one that has not is dropped by `valid`, after its other rules are checked.
    pub well_formed: bool,
    /// The name of the section the code is declared in.
    pub section: String,
    pub status: u16,
    pub title: String,
    pub handling: String,
    pub docs: Vec<&'a Attribute>,
    /// `deprecated: "REPLACEMENT"` or `deprecated: true`.
    pub deprecated: Option<Deprecation<'a>>,
    /// The extension members its body carries, checked.
    pub members: Vec<ExtMember>,
}

/// A code marked deprecated, with the code that replaces it when one is named.
pub struct Deprecation<'a> {
    pub key: &'a Ident,
    pub replacement: Option<&'a LitStr>,
}

impl Code<'_> {
    pub fn type_uri(&self, base: &str) -> String {
        format!("{base}{}", slug(&self.code))
    }
}

impl<'a> Catalog<'a> {
    /// Lowers `def`, reporting the mistakes of each item in `cx`; `valid::check` then
    /// checks the rules across items and leaves out the codes that cannot be variants
    /// (malformed or repeated). Any other mistake leaves a placeholder (status 500, an
    /// empty title), so that on error the catalog can still expand and the code that
    /// uses it adds no errors of its own.
    pub fn from_ast(cx: &Ctxt, def: &'a CatalogDef) -> Catalog<'a> {
        for error in &def.errors {
            cx.push(error.clone());
        }
        let (settings, kind) = match &def.body {
            Body::Defined { settings, sections } => (
                settings,
                Kind::Defined {
                    type_base: String::new(),
                    sections: lower_sections(cx, def, sections),
                },
            ),
            Body::Composed { settings, members } => {
                (settings, Kind::Composed(lower_members(members)))
            }
        };
        let Settings {
            type_base,
            krate,
            skip_impl,
            language,
        } = lower_settings(cx, settings, matches!(kind, Kind::Composed(_)));
        let krate = Krate::new(krate.as_ref());
        let kind = match kind {
            Kind::Defined { sections, .. } => Kind::Defined {
                type_base: type_base.unwrap_or_else(|| DEFAULT_TYPE_BASE.to_owned()),
                sections,
            },
            composed => composed,
        };
        check_closing(cx, &def.closing);
        Catalog {
            framing: Framing::of(&def.attrs, &def.closing),
            closing: &def.closing,
            attrs: &def.attrs,
            vis: &def.vis,
            ident: &def.ident,
            krate: krate.path,
            krate_import: krate.import,
            krate_path: krate.full,
            skip_impl,
            language,
            kind,
        }
    }

    /// Whether the catalog can expand to compiling code despite mistakes: it has at
    /// least one code (or member).
    pub fn expandable(&self) -> bool {
        match &self.kind {
            Kind::Defined { sections, .. } => sections.iter().any(|s| !s.codes.is_empty()),
            Kind::Composed(members) => !members.is_empty(),
        }
    }
}

/// The text of the catalog's document around its tables, from its doc comments.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Framing {
    pub title: Option<String>,
    pub preamble: Option<String>,
    pub closing: Option<String>,
}

impl Framing {
    /// The doc comment's first line is the title when it is a heading `# Title`, and the
    /// rest is the preamble; with any other first line, all of it is the preamble.
    pub fn of(docs: &[Attribute], closing: &[Attribute]) -> Framing {
        let intro = doc_text(docs);
        let (title, preamble) = match intro.split_once('\n') {
            _ if intro.is_empty() => (None, None),
            Some((first, rest)) if first.starts_with("# ") => {
                (Some(first[2..].trim().to_owned()), text(rest))
            }
            None if intro.starts_with("# ") => (Some(intro[2..].trim().to_owned()), None),
            _ => (None, Some(intro)),
        };
        Framing {
            title: title.filter(|title| !title.is_empty()),
            preamble,
            closing: text(&doc_text(closing)),
        }
    }
}

/// The text of doc comments as rustdoc reads it: one line per line, each without one
/// leading space, blank lines at either end left out.
fn doc_text(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(meta) if meta.path.is_ident("doc") => match &meta.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(lit), ..
                }) => Some(lit.value()),
                _ => None,
            },
            _ => None,
        })
        .flat_map(|doc| {
            // `split`, not `lines`: an empty `///` is a blank line of its own.
            doc.split('\n')
                .map(|line| line.strip_prefix(' ').unwrap_or(line).to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    lines.join("\n").trim_matches('\n').to_owned()
}

/// `None` for a text that is blank.
fn text(text: &str) -> Option<String> {
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// After the last section, a catalog holds the doc comments of its closing text alone.
fn check_closing(cx: &Ctxt, closing: &[Attribute]) {
    for attr in closing {
        if !attr.path().is_ident("doc") {
            cx.error_spanned_by(
                attr,
                "a catalog's closing text, after its last item, takes only doc comments: `/// …`",
            );
        }
    }
}

#[derive(Default)]
struct Settings {
    type_base: Option<String>,
    krate: Option<Path>,
    skip_impl: Vec<Ident>,
    language: Option<String>,
}

fn lower_settings(cx: &Ctxt, settings: &[Setting], composed: bool) -> Settings {
    let mut lowered = Settings::default();
    let mut seen: BTreeMap<&str, Span> = BTreeMap::new();
    for setting in settings {
        let name = setting.key.name();
        if let Some(first) = seen.get(name) {
            cx.duplicate(
                setting.key.span(),
                format!("`{name}` is set twice; remove one"),
                *first,
                format!("`{name}` is first set here"),
            );
            continue;
        }
        seen.insert(name, setting.key.span());
        let value = match &setting.value {
            SettingValue::List(tokens) => {
                let parser = |input: syn::parse::ParseStream| {
                    integrations::parse_names(cx, input, setting.key.span())
                };
                match syn::parse::Parser::parse2(parser, tokens.clone()) {
                    Ok(names) => lowered.skip_impl = names.unwrap_or_default(),
                    Err(err) => cx.push(err),
                }
                continue;
            }
            SettingValue::Lit(Lit::Str(value)) => value,
            SettingValue::Lit(other) => {
                cx.error_spanned_by(other, format!("`{name}` takes a string: `{name} = \"…\";`"));
                continue;
            }
        };
        match setting.key {
            SettingKey::TypeBase(span) if composed => cx.error_at(
                span,
                "a composed catalog keeps the type URIs of its members; set `type_base` on each member",
            ),
            SettingKey::TypeBase(_) => {
                if let Some(message) = type_base_error(&value.value()) {
                    cx.error_spanned_by(value, message);
                }
                lowered.type_base = Some(value.value());
            }
            SettingKey::Crate(_) => match value.parse::<Path>() {
                Ok(path) => lowered.krate = Some(path),
                Err(_) => cx.error_spanned_by(
                    value,
                    "`crate` takes the path of the problem_codes crate, e.g. `crate = \"::my_api::problem_codes\";`",
                ),
            },
            SettingKey::Language(_) => {
                if let Some(message) = crate::shared::tag::tag_error(&value.value()) {
                    cx.error_spanned_by(value, message);
                }
                lowered.language = Some(value.value());
            }
            // Read above, as a list.
            SettingKey::SkipImpl(_) => {}
        }
    }
    lowered
}

fn lower_members(members: &[Path]) -> Vec<Member<'_>> {
    members
        .iter()
        .filter_map(|path| {
            let variant = &path.segments.last()?.ident;
            Some(Member { path, variant })
        })
        .collect()
}

fn lower_sections<'a>(
    cx: &Ctxt,
    def: &'a CatalogDef,
    sections: &'a [SectionDef],
) -> Vec<Section<'a>> {
    if sections.is_empty() && def.errors.is_empty() {
        cx.error_at(
            def.ident.span(),
            format!(
                "catalog `{}` has no codes; add a section: `section \"Name\" {{ CODE = 400 {{ title: \"…\" }} }}`",
                def.ident
            ),
        );
    }
    sections
        .iter()
        .map(|section| lower_section(cx, section))
        .collect()
}

fn lower_section<'a>(cx: &Ctxt, section: &'a SectionDef) -> Section<'a> {
    let name = section.name.value();
    if name.trim().is_empty() {
        cx.error_spanned_by(
            &section.name,
            "a section needs a name, e.g. `section \"Auth\"`",
        );
    }
    check_section_attrs(cx, section);
    if section.codes.is_empty() && section.complete {
        cx.error_at(
            section.keyword,
            format!("section \"{name}\" has no codes; add one or remove the section"),
        );
    }
    let codes = section
        .codes
        .iter()
        .map(|code| lower_code(cx, code, &name))
        .collect();
    Section {
        name,
        name_span: section.name.span(),
        codes,
    }
}

fn check_section_attrs(cx: &Ctxt, section: &SectionDef) {
    for attr in &section.attrs {
        if !attr.path().is_ident("doc") {
            cx.error_spanned_by(attr, "a section takes only doc comments");
        }
    }
}

/// Lowers one code. Its rules across codes (a repeated code or variant) are checked
/// by `valid`.
fn lower_code<'a>(cx: &Ctxt, def: &'a CodeDef, section: &str) -> Code<'a> {
    let code = def.ident.to_string();
    let fields = lower_fields(cx, def, &code);
    Code {
        variant: variant_ident(&code, def.ident.span()),
        well_formed: check_code_name(cx, def, &code),
        status: lower_status(cx, &def.status, &code),
        code,
        ident: &def.ident,
        section: section.to_owned(),
        title: fields.title.map(|lit| lit.value()).unwrap_or_default(),
        handling: fields.handling.map(|lit| lit.value()).unwrap_or_default(),
        docs: code_docs(cx, def),
        deprecated: fields.deprecated,
        members: fields.members,
    }
}

/// Whether the code can name a variant: it has a code's shape, and its variant is not
/// a keyword.
fn check_code_name(cx: &Ctxt, def: &CodeDef, code: &str) -> bool {
    if let Some(message) = shape_error(code) {
        cx.error_at(def.ident.span(), message);
        return false;
    }
    if camel_case(code) == "Self" {
        // Every other code's variant is a valid name; this one is a keyword.
        cx.error_at(
            def.ident.span(),
            format!("code `{code}` would be the enum variant `Self`, a keyword; rename the code"),
        );
        return false;
    }
    true
}

/// The status; 500 in place of one written wrong (already reported).
fn lower_status(cx: &Ctxt, status: &StatusDef, code: &str) -> u16 {
    match status {
        StatusDef::Name(path) => {
            let name = path
                .segments
                .last()
                .map(|seg| seg.ident.to_string())
                .unwrap_or_default();
            let fix = status_of_name(&name).map_or_else(|| "404".to_owned(), |s| s.to_string());
            cx.error_spanned_by(
                path,
                format!("a status is a number, not a name: `{code} = {fix}`"),
            );
            500
        }
        StatusDef::Lit(Lit::Int(lit)) => match lit.base10_parse::<u64>() {
            Ok(value) => match status_literal_error(lit, value) {
                None => u16::try_from(value).unwrap_or(500),
                Some(message) => {
                    cx.error_spanned_by(lit, message);
                    500
                }
            },
            Err(_) => {
                cx.error_spanned_by(lit, "a status is a whole number such as 404");
                500
            }
        },
        StatusDef::Lit(Lit::Str(lit)) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "a status is a number, not a string: `{code} = {}`",
                    lit.value().trim()
                ),
            );
            500
        }
        StatusDef::Lit(other) => {
            cx.error_spanned_by(other, "a status is a number such as 404");
            500
        }
    }
}

/// The fields of one code, each given at most once.
#[derive(Default)]
struct Fields<'a> {
    title: Option<LitStr>,
    handling: Option<LitStr>,
    deprecated: Option<Deprecation<'a>>,
    members: Vec<ExtMember>,
}

fn lower_fields<'a>(cx: &Ctxt, def: &'a CodeDef, code: &str) -> Fields<'a> {
    let mut fields = Fields::default();
    // A `title` written with a mistake (already reported) is not also missing.
    let mut title_written = !def.complete;
    let mut members_at: Option<Span> = None;
    for field in &def.fields {
        let key = field.key.to_string();
        let slot = match key.as_str() {
            MEMBERS => {
                if let Some(first) = members_at {
                    cx.duplicate(
                        field.key.span(),
                        format!("`{MEMBERS}` is given twice; put every member in one `{MEMBERS}: {{ … }}`"),
                        first,
                        format!("`{MEMBERS}` is first given here"),
                    );
                } else if let Some(defs) = &field.members {
                    members_at = Some(field.key.span());
                    fields.members = member::lower(cx, defs);
                } else if let Some(value) = &field.value {
                    cx.error_spanned_by(
                        value,
                        format!("`{MEMBERS}` takes its members in braces: `{MEMBERS}: {{ balance: integer }}`"),
                    );
                }
                continue;
            }
            DEPRECATED => {
                lower_deprecated(cx, field, &mut fields.deprecated);
                continue;
            }
            TITLE => {
                title_written = true;
                &mut fields.title
            }
            HANDLING => &mut fields.handling,
            _ => {
                title_written |= unknown_field(cx, field, &key);
                continue;
            }
        };
        lower_text_field(cx, field, &key, slot);
    }
    check_title(cx, def, code, fields.title.as_ref(), title_written);
    fields
}

/// Reports a field that a code does not have; returns whether it was meant as the
/// title (a misspelling of it, or its former name `meaning`).
fn unknown_field(cx: &Ctxt, field: &FieldDef, key: &str) -> bool {
    if key == MEANING {
        cx.error_at(
            field.key.span(),
            format!("unknown code field `{MEANING}`; a code's title is written `{TITLE}: \"…\"`"),
        );
        return true;
    }
    let meant = closest(key, [TITLE, HANDLING, DEPRECATED, MEMBERS]);
    cx.error_at(
        field.key.span(),
        match meant {
            Some(meant) => format!("unknown code field `{key}`; did you mean `{meant}`?"),
            None => format!(
                "unknown code field `{key}`; a code has `{TITLE}`, `{HANDLING}`, `{DEPRECATED}` and `{MEMBERS}`"
            ),
        },
    );
    meant == Some(TITLE)
}

/// `title: "…"` or `handling: "…"`, given once.
fn lower_text_field(cx: &Ctxt, field: &FieldDef, key: &str, slot: &mut Option<LitStr>) {
    let value = match &field.value {
        Some(Lit::Str(value)) => value,
        Some(other) => {
            cx.error_spanned_by(other, format!("`{key}` takes a string: `{key}: \"…\"`"));
            return;
        }
        // Not a literal: reported while parsing.
        None => return,
    };
    if let Some(first) = slot {
        cx.duplicate(
            field.key.span(),
            format!("`{key}` is given twice; remove one"),
            first.span(),
            format!("`{key}` is first given here"),
        );
    } else {
        *slot = Some(value.clone());
    }
}

/// Every code has a title that says something; `written` when a mistake already
/// reported stands for it.
fn check_title(cx: &Ctxt, def: &CodeDef, code: &str, title: Option<&LitStr>, written: bool) {
    match title {
        None if written => {}
        None if !def.braced => {
            let status = match &def.status {
                StatusDef::Lit(lit) => quote!(#lit).to_string(),
                StatusDef::Name(_) => "404".to_owned(),
            };
            cx.error_at(
                def.ident.span(),
                format!(
                    "code `{code}` needs its fields in braces, at least its `{TITLE}`: `{code} = {status} {{ {TITLE}: \"…\" }}`"
                ),
            );
        }
        None => cx.error_at(
            def.ident.span(),
            format!("code `{code}` needs a `{TITLE}`: what the code means, in a few words"),
        ),
        Some(lit) => {
            if let Some(message) = title_error(&lit.value()) {
                cx.error_spanned_by(lit, message);
            }
        }
    }
}

/// A code's doc comments; any other attribute is an error.
fn code_docs<'a>(cx: &Ctxt, def: &'a CodeDef) -> Vec<&'a Attribute> {
    let mut docs = Vec::new();
    for attr in &def.attrs {
        if attr.path().is_ident("doc") {
            docs.push(attr);
        } else {
            cx.error_spanned_by(attr, "a code takes only doc comments");
        }
    }
    docs
}

/// `deprecated: "REPLACEMENT_CODE"` or `deprecated: true`.
fn lower_deprecated<'a>(cx: &Ctxt, field: &'a FieldDef, slot: &mut Option<Deprecation<'a>>) {
    if let Some(first) = slot {
        cx.duplicate(
            field.key.span(),
            "`deprecated` is given twice; remove one",
            first.key.span(),
            "`deprecated` is first given here",
        );
        return;
    }
    let Some(value) = &field.value else {
        // Not a literal: reported while parsing.
        return;
    };
    let replacement = match value {
        Lit::Str(lit) => {
            if let Some(message) = shape_error(&lit.value()) {
                cx.error_spanned_by(
                    lit,
                    format!("the replacement of a deprecated code is a code: {message}"),
                );
            }
            Some(lit)
        }
        Lit::Bool(lit) if lit.value => None,
        Lit::Bool(lit) => {
            cx.error_spanned_by(
                lit,
                "a code is active unless deprecated; remove `deprecated: false`",
            );
            return;
        }
        other => {
            cx.error_spanned_by(
                other,
                "`deprecated` takes the replacing code, `deprecated: \"NEW_CODE\"`, or `deprecated: true` when there is none",
            );
            return;
        }
    };
    *slot = Some(Deprecation {
        key: &field.key,
        replacement,
    });
}

/// The variant for a code; a placeholder when the code is malformed (already an error),
/// since an identifier cannot be built from every string.
fn variant_ident(code: &str, span: Span) -> Ident {
    let name = camel_case(code);
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric());
    if valid {
        format_ident!("{}", name, span = span)
    } else {
        format_ident!("__InvalidCode", span = span)
    }
}
