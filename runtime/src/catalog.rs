//! Catalogs: the typed list of a domain's codes, in sections, as `error_catalog!` builds.

use core::fmt;
use core::hash::Hash;

use crate::{Entry, ProblemCode};

/// A catalog of problem codes: a fieldless enum with one variant per code, as
/// [`error_catalog!`](crate::error_catalog) generates.
///
/// ```
/// use problem_codes::{Catalog, error_catalog};
///
/// error_catalog! {
///     pub catalog Auth {
///         section "Auth" {
///             AUTH_TOO_MANY_REQUESTS = 429 { meaning: "OTP request throttled", handling: "Show wait message" },
///             AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
///         }
///     }
/// }
///
/// assert_eq!(Auth::NAME, "Auth");
/// assert_eq!(Auth::ALL, [Auth::AUTH_TOO_MANY_REQUESTS, Auth::AUTH_USER_NOT_FOUND]);
/// assert_eq!(Auth::from_code("AUTH_USER_NOT_FOUND"), Some(Auth::AUTH_USER_NOT_FOUND));
/// assert_eq!(Auth::from_code("AUTH_EMAIL_TAKEN"), None);
/// assert_eq!(Auth::SECTIONS[0].name(), "Auth");
/// let statuses: Vec<u16> = Auth::entries().map(|e| e.status().as_u16()).collect();
/// assert_eq!(statuses, [429, 404]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a catalog of problem codes",
    label = "`{Self}` does not implement `Catalog`",
    note = "declare catalogs with `problem_codes::error_catalog!`"
)]
pub trait Catalog:
    ProblemCode + Copy + Eq + Hash + fmt::Debug + fmt::Display + Send + Sync + 'static
{
    /// The catalog's name, e.g. `Eryao`. See the example on [`Catalog`].
    const NAME: &'static str;
    /// Every code, in declaration order. See the example on [`Catalog`].
    const ALL: &'static [Self];
    /// The sections, in declaration order; together they hold every code once. See the
    /// example on [`Section`].
    const SECTIONS: &'static [Section<Self>];

    /// The code whose string is `code`, if the catalog has it; exact, case included.
    ///
    /// ```
    /// # use problem_codes::Catalog;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// assert_eq!(Auth::from_code("AUTH_USER_NOT_FOUND"), Some(Auth::AUTH_USER_NOT_FOUND));
    /// assert_eq!(Auth::from_code("auth_user_not_found"), None);
    /// assert_eq!(Auth::from_code("AUTH_EMAIL_TAKEN"), None);
    /// ```
    fn from_code(code: &str) -> Option<Self>;

    /// The entries of every code, in declaration order. See the example on [`Catalog`].
    fn entries() -> impl ExactSizeIterator<Item = &'static Entry> {
        Self::ALL.iter().map(|code| code.entry())
    }
}

/// One section of a catalog: a heading and its codes.
///
/// ```
/// use problem_codes::{Catalog, error_catalog};
///
/// error_catalog! {
///     pub catalog Eryao {
///         section "Auth" {
///             AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
///         }
///         section "Agent Points" {
///             AGENT_POINTS_INSUFFICIENT = 402 { meaning: "Not enough points", handling: "Show top-up" },
///             AGENT_POINTS_FROZEN = 423 { meaning: "Points account frozen", handling: "Contact support" },
///         }
///     }
/// }
///
/// let points = Eryao::SECTIONS[1];
/// assert_eq!(points.name(), "Agent Points");
/// assert_eq!(points.codes(), [Eryao::AGENT_POINTS_INSUFFICIENT, Eryao::AGENT_POINTS_FROZEN]);
/// let titles: Vec<&str> = points.entries().map(|e| e.title()).collect();
/// assert_eq!(titles, ["Not enough points", "Points account frozen"]);
/// ```
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Section<C: 'static> {
    name: &'static str,
    codes: &'static [C],
}

impl<C> Clone for Section<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C> Copy for Section<C> {}

impl<C: Catalog> Section<C> {
    /// A section named `name` holding `codes`, for a [`Catalog`] implemented by hand
    /// (`error_catalog!` builds its sections itself).
    ///
    /// ```
    /// # use problem_codes::{Catalog, Section};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// const LOOKUPS: Section<Auth> = Section::new("Lookups", &[Auth::AUTH_USER_NOT_FOUND]);
    /// assert_eq!(LOOKUPS.name(), "Lookups");
    /// assert_eq!(LOOKUPS.codes(), [Auth::AUTH_USER_NOT_FOUND]);
    /// ```
    #[must_use]
    pub const fn new(name: &'static str, codes: &'static [C]) -> Section<C> {
        Section { name, codes }
    }

    /// The heading, e.g. `Agent Points`. See the example on [`Section`].
    #[must_use]
    pub const fn name(&self) -> &'static str {
        self.name
    }

    /// The codes, in declaration order. See the example on [`Section`].
    #[must_use]
    pub const fn codes(&self) -> &'static [C] {
        self.codes
    }

    /// The entries of the codes, in declaration order. See the example on [`Section`].
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &'static Entry> {
        self.codes.iter().map(|code| code.entry())
    }
}

/// A parsed `code` seen through a catalog: known to this build, unknown (a code added
/// after this build, which an old client must survive), or absent (a problem that
/// carries no code, such as a proxy's `about:blank`).
///
/// See [`Problem::typed_code`](crate::Problem::typed_code), which makes one.
///
/// ```
/// use problem_codes::{Problem, TypedCode};
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// let message = |body: &[u8]| -> Result<String, problem_codes::ParseError> {
///     let problem = Problem::from_json(body)?;
///     Ok(match problem.typed_code::<Auth>() {
///         TypedCode::Known(Auth::AUTH_USER_NOT_FOUND) => "No such user".to_owned(),
///         TypedCode::Unknown(code) => format!("Error {code}"),
///         TypedCode::Absent => "Something went wrong".to_owned(),
///     })
/// };
/// assert_eq!(message(br#"{"code":"AUTH_USER_NOT_FOUND"}"#)?, "No such user");
/// assert_eq!(message(br#"{"code":"AUTH_EMAIL_TAKEN"}"#)?, "Error AUTH_EMAIL_TAKEN");
/// assert_eq!(message(br#"{"status":502}"#)?, "Something went wrong");
/// # Ok::<(), problem_codes::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TypedCode<'a, C> {
    /// A code of the catalog.
    Known(C),
    /// A code the catalog does not have, always in the code shape
    /// ([`is_valid_code`](crate::is_valid_code)): safe to log as it is.
    Unknown(&'a str),
    /// The document has no `code` member.
    Absent,
}

impl<C: Copy> TypedCode<'_, C> {
    /// The known code, if any: `None` for both an unknown and an absent code.
    ///
    /// ```
    /// # use problem_codes::{Problem, TypedCode};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "Show not-found message" },
    /// # } } }
    /// let problem = Problem::from_json(br#"{"code":"AUTH_USER_NOT_FOUND"}"#)?;
    /// assert_eq!(problem.typed_code::<Auth>().known(), Some(Auth::AUTH_USER_NOT_FOUND));
    /// assert_eq!(TypedCode::<Auth>::Unknown("AUTH_EMAIL_TAKEN").known(), None);
    /// # Ok::<(), problem_codes::ParseError>(())
    /// ```
    #[must_use]
    pub fn known(&self) -> Option<C> {
        match self {
            TypedCode::Known(code) => Some(*code),
            _ => None,
        }
    }
}

/// A code string that a catalog does not have, from `FromStr` or `Deserialize`.
///
/// ```
/// # problem_codes::error_catalog! {
/// #     pub catalog Auth {
/// #         section "Auth" { AUTH_USER_NOT_FOUND = 404 { meaning: "User not found", handling: "" } }
/// #     }
/// # }
/// let err = "AUTH_NOPE".parse::<Auth>().unwrap_err();
/// assert_eq!(err.code(), "AUTH_NOPE");
/// assert_eq!(err.to_string(), "`AUTH_NOPE` is not a code of catalog `Auth`");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    code: String,
    catalog: &'static str,
}

impl UnknownCode {
    /// The error for `code`, missing from `catalog`, for a hand-written lookup.
    ///
    /// ```
    /// use problem_codes::UnknownCode;
    ///
    /// let err = UnknownCode::new("AUTH_NOPE", "Auth");
    /// assert_eq!(err.code(), "AUTH_NOPE");
    /// assert_eq!(err.catalog(), "Auth");
    /// assert_eq!(err.to_string(), "`AUTH_NOPE` is not a code of catalog `Auth`");
    /// ```
    #[must_use]
    pub fn new(code: &str, catalog: &'static str) -> UnknownCode {
        UnknownCode {
            code: code.to_owned(),
            catalog,
        }
    }

    /// The code that was looked up. See the example on [`UnknownCode`].
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The catalog it was looked up in. See the example on
    /// [`new`](UnknownCode::new).
    #[must_use]
    pub fn catalog(&self) -> &'static str {
        self.catalog
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a code of catalog `{}`",
            self.code, self.catalog
        )
    }
}

impl std::error::Error for UnknownCode {}
