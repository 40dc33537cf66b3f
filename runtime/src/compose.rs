//! Const helpers for composed catalogs: a catalog built from other catalogs is checked
//! at compile time for a code declared in two of its members, and the derive finds an
//! entry of a composed catalog by its code, since no macro can name one const per code
//! of catalogs it cannot see.

use crate::const_message::ConstMessage;
use crate::member::{eq, str_lt};
use crate::{Catalog, Entry};

/// Where the derive looks up `Catalog::CODE`: the catalog itself for a catalog with its
/// own codes (`Scope<L> = Self`, whose associated consts rustc resolves, with its "a
/// similar name exists" help), the derive's local lookup type `L` for a composed one
/// (`Scope<L> = L`), whose consts find the code in [`ComposedCatalog::ENTRIES`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a catalog of problem codes",
    label = "not a catalog",
    note = "declare catalogs with `problem_codes::error_catalog!`"
)]
pub trait EntryScope {
    /// The type whose associated consts are the catalog's codes.
    type Scope<L>;
}

/// A composed catalog's codes, for lookups in const evaluation.
pub trait ComposedCatalog: Catalog {
    /// Every code's entry with the name of the member catalog that declares it, in the
    /// order of [`Catalog::ALL`].
    const ENTRIES: &'static [(&'static Entry, &'static str)];
}

/// The seed of [`ComposedCatalog::ENTRIES`]' array, overwritten before it is read.
pub const NO_ENTRY: (&Entry, &str) = (
    &Entry::__from_macro("NO_ENTRY", 500, "", "", "", "", "", (0, 0)),
    "",
);

/// A code of a composed catalog found by the derive: `.entry()` as on a catalog's own
/// code, so one expansion serves both kinds of catalog.
#[derive(Debug, Clone, Copy)]
pub struct FoundEntry(pub &'static Entry);

impl FoundEntry {
    /// The entry found.
    #[must_use]
    pub const fn entry(self) -> &'static Entry {
        self.0
    }
}

/// What [`find_entry`] found: the entry and the member that declares it, or the message
/// saying the code is in no member.
#[derive(Debug, Clone, Copy)]
pub struct EntryReport {
    found: Option<(&'static Entry, &'static str)>,
    message: ConstMessage<256>,
}

impl EntryReport {
    /// The entry found, if any.
    #[must_use]
    pub const fn entry(&self) -> Option<&'static Entry> {
        match self.found {
            Some((entry, _)) => Some(entry),
            None => None,
        }
    }

    /// The message: why the code was not found, or, when it was, that it is already in
    /// the catalog (for an inline code that repeats it).
    #[must_use]
    pub const fn message(&self) -> &str {
        self.message.as_str("no such code in the catalog")
    }
}

/// Finds `code` in the entries of the composed catalog `composed`. When it is not
/// there, the message names the code and the catalog and, for a likely typo, the code
/// meant; when it is, the message says which member declares it, for an inline code
/// written beside `catalog = …` that repeats it.
#[must_use]
pub const fn find_entry(
    entries: &'static [(&'static Entry, &'static str)],
    code: &str,
    composed: &str,
) -> EntryReport {
    let mut closest: Option<(&str, usize)> = None;
    let limit = {
        let third = code.len() / 3;
        if third == 0 { 1 } else { third }
    };
    let mut i = 0;
    while i < entries.len() {
        let (entry, member) = entries[i];
        if eq(entry.code(), code) {
            let message = ConstMessage::EMPTY
                .push("the code `")
                .push(code)
                .push("` is already in the catalog `")
                .push(composed)
                .push("` (declared in `")
                .push(member)
                .push("`); name its entry instead of declaring it again, as in `#[problem(")
                .push(code)
                .push(")]`");
            return EntryReport {
                found: Some((entry, member)),
                message,
            };
        }
        let d = distance(entry.code(), code);
        let closer = match closest {
            Some((_, best)) => d < best,
            None => true,
        };
        if d <= limit && closer {
            closest = Some((entry.code(), d));
        }
        i += 1;
    }
    let message = ConstMessage::EMPTY
        .push("no code `")
        .push(code)
        .push("` in the catalog `")
        .push(composed)
        .push("` or the catalogs it composes");
    let message = match closest {
        Some((near, _)) => message.push("; did you mean `").push(near).push("`?"),
        None => message.push("; name a code one of its member catalogs declares"),
    };
    EntryReport {
        found: None,
        message,
    }
}

/// The longest code [`distance`] compares; a code has at most 63 characters.
const MAX_CODE: usize = 64;

/// Optimal string alignment distance over bytes (codes are ASCII), as the macros'
/// suggestions measure it; `usize::MAX` past [`MAX_CODE`].
const fn distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX_CODE || b.len() > MAX_CODE {
        return usize::MAX;
    }
    // Three rows: the one before last (transpositions), the last, the current.
    let mut before = [0usize; MAX_CODE + 1];
    let mut last = [0usize; MAX_CODE + 1];
    let mut row = [0usize; MAX_CODE + 1];
    let mut j = 0;
    while j <= b.len() {
        last[j] = j;
        j += 1;
    }
    let mut i = 1;
    while i <= a.len() {
        row[0] = i;
        let mut j = 1;
        while j <= b.len() {
            let cost = if a[i - 1] == b[j - 1] { 0 } else { 1 };
            let mut best = min(min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = min(best, before[j - 2] + 1);
            }
            row[j] = best;
            j += 1;
        }
        before = last;
        last = row;
        i += 1;
    }
    last[b.len()]
}

const fn min(a: usize, b: usize) -> usize {
    if a < b { a } else { b }
}

/// What [`find_duplicate`] found: empty, or the message naming the duplicate.
#[derive(Debug, Clone, Copy)]
pub struct DuplicateReport(ConstMessage<256>);

impl DuplicateReport {
    /// Whether a duplicate was found.
    #[must_use]
    pub const fn found(&self) -> bool {
        !self.0.is_empty()
    }

    /// The message, empty when nothing was found.
    #[must_use]
    pub const fn message(&self) -> &str {
        self.0.as_str("a problem code is declared in two catalogs")
    }

    const fn push(self, text: &str) -> DuplicateReport {
        DuplicateReport(self.0.push(text))
    }
}

/// Finds a code that appears twice in `codes`, a list of `(code, catalog name)` pairs,
/// and describes it: "problem code `X` is declared in both `A` and `B`; …".
///
/// Sorts a copy (heapsort, O(n log n) comparisons) so that a registry of thousands of
/// codes stays cheap to check in const evaluation.
#[must_use]
pub const fn find_duplicate<const N: usize>(
    codes: &[(&'static str, &'static str); N],
    composed: &str,
) -> DuplicateReport {
    let mut sorted = *codes;
    heapsort(&mut sorted);
    let mut i = 1;
    while i < N {
        if eq(sorted[i - 1].0, sorted[i].0) {
            let (first, second) = occurrences(codes, sorted[i].0);
            return DuplicateReport(ConstMessage::EMPTY)
                .push("problem code `")
                .push(sorted[i].0)
                .push("` is declared in both `")
                .push(first)
                .push("` and `")
                .push(second)
                .push("`, which `")
                .push(composed)
                .push("` composes; a code belongs to one catalog");
        }
        i += 1;
    }
    DuplicateReport(ConstMessage::EMPTY)
}

/// The catalogs of the first two occurrences of `code`, in declaration order.
const fn occurrences<const N: usize>(
    codes: &[(&'static str, &'static str); N],
    code: &str,
) -> (&'static str, &'static str) {
    let mut found: [&'static str; 2] = ["", ""];
    let mut seen = 0;
    let mut i = 0;
    while i < N && seen < 2 {
        if eq(codes[i].0, code) {
            found[seen] = codes[i].1;
            seen += 1;
        }
        i += 1;
    }
    (found[0], found[1])
}

/// The part of `items` from `start` to `end`.
#[must_use]
pub const fn subslice<T>(items: &[T], start: usize, end: usize) -> &[T] {
    let (head, _) = items.split_at(end);
    let (_, part) = head.split_at(start);
    part
}

const fn heapsort<const N: usize>(items: &mut [(&'static str, &'static str); N]) {
    let mut start = N / 2;
    while start > 0 {
        start -= 1;
        sift_down(items, start, N);
    }
    let mut end = N;
    while end > 1 {
        end -= 1;
        let first = items[0];
        items[0] = items[end];
        items[end] = first;
        sift_down(items, 0, end);
    }
}

const fn sift_down<const N: usize>(
    items: &mut [(&'static str, &'static str); N],
    mut root: usize,
    end: usize,
) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && str_lt(items[child].0, items[child + 1].0) {
            child += 1;
        }
        if !str_lt(items[root].0, items[child].0) {
            return;
        }
        let tmp = items[root];
        items[root] = items[child];
        items[child] = tmp;
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_duplicate_and_names_both_catalogs() {
        let codes = [
            ("B_CODE", "Auth"),
            ("A_CODE", "Auth"),
            ("C_CODE", "Avatar"),
            ("A_CODE", "Avatar"),
        ];
        let report = find_duplicate(&codes, "Eryao");
        assert!(report.found());
        assert!(
            report
                .message()
                .starts_with("problem code `A_CODE` is declared in both `")
        );
        assert!(report.message().contains("`Auth`") && report.message().contains("`Avatar`"));
        assert!(!find_duplicate(&[("A_B", "x"), ("A_BC", "y"), ("A", "z")], "E").found());
        assert!(!find_duplicate::<0>(&[], "E").found());
    }

    static ENTRIES: [(&Entry, &str); 2] = [
        (
            &Entry::__from_macro("AUTH_USER_NOT_FOUND", 404, "", "", "", "", "", (0, 0)),
            "Auth",
        ),
        (
            &Entry::__from_macro("AVATAR_FILE_INVALID", 422, "", "", "", "", "", (0, 0)),
            "Avatar",
        ),
    ];

    #[test]
    fn finds_an_entry_of_a_member_and_names_it() {
        let found = find_entry(&ENTRIES, "AVATAR_FILE_INVALID", "Eryao");
        assert_eq!(found.entry().map(|e| e.status().as_u16()), Some(422));
        assert!(
            found
                .message()
                .contains("already in the catalog `Eryao` (declared in `Avatar`)"),
            "{}",
            found.message()
        );
    }

    #[test]
    fn a_code_in_no_member_is_named_with_the_closest_one() {
        let typo = find_entry(&ENTRIES, "AVATAR_FILE_INVLAID", "Eryao");
        assert!(typo.entry().is_none());
        assert_eq!(
            typo.message(),
            "no code `AVATAR_FILE_INVLAID` in the catalog `Eryao` or the catalogs it \
             composes; did you mean `AVATAR_FILE_INVALID`?"
        );
        let stranger = find_entry(&ENTRIES, "BILLING_CARD_DECLINED", "Eryao");
        assert!(
            stranger
                .message()
                .ends_with("name a code one of its member catalogs declares")
        );
    }

    #[test]
    fn distance_counts_edits_and_transpositions() {
        assert_eq!(distance("ABC", "ABC"), 0);
        assert_eq!(distance("ABC", "ACB"), 1);
        assert_eq!(distance("ABC", "AB"), 1);
        assert_eq!(distance("", "ABC"), 3);
        assert_eq!(distance("KITTEN", "SITTING"), 3);
        assert_eq!(distance(&"A".repeat(65), "A"), usize::MAX);
    }

    #[test]
    fn sorts_like_str_ord() {
        let mut items = [
            ("b", ""),
            ("a", ""),
            ("ab", ""),
            ("", ""),
            ("ba", ""),
            ("a", ""),
        ];
        heapsort(&mut items);
        let keys: Vec<&str> = items.iter().map(|(k, _)| *k).collect();
        let mut expected = keys.clone();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }

    #[test]
    fn long_messages_are_cut_on_a_char_boundary() {
        let long = "É".repeat(300);
        let report = DuplicateReport(ConstMessage::EMPTY).push(&long);
        assert!(report.message().chars().all(|c| c == 'É'));
    }
}
