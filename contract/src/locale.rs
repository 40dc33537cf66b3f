//! A registry's translations: each locale's title, handling and detail template per
//! code, as data, for the exports and the gate.

use problem_codes::Locale;

use problem_codes::is_valid_code;

use crate::{Registry, RegistryEntry, RegistryError};

/// One locale of a registry: its BCP 47 tag and a translation per code, in the
/// registry's order.
///
/// ```
/// use problem_codes::catalog_locale;
/// use problem_codes_contract::Registry;
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
/// catalog_locale! {
///     pub locale ZH_HANS for Auth = "zh-Hans" { AUTH_USER_NOT_FOUND { title: "用户不存在" } }
/// }
///
/// let registry = Registry::of::<Auth>().with_locale(&ZH_HANS);
/// let locale = registry.locale("zh-Hans").unwrap();
/// assert_eq!(locale.tag(), "zh-Hans");
/// assert_eq!(locale.get("AUTH_USER_NOT_FOUND").map(|t| t.title()), Some("用户不存在"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryLocale {
    tag: String,
    translations: Vec<Translation>,
}

/// One code's translation in a [`RegistryLocale`].
///
/// ```
/// use problem_codes_contract::Translation;
///
/// let t = Translation::new("AUTH_TOO_MANY_REQUESTS", "验证码请求过于频繁")
///     .with_handling("显示等待提示")
///     .with_detail("请在 {retry_after} 秒后重试");
/// assert_eq!((t.code(), t.handling(), t.detail()), ("AUTH_TOO_MANY_REQUESTS", Some("显示等待提示"), Some("请在 {retry_after} 秒后重试")));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    code: String,
    title: String,
    handling: Option<String>,
    detail: Option<String>,
}

impl Translation {
    /// The translation of `code` with its title. See the example on [`Translation`].
    #[must_use]
    pub fn new(code: impl Into<String>, title: impl Into<String>) -> Translation {
        Translation {
            code: code.into(),
            title: title.into(),
            handling: None,
            detail: None,
        }
    }

    /// With the handling. See the example on [`Translation`].
    #[must_use]
    pub fn with_handling(mut self, handling: impl Into<String>) -> Translation {
        self.handling = Some(handling.into());
        self
    }

    /// With the detail template, as `catalog_locale!` writes it. See the example on
    /// [`Translation`].
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<String>) -> Translation {
        self.detail = Some(detail.into());
        self
    }

    /// The code translated. See the example on [`Translation`].
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The title. See the example on [`Translation`].
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The handling, if translated. See the example on [`Translation`].
    #[must_use]
    pub fn handling(&self) -> Option<&str> {
        self.handling.as_deref()
    }

    /// The detail template, if any. See the example on [`Translation`].
    #[must_use]
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }
}

/// A locale read from outside held to the rules the exports rely on.
fn check_locale(locale: &RegistryLocale) -> Result<(), RegistryError> {
    let invalid =
        |code: &str, field: &'static str, reason: &'static str| RegistryError::InvalidField {
            code: code.to_owned(),
            field,
            reason,
        };
    if !is_tag_shape(&locale.tag) {
        return Err(invalid(
            &locale.tag,
            "locale",
            "is not a BCP 47 language tag",
        ));
    }
    for t in &locale.translations {
        if !is_valid_code(&t.code) {
            return Err(RegistryError::InvalidCode {
                code: t.code.clone(),
            });
        }
        if t.title.trim().is_empty() {
            return Err(invalid(&t.code, "title", "is blank in a translation"));
        }
        let texts = [
            ("title", Some(&t.title)),
            ("handling", t.handling.as_ref()),
            ("detail", t.detail.as_ref()),
        ];
        for (field, text) in texts {
            if text.is_some_and(|text| text.chars().any(|c| c.is_control() && c != '\n')) {
                return Err(invalid(
                    &t.code,
                    field,
                    "holds a control character other than a line break",
                ));
            }
        }
    }
    Ok(())
}

/// Whether `tag` has the shape of a BCP 47 tag: subtags of 1–8 ASCII letters and
/// digits, joined by `-`, the first letters only. The exports write it into attributes
/// and paths, so nothing else is let through.
pub(crate) fn is_tag_shape(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let first = subtags.next().unwrap_or_default();
    let sound = |s: &str, alpha: bool| {
        (1..=8).contains(&s.len())
            && s.bytes().all(|b| {
                if alpha {
                    b.is_ascii_alphabetic()
                } else {
                    b.is_ascii_alphanumeric()
                }
            })
    };
    sound(first, true) && subtags.all(|s| sound(s, false))
}

impl RegistryLocale {
    /// A locale tagged `tag` with `translations`, in the order given.
    ///
    /// ```
    /// use problem_codes_contract::{RegistryLocale, Translation};
    ///
    /// let de = RegistryLocale::new("de", vec![Translation::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden")]);
    /// assert_eq!(de.translations().len(), 1);
    /// ```
    #[must_use]
    pub fn new(tag: impl Into<String>, translations: Vec<Translation>) -> RegistryLocale {
        RegistryLocale {
            tag: tag.into(),
            translations,
        }
    }

    /// The BCP 47 tag. See the example on [`RegistryLocale`].
    #[must_use]
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The translations. See the example on [`RegistryLocale::new`].
    #[must_use]
    pub fn translations(&self) -> &[Translation] {
        &self.translations
    }

    /// The translation of `code`, if any. See the example on [`RegistryLocale`].
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&Translation> {
        self.translations.iter().find(|t| t.code == code)
    }
}

impl Registry {
    /// With `locale`'s translations, in the registry's order of codes (a compiled
    /// locale is sorted by code). A locale whose tag the registry has replaces it.
    ///
    /// See the example on [`RegistryLocale`].
    #[must_use]
    pub fn with_locale(self, locale: &Locale) -> Registry {
        let translations = self
            .codes()
            .iter()
            .filter_map(|entry| locale.get(entry.code()))
            .map(|t| {
                let mut translation = Translation::new(t.code(), t.title());
                translation.handling = t.handling().map(str::to_owned);
                translation.detail = t.detail_template();
                translation
            })
            .collect();
        self.replace_locale(RegistryLocale::new(locale.tag(), translations))
    }

    /// With `locale`, as read from a JSON registry or built by hand. A locale whose tag
    /// the registry has replaces it.
    ///
    /// # Errors
    ///
    /// The rules the exports rely on, as [`Registry::new`] holds codes to them:
    /// [`RegistryError::InvalidField`] for a tag that is not of BCP 47's shape (field
    /// `locale`), a code that is not one, a blank title, or a control character other
    /// than a line break in a title, handling or detail.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryLocale, Translation};
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")])?
    ///     .with_registry_locale(RegistryLocale::new("de", vec![Translation::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden")]))?;
    /// assert_eq!(registry.locales().len(), 1);
    /// let blank = RegistryLocale::new("de", vec![Translation::new("AUTH_USER_NOT_FOUND", " ")]);
    /// assert!(registry.with_registry_locale(blank).is_err());
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    pub fn with_registry_locale(self, locale: RegistryLocale) -> Result<Registry, RegistryError> {
        check_locale(&locale)?;
        Ok(self.replace_locale(locale))
    }

    fn replace_locale(mut self, locale: RegistryLocale) -> Registry {
        self.locales.retain(|l| l.tag != locale.tag);
        self.locales.push(locale);
        self
    }

    /// The locales, in the order they were added. See the example on
    /// [`Registry::with_registry_locale`].
    #[must_use]
    pub fn locales(&self) -> &[RegistryLocale] {
        &self.locales
    }

    /// The locale tagged `tag`, if any. See the example on [`RegistryLocale`].
    #[must_use]
    pub fn locale(&self, tag: &str) -> Option<&RegistryLocale> {
        self.locales.iter().find(|l| l.tag == tag)
    }

    /// The registry as the locale `tag` reads it: each code's title and handling in
    /// that language where it has them, for the exports per locale. `None` when the
    /// registry has no such locale.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryLocale, Translation};
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")])?
    ///     .with_registry_locale(RegistryLocale::new("de", vec![Translation::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden")]))?;
    /// let de = registry.in_locale("de").unwrap();
    /// assert_eq!(de.codes()[0].title(), "Benutzer nicht gefunden");
    /// assert!(registry.in_locale("fr").is_none());
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn in_locale(&self, tag: &str) -> Option<Registry> {
        let locale = self.locale(tag)?;
        let mut translated = self.clone();
        translated.locales.clear();
        translated.map_codes(|entry: &RegistryEntry| {
            locale.get(entry.code()).map(|t| {
                entry.translated(t.title(), t.handling().unwrap_or_else(|| entry.handling()))
            })
        });
        Some(translated)
    }

    /// The Markdown document as the locale `tag` reads it: the same tables, with each
    /// code's title and handling in that language where it has them; the framing (title,
    /// preamble, closing text) stays the catalog's own. `None` when the registry has no
    /// such locale. The default document, [`Registry::to_document`], is unchanged.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryLocale, Translation};
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found").with_section("Auth")])?
    ///     .with_registry_locale(RegistryLocale::new("de", vec![Translation::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden")]))?;
    /// let document = registry.to_document_in("de").unwrap();
    /// assert!(document.contains("| `AUTH_USER_NOT_FOUND` | 404 | Benutzer nicht gefunden |"));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn to_document_in(&self, tag: &str) -> Option<String> {
        self.in_locale(tag).map(|registry| registry.to_document())
    }
}
