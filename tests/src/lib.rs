//! The eryao catalog (`fixtures/eryao-http-error-codes.md`) written in the DSL, shared
//! by the integration tests and the examples.

pub mod eryao;
