//! The tooling around a [`problem-codes`](https://docs.rs/problem-codes) catalog: the
//! catalog as data, the documents and types generated from it, the gate that keeps its
//! compatibility promise, the importer that turns an existing Markdown table into a
//! catalog, and a command-line front for all of it.
//!
//! This crate is for tests, examples and tools: put it in `[dev-dependencies]`, and the
//! services that link `problem-codes` never compile it.
//!
//! ```toml
//! [dependencies]
//! problem-codes = "0.1"
//!
//! [dev-dependencies]
//! problem-codes-contract = "0.1"
//! ```
//!
//! - A [`Registry`] is every code of a catalog with its facts, built from the compiled
//!   catalog ([`Registry::of`]) or read back from its JSON export. Built from catalogs
//!   and service types together ([`Registry::builder`]), it also holds the codes the
//!   services declare inline and which service sends which code, and gives each
//!   service's own subset ([`Registry::for_service`]) for its docs.
//! - The [exports](export) render it: the Markdown document the catalog replaces, a JSON
//!   registry with its schema, TypeScript for the frontend, HTML pages for the type URIs.
//! - The [compatibility gate](compat) compares it with a committed snapshot and refuses
//!   a removed code or a changed status or meaning.
//! - The [importer](import) turns a Markdown table into `error_catalog!` source.
//! - [`cli`] puts all of it behind a few commands.
//!
//! ```
//! use problem_codes::error_catalog;
//! use problem_codes_contract::Registry;
//! use problem_codes_contract::export::MarkdownOptions;
//!
//! error_catalog! {
//!     pub catalog Auth {
//!         section "Auth" {
//!             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
//!         }
//!     }
//! }
//!
//! let registry = Registry::of::<Auth>();
//! let markdown = registry.to_markdown(&MarkdownOptions::new());
//! assert!(markdown.contains("| `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |"));
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod files;
mod locale;
mod merge;
mod registry;
mod services;

pub mod cli;
pub mod compat;
pub mod export;
pub mod import;

pub use files::MAX_FILE_BYTES;
pub use locale::{RegistryLocale, Translation};
pub use merge::MergeError;
pub use registry::{Conflict, Registry, RegistryEntry, RegistryError, RegistryMember};
pub use services::{RegistryBuilder, ServiceCodes};
