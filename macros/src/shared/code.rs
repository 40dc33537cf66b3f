//! The rules for codes and statuses, and the names derived from a code.

use super::symbol::DEFAULT_TYPE_BASE;

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

/// Why `base` cannot start type URIs, or `None` when it can.
pub fn type_base_error(base: &str) -> Option<String> {
    if base.is_empty() {
        return Some(format!(
            "`type_base` cannot be empty; leave it out to use `{DEFAULT_TYPE_BASE}`"
        ));
    }
    if base.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some("`type_base` is a URI and cannot contain whitespace".into());
    }
    if base.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return Some(format!(
            "`type_base` is followed directly by the code's slug; end it with `/`, as in `{base}/`"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn status_names() {
        assert_eq!(status_of_name("NOT_FOUND"), Some(404));
        assert_eq!(status_of_name("StatusCode::TOO_MANY_REQUESTS"), Some(429));
        assert_eq!(status_of_name("OK"), None);
    }
}
