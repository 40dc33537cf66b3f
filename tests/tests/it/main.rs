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
mod api_snags;
mod axum_loopback;
mod catalog;
mod cli;
mod compat_gate;
mod compat_history;
mod compat_members;
mod compat_rules;
mod contract_scale;
mod derive;
mod eryao_fixture;
mod export_html;
mod export_injection;
mod export_json;
mod export_markdown;
mod export_typescript;
mod export_typescript_members;
mod fuzz_regressions;
mod grpc_loopback;
mod hardening_escape;
mod hardening_layer;
mod hardening_parse;
mod hardening_rejections;
mod hardening_render_depth;
mod html_members;
mod import;
mod leaks;
mod locale_exports;
mod locale_loopback;
mod locale_negotiate;
mod locale_render;
mod markdown_members;
mod merge;
mod node_reader;
mod openapi;
mod openapi_validate;
mod prop_pointer;
mod prop_render;
mod registry_services;
mod render;
mod rfc9457;
mod scale;
mod serving;
mod skip_impl;
mod tracing;
mod typed_members;
