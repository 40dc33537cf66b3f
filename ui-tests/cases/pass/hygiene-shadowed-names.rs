//! Both macros expand correctly where the user's own items take the names of the
//! primitives and of the prelude: the expansions name them by absolute path
//! (`::core::primitive::u64`, `::core::option::Option::Some`).
#![allow(non_camel_case_types, dead_code, clippy::upper_case_acronyms)]

use std::time::Duration;

use problem_codes::ProblemCode as _;

struct str;
struct bool;
struct usize;
struct u8;
struct u16;
struct u32;
struct char;
struct i64;
struct Option;
struct Result;
struct Some;
struct None;
struct Ok;
struct Err;
struct Vec;
struct Box;
struct Default;
struct Clone;
struct Copy;
struct Debug;
struct Display;
struct Sized;
struct Send;
struct Sync;
struct From;
struct Into;
struct Iterator;
struct ToString;
// An alias is no better: the expansion's `u64` is the primitive.
type u64 = ::core::primitive::u8;

/// A user type named `String`, displayed as it likes.
#[derive(Debug)]
struct String;

impl ::core::fmt::Display for String {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        f.write_str("mine")
    }
}

problem_codes::error_catalog! {
    /// # Shop
    pub catalog Shop {
        type_base = "https://shop.example/problems/";
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show not found" },
            ORDER_LOCKED = 423 {
                title: "Order locked",
                members: { retry_after?: integer, holder: string, tags: [string], limits: {number}, flag?: boolean },
            },
            ORDER_GONE = 410 { title: "Order gone", deprecated: "ORDER_NOT_FOUND" },
        }
    }

    pub catalog Profile {
        section "Profile" {
            PROFILE_AVATAR_INVALID = 422 { title: "Invalid avatar", members: { max_bytes: integer } },
        }
    }

    pub catalog Api = Shop + Profile;
}

problem_codes::catalog_locale! {
    /// Every code of the composed catalog, in German.
    pub locale API_DE for Api = "de" {
        ORDER_NOT_FOUND { title: "Nicht gefunden", handling: "Hinweis zeigen" },
        ORDER_LOCKED { title: "Gesperrt", detail: "Gesperrt von {holder}" },
        ORDER_GONE { title: "Entfernt" },
        PROFILE_AVATAR_INVALID { title: "Ungültiger Avatar", detail: "Höchstens {max_bytes} Bytes" },
    }
}

#[derive(Debug, problem_codes::ProblemCode)]
#[problem(catalog = Shop, section = "Service")]
enum OrderError {
    #[problem(ORDER_NOT_FOUND, detail = "order {0} ({1}, {2})")]
    NotFound(::core::primitive::u64, u64, String),
    #[problem(Shop::ORDER_LOCKED, status = 423, detail = "locked by {holder}")]
    Locked {
        #[problem(extension)]
        holder: ::std::string::String,
        #[problem(extension)]
        tags: ::std::vec::Vec<::std::string::String>,
        #[problem(extension)]
        limits: ::std::collections::BTreeMap<::std::string::String, f64>,
        #[problem(retry_after)]
        wait: ::core::option::Option<Duration>,
        #[problem(header = "x-lock-id")]
        lock: ::core::primitive::u32,
    },
    #[problem(
        code = "ORDER_THROTTLED",
        status = 429,
        title = "Too many orders",
        detail = "{count} orders, {flag}, {letter}, {delta}, {text}",
        members(count: integer, flag: boolean, retry_after: integer)
    )]
    Throttled {
        #[problem(extension)]
        count: ::core::primitive::usize,
        #[problem(extension)]
        flag: ::core::primitive::bool,
        letter: ::core::primitive::char,
        delta: ::core::primitive::i64,
        text: &'static ::core::primitive::str,
        #[problem(retry_after)]
        seconds: ::core::primitive::u64,
    },
    #[problem(transparent)]
    Avatar(AvatarError),
}

#[derive(Debug, problem_codes::ProblemCode)]
#[problem(catalog = Api, PROFILE_AVATAR_INVALID)]
struct AvatarError {
    #[problem(extension)]
    max_bytes: ::core::primitive::u16,
}

#[derive(Debug, problem_codes::ProblemCode)]
enum Generic<T> {
    #[problem(
        code = "GENERIC_FAILED",
        status = 500,
        title = "Failed",
        detail = "{0}"
    )]
    Failed(T),
}

fn main() {
    let localized = AvatarError { max_bytes: 9 }
        .render()
        .locale(&API_DE)
        .to_vec();
    let localized = ::std::string::String::from_utf8(localized).unwrap_or_default();
    assert!(
        localized.contains(r#""detail":"Höchstens 9 Bytes""#),
        "{localized}"
    );
    let found = OrderError::NotFound(7, 8, String);
    assert_eq!(
        found.detail().as_deref(),
        ::core::option::Option::Some("order 7 (8, mine)")
    );
    let locked = OrderError::Locked {
        holder: "ops".into(),
        tags: ::std::vec::Vec::new(),
        limits: ::std::collections::BTreeMap::new(),
        wait: ::core::option::Option::Some(Duration::from_secs(3)),
        lock: 1,
    };
    assert_eq!(locked.retry_after(), ::core::option::Option::Some(3));
    let throttled = OrderError::Throttled {
        count: 2,
        flag: true,
        letter: 'x',
        delta: -1,
        text: "t",
        seconds: 5,
    };
    assert_eq!(
        throttled.detail().as_deref(),
        ::core::option::Option::Some("2 orders, true, x, -1, t")
    );
    assert_eq!(
        OrderError::Avatar(AvatarError { max_bytes: 1 }).status(),
        422
    );
    assert_eq!(
        Generic::Failed(3).detail().as_deref(),
        ::core::option::Option::Some("3")
    );
    assert_eq!(
        "ORDER_LOCKED".parse::<Shop>().ok(),
        ::core::option::Option::Some(Shop::ORDER_LOCKED)
    );
    let json = serde_json::to_string(&Api::from(Shop::ORDER_NOT_FOUND)).ok();
    assert_eq!(
        json.as_deref(),
        ::core::option::Option::Some("\"ORDER_NOT_FOUND\"")
    );
}
