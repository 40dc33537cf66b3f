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
