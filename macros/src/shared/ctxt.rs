//! Collects every error of one macro call, so one compile reports them all, in the order
//! they appear in the source.

use core::cell::RefCell;
use core::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

/// The errors found so far in one macro input. Each entry is an error and the notes
/// that belong to it ("first declared here"), which stay right after it.
#[derive(Default)]
pub struct Ctxt {
    errors: RefCell<Vec<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Ctxt {
        Ctxt::default()
    }

    /// An error spanning the tokens of `node`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, node: T, message: M) {
        self.push(syn::Error::new_spanned(node.into_token_stream(), message));
    }

    /// An error at `span`.
    pub fn error_at<M: Display>(&self, span: Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// An error spanning from `first` to `last`, for one mistake written as several
    /// tokens apart.
    pub fn error_spanning<M: Display>(&self, first: Span, last: Span, message: M) {
        let tokens: proc_macro2::TokenStream = [first, last]
            .into_iter()
            .map(|span| proc_macro2::TokenTree::Ident(proc_macro2::Ident::new("x", span)))
            .collect();
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// A second occurrence at `span`, and a note at `first`, the occurrence it repeats.
    pub fn duplicate<M: Display, N: Display>(&self, span: Span, message: M, first: Span, note: N) {
        self.errors.borrow_mut().push(vec![
            syn::Error::new(span, message),
            syn::Error::new(first, note),
        ]);
    }

    /// An error from a parser.
    pub fn push(&self, error: syn::Error) {
        self.errors.borrow_mut().push(vec![error]);
    }

    /// All errors, in source order, combined into one; `Ok` when there were none.
    pub fn check(self) -> syn::Result<()> {
        let mut groups = self.errors.into_inner();
        // Parsing and validation find mistakes in different passes; the reader wants
        // them top to bottom. The sort is stable, so equal positions keep their order.
        groups.sort_by_key(|group| group.first().map(|error| position(error.span())));
        let mut errors = groups.into_iter().flatten();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

fn position(span: Span) -> (usize, usize) {
    let start = span.start();
    (start.line, start.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_in_source_order_with_notes_kept_after_their_error() {
        let tokens: proc_macro2::TokenStream = "a\nb\nc".parse().unwrap();
        let spans: Vec<Span> = tokens.into_iter().map(|tt| tt.span()).collect();
        let cx = Ctxt::new();
        cx.error_at(spans[2], "third");
        cx.duplicate(spans[1], "second", spans[0], "note on first");
        let messages: Vec<String> = cx
            .check()
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(messages, ["second", "note on first", "third"]);
    }
}
