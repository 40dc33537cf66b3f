//! Const helpers for composed catalogs: a catalog built from other catalogs is checked
//! at compile time for a code declared in two of its members.

use crate::const_message::ConstMessage;

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
        if str_eq(sorted[i - 1].0, sorted[i].0) {
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
        if str_eq(codes[i].0, code) {
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

const fn str_lt(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

const fn str_eq(a: &str, b: &str) -> bool {
    !str_lt(a, b) && !str_lt(b, a)
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
