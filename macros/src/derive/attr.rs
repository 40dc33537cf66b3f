//! The `#[problem(...)]` attributes, parsed into one typed struct per level: container,
//! code (a variant, or a struct's own code), and field.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Meta, Path, Token};

use crate::shared::code::{looks_like_code, shape_error, status_of_name, suggest_code};
use crate::shared::ctxt::Ctxt;
use crate::shared::integrations::{self, KNOWN};
use crate::shared::member::{self, Member as ExtMember};
use crate::shared::suggest::closest;
use crate::shared::symbol::{
    CATALOG, CODE, CRATE, DETAIL, EXTENSION, HANDLING, HEADER, MEMBERS, RETRY_AFTER, SECTION,
    SKIP_IMPL, STATUS, TITLE, TRANSPARENT, TYPE, TYPE_BASE,
};
use crate::shared::tokens::until_comma;

const CONTAINER_KEYS: &[&str] = &[CRATE, CATALOG, TYPE_BASE, SECTION, SKIP_IMPL];

const CODE_KEYS: &[&str] = &[
    CODE,
    STATUS,
    TITLE,
    HANDLING,
    DETAIL,
    TYPE,
    TRANSPARENT,
    MEMBERS,
];
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
    /// Written, but misspelt or with a value of the wrong type (already an error): not
    /// reported again as missing.
    tried: bool,
}

impl<T> Attr<T> {
    fn none(name: &'static str) -> Attr<T> {
        Attr {
            name,
            value: None,
            tried: false,
        }
    }

    fn set(&mut self, cx: &Ctxt, key: Span, value: T) {
        if let Some((first, _)) = &self.value {
            cx.duplicate(
                key,
                format!("duplicate problem attribute `{}`; remove one", self.name),
                *first,
                format!("`{}` is first set here", self.name),
            );
        } else {
            self.value = Some((key, value));
        }
    }

    /// Sets a value that parsed, or remembers that the key was written.
    fn set_parsed(&mut self, cx: &Ctxt, key: Span, value: Option<T>) {
        match value {
            Some(value) => self.set(cx, key, value),
            None => self.tried = true,
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

    /// Set, or written in a way already reported: either way, not missing.
    pub fn is_written(&self) -> bool {
        self.value.is_some() || self.tried
    }
}

/// Attributes of the enum or struct itself.
pub struct ContainerAttrs {
    pub krate: Attr<Path>,
    pub catalog: Attr<Path>,
    pub type_base: Attr<LitStr>,
    pub section: Attr<LitStr>,
    /// Integrations whose impls the user writes by hand.
    pub skip_impl: Attr<Vec<Ident>>,
    /// Keys of a code written on an enum instead of its variants (already an error), so
    /// its variants are not also reported as lacking a code.
    pub misplaced_code: bool,
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
    /// An inline code's extension members: `members(balance: integer, hint?: string)`.
    pub members: Attr<Vec<ExtMember>>,
    /// A `#[problem …]` attribute that could not be read (already an error), so the
    /// code it meant to declare is not reported as missing.
    pub malformed: bool,
    /// `catalog = …` written here instead of on the enum (already an error), so an
    /// entry named beside it is not also reported as lacking a catalog.
    pub misplaced_catalog: bool,
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
            members: Attr::none(MEMBERS),
            malformed: false,
            misplaced_catalog: false,
        }
    }

    /// Remembers that `key` was meant (a misspelling of it was reported).
    fn tried(&mut self, key: &str) {
        let tried = match key {
            CODE => &mut self.code.tried,
            STATUS => &mut self.status.tried,
            TITLE => &mut self.title.tried,
            HANDLING => &mut self.handling.tried,
            DETAIL => &mut self.detail.tried,
            TYPE => &mut self.type_uri.tried,
            TRANSPARENT => &mut self.transparent.tried,
            MEMBERS => &mut self.members.tried,
            _ => return,
        };
        *tried = true;
    }
}

/// Attributes of a field.
pub struct FieldAttrs {
    /// An extension member, with its name when renamed.
    pub extension: Attr<Option<LitStr>>,
    pub retry_after: Attr<()>,
    /// A response header set to the field's `Display`, its name lowercased.
    pub header: Attr<LitStr>,
    /// A key of the variant's code written on this field (already an error), so the
    /// variant is not also reported as lacking a code.
    pub misplaced_code: bool,
}

/// Parses the attributes of an enum or a struct: the container's keys and, on a struct,
/// the keys of its own code (an enum's code attributes stay empty: its codes are on
/// its variants).
pub fn container(cx: &Ctxt, attrs: &[Attribute], is_struct: bool) -> (ContainerAttrs, CodeAttrs) {
    let mut container = ContainerAttrs {
        krate: Attr::none(CRATE),
        catalog: Attr::none(CATALOG),
        type_base: Attr::none(TYPE_BASE),
        section: Attr::none(SECTION),
        skip_impl: Attr::none(SKIP_IMPL),
        misplaced_code: false,
    };
    let mut code = CodeAttrs::new();
    // An enum's code keys, reported together: one mistake, one error.
    let mut code_keys: Vec<(Span, String)> = Vec::new();
    let level = if is_struct {
        Level::Struct
    } else {
        Level::Enum
    };
    let complete = for_each_meta(cx, attrs, |meta, key| {
        let span = meta.path.span();
        match key.as_str() {
            CRATE => {
                let path = lit_str(cx, meta, CRATE)?.and_then(|lit| match lit.parse::<Path>() {
                    Ok(path) => Some(path),
                    Err(_) => {
                        cx.error_spanned_by(
                            &lit,
                            "`crate` takes the path of the problem_codes crate, e.g. `crate = \"::my_api::problem_codes\"`",
                        );
                        None
                    }
                });
                container.krate.set_parsed(cx, span, path);
            }
            CATALOG => {
                let path = path_value(cx, meta, CATALOG)?;
                container.catalog.set_parsed(cx, span, path);
            }
            TYPE_BASE => {
                let lit = lit_str(cx, meta, TYPE_BASE)?;
                container.type_base.set_parsed(cx, span, lit);
            }
            SECTION => {
                let lit = lit_str(cx, meta, SECTION)?;
                container.section.set_parsed(cx, span, lit);
            }
            SKIP_IMPL => {
                let names = integrations(cx, meta)?;
                container.skip_impl.set_parsed(cx, span, names);
            }
            _ if is_struct => code_key(cx, meta, &key, &mut code, level)?,
            _ if is_code_key(&key, &meta.path) => {
                code_keys.push((span, key));
                skip_value(meta)?;
            }
            _ => {
                unknown_key(cx, meta, &key, level)?;
            }
        }
        Ok(())
    });
    code.malformed |= !complete;
    if let (Some((first, _)), Some((last, _))) = (code_keys.first(), code_keys.last()) {
        let names: Vec<String> = code_keys
            .iter()
            .map(|(_, key)| format!("`{key}`"))
            .collect();
        let (names, is, them, they_declare) = match names.split_last() {
            Some((only, [])) => (only.clone(), "is", "it", "it declares"),
            Some((last_name, rest)) => (
                format!("{} and {last_name}", rest.join(", ")),
                "are",
                "them",
                "they declare",
            ),
            None => (String::new(), "are", "them", "they declare"),
        };
        cx.error_spanning(
            *first,
            *last,
            format!(
                "{names} {is} not allowed on an enum: each variant declares its own code; move {them} onto the variant whose code {they_declare}"
            ),
        );
        container.misplaced_code = true;
    }
    (container, code)
}

/// Whether `key` belongs to a code: a code key, or a catalog entry.
fn is_code_key(key: &str, path: &Path) -> bool {
    CODE_KEYS.contains(&key) || is_entry_path(path)
}

/// Parses the attributes of a variant.
pub fn variant(cx: &Ctxt, attrs: &[Attribute]) -> CodeAttrs {
    let mut code = CodeAttrs::new();
    let complete = for_each_meta(cx, attrs, |meta, key| {
        code_key(cx, meta, &key, &mut code, Level::Variant)
    });
    code.malformed |= !complete;
    code
}

/// Parses the attributes of a field.
pub fn field(cx: &Ctxt, attrs: &[Attribute]) -> FieldAttrs {
    let mut field = FieldAttrs {
        extension: Attr::none(EXTENSION),
        retry_after: Attr::none(RETRY_AFTER),
        header: Attr::none(HEADER),
        misplaced_code: false,
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
                let lit = lit_str(cx, meta, HEADER)?;
                let lit = lit.filter(|lit| match header_error(&lit.value()) {
                    Some(message) => {
                        cx.error_spanned_by(lit, message);
                        false
                    }
                    None => true,
                });
                field.header.set_parsed(cx, span, lit);
            }
            _ => {
                field.misplaced_code |= is_code_key(&key, &meta.path);
                unknown_key(cx, meta, &key, Level::Field)?;
            }
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
        CODE => code.code.set_parsed(cx, span, lit_str(cx, meta, CODE)?),
        STATUS => code.status.set_parsed(cx, span, lit_int(cx, meta, STATUS)?),
        TITLE => code.title.set_parsed(cx, span, lit_str(cx, meta, TITLE)?),
        HANDLING => code
            .handling
            .set_parsed(cx, span, lit_str(cx, meta, HANDLING)?),
        DETAIL => code.detail.set_parsed(cx, span, lit_str(cx, meta, DETAIL)?),
        TYPE => code.type_uri.set_parsed(cx, span, lit_str(cx, meta, TYPE)?),
        TRANSPARENT => {
            no_value(cx, meta, TRANSPARENT)?;
            code.transparent.set(cx, span, ());
        }
        MEMBERS => code.members.set_parsed(cx, span, members(cx, meta)?),
        _ if is_entry_path(&meta.path) => {
            if meta.input.peek(Token![=]) {
                cx.error_spanned_by(
                    &meta.path,
                    "a catalog entry takes no value; to assert its status write `status = …` beside it",
                );
                code.entry.tried = true;
                skip_value(meta)?;
            } else if let Some((first_span, first)) = &code.entry.value {
                cx.duplicate(
                    span,
                    format!(
                        "a variant has one code, but this names a second catalog entry; keep `{}` or `{}`",
                        key_of(first),
                        key,
                    ),
                    *first_span,
                    format!("`{}` is named first here", key_of(first)),
                );
            } else {
                code.entry.set(cx, span, meta.path.clone());
            }
        }
        _ => {
            code.misplaced_catalog |= key == CATALOG;
            match unknown_key(cx, meta, key, level)? {
                Some(meant) => code.tried(meant),
                // Whatever it meant may have been the code: not also "no problem code".
                None => code.malformed = true,
            }
        }
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
        framing if is_framing_header(framing) => Some(format!(
            "`{lower}` belongs to the connection or the message framing, not to a problem: a value \
             from a field would break the response (RFC 9110 §7.6.1, RFC 9112 §6); send the value \
             in an extension member or an `x-` header instead"
        )),
        _ => None,
    }
}

/// Headers that frame the message or belong to one connection (RFC 9110 §7.6.1): an
/// application value there cuts the response short or makes the body unreadable.
fn is_framing_header(lower: &str) -> bool {
    matches!(
        lower,
        "transfer-encoding"
            | "content-encoding"
            | "connection"
            | "upgrade"
            | "te"
            | "trailer"
            | "keep-alive"
            | "host"
    ) || lower.starts_with("proxy-")
}

/// A catalog entry is named like a code: `AUTH_USER_NOT_FOUND`, or a path ending so.
fn is_entry_path(path: &Path) -> bool {
    path.segments
        .last()
        .is_some_and(|seg| looks_like_code(&seg.ident.to_string()))
        && (path.segments.len() > 1 || path.leading_colon.is_none())
}

/// Reports `key` as unknown here; returns the key it likely misspells, if any.
fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &str,
    level: Level,
) -> syn::Result<Option<&'static str>> {
    let keys = level.keys();
    let meant = closest(key, keys.iter().copied());
    let home = if CONTAINER_KEYS.contains(&key) {
        Some("on the enum or struct")
    } else if CODE_KEYS.contains(&key) || is_entry_path(&meta.path) {
        Some("on a variant (or on a struct)")
    } else if FIELD_KEYS.contains(&key) {
        Some("on a field")
    } else {
        None
    };
    let as_code = suggest_code(key);
    let message = if let Some(home) = home {
        format!("`{key}` is not allowed on {}; it goes {home}", level.name())
    } else if meant.is_none()
        && matches!(level, Level::Struct | Level::Variant)
        && key.contains('_')
        && key == key.to_ascii_lowercase()
        && shape_error(&as_code).is_none()
    {
        format!(
            "unknown problem attribute `{key}`; a catalog entry is written as its code, in SCREAMING_SNAKE_CASE: `{as_code}`"
        )
    } else if key.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
        format!(
            "unknown problem attribute `{key}`; to name a catalog entry write its code, e.g. `{as_code}`"
        )
    } else if let Some(meant) = meant {
        format!("unknown problem attribute `{key}`; did you mean `{meant}`?")
    } else {
        let mut known: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
        if matches!(level, Level::Struct | Level::Variant) {
            known.push("a catalog entry such as `ORDER_NOT_FOUND`".to_owned());
        }
        let last = known.pop().unwrap_or_default();
        let known = if known.is_empty() {
            last
        } else {
            format!("{} or {last}", known.join(", "))
        };
        format!(
            "unknown problem attribute `{key}`; {} takes {known}",
            level.name()
        )
    };
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta).map(|()| meant)
}

/// Calls `f` with each nested meta of every `#[problem(...)]` attribute, and its key.
/// Returns whether every attribute could be read to its end.
fn for_each_meta(
    cx: &Ctxt,
    attrs: &[Attribute],
    mut f: impl FnMut(&ParseNestedMeta, String) -> syn::Result<()>,
) -> bool {
    let mut complete = true;
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("problem")) {
        let Meta::List(list) = &attr.meta else {
            cx.error_spanned_by(
                attr,
                "write the keys of `problem` in parentheses, e.g. `#[problem(ORDER_NOT_FOUND)]` or `#[problem(code = \"…\", status = 404, title = \"…\")]`",
            );
            complete = false;
            continue;
        };
        let (tokens, all_keys) = without_strings(cx, list.tokens.clone());
        complete &= all_keys;
        let parser = syn::meta::parser(|meta| {
            let key = key_of(&meta.path);
            f(&meta, key)
        });
        if let Err(err) = syn::parse::Parser::parse2(parser, tokens) {
            cx.push(err);
            complete = false;
        }
    }
    complete
}

/// The keys of a `#[problem(…)]` list without the strings written in place of a key
/// (`#[problem("ORDER_NOT_FOUND")]`), each reported; `false` when there was one.
fn without_strings(cx: &Ctxt, tokens: TokenStream) -> (TokenStream, bool) {
    let mut kept = TokenStream::new();
    let mut all_keys = true;
    let mut item: Vec<TokenTree> = Vec::new();
    let mut flush = |item: &mut Vec<TokenTree>, comma: Option<TokenTree>| {
        if let [TokenTree::Literal(lit)] = item.as_slice()
            && let Ok(lit) = syn::parse2::<LitStr>(lit.to_token_stream())
        {
            let value = lit.value();
            let message = if looks_like_code(&value) {
                format!("write the catalog entry without quotes: `#[problem({value})]`")
            } else {
                "a problem attribute takes keys, not strings: name a catalog entry by its code without quotes, e.g. `ORDER_NOT_FOUND`, or declare one with `code = \"…\"`".to_owned()
            };
            cx.error_spanned_by(&lit, message);
            all_keys = false;
        } else {
            kept.extend(item.drain(..));
            kept.extend(comma);
        }
        item.clear();
    };
    for tt in tokens {
        if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
            flush(&mut item, Some(tt));
        } else {
            item.push(tt);
        }
    }
    flush(&mut item, None);
    (kept, all_keys)
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
    if meta.input.peek(Token![=]) && !meta.input.peek2(Lit) {
        // `status = NOT_FOUND`, `status = StatusCode::NOT_FOUND`: suggest the number.
        let fork = meta.input.fork();
        fork.parse::<Token![=]>()?;
        if let Ok(path) = fork.parse::<Path>()
            && let Some(status) = status_of_name(&key_of(&path))
        {
            meta.value()?.parse::<Path>()?;
            cx.error_spanned_by(
                &path,
                format!("`{key}` takes a number, not a name: `{key} = {status}`"),
            );
            return Ok(None);
        }
    }
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
        // The path the user meant, so what names it is not reported as well.
        return Ok(lit.parse().ok());
    }
    value.parse().map(Some)
}

/// `skip_impl(axum, utoipa)`: the integrations, each named once.
fn integrations(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Vec<Ident>>> {
    if !meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(
            &meta.path,
            format!(
                "`{SKIP_IMPL}` takes the integrations whose impls you write yourself, in parentheses: `{SKIP_IMPL}(axum)`, any of {KNOWN}"
            ),
        );
        return skip_value(meta).map(|()| None);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    integrations::parse_names(cx, &content, meta.path.span())
}

/// `members(balance: integer, hint?: string)`: the members of an inline code, as a
/// catalog writes them.
fn members(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Vec<ExtMember>>> {
    if !meta.input.peek(syn::token::Paren) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{MEMBERS}` takes the code's members in parentheses: `{MEMBERS}(balance: integer, hint?: string)`"),
        );
        return skip_value(meta).map(|()| None);
    }
    let content;
    syn::parenthesized!(content in meta.input);
    let mut errors = Vec::new();
    let mut defs = Vec::new();
    while !content.is_empty() {
        match member::parse_member(&content, &mut errors) {
            Ok(def) => defs.push(def),
            Err(err) => {
                errors.push(err);
                let _ = until_comma(&content);
            }
        }
        if content.is_empty() {
            break;
        }
        if content.peek(Token![,]) {
            content.parse::<Token![,]>()?;
        } else {
            errors.push(content.error("expected `,` before the next member"));
            let _ = until_comma(&content);
        }
    }
    for err in errors {
        cx.push(err);
    }
    Ok(Some(member::lower(cx, &defs)))
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
    until_comma(meta.input).map(drop)
}
