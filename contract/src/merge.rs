//! Registries from several repositories merged into one: teams that cannot compose
//! their catalogs at compile time (`pub catalog All = A + B;`) merge their JSON
//! registries instead, and the gate and the exports take the result.

use core::fmt;

use crate::compat::{Finding, changes};
use crate::{Registry, RegistryEntry, RegistryError};

impl Registry {
    /// The registry named `name` holding every code of `registries`, in their order,
    /// each recording the registry it came from as its [source](RegistryEntry::source)
    /// (a code that already has one keeps it, so merged registries merge again). A code
    /// declared in two registries with the same facts is kept once, with the first
    /// source. Removed codes are merged the same way, and a code removed in one registry
    /// may be live in another only with the facts it had.
    ///
    /// # Errors
    ///
    /// [`MergeError::Conflict`] when a code is declared twice with different facts,
    /// naming both sources and the differences; [`MergeError::Registry`] when the
    /// result breaks a rule of [`Registry::new`].
    ///
    /// ```
    /// use problem_codes_contract::{MergeError, Registry, RegistryEntry};
    ///
    /// let auth = Registry::new("auth-service", vec![
    ///     RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found"),
    /// ])?;
    /// let billing = Registry::new("billing-service", vec![
    ///     RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points"),
    /// ])?;
    /// let merged = Registry::merge("Organisation", [auth.clone(), billing])?;
    /// let sources: Vec<_> = merged.codes().iter().map(|e| (e.code(), e.source())).collect();
    /// assert_eq!(sources, [
    ///     ("AUTH_USER_NOT_FOUND", Some("auth-service")),
    ///     ("POINTS_INSUFFICIENT_BALANCE", Some("billing-service")),
    /// ]);
    ///
    /// let rogue = Registry::new("profile-service", vec![
    ///     RegistryEntry::new("AUTH_USER_NOT_FOUND", 410, "User deleted"),
    /// ])?;
    /// let err = Registry::merge("Organisation", [auth, rogue]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "AUTH_USER_NOT_FOUND is declared by auth-service and by profile-service with other facts: \
    ///      changed status from 404 to 410; changed meaning from \"User not found\" to \"User deleted\""
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(
        name: impl Into<String>,
        registries: impl IntoIterator<Item = Registry>,
    ) -> Result<Registry, MergeError> {
        // Each code once, in the order first seen, live if any registry has it live.
        let mut order: Vec<String> = Vec::new();
        let mut merged = std::collections::BTreeMap::<String, (bool, RegistryEntry)>::new();
        for registry in registries {
            let live = registry.codes().iter().map(|e| (true, e));
            let gone = registry.removed().iter().map(|e| (false, e));
            for (is_live, entry) in live.chain(gone) {
                let entry = match entry.source() {
                    Some(_) => entry.clone(),
                    None => entry.clone().with_source(registry.name()),
                };
                let Some((was_live, first)) = merged.get_mut(entry.code()) else {
                    order.push(entry.code().to_owned());
                    merged.insert(entry.code().to_owned(), (is_live, entry));
                    continue;
                };
                let differences = differences(first, &entry);
                if !differences.is_empty() {
                    return Err(MergeError::Conflict {
                        code: entry.code().to_owned(),
                        first: first.source().unwrap_or_default().to_owned(),
                        second: entry.source().unwrap_or_default().to_owned(),
                        differences,
                    });
                }
                *was_live |= is_live;
            }
        }
        let (codes, removed): (Vec<_>, Vec<_>) = order
            .iter()
            .filter_map(|code| merged.remove(code))
            .partition(|(live, _)| *live);
        let codes = codes.into_iter().map(|(_, entry)| entry).collect();
        let removed = removed.into_iter().map(|(_, entry)| entry).collect();
        Registry::new(name, codes)
            .and_then(|registry| registry.with_removed(removed))
            .map_err(MergeError::Registry)
    }
}

/// Every fact in which `second` differs from `first`, one line each, without the code.
fn differences(first: &RegistryEntry, second: &RegistryEntry) -> Vec<String> {
    changes(first, second)
        .iter()
        .map(|change: &Finding| {
            let line = change.to_string();
            line.strip_prefix(first.code())
                .map_or_else(|| line.clone(), |rest| rest.trim_start().to_owned())
        })
        .collect()
}

/// Why registries could not be merged.
///
/// See the example on [`Registry::merge`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MergeError {
    /// A code is declared by two registries with different facts.
    Conflict {
        /// The code.
        code: String,
        /// The source of its first declaration.
        first: String,
        /// The source of the one that differs.
        second: String,
        /// How the second differs from the first, one line per fact.
        differences: Vec<String>,
    },
    /// The merged registry breaks a rule of [`Registry::new`].
    Registry(RegistryError),
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::Conflict {
                code,
                first,
                second,
                differences,
            } => write!(
                f,
                "{code} is declared by {first} and by {second} with other facts: {}",
                differences.join("; ")
            ),
            MergeError::Registry(err) => write!(f, "the merged registry: {err}"),
        }
    }
}

impl std::error::Error for MergeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            MergeError::Registry(err) => Some(err),
            MergeError::Conflict { .. } => None,
        }
    }
}
