//! The `detail` format string: `"mime {0} not allowed"`, `"retry in {seconds}s"`. Parsed
//! at compile time so that a wrong field name is a compile error on the string. Named
//! fields are captured by name; tuple fields are passed as positional arguments when the
//! string uses `{0}` to `{n}` all, else rewritten to the names they are bound to.

use std::collections::BTreeSet;

use syn::{Ident, LitStr, Member};

use super::ast::Field;
use crate::shared::suggest::did_you_mean;

/// The trait a format argument needs from its field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FmtTrait {
    Display,
    Debug,
    /// A numeric trait (`x`, `e`, …); no bound is inferred for it.
    Other,
}

/// A piece of a format string, in order.
pub enum Piece {
    Text(String),
    /// A field (index into the variant's fields) and its format spec, if any.
    Arg {
        index: usize,
        spec: Option<String>,
    },
}

pub struct Detail {
    /// The format string: as written, or with `{0}` rewritten to the tuple field's
    /// binding when `args` is empty.
    pub lit: LitStr,
    /// The string split into text and arguments, for the renderer's fast path.
    pub pieces: Vec<Piece>,
    /// The positional arguments, when the string is kept as written. rustc then points
    /// its own errors (a field that is not `Display`) at the placeholder itself.
    pub args: Vec<Ident>,
    /// The fields the string uses (indices into the variant's fields) and their traits.
    pub uses: Vec<(usize, FmtTrait)>,
}

/// Parses `lit` against `fields`; the errors are messages for the literal.
pub fn parse(lit: &LitStr, fields: &[Field]) -> Result<Detail, Vec<String>> {
    let source = lit.value();
    let mut out = String::with_capacity(source.len());
    let mut uses = Vec::new();
    let mut pieces = Vec::new();
    let mut errors = Vec::new();
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push_str("{{");
                push_text(&mut pieces, '{');
            }
            '{' => {
                let mut inner = String::new();
                let mut closed = false;
                for c in chars.by_ref() {
                    if c == '}' {
                        closed = true;
                        break;
                    }
                    inner.push(c);
                }
                if !closed {
                    errors.push(
                        "unclosed `{` in detail; close it with `}`, or write `{{` for a literal brace"
                            .to_owned(),
                    );
                    break;
                }
                let (arg, spec) = match inner.split_once(':') {
                    Some((arg, spec)) => (arg, Some(spec)),
                    None => (inner.as_str(), None),
                };
                match resolve(arg, fields) {
                    Ok(index) => {
                        if let Some(spec) = spec.filter(|s| s.contains('$') || s.contains('*')) {
                            errors.push(format!(
                                "detail format `{{{arg}:{spec}}}` takes its width or precision from an argument; write the number in the string"
                            ));
                        }
                        uses.push((index, fmt_trait(spec.unwrap_or(""))));
                        pieces.push(Piece::Arg {
                            index,
                            spec: spec.map(str::to_owned),
                        });
                        out.push('{');
                        out.push_str(&fields[index].binding.to_string());
                        if let Some(spec) = spec {
                            out.push(':');
                            out.push_str(spec);
                        }
                        out.push('}');
                    }
                    Err(message) => errors.push(message),
                }
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push_str("}}");
                push_text(&mut pieces, '}');
            }
            '}' => {
                errors.push("unmatched `}` in detail; write `}}` for a literal brace".to_owned())
            }
            c => {
                out.push(c);
                push_text(&mut pieces, c);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let positional: BTreeSet<usize> = uses
        .iter()
        .map(|(index, _)| *index)
        .filter(|index| matches!(fields[*index].member, Member::Unnamed(_)))
        .collect();
    let contiguous = positional.iter().copied().eq(0..positional.len());
    if !positional.is_empty() && contiguous {
        return Ok(Detail {
            lit: lit.clone(),
            args: fields[..positional.len()]
                .iter()
                .map(|field| field.binding.clone())
                .collect(),
            uses,
            pieces,
        });
    }
    Ok(Detail {
        lit: LitStr::new(&out, lit.span()),
        args: Vec::new(),
        uses,
        pieces,
    })
}

fn push_text(pieces: &mut Vec<Piece>, c: char) {
    match pieces.last_mut() {
        Some(Piece::Text(text)) => text.push(c),
        _ => pieces.push(Piece::Text(c.to_string())),
    }
}

/// The index of the field that `arg` names.
fn resolve(arg: &str, fields: &[Field]) -> Result<usize, String> {
    if fields.is_empty() {
        return Err(format!(
            "detail refers to `{{{arg}}}`, but there are no fields to format; write the detail as plain text, or add the field"
        ));
    }
    if arg.is_empty() {
        return Err(
            "detail argument `{}` names no field; write the field, e.g. `{0}` or `{name}`"
                .to_owned(),
        );
    }
    if arg.chars().all(|c| c.is_ascii_digit()) {
        let wanted: Option<u32> = arg.parse().ok();
        let found = fields.iter().position(
            |field| matches!(&field.member, Member::Unnamed(index) if Some(index.index) == wanted),
        );
        return found.ok_or_else(|| {
            let tuple_fields = fields
                .iter()
                .filter(|f| matches!(f.member, Member::Unnamed(_)))
                .count();
            if tuple_fields == 0 {
                format!("detail refers to field `{arg}`, but the fields have names; write `{{name}}`")
            } else {
                format!(
                    "detail refers to field `{arg}`, but there {} only {tuple_fields} field{}: `{{0}}`{}",
                    if tuple_fields == 1 { "is" } else { "are" },
                    if tuple_fields == 1 { "" } else { "s" },
                    if tuple_fields > 1 {
                        format!(" to `{{{}}}`", tuple_fields - 1)
                    } else {
                        String::new()
                    }
                )
            }
        });
    }
    let is_ident = arg
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && arg.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !is_ident {
        return Err(format!(
            "detail argument `{{{arg}}}` is not a field; write a field name or index, e.g. `{{name}}` or `{{0}}`"
        ));
    }
    let names = || {
        fields.iter().filter_map(|f| match &f.member {
            Member::Named(ident) => Some(ident.to_string()),
            Member::Unnamed(_) => None,
        })
    };
    let position = fields
        .iter()
        .position(|f| matches!(&f.member, Member::Named(ident) if ident == arg));
    position.ok_or_else(|| {
        let names: Vec<String> = names().collect();
        if names.is_empty() {
            format!("detail refers to `{arg}`, but the fields have no names; write `{{0}}`")
        } else {
            format!(
                "detail refers to `{arg}`, which is not a field{}",
                did_you_mean(arg, names.iter().map(String::as_str))
            )
        }
    })
}

fn fmt_trait(spec: &str) -> FmtTrait {
    if spec.ends_with('?') {
        FmtTrait::Debug
    } else if spec.ends_with(['x', 'X', 'o', 'b', 'e', 'E', 'p']) {
        FmtTrait::Other
    } else {
        FmtTrait::Display
    }
}
