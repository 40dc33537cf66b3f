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
///             AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", handling: "Show wait message" },
///             AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
    /// The text the catalog's document puts around its tables: the title and preamble
    /// of the catalog's doc comment, and the closing text of the doc comments after its
    /// last section. See the example on [`Framing`]; none by default.
    const FRAMING: Framing = Framing::NONE;
    /// The BCP 47 tag of the language the catalog's titles and handlings are written in,
    /// which a [`Locale`](crate::Locale) translates from: `en` unless the catalog says
    /// otherwise with `language = "…";` (a composed catalog too, in its `{ … }`).
    ///
    /// ```
    /// use problem_codes::Catalog;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
    /// problem_codes::error_catalog! {
    ///     pub catalog Konto {
    ///         language = "de";
    ///         section "Konto" { KONTO_GESPERRT = 423 { title: "Konto gesperrt" } }
    ///     }
    /// }
    /// assert_eq!(Auth::LANGUAGE, "en");
    /// assert_eq!(Konto::LANGUAGE, "de");
    /// ```
    const LANGUAGE: &'static str = "en";

    /// Every code with its string, sorted by the string, for lookups in const
    /// evaluation; empty (the default) where the catalog does not say. Not public API:
    /// see the table in `__private`.
    #[doc(hidden)]
    const __BY_CODE: &'static [(&'static str, Self)] = &[];

    /// A digest of the sorted codes, computed by the macro, which a locale's macro
    /// computes alike for the codes it translates; `0` where the catalog does not
    /// say. Not public API: see the table in `__private`.
    #[doc(hidden)]
    const __DIGEST: u64 = 0;

    /// The code whose string is `code`, if the catalog has it; exact, case included.
    ///
    /// ```
    /// # use problem_codes::Catalog;
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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

/// The text around a catalog's tables in its document: a title, a preamble before the
/// first section and a closing text after the last.
///
/// `error_catalog!` reads it from the catalog's doc comments, so that the catalog alone
/// holds its document: the doc comment's first line, when it is a heading `# Title`,
/// is the title, and the paragraphs after it are the preamble (with any other first
/// line, the whole doc comment is the preamble); doc comments written inside the
/// catalog's braces after its last section are the closing text. A composed catalog
/// takes its closing text from doc comments in its `{ … }` block. Each text is
/// un-indented as rustdoc shows it (one leading space off each line), and the generated
/// enum's rustdoc shows the doc comment, then the closing text.
///
/// ```
/// use problem_codes::{Catalog, Framing, error_catalog};
///
/// error_catalog! {
///     /// # HTTP Error Codes
///     ///
///     /// The `code` values the frontend maps.
///     pub catalog Auth {
///         section "Auth" {
///             AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
///         }
///         /// Compatibility strategy:
///         ///
///         /// - Additive changes only.
///     }
/// }
///
/// assert_eq!(Auth::FRAMING.title(), Some("HTTP Error Codes"));
/// assert_eq!(Auth::FRAMING.preamble(), Some("The `code` values the frontend maps."));
/// assert_eq!(Auth::FRAMING.closing(), Some("Compatibility strategy:\n\n- Additive changes only."));
/// assert_eq!(Framing::NONE.title(), None);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Framing {
    title: Option<&'static str>,
    preamble: Option<&'static str>,
    closing: Option<&'static str>,
}

impl Framing {
    /// No title, preamble or closing text: a catalog without doc comments.
    ///
    /// ```
    /// use problem_codes::{Catalog, Framing};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } } }
    ///
    /// assert_eq!(Auth::FRAMING, Framing::NONE);
    /// assert_eq!(Framing::NONE.preamble(), None);
    /// ```
    pub const NONE: Framing = Framing {
        title: None,
        preamble: None,
        closing: None,
    };

    /// With the document's title, a heading's text without its `#`.
    ///
    /// ```
    /// use problem_codes::Framing;
    ///
    /// const FRAMING: Framing = Framing::NONE.with_title("HTTP Error Codes");
    /// assert_eq!(FRAMING.title(), Some("HTTP Error Codes"));
    /// ```
    #[must_use]
    pub const fn with_title(mut self, title: &'static str) -> Framing {
        self.title = Some(title);
        self
    }

    /// With the text between the title and the first section.
    ///
    /// ```
    /// use problem_codes::Framing;
    ///
    /// const FRAMING: Framing = Framing::NONE.with_preamble("Map on `code`.");
    /// assert_eq!(FRAMING.preamble(), Some("Map on `code`."));
    /// ```
    #[must_use]
    pub const fn with_preamble(mut self, preamble: &'static str) -> Framing {
        self.preamble = Some(preamble);
        self
    }

    /// With the text after the last section.
    ///
    /// ```
    /// use problem_codes::Framing;
    ///
    /// const FRAMING: Framing = Framing::NONE.with_closing("Additive changes only.");
    /// assert_eq!(FRAMING.closing(), Some("Additive changes only."));
    /// ```
    #[must_use]
    pub const fn with_closing(mut self, closing: &'static str) -> Framing {
        self.closing = Some(closing);
        self
    }

    /// The document's title, if the doc comment starts with a heading `# Title`. See
    /// the example on [`Framing`].
    #[must_use]
    pub const fn title(&self) -> Option<&'static str> {
        self.title
    }

    /// The text before the first section, if any. See the example on [`Framing`].
    #[must_use]
    pub const fn preamble(&self) -> Option<&'static str> {
        self.preamble
    }

    /// The text after the last section, if any. See the example on [`Framing`].
    #[must_use]
    pub const fn closing(&self) -> Option<&'static str> {
        self.closing
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
///             AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
///         }
///         section "Agent Points" {
///             AGENT_POINTS_INSUFFICIENT = 402 { title: "Not enough points", handling: "Show top-up" },
///             AGENT_POINTS_FROZEN = 423 { title: "Points account frozen", handling: "Contact support" },
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
    /// A section named `name` holding `codes`, in a catalog's
    /// [`SECTIONS`](Catalog::SECTIONS): `error_catalog!` writes one call per section,
    /// and a [`Catalog`] implemented by hand calls it too.
    ///
    /// ```
    /// # use problem_codes::{Catalog, Section};
    /// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
    /// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
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
/// #         section "Auth" { AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "" } }
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
