//! Where clauses for generic inputs: a bound for each field type that mentions a type
//! parameter and needs a trait for its role (as thiserror and serde infer them).

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Generics, Type, WhereClause};

/// Bounds to add, as `(field type, trait path)`.
#[derive(Default)]
pub struct Bounds {
    params: BTreeSet<String>,
    predicates: Vec<TokenStream>,
    seen: BTreeSet<String>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Bounds {
        Bounds {
            params: generics
                .type_params()
                .map(|param| param.ident.to_string())
                .collect(),
            ..Bounds::default()
        }
    }

    /// Whether `ty` mentions a type parameter.
    pub fn is_generic(&self, ty: &Type) -> bool {
        mentions(ty.to_token_stream(), &self.params)
    }

    /// Requires `bound` of `ty`, if `ty` mentions a type parameter.
    pub fn add(&mut self, ty: &Type, bound: TokenStream) {
        if !mentions(ty.to_token_stream(), &self.params) {
            return;
        }
        let predicate = quote!(#ty: #bound);
        if self.seen.insert(predicate.to_string()) {
            self.predicates.push(predicate);
        }
    }

    pub fn where_clause(&self, generics: &Generics) -> Option<WhereClause> {
        let mut clause = generics.where_clause.clone();
        if self.predicates.is_empty() {
            return clause;
        }
        let predicates = &self.predicates;
        let extra: WhereClause = syn::parse_quote!(where #(#predicates),*);
        match &mut clause {
            Some(clause) => clause.predicates.extend(extra.predicates),
            None => clause = Some(extra),
        }
        clause
    }
}

fn mentions(tokens: TokenStream, params: &BTreeSet<String>) -> bool {
    tokens.into_iter().any(|tt| match tt {
        TokenTree::Ident(ident) => params.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
