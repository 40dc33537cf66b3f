//! Every code a service can send: a registry built from catalogs and service types
//! together, recording which service sends which code, and one service's own subset.

use problem_codes::{Catalog, CodeSet, Entry, Framing};

use crate::{Conflict, Registry, RegistryEntry, RegistryError};

/// The codes one service can answer with, by name, in the registry's order (see
/// [`Registry::services`]).
///
/// ```
/// use problem_codes_contract::Registry;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled" },
/// # } } }
/// # struct OtpError;
/// # impl problem_codes::CodeSet for OtpError {
/// #     fn entries(out: &mut Vec<&'static problem_codes::Entry>) {
/// #         out.push(problem_codes::ProblemCode::entry(&Auth::AUTH_TOO_MANY_REQUESTS));
/// #     }
/// # }
///
/// let registry = Registry::builder("Eryao").catalog::<Auth>().service::<OtpError>().build()?;
/// let service = &registry.services()[0];
/// assert_eq!(service.name(), "OtpError");
/// assert_eq!(service.codes(), ["AUTH_TOO_MANY_REQUESTS"]);
/// # Ok::<(), problem_codes_contract::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCodes {
    name: String,
    codes: Vec<String>,
}

impl ServiceCodes {
    /// The service's name: its type's name, or the one given to
    /// [`RegistryBuilder::service_named`].
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The codes it can answer with, once each, in the registry's order.
    #[must_use]
    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

/// Builds a [`Registry`] from catalogs and service types; made by
/// [`Registry::builder`].
///
/// A catalog gives every code it declares; a service type (any [`CodeSet`], such as
/// a type with `#[derive(ProblemCode)]`) gives the codes it can answer with, the
/// catalog entries its variants name and its inline codes. The registry holds the
/// catalogs' codes in their order, then each inline code no catalog has, in the order
/// the services list them. [`build`](RegistryBuilder::build) refuses a code declared
/// twice with other facts: another status, title, type or members.
#[derive(Debug, Clone)]
#[must_use]
pub struct RegistryBuilder {
    name: String,
    framing: Option<Framing>,
    /// Each source's name and its entries: catalogs and services, in the order added.
    sources: Vec<Source>,
}

#[derive(Debug, Clone)]
struct Source {
    name: String,
    service: bool,
    entries: Vec<&'static Entry>,
}

impl Registry {
    /// A builder of a registry named `name` from catalogs and service types (see
    /// [`RegistryBuilder`]).
    ///
    /// ```
    /// use problem_codes::{CodeSet, Entry};
    /// use problem_codes_contract::Registry;
    ///
    /// problem_codes::error_catalog! {
    ///     pub catalog Auth {
    ///         section "Auth" {
    ///             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled" },
    ///             AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
    ///         }
    ///     }
    /// }
    ///
    /// /// A code the service declares inline, in no catalog.
    /// const BACKEND_DOWN: Entry =
    ///     Entry::new("AUTH_BACKEND_UNAVAILABLE", 503, "Auth backend down", "/problems/auth-backend-unavailable");
    ///
    /// struct OtpError;
    /// impl CodeSet for OtpError {
    ///     fn entries(out: &mut Vec<&'static Entry>) {
    ///         out.push(problem_codes::ProblemCode::entry(&Auth::AUTH_TOO_MANY_REQUESTS));
    ///         out.push(&BACKEND_DOWN);
    ///     }
    /// }
    ///
    /// let registry = Registry::builder("Eryao").catalog::<Auth>().service::<OtpError>().build()?;
    /// let codes: Vec<&str> = registry.codes().iter().map(|e| e.code()).collect();
    /// assert_eq!(codes, ["AUTH_TOO_MANY_REQUESTS", "AUTH_USER_NOT_FOUND", "AUTH_BACKEND_UNAVAILABLE"]);
    /// assert_eq!(registry.senders("AUTH_BACKEND_UNAVAILABLE"), ["OtpError"]);
    /// assert!(registry.senders("AUTH_USER_NOT_FOUND").is_empty());
    ///
    /// // The service's own codes, for its docs: every export works on it.
    /// let otp = registry.for_service("OtpError").expect("a service of the registry");
    /// assert_eq!(otp.codes().len(), 2);
    /// assert!(otp.to_json().contains("AUTH_BACKEND_UNAVAILABLE"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    pub fn builder(name: impl Into<String>) -> RegistryBuilder {
        RegistryBuilder {
            name: name.into(),
            framing: None,
            sources: Vec::new(),
        }
    }

    /// The services the registry was [built](Registry::builder) from, in the order
    /// added, each with the codes it can answer with; empty for another registry. Like
    /// the framing, they are not facts of any code: two registries that differ only in
    /// them are equal.
    #[must_use]
    pub fn services(&self) -> &[ServiceCodes] {
        &self.services
    }

    /// The names of the services that can answer with `code`, in the order added
    /// (see the example on [`Registry::builder`]).
    #[must_use]
    pub fn senders(&self, code: &str) -> Vec<&str> {
        self.services
            .iter()
            .filter(|service| service.codes.iter().any(|c| c == code))
            .map(|service| service.name.as_str())
            .collect()
    }

    /// One service's own registry: the codes it can answer with, in this registry's
    /// order and with their facts, named after the service. Every export renders it:
    /// per-service docs in Markdown, JSON or HTML ("this service may answer with
    /// these codes"). `None` when no service has that name.
    ///
    /// ```
    /// use problem_codes::{CodeSet, Entry};
    /// use problem_codes_contract::Registry;
    /// use problem_codes_contract::export::MarkdownOptions;
    ///
    /// problem_codes::error_catalog! {
    ///     pub catalog Auth {
    ///         section "Auth" {
    ///             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
    ///             AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
    ///         }
    ///     }
    /// }
    ///
    /// struct OtpError;
    /// impl CodeSet for OtpError {
    ///     fn entries(out: &mut Vec<&'static Entry>) {
    ///         out.push(problem_codes::ProblemCode::entry(&Auth::AUTH_TOO_MANY_REQUESTS));
    ///     }
    /// }
    ///
    /// let registry = Registry::builder("Eryao").catalog::<Auth>().service::<OtpError>().build()?;
    /// let otp = registry.for_service("OtpError").unwrap();
    /// assert_eq!(otp.name(), "OtpError");
    /// assert_eq!(
    ///     otp.to_markdown(&MarkdownOptions::new()),
    ///     "## Auth\n\n| code | status | meaning | frontend handling |\n|---|---:|---|---|\n\
    ///      | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message |\n",
    /// );
    /// assert_eq!(otp.to_html().len(), 2);
    /// assert!(registry.for_service("AvatarError").is_none());
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn for_service(&self, name: &str) -> Option<Registry> {
        let service = self.services.iter().find(|service| service.name == name)?;
        let codes = self
            .codes()
            .iter()
            .filter(|entry| service.codes.iter().any(|code| code == entry.code()))
            .cloned()
            .collect();
        let mut registry = Registry::new(service.name.clone(), codes).ok()?;
        registry.services = vec![service.clone()];
        Some(registry)
    }
}

impl RegistryBuilder {
    /// Adds every code of catalog `C`. The first catalog's framing (its document's
    /// title, preamble and closing text) is the registry's.
    pub fn catalog<C: Catalog>(mut self) -> RegistryBuilder {
        self.framing.get_or_insert(C::FRAMING);
        self.sources.push(Source {
            name: C::NAME.to_owned(),
            service: false,
            entries: C::entries().collect(),
        });
        self
    }

    /// Adds the codes service type `S` can answer with, recorded under its type's name
    /// (`OtpError` for `my_crate::auth::OtpError`).
    pub fn service<S: CodeSet + ?Sized>(self) -> RegistryBuilder {
        let name = type_name::<S>();
        self.service_named::<S>(name)
    }

    /// Adds the codes service type `S` can answer with, recorded under `name`, such as
    /// the service's own name rather than its error type's.
    ///
    /// ```
    /// # use problem_codes::{CodeSet, Entry};
    /// # const DOWN: Entry = Entry::new("AUTH_BACKEND_UNAVAILABLE", 503, "Down", "/problems/auth-backend-unavailable");
    /// # struct OtpError;
    /// # impl CodeSet for OtpError { fn entries(out: &mut Vec<&'static Entry>) { out.push(&DOWN); } }
    /// let registry = problem_codes_contract::Registry::builder("Eryao")
    ///     .service_named::<OtpError>("auth-service")
    ///     .build()?;
    /// assert_eq!(registry.senders("AUTH_BACKEND_UNAVAILABLE"), ["auth-service"]);
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    pub fn service_named<S: CodeSet + ?Sized>(
        mut self,
        name: impl Into<String>,
    ) -> RegistryBuilder {
        let mut entries = Vec::new();
        S::entries(&mut entries);
        self.sources.push(Source {
            name: name.into(),
            service: true,
            entries,
        });
        self
    }

    /// The registry.
    ///
    /// # Errors
    ///
    /// [`RegistryError::ConflictingCode`] for a code two sources declare with another
    /// status, title, type or members, naming both; and the errors of
    /// [`Registry::new`].
    ///
    /// ```
    /// use problem_codes::{CodeSet, Entry};
    /// use problem_codes_contract::{Registry, RegistryError};
    ///
    /// problem_codes::error_catalog! {
    ///     pub catalog Auth { section "Auth" { AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled" } } }
    /// }
    ///
    /// // An inline code that says otherwise than the catalog.
    /// const THROTTLED: Entry =
    ///     Entry::new("AUTH_TOO_MANY_REQUESTS", 503, "OTP request throttled", "/problems/auth-too-many-requests");
    /// struct OtpError;
    /// impl CodeSet for OtpError {
    ///     fn entries(out: &mut Vec<&'static Entry>) {
    ///         out.push(&THROTTLED);
    ///     }
    /// }
    ///
    /// let err = Registry::builder("Eryao").catalog::<Auth>().service::<OtpError>().build().unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "`AUTH_TOO_MANY_REQUESTS` is declared by `Auth` with status 429 and by `OtpError` with status 503; a code has one status wherever it is declared",
    /// );
    /// ```
    pub fn build(self) -> Result<Registry, RegistryError> {
        let mut codes: Vec<(RegistryEntry, &str)> = Vec::new();
        let mut services: Vec<ServiceCodes> = Vec::new();
        for source in &self.sources {
            let mut sent: Vec<String> = Vec::new();
            for entry in &source.entries {
                let entry = RegistryEntry::from_entry(entry);
                match codes.iter().find(|(known, _)| known.code() == entry.code()) {
                    Some((known, first)) => conflict(known, first, &entry, &source.name)?,
                    None => codes.push((entry.clone(), &source.name)),
                }
                if !sent.iter().any(|code| code == entry.code()) {
                    sent.push(entry.code().to_owned());
                }
            }
            if !source.service {
                continue;
            }
            // A service added twice under one name sends the codes of both.
            match services.iter_mut().find(|s| s.name == source.name) {
                Some(service) => {
                    let new: Vec<String> = sent
                        .into_iter()
                        .filter(|code| !service.codes.contains(code))
                        .collect();
                    service.codes.extend(new);
                }
                None => services.push(ServiceCodes {
                    name: source.name.clone(),
                    codes: sent,
                }),
            }
        }
        // The catalogs' codes first, in their order; then the inline ones.
        let from_catalog = |code: &str| {
            self.sources
                .iter()
                .any(|s| !s.service && s.entries.iter().any(|e| e.code() == code))
        };
        let (mut ordered, inline): (Vec<_>, Vec<_>) = codes
            .into_iter()
            .map(|(entry, _)| entry)
            .partition(|entry| from_catalog(entry.code()));
        ordered.extend(inline);
        for service in &mut services {
            service
                .codes
                .sort_by_key(|code| ordered.iter().position(|e| e.code() == code));
        }
        let mut registry = Registry::new(self.name, ordered)?;
        registry.framing = self.framing.unwrap_or(Framing::NONE);
        registry.services = services;
        Ok(registry)
    }
}

/// Refuses `second` when `first` declared the same code with other wire facts.
fn conflict(
    known: &RegistryEntry,
    first: &str,
    entry: &RegistryEntry,
    second: &str,
) -> Result<(), RegistryError> {
    let members = |e: &RegistryEntry| {
        e.members()
            .iter()
            .map(|m| {
                format!(
                    "{}{}: {}",
                    m.name(),
                    if m.is_optional() { "?" } else { "" },
                    m.ty()
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let fact = if known.status() != entry.status() {
        Some((
            "status",
            known.status().to_string(),
            entry.status().to_string(),
        ))
    } else if known.title() != entry.title() {
        Some((
            "title",
            format!("{:?}", known.title()),
            format!("{:?}", entry.title()),
        ))
    } else if known.type_uri() != entry.type_uri() {
        Some((
            "type",
            format!("`{}`", known.type_uri()),
            format!("`{}`", entry.type_uri()),
        ))
    } else if known.members() != entry.members() {
        Some((
            "members",
            format!("`{{{}}}`", members(known)),
            format!("`{{{}}}`", members(entry)),
        ))
    } else {
        None
    };
    match fact {
        Some((fact, was, is)) => Err(RegistryError::ConflictingCode(Box::new(Conflict {
            code: entry.code().to_owned(),
            fact,
            first: format!("`{first}` with {fact} {was}"),
            second: format!("`{second}` with {fact} {is}"),
        }))),
        None => Ok(()),
    }
}

/// A type's name without its path or generics: `OtpError` for
/// `my_crate::auth::OtpError<T>`.
fn type_name<S: ?Sized>() -> String {
    let full = core::any::type_name::<S>();
    let path = full.split('<').next().unwrap_or(full);
    path.rsplit("::").next().unwrap_or(path).to_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn type_names_lose_their_path_and_generics() {
        struct Plain;
        struct Generic<T>(T);
        assert_eq!(super::type_name::<Plain>(), "Plain");
        assert_eq!(
            super::type_name::<Generic<std::string::String>>(),
            "Generic"
        );
    }
}
