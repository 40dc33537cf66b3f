//! The catalog as expansion needs it, lowered from the syntax; lowering is where every
//! rule is checked, and every mistake is reported before anything is generated.

use std::collections::BTreeMap;

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Attribute, Ident, Lit, LitStr, Path, Visibility};

use super::ast::{
    Body, CatalogDef, CodeDef, FieldDef, SectionDef, Setting, SettingKey, SettingValue, StatusDef,
};
use crate::shared::code::{
    camel_case, shape_error, slug, status_error, status_of_name, type_base_error,
};
use crate::shared::ctxt::Ctxt;
use crate::shared::integrations;
use crate::shared::suggest::{closest, did_you_mean};

const DEFAULT_TYPE_BASE: &str = "/problems/";
const MEANING: &str = "meaning";
const HANDLING: &str = "handling";
const DEPRECATED: &str = "deprecated";

pub struct Catalog<'a> {
    pub attrs: &'a [Attribute],
    pub vis: &'a Visibility,
    pub ident: &'a Ident,
    pub krate: TokenStream,
    /// The integrations of `skip_impl(…)`, whose impls the user writes.
    pub skip_impl: Vec<Ident>,
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
    pub codes: Vec<Code<'a>>,
}

pub struct Code<'a> {
    pub code: String,
    /// The token the code was written as; the associated const carries its span.
    pub ident: &'a Ident,
    pub variant: Ident,
    pub status: u16,
    pub meaning: String,
    pub handling: String,
    pub docs: Vec<&'a Attribute>,
    /// `deprecated: "REPLACEMENT"` or `deprecated: true`.
    pub deprecated: Option<Deprecation<'a>>,
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
    /// Lowers `def`, reporting every mistake in `cx`. A code with a mistake that leaves
    /// it without a name or a variant of its own (a malformed or repeated code) is left
    /// out; any other mistake leaves a placeholder, so that on error the catalog can
    /// still expand and the code that uses it adds no errors of its own.
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
                (settings, Kind::Composed(lower_members(cx, members)))
            }
        };
        let Settings {
            type_base,
            krate,
            skip_impl,
        } = lower_settings(cx, settings, matches!(kind, Kind::Composed(_)));
        let kind = match kind {
            Kind::Defined { sections, .. } => Kind::Defined {
                type_base: type_base.unwrap_or_else(|| DEFAULT_TYPE_BASE.to_owned()),
                sections,
            },
            composed => composed,
        };
        Catalog {
            attrs: &def.attrs,
            vis: &def.vis,
            ident: &def.ident,
            krate: krate.unwrap_or_else(|| quote!(::problem_codes)),
            skip_impl,
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

#[derive(Default)]
struct Settings {
    type_base: Option<String>,
    krate: Option<TokenStream>,
    skip_impl: Vec<Ident>,
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
                Ok(path) => lowered.krate = Some(quote!(#path)),
                Err(_) => cx.error_spanned_by(
                    value,
                    "`crate` takes the path of the problem_codes crate, e.g. `crate = \"::my_api::problem_codes\";`",
                ),
            },
            // Read above, as a list.
            SettingKey::SkipImpl(_) => {}
        }
    }
    lowered
}

fn lower_members<'a>(cx: &Ctxt, members: &'a [Path]) -> Vec<Member<'a>> {
    let mut seen: BTreeMap<String, Span> = BTreeMap::new();
    members
        .iter()
        .filter_map(|path| {
            let variant = &path.segments.last()?.ident;
            let name = variant.to_string();
            if let Some(first) = seen.get(&name) {
                cx.duplicate(
                    variant.span(),
                    format!("`{name}` is listed twice; list each catalog once, or if these are two catalogs, import one under another name: `use … as Other{name};`"),
                    *first,
                    format!("`{name}` is first listed here"),
                );
                return None;
            }
            seen.insert(name, variant.span());
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
                "catalog `{}` has no codes; add a section: `section \"Name\" {{ CODE = 400 {{ meaning: \"…\" }} }}`",
                def.ident
            ),
        );
    }
    let mut section_names: BTreeMap<String, Span> = BTreeMap::new();
    let mut seen = Seen::default();
    let lowered: Vec<Section> = sections
        .iter()
        .map(|section| {
            let name = section.name.value();
            if name.trim().is_empty() {
                cx.error_spanned_by(
                    &section.name,
                    "a section needs a name, e.g. `section \"Auth\"`",
                );
            } else if let Some(first) = section_names.get(&name) {
                cx.duplicate(
                    section.name.span(),
                    format!("section \"{name}\" is declared twice; put its codes in one section"),
                    *first,
                    format!("section \"{name}\" is first declared here"),
                );
            } else {
                section_names.insert(name.clone(), section.name.span());
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
                .filter_map(|code| lower_code(cx, code, &name, &mut seen))
                .collect();
            Section { name, codes }
        })
        .collect();
    check_replacements(cx, def, &lowered);
    lowered
}

/// A replacement is a live code of the same catalog: the team that owns a code names
/// what its clients move to.
fn check_replacements(cx: &Ctxt, def: &CatalogDef, sections: &[Section]) {
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
                    "replacement `{replacement}` is not a code of catalog `{}`{}",
                    def.ident,
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

/// The codes and variant names declared so far, across sections.
#[derive(Default)]
struct Seen<'a> {
    /// Each code, where it is declared and in which section.
    codes: BTreeMap<String, (Span, String)>,
    variants: BTreeMap<String, &'a Ident>,
}

fn check_section_attrs(cx: &Ctxt, section: &SectionDef) {
    for attr in &section.attrs {
        if !attr.path().is_ident("doc") {
            cx.error_spanned_by(attr, "a section takes only doc comments");
        }
    }
}

/// Lowers one code; `None` when it cannot be part of the enum (it is malformed or
/// repeats another), which is already an error.
fn lower_code<'a>(
    cx: &Ctxt,
    def: &'a CodeDef,
    section: &str,
    seen: &mut Seen<'a>,
) -> Option<Code<'a>> {
    let code = def.ident.to_string();
    let mut usable = true;
    if let Some(message) = shape_error(&code) {
        cx.error_at(def.ident.span(), message);
        usable = false;
    } else if camel_case(&code) == "Self" {
        // Every other code's variant is a valid name; this one is a keyword.
        cx.error_at(
            def.ident.span(),
            format!("code `{code}` would be the enum variant `Self`, a keyword; rename the code"),
        );
        usable = false;
    }
    if let Some((first, first_section)) = seen.codes.get(&code) {
        let note = if first_section == section {
            format!("`{code}` is first declared here")
        } else {
            format!("`{code}` is first declared here, in section \"{first_section}\"")
        };
        cx.duplicate(
            def.ident.span(),
            format!(
                "code `{code}` is declared twice; a code has one status and one meaning, keep one"
            ),
            *first,
            note,
        );
        usable = false;
    } else {
        seen.codes
            .insert(code.clone(), (def.ident.span(), section.to_owned()));
        let variant = camel_case(&code);
        if let Some(other) = seen.variants.get(&variant) {
            cx.duplicate(
                def.ident.span(),
                format!(
                    "codes `{other}` and `{code}` would both be the enum variant `{variant}`; rename one"
                ),
                other.span(),
                format!("`{other}` is declared here"),
            );
            usable = false;
        } else if usable {
            seen.variants.insert(variant, &def.ident);
        }
    }

    let status = match &def.status {
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
            Ok(value) => match status_error(value) {
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
    };

    let mut meaning: Option<LitStr> = None;
    let mut handling: Option<LitStr> = None;
    // A `meaning` written with a mistake (already reported) is not also missing.
    let mut meaning_written = !def.complete;
    let mut deprecated: Option<Deprecation> = None;
    for field in &def.fields {
        let key = field.key.to_string();
        if key == DEPRECATED {
            lower_deprecated(cx, field, &mut deprecated);
            continue;
        }
        let slot = match key.as_str() {
            MEANING => {
                meaning_written = true;
                &mut meaning
            }
            HANDLING => &mut handling,
            _ => {
                let meant = closest(&key, [MEANING, HANDLING, DEPRECATED]);
                meaning_written |= meant == Some(MEANING);
                cx.error_at(
                    field.key.span(),
                    match meant {
                        Some(meant) => {
                            format!("unknown code field `{key}`; did you mean `{meant}`?")
                        }
                        None => format!(
                            "unknown code field `{key}`; a code has `meaning`, `handling` and `deprecated`"
                        ),
                    },
                );
                continue;
            }
        };
        let value = match &field.value {
            Some(Lit::Str(value)) => value,
            Some(other) => {
                cx.error_spanned_by(other, format!("`{key}` takes a string: `{key}: \"…\"`"));
                continue;
            }
            // Not a literal: reported while parsing.
            None => continue,
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
    match &meaning {
        None if meaning_written => {}
        None => cx.error_at(
            def.ident.span(),
            format!("code `{code}` needs a `meaning`: what the code means, in a few words"),
        ),
        Some(lit) if lit.value().trim().is_empty() => {
            cx.error_spanned_by(lit, "`meaning` cannot be empty: it is the problem's title");
        }
        Some(_) => {}
    }

    let mut docs = Vec::new();
    for attr in &def.attrs {
        if attr.path().is_ident("doc") {
            docs.push(attr);
        } else {
            cx.error_spanned_by(attr, "a code takes only doc comments");
        }
    }

    usable.then(|| Code {
        variant: variant_ident(&code, def.ident.span()),
        code,
        ident: &def.ident,
        status,
        meaning: meaning.map(|lit| lit.value()).unwrap_or_default(),
        handling: handling.map(|lit| lit.value()).unwrap_or_default(),
        docs,
        deprecated,
    })
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
