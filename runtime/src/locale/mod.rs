//! Locales: a catalog's titles, handlings and detail templates in another language,
//! declared apart from the catalog with [`catalog_locale!`](crate::catalog_locale) and
//! rendered with [`Render::locale`](crate::Render::locale).
//!
//! A locale is `'static` data: a table of translations sorted by code, so that finding
//! a code's translation is a binary search that allocates nothing.

pub(crate) mod check;
#[cfg(feature = "icu_locale")]
mod negotiate;
#[cfg(all(feature = "icu_locale", any(feature = "axum", feature = "actix-web")))]
pub(crate) mod scope;
pub(crate) mod write;

#[cfg(feature = "icu_locale")]
pub use negotiate::Locales;

/// A catalog's codes in one language: a BCP 47 tag and a translation per code, sorted
/// by code.
///
/// [`catalog_locale!`](crate::catalog_locale) declares one, checked against its catalog
/// at compile time; [`Locale::new`] builds one by hand.
///
/// ```
/// use problem_codes::{Locale, LocaleEntry, ProblemCode, Segment};
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_TOO_MANY_REQUESTS = 429 { title: "OTP request throttled", members: { retry_after: integer } },
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found" },
/// # } } }
///
/// const DE: Locale = Locale::new("de", "en", &[
///     LocaleEntry::new("AUTH_TOO_MANY_REQUESTS", "Zu viele Anfragen")
///         .with_detail(&[Segment::Text("Bitte "), Segment::Member("retry_after"), Segment::Text(" s warten")]),
///     LocaleEntry::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden"),
/// ]);
///
/// assert_eq!(DE.tag(), "de");
/// assert_eq!(DE.get("AUTH_USER_NOT_FOUND").map(|t| t.title()), Some("Benutzer nicht gefunden"));
/// let body = Auth::AUTH_USER_NOT_FOUND.render().locale(&DE).to_vec();
/// assert!(body.starts_with(br#"{"type":"/problems/auth-user-not-found","title":"Benutzer nicht gefunden","status":404"#));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale {
    tag: &'static str,
    default_language: &'static str,
    catalog: &'static str,
    entries: &'static [LocaleEntry],
}

impl Locale {
    /// A locale tagged `tag`, translating a catalog whose own language is
    /// `default_language`, with `entries` sorted by code.
    ///
    /// # Panics
    ///
    /// If `entries` are not sorted by code, strictly (a code twice). Use it to initialise
    /// a `static` or `const`, where that panic is a compile error.
    ///
    /// ```
    /// use problem_codes::{Locale, LocaleEntry};
    ///
    /// const FR: Locale = Locale::new("fr", "en", &[LocaleEntry::new("AUTH_USER_NOT_FOUND", "Utilisateur introuvable")]);
    /// assert_eq!(FR.default_language(), "en");
    /// assert_eq!(FR.entries().len(), 1);
    /// ```
    ///
    /// ```compile_fail
    /// use problem_codes::{Locale, LocaleEntry};
    ///
    /// const UNSORTED: Locale = Locale::new("fr", "en", &[
    ///     LocaleEntry::new("B_CODE", "B"),
    ///     LocaleEntry::new("A_CODE", "A"),
    /// ]);
    /// ```
    #[must_use]
    pub const fn new(
        tag: &'static str,
        default_language: &'static str,
        entries: &'static [LocaleEntry],
    ) -> Locale {
        let mut i = 1;
        while i < entries.len() {
            assert!(
                crate::member::str_lt(entries[i - 1].code, entries[i].code),
                "a locale's entries are sorted by code, each code once"
            );
            i += 1;
        }
        Locale {
            tag,
            default_language,
            catalog: "",
            entries,
        }
    }

    /// Every fact at once, from `catalog_locale!`, which sorted the entries and checked
    /// the tag. Not public API: see the table in `__private`.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_macro(
        tag: &'static str,
        default_language: &'static str,
        catalog: &'static str,
        entries: &'static [LocaleEntry],
    ) -> Locale {
        Locale {
            tag,
            default_language,
            catalog,
            entries,
        }
    }

    /// The BCP 47 tag, e.g. `zh-Hans`: what `Content-Language` says. See the example on
    /// [`Locale`].
    #[must_use]
    pub const fn tag(&self) -> &'static str {
        self.tag
    }

    /// The tag of the catalog's own language (its [`Catalog::LANGUAGE`](crate::Catalog::LANGUAGE)),
    /// which a code without a translation is rendered in. See the example on
    /// [`Locale::new`].
    #[must_use]
    pub const fn default_language(&self) -> &'static str {
        self.default_language
    }

    /// The name of the catalog translated, e.g. `Eryao`; empty for a locale built with
    /// [`Locale::new`].
    ///
    /// ```
    /// # use problem_codes::{Locale, LocaleEntry};
    /// const FR: Locale = Locale::new("fr", "en", &[]);
    /// assert_eq!(FR.catalog(), "");
    /// ```
    #[must_use]
    pub const fn catalog(&self) -> &'static str {
        self.catalog
    }

    /// The translations, sorted by code. See the example on [`Locale::new`].
    #[must_use]
    pub const fn entries(&self) -> &'static [LocaleEntry] {
        self.entries
    }

    /// The translation of `code`, if this locale has one: a binary search, with no
    /// allocation. See the example on [`Locale`].
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&'static LocaleEntry> {
        let entries = self.entries;
        entries
            .binary_search_by(|entry| entry.code.cmp(code))
            .ok()
            .and_then(|i| entries.get(i))
    }
}

/// One code's translation: its title, and optionally its handling and a detail
/// template over the code's members.
///
/// ```
/// use problem_codes::{LocaleEntry, Segment};
///
/// const THROTTLED: LocaleEntry = LocaleEntry::new("AUTH_TOO_MANY_REQUESTS", "验证码请求过于频繁")
///     .with_handling("显示等待提示")
///     .with_detail(&[Segment::Text("请在 "), Segment::Member("retry_after"), Segment::Text(" 秒后重试")]);
///
/// assert_eq!(THROTTLED.code(), "AUTH_TOO_MANY_REQUESTS");
/// assert_eq!(THROTTLED.title(), "验证码请求过于频繁");
/// assert_eq!(THROTTLED.handling(), Some("显示等待提示"));
/// assert_eq!(THROTTLED.detail().map(<[Segment]>::len), Some(3));
/// assert_eq!(THROTTLED.detail_template().as_deref(), Some("请在 {retry_after} 秒后重试"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LocaleEntry {
    code: &'static str,
    title: &'static str,
    /// The title escaped for a JSON string, without quotes; empty when built by hand.
    title_json: &'static str,
    handling: Option<&'static str>,
    detail: Option<&'static [Segment]>,
}

impl LocaleEntry {
    /// The translation of `code`, with its title.
    ///
    /// ```
    /// use problem_codes::LocaleEntry;
    ///
    /// const E: LocaleEntry = LocaleEntry::new("AUTH_USER_NOT_FOUND", "用户不存在");
    /// assert_eq!(E.handling(), None);
    /// assert_eq!(E.detail(), None);
    /// ```
    #[must_use]
    pub const fn new(code: &'static str, title: &'static str) -> LocaleEntry {
        LocaleEntry {
            code,
            title,
            title_json: "",
            handling: None,
            detail: None,
        }
    }

    /// Every fact at once, from `catalog_locale!`, with the title escaped at compile
    /// time. Not public API: see the table in `__private`.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_macro(
        code: &'static str,
        title: &'static str,
        title_json: &'static str,
        handling: Option<&'static str>,
        detail: Option<&'static [Segment]>,
    ) -> LocaleEntry {
        LocaleEntry {
            code,
            title,
            title_json,
            handling,
            detail,
        }
    }

    /// With the frontend handling in this language. See the example on [`LocaleEntry`].
    #[must_use]
    pub const fn with_handling(mut self, handling: &'static str) -> LocaleEntry {
        self.handling = Some(handling);
        self
    }

    /// With a detail template: literal text and the code's members, by name. See the
    /// example on [`LocaleEntry`].
    #[must_use]
    pub const fn with_detail(mut self, detail: &'static [Segment]) -> LocaleEntry {
        self.detail = Some(detail);
        self
    }

    /// The code translated. See the example on [`LocaleEntry`].
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The title in this language. See the example on [`LocaleEntry`].
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// The title escaped for JSON, when the macro escaped it.
    pub(crate) fn title_json(&self) -> Option<&'static str> {
        (!self.title_json.is_empty() || self.title.is_empty()).then_some(self.title_json)
    }

    /// The handling in this language, if translated. See the example on [`LocaleEntry`].
    #[must_use]
    pub const fn handling(&self) -> Option<&'static str> {
        self.handling
    }

    /// The detail template, if any. See the example on [`LocaleEntry`].
    #[must_use]
    pub const fn detail(&self) -> Option<&'static [Segment]> {
        self.detail
    }

    /// The detail template as it is written in `catalog_locale!`: `{member}` for a
    /// member, `{{` and `}}` for literal braces. See the example on [`LocaleEntry`].
    #[must_use]
    pub fn detail_template(&self) -> Option<String> {
        let segments = self.detail?;
        let mut out = String::new();
        for segment in segments {
            match segment {
                Segment::Text(text) => {
                    for c in text.chars() {
                        match c {
                            '{' => out.push_str("{{"),
                            '}' => out.push_str("}}"),
                            c => out.push(c),
                        }
                    }
                }
                Segment::Member(name) => {
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
        }
        Some(out)
    }
}

/// One piece of a detail template: literal text, or the value of one of the code's
/// members in this occurrence.
///
/// A string member is written as it is, any other value as its JSON. A template whose
/// member the occurrence does not carry (an optional member left out) is not used: the
/// occurrence's own detail is.
///
/// ```
/// use problem_codes::Segment;
///
/// let template = [Segment::Text("Wait "), Segment::Member("retry_after"), Segment::Text(" s")];
/// assert_eq!(template[1], Segment::Member("retry_after"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    /// Text written as it is.
    Text(&'static str),
    /// The member of this name.
    Member(&'static str),
}
