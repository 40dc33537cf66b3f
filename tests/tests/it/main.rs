//! The integration tests, one binary: axum, actix-web, jsonschema and the rest are
//! linked once, not once per file.
//!
//! A concern is a module: add `tests/tests/it/NAME.rs` and a `mod NAME;` line below, in
//! alphabetical order. A module that needs a feature starts with
//! `#![cfg(feature = "…")]`; the loopback helpers are `crate::support`. Run one concern
//! with `cargo test -p problem-codes-tests --test it NAME::`.

mod support;

mod actix_loopback;
mod allocations;
mod axum_loopback;
mod catalog;
mod cli;
mod compat_gate;
mod compat_rules;
mod derive;
mod eryao_fixture;
mod export_html;
mod export_json;
mod export_markdown;
mod export_typescript;
mod fuzz_regressions;
mod import;
mod leaks;
mod openapi;
mod prop_pointer;
mod prop_render;
mod render;
mod rfc9457;
mod scale;
mod serving;
mod skip_impl;
mod tracing;
