//! The static facts of one code: one row of a team's error table.

use http::StatusCode;

use crate::Member;

/// The type base used when a catalog or derive sets no `type_base`.
///
/// A problem's `type` is then the absolute path `/problems/<slug>`: a relative URI
/// reference that carries its full path, as RFC 9457 §3.1.1 recommends when a relative
/// reference is used. Serve the exported HTML pages at `/problems/` on the API's own host
/// and every type resolves to its documentation.
///
/// ```
/// use problem_codes::{DEFAULT_TYPE_BASE, ProblemCode};
/// # problem_codes::error_catalog! { pub catalog Auth { section "Auth" {
/// #     AUTH_USER_NOT_FOUND = 404 { title: "User not found", handling: "Show not-found message" },
/// # } } }
///
/// // `Auth` is declared with no `type_base`.
/// assert_eq!(DEFAULT_TYPE_BASE, "/problems/");
/// assert_eq!(Auth::AUTH_USER_NOT_FOUND.type_uri(), "/problems/auth-user-not-found");
/// ```
pub const DEFAULT_TYPE_BASE: &str = "/problems/";

/// What precedes the code in a body.
pub(crate) const CODE_MEMBER: &str = r#","code":""#;

/// The longest code accepted: AIP-193's limit for a `reason`.
///
/// ```
/// use problem_codes::{MAX_CODE_LEN, is_valid_code};
///
/// assert!(is_valid_code(&"A".repeat(MAX_CODE_LEN)));
/// assert!(!is_valid_code(&"A".repeat(MAX_CODE_LEN + 1)));
/// ```
pub const MAX_CODE_LEN: usize = 63;

/// The static facts of one problem code: code, status, title, handling, section and
/// type URI.
///
/// Entries are `'static` data built at compile time by [`error_catalog!`] and
/// `#[derive(ProblemCode)]`; reading them allocates nothing.
///
/// ```
/// use problem_codes::Entry;
///
/// const THROTTLED: Entry = Entry::new(
///     "AUTH_TOO_MANY_REQUESTS",
///     429,
///     "OTP request throttled",
///     "https://errors.example.com/auth-too-many-requests",
/// )
/// .with_handling("Show wait message")
/// .with_section("Auth");
///
/// assert_eq!(THROTTLED.code(), "AUTH_TOO_MANY_REQUESTS");
/// assert_eq!(THROTTLED.status(), http::StatusCode::TOO_MANY_REQUESTS);
/// assert_eq!(THROTTLED.title(), "OTP request throttled");
/// assert_eq!(THROTTLED.type_uri(), "https://errors.example.com/auth-too-many-requests");
/// assert_eq!(THROTTLED.handling(), "Show wait message");
/// assert_eq!(THROTTLED.section(), "Auth");
/// ```
///
/// [`error_catalog!`]: crate::error_catalog
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    code: &'static str,
    status: StatusCode,
    title: &'static str,
    type_uri: &'static str,
    handling: &'static str,
    section: &'static str,
    /// The whole body of an occurrence with no per-occurrence parts,
    /// `{"type":…,"title":…,"status":…,"code":…}`, escaped at compile time; or empty.
    json: &'static str,
    /// Where the escaped title is in `json`, so a translation swaps it without
    /// measuring it; `(0, 0)` when `json` is empty.
    title_in_json: (u32, u32),
    lifecycle: Lifecycle,
    replacement: Option<&'static str>,
    members: &'static [Member],
}

/// Where a code is in its life: codes are added, may be deprecated, and are never
/// deleted (the [compatibility gate] of `problem-codes-contract` refuses a removal, and
/// its snapshot remembers a removed code so that it never comes back changed).
///
/// [compatibility gate]: https://docs.rs/problem-codes-contract/latest/problem_codes_contract/compat/
///
/// ```
/// use problem_codes::{Entry, Lifecycle};
///
/// const OLD: Entry = Entry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code", "/problems/auth-otp-wrong")
///     .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID"));
/// assert_eq!(OLD.lifecycle(), Lifecycle::Deprecated);
/// assert_eq!(OLD.lifecycle().as_str(), "deprecated");
/// assert_eq!(OLD.replacement(), Some("AUTH_VERIFICATION_CODE_INVALID"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum Lifecycle {
    /// In use: services may return it.
    #[default]
    Active,
    /// Still served and understood, but new code should use its replacement.
    Deprecated,
}

impl Lifecycle {
    /// The state's name in the exports: `active` or `deprecated`.
    ///
    /// ```
    /// # use problem_codes::Lifecycle;
    /// assert_eq!(Lifecycle::Active.as_str(), "active");
    /// assert_eq!(Lifecycle::Deprecated.to_string(), Lifecycle::Deprecated.as_str());
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Lifecycle::Active => "active",
            Lifecycle::Deprecated => "deprecated",
        }
    }

    /// The state named `name` (`active` or `deprecated`), if any.
    ///
    /// ```
    /// # use problem_codes::Lifecycle;
    /// assert_eq!(Lifecycle::from_name("deprecated"), Some(Lifecycle::Deprecated));
    /// assert_eq!(Lifecycle::from_name("retired"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Lifecycle> {
        match name {
            "active" => Some(Lifecycle::Active),
            "deprecated" => Some(Lifecycle::Deprecated),
            _ => None,
        }
    }
}

impl core::fmt::Display for Lifecycle {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.pad(self.as_str())
    }
}

impl Entry {
    /// Builds an entry from its required facts.
    ///
    /// # Panics
    ///
    /// If `code` is not of the AIP-193 shape (see [`is_valid_code`]) or `status` is not a
    /// client or server error (400–599). Use it to initialise a `const`, where that panic
    /// is a compile error, as with [`http::HeaderValue::from_static`].
    ///
    /// ```
    /// use problem_codes::{Entry, Lifecycle};
    ///
    /// const NOT_FOUND: Entry = Entry::new("AUTH_USER_NOT_FOUND", 404, "User not found", "/problems/auth-user-not-found");
    /// assert_eq!(NOT_FOUND.status(), 404);
    /// assert_eq!(NOT_FOUND.handling(), "");
    /// assert_eq!(NOT_FOUND.lifecycle(), Lifecycle::Active);
    /// ```
    ///
    /// In a `const`, a status that is not an error (or a malformed code) does not compile:
    ///
    /// ```compile_fail
    /// # use problem_codes::Entry;
    /// const OK: Entry = Entry::new("AUTH_OK", 200, "Fine", "/problems/auth-ok");
    /// ```
    #[must_use]
    pub const fn new(
        code: &'static str,
        status: u16,
        title: &'static str,
        type_uri: &'static str,
    ) -> Entry {
        assert!(
            is_valid_code(code),
            "a problem code is SCREAMING_SNAKE_CASE: [A-Z][A-Z0-9_]+[A-Z0-9], at most 63 characters"
        );
        assert!(
            is_error_status(status),
            "a problem status is a client or server error, 400 to 599"
        );
        let status = match StatusCode::from_u16(status) {
            Ok(status) => status,
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        Entry {
            code,
            status,
            title,
            type_uri,
            handling: "",
            section: "",
            json: "",
            title_in_json: (0, 0),
            lifecycle: Lifecycle::Active,
            replacement: None,
            members: &[],
        }
    }

    /// Sets the text that tells frontend developers how to handle the code.
    ///
    /// ```
    /// # use problem_codes::Entry;
    /// const E: Entry = Entry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled", "/problems/auth-too-many-requests")
    ///     .with_handling("Show wait message");
    /// assert_eq!(E.handling(), "Show wait message");
    /// ```
    #[must_use]
    pub const fn with_handling(mut self, handling: &'static str) -> Entry {
        self.handling = handling;
        self
    }

    /// Sets the catalog section the code belongs to.
    ///
    /// ```
    /// # use problem_codes::Entry;
    /// const E: Entry = Entry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled", "/problems/auth-too-many-requests")
    ///     .with_section("Auth");
    /// assert_eq!(E.section(), "Auth");
    /// ```
    #[must_use]
    pub const fn with_section(mut self, section: &'static str) -> Entry {
        self.section = section;
        self
    }

    /// Marks the code deprecated, naming the code that replaces it, if any.
    ///
    /// A deprecated code is still served and still parses: clients built before the
    /// replacement keep working. The exports show the state and the replacement.
    ///
    /// ```
    /// use problem_codes::{Entry, Lifecycle};
    ///
    /// const OLD: Entry = Entry::new("AUTH_OTP_WRONG", 401, "Invalid OTP code", "/problems/auth-otp-wrong")
    ///     .with_deprecated(Some("AUTH_VERIFICATION_CODE_INVALID"));
    /// assert_eq!(OLD.lifecycle(), Lifecycle::Deprecated);
    /// assert_eq!(OLD.replacement(), Some("AUTH_VERIFICATION_CODE_INVALID"));
    ///
    /// const GONE: Entry = Entry::new("AUTH_SMS_LOGIN", 410, "SMS login removed", "/problems/auth-sms-login")
    ///     .with_deprecated(None);
    /// assert_eq!(GONE.lifecycle(), Lifecycle::Deprecated);
    /// assert_eq!(GONE.replacement(), None);
    /// ```
    #[must_use]
    pub const fn with_deprecated(mut self, replacement: Option<&'static str>) -> Entry {
        self.lifecycle = Lifecycle::Deprecated;
        self.replacement = replacement;
        self
    }

    /// Sets the extension members the code's body carries (RFC 9457 §3.2).
    ///
    /// ```
    /// use problem_codes::{Entry, Member, MemberType};
    ///
    /// const BROKE: Entry = Entry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points", "/problems/points-insufficient-balance")
    ///     .with_members(&[
    ///         Member::new("balance", MemberType::Integer),
    ///         Member::new("required", MemberType::Integer),
    ///     ]);
    /// let names: Vec<&str> = BROKE.members().iter().map(|m| m.name()).collect();
    /// assert_eq!(names, ["balance", "required"]);
    /// assert_eq!(BROKE.member("balance").map(|m| m.ty()), Some(MemberType::Integer));
    /// ```
    #[must_use]
    pub const fn with_members(mut self, members: &'static [Member]) -> Entry {
        self.members = members;
        self
    }

    /// The extension members the code's body carries, in declaration order (see the
    /// example on [`Entry::with_members`]).
    #[must_use]
    pub const fn members(&self) -> &'static [Member] {
        self.members
    }

    /// The member named `name`, if the code declares it.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|member| member.name() == name)
    }

    /// Every fact at once, checked by the macro that calls it, so const evaluation does
    /// no work of its own (it runs once per code at compile time). Not public API: see the table
    /// in `__private`.
    #[doc(hidden)]
    #[must_use]
    #[allow(clippy::too_many_arguments)]
    pub const fn __from_macro(
        code: &'static str,
        status: u16,
        title: &'static str,
        type_uri: &'static str,
        handling: &'static str,
        section: &'static str,
        json: &'static str,
        title_in_json: (u32, u32),
    ) -> Entry {
        Entry {
            code,
            status: match StatusCode::from_u16(status) {
                Ok(status) => status,
                Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
            },
            title,
            type_uri,
            handling,
            section,
            json,
            title_in_json,
            lifecycle: Lifecycle::Active,
            replacement: None,
            members: &[],
        }
    }

    /// The stable code, e.g. `AUTH_TOO_MANY_REQUESTS`: what clients map on.
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn code(&self) -> &'static str {
        self.code
    }

    /// The HTTP status every occurrence of this code is served with.
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn status(&self) -> StatusCode {
        self.status
    }

    /// The RFC 9457 `title`: a short summary that is the same for every occurrence (the
    /// "meaning" column of an error table).
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn title(&self) -> &'static str {
        self.title
    }

    /// How the frontend should handle the code; empty when not given.
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn handling(&self) -> &'static str {
        self.handling
    }

    /// The catalog section of the code; empty when not given.
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn section(&self) -> &'static str {
        self.section
    }

    /// The RFC 9457 problem `type` URI of this code.
    ///
    /// See the example on [`Entry`].
    #[must_use]
    pub const fn type_uri(&self) -> &'static str {
        self.type_uri
    }

    /// Where the code is in its life: active or deprecated.
    ///
    /// See the example on [`with_deprecated`](Entry::with_deprecated).
    #[must_use]
    pub const fn lifecycle(&self) -> Lifecycle {
        self.lifecycle
    }

    /// The code that replaces this deprecated code, if one was named.
    ///
    /// See the example on [`with_deprecated`](Entry::with_deprecated).
    #[must_use]
    pub const fn replacement(&self) -> Option<&'static str> {
        self.replacement
    }

    /// The code in the slug form used in type URIs: lowercase, `_` replaced by `-`
    /// (`AUTH_TOO_MANY_REQUESTS` becomes `auth-too-many-requests`).
    ///
    /// ```
    /// # use problem_codes::Entry;
    /// let entry = Entry::new("AUTH_USER_NOT_FOUND", 404, "User not found", "/problems/auth-user-not-found");
    /// assert_eq!(entry.slug(), "auth-user-not-found");
    /// ```
    #[must_use]
    pub fn slug(&self) -> String {
        slug(self.code)
    }

    /// The pre-rendered static body, when the macros built one.
    pub(crate) fn json(&self) -> Option<&'static str> {
        (!self.json.is_empty()).then_some(self.json)
    }

    /// The pre-rendered head, `{"type":…,"title":…,"status":…`: the static body less
    /// its `,"code":"…"}` end.
    /// The pre-rendered head before and after the escaped title's text:
    /// `{"type":"…","title":"` and `","status":NNN`.
    pub(crate) fn json_head_around_title(&self) -> Option<(&'static str, &'static str)> {
        let head = self.json_head()?;
        let (start, end) = self.title_in_json;
        let before = head.get(..usize::try_from(start).ok()?)?;
        let after = head.get(usize::try_from(end).ok()?..)?;
        (start > 0 && before.ends_with(r#","title":""#) && after.starts_with(r#"","status":"#))
            .then_some((before, after))
    }

    pub(crate) fn json_head(&self) -> Option<&'static str> {
        let end = CODE_MEMBER.len() + self.code.len() + 2;
        let json = self.json()?;
        json.get(..json.len().checked_sub(end)?)
    }
}

/// The slug form of a code: lowercase ASCII with `_` replaced by `-`.
///
/// A catalog's type URI for a code is its `type_base` followed by this slug.
///
/// ```
/// assert_eq!(problem_codes::slug("AGENT_AUDIO_TOO_LARGE"), "agent-audio-too-large");
/// ```
#[must_use]
pub fn slug(code: &str) -> String {
    code.chars()
        .map(|c| match c {
            '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// Whether `code` has the AIP-193 `reason` shape: `[A-Z][A-Z0-9_]+[A-Z0-9]`, at most 63
/// characters.
///
/// ```
/// use problem_codes::is_valid_code;
/// assert!(is_valid_code("AUTH_TOO_MANY_REQUESTS"));
/// assert!(!is_valid_code("auth_too_many_requests"));
/// assert!(!is_valid_code("AUTH_"));
/// ```
#[must_use]
pub const fn is_valid_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    let len = bytes.len();
    if len < 3 || len > MAX_CODE_LEN || !bytes[0].is_ascii_uppercase() {
        return false;
    }
    let last = bytes[len - 1];
    if !(last.is_ascii_uppercase() || last.is_ascii_digit()) {
        return false;
    }
    let mut i = 1;
    while i < len - 1 {
        let b = bytes[i];
        if !(b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `status` is a client or server error status (400–599), the only ones a
/// problem code may carry.
///
/// ```
/// use problem_codes::is_error_status;
/// assert!(is_error_status(404));
/// assert!(is_error_status(503));
/// assert!(!is_error_status(302));
/// assert!(!is_error_status(600));
/// ```
#[must_use]
pub const fn is_error_status(status: u16) -> bool {
    matches!(status, 400..=599)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_found_in_the_pre_rendered_head_even_escaped() {
        let json = r#"{"type":"https://shop.example/p/\"q\"","title":"Say \"hi\"\n\u0001","status":409,"code":"ORDER_QUOTED"}"#;
        let at = |s: &str| u32::try_from(json.find(s).unwrap_or_default()).unwrap_or_default();
        let escaped = Entry::__from_macro(
            "ORDER_QUOTED",
            409,
            "Say \"hi\"\n\u{1}",
            "https://shop.example/p/\"q\"",
            "",
            "",
            json,
            (at("Say"), at(r#"","status""#)),
        );
        assert_eq!(
            escaped.json_head_around_title(),
            Some((
                r#"{"type":"https://shop.example/p/\"q\"","title":""#,
                r#"","status":409"#
            ))
        );
        // A hand-made entry has no pre-rendered body to cut.
        let plain = Entry::new("ORDER_PLAIN", 400, "Plain", "/p/plain");
        assert_eq!(plain.json_head_around_title(), None);
    }

    #[test]
    fn code_shape_follows_aip_193() {
        for good in [
            "ABC",
            "A1B",
            "AUTH_TOO_MANY_REQUESTS",
            "A_1",
            &"A".repeat(63),
        ] {
            assert!(is_valid_code(good), "{good}");
        }
        for bad in [
            "",
            "AB",
            "A_",
            "1AB",
            "_AB",
            "AbC",
            "A-B",
            "ÄBC",
            &"A".repeat(64),
        ] {
            assert!(!is_valid_code(bad), "{bad}");
        }
    }

    #[test]
    fn slug_is_lowercase_kebab() {
        assert_eq!(slug("AUTH_TOO_MANY_REQUESTS"), "auth-too-many-requests");
        assert_eq!(slug("A1_B2"), "a1-b2");
    }
}
