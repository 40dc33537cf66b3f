//! Choosing a locale from an `Accept-Language` value (RFC 9110 §12.5.4): RFC 4647 §3.4
//! lookup over the ranges in order of their q-values, extended with likely subtags.

use icu_locale::subtags::Variants;
use icu_locale::{LanguageIdentifier, LocaleExpander};

use crate::{Catalog, Locale};

/// The most ranges of one `Accept-Language` value that take part; the rest are ignored,
/// so a hostile header costs a bounded amount of work and no allocation.
const MAX_RANGES: usize = 16;

/// The languages a service answers in: its catalog's own and its locales, and the
/// negotiation that picks one for a request's `Accept-Language`.
///
/// The rule, for each language range in order of its q-value (ties in the order
/// written; `q=0` ranges and ranges that are not language tags are skipped):
///
/// 1. `*` picks the default language.
/// 2. RFC 4647 lookup: the range, then the range with its last subtag removed, and so
///    on to its language; the first that equals a tag served picks it. `en-GB` picks
///    `en`.
/// 3. Then the same with the range's likely subtags added (CLDR, through `icu_locale`):
///    `zh-CN` is `zh-Hans-CN`, which looks up `zh-Hans`; `zh` alone is `zh-Hans-CN`
///    too. `zh-TW` is `zh-Hant-TW` and does not pick `zh-Hans`. A tag served matches
///    also by its own likely form, so `pt` picks `pt-BR`.
///
/// When no range picks a language, the default does (RFC 4647's default).
///
/// ```
/// use problem_codes::{Catalog, Locales, catalog_locale, error_catalog};
///
/// error_catalog! {
///     pub catalog Auth { section "Auth" { AUTH_USER_NOT_FOUND = 404 { title: "User not found" } } }
/// }
/// catalog_locale! {
///     pub locale ZH_HANS for Auth = "zh-Hans" { AUTH_USER_NOT_FOUND { title: "用户不存在" } }
/// }
///
/// const LOCALES: Locales = Locales::of::<Auth>(&[&ZH_HANS]);
/// let locales = LOCALES;
/// assert_eq!(locales.negotiate("zh-CN,zh;q=0.9").map(|l| l.tag()), Some("zh-Hans"));
/// assert_eq!(locales.negotiate("en-US,zh;q=0.5"), None, "the catalog's own English");
/// assert_eq!(locales.negotiate("fr, zh-Hant;q=0.8, zh;q=0.7").map(|l| l.tag()), Some("zh-Hans"));
/// assert_eq!(locales.negotiate("zh-TW"), None);
/// assert_eq!(locales.language_of("zh-SG"), "zh-Hans");
/// assert_eq!(locales.language_of("*"), "en");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Locales {
    default: &'static str,
    locales: &'static [&'static Locale],
}

/// The locales whose tags are parsed once per negotiation, on the stack; any further
/// one is parsed as it is compared.
const PARSED: usize = 8;

/// A tag served, as written and with its likely subtags.
#[derive(Debug, Clone, Default)]
struct Served {
    id: Option<LanguageIdentifier>,
    likely: Option<LanguageIdentifier>,
}

impl Served {
    fn new(tag: &str, expander: &LocaleExpander) -> Served {
        let id = LanguageIdentifier::try_from_str(tag).ok();
        let likely = id.clone().map(|mut id| {
            expander.maximize(&mut id);
            id
        });
        Served { id, likely }
    }

    fn matches(&self, candidate: &LanguageIdentifier) -> bool {
        self.id.as_ref() == Some(candidate) || self.likely.as_ref() == Some(candidate)
    }
}

impl Locales {
    /// The catalog `C`'s own language ([`Catalog::LANGUAGE`]) and `locales`. See the
    /// example on [`Locales`].
    #[must_use]
    pub const fn of<C: Catalog>(locales: &'static [&'static Locale]) -> Locales {
        Locales::new(C::LANGUAGE, locales)
    }

    /// The default language `default_language` and `locales`, in order of preference
    /// when a range matches two of them.
    ///
    /// ```
    /// use problem_codes::{Locale, LocaleEntry, Locales};
    ///
    /// const DE: Locale = Locale::new("de", "en", &[LocaleEntry::new("AUTH_USER_NOT_FOUND", "Benutzer nicht gefunden")]);
    /// const LOCALES: Locales = Locales::new("en", &[&DE]);
    /// assert_eq!(LOCALES.default_language(), "en");
    /// assert_eq!(LOCALES.negotiate("de-AT").map(|l| l.tag()), Some("de"));
    /// assert_eq!(LOCALES.locales().len(), 1);
    /// ```
    #[must_use]
    pub const fn new(
        default_language: &'static str,
        locales: &'static [&'static Locale],
    ) -> Locales {
        Locales {
            default: default_language,
            locales,
        }
    }

    /// The tag of the default language. See the example on [`Locales::new`].
    #[must_use]
    pub const fn default_language(&self) -> &'static str {
        self.default
    }

    /// The locales served besides the default. See the example on [`Locales::new`].
    #[must_use]
    pub const fn locales(&self) -> &'static [&'static Locale] {
        self.locales
    }

    /// The locale an `Accept-Language` value picks, or `None` for the default language.
    /// Allocates nothing for tags without variants. See the rule and the example on
    /// [`Locales`].
    #[must_use]
    pub fn negotiate(&self, accept_language: &str) -> Option<&'static Locale> {
        let expander = LocaleExpander::new_common();
        let mut ranges = [("", 0u16); MAX_RANGES];
        let count = ranges_by_weight(accept_language, &mut ranges);
        let ranges = ranges.get(..count).unwrap_or_default();
        if ranges.is_empty() {
            return None;
        }
        let default = Served::new(self.default, &expander);
        let mut parsed: [Served; PARSED] = Default::default();
        for (slot, locale) in parsed.iter_mut().zip(self.locales) {
            *slot = Served::new(locale.tag(), &expander);
        }
        let picks = |candidate: &LanguageIdentifier| {
            self.locales.iter().enumerate().find_map(|(i, locale)| {
                let matched = match parsed.get(i) {
                    Some(served) => served.matches(candidate),
                    None => Served::new(locale.tag(), &expander).matches(candidate),
                };
                matched.then_some(*locale)
            })
        };
        for &(range, _) in ranges {
            if range == "*" {
                return None;
            }
            let Ok(id) = LanguageIdentifier::try_from_str(range) else {
                continue;
            };
            let mut likely = id.clone();
            expander.maximize(&mut likely);
            for mut candidate in [id, likely] {
                loop {
                    if default.matches(&candidate) {
                        return None;
                    }
                    if let Some(locale) = picks(&candidate) {
                        return Some(locale);
                    }
                    if !truncate(&mut candidate) {
                        break;
                    }
                }
            }
        }
        None
    }

    /// The tag of the language an `Accept-Language` value picks: what `Content-Language`
    /// says. See the example on [`Locales`].
    #[must_use]
    pub fn language_of(&self, accept_language: &str) -> &'static str {
        self.negotiate(accept_language)
            .map_or(self.default, Locale::tag)
    }
}

/// Removes the last subtag, as RFC 4647 lookup does; `false` when only the language is
/// left.
fn truncate(id: &mut LanguageIdentifier) -> bool {
    if !id.variants.is_empty() {
        id.variants = Variants::new();
    } else if id.region.is_some() {
        id.region = None;
    } else if id.script.is_some() {
        id.script = None;
    } else {
        return false;
    }
    true
}

/// The ranges of an `Accept-Language` value with their weights (q × 1000), most wanted
/// first, ties in the order written; `q=0` and malformed weights are left out. Returns
/// how many of `out` it filled.
fn ranges_by_weight<'a>(value: &'a str, out: &mut [(&'a str, u16); MAX_RANGES]) -> usize {
    let mut count = 0;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let range = parts.next().unwrap_or_default().trim();
        if range.is_empty() {
            continue;
        }
        let mut weight = Some(1000);
        for param in parts {
            let param = param.trim();
            if let Some(q) = param
                .strip_prefix("q=")
                .or_else(|| param.strip_prefix("Q="))
            {
                weight = parse_weight(q);
            }
        }
        let Some(weight) = weight.filter(|&w| w > 0) else {
            continue;
        };
        let Some(slot) = out.get_mut(count) else {
            break;
        };
        *slot = (range, weight);
        count += 1;
    }
    // Insertion sort: stable, in place, and the ranges are few.
    let filled = out.get_mut(..count).unwrap_or_default();
    for i in 1..filled.len() {
        let mut j = i;
        while j > 0 && filled[j - 1].1 < filled[j].1 {
            filled.swap(j - 1, j);
            j -= 1;
        }
    }
    count
}

/// A `qvalue` (RFC 9110 §12.4.2: `0[.ddd]` or `1[.000]`) in thousandths.
fn parse_weight(q: &str) -> Option<u16> {
    let (int, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, b) in frac.bytes().enumerate() {
        let place = [100, 10, 1][i];
        thousandths += u16::from(b - b'0') * place;
    }
    match int {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_follow_rfc_9110() {
        assert_eq!(parse_weight("1"), Some(1000));
        assert_eq!(parse_weight("1.000"), Some(1000));
        assert_eq!(parse_weight("0.9"), Some(900));
        assert_eq!(parse_weight("0.05"), Some(50));
        assert_eq!(parse_weight("0.001"), Some(1));
        assert_eq!(parse_weight("0"), Some(0));
        for bad in ["1.5", "2", "0.0001", "", ".5", "0.x", "-1"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
        }
    }

    #[test]
    fn ranges_are_ordered_by_weight_then_as_written() {
        let mut out = [("", 0); MAX_RANGES];
        let n = ranges_by_weight(
            "fr;q=0.5, en , de;q=0.5,zh;q=0, ja;q=oops,*;q=0.1",
            &mut out,
        );
        let ranges: Vec<&str> = out[..n].iter().map(|(r, _)| *r).collect();
        assert_eq!(ranges, ["en", "fr", "de", "*"]);
    }

    #[test]
    fn a_long_header_is_cut_not_allocated() {
        let header = vec!["xx"; 100].join(",");
        let mut out = [("", 0); MAX_RANGES];
        assert_eq!(ranges_by_weight(&header, &mut out), MAX_RANGES);
    }

    #[test]
    fn truncation_removes_subtags_from_the_end() {
        let mut id = LanguageIdentifier::try_from_str("sl-Latn-IT-rozaj").expect("a tag");
        let mut seen = vec![id.to_string()];
        while truncate(&mut id) {
            seen.push(id.to_string());
        }
        assert_eq!(seen, ["sl-Latn-IT-rozaj", "sl-Latn-IT", "sl-Latn", "sl"]);
    }
}
