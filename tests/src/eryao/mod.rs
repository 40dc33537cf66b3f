//! The catalog of `fixtures/eryao-http-error-codes.md`: 24 codes in 5 sections, each
//! section a domain whose team owns its own catalog, composed into the registry `Eryao`
//! that the frontend consumes.

mod agent_points;
mod agent_session;
mod auth;
mod avatar;
mod profile;

pub use agent_points::AgentPoints;
pub use agent_session::AgentSession;
pub use auth::Auth;
pub use avatar::Avatar;
pub use profile::Profile;

problem_codes::error_catalog! {
    /// Codes consumed by the eryao frontend: the union of the five domain catalogs.
    pub catalog Eryao = Auth + AgentPoints + AgentSession + Profile + Avatar;
}

/// The text around the tables of `fixtures/eryao-http-error-codes.md`, for the Markdown
/// export: with it, `Registry::of::<Eryao>().to_markdown(&DOCUMENT)` is the fixture.
pub const DOCUMENT: problem_codes_contract::export::MarkdownOptions<'static> =
    problem_codes_contract::export::MarkdownOptions::new()
        .title("HTTP Error Codes")
        .preamble(
            "This document is the source of truth for backend RFC7807 `code` values consumed by frontend.",
        )
        .closing(
            "Compatibility strategy:\n\n\
             - Additive changes only for new codes.\n\
             - Existing codes must keep semantic meaning.\n\
             - Frontend must map by `code`, not by `detail` text.",
        );
