//! The catalog of `fixtures/eryao-http-error-codes.md`: 24 codes in 5 sections, each
//! section a domain whose team owns its own catalog, composed into the registry `Eryao`
//! that the frontend consumes. `Eryao`'s doc comments hold the document's title,
//! preamble and closing text, so `Registry::of::<Eryao>().to_document()` is the fixture.

mod agent_points;
mod agent_session;
mod auth;
mod avatar;
mod profile;
mod zh_hans;

pub use agent_points::AgentPoints;
pub use agent_session::AgentSession;
pub use auth::Auth;
pub use avatar::Avatar;
pub use profile::Profile;
pub use zh_hans::ZH_HANS;

problem_codes::error_catalog! {
    /// # HTTP Error Codes
    ///
    /// This document is the source of truth for backend RFC7807 `code` values consumed by frontend.
    pub catalog Eryao = Auth + AgentPoints + AgentSession + Profile + Avatar {
        /// Compatibility strategy:
        ///
        /// - Additive changes only for new codes.
        /// - Existing codes must keep semantic meaning.
        /// - Frontend must map by `code`, not by `detail` text.
    }
}
