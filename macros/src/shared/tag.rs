//! BCP 47 language tags (RFC 5646 §2.1), checked at compile time: well-formed, and
//! written in the canonical case (§2.1.1), so that `Content-Language`, the exports and
//! the gate all see one spelling of each tag.

/// Why `tag` is not a well-formed BCP 47 tag in canonical case, with the fix; `None`
/// when it is.
pub fn tag_error(tag: &str) -> Option<String> {
    if tag.is_empty() {
        return Some("a locale's tag cannot be empty; write a BCP 47 tag, e.g. `zh-Hans`".into());
    }
    if tag.contains('_') {
        let fix = tag.replace('_', "-");
        let fix = canonical(&fix).unwrap_or(fix);
        return Some(format!(
            "`{tag}` is not a BCP 47 tag: subtags are separated by `-`; write `{fix}`"
        ));
    }
    match canonical(tag) {
        None => Some(format!(
            "`{tag}` is not a BCP 47 language tag (RFC 5646): a language of 2–3 letters, then optionally a 4-letter script, a 2-letter or 3-digit region and variants, e.g. `zh-Hans` or `pt-BR`"
        )),
        Some(fix) if fix != tag => Some(format!(
            "`{tag}` is not in the canonical case of BCP 47; write `{fix}`"
        )),
        Some(_) => None,
    }
}

/// `tag` in canonical case, when it is well-formed: `langtag` or a private use tag.
fn canonical(tag: &str) -> Option<String> {
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || s.len() > 8 || !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return None;
    }
    let lower: Vec<String> = subtags.iter().map(|s| s.to_ascii_lowercase()).collect();
    if lower[0] == "x" {
        return private_use(&lower, 0).then(|| lower.join("-"));
    }
    let mut out = Vec::with_capacity(lower.len());
    let mut i = 0;
    // language: 2–3 letters (with up to three extlangs) or 5–8 letters.
    let language = &lower[i];
    if !alpha(language) || !matches!(language.len(), 2 | 3 | 5..=8) {
        return None;
    }
    out.push(language.clone());
    i += 1;
    if language.len() <= 3 {
        let mut extlangs = 0;
        while extlangs < 3 && lower.get(i).is_some_and(|s| s.len() == 3 && alpha(s)) {
            out.push(lower[i].clone());
            i += 1;
            extlangs += 1;
        }
    }
    // script: 4 letters, titlecase.
    if let Some(script) = lower.get(i).filter(|s| s.len() == 4 && alpha(s)) {
        let mut chars = script.chars();
        let first = chars
            .next()
            .map(|c| c.to_ascii_uppercase())
            .unwrap_or_default();
        out.push(format!("{first}{}", chars.as_str()));
        i += 1;
    }
    // region: 2 letters (uppercase) or 3 digits.
    if let Some(region) = lower
        .get(i)
        .filter(|s| (s.len() == 2 && alpha(s)) || (s.len() == 3 && digits(s)))
    {
        out.push(region.to_ascii_uppercase());
        i += 1;
    }
    // variants: 5–8 alphanumerics, or a digit and 3 alphanumerics; each once.
    while let Some(variant) = lower.get(i).filter(|s| {
        (5..=8).contains(&s.len()) || (s.len() == 4 && s.as_bytes()[0].is_ascii_digit())
    }) {
        if out.contains(variant) {
            return None;
        }
        out.push(variant.clone());
        i += 1;
    }
    // extensions: a singleton other than `x`, then subtags of 2–8; each singleton once.
    let mut singletons = Vec::new();
    while let Some(singleton) = lower.get(i).filter(|s| s.len() == 1 && *s != "x") {
        if singletons.contains(singleton) {
            return None;
        }
        singletons.push(singleton.clone());
        out.push(singleton.clone());
        i += 1;
        let start = i;
        while lower.get(i).is_some_and(|s| s.len() >= 2) {
            out.push(lower[i].clone());
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    if lower.get(i).is_some_and(|s| s == "x") {
        if !private_use(&lower, i) {
            return None;
        }
        out.extend(lower[i..].iter().cloned());
        i = lower.len();
    }
    (i == lower.len()).then(|| out.join("-"))
}

/// `x` at `at`, followed by at least one subtag of 1–8 alphanumerics.
fn private_use(lower: &[String], at: usize) -> bool {
    lower.len() > at + 1
}

fn alpha(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn digits(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_in_canonical_case_pass() {
        for tag in [
            "en",
            "zh-Hans",
            "zh-Hans-CN",
            "pt-BR",
            "es-419",
            "sl-rozaj-biske",
            "de-CH-1901",
            "zh-yue-HK",
            "en-US-u-ca-gregory",
            "x-private",
            "en-x-twain",
            "ast",
        ] {
            assert_eq!(tag_error(tag), None, "{tag}");
        }
    }

    #[test]
    fn mistakes_get_the_fix() {
        assert_eq!(
            tag_error("zh_hans").as_deref(),
            Some("`zh_hans` is not a BCP 47 tag: subtags are separated by `-`; write `zh-Hans`")
        );
        assert_eq!(
            tag_error("ZH-hans-cn").as_deref(),
            Some("`ZH-hans-cn` is not in the canonical case of BCP 47; write `zh-Hans-CN`")
        );
        for bad in [
            "",
            "c",
            "chinese-simplified",
            "zh-",
            "-zh",
            "zh--Hans",
            "zh-Hans-CN-CN",
            "en-a",
            "en-a-bc-a-de",
            "x",
            "en-x",
            "de-1901-1901",
            "zh-Hans!",
            "1en",
            "toolongtag",
        ] {
            assert!(tag_error(bad).is_some(), "{bad}");
        }
    }
}
