//! The syntax of `catalog_locale!`:
//!
//! ```text
//! /// docs
//! pub locale ZH_HANS for Eryao = "zh-Hans" {
//!     crate = "::path::to::problem_codes";   (optional)
//!     AUTH_TOO_MANY_REQUESTS {
//!         title: "…",
//!         handling: "…",                      (optional)
//!         detail: "… {retry_after} …",        (optional)
//!     },
//! }
//! ```

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, LitStr, Path, Token, Visibility, braced};

mod kw {
    syn::custom_keyword!(locale);
}

/// Every locale of one call.
pub struct Locales {
    pub locales: Vec<LocaleDef>,
}

pub struct LocaleDef {
    pub attrs: Vec<Attribute>,
    pub vis: Visibility,
    pub ident: Ident,
    pub catalog: Path,
    pub tag: LitStr,
    pub krate: Option<(Span, LitStr)>,
    pub entries: Vec<EntryDef>,
}

pub struct EntryDef {
    pub code: Ident,
    pub fields: Vec<(Ident, LitStr)>,
}

impl Parse for Locales {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut locales = Vec::new();
        while !input.is_empty() {
            locales.push(input.parse()?);
        }
        if locales.is_empty() {
            return Err(input.error(
                "expected a locale: `pub locale NAME for Catalog = \"tag\" { CODE { title: \"…\" }, … }`",
            ));
        }
        Ok(Locales { locales })
    }
}

impl Parse for LocaleDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = input.call(Attribute::parse_outer)?;
        let vis: Visibility = input.parse()?;
        input.parse::<kw::locale>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `locale NAME for Catalog = \"tag\" { … }`",
            )
        })?;
        let ident: Ident = input.parse()?;
        input.parse::<Token![for]>().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected `for` and the catalog translated: `locale NAME for Catalog = \"tag\"`",
            )
        })?;
        let catalog: Path = input.parse()?;
        input.parse::<Token![=]>()?;
        let tag: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the locale's BCP 47 tag as a string, e.g. `= \"zh-Hans\"`",
            )
        })?;
        let body;
        braced!(body in input);
        let mut krate = None;
        if body.peek(Token![crate]) {
            let key = body.parse::<Token![crate]>()?;
            body.parse::<Token![=]>()?;
            krate = Some((key.span, body.parse()?));
            body.parse::<Token![;]>()?;
        }
        let mut entries = Vec::new();
        while !body.is_empty() {
            entries.push(body.parse()?);
            if body.is_empty() {
                break;
            }
            body.parse::<Token![,]>()
                .map_err(|e| syn::Error::new(e.span(), "expected `,` between translations"))?;
        }
        Ok(LocaleDef {
            attrs,
            vis,
            ident,
            catalog,
            tag,
            krate,
            entries,
        })
    }
}

impl Parse for EntryDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let code: Ident = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected a code and its translation: `CODE { title: \"…\" }`",
            )
        })?;
        let body;
        braced!(body in input);
        let mut fields = Vec::new();
        while !body.is_empty() {
            let key: Ident = body.parse()?;
            body.parse::<Token![:]>()?;
            let value: LitStr = body.parse().map_err(|e| {
                syn::Error::new(e.span(), format!("`{key}` takes a string: `{key}: \"…\"`"))
            })?;
            fields.push((key, value));
            if body.is_empty() {
                break;
            }
            body.parse::<Token![,]>()
                .map_err(|e| syn::Error::new(e.span(), "expected `,` between fields"))?;
        }
        Ok(EntryDef { code, fields })
    }
}
