//! The catalog as owned data: what the exports render, what a snapshot holds, and what
//! the importer reads out of a Markdown table.

use core::fmt;

use crate::ServiceCodes;
use problem_codes::{
    Catalog, Entry, Framing, Lifecycle, Member, MemberType, is_error_status, is_valid_code,
};

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
///
/// Two registries are equal when they have the same name, codes and removed codes: the
/// framing is the document's text around the tables, not a fact of any code, and a
/// snapshot read back from JSON has none.
#[derive(Debug, Clone)]
pub struct Registry {
    name: String,
    codes: Vec<RegistryEntry>,
    /// Codes that were removed, kept so that they never come back with another meaning.
    removed: Vec<RegistryEntry>,
    /// Positions in `codes`, sorted by code, for lookups in O(log n).
    index: Vec<usize>,
    /// Positions in `removed`, sorted by code.
    removed_index: Vec<usize>,
    /// The text around the tables of the catalog's document: a compiled catalog's
    /// [`Catalog::FRAMING`], none otherwise.
    pub(crate) framing: Framing,
    /// The services it was built from, with the codes each can answer with.
    pub(crate) services: Vec<ServiceCodes>,
    /// The catalog's translations, one per locale.
    pub(crate) locales: Vec<crate::RegistryLocale>,
}

impl PartialEq for Registry {
    fn eq(&self, other: &Registry) -> bool {
        (&self.name, &self.codes, &self.removed, &self.locales)
            == (&other.name, &other.codes, &other.removed, &other.locales)
    }
}

impl Eq for Registry {}

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
        let codes: Vec<RegistryEntry> = C::entries().map(RegistryEntry::from_entry).collect();
        Registry {
            name: C::NAME.to_owned(),
            index: sorted_index(&codes),
            codes,
            removed: Vec::new(),
            removed_index: Vec::new(),
            framing: C::FRAMING,
            services: Vec::new(),
            locales: Vec::new(),
        }
    }

    /// A registry named `name` holding `codes` in this order.
    ///
    /// # Errors
    ///
    /// [`RegistryError`] when a code is not of the AIP-193 shape, a status is not
    /// 400–599, a code appears twice, or a field breaks a rule the exports rely on
    /// ([`RegistryError::InvalidField`]: a blank title, a control character, a type that
    /// is not a URI reference, a replacement that is not another code). The same rules
    /// hold for a registry read from JSON, so an export never writes what they exclude.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryError};
    ///
    /// let one = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found");
    /// assert!(Registry::new("Auth", vec![one.clone()]).is_ok());
    /// let twice = Registry::new("Auth", vec![one.clone(), one.clone()]).unwrap_err();
    /// assert_eq!(twice, RegistryError::DuplicateCode { code: "AUTH_USER_NOT_FOUND".into() });
    ///
    /// let injected = one.with_deprecated(Some(r#""><script>alert(1)</script>"#.into()));
    /// let err = Registry::new("Auth", vec![injected]).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the replacement of `AUTH_USER_NOT_FOUND` is not another problem code in SCREAMING_SNAKE_CASE"
    /// );
    /// ```
    pub fn new(
        name: impl Into<String>,
        codes: Vec<RegistryEntry>,
    ) -> Result<Registry, RegistryError> {
        for entry in &codes {
            check_entry(entry)?;
        }
        let index = sorted_index(&codes);
        if let Some(code) = first_duplicate(&codes, &index) {
            return Err(RegistryError::DuplicateCode {
                code: code.to_owned(),
            });
        }
        Ok(Registry {
            name: name.into(),
            codes,
            removed: Vec::new(),
            removed_index: Vec::new(),
            index,
            framing: Framing::NONE,
            services: Vec::new(),
            locales: Vec::new(),
        })
    }

    /// Replaces each code for which `translate` gives a new entry, in place: the codes
    /// keep their order and index.
    pub(crate) fn map_codes(
        &mut self,
        translate: impl Fn(&RegistryEntry) -> Option<RegistryEntry>,
    ) {
        for entry in &mut self.codes {
            if let Some(new) = translate(entry) {
                *entry = new;
            }
        }
    }

    /// The registry with `removed` as its removed codes: the tombstones a
    /// [snapshot](crate::compat) keeps, so that a removed code never comes back with
    /// another status, meaning or members.
    ///
    /// # Errors
    ///
    /// The errors of [`Registry::new`] for the removed codes, and
    /// [`RegistryError::DuplicateCode`] for a code that is both live and removed.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryError};
    ///
    /// let live = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found");
    /// let gone = RegistryEntry::new("AUTH_LEGACY_LOGIN", 410, "Legacy login removed");
    /// let registry = Registry::new("Auth", vec![live.clone()])?.with_removed(vec![gone])?;
    /// assert_eq!(registry.removed()[0].code(), "AUTH_LEGACY_LOGIN");
    /// assert!(registry.get("AUTH_LEGACY_LOGIN").is_none());
    /// assert_eq!(registry.get_removed("AUTH_LEGACY_LOGIN").map(|e| e.status()), Some(410));
    ///
    /// let both = Registry::new("Auth", vec![live.clone()])?.with_removed(vec![live]).unwrap_err();
    /// assert_eq!(both, RegistryError::DuplicateCode { code: "AUTH_USER_NOT_FOUND".into() });
    /// # Ok::<(), RegistryError>(())
    /// ```
    pub fn with_removed(mut self, removed: Vec<RegistryEntry>) -> Result<Registry, RegistryError> {
        for entry in &removed {
            check_entry(entry)?;
            if self.get(&entry.code).is_some() {
                return Err(RegistryError::DuplicateCode {
                    code: entry.code.clone(),
                });
            }
        }
        let removed_index = sorted_index(&removed);
        if let Some(code) = first_duplicate(&removed, &removed_index) {
            return Err(RegistryError::DuplicateCode {
                code: code.to_owned(),
            });
        }
        self.removed = removed;
        self.removed_index = removed_index;
        Ok(self)
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
        find(&self.codes, &self.index, code)
    }

    /// The codes that were removed, in the order they were recorded: a snapshot's
    /// tombstones (see [`Registry::with_removed`]). Empty for a compiled catalog.
    #[must_use]
    pub fn removed(&self) -> &[RegistryEntry] {
        &self.removed
    }

    /// The facts `code` had when it was removed, if it was (see the example on
    /// [`Registry::with_removed`]).
    #[must_use]
    pub fn get_removed(&self, code: &str) -> Option<&RegistryEntry> {
        find(&self.removed, &self.removed_index, code)
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

/// The rules every entry of a registry keeps, however it was made: each export relies
/// on them, on top of escaping what it writes.
fn check_entry(entry: &RegistryEntry) -> Result<(), RegistryError> {
    let code = || entry.code.clone();
    if !is_valid_code(&entry.code) {
        return Err(RegistryError::InvalidCode { code: code() });
    }
    if !is_error_status(entry.status) {
        return Err(RegistryError::InvalidStatus {
            code: code(),
            status: entry.status,
        });
    }
    let invalid = |field: &'static str, reason: &'static str| RegistryError::InvalidField {
        code: code(),
        field,
        reason,
    };
    if entry.title.trim().is_empty() {
        return Err(invalid(
            "title",
            "is blank; the title says what the code means",
        ));
    }
    for (field, text) in [("title", &entry.title), ("handling", &entry.handling)] {
        if text.chars().any(|c| c.is_control() && c != '\n') {
            return Err(invalid(
                field,
                "holds a control character other than a line break",
            ));
        }
    }
    let mut names = std::collections::BTreeSet::new();
    for member in &entry.members {
        if let Err(reason) = Member::check(&member.name, member.ty) {
            return Err(RegistryError::InvalidMember {
                code: code(),
                member: member.name.clone(),
                reason,
            });
        }
        if member.doc.chars().any(char::is_control) {
            return Err(RegistryError::InvalidMember {
                code: code(),
                member: member.name.clone(),
                reason: "its doc line holds a control character or a line break",
            });
        }
        if !names.insert(member.name.as_str()) {
            return Err(RegistryError::InvalidMember {
                code: code(),
                member: member.name.clone(),
                reason: "is declared twice",
            });
        }
    }
    if let Some(source) = &entry.source
        && (source.trim().is_empty() || source.chars().any(char::is_control))
    {
        return Err(invalid("source", "is blank or holds a control character"));
    }
    if entry.section.chars().any(char::is_control) {
        return Err(invalid(
            "section",
            "holds a control character or a line break",
        ));
    }
    if !problem_codes::is_uri_reference(&entry.type_uri) {
        return Err(invalid(
            "type",
            "is not a URI reference (RFC 3986): no spaces, quotes or `<>`, and `%` starts a two-digit escape",
        ));
    }
    if let Some(replacement) = &entry.replacement
        && (!is_valid_code(replacement) || *replacement == entry.code)
    {
        return Err(invalid(
            "replacement",
            "is not another problem code in SCREAMING_SNAKE_CASE",
        ));
    }
    Ok(())
}

/// The positions of `codes`, sorted by code (stable, so the first of equal codes
/// comes first).
fn sorted_index(codes: &[RegistryEntry]) -> Vec<usize> {
    let mut index: Vec<usize> = (0..codes.len()).collect();
    index.sort_by(|&a, &b| codes[a].code.cmp(&codes[b].code));
    index
}

/// The first code, in declaration order, that appears again.
fn first_duplicate<'a>(codes: &'a [RegistryEntry], index: &[usize]) -> Option<&'a str> {
    index
        .windows(2)
        .filter(|pair| codes[pair[0]].code == codes[pair[1]].code)
        .map(|pair| pair[1])
        .min()
        .map(|at| codes[at].code.as_str())
}

fn find<'a>(codes: &'a [RegistryEntry], index: &[usize], code: &str) -> Option<&'a RegistryEntry> {
    index
        .binary_search_by(|&at| codes[at].code.as_str().cmp(code))
        .ok()
        .and_then(|i| index.get(i))
        .and_then(|&at| codes.get(at))
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
    /// Where the code was declared, in a [merged](Registry::merge) registry.
    source: Option<String>,
    /// The extension members its body carries.
    members: Vec<RegistryMember>,
}

/// One extension member of a code, owned: its name, JSON type, whether a body may
/// leave it out, and its documentation line.
///
/// ```
/// use problem_codes::MemberType;
/// use problem_codes_contract::{RegistryEntry, RegistryMember};
///
/// let entry = RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
///     .with_members(vec![
///         RegistryMember::new("balance", MemberType::Integer).with_doc("Points the user has"),
///         RegistryMember::new("hint", MemberType::Text).optional(),
///     ]);
/// assert_eq!(entry.members()[0].name(), "balance");
/// assert_eq!(entry.members()[0].doc(), "Points the user has");
/// assert!(entry.members()[1].is_optional());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RegistryMember {
    name: String,
    ty: MemberType,
    optional: bool,
    doc: String,
}

impl RegistryMember {
    /// A required member (see the example on [`RegistryMember`]). Its name is checked
    /// when its entry joins a [`Registry`].
    #[must_use]
    pub fn new(name: impl Into<String>, ty: MemberType) -> RegistryMember {
        RegistryMember {
            name: name.into(),
            ty,
            optional: false,
            doc: String::new(),
        }
    }

    /// The facts of a compiled catalog's member.
    #[must_use]
    pub fn from_member(member: &Member) -> RegistryMember {
        RegistryMember {
            name: member.name().to_owned(),
            ty: member.ty(),
            optional: member.is_optional(),
            doc: member.doc().to_owned(),
        }
    }

    /// The member made optional.
    #[must_use]
    pub fn optional(mut self) -> RegistryMember {
        self.optional = true;
        self
    }

    /// The member made required or optional.
    #[must_use]
    pub fn with_optional(mut self, optional: bool) -> RegistryMember {
        self.optional = optional;
        self
    }

    /// The member with its documentation line.
    #[must_use]
    pub fn with_doc(mut self, doc: impl Into<String>) -> RegistryMember {
        self.doc = doc.into();
        self
    }

    /// Its name in the body.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its JSON type.
    #[must_use]
    pub fn ty(&self) -> MemberType {
        self.ty
    }

    /// Whether a body may leave it out.
    #[must_use]
    pub fn is_optional(&self) -> bool {
        self.optional
    }

    /// Its documentation line; empty when none.
    #[must_use]
    pub fn doc(&self) -> &str {
        &self.doc
    }
}

impl RegistryEntry {
    /// The entry with another title and handling: as a locale reads it.
    pub(crate) fn translated(&self, title: &str, handling: &str) -> RegistryEntry {
        RegistryEntry {
            title: title.to_owned(),
            handling: handling.to_owned(),
            ..self.clone()
        }
    }

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
            source: None,
            members: Vec::new(),
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
            source: None,
            members: entry
                .members()
                .iter()
                .map(RegistryMember::from_member)
                .collect(),
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

    /// Records where the code was declared: the registry it came from in a
    /// [merge](Registry::merge), or any name a tool gives it.
    ///
    /// ```
    /// use problem_codes_contract::RegistryEntry;
    ///
    /// let entry = RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found").with_source("auth-service");
    /// assert_eq!(entry.source(), Some("auth-service"));
    /// ```
    #[must_use]
    pub fn with_source(mut self, source: impl Into<String>) -> RegistryEntry {
        self.source = Some(source.into());
        self
    }

    /// Sets the extension members the code's body carries, in order (see the example
    /// on [`RegistryMember`]).
    #[must_use]
    pub fn with_members(mut self, members: Vec<RegistryMember>) -> RegistryEntry {
        self.members = members;
        self
    }

    /// The extension members the code's body carries, in declaration order.
    #[must_use]
    pub fn members(&self) -> &[RegistryMember] {
        &self.members
    }

    /// The member named `name`, if the code declares it.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<&RegistryMember> {
        self.members.iter().find(|member| member.name == name)
    }

    /// Where the code was declared, when recorded (see [`RegistryEntry::with_source`]).
    /// It is not one of the code's facts: the gate does not compare it.
    #[must_use]
    pub fn source(&self) -> Option<&str> {
        self.source.as_deref()
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
    /// Two catalogs or services declare one code with another status, title, type or
    /// members (see [`Registry::builder`]).
    ConflictingCode(Box<Conflict>),
    /// A field of a code breaks a rule the exports rely on: a blank title, a control
    /// character, a type that is not a URI reference, a replacement that is not a code.
    InvalidField {
        /// The code that has it.
        code: String,
        /// The field: `title`, `handling`, `section`, `type` or `replacement`; in a
        /// translation `title`, `handling` or `detail`, and `locale` for its tag (then
        /// `code` holds the tag).
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A member of a code breaks the rules of [`Member::check`], or is declared twice.
    InvalidMember {
        /// The code that declares it.
        code: String,
        /// The member's name.
        member: String,
        /// What is wrong with it.
        reason: &'static str,
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
            RegistryError::ConflictingCode(conflict) => write!(
                f,
                "`{}` is declared by {} and by {}; a code has one {} wherever it is declared",
                conflict.code, conflict.first, conflict.second, conflict.fact
            ),
            RegistryError::InvalidField {
                code,
                field,
                reason,
            } => write!(f, "the {field} of `{code}` {reason}"),
            RegistryError::InvalidMember {
                code,
                member,
                reason,
            } => write!(f, "member `{member}` of `{code}`: {reason}"),
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

/// A code two sources of a [built](Registry::builder) registry declare with another
/// status, title, type or members.
///
/// ```
/// use problem_codes::{CodeSet, Entry};
/// use problem_codes_contract::{Registry, RegistryError};
///
/// const A: Entry = Entry::new("AUTH_X_Y", 401, "Locked out", "/problems/auth-x-y");
/// const B: Entry = Entry::new("AUTH_X_Y", 403, "Locked out", "/problems/auth-x-y");
/// struct One;
/// impl CodeSet for One { fn entries(out: &mut Vec<&'static Entry>) { out.push(&A); } }
/// struct Two;
/// impl CodeSet for Two { fn entries(out: &mut Vec<&'static Entry>) { out.push(&B); } }
///
/// let err = Registry::builder("Api").service::<One>().service::<Two>().build().unwrap_err();
/// let RegistryError::ConflictingCode(conflict) = err else { panic!("{err}") };
/// assert_eq!((conflict.code.as_str(), conflict.fact), ("AUTH_X_Y", "status"));
/// assert_eq!(conflict.first, "`One` with status 401");
/// assert_eq!(conflict.second, "`Two` with status 403");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The code.
    pub code: String,
    /// The fact the sources disagree on: `status`, `title`, `type` or `members`.
    pub fact: &'static str,
    /// The first declaration: its source and what it says, `` `Auth` with status 429 ``.
    pub first: String,
    /// The other declaration, in the same form.
    pub second: String,
}
