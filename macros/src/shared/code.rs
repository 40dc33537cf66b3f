//! The rules for codes and statuses, and the names derived from a code.

use super::symbol::{DEFAULT_TYPE_BASE, TITLE, TYPE, TYPE_BASE};

/// Why `code` is not of the AIP-193 shape `[A-Z][A-Z0-9_]+[A-Z0-9]` (at most 63
/// characters), or `None` when it is.
pub fn shape_error(code: &str) -> Option<String> {
    let fix = || suggest_code(code);
    if code.is_empty() {
        return Some(
            "a problem code cannot be empty; write one in SCREAMING_SNAKE_CASE, e.g. `ORDER_NOT_FOUND`"
                .into(),
        );
    }
    let first = code.chars().next().unwrap_or('_');
    if first.is_ascii_digit() {
        let fix = suggest_code(code);
        let rest = fix.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_');
        let digits = fix.split('_').next().unwrap_or_default();
        return Some(if rest.is_empty() {
            format!(
                "problem code `{code}` is a number; a code names the problem, e.g. `ORDER_NOT_FOUND`"
            )
        } else {
            format!(
                "problem code `{code}` starts with a digit; start it with a letter, e.g. `{rest}_{digits}`"
            )
        });
    }
    let bad = code
        .chars()
        .any(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'));
    if bad || !first.is_ascii_uppercase() {
        return Some(format!(
            "problem code `{code}` is not SCREAMING_SNAKE_CASE; write `{}`",
            fix()
        ));
    }
    if code.ends_with('_') {
        return Some(format!(
            "problem code `{code}` ends with `_`; write `{}`",
            fix()
        ));
    }
    if code.len() < 3 {
        return Some(format!(
            "problem code `{code}` is too short; a code has at least 3 characters"
        ));
    }
    if code.len() > 63 {
        return Some(format!(
            "problem code `{code}` has {} characters; a code has at most 63",
            code.len()
        ));
    }
    None
}

/// A likely intended SCREAMING_SNAKE_CASE form of `code`.
pub fn suggest_code(code: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in code.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && prev_lower {
                out.push('_');
            }
            out.push(c.to_ascii_uppercase());
            prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        } else {
            if !out.ends_with('_') && !out.is_empty() {
                out.push('_');
            }
            prev_lower = false;
        }
    }
    out.trim_matches('_').to_owned()
}

/// Whether an identifier is written like a code (uppercase letters, digits and `_`
/// only), which tells a catalog entry `AUTH_USER_NOT_FOUND` from a key such as `status`.
pub fn looks_like_code(ident: &str) -> bool {
    ident.chars().any(|c| c.is_ascii_uppercase())
        && ident
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// The slug form used in type URIs: lowercase, `_` replaced by `-`.
pub fn slug(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The enum variant name for a code: `AUTH_TOO_MANY_REQUESTS` becomes
/// `AuthTooManyRequests`.
pub fn camel_case(code: &str) -> String {
    code.split('_')
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            let first = chars.next().map(|c| c.to_ascii_uppercase());
            first
                .into_iter()
                .chain(chars.map(|c| c.to_ascii_lowercase()))
                .collect::<String>()
        })
        .collect()
}

/// Why `status` cannot be a problem status, or `None` when it can.
pub fn status_error(status: u64) -> Option<String> {
    match status {
        400..=599 => None,
        100..=399 => Some(format!(
            "status {status} is not an error; a problem status is 400 to 599"
        )),
        _ => Some(format!(
            "status {status} is not an HTTP error status; a problem status is 400 to 599"
        )),
    }
}

/// Why the literal `lit`, whose value is `value`, cannot be a problem status: out of
/// range, or with a suffix that cannot hold it. Both macros read statuses by this rule.
pub fn status_literal_error(lit: &syn::LitInt, value: u64) -> Option<String> {
    status_error(value).or_else(|| status_suffix_error(lit.base10_digits(), lit.suffix(), value))
}

/// Why a status literal's suffix cannot hold it, or `None` when it can (or has none):
/// rustc would deny `429u8` as an overflowing literal, and a status is unsigned.
pub fn status_suffix_error(digits: &str, suffix: &str, value: u64) -> Option<String> {
    let fix = format!("write `{digits}` or `{digits}u16`");
    match suffix {
        "" | "u16" | "u32" | "u64" | "u128" | "usize" => None,
        "u8" => Some(format!(
            "status `{digits}{suffix}` does not fit `u8`, which holds 0 to 255; {fix}"
        )),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Some(format!(
            "a status is unsigned, but `{digits}{suffix}` is signed; {fix}"
        )),
        _ if value > 0 => Some(format!(
            "a status is a whole number, but `{digits}{suffix}` has the suffix `{suffix}`; {fix}"
        )),
        _ => None,
    }
}

/// Why `title` cannot be a code's title (blank), or `None` when it can. The same rule
/// for a catalog's codes and the derive's inline ones.
pub fn title_error(title: &str) -> Option<String> {
    title
        .trim()
        .is_empty()
        .then(|| format!("`{TITLE}` cannot be empty: write what the code means, in a few words"))
}

/// The status of an `http::StatusCode` constant name (`NOT_FOUND` is 404), for the hint
/// when a status is written as a name.
pub fn status_of_name(name: &str) -> Option<u16> {
    const NAMES: &[(&str, u16)] = &[
        ("BAD_REQUEST", 400),
        ("UNAUTHORIZED", 401),
        ("PAYMENT_REQUIRED", 402),
        ("FORBIDDEN", 403),
        ("NOT_FOUND", 404),
        ("METHOD_NOT_ALLOWED", 405),
        ("NOT_ACCEPTABLE", 406),
        ("PROXY_AUTHENTICATION_REQUIRED", 407),
        ("REQUEST_TIMEOUT", 408),
        ("CONFLICT", 409),
        ("GONE", 410),
        ("LENGTH_REQUIRED", 411),
        ("PRECONDITION_FAILED", 412),
        ("PAYLOAD_TOO_LARGE", 413),
        ("URI_TOO_LONG", 414),
        ("UNSUPPORTED_MEDIA_TYPE", 415),
        ("RANGE_NOT_SATISFIABLE", 416),
        ("EXPECTATION_FAILED", 417),
        ("IM_A_TEAPOT", 418),
        ("MISDIRECTED_REQUEST", 421),
        ("UNPROCESSABLE_ENTITY", 422),
        ("LOCKED", 423),
        ("FAILED_DEPENDENCY", 424),
        ("TOO_EARLY", 425),
        ("UPGRADE_REQUIRED", 426),
        ("PRECONDITION_REQUIRED", 428),
        ("TOO_MANY_REQUESTS", 429),
        ("REQUEST_HEADER_FIELDS_TOO_LARGE", 431),
        ("UNAVAILABLE_FOR_LEGAL_REASONS", 451),
        ("INTERNAL_SERVER_ERROR", 500),
        ("NOT_IMPLEMENTED", 501),
        ("BAD_GATEWAY", 502),
        ("SERVICE_UNAVAILABLE", 503),
        ("GATEWAY_TIMEOUT", 504),
        ("HTTP_VERSION_NOT_SUPPORTED", 505),
        ("VARIANT_ALSO_NEGOTIATES", 506),
        ("INSUFFICIENT_STORAGE", 507),
        ("LOOP_DETECTED", 508),
        ("NOT_EXTENDED", 510),
        ("NETWORK_AUTHENTICATION_REQUIRED", 511),
    ];
    let name = name.rsplit("::").next().unwrap_or(name);
    NAMES
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, status)| *status)
}

/// Why `base` cannot start type URIs, or `None` when it can: an absolute URI
/// (`https://errors.example/`) or an absolute path (`/problems/`), ending where the slug
/// follows.
pub fn type_base_error(base: &str) -> Option<String> {
    if base.is_empty() {
        return Some(format!(
            "`{TYPE_BASE}` cannot be empty; leave it out to use `{DEFAULT_TYPE_BASE}`"
        ));
    }
    if let Some(message) = uri_error(TYPE_BASE, base, "https://errors.shop.example/") {
        return Some(message);
    }
    if base.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some(format!(
            "`{TYPE_BASE}` is followed directly by the code's slug; end it with `/`, as in `{base}/`"
        ));
    }
    None
}

/// Why `uri` cannot be an inline code's problem `type`, or `None` when it can.
pub fn type_uri_error(uri: &str) -> Option<String> {
    if uri.is_empty() {
        return Some(format!(
            "`{TYPE}` cannot be empty; leave it out to use the type base and the code's slug"
        ));
    }
    uri_error(TYPE, uri, "https://errors.shop.example/order-locked")
}

/// A type URI is absolute (a scheme, `https:`) or an absolute path (`/problems/…`): a
/// relative reference such as `errors.shop.example/x` would be resolved against each
/// request's URL, so clients would see a different type on every route.
fn uri_error(key: &str, uri: &str, example: &str) -> Option<String> {
    if uri.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!(
            "`{key}` is a URI and cannot contain whitespace; a URI looks like `{example}`"
        ));
    }
    if uri.starts_with('/') || has_scheme(uri) {
        return None;
    }
    let host = uri.split('/').next().unwrap_or_default();
    let fix = if host.contains('.') {
        format!("https://{uri}")
    } else {
        format!("/{uri}")
    };
    Some(format!(
        "`{key}` needs a scheme or a leading `/`, or clients resolve it against each request's URL; write `{fix}`"
    ))
}

/// RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"`.
fn has_scheme(uri: &str) -> bool {
    uri.split_once(':').is_some_and(|(scheme, _)| {
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// A digest of a list of codes, sorted: FNV-1a over the codes, each ended by a zero
/// byte. A catalog and a locale of it compute it alike, so const evaluation can tell
/// in one comparison that a locale translates exactly the catalog's codes, instead of
/// comparing every code, which costs seconds for thousands of codes.
pub fn digest<'a>(sorted: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for code in sorted {
        for byte in code.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_tells_lists_apart_by_their_codes_not_their_joins() {
        let d = |codes: &[&str]| digest(codes.iter().copied());
        assert_eq!(d(&["A_CODE", "B_CODE"]), d(&["A_CODE", "B_CODE"]));
        assert_ne!(d(&["AB", "C"]), d(&["A", "BC"]));
        assert_ne!(d(&["A_CODE"]), d(&["A_CODE", "B_CODE"]));
        assert_ne!(d(&[]), d(&[""]));
    }

    #[test]
    fn names_derived_from_codes() {
        assert_eq!(camel_case("AUTH_TOO_MANY_REQUESTS"), "AuthTooManyRequests");
        assert_eq!(camel_case("A1_B2"), "A1B2");
        assert_eq!(slug("AUTH_TOO_MANY_REQUESTS"), "auth-too-many-requests");
        assert_eq!(
            suggest_code("authTooMany-requests"),
            "AUTH_TOO_MANY_REQUESTS"
        );
    }

    #[test]
    fn shapes() {
        assert!(shape_error("AUTH_USER_NOT_FOUND").is_none());
        for bad in ["", "1AB", "auth", "AB", "AB_", "A-B", &"A".repeat(64)] {
            assert!(shape_error(bad).is_some(), "{bad}");
        }
        assert!(looks_like_code("AUTH_X"));
        assert!(!looks_like_code("status"));
        assert!(!looks_like_code("Auth"));
    }

    #[test]
    fn leading_digits_move_to_the_end() {
        let message = shape_error("404_ORDER").unwrap();
        assert!(message.ends_with("e.g. `ORDER_404`"), "{message}");
        let message = shape_error("404").unwrap();
        assert!(message.contains("is a number"), "{message}");
    }

    #[test]
    fn status_suffixes() {
        assert_eq!(status_suffix_error("429", "", 429), None);
        assert_eq!(status_suffix_error("429", "u16", 429), None);
        assert_eq!(status_suffix_error("429", "u64", 429), None);
        let narrow = status_suffix_error("429", "u8", 429).unwrap();
        assert!(narrow.contains("does not fit `u8`"), "{narrow}");
        assert!(narrow.ends_with("write `429` or `429u16`"), "{narrow}");
        let signed = status_suffix_error("423", "i8", 423).unwrap();
        assert!(signed.contains("is signed"), "{signed}");
        assert!(status_suffix_error("423", "i32", 423).is_some());
    }

    #[test]
    fn blank_titles() {
        assert!(title_error("").is_some());
        assert!(title_error(" \t").is_some());
        assert!(title_error("Order not found").is_none());
    }

    #[test]
    fn type_uris() {
        assert_eq!(type_base_error("https://errors.shop.example/"), None);
        assert_eq!(type_base_error("/problems/"), None);
        assert_eq!(type_base_error("urn:problem:"), None);
        let host = type_base_error("errors.shop.example/").unwrap();
        assert!(
            host.ends_with("write `https://errors.shop.example/`"),
            "{host}"
        );
        let path = type_base_error("problems/").unwrap();
        assert!(path.ends_with("write `/problems/`"), "{path}");
        let space = type_uri_error("order locked").unwrap();
        assert!(
            space.ends_with("looks like `https://errors.shop.example/order-locked`"),
            "{space}"
        );
        assert!(type_uri_error("").is_some());
        assert_eq!(type_uri_error("https://pay.example/declined"), None);
        assert_eq!(type_uri_error("about:blank"), None);
        assert!(type_uri_error("1http:x").is_some());
    }

    #[test]
    fn status_names() {
        assert_eq!(status_of_name("NOT_FOUND"), Some(404));
        assert_eq!(status_of_name("StatusCode::TOO_MANY_REQUESTS"), Some(429));
        assert_eq!(status_of_name("OK"), None);
    }
}
