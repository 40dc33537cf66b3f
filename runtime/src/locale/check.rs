//! The compile-time checks of a `catalog_locale!` against its catalog. The macro cannot
//! read the catalog (it may be in another crate, or composed), so it writes one `const`
//! per check, spanned on the user's token, and const evaluation panics with the message
//! built here.

use crate::Entry;
use crate::const_message::CheckReport;
use crate::member::{eq, str_lt};

/// The placeholder a locale's table of the catalog's entries starts filled with.
pub const NO_LOCALE_ENTRY: &Entry = &Entry::new("NO_ENTRY", 500, "", "");

/// A check's outcome: empty, or the message of the rule broken.
pub type LocaleReport = CheckReport<1024>;

const OK: LocaleReport = CheckReport::ok("a locale does not match the catalog it translates");

/// Whether `sorted`, sorted by `str`'s order, holds `code`.
const fn contains(sorted: &[&str], code: &str) -> bool {
    let (mut low, mut high) = (0, sorted.len());
    while low < high {
        let mid = low + (high - low) / 2;
        if str_lt(sorted[mid], code) {
            low = mid + 1;
        } else if str_lt(code, sorted[mid]) {
            high = mid;
        } else {
            return true;
        }
    }
    false
}

/// The entry of `code` among `entries`, in any order: a linear scan, for the catalogs
/// that do not list their codes sorted, and for the messages of a locale that does not
/// match its catalog.
#[must_use]
pub const fn find_in<'a>(entries: &[&'a Entry], code: &str) -> Option<&'a Entry> {
    let mut i = 0;
    while i < entries.len() {
        if eq(entries[i].code(), code) {
            return Some(entries[i]);
        }
        i += 1;
    }
    None
}

/// The code whose string is `code` in a catalog's codes sorted by string: a binary
/// search, so a locale's checks stay linear in the catalog's size.
#[must_use]
pub const fn find_code<C: Copy>(by_code: &[(&str, C)], code: &str) -> Option<C> {
    let (mut low, mut high) = (0, by_code.len());
    while low < high {
        let mid = low + (high - low) / 2;
        if str_lt(by_code[mid].0, code) {
            low = mid + 1;
        } else if str_lt(code, by_code[mid].0) {
            high = mid;
        } else {
            return Some(by_code[mid].1);
        }
    }
    None
}

/// The locale `locale`, whose codes are `translated` (sorted), translates every code of
/// the catalog `catalog`, whose entries are `entries`; the message lists every code
/// missing.
#[must_use]
pub const fn check_complete(
    entries: &[&Entry],
    translated: &[&str],
    locale: &str,
    catalog: &str,
) -> LocaleReport {
    let mut missing = 0;
    let mut i = 0;
    while i < entries.len() {
        if !contains(translated, entries[i].code()) {
            missing += 1;
        }
        i += 1;
    }
    if missing == 0 {
        return OK;
    }
    let mut report = OK
        .push("locale `")
        .push(locale)
        .push("` does not translate ")
        .push(if missing == 1 {
            "this code"
        } else {
            "these codes"
        })
        .push(" of `")
        .push(catalog)
        .push("`: ");
    let mut first = true;
    let mut i = 0;
    while i < entries.len() {
        let code = entries[i].code();
        if !contains(translated, code) {
            if !first {
                report = report.push(", ");
            }
            report = report.push("`").push(code).push("`");
            first = false;
        }
        i += 1;
    }
    report.push("; give each a translation, `CODE { title: \"…\" }`")
}

/// The catalog `catalog` has `code`, as `found` says.
#[must_use]
pub const fn check_code(found: bool, code: &str, catalog: &str) -> LocaleReport {
    if found {
        return OK;
    }
    OK.push("`")
        .push(catalog)
        .push("` has no code `")
        .push(code)
        .push("`; translate only the catalog's codes, or remove this translation")
}

/// The code `code` of the catalog, whose entry is `entry`, declares the member `member`
/// that a detail template names. A code the catalog lacks passes: [`check_code`]
/// reports it.
#[must_use]
pub const fn check_placeholder(entry: Option<&Entry>, code: &str, member: &str) -> LocaleReport {
    let Some(entry) = entry else {
        return OK;
    };
    let members = entry.members();
    let mut i = 0;
    while i < members.len() {
        if eq(members[i].name(), member) {
            return OK;
        }
        i += 1;
    }
    let report = OK
        .push("`{")
        .push(member)
        .push("}` is not a member of `")
        .push(code)
        .push("`; ");
    if members.is_empty() {
        return report.push("the code declares no members, so its template can only be text");
    }
    let mut report = report.push("a template names the code's members: ");
    let mut i = 0;
    while i < members.len() {
        if i > 0 {
            report = report.push(", ");
        }
        report = report.push("`{").push(members[i].name()).push("}`");
        i += 1;
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Member, MemberType};

    const THROTTLED: Entry = Entry::new("AUTH_TOO_MANY_REQUESTS", 429, "Throttled", "/p/a")
        .with_members(&[Member::new("retry_after", MemberType::Integer)]);
    const MISSING: Entry = Entry::new("AUTH_USER_NOT_FOUND", 404, "Missing", "/p/b");
    const GONE: Entry = Entry::new("AUTH_GONE", 410, "Gone", "/p/c");
    const ENTRIES: [&Entry; 3] = [&THROTTLED, &MISSING, &GONE];

    #[test]
    fn every_missing_code_is_listed_in_catalog_order() {
        assert!(
            !check_complete(
                &ENTRIES,
                &["AUTH_GONE", "AUTH_TOO_MANY_REQUESTS", "AUTH_USER_NOT_FOUND"],
                "ZH",
                "Auth"
            )
            .failed()
        );
        let report = check_complete(&ENTRIES, &["AUTH_TOO_MANY_REQUESTS"], "ZH", "Auth");
        assert_eq!(
            report.message(),
            "locale `ZH` does not translate these codes of `Auth`: `AUTH_USER_NOT_FOUND`, `AUTH_GONE`; give each a translation, `CODE { title: \"…\" }`"
        );
        let one = check_complete(
            &ENTRIES,
            &["AUTH_GONE", "AUTH_USER_NOT_FOUND"],
            "ZH",
            "Auth",
        );
        assert!(
            one.message()
                .contains("this code of `Auth`: `AUTH_TOO_MANY_REQUESTS`;")
        );
    }

    #[test]
    fn a_code_the_catalog_lacks_is_named() {
        let found = |code| find_in(&ENTRIES, code).is_some();
        assert!(!check_code(found("AUTH_GONE"), "AUTH_GONE", "Auth").failed());
        assert_eq!(
            check_code(found("AUTH_NOPE"), "AUTH_NOPE", "Auth").message(),
            "`Auth` has no code `AUTH_NOPE`; translate only the catalog's codes, or remove this translation"
        );
    }

    #[test]
    fn placeholders_are_the_codes_members() {
        let entry = |code| find_in(&ENTRIES, code);
        let throttled = entry("AUTH_TOO_MANY_REQUESTS");
        assert!(!check_placeholder(throttled, "AUTH_TOO_MANY_REQUESTS", "retry_after").failed());
        assert!(!check_placeholder(entry("AUTH_NOPE"), "AUTH_NOPE", "anything").failed());
        assert_eq!(
            check_placeholder(throttled, "AUTH_TOO_MANY_REQUESTS", "seconds").message(),
            "`{seconds}` is not a member of `AUTH_TOO_MANY_REQUESTS`; a template names the code's members: `{retry_after}`"
        );
        assert!(
            check_placeholder(entry("AUTH_GONE"), "AUTH_GONE", "x")
                .message()
                .ends_with("declares no members, so its template can only be text")
        );
    }

    #[test]
    fn the_sorted_table_is_searched() {
        let by_code = [("A", 0), ("AB", 1), ("B", 2), ("BA", 3), ("C", 4)];
        for (code, index) in by_code {
            assert_eq!(find_code(&by_code, code), Some(index));
        }
        for missing in ["", "AA", "BB", "D"] {
            assert_eq!(find_code(&by_code, missing), None, "{missing}");
        }
    }

    #[test]
    fn the_search_agrees_with_slice_contains() {
        let sorted = ["A", "AB", "B", "BA", "C"];
        for probe in ["", "A", "AA", "AB", "B", "BA", "BB", "C", "D"] {
            assert_eq!(contains(&sorted, probe), sorted.contains(&probe), "{probe}");
        }
    }
}
