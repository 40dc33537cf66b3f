//! What both macros share: error collection, attribute keys, code and text rules.

pub mod code;
pub mod ctxt;
pub mod integrations;
pub mod json;
pub mod krate;
pub mod member;
pub mod suggest;
pub mod symbol;
pub mod tag;
#[cfg(test)]
pub mod testing;
pub mod tokens;
