//! The eryao catalog (`fixtures/eryao-http-error-codes.md`) written in the DSL, shared
//! by the integration tests and the examples, and a small service that fails with its
//! codes (`service`), served by axum and actix-web.

pub mod eryao;
pub mod service;

#[cfg(feature = "axum")]
pub mod frontend;

/// The fixture imported by `problem_codes_contract::import`, as the importer writes it: the
/// round-trip test compiles it and exports the fixture back from it.
pub mod imported;

pub mod exports;

pub mod oracle;

pub mod pointer;

pub mod scale;

/// The README's code blocks, compiled and run as doctests so the tour stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
