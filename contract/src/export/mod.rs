//! The catalog rendered for the people and programs around the service: Markdown (the
//! document the catalog replaces), a JSON registry with its schema, TypeScript for the
//! frontend, and a static HTML site for the type URIs.
//!
//! Every export starts from a [`Registry`](crate::Registry):
//!
//! ```
//! use problem_codes_contract::Registry;
//! use problem_codes::error_catalog;
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
//! let markdown = registry.to_markdown(&MarkdownOptions::new().title("HTTP Error Codes"));
//! assert!(markdown.contains("| `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |"));
//! assert!(registry.to_json().contains(r#""status": 429"#));
//! assert!(registry.to_typescript().contains(r#"export type AuthCode ="#));
//! assert_eq!(registry.to_html().len(), 2); // the index and one page
//! ```

pub mod html;
mod html_locale;
pub mod json;
pub mod markdown;
pub mod schema;
pub mod typescript;

pub use html::Page;
pub use markdown::MarkdownOptions;
