//! The syntax of `error_catalog!`, parsed as it is written, with every token kept for
//! error spans:
//!
//! ```text
//! /// # Title of the document
//! ///
//! /// Its preamble.
//! pub catalog Eryao {
//!     type_base = "https://eryao.example/problems/";
//!     section "Auth" {
//!         /// docs
//!         AUTH_SERVICE_UNAVAILABLE = 503 {
//!             title: "Auth upstream unavailable",
//!             handling: "Show retry message and allow retry",
//!             members: {
//!                 /// doc line
//!                 retry_after?: integer,
//!             },
//!         },
//!     }
//!     /// The document's closing text.
//! }
//!
//! /// A registry of catalogs declared elsewhere, possibly in other crates.
//! pub catalog Registry = Auth + Profile;
//! pub catalog Other = Auth + Profile {
//!     crate = "::problem_codes";
//!     /// The document's closing text.
//! }
//! ```
//!
//! Inside a catalog's braces the parser recovers from a slip: it records the error,
//! skips to the next `,` (between codes or fields) or past the item (a setting or a
//! section), and goes on, so one compile reports every mistake, not only the first.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Path, Token, Visibility, braced};

use crate::shared::code::shape_error;
use crate::shared::member::{MemberDef, parse_member};
use crate::shared::suggest::closest;
use crate::shared::symbol::{CRATE, LANGUAGE, MEMBERS, SECTION, SKIP_IMPL, TYPE_BASE};

mod kw {
    syn::custom_keyword!(catalog);
    syn::custom_keyword!(section);
    syn::custom_keyword!(type_base);
    syn::custom_keyword!(skip_impl);
    syn::custom_keyword!(language);
}

/// Every catalog of one macro call.
pub struct Catalogs {
    pub catalogs: Vec<CatalogDef>,
}

pub struct CatalogDef {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub body: Body,
    /// The attributes after the last item in the braces: the doc comments of the
    /// closing text.
    pub closing: Vec<Attribute>,
    /// Syntax mistakes in the body, each already skipped past.
    pub errors: Vec<syn::Error>,
}

pub enum Body {
    /// `{ settings; section "…" { … } … }`
    Defined {
        settings: Vec<Setting>,
        sections: Vec<SectionDef>,
    },
    /// `= Auth + Profile + …;`: the union of other catalogs.
    Composed {
        settings: Vec<Setting>,
        members: Vec<Path>,
    },
}

pub struct Setting {
    pub key: SettingKey,
    pub value: SettingValue,
}

pub enum SettingValue {
    /// `= "…";`
    Lit(Lit),
    /// `(…);`: the tokens in the parentheses, read when lowered.
    List(TokenStream),
}

#[derive(Clone, Copy)]
pub enum SettingKey {
    TypeBase(Span),
    Crate(Span),
    SkipImpl(Span),
    Language(Span),
}

impl SettingKey {
    pub fn span(self) -> Span {
        match self {
            SettingKey::TypeBase(span)
            | SettingKey::Crate(span)
            | SettingKey::SkipImpl(span)
            | SettingKey::Language(span) => span,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SettingKey::TypeBase(_) => TYPE_BASE,
            SettingKey::Crate(_) => CRATE,
            SettingKey::SkipImpl(_) => SKIP_IMPL,
            SettingKey::Language(_) => LANGUAGE,
        }
    }

    fn from_item(item: &str, span: Span) -> Option<SettingKey> {
        match item {
            TYPE_BASE => Some(SettingKey::TypeBase(span)),
            CRATE => Some(SettingKey::Crate(span)),
            SKIP_IMPL => Some(SettingKey::SkipImpl(span)),
            LANGUAGE => Some(SettingKey::Language(span)),
            _ => None,
        }
    }
}

pub struct SectionDef {
    pub attrs: Vec<Attribute>,
    pub keyword: Span,
    /// The name; one written as an identifier (an error, already reported) still
    /// names the section, so its codes are checked too.
    pub name: LitStr,
    pub codes: Vec<CodeDef>,
    /// Whether every code in the braces could be read.
    pub complete: bool,
}

pub struct CodeDef {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub status: StatusDef,
    pub fields: Vec<FieldDef>,
    /// Whether the fields were written in braces (`CODE = 404,` has none).
    pub braced: bool,
    /// Whether every field in the braces could be read.
    pub complete: bool,
}

/// A status as written: a literal, or a name such as `NOT_FOUND` (an error whose
/// message suggests the number).
pub enum StatusDef {
    Lit(Lit),
    Name(Path),
}

pub struct FieldDef {
    pub key: Ident,
    /// `None` when the value is not a literal (already an error, unless `members`).
    pub value: Option<Lit>,
    /// `members: { balance: integer, … }`: the braces' members.
    pub members: Option<Vec<MemberDef>>,
}

impl Parse for Catalogs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut catalogs = Vec::new();
        while !input.is_empty() {
            catalogs.push(input.parse()?);
        }
        if catalogs.is_empty() {
            return Err(input.error(
                "expected a catalog: `pub catalog Name { section \"…\" { CODE = 400 { title: \"…\" } } }`",
            ));
        }
        Ok(Catalogs { catalogs })
    }
}

impl Parse for CatalogDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = Attribute::parse_outer(input)?;
        let vis: Visibility = input.parse()?;
        let lookahead = input.lookahead1();
        if !lookahead.peek(kw::catalog) {
            return Err(lookahead.error());
        }
        input.parse::<kw::catalog>()?;
        let ident: Ident = input.parse()?;
        let mut errors = Vec::new();
        let mut closing = Vec::new();
        let body = if input.peek(Token![=]) {
            parse_composed(input, &mut closing, &mut errors)?
        } else {
            let content;
            braced!(content in input);
            // Every error inside is recorded, not returned, so `content` is read to its end.
            parse_defined(&content, &mut closing, &mut errors)
        };
        Ok(CatalogDef {
            attrs,
            vis,
            ident,
            body,
            closing,
            errors,
        })
    }
}

/// The items of a catalog's braces: settings and sections, in any order, then the
/// closing text's doc comments.
fn parse_defined(
    content: ParseStream,
    closing: &mut Vec<Attribute>,
    errors: &mut Vec<syn::Error>,
) -> Body {
    let mut settings = Vec::new();
    let mut sections = Vec::new();
    while !content.is_empty() {
        if stray_comma(content, errors) {
            continue;
        }
        let Some(attrs) = item_attrs(content, closing, errors) else {
            continue;
        };
        let Some((item, span)) = item_keyword(content, errors) else {
            skip_item(content);
            continue;
        };
        if item == SECTION {
            let section = recover(content, errors, skip_item, |input, errors| {
                parse_section(input, attrs, span, errors)
            });
            sections.extend(section);
            continue;
        }
        refuse_setting_attrs(&attrs, errors);
        let Some(key) = SettingKey::from_item(item, span) else {
            skip_item(content);
            continue;
        };
        settings.extend(recover(content, errors, skip_item, |input, errors| {
            parse_setting(input, key, errors)
        }));
    }
    Body::Defined { settings, sections }
}

/// A `,` where an item starts (after a section's `}`, say): reported and skipped.
fn stray_comma(content: ParseStream, errors: &mut Vec<syn::Error>) -> bool {
    if !content.peek(Token![,]) {
        return false;
    }
    if let Ok(comma) = content.parse::<Token![,]>() {
        errors.push(syn::Error::new(
            comma.span,
            "remove this `,`: a catalog's items are not separated by commas; a section ends with its `}` and a setting with `;`",
        ));
    }
    true
}

/// The attributes before an item; `None` when there is no item to read: they were the
/// last thing in the braces (then they are the closing text's, put in `closing`), or
/// they do not parse (reported, and the item skipped).
fn item_attrs(
    content: ParseStream,
    closing: &mut Vec<Attribute>,
    errors: &mut Vec<syn::Error>,
) -> Option<Vec<Attribute>> {
    match Attribute::parse_outer(content) {
        Ok(attrs) if content.is_empty() => {
            *closing = attrs;
            None
        }
        Ok(attrs) => Some(attrs),
        Err(err) => {
            errors.push(err);
            skip_item(content);
            None
        }
    }
}

fn refuse_setting_attrs(attrs: &[Attribute], errors: &mut Vec<syn::Error>) {
    if let Some(attr) = attrs.first() {
        errors.push(syn::Error::new_spanned(
            attr,
            "a setting takes no attributes; only sections and codes take doc comments, and the catalog's closing text comes after its last section",
        ));
    }
}

/// Consumes the keyword that starts an item, or a misspelling of one (reported, then
/// read as the keyword it likely misspells). `None` when no item can be read.
fn item_keyword(input: ParseStream, errors: &mut Vec<syn::Error>) -> Option<(&'static str, Span)> {
    if input.peek(kw::section) {
        return input.parse::<kw::section>().ok().map(|k| (SECTION, k.span));
    }
    if input.peek(kw::type_base) {
        return input
            .parse::<kw::type_base>()
            .ok()
            .map(|k| (TYPE_BASE, k.span));
    }
    if input.peek(Token![crate]) {
        return input.parse::<Token![crate]>().ok().map(|k| (CRATE, k.span));
    }
    if input.peek(kw::skip_impl) {
        return input
            .parse::<kw::skip_impl>()
            .ok()
            .map(|k| (SKIP_IMPL, k.span));
    }
    if input.peek(kw::language) {
        return input
            .parse::<kw::language>()
            .ok()
            .map(|k| (LANGUAGE, k.span));
    }
    let Some((word, _)) = input.cursor().ident() else {
        errors.push(
            input.error(
                "expected `section \"Name\" { … }`, `type_base = \"…\";`, `crate = \"…\";` or `skip_impl(axum);`",
            ),
        );
        return None;
    };
    let _ = input.step(|cursor| cursor.token_tree().ok_or_else(|| cursor.error("")));
    let name = word.to_string();
    let meant = closest(&name, [SECTION, TYPE_BASE, CRATE, SKIP_IMPL, LANGUAGE]);
    errors.push(syn::Error::new(
        word.span(),
        match meant {
            Some(meant) => format!("unknown catalog item `{name}`; did you mean `{meant}`?"),
            None => format!(
                "unknown catalog item `{name}`; a catalog holds `section \"Name\" {{ … }}`, `type_base = \"…\";`, `crate = \"…\";` and `skip_impl(axum);`"
            ),
        },
    ));
    meant.map(|meant| (meant, word.span()))
}

/// `= Auth + crate::profile::Profile;`, optionally followed by `{ crate = "…"; }`, whose
/// braces may end with the closing text's doc comments.
fn parse_composed(
    input: ParseStream,
    closing: &mut Vec<Attribute>,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Body> {
    input.parse::<Token![=]>()?;
    let mut members = vec![input.call(Path::parse_mod_style)?];
    while input.peek(Token![+]) {
        input.parse::<Token![+]>()?;
        members.push(input.call(Path::parse_mod_style)?);
    }
    let mut settings = Vec::new();
    if input.peek(syn::token::Brace) {
        let content;
        braced!(content in input);
        while !content.is_empty() {
            if stray_comma(&content, errors) {
                continue;
            }
            let Some(attrs) = item_attrs(&content, closing, errors) else {
                continue;
            };
            let Some((item, span)) = item_keyword(&content, errors) else {
                skip_item(&content);
                continue;
            };
            let key = match SettingKey::from_item(item, span) {
                Some(key) => {
                    refuse_setting_attrs(&attrs, errors);
                    key
                }
                None => {
                    errors.push(syn::Error::new(
                        span,
                        "a composed catalog takes its sections from its members; declare the section in one of them",
                    ));
                    skip_item(&content);
                    continue;
                }
            };
            settings.extend(recover(&content, errors, skip_item, |input, errors| {
                parse_setting(input, key, errors)
            }));
        }
    } else {
        input.parse::<Token![;]>()?;
    }
    Ok(Body::Composed { settings, members })
}

/// `= "…";` after a setting's key, or `(…);` after `skip_impl`.
fn parse_setting(
    input: ParseStream,
    key: SettingKey,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<Setting> {
    let name = key.name();
    let (value, end) = if let SettingKey::SkipImpl(_) = key {
        if !input.peek(syn::token::Paren) {
            return Err(input.error(format!(
                "`{name}` takes the integrations whose impls you write yourself, in parentheses: `{name}(axum);`"
            )));
        }
        let content;
        let parens = syn::parenthesized!(content in input);
        let list: TokenStream = content.parse()?;
        (SettingValue::List(list), parens.span.close())
    } else {
        if !input.peek(Token![=]) {
            return Err(input.error(format!("expected `=` after `{name}`: `{name} = \"…\";`")));
        }
        input.parse::<Token![=]>()?;
        if !input.peek(Lit) {
            return Err(input.error(format!("`{name}` takes a string: `{name} = \"…\";`")));
        }
        let value: Lit = input.parse()?;
        let end = value.span();
        (SettingValue::Lit(value), end)
    };
    if input.peek(Token![;]) {
        input.parse::<Token![;]>()?;
    } else if input.peek(Token![,]) {
        let comma: Token![,] = input.parse()?;
        errors.push(syn::Error::new(
            comma.span,
            format!("a setting ends with `;`, not `,`: `{name} = …;`"),
        ));
    } else {
        // Read on: what follows is most likely the next item.
        errors.push(syn::Error::new(
            end,
            format!("expected `;` after the value of `{name}`"),
        ));
    }
    Ok(Setting { key, value })
}

/// `"Name" { CODE = 400 { … }, … }` after the `section` keyword.
fn parse_section(
    input: ParseStream,
    attrs: Vec<Attribute>,
    keyword: Span,
    errors: &mut Vec<syn::Error>,
) -> syn::Result<SectionDef> {
    let name = if input.peek(LitStr) {
        input.parse::<LitStr>()?
    } else if input.peek(Ident) {
        let ident: Ident = input.parse()?;
        errors.push(syn::Error::new(
            ident.span(),
            format!("a section name is a string: `section \"{ident}\"`"),
        ));
        LitStr::new(&ident.to_string(), ident.span())
    } else {
        return Err(input.error("expected the section's name: `section \"Name\" { … }`"));
    };
    if !input.peek(syn::token::Brace) {
        return Err(input.error(format!(
            "expected the codes of section \"{}\" in braces: `{{ CODE = 400 {{ title: \"…\" }}, … }}`",
            name.value()
        )));
    }
    let content;
    braced!(content in input);
    // From here on every error is recorded, not returned, so `content` is read to its end.
    let before = errors.len();
    let codes = comma_separated(&content, errors, "code", parse_code);
    Ok(SectionDef {
        attrs,
        keyword,
        name,
        codes,
        complete: errors.len() == before,
    })
}

/// `CODE = 400 { title: "…", handling: "…" }`.
fn parse_code(input: ParseStream, errors: &mut Vec<syn::Error>) -> syn::Result<CodeDef> {
    let attrs = Attribute::parse_outer(input)?;
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return Err(syn::Error::new(
            lit.span(),
            format!(
                "a code is written bare, without quotes: `{} = …`",
                lit.value()
            ),
        ));
    }
    if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        let text = lit.to_string();
        let message = shape_error(&text).unwrap_or_else(|| {
            format!("problem code `{text}` starts with a digit; a code starts with a letter")
        });
        return Err(syn::Error::new(lit.span(), message));
    }
    if input.peek(Token![=]) {
        return Err(input
            .error("expected a code before `=`, e.g. `ORDER_NOT_FOUND = 404 { title: \"…\" }`"));
    }
    let lookahead = input.lookahead1();
    if !lookahead.peek(Ident) {
        return Err(lookahead.error());
    }
    let ident: Ident = input.parse()?;
    if !input.peek(Token![=]) {
        return Err(input.error(format!(
            "expected `=` and the status after the code: `{ident} = 404 {{ … }}`"
        )));
    }
    input.parse::<Token![=]>()?;
    let status = if input.peek(Lit) {
        StatusDef::Lit(input.parse()?)
    } else if input.peek(Ident) {
        StatusDef::Name(input.call(Path::parse_mod_style)?)
    } else {
        return Err(input.error(format!(
            "expected the status of `{ident}`, a number such as `404`"
        )));
    };
    let mut fields = Vec::new();
    let before = errors.len();
    let braced = input.peek(syn::token::Brace);
    if braced {
        let content;
        braced!(content in input);
        // Every error from here on is recorded, so `content` is read to its end.
        fields = comma_separated(&content, errors, "field", parse_field);
    } else if !(input.is_empty() || input.peek(Token![,])) {
        return Err(input.error(format!(
            "expected the fields of `{ident}` in braces: `{{ title: \"…\", handling: \"…\" }}`"
        )));
    }
    Ok(CodeDef {
        attrs,
        ident,
        status,
        fields,
        braced,
        complete: errors.len() == before,
    })
}

/// `title: "…"`.
fn parse_field(input: ParseStream, errors: &mut Vec<syn::Error>) -> syn::Result<FieldDef> {
    let key: Ident = if input.peek(LitStr) {
        // `"title": "…"`: reported, then read as the key it names.
        let lit: LitStr = input.parse()?;
        let mut key: Ident = lit.parse().map_err(|_| {
            syn::Error::new(lit.span(), "expected a field name, `title` or `handling`")
        })?;
        key.set_span(lit.span());
        errors.push(syn::Error::new(
            lit.span(),
            format!("a field name is written without quotes: `{key}: \"…\"`"),
        ));
        key
    } else {
        let lookahead = input.lookahead1();
        if !lookahead.peek(Ident) {
            return Err(lookahead.error());
        }
        input.parse()?
    };
    if input.peek(Token![=]) {
        let eq: Token![=] = input.parse()?;
        errors.push(syn::Error::new(
            eq.span,
            format!("a field is written with a colon: `{key}: \"…\"`"),
        ));
    } else if input.peek(Token![:]) {
        input.parse::<Token![:]>()?;
    } else {
        return Err(input.error(format!("expected `:` after `{key}`: `{key}: \"…\"`")));
    }
    if key == MEMBERS && input.peek(syn::token::Brace) {
        let content;
        braced!(content in input);
        let members = comma_separated(&content, errors, "member", parse_member);
        return Ok(FieldDef {
            key,
            value: None,
            members: Some(members),
        });
    }
    let value = if input.peek(Lit) {
        Some(input.parse()?)
    } else if key == MEMBERS {
        errors.push(input.error(format!(
            "`{MEMBERS}` takes its members in braces: `{MEMBERS}: {{ balance: integer }}`"
        )));
        skip_until_comma(input);
        None
    } else {
        errors.push(input.error(format!("`{key}` takes a string: `{key}: \"…\"`")));
        skip_until_comma(input);
        None
    };
    Ok(FieldDef {
        key,
        value,
        members: None,
    })
}

/// Items separated by `,` (a trailing one allowed), each parsed by `item`; a failed
/// item is recorded and skipped, and a missing `,` is reported without losing the next
/// item.
fn comma_separated<T>(
    content: ParseStream,
    errors: &mut Vec<syn::Error>,
    what: &str,
    item: fn(ParseStream, &mut Vec<syn::Error>) -> syn::Result<T>,
) -> Vec<T> {
    let mut items = Vec::new();
    while !content.is_empty() {
        if content.peek(Token![,]) {
            errors.push(content.error(format!("expected a {what} before `,`")));
            let _ = content.parse::<Token![,]>();
            continue;
        }
        match item(content, errors) {
            Ok(parsed) => items.push(parsed),
            Err(err) => {
                errors.push(err);
                skip_past_comma(content);
                continue;
            }
        }
        if content.is_empty() {
            break;
        }
        if content.peek(Token![,]) {
            let _ = content.parse::<Token![,]>();
        } else {
            errors.push(content.error(format!("expected `,` before the next {what}")));
        }
    }
    items
}

/// Runs `parse`; on error records it and skips with `skip`, so parsing goes on.
fn recover<T>(
    input: ParseStream,
    errors: &mut Vec<syn::Error>,
    skip: fn(ParseStream),
    parse: impl FnOnce(ParseStream, &mut Vec<syn::Error>) -> syn::Result<T>,
) -> Option<T> {
    match parse(input, errors) {
        Ok(parsed) => Some(parsed),
        Err(err) => {
            errors.push(err);
            skip(input);
            None
        }
    }
}

fn is_comma(tt: &TokenTree) -> bool {
    matches!(tt, TokenTree::Punct(p) if p.as_char() == ',')
}

/// Skips to just after the next `,`, or to the end.
fn skip_past_comma(input: ParseStream) {
    skip_until(input, is_comma, true);
}

/// Skips to just before the next `,`, or to the end.
fn skip_until_comma(input: ParseStream) {
    skip_until(input, is_comma, false);
}

/// Skips to just after the end of the item: a `;` or a `{ … }` block.
fn skip_item(input: ParseStream) {
    skip_until(
        input,
        |tt| match tt {
            TokenTree::Punct(p) => p.as_char() == ';',
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            _ => false,
        },
        true,
    );
}

/// Skips token trees up to the first that `last` accepts, and that one too when
/// `inclusive`.
fn skip_until(input: ParseStream, last: impl Fn(&TokenTree) -> bool, inclusive: bool) {
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if last(&tt) {
                if inclusive {
                    rest = next;
                }
                break;
            }
            rest = next;
        }
        Ok(((), rest))
    });
}
