//! The `#[problem(...)]` attributes, parsed into one typed struct per level: container,
//! code (a variant, or a struct's own code), and field.

use proc_macro2::{Span, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Lit, LitInt, LitStr, Meta, Path, Token};

use crate::shared::code::{looks_like_code, suggest_code};
use crate::shared::ctxt::Ctxt;
use crate::shared::suggest::did_you_mean;

const CRATE: &str = "crate";
const CATALOG: &str = "catalog";
const TYPE_BASE: &str = "type_base";
const SECTION: &str = "section";
const CODE: &str = "code";
const STATUS: &str = "status";
const TITLE: &str = "title";
const HANDLING: &str = "handling";
const DETAIL: &str = "detail";
const TYPE: &str = "type";
const TRANSPARENT: &str = "transparent";
const EXTENSION: &str = "extension";
const RETRY_AFTER: &str = "retry_after";
const HEADER: &str = "header";

const CONTAINER_KEYS: &[&str] = &[CRATE, CATALOG, TYPE_BASE, SECTION];
const CODE_KEYS: &[&str] = &[CODE, STATUS, TITLE, HANDLING, DETAIL, TYPE, TRANSPARENT];
const FIELD_KEYS: &[&str] = &[EXTENSION, RETRY_AFTER, HEADER];

/// Where an attribute sits, which decides the keys it may hold.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    Enum,
    Struct,
    Variant,
    Field,
}

impl Level {
    fn keys(self) -> Vec<&'static str> {
        match self {
            Level::Enum => CONTAINER_KEYS.to_vec(),
            Level::Struct => [CONTAINER_KEYS, CODE_KEYS].concat(),
            Level::Variant => CODE_KEYS.to_vec(),
            Level::Field => FIELD_KEYS.to_vec(),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Level::Enum => "an enum",
            Level::Struct => "a struct",
            Level::Variant => "a variant",
            Level::Field => "a field",
        }
    }
}

/// One attribute value with the span of its key, so a second one can be reported.
pub struct Attr<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Attr<T> {
    fn none(name: &'static str) -> Attr<T> {
        Attr { name, value: None }
    }

    fn set(&mut self, cx: &Ctxt, key: Span, value: T) {
        if let Some((first, _)) = &self.value {
            cx.error_at(
                key,
                format!("duplicate problem attribute `{}`; remove one", self.name),
            );
            cx.error_at(*first, format!("`{}` is first set here", self.name));
        } else {
            self.value = Some((key, value));
        }
    }

    pub fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }

    /// The span of the key, where the attribute was set.
    pub fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(span, _)| *span)
    }

    pub fn is_set(&self) -> bool {
        self.value.is_some()
    }
}

/// Attributes of the enum or struct itself.
pub struct ContainerAttrs {
    pub krate: Attr<Path>,
    pub catalog: Attr<Path>,
    pub type_base: Attr<LitStr>,
    pub section: Attr<LitStr>,
}

/// Attributes that define a code: on a variant, or on a struct.
pub struct CodeAttrs {
    /// A catalog entry, `AUTH_USER_NOT_FOUND` or `Catalog::AUTH_USER_NOT_FOUND`.
    pub entry: Attr<Path>,
    pub code: Attr<LitStr>,
    pub status: Attr<(LitInt, u64)>,
    pub title: Attr<LitStr>,
    pub handling: Attr<LitStr>,
    pub detail: Attr<LitStr>,
    pub type_uri: Attr<LitStr>,
    pub transparent: Attr<()>,
}

impl CodeAttrs {
    fn new() -> CodeAttrs {
        CodeAttrs {
            entry: Attr::none("catalog entry"),
            code: Attr::none(CODE),
            status: Attr::none(STATUS),
            title: Attr::none(TITLE),
            handling: Attr::none(HANDLING),
            detail: Attr::none(DETAIL),
            type_uri: Attr::none(TYPE),
            transparent: Attr::none(TRANSPARENT),
        }
    }
}

/// Attributes of a field.
pub struct FieldAttrs {
    /// An extension member, with its name when renamed.
    pub extension: Attr<Option<LitStr>>,
    pub retry_after: Attr<()>,
    /// A response header set to the field's `Display`, its name lowercased.
    pub header: Attr<LitStr>,
}

/// Parses the attributes of an enum (`code` is `None`) or a struct.
pub fn container(cx: &Ctxt, attrs: &[Attribute], is_struct: bool) -> (ContainerAttrs, CodeAttrs) {
    let mut container = ContainerAttrs {
        krate: Attr::none(CRATE),
        catalog: Attr::none(CATALOG),
        type_base: Attr::none(TYPE_BASE),
        section: Attr::none(SECTION),
    };
    let mut code = CodeAttrs::new();
    let level = if is_struct {
        Level::Struct
    } else {
        Level::Enum
    };
    for_each_meta(cx, attrs, |meta, key| {
        let span = meta.path.span();
        match key.as_str() {
            CRATE => {
                if let Some(lit) = lit_str(cx, meta, CRATE)? {
                    match lit.parse::<Path>() {
                        Ok(path) => container.krate.set(cx, span, path),
                        Err(_) => cx.error_spanned_by(
                            &lit,
                            "`crate` takes the path of the problem_codes crate, e.g. `crate = \"::my_api::problem_codes\"`",
                        ),
                    }
                }
            }
            CATALOG => {
                if let Some(path) = path_value(cx, meta, CATALOG)? {
                    container.catalog.set(cx, span, path);
                }
            }
            TYPE_BASE => {
                if let Some(lit) = lit_str(cx, meta, TYPE_BASE)? {
                    container.type_base.set(cx, span, lit);
                }
            }
            SECTION => {
                if let Some(lit) = lit_str(cx, meta, SECTION)? {
                    container.section.set(cx, span, lit);
                }
            }
            _ if is_struct => code_key(cx, meta, &key, &mut code, level)?,
            _ => unknown_key(cx, meta, &key, level)?,
        }
        Ok(())
    });
    (container, code)
}

/// Parses the attributes of a variant.
pub fn variant(cx: &Ctxt, attrs: &[Attribute]) -> CodeAttrs {
    let mut code = CodeAttrs::new();
    for_each_meta(cx, attrs, |meta, key| {
        code_key(cx, meta, &key, &mut code, Level::Variant)
    });
    code
}

/// Parses the attributes of a field.
pub fn field(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut field = FieldAttrs {
        extension: Attr::none(EXTENSION),
        retry_after: Attr::none(RETRY_AFTER),
        header: Attr::none(HEADER),
    };
    for_each_meta(cx, attrs, |meta, key| {
        let span = meta.path.span();
        match key.as_str() {
            EXTENSION => {
                let name = if meta.input.peek(Token![=]) {
                    lit_str(cx, meta, EXTENSION)?
                } else {
                    no_value(cx, meta, EXTENSION)?;
                    None
                };
                field.extension.set(cx, span, name);
            }
            RETRY_AFTER => {
                no_value(cx, meta, RETRY_AFTER)?;
                field.retry_after.set(cx, span, ());
            }
            HEADER => {
                if let Some(lit) = lit_str(cx, meta, HEADER)? {
                    match header_error(&lit.value()) {
                        Some(message) => cx.error_spanned_by(&lit, message),
                        None => field.header.set(cx, span, lit),
                    }
                }
            }
            _ => unknown_key(cx, meta, &key, Level::Field)?,
        }
        Ok(())
    });
    field
}

fn code_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    code: &mut CodeAttrs,
    level: Level,
) -> syn::Result<()> {
    let span = meta.path.span();
    match key {
        CODE => {
            if let Some(lit) = lit_str(cx, meta, CODE)? {
                code.code.set(cx, span, lit);
            }
        }
        STATUS => {
            if let Some(status) = lit_int(cx, meta, STATUS)? {
                code.status.set(cx, span, status);
            }
        }
        TITLE => {
            if let Some(lit) = lit_str(cx, meta, TITLE)? {
                code.title.set(cx, span, lit);
            }
        }
        HANDLING => {
            if let Some(lit) = lit_str(cx, meta, HANDLING)? {
                code.handling.set(cx, span, lit);
            }
        }
        DETAIL => {
            if let Some(lit) = lit_str(cx, meta, DETAIL)? {
                code.detail.set(cx, span, lit);
            }
        }
        TYPE => {
            if let Some(lit) = lit_str(cx, meta, TYPE)? {
                code.type_uri.set(cx, span, lit);
            }
        }
        TRANSPARENT => {
            no_value(cx, meta, TRANSPARENT)?;
            code.transparent.set(cx, span, ());
        }
        _ if is_entry_path(&meta.path) => {
            if meta.input.peek(Token![=]) {
                cx.error_spanned_by(
                    &meta.path,
                    "a catalog entry takes no value; to assert its status write `status = …` beside it",
                );
                skip_value(meta)?;
            } else {
                code.entry.set(cx, span, meta.path.clone());
            }
        }
        _ => unknown_key(cx, meta, key, level)?,
    }
    Ok(())
}

/// Why `name` cannot be a header a field sets, if it cannot.
fn header_error(name: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    let is_token = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b);
    if lower.is_empty() || !lower.bytes().all(is_token) {
        return Some(format!(
            "`{name}` is not an HTTP header name; use letters, digits and `-`, e.g. `header = \"x-points-balance\"`"
        ));
    }
    match lower.as_str() {
        "content-type" | "content-length" => Some(format!(
            "the renderer sets `{lower}` itself; choose another header"
        )),
        "retry-after" => Some(
            "`retry-after` comes from a `#[problem(retry_after)]` field; mark the field `retry_after` instead"
                .to_owned(),
        ),
        _ => None,
    }
}

/// A catalog entry is named like a code: `AUTH_USER_NOT_FOUND`, or a path ending so.
fn is_entry_path(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|seg| looks_like_code(&seg.ident.to_string()))
        && (path.segments.len() > 1 || path.leading_colon.is_none())
}

fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta, key: &str, level: Level) -> syn::Result<()> {
    let home = if CONTAINER_KEYS.contains(&key) {
        Some("on the enum or struct")
    } else if CODE_KEYS.contains(&key) || is_entry_path(&meta.path) {
        Some("on a variant (or on a struct)")
    } else if FIELD_KEYS.contains(&key) {
        Some("on a field")
    } else {
        None
    };
    let message = if let Some(home) = home {
        format!("`{key}` is not allowed on {}; it goes {home}", level.name())
    } else if key.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        format!(
            "unknown problem attribute `{key}`; to name a catalog entry write its code, e.g. `{}`",
            suggest_code(key)
        )
    } else {
        format!(
            "unknown problem attribute `{key}`{}",
            did_you_mean(key, level.keys())
        )
    };
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta)
}

/// Calls `f` with each nested meta of every `#[problem(...)]` attribute, and its key.
fn for_each_meta(
    cx: &Ctxt,
    attrs: &[Attribute],
    mut f: impl FnMut(&ParseNestedMeta, String) -> syn::Result<()>,
) {
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("problem")) {
        if !matches!(attr.meta, Meta::List(_)) {
            cx.error_spanned_by(attr, "expected a list: `#[problem(...)]`");
            continue;
        }
        let parsed = attr.parse_nested_meta(|meta| {
            let key = key_of(&meta.path);
            f(&meta, key)
        });
        if let Err(err) = parsed {
            cx.push(err);
        }
    }
}

fn key_of(path: &Path) -> String {
    path.segments
        .iter()
        .map(|seg| seg.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

fn lit_str(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<LitStr>> {
    match literal(cx, meta, key, "a string", "\"…\"")? {
        Some(Lit::Str(lit)) => Ok(Some(lit)),
        Some(other) => {
            cx.error_spanned_by(&other, format!("`{key}` takes a string: `{key} = \"…\"`"));
            Ok(None)
        }
        None => Ok(None),
    }
}

fn lit_int(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<(LitInt, u64)>> {
    match literal(cx, meta, key, "a number", "429")? {
        Some(Lit::Int(lit)) => match lit.base10_parse::<u64>() {
            Ok(value) => Ok(Some((lit, value))),
            Err(_) => {
                cx.error_spanned_by(&lit, format!("`{key}` takes a whole number such as 429"));
                Ok(None)
            }
        },
        Some(Lit::Str(lit)) => {
            cx.error_spanned_by(
                &lit,
                format!(
                    "`{key}` takes a number, not a string: `{key} = {}`",
                    lit.value().trim()
                ),
            );
            Ok(None)
        }
        Some(other) => {
            cx.error_spanned_by(&other, format!("`{key}` takes a number such as 429"));
            Ok(None)
        }
        None => Ok(None),
    }
}

/// The literal after `key =`, or `None` (with an error) when there is none.
fn literal(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    what: &str,
    example: &str,
) -> syn::Result<Option<Lit>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` takes {what}: `{key} = {example}`"),
        );
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if value.peek(Lit) {
        return value.parse().map(Some);
    }
    let span = value.span();
    skip_value(meta)?;
    cx.error_at(span, format!("`{key}` takes {what}: `{key} = {example}`"));
    Ok(None)
}

fn path_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<Option<Path>> {
    if !meta.input.peek(Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` takes a type: `{key} = MyCatalog`"),
        );
        return skip_value(meta).map(|()| None);
    }
    let value = meta.value()?;
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        cx.error_spanned_by(
            &lit,
            format!(
                "`{key}` takes a type path, not a string: `{key} = {}`",
                lit.value()
            ),
        );
        return Ok(None);
    }
    value.parse().map(Some)
}

fn no_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if meta.input.peek(Token![=]) || !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` takes no value: write `{key}` alone"),
        );
        return skip_value(meta);
    }
    Ok(())
}

/// Skips whatever follows a key up to the next `,`, so parsing goes on after an error.
fn skip_value(meta: &ParseNestedMeta) -> syn::Result<()> {
    meta.input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                return Ok(((), rest));
            }
            rest = next;
        }
        Ok(((), rest))
    })
}
