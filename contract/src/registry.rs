//! The catalog as owned data: what the exports render, what a snapshot holds, and what
//! the importer reads out of a Markdown table.

use core::fmt;

use problem_codes::{Catalog, Entry, Framing, Lifecycle, is_error_status, is_valid_code};

/// Every code of a catalog with its facts, in declaration order, as owned data.
///
/// A registry is built from a compiled catalog with [`Registry::of`], parsed from the
/// JSON export (a committed snapshot) with [`Registry::from_json`], or assembled by
/// hand. It renders every export: [`to_markdown`](Registry::to_markdown),
/// [`to_json`](Registry::to_json), [`to_typescript`](Registry::to_typescript) and
/// [`to_html`](Registry::to_html).
///
/// ```
/// use problem_codes_contract::Registry;
/// use problem_codes::error_catalog;
///
/// error_catalog! {
///     pub catalog Auth {
///         section "Auth" {
///             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
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
    /// The text around the tables of the catalog's document: a compiled catalog's
    /// [`Catalog::FRAMING`], none otherwise.
    framing: Framing,
}

impl Registry {
    /// The registry of a compiled catalog: every code in declaration order, with the
    /// type URIs the catalog's `type_base` gives them.
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    /// use problem_codes::error_catalog;
    ///
    /// error_catalog! {
    ///     pub catalog Auth {
    ///         type_base = "https://errors.example.com/";
    ///         section "Auth" {
    ///             AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
    ///             AUTH_OTP_WRONG = 401 { title: "Invalid OTP code" },
    ///         }
    ///     }
    /// }
    ///
    /// let registry = Registry::of::<Auth>();
    /// let codes: Vec<&str> = registry.codes().iter().map(|e| e.code()).collect();
    /// assert_eq!(codes, ["AUTH_USER_NOT_FOUND", "AUTH_OTP_WRONG"]);
    /// assert_eq!(registry.codes()[1].type_uri(), "https://errors.example.com/auth-otp-wrong");
    /// ```
    #[must_use]
    pub fn of<C: Catalog>() -> Registry {
        Registry {
            name: C::NAME.to_owned(),
            codes: C::entries().map(RegistryEntry::from_entry).collect(),
            framing: C::FRAMING,
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
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryError};
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
            framing: Framing::NONE,
        })
    }

    /// The text around the tables of the catalog's document, from its doc comments
    /// ([`Catalog::FRAMING`]); none for a registry not made by [`Registry::of`]. The
    /// Markdown export writes it with [`MarkdownOptions::of`](crate::export::MarkdownOptions::of)
    /// or [`Registry::to_document`].
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    ///
    /// problem_codes::error_catalog! {
    ///     /// # HTTP Error Codes
    ///     pub catalog Auth { section "Auth" { AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } }
    /// }
    ///
    /// assert_eq!(Registry::of::<Auth>().framing().title(), Some("HTTP Error Codes"));
    /// assert_eq!(Registry::new("Auth", Vec::new())?.framing().title(), None);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn framing(&self) -> Framing {
        self.framing
    }

    /// The catalog's name, e.g. `Eryao`: the name of a compiled catalog, or the one
    /// given to [`Registry::new`].
    ///
    /// ```
    /// use problem_codes_contract::Registry;
    ///
    /// assert_eq!(Registry::new("Eryao", Vec::new())?.name(), "Eryao");
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every code, in declaration order.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Auth", vec![
    ///     RegistryEntry::new("AUTH_B_CODE", 401, "B"),
    ///     RegistryEntry::new("AUTH_A_CODE", 404, "A"),
    /// ])?;
    /// let statuses: Vec<(&str, u16)> = registry.codes().iter().map(|e| (e.code(), e.status())).collect();
    /// assert_eq!(statuses, [("AUTH_B_CODE", 401), ("AUTH_A_CODE", 404)]);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn codes(&self) -> &[RegistryEntry] {
        &self.codes
    }

    /// The facts of `code`, if the registry has it.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")])?;
    /// assert_eq!(registry.get("AUTH_USER_NOT_FOUND").map(|e| e.status()), Some(404));
    /// assert!(registry.get("AUTH_NOPE").is_none());
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&RegistryEntry> {
        self.codes.iter().find(|entry| entry.code == code)
    }

    /// The sections in order: each run of consecutive codes that share a section, with
    /// its name.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry};
    ///
    /// let registry = Registry::new("Eryao", vec![
    ///     RegistryEntry::new("AUTH_A", 401, "A").with_section("Auth"),
    ///     RegistryEntry::new("AUTH_B", 401, "B").with_section("Auth"),
    ///     RegistryEntry::new("AVATAR_C", 422, "C").with_section("Avatar"),
    /// ])?;
    /// let sections: Vec<(&str, usize)> =
    ///     registry.sections().map(|(name, codes)| (name, codes.len())).collect();
    /// assert_eq!(sections, [("Auth", 2), ("Avatar", 1)]);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
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
/// use problem_codes_contract::RegistryEntry;
/// use problem_codes::Lifecycle;
///
/// let entry = RegistryEntry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code")
///     .with_handling("Prompt user to re-enter code")
///     .with_section("Auth")
///     .with_type_uri("https://errors.example.com/auth-otp-wrong")
///     .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID".into()));
/// assert_eq!((entry.code(), entry.status()), ("AUTH_OTP_WRONG", 401));
/// assert_eq!(entry.title(), "Invalid OTP code");
/// assert_eq!(entry.handling(), "Prompt user to re-enter code");
/// assert_eq!(entry.section(), "Auth");
/// assert_eq!(entry.type_uri(), "https://errors.example.com/auth-otp-wrong");
/// assert_eq!(entry.lifecycle(), Lifecycle::Deprecated);
/// assert_eq!(entry.replacement(), Some("AUTH_VERIFICATION_CODE_INVALID"));
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
    ///
    /// The code and status are checked when the entry joins a [`Registry`], by
    /// [`Registry::new`].
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    /// use problem_codes::Lifecycle;
    ///
    /// let entry = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found");
    /// assert_eq!(entry.type_uri(), "/problems/auth-user-not-found");
    /// assert_eq!((entry.handling(), entry.section()), ("", ""));
    /// assert_eq!(entry.lifecycle(), Lifecycle::Active);
    /// ```
    #[must_use]
    pub fn new(code: impl Into<String>, status: u16, title: impl Into<String>) -> RegistryEntry {
        let code = code.into();
        RegistryEntry {
            type_uri: format!(
                "{}{}",
                problem_codes::DEFAULT_TYPE_BASE,
                problem_codes::slug(&code)
            ),
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
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    /// use problem_codes::ProblemCode;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
    /// # } } }
    ///
    /// let entry = RegistryEntry::from_entry(Auth::AUTH_USER_NOT_FOUND.entry());
    /// assert_eq!((entry.code(), entry.status()), ("AUTH_USER_NOT_FOUND", 404));
    /// assert_eq!(entry.handling(), "Show not-found message");
    /// assert_eq!(entry.section(), "Auth");
    /// ```
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
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    ///
    /// let entry = RegistryEntry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled")
    ///     .with_handling("Show wait message");
    /// assert_eq!(entry.handling(), "Show wait message");
    /// ```
    #[must_use]
    pub fn with_handling(mut self, handling: impl Into<String>) -> RegistryEntry {
        self.handling = handling.into();
        self
    }

    /// Sets the section; consecutive entries with the same section form one of
    /// [`Registry::sections`].
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    ///
    /// let entry = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found").with_section("Auth");
    /// assert_eq!(entry.section(), "Auth");
    /// ```
    #[must_use]
    pub fn with_section(mut self, section: impl Into<String>) -> RegistryEntry {
        self.section = section.into();
        self
    }

    /// Sets the problem type URI, in place of the default `/problems/<slug>`.
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    ///
    /// let entry = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")
    ///     .with_type_uri("https://errors.example.com/auth-user-not-found");
    /// assert_eq!(entry.type_uri(), "https://errors.example.com/auth-user-not-found");
    /// ```
    #[must_use]
    pub fn with_type_uri(mut self, type_uri: impl Into<String>) -> RegistryEntry {
        self.type_uri = type_uri.into();
        self
    }

    /// Marks the code deprecated, with the code that replaces it, if any.
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    /// use problem_codes::Lifecycle;
    ///
    /// let replaced = RegistryEntry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code")
    ///     .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID".to_owned()));
    /// assert_eq!(replaced.lifecycle(), Lifecycle::Deprecated);
    /// assert_eq!(replaced.replacement(), Some("AUTH_VERIFICATION_CODE_INVALID"));
    ///
    /// let retired = RegistryEntry::new("AUTH_LEGACY_LOGIN", 410, "Legacy login removed").with_deprecated(None);
    /// assert_eq!(retired.lifecycle(), Lifecycle::Deprecated);
    /// assert_eq!(retired.replacement(), None);
    /// ```
    #[must_use]
    pub fn with_deprecated(mut self, replacement: Option<String>) -> RegistryEntry {
        self.lifecycle = Lifecycle::Deprecated;
        self.replacement = replacement;
        self
    }

    /// The code, e.g. `AUTH_TOO_MANY_REQUESTS`.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The HTTP status.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The title: the "meaning" column.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The frontend handling text; empty when not given.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn handling(&self) -> &str {
        &self.handling
    }

    /// The section; empty when not given.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn section(&self) -> &str {
        &self.section
    }

    /// The problem type URI.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn type_uri(&self) -> &str {
        &self.type_uri
    }

    /// Active or deprecated.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn lifecycle(&self) -> Lifecycle {
        self.lifecycle
    }

    /// The code that replaces this deprecated one, if named.
    ///
    /// See the example on [`RegistryEntry`].
    #[must_use]
    pub fn replacement(&self) -> Option<&str> {
        self.replacement.as_deref()
    }

    /// The code's slug, `auth-too-many-requests`: the last segment of the type URI a
    /// catalog gives the code, and the folder of its page in the
    /// [HTML export](Registry::to_html). It is made from the code, whatever the type URI.
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    ///
    /// let entry = RegistryEntry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled");
    /// assert_eq!(entry.slug(), "auth-too-many-requests");
    /// assert_eq!(entry.with_type_uri("https://example.com/throttled").slug(), "auth-too-many-requests");
    /// ```
    #[must_use]
    pub fn slug(&self) -> String {
        problem_codes::slug(&self.code)
    }
}

/// Why a registry could not be built or read.
///
/// ```
/// use problem_codes_contract::{Registry, RegistryEntry, RegistryError};
///
/// let err = Registry::new("Auth", vec![RegistryEntry::new("AUTH_OK", 200, "Fine")]).unwrap_err();
/// assert_eq!(err, RegistryError::InvalidStatus { code: "AUTH_OK".into(), status: 200 });
/// assert_eq!(err.to_string(), "`AUTH_OK` has status 200; a problem status is 400 to 599");
///
/// let err = Registry::new("Auth", vec![RegistryEntry::new("authFailed", 401, "Failed")]).unwrap_err();
/// assert!(matches!(err, RegistryError::InvalidCode { code } if code == "authFailed"));
///
/// assert!(matches!(Registry::from_json("{"), Err(RegistryError::Json { .. })));
/// ```
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
