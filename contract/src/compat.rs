//! The compatibility gate: the live catalog against a committed snapshot, by the rules a
//! team's error table states for itself — additive changes only, existing codes keep
//! their status and meaning, the frontend maps by `code`.
//!
//! | change | verdict |
//! |---|---|
//! | a code removed | refused: deprecate it instead; once acknowledged, the snapshot keeps it as removed |
//! | a removed code back with the facts it had | allowed, reported |
//! | a removed code back with another status, section, meaning or type | refused, whatever is acknowledged |
//! | status changed | refused |
//! | section moved | refused |
//! | meaning (title) changed | refused |
//! | type URI changed | refused: clients may key on it too |
//! | handling changed | allowed, reported |
//! | a member removed, its type changed, or made required from optional or optional from required | refused: frontends read it |
//! | a required member added to an existing code | refused: bodies sent before lack it |
//! | an optional member added, or a member's doc line changed | allowed, reported |
//! | deprecated, or back to active | allowed, reported |
//! | a code added | allowed, reported |
//! | a locale added, a translation added or changed | allowed, reported |
//! | a locale removed, or a code's translation removed | refused: frontends may show it; acknowledged by the tag, or by the code |
//!
//! A refused change passes only when acknowledged by code: the team says it knows the
//! change breaks its promise, and records the new snapshot. The one exception is a
//! removed code that comes back with another meaning: clients built against the old
//! meaning may still meet it, so no acknowledgement lets it through. The snapshot keeps
//! every removed code with the facts it had, for this check.
//!
//! The snapshot is the [JSON registry](crate::export::json). In a test:
//!
//! ```no_run
//! # problem_codes::error_catalog! { pub catalog Eryao { section "Auth" {
//! #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
//! #[test]
//! fn the_catalog_keeps_its_promises() {
//!     problem_codes_contract::compat::assert_compatible::<Eryao>("tests/eryao.codes.json");
//! }
//! ```
//!
//! Then `PROBLEM_CODES_SNAPSHOT=overwrite cargo test` records the catalog (creating
//! the snapshot, or adding new codes to it), and
//! `PROBLEM_CODES_ACKNOWLEDGE=CODE_A,CODE_B` lets refused changes of those codes through.

use core::fmt;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::{Registry, RegistryEntry, RegistryError};
use problem_codes::{Catalog, Lifecycle, MemberType};

/// The environment variable that asks the gate to write the snapshot: `overwrite`.
///
/// [`Settings::from_env`] reads it, and a failing gate's report names it in the command
/// that records an acknowledged change:
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{check, Report, ACKNOWLEDGE_ENV, SNAPSHOT_ENV};
///
/// let before = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
/// let after = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 503, "Throttled")])?;
/// let report = Report::new(check(&before, &after), Vec::<String>::new());
/// assert_eq!((SNAPSHOT_ENV, ACKNOWLEDGE_ENV), ("PROBLEM_CODES_SNAPSHOT", "PROBLEM_CODES_ACKNOWLEDGE"));
/// assert!(report.to_string().contains("`PROBLEM_CODES_ACKNOWLEDGE=AUTH_SLOW_DOWN PROBLEM_CODES_SNAPSHOT=overwrite cargo test`"));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
pub const SNAPSHOT_ENV: &str = "PROBLEM_CODES_SNAPSHOT";

/// The environment variable that acknowledges refused changes: codes, comma-separated
/// (see the example on [`SNAPSHOT_ENV`]).
pub const ACKNOWLEDGE_ENV: &str = "PROBLEM_CODES_ACKNOWLEDGE";

/// One difference between a snapshot and the live catalog, as [`check`] finds it.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{check, Finding};
///
/// let before = Registry::new("Auth", vec![RegistryEntry::new("AUTH_OLD_CODE", 401, "Old")])?;
/// let after = Registry::new("Auth", vec![RegistryEntry::new("AUTH_NEW_CODE", 401, "New")])?;
/// let findings = check(&before, &after);
/// assert_eq!(findings, [
///     Finding::Removed { code: "AUTH_OLD_CODE".into(), status: 401, title: "Old".into() },
///     Finding::Added { code: "AUTH_NEW_CODE".into(), status: 401, title: "New".into() },
/// ]);
/// assert_eq!(findings[1].to_string(), r#"AUTH_NEW_CODE was added (401 "New")"#);
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Finding {
    /// A code of the snapshot is gone.
    Removed {
        /// The code.
        code: String,
        /// Its status in the snapshot.
        status: u16,
        /// Its title in the snapshot.
        title: String,
    },
    /// A code is served with another status.
    StatusChanged {
        /// The code.
        code: String,
        /// The snapshot's status.
        from: u16,
        /// The live status.
        to: u16,
    },
    /// A code moved to another section.
    SectionMoved {
        /// The code.
        code: String,
        /// The snapshot's section.
        from: String,
        /// The live section.
        to: String,
    },
    /// A code's meaning, its RFC 9457 title, changed.
    MeaningChanged {
        /// The code.
        code: String,
        /// The snapshot's title.
        from: String,
        /// The live title.
        to: String,
    },
    /// A code's problem type URI changed.
    TypeChanged {
        /// The code.
        code: String,
        /// The snapshot's type URI.
        from: String,
        /// The live type URI.
        to: String,
    },
    /// The frontend handling text changed.
    HandlingChanged {
        /// The code.
        code: String,
        /// The snapshot's text.
        from: String,
        /// The live text.
        to: String,
    },
    /// A code was deprecated, or made active again, or its replacement changed.
    LifecycleChanged {
        /// The code.
        code: String,
        /// The snapshot's state.
        from: Lifecycle,
        /// The live state.
        to: Lifecycle,
        /// The live replacement, if any.
        replacement: Option<String>,
    },
    /// A member of the code is gone.
    MemberRemoved {
        /// The code.
        code: String,
        /// The member.
        member: String,
    },
    /// A member's JSON type changed.
    MemberTypeChanged {
        /// The code.
        code: String,
        /// The member.
        member: String,
        /// The snapshot's type.
        from: MemberType,
        /// The live type.
        to: MemberType,
    },
    /// A member was made optional, or required.
    MemberOptionalityChanged {
        /// The code.
        code: String,
        /// The member.
        member: String,
        /// Whether it is optional now.
        optional: bool,
    },
    /// A member is new: refused when required, as bodies sent before lack it.
    MemberAdded {
        /// The code.
        code: String,
        /// The member.
        member: String,
        /// Its type.
        ty: MemberType,
        /// Whether a body may leave it out.
        optional: bool,
    },
    /// A member's documentation line changed.
    MemberDocChanged {
        /// The code.
        code: String,
        /// The member.
        member: String,
    },
    /// A removed code is back with the facts it had when it was removed.
    Restored {
        /// The code.
        code: String,
    },
    /// A removed code is back with another status, section, meaning or type URI:
    /// forbidden, as clients may still hold the old meaning.
    Reused {
        /// The code.
        code: String,
        /// How it differs from the facts it had when it was removed.
        changes: Vec<Finding>,
    },
    /// A code is new.
    Added {
        /// The code.
        code: String,
        /// Its status.
        status: u16,
        /// Its title.
        title: String,
    },
    /// A locale is new.
    LocaleAdded {
        /// Its BCP 47 tag.
        locale: String,
    },
    /// A locale of the snapshot is gone.
    LocaleRemoved {
        /// Its BCP 47 tag.
        locale: String,
    },
    /// A code has a translation in a locale it had none in.
    TranslationAdded {
        /// The code.
        code: String,
        /// The locale's tag.
        locale: String,
    },
    /// A code's translation (title, handling or detail template) changed.
    TranslationChanged {
        /// The code.
        code: String,
        /// The locale's tag.
        locale: String,
    },
    /// A code's translation is gone from a locale that is still there.
    TranslationRemoved {
        /// The code.
        code: String,
        /// The locale's tag.
        locale: String,
    },
}

/// Whether a finding breaks the catalog's promise: see the table in the
/// [module documentation](self).
///
/// ```
/// use problem_codes_contract::compat::{Finding, Verdict};
///
/// let added = Finding::Added { code: "AUTH_NEW_CODE".into(), status: 401, title: "New".into() };
/// assert_eq!(added.verdict(), Verdict::Allowed);
/// let moved = Finding::SectionMoved { code: "AUTH_X_Y".into(), from: "Auth".into(), to: "Profile".into() };
/// assert_eq!(moved.verdict(), Verdict::Refused);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Breaks it beyond repair: the gate fails, acknowledged or not.
    Forbidden,
    /// Breaks it: the gate fails unless the code is acknowledged.
    Refused,
    /// Keeps it: reported only.
    Allowed,
}

impl Finding {
    /// The code the finding is about.
    ///
    /// ```
    /// use problem_codes_contract::compat::Finding;
    ///
    /// let finding = Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 };
    /// assert_eq!(finding.code(), "AUTH_SLOW_DOWN");
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            Finding::Removed { code, .. }
            | Finding::StatusChanged { code, .. }
            | Finding::SectionMoved { code, .. }
            | Finding::MeaningChanged { code, .. }
            | Finding::TypeChanged { code, .. }
            | Finding::HandlingChanged { code, .. }
            | Finding::LifecycleChanged { code, .. }
            | Finding::MemberRemoved { code, .. }
            | Finding::MemberTypeChanged { code, .. }
            | Finding::MemberOptionalityChanged { code, .. }
            | Finding::MemberAdded { code, .. }
            | Finding::MemberDocChanged { code, .. }
            | Finding::Restored { code }
            | Finding::Reused { code, .. }
            | Finding::Added { code, .. }
            | Finding::TranslationAdded { code, .. }
            | Finding::TranslationChanged { code, .. }
            | Finding::TranslationRemoved { code, .. } => code,
            // A locale's finding is about the locale: acknowledged by its tag.
            Finding::LocaleAdded { locale } | Finding::LocaleRemoved { locale } => locale,
        }
    }

    /// Refused or allowed, by the table in the [module documentation](self) (see the
    /// example on [`Verdict`]).
    #[must_use]
    pub fn verdict(&self) -> Verdict {
        match self {
            Finding::Reused { .. } => Verdict::Forbidden,
            Finding::MemberAdded { optional: true, .. } | Finding::MemberDocChanged { .. } => {
                Verdict::Allowed
            }
            Finding::MemberRemoved { .. }
            | Finding::MemberTypeChanged { .. }
            | Finding::MemberOptionalityChanged { .. }
            | Finding::MemberAdded {
                optional: false, ..
            } => Verdict::Refused,
            Finding::Removed { .. }
            | Finding::StatusChanged { .. }
            | Finding::SectionMoved { .. }
            | Finding::MeaningChanged { .. }
            | Finding::TypeChanged { .. }
            | Finding::LocaleRemoved { .. }
            | Finding::TranslationRemoved { .. } => Verdict::Refused,
            Finding::LocaleAdded { .. }
            | Finding::TranslationAdded { .. }
            | Finding::TranslationChanged { .. } => Verdict::Allowed,
            Finding::HandlingChanged { .. }
            | Finding::LifecycleChanged { .. }
            | Finding::Restored { .. }
            | Finding::Added { .. } => Verdict::Allowed,
        }
    }
}

impl fmt::Display for Finding {
    /// One line naming the code: `AUTH_TOO_MANY_REQUESTS changed status from 429 to 503`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Finding::Removed {
                code,
                status,
                title,
            } => write!(
                f,
                "{code} was removed (was {status} {title:?}); codes are never deleted: restore it and mark it `deprecated`"
            ),
            Finding::StatusChanged { code, from, to } => {
                write!(f, "{code} changed status from {from} to {to}")
            }
            Finding::SectionMoved { code, from, to } => {
                write!(f, "{code} moved from section {from:?} to {to:?}")
            }
            Finding::MeaningChanged { code, from, to } => {
                write!(f, "{code} changed meaning from {from:?} to {to:?}")
            }
            Finding::TypeChanged { code, from, to } => {
                write!(f, "{code} changed type URI from {from:?} to {to:?}")
            }
            Finding::HandlingChanged { code, from, to } => {
                write!(f, "{code} changed handling from {from:?} to {to:?}")
            }
            Finding::LifecycleChanged {
                code,
                from,
                to,
                replacement,
            } => {
                // Still deprecated: only the replacement changed.
                match (from == to, replacement) {
                    (true, Some(replacement)) => {
                        write!(f, "{code} stays {to}, now replaced by {replacement}")
                    }
                    (true, None) => write!(f, "{code} stays {to}, now with no replacement"),
                    (false, Some(replacement)) => {
                        write!(f, "{code} went from {from} to {to} (use {replacement})")
                    }
                    (false, None) => write!(f, "{code} went from {from} to {to}"),
                }
            }
            Finding::MemberRemoved { code, member } => {
                write!(f, "{code} no longer has member `{member}`")
            }
            Finding::LocaleAdded { locale } => write!(f, "locale {locale} was added"),
            Finding::LocaleRemoved { locale } => write!(
                f,
                "locale {locale} was removed; frontends may show it: keep its translations"
            ),
            Finding::TranslationAdded { code, locale } => {
                write!(f, "{code} was translated into {locale}")
            }
            Finding::TranslationChanged { code, locale } => {
                write!(f, "{code} changed its {locale} translation")
            }
            Finding::TranslationRemoved { code, locale } => write!(
                f,
                "{code} lost its {locale} translation; frontends may show it: restore it"
            ),
            Finding::MemberTypeChanged {
                code,
                member,
                from,
                to,
            } => write!(
                f,
                "{code} changed the type of member `{member}` from {from} to {to}"
            ),
            Finding::MemberOptionalityChanged {
                code,
                member,
                optional,
            } => {
                let now = if *optional { "optional" } else { "required" };
                write!(f, "{code} made member `{member}` {now}")
            }
            Finding::MemberAdded {
                code,
                member,
                ty,
                optional,
            } => {
                let kind = if *optional { "optional" } else { "required" };
                write!(f, "{code} added {kind} member `{member}` ({ty})")
            }
            Finding::MemberDocChanged { code, member } => {
                write!(f, "{code} changed the doc line of member `{member}`")
            }
            Finding::Restored { code } => {
                write!(f, "{code} was removed and is back with the facts it had")
            }
            Finding::Reused { code, changes } => {
                write!(f, "{code} was removed and is back changed: ")?;
                for (i, change) in changes.iter().enumerate() {
                    let sep = if i == 0 { "" } else { "; " };
                    // Each change names the code already: drop the repetition.
                    let text = change.to_string();
                    let text = text
                        .strip_prefix(code.as_str())
                        .unwrap_or(&text)
                        .trim_start();
                    write!(f, "{sep}{text}")?;
                }
                write!(
                    f,
                    "; a removed code never returns with another meaning, acknowledged or not: give it a new code"
                )
            }
            Finding::Added {
                code,
                status,
                title,
            } => write!(f, "{code} was added ({status} {title:?})"),
        }
    }
}

/// Every difference between `snapshot` and `live`: first the snapshot's codes in its
/// order (removed or changed), then the added codes in the live order.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{check, Finding, Verdict};
///
/// let before = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
/// let after = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 503, "Throttled")])?;
/// let findings = check(&before, &after);
/// assert_eq!(findings, [Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 }]);
/// assert_eq!(findings[0].verdict(), Verdict::Refused);
/// assert_eq!(findings[0].to_string(), "AUTH_SLOW_DOWN changed status from 429 to 503");
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[must_use]
pub fn check(snapshot: &Registry, live: &Registry) -> Vec<Finding> {
    let mut findings = Vec::new();
    for old in snapshot.codes() {
        match live.get(old.code()) {
            Some(new) => findings.extend(changes(old, new)),
            None => findings.push(Finding::Removed {
                code: old.code().to_owned(),
                status: old.status(),
                title: old.title().to_owned(),
            }),
        }
    }
    for new in live.codes() {
        if snapshot.get(new.code()).is_some() {
            continue;
        }
        let Some(old) = snapshot.get_removed(new.code()) else {
            findings.push(Finding::Added {
                code: new.code().to_owned(),
                status: new.status(),
                title: new.title().to_owned(),
            });
            continue;
        };
        let changes = changes(old, new);
        if changes.iter().any(|c| c.verdict() != Verdict::Allowed) {
            findings.push(Finding::Reused {
                code: new.code().to_owned(),
                changes,
            });
        } else {
            findings.push(Finding::Restored {
                code: new.code().to_owned(),
            });
            findings.extend(changes);
        }
    }
    findings.extend(locale_changes(snapshot, live));
    findings
}

/// How the live locales differ from the snapshot's.
fn locale_changes(snapshot: &Registry, live: &Registry) -> Vec<Finding> {
    let mut findings = Vec::new();
    for old in snapshot.locales() {
        let locale = old.tag().to_owned();
        let Some(new) = live.locale(old.tag()) else {
            findings.push(Finding::LocaleRemoved { locale });
            continue;
        };
        for before in old.translations() {
            let code = before.code().to_owned();
            match new.get(before.code()) {
                None => findings.push(Finding::TranslationRemoved {
                    code,
                    locale: locale.clone(),
                }),
                Some(after) if after != before => findings.push(Finding::TranslationChanged {
                    code,
                    locale: locale.clone(),
                }),
                Some(_) => {}
            }
        }
        for after in new.translations() {
            if old.get(after.code()).is_none() {
                findings.push(Finding::TranslationAdded {
                    code: after.code().to_owned(),
                    locale: locale.clone(),
                });
            }
        }
    }
    for new in live.locales() {
        if snapshot.locale(new.tag()).is_none() {
            findings.push(Finding::LocaleAdded {
                locale: new.tag().to_owned(),
            });
        }
    }
    findings
}

/// How the live facts of one code differ from the snapshot's.
pub(crate) fn changes(old: &RegistryEntry, new: &RegistryEntry) -> Vec<Finding> {
    let mut findings = Vec::new();
    let code = old.code().to_owned();
    if old.status() != new.status() {
        findings.push(Finding::StatusChanged {
            code: code.clone(),
            from: old.status(),
            to: new.status(),
        });
    }
    type Change = fn(String, String, String) -> Finding;
    let texts: [(&str, &str, Change); 4] = [
        (old.section(), new.section(), |code, from, to| {
            Finding::SectionMoved { code, from, to }
        }),
        (old.title(), new.title(), |code, from, to| {
            Finding::MeaningChanged { code, from, to }
        }),
        (old.type_uri(), new.type_uri(), |code, from, to| {
            Finding::TypeChanged { code, from, to }
        }),
        (old.handling(), new.handling(), |code, from, to| {
            Finding::HandlingChanged { code, from, to }
        }),
    ];
    for (from, to, finding) in texts {
        if from != to {
            findings.push(finding(code.clone(), from.to_owned(), to.to_owned()));
        }
    }
    if (old.lifecycle(), old.replacement()) != (new.lifecycle(), new.replacement()) {
        findings.push(Finding::LifecycleChanged {
            code: code.clone(),
            from: old.lifecycle(),
            to: new.lifecycle(),
            replacement: new.replacement().map(str::to_owned),
        });
    }
    findings.extend(member_changes(&code, old, new));
    findings
}

/// How the members of one code changed: the snapshot's in order, then the new ones.
fn member_changes(code: &str, old: &RegistryEntry, new: &RegistryEntry) -> Vec<Finding> {
    let mut findings = Vec::new();
    let (code, name) = (
        || code.to_owned(),
        |m: &crate::RegistryMember| m.name().to_owned(),
    );
    for before in old.members() {
        let Some(after) = new.member(before.name()) else {
            findings.push(Finding::MemberRemoved {
                code: code(),
                member: name(before),
            });
            continue;
        };
        if before.ty() != after.ty() {
            findings.push(Finding::MemberTypeChanged {
                code: code(),
                member: name(before),
                from: before.ty(),
                to: after.ty(),
            });
        }
        if before.is_optional() != after.is_optional() {
            findings.push(Finding::MemberOptionalityChanged {
                code: code(),
                member: name(before),
                optional: after.is_optional(),
            });
        }
        if before.doc() != after.doc() {
            findings.push(Finding::MemberDocChanged {
                code: code(),
                member: name(before),
            });
        }
    }
    findings.extend(
        new.members()
            .iter()
            .filter(|after| old.member(after.name()).is_none())
            .map(|after| Finding::MemberAdded {
                code: code(),
                member: name(after),
                ty: after.ty(),
                optional: after.is_optional(),
            }),
    );
    findings
}

/// What the snapshot records after a passing gate: the live codes, and every code
/// that was ever removed and is not back, with the facts it had when it went.
fn next_snapshot(snapshot: &Registry, live: &Registry) -> Result<Registry, RegistryError> {
    let removed = snapshot
        .removed()
        .iter()
        .chain(snapshot.codes())
        .filter(|old| live.get(old.code()).is_none())
        .cloned()
        .collect();
    live.clone().with_removed(removed)
}

/// The findings of a check with the codes whose refused changes are acknowledged.
///
/// Its `Display` is one line per finding, marked `refused`, `acknowledged` or
/// `allowed`, then a summary line.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{check, Report};
///
/// let before = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
/// let after = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Rate limited")])?;
/// let report = Report::new(check(&before, &after), Vec::<String>::new());
/// assert!(!report.is_compatible());
/// let report = Report::new(check(&before, &after), ["AUTH_SLOW_DOWN"]);
/// assert!(report.is_compatible());
/// assert!(report.to_string().starts_with("acknowledged: AUTH_SLOW_DOWN changed meaning"));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    findings: Vec<Finding>,
    acknowledged: BTreeSet<String>,
}

impl Report {
    /// A report of `findings`, with the refused changes of `acknowledged` codes let
    /// through (see the example on [`Report`]).
    #[must_use]
    pub fn new(
        findings: Vec<Finding>,
        acknowledged: impl IntoIterator<Item = impl Into<String>>,
    ) -> Report {
        Report {
            findings,
            acknowledged: acknowledged.into_iter().map(Into::into).collect(),
        }
    }

    /// Every finding, refused, acknowledged or allowed, in the order [`check`] gave
    /// them.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::compat::{check, Report};
    ///
    /// let before = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
    /// let after = Registry::new("Auth", vec![
    ///     RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled").with_handling("Show wait message"),
    /// ])?;
    /// let report = Report::new(check(&before, &after), Vec::<String>::new());
    /// assert_eq!(report.findings().len(), 1);
    /// assert!(report.is_compatible()); // a handling change is allowed
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether a refused finding is let through by an acknowledgement; an allowed
    /// finding never is, as it needs none.
    ///
    /// ```
    /// use problem_codes_contract::compat::{Finding, Report};
    ///
    /// let status = Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 };
    /// let added = Finding::Added { code: "AUTH_NEW_CODE".into(), status: 401, title: "New".into() };
    /// let report = Report::new(vec![status.clone(), added.clone()], ["AUTH_SLOW_DOWN", "AUTH_NEW_CODE"]);
    /// assert!(report.is_acknowledged(&status));
    /// assert!(!report.is_acknowledged(&added));
    /// ```
    #[must_use]
    pub fn is_acknowledged(&self, finding: &Finding) -> bool {
        finding.verdict() == Verdict::Refused && self.acknowledged.contains(finding.code())
    }

    /// The refused findings that are not acknowledged: what fails the gate.
    ///
    /// ```
    /// use problem_codes_contract::compat::{Finding, Report};
    ///
    /// let report = Report::new(vec![
    ///     Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 },
    ///     Finding::MeaningChanged { code: "AUTH_X_Y".into(), from: "X".into(), to: "Y".into() },
    /// ], ["AUTH_X_Y"]);
    /// let refused: Vec<&str> = report.refused().map(Finding::code).collect();
    /// assert_eq!(refused, ["AUTH_SLOW_DOWN"]);
    /// ```
    pub fn refused(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.verdict() != Verdict::Allowed && !self.is_acknowledged(f))
    }

    /// Whether the live catalog keeps the snapshot's promises: no refused finding is
    /// left unacknowledged (see the example on [`Report`]).
    #[must_use]
    pub fn is_compatible(&self) -> bool {
        self.refused().next().is_none()
    }

    /// Acknowledged codes that have no refused change: likely a typo, or a stale
    /// acknowledgement. The report's `Display` notes each one.
    ///
    /// ```
    /// use problem_codes_contract::compat::{Finding, Report};
    ///
    /// let status = Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 };
    /// let report = Report::new(vec![status], ["AUTH_SLOW_DOWN", "AUTH_SLOW_DWON"]);
    /// assert_eq!(report.unused_acknowledgements().collect::<Vec<_>>(), ["AUTH_SLOW_DWON"]);
    /// assert!(report.to_string().contains("note: AUTH_SLOW_DWON is acknowledged but has no refused change"));
    /// ```
    pub fn unused_acknowledgements(&self) -> impl Iterator<Item = &str> {
        self.acknowledged
            .iter()
            .filter(|code| {
                !self
                    .findings
                    .iter()
                    .any(|f| f.code() == *code && f.verdict() != Verdict::Allowed)
            })
            .map(String::as_str)
    }
}

impl fmt::Display for Report {
    /// One line per finding, then a summary whose advice records the snapshot with the
    /// test's environment variables (see [`Report::display_with`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &|codes| {
            format!(
                "`{ACKNOWLEDGE_ENV}={codes} {SNAPSHOT_ENV}=overwrite cargo test` \
                 (or the command `snapshot --acknowledge {codes}`)"
            )
        })
    }
}

impl Report {
    /// The report as its `Display` writes it, but with `record(codes)` as the command
    /// the summary gives for recording the acknowledged snapshot: a command-line front
    /// names its own command.
    ///
    /// ```
    /// use problem_codes_contract::compat::{Finding, Report};
    ///
    /// let report = Report::new(vec![Finding::StatusChanged { code: "AUTH_SLOW_DOWN".into(), from: 429, to: 503 }], Vec::<String>::new());
    /// let text = report.display_with(|codes| format!("`tool snapshot --acknowledge {codes}`")).to_string();
    /// assert!(text.ends_with("record the snapshot with `tool snapshot --acknowledge AUTH_SLOW_DOWN`"));
    /// ```
    pub fn display_with<'a>(
        &'a self,
        record: impl Fn(&str) -> String + 'a,
    ) -> impl fmt::Display + 'a {
        struct With<'a, F>(&'a Report, F);
        impl<F: Fn(&str) -> String> fmt::Display for With<'_, F> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.write(f, &self.1)
            }
        }
        With(self, record)
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, record: &dyn Fn(&str) -> String) -> fmt::Result {
        let (mut refused, mut acknowledged, mut allowed) = (0, 0, 0);
        for finding in &self.findings {
            let mark = match finding.verdict() {
                Verdict::Allowed => {
                    allowed += 1;
                    "allowed"
                }
                Verdict::Forbidden => {
                    refused += 1;
                    "refused"
                }
                Verdict::Refused if self.is_acknowledged(finding) => {
                    acknowledged += 1;
                    "acknowledged"
                }
                Verdict::Refused => {
                    refused += 1;
                    "refused"
                }
            };
            match finding {
                // Let through: the advice to restore the code no longer applies.
                Finding::Removed {
                    code,
                    status,
                    title,
                } if self.is_acknowledged(finding) => {
                    writeln!(f, "{mark}: {code} was removed (was {status} {title:?})")?;
                }
                _ => writeln!(f, "{mark}: {finding}")?,
            }
        }
        for code in self.unused_acknowledgements() {
            writeln!(f, "note: {code} is acknowledged but has no refused change")?;
        }
        if refused > 0 {
            let codes_of = |verdict: Verdict| {
                let mut codes: Vec<&str> = self
                    .refused()
                    .filter(|f| f.verdict() == verdict)
                    .map(Finding::code)
                    .collect();
                codes.dedup();
                codes.join(",")
            };
            let (acknowledgeable, forbidden) =
                (codes_of(Verdict::Refused), codes_of(Verdict::Forbidden));
            write!(
                f,
                "{refused} refused, {acknowledged} acknowledged, {allowed} allowed: "
            )?;
            if !forbidden.is_empty() {
                write!(
                    f,
                    "give {forbidden} a new code, or restore the facts it had"
                )?;
                if !acknowledgeable.is_empty() {
                    write!(f, "; for the rest, ")?;
                }
            }
            if !acknowledgeable.is_empty() {
                write!(
                    f,
                    "revert the change, or acknowledge it and record the snapshot with {}",
                    record(&acknowledgeable)
                )?;
            }
            Ok(())
        } else if self.findings.is_empty() {
            write!(f, "the catalog matches its snapshot")
        } else {
            write!(
                f,
                "compatible: {acknowledged} acknowledged, {allowed} allowed"
            )
        }
    }
}

/// Why the gate could not run, or failed.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{gate, GateError, Settings};
///
/// let live = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
/// let path = std::env::temp_dir().join("problem-codes-doc-no-such-dir/auth.codes.json");
/// let err = gate(&live, &path, &Settings::new()).unwrap_err();
/// assert!(matches!(&err, GateError::Missing { path: p } if *p == path));
/// assert!(err.to_string().ends_with(
///     "; record the catalog with PROBLEM_CODES_SNAPSHOT=overwrite and commit the file"
/// ));
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum GateError {
    /// No snapshot at the path, and writing one was not asked for.
    Missing {
        /// The snapshot's path.
        path: PathBuf,
    },
    /// The snapshot could not be read or written.
    Io {
        /// The snapshot's path.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The snapshot is not a registry document.
    Snapshot {
        /// The snapshot's path.
        path: PathBuf,
        /// What is wrong with it.
        source: RegistryError,
    },
    /// The catalog breaks the snapshot's promises.
    Incompatible {
        /// The snapshot's path.
        path: PathBuf,
        /// Every finding.
        report: Report,
    },
}

impl fmt::Display for GateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GateError::Missing { path } => write!(
                f,
                "no snapshot at {}; record the catalog with {SNAPSHOT_ENV}=overwrite and commit the file",
                path.display()
            ),
            GateError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            GateError::Snapshot { path, source } => write!(f, "{}: {source}", path.display()),
            GateError::Incompatible { path, report } => {
                write!(f, "the catalog breaks {}:\n{report}", path.display())
            }
        }
    }
}

impl std::error::Error for GateError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            GateError::Io { source, .. } => Some(source),
            GateError::Snapshot { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// How the gate runs: whether to write the snapshot, and which codes' refused changes
/// are acknowledged.
///
/// ```
/// use problem_codes_contract::compat::Settings;
///
/// let settings = Settings::new().overwrite(true).acknowledge(["AUTH_SLOW_DOWN"]);
/// assert!(settings.overwrites());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    overwrite: bool,
    acknowledged: Vec<String>,
}

impl Settings {
    /// Check only; nothing acknowledged.
    ///
    /// ```
    /// use problem_codes_contract::compat::Settings;
    ///
    /// assert!(!Settings::new().overwrites());
    /// assert_eq!(Settings::new(), Settings::default());
    /// ```
    #[must_use]
    pub fn new() -> Settings {
        Settings::default()
    }

    /// From the environment: [`SNAPSHOT_ENV`] set to `overwrite` writes the snapshot,
    /// [`ACKNOWLEDGE_ENV`] lists acknowledged codes, comma-separated. This is what
    /// [`assert_compatible`] uses.
    ///
    /// ```
    /// use problem_codes_contract::compat::{Settings, SNAPSHOT_ENV};
    ///
    /// // `PROBLEM_CODES_SNAPSHOT=overwrite cargo test` writes the snapshot.
    /// let asked = std::env::var(SNAPSHOT_ENV).is_ok_and(|v| v.trim() == "overwrite");
    /// assert_eq!(Settings::from_env().overwrites(), asked);
    /// ```
    #[must_use]
    pub fn from_env() -> Settings {
        let overwrite = std::env::var(SNAPSHOT_ENV).is_ok_and(|v| v.trim() == "overwrite");
        let acknowledged = std::env::var(ACKNOWLEDGE_ENV).unwrap_or_default();
        Settings::new()
            .overwrite(overwrite)
            .acknowledge(split_codes(&acknowledged))
    }

    /// Whether to write the live catalog to the snapshot when it is compatible (see the
    /// example on [`Outcome`]).
    #[must_use]
    pub fn overwrite(mut self, overwrite: bool) -> Settings {
        self.overwrite = overwrite;
        self
    }

    /// Acknowledges the refused changes of `codes`; called again, it adds to them.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    /// use problem_codes_contract::compat::{gate, Settings};
    ///
    /// let dir = std::env::temp_dir().join(format!("problem-codes-ack-{}", std::process::id()));
    /// let path = dir.join("auth.codes.json");
    /// let v1 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
    /// gate(&v1, &path, &Settings::new().overwrite(true))?;
    ///
    /// let v2 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 503, "Throttled")])?;
    /// assert!(gate(&v2, &path, &Settings::new()).is_err());
    /// let outcome = gate(&v2, &path, &Settings::new().acknowledge(["AUTH_SLOW_DOWN"]))?;
    /// assert!(outcome.report().is_compatible());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn acknowledge(mut self, codes: impl IntoIterator<Item = impl Into<String>>) -> Settings {
        self.acknowledged.extend(codes.into_iter().map(Into::into));
        self
    }

    /// Whether the snapshot is written (see the example on [`Settings`]).
    #[must_use]
    pub fn overwrites(&self) -> bool {
        self.overwrite
    }

    /// The codes whose refused changes are acknowledged, in the order given.
    ///
    /// ```
    /// use problem_codes_contract::compat::Settings;
    ///
    /// let settings = Settings::new().acknowledge(["AUTH_SLOW_DOWN", "AUTH_GONE"]);
    /// assert_eq!(settings.acknowledged(), ["AUTH_SLOW_DOWN", "AUTH_GONE"]);
    /// assert!(Settings::new().acknowledged().is_empty());
    /// ```
    #[must_use]
    pub fn acknowledged(&self) -> &[String] {
        &self.acknowledged
    }
}

/// Codes from a comma-separated list, blanks ignored.
pub(crate) fn split_codes(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect()
}

/// What a passing gate did: its report, and whether it wrote the snapshot.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{gate, Settings};
///
/// let dir = std::env::temp_dir().join(format!("problem-codes-outcome-{}", std::process::id()));
/// let path = dir.join("auth.codes.json");
/// let v1 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_X_Y", 400, "X")])?;
/// let created = gate(&v1, &path, &Settings::new().overwrite(true))?;
/// assert!(created.written());
/// assert_eq!(created.report().findings().len(), 1); // AUTH_X_Y was added
///
/// let unchanged = gate(&v1, &path, &Settings::new().overwrite(true))?;
/// assert!(!unchanged.written());
/// assert!(unchanged.report().findings().is_empty());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    report: Report,
    written: bool,
}

impl Outcome {
    /// The findings (see the example on [`Outcome`]).
    #[must_use]
    pub fn report(&self) -> &Report {
        &self.report
    }

    /// Whether the snapshot was written: asked to, and the live catalog differed from
    /// it (see the example on [`Outcome`]).
    #[must_use]
    pub fn written(&self) -> bool {
        self.written
    }
}

/// Runs the gate: checks `live` against the snapshot at `path` and, when compatible and
/// asked to, writes `live` there (a missing snapshot is created).
///
/// # Errors
///
/// [`GateError::Incompatible`] with the report when a refused change is not
/// acknowledged (nothing is written then), [`GateError::Missing`] when there is no
/// snapshot and writing was not asked for, and the errors of reading or writing it.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry};
/// use problem_codes_contract::compat::{gate, GateError, Settings};
///
/// let dir = std::env::temp_dir().join(format!("problem-codes-gate-{}", std::process::id()));
/// let path = dir.join("auth.codes.json");
/// let v1 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 429, "Throttled")])?;
/// gate(&v1, &path, &Settings::new().overwrite(true))?;          // recorded
///
/// let v2 = Registry::new("Auth", vec![RegistryEntry::new("AUTH_SLOW_DOWN", 503, "Throttled")])?;
/// let err = gate(&v2, &path, &Settings::new()).unwrap_err();
/// assert!(matches!(err, GateError::Incompatible { .. }));
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn gate(live: &Registry, path: &Path, settings: &Settings) -> Result<Outcome, GateError> {
    let snapshot = match crate::files::read_text(path, crate::files::MAX_FILE_BYTES) {
        Ok(text) => Registry::from_json(&text).map_err(|source| GateError::Snapshot {
            path: path.to_owned(),
            source,
        })?,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && settings.overwrite => {
            Registry::new(live.name(), Vec::new()).map_err(|source| GateError::Snapshot {
                path: path.to_owned(),
                source,
            })?
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            return Err(GateError::Missing {
                path: path.to_owned(),
            });
        }
        Err(source) => {
            return Err(GateError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let report = Report::new(
        check(&snapshot, live),
        settings.acknowledged.iter().cloned(),
    );
    if !report.is_compatible() {
        return Err(GateError::Incompatible {
            path: path.to_owned(),
            report,
        });
    }
    let next = next_snapshot(&snapshot, live).map_err(|source| GateError::Snapshot {
        path: path.to_owned(),
        source,
    })?;
    let written = settings.overwrite && snapshot != next;
    if written {
        crate::files::write_atomic(path, next.to_json().as_bytes()).map_err(|source| {
            GateError::Io {
                path: path.to_owned(),
                source,
            }
        })?;
    }
    Ok(Outcome { report, written })
}

/// The gate as a one-line test: checks catalog `C` against the snapshot at `path`, with
/// [`Settings::from_env`].
///
/// A relative `path` is resolved against `CARGO_MANIFEST_DIR` when that variable is set
/// at run time (`cargo test` and `cargo run` set it to the package's root), else against
/// the working directory; [`Cli::snapshot`](crate::cli::Cli::snapshot) resolves its path
/// the same way, so a test and the CLI of one package name the same file alike.
///
/// ```no_run
/// # problem_codes::error_catalog! { pub catalog Eryao { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
/// problem_codes_contract::compat::assert_compatible::<Eryao>("tests/eryao.codes.json");
/// ```
///
/// # Panics
///
/// When the gate fails (see [`gate`]), with its report: that is how a test fails.
#[track_caller]
pub fn assert_compatible<C: Catalog>(path: impl AsRef<Path>) {
    assert_registry_compatible(&Registry::of::<C>(), path.as_ref());
}

/// [`assert_compatible`] for the catalog `C` with its `locales`: the snapshot keeps
/// their translations, and the gate refuses removing a locale or a code's translation
/// (acknowledged by the locale's tag, or by the code).
///
/// ```no_run
/// # problem_codes::error_catalog! { pub catalog Eryao { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
/// # problem_codes::catalog_locale! { pub locale ZH_HANS for Eryao = "zh-Hans" {
/// #     AUTH_USER_NOT_FOUND { title: "用户不存在" } } }
/// #[test]
/// fn the_catalog_and_its_translations_keep_their_promises() {
///     problem_codes_contract::compat::assert_compatible_in::<Eryao>("tests/eryao.codes.json", &[&ZH_HANS]);
/// }
/// ```
///
/// # Panics
///
/// As [`assert_compatible`] does.
#[track_caller]
pub fn assert_compatible_in<C: Catalog>(
    path: impl AsRef<Path>,
    locales: &[&problem_codes::Locale],
) {
    let registry = locales
        .iter()
        .fold(Registry::of::<C>(), |registry, locale| {
            registry.with_locale(locale)
        });
    assert_registry_compatible(&registry, path.as_ref());
}

#[track_caller]
fn assert_registry_compatible(live: &Registry, path: &Path) {
    let path = resolve_snapshot(path);
    let path = path.as_path();
    match gate(live, path, &Settings::from_env()) {
        Ok(outcome) => {
            if !outcome.report.findings().is_empty() {
                eprintln!("{}", outcome.report);
            }
            if outcome.written {
                eprintln!("wrote {}: commit it", path.display());
            } else if !outcome.report.findings().is_empty() {
                eprintln!("record these changes with {SNAPSHOT_ENV}=overwrite");
            }
        }
        Err(err) => panic!("{err}"),
    }
}

/// A snapshot path as [`assert_compatible`] documents it: a relative path is taken from
/// `CARGO_MANIFEST_DIR` when set at run time, else from the working directory.
pub(crate) fn resolve_snapshot(path: &Path) -> PathBuf {
    match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(root) if path.is_relative() => Path::new(&root).join(path),
        _ => path.to_owned(),
    }
}
