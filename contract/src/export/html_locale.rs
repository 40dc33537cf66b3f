//! The HTML site in every language: the default pages at the root, each locale's under
//! its tag (`zh-Hans/…`), each page saying its `lang` and linking to itself in the
//! other languages.

use super::html::Page;
use crate::Registry;

/// The language of the catalog's own pages: the catalog's text is written in it.
const DEFAULT_LANGUAGE: &str = "en";

impl Registry {
    /// The site of [`Registry::to_html`] in every language: the default pages at the
    /// root, then each locale's pages under `<tag>/`, with the locale's titles and
    /// handlings. Every page's `<html lang>` names its language, its head has a
    /// `<link rel="alternate" hreflang>` per language, and a `<nav>` links to the same
    /// page in the others. The catalog's own language is taken to be `en`, the
    /// language of the site's fixed text. A locale whose tag is not of BCP 47's shape
    /// (only a hand-built `problem_codes::Locale` can have one) is left out.
    ///
    /// ```
    /// use problem_codes_contract::{Registry, RegistryEntry, RegistryLocale, Translation};
    ///
    /// let registry = Registry::new("Auth", vec![RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found")])?
    ///     .with_registry_locale(RegistryLocale::new("zh-Hans", vec![Translation::new("AUTH_USER_NOT_FOUND", "用户不存在")]))?;
    /// let pages = registry.to_html_in_every_language();
    /// let paths: Vec<&str> = pages.iter().map(|p| p.path()).collect();
    /// assert_eq!(paths, ["index.html", "auth-user-not-found/index.html", "zh-Hans/index.html", "zh-Hans/auth-user-not-found/index.html"]);
    /// let zh = &pages[3];
    /// assert!(zh.html().contains("<html lang=\"zh-Hans\">"));
    /// assert!(zh.html().contains("<h1>用户不存在</h1>"));
    /// assert!(zh.html().contains(r#"<a href="../../auth-user-not-found/" hreflang="en" lang="en">en</a>"#));
    /// assert!(pages[1].html().contains(r#"<a href="../zh-Hans/auth-user-not-found/" hreflang="zh-Hans" lang="zh-Hans">zh-Hans</a>"#));
    /// # Ok::<(), problem_codes_contract::RegistryError>(())
    /// ```
    #[must_use]
    pub fn to_html_in_every_language(&self) -> Vec<Page> {
        let languages: Vec<&str> = core::iter::once(DEFAULT_LANGUAGE)
            .chain(self.locales().iter().map(crate::RegistryLocale::tag))
            // A tag of another shape cannot be written into a path or an attribute.
            .filter(|tag| crate::locale::is_tag_shape(tag))
            .collect();
        let mut pages = Vec::new();
        for (i, &language) in languages.iter().enumerate() {
            let site = if i == 0 {
                Some(self.to_html())
            } else {
                self.in_locale(language).map(|registry| registry.to_html())
            };
            for page in site.into_iter().flatten() {
                let prefix = if i == 0 {
                    String::new()
                } else {
                    format!("{language}/")
                };
                let path = format!("{prefix}{}", page.path());
                let html = localize(page.html(), page.path(), &path, language, &languages);
                pages.push(Page::new(path, html));
            }
        }
        pages
    }
}

/// `html`, the page at `relative` in the site of one language, served at `path`: with
/// its `lang`, the alternates and the links to the other languages.
fn localize(html: &str, relative: &str, path: &str, language: &str, languages: &[&str]) -> String {
    let root = "../".repeat(path.matches('/').count());
    let page = relative.strip_suffix("index.html").unwrap_or(relative);
    let href = |other: &str| {
        if other == DEFAULT_LANGUAGE {
            format!("{root}{page}")
        } else {
            format!("{root}{other}/{page}")
        }
    };
    let mut alternates = String::new();
    let mut nav = String::from("<nav class=\"languages\">");
    for (i, &other) in languages.iter().enumerate() {
        alternates.push_str(&format!(
            "<link rel=\"alternate\" hreflang=\"{other}\" href=\"{}\">\n",
            href(other)
        ));
        if i > 0 {
            nav.push_str(" · ");
        }
        if other == language {
            nav.push_str(&format!("<strong lang=\"{other}\">{other}</strong>"));
        } else {
            nav.push_str(&format!(
                "<a href=\"{}\" hreflang=\"{other}\" lang=\"{other}\">{other}</a>",
                href(other)
            ));
        }
    }
    nav.push_str("</nav>\n");
    html.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{language}\">"),
        1,
    )
    .replacen("</head>\n", &format!("{alternates}</head>\n"), 1)
    .replacen("<body>\n", &format!("<body>\n{nav}"), 1)
}
