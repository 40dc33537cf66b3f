//! The syntax of `error_catalog!`, parsed as it is written, with every token kept for
//! error spans:
//!
//! ```text
//! /// docs
//! pub catalog Eryao {
//!     type_base = "https://eryao.example/problems/";
//!     section "Auth" {
//!         /// docs
//!         AUTH_SERVICE_UNAVAILABLE = 503 {
//!             meaning: "Auth upstream unavailable",
//!             handling: "Show retry message and allow retry",
//!         },
//!     }
//! }
//!
//! /// A registry of catalogs declared elsewhere, possibly in other crates.
//! pub catalog Registry = Auth + Profile;
//! ```

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::{Attribute, Ident, Lit, LitStr, Path, Token, Visibility, braced};

mod kw {
    syn::custom_keyword!(catalog);
    syn::custom_keyword!(section);
    syn::custom_keyword!(type_base);
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
    pub value: Lit,
}

#[derive(Clone, Copy)]
pub enum SettingKey {
    TypeBase(Span),
    Crate(Span),
}

impl SettingKey {
    pub fn span(self) -> Span {
        match self {
            SettingKey::TypeBase(span) | SettingKey::Crate(span) => span,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SettingKey::TypeBase(_) => "type_base",
            SettingKey::Crate(_) => "crate",
        }
    }
}

pub struct SectionDef {
    pub attrs: Vec<Attribute>,
    pub keyword: Span,
    pub name: LitStr,
    pub codes: Vec<CodeDef>,
}

pub struct CodeDef {
    pub attrs: Vec<Attribute>,
    pub ident: Ident,
    pub status: Lit,
    pub fields: Vec<FieldDef>,
}

pub struct FieldDef {
    pub key: Ident,
    pub value: Lit,
}

impl Parse for Catalogs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut catalogs = Vec::new();
        while !input.is_empty() {
            catalogs.push(input.parse()?);
        }
        if catalogs.is_empty() {
            return Err(input.error(
                "expected a catalog: `pub catalog Name { section \"…\" { CODE = 400 { meaning: \"…\" } } }`",
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
        if input.peek(Token![=]) {
            return Ok(CatalogDef {
                attrs,
                vis,
                ident,
                body: parse_composed(input)?,
            });
        }
        let content;
        braced!(content in input);
        let mut settings = Vec::new();
        let mut sections = Vec::new();
        while !content.is_empty() {
            let lookahead = content.lookahead1();
            if lookahead.peek(Token![#]) || lookahead.peek(kw::section) {
                sections.push(content.parse()?);
            } else if lookahead.peek(kw::type_base) || lookahead.peek(Token![crate]) {
                settings.push(content.parse()?);
            } else {
                return Err(lookahead.error());
            }
        }
        Ok(CatalogDef {
            attrs,
            vis,
            ident,
            body: Body::Defined { settings, sections },
        })
    }
}

/// `= Auth + crate::profile::Profile;`, optionally followed by `{ crate = "…"; }`.
fn parse_composed(input: ParseStream) -> syn::Result<Body> {
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
            settings.push(content.parse()?);
        }
    } else {
        input.parse::<Token![;]>()?;
    }
    Ok(Body::Composed { settings, members })
}

impl Parse for Setting {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let key = if input.peek(Token![crate]) {
            SettingKey::Crate(input.parse::<Token![crate]>()?.span)
        } else {
            SettingKey::TypeBase(input.parse::<kw::type_base>()?.span)
        };
        input.parse::<Token![=]>()?;
        let value: Lit = input.parse()?;
        input.parse::<Token![;]>()?;
        Ok(Setting { key, value })
    }
}

impl Parse for SectionDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = Attribute::parse_outer(input)?;
        let keyword = input.parse::<kw::section>()?.span;
        if input.peek(Ident) {
            let ident: Ident = input.parse()?;
            return Err(syn::Error::new(
                ident.span(),
                format!("a section name is a string: `section \"{ident}\"`"),
            ));
        }
        let name: LitStr = input.parse()?;
        let content;
        braced!(content in input);
        let mut codes = Vec::new();
        while !content.is_empty() {
            codes.push(content.parse()?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        Ok(SectionDef {
            attrs,
            keyword,
            name,
            codes,
        })
    }
}

impl Parse for CodeDef {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let attrs = Attribute::parse_outer(input)?;
        if input.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            return Err(syn::Error::new(
                lit.span(),
                format!(
                    "a code is written bare, not as a string: `{} = 400 {{ … }}`",
                    lit.value()
                ),
            ));
        }
        let lookahead = input.lookahead1();
        if !lookahead.peek(Ident) {
            return Err(lookahead.error());
        }
        let ident: Ident = input.parse()?;
        input.parse::<Token![=]>()?;
        let status: Lit = input.parse()?;
        let content;
        braced!(content in input);
        let mut fields = Vec::new();
        while !content.is_empty() {
            let key: Ident = content.parse()?;
            content.parse::<Token![:]>()?;
            let value: Lit = content.parse()?;
            fields.push(FieldDef { key, value });
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        Ok(CodeDef {
            attrs,
            ident,
            status,
            fields,
        })
    }
}
