//! The catalog as owned data: what the exports render, what a snapshot holds, and what
//! the importer reads out of a Markdown table.

use core::fmt;

use crate::{Catalog, Entry, Lifecycle, is_error_status, is_valid_code};

/// Every code of a catalog with its facts, in declaration order, as owned data.
///
/// A registry is built from a compiled catalog with [`Registry::of`], parsed from the
/// JSON export (a committed snapshot) with [`Registry::from_json`], or assembled by
/// hand. It renders every export: [`to_markdown`](Registry::to_markdown),
/// [`to_json`](Registry::to_json), [`to_typescript`](Registry::to_typescript) and
/// [`to_html`](Registry::to_html).
///
/// ```
/// use problem_codes::{Registry, error_catalog};
///
/// error_catalog! {
///     pub catalog Auth {
///         section "Auth" {
///             AUTH_TOO_MANY_REQUESTS = 429 { meaning: "OTP request throttled", handling: "Show wait message" },
///         }
///     }
/// }
///
/// let registry = Registry::of::<Auth>();
/// assert_eq!(registry.name(), "Auth");
/// let entry = registry.get("AUTH_TOO_MANY_REQUESTS").unwrap();
/// assert_eq!((entry.status(), entry.title()), (429, "OTP request throttled"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    name: String,
    codes: Vec<RegistryEntry>,
}

impl Registry {
    /// The registry of a compiled catalog.
    #[must_use]
    pub fn of<C: Catalog>() -> Registry {
        Registry {
            name: C::NAME.to_owned(),
            codes: C::entries().map(RegistryEntry::from_entry).collect(),
        }
    }

    /// A registry named `name` holding `codes` in this order.
    ///
    /// # Errors
    ///
    /// [`RegistryError`] when a code is not of the AIP-193 shape, a status is not
    /// 400–599, or a code appears twice.
    ///
    /// ```
    /// use problem_codes::{Registry, RegistryEntry, RegistryError};
    ///
    /// let one = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found");
    /// assert!(Registry::new("Auth", vec![one.clone()]).is_ok());
    /// let twice = Registry::new("Auth", vec![one.clone(), one]).unwrap_err();
    /// assert_eq!(twice, RegistryError::DuplicateCode { code: "AUTH_USER_NOT_FOUND".into() });
    /// ```
    pub fn new(
        name: impl Into<String>,
        codes: Vec<RegistryEntry>,
    ) -> Result<Registry, RegistryError> {
        let mut seen = std::collections::BTreeSet::new();
        for entry in &codes {
            if !is_valid_code(&entry.code) {
                return Err(RegistryError::InvalidCode {
                    code: entry.code.clone(),
                });
            }
            if !is_error_status(entry.status) {
                return Err(RegistryError::InvalidStatus {
                    code: entry.code.clone(),
                    status: entry.status,
                });
            }
            if !seen.insert(entry.code.as_str()) {
                return Err(RegistryError::DuplicateCode {
                    code: entry.code.clone(),
                });
            }
        }
        Ok(Registry {
            name: name.into(),
            codes,
        })
    }

    /// The catalog's name, e.g. `Eryao`.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every code, in declaration order.
    #[must_use]
    pub fn codes(&self) -> &[RegistryEntry] {
        &self.codes
    }

    /// The facts of `code`, if the registry has it.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&RegistryEntry> {
        self.codes.iter().find(|entry| entry.code == code)
    }

    /// The sections in order: each run of consecutive codes that share a section, with
    /// its name.
    ///
    /// ```
    /// use problem_codes::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Eryao", vec![
    ///     RegistryEntry::new("AUTH_A", 401, "A").with_section("Auth"),
    ///     RegistryEntry::new("AUTH_B", 401, "B").with_section("Auth"),
    ///     RegistryEntry::new("AVATAR_C", 422, "C").with_section("Avatar"),
    /// ])?;
    /// let sections: Vec<(&str, usize)> =
    ///     registry.sections().map(|(name, codes)| (name, codes.len())).collect();
    /// assert_eq!(sections, [("Auth", 2), ("Avatar", 1)]);
    /// # Ok::<(), problem_codes::RegistryError>(())
    /// ```
    pub fn sections(&self) -> impl Iterator<Item = (&str, &[RegistryEntry])> {
        self.codes
            .chunk_by(|a, b| a.section == b.section)
            .map(|codes| (codes.first().map_or("", |e| e.section.as_str()), codes))
    }
}

/// The facts of one code, owned: a row of the catalog.
///
/// ```
/// use problem_codes::{Lifecycle, RegistryEntry};
///
/// let entry = RegistryEntry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code")
///     .with_handling("Prompt user to re-enter code")
///     .with_section("Auth")
///     .with_type_uri("/problems/auth-otp-wrong")
///     .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID".into()));
/// assert_eq!(entry.lifecycle(), Lifecycle::Deprecated);
/// assert_eq!(entry.slug(), "auth-otp-wrong");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RegistryEntry {
    code: String,
    status: u16,
    title: String,
    handling: String,
    section: String,
    type_uri: String,
    lifecycle: Lifecycle,
    replacement: Option<String>,
}

impl RegistryEntry {
    /// An active code with its status and title; its type URI is the default
    /// `/problems/<slug>`, its handling and section empty.
    #[must_use]
    pub fn new(code: impl Into<String>, status: u16, title: impl Into<String>) -> RegistryEntry {
        let code = code.into();
        RegistryEntry {
            type_uri: format!("{}{}", crate::DEFAULT_TYPE_BASE, crate::slug(&code)),
            code,
            status,
            title: title.into(),
            handling: String::new(),
            section: String::new(),
            lifecycle: Lifecycle::Active,
            replacement: None,
        }
    }

    /// The facts of a compiled catalog's entry.
    #[must_use]
    pub fn from_entry(entry: &Entry) -> RegistryEntry {
        RegistryEntry {
            code: entry.code().to_owned(),
            status: entry.status().as_u16(),
            title: entry.title().to_owned(),
            handling: entry.handling().to_owned(),
            section: entry.section().to_owned(),
            type_uri: entry.type_uri().to_owned(),
            lifecycle: entry.lifecycle(),
            replacement: entry.replacement().map(str::to_owned),
        }
    }

    /// Sets the frontend handling text.
    #[must_use]
    pub fn with_handling(mut self, handling: impl Into<String>) -> RegistryEntry {
        self.handling = handling.into();
        self
    }

    /// Sets the section.
    #[must_use]
    pub fn with_section(mut self, section: impl Into<String>) -> RegistryEntry {
        self.section = section.into();
        self
    }

    /// Sets the problem type URI.
    #[must_use]
    pub fn with_type_uri(mut self, type_uri: impl Into<String>) -> RegistryEntry {
        self.type_uri = type_uri.into();
        self
    }

    /// Marks the code deprecated, with the code that replaces it, if any.
    #[must_use]
    pub fn with_deprecated(mut self, replacement: Option<String>) -> RegistryEntry {
        self.lifecycle = Lifecycle::Deprecated;
        self.replacement = replacement;
        self
    }

    /// The code, e.g. `AUTH_TOO_MANY_REQUESTS`.
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The title: the "meaning" column.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The frontend handling text; empty when not given.
    #[must_use]
    pub fn handling(&self) -> &str {
        &self.handling
    }

    /// The section; empty when not given.
    #[must_use]
    pub fn section(&self) -> &str {
        &self.section
    }

    /// The problem type URI.
    #[must_use]
    pub fn type_uri(&self) -> &str {
        &self.type_uri
    }

    /// Active or deprecated.
    #[must_use]
    pub fn lifecycle(&self) -> Lifecycle {
        self.lifecycle
    }

    /// The code that replaces this deprecated one, if named.
    #[must_use]
    pub fn replacement(&self) -> Option<&str> {
        self.replacement.as_deref()
    }

    /// The code's slug, the last segment of its type URI: `auth-too-many-requests`.
    #[must_use]
    pub fn slug(&self) -> String {
        crate::slug(&self.code)
    }
}

/// Why a registry could not be built or read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegistryError {
    /// A code is not of the AIP-193 shape (see [`is_valid_code`]).
    InvalidCode {
        /// The code as written.
        code: String,
    },
    /// A status is not a client or server error, 400–599.
    InvalidStatus {
        /// The code that has it.
        code: String,
        /// The status as written.
        status: u16,
    },
    /// A code appears twice.
    DuplicateCode {
        /// The code.
        code: String,
    },
    /// The JSON document is not a registry: `at` is where (`codes[3].status`).
    Malformed {
        /// The member at fault, as a path.
        at: String,
        /// What was expected there.
        expected: String,
    },
    /// The text is not JSON.
    Json {
        /// The parser's message, with line and column.
        message: String,
    },
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryError::InvalidCode { code } => write!(
                f,
                "`{code}` is not a problem code: write SCREAMING_SNAKE_CASE, 3 to 63 characters"
            ),
            RegistryError::InvalidStatus { code, status } => write!(
                f,
                "`{code}` has status {status}; a problem status is 400 to 599"
            ),
            RegistryError::DuplicateCode { code } => {
                write!(f, "`{code}` appears twice; a code has one row")
            }
            RegistryError::Malformed { at, expected } => {
                write!(
                    f,
                    "not a problem-codes registry: `{at}` should be {expected}"
                )
            }
            RegistryError::Json { message } => write!(f, "not JSON: {message}"),
        }
    }
}

impl std::error::Error for RegistryError {}
