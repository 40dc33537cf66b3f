//! Derives compile silent under every lint a strict library may deny (see
//! `strict-lints-catalogs.rs`): every shape, catalog entries bare, qualified and
//! composed, inline codes, members, extensions, headers, `retry_after`, `transparent`,
//! `#[deprecated]` items, generics.
#![deny(
    warnings,
    future_incompatible,
    keyword_idents,
    let_underscore,
    nonstandard_style,
    refining_impl_trait,
    rust_2018_compatibility,
    rust_2018_idioms,
    rust_2021_compatibility,
    rust_2024_compatibility,
    unused,
    absolute_paths_not_starting_with_crate,
    deprecated_safe,
    elided_lifetimes_in_paths,
    explicit_outlives_requirements,
    ffi_unwind_calls,
    impl_trait_redundant_captures,
    let_underscore_drop,
    macro_use_extern_crate,
    meta_variable_misuse,
    missing_copy_implementations,
    missing_debug_implementations,
    missing_docs,
    missing_unsafe_on_extern,
    non_ascii_idents,
    redundant_imports,
    redundant_lifetimes,
    single_use_lifetimes,
    trivial_casts,
    trivial_numeric_casts,
    unit_bindings,
    unnameable_types,
    unreachable_pub,
    unsafe_code,
    unstable_features,
    unused_import_braces,
    unused_lifetimes,
    unused_macro_rules,
    unused_qualifications,
    unused_results,
    variant_size_differences,
    clippy::all,
    clippy::pedantic,
    clippy::nursery,
    clippy::cargo
)]

use std::borrow::Cow;
use std::time::Duration;

use problem_codes::ProblemCode;

problem_codes::error_catalog! {
    /// The shop's codes.
    pub catalog Shop {
        section "Orders" {
            ORDER_NOT_FOUND = 404 { title: "Order not found" },
            ORDER_LOCKED = 423 { title: "Order locked", members: { retry_after?: integer, holder: string } },
        }
    }

    /// The profile codes.
    pub catalog Profile {
        section "Profile" {
            PROFILE_AVATAR_INVALID = 422 { title: "Invalid avatar", members: { max_bytes: integer } },
        }
    }

    /// Both.
    pub catalog Api = Shop + Profile;
}

/// Every variant shape.
#[derive(Debug, ProblemCode)]
#[problem(catalog = Shop, type_base = "https://shop.example/p/", section = "Service")]
pub enum OrderError {
    /// A bare entry.
    #[problem(ORDER_NOT_FOUND, detail = "order {0} not found")]
    NotFound(u64),
    /// A qualified entry, with its status and members.
    #[problem(Shop::ORDER_LOCKED, status = 423, detail = "locked by {holder}")]
    Locked {
        /// Who holds the lock.
        #[problem(extension)]
        holder: String,
        /// Seconds to wait.
        #[problem(retry_after)]
        wait: Option<Duration>,
        /// An extra header.
        #[problem(header = "x-lock-id")]
        lock: u32,
    },
    /// An inline code with every key.
    #[problem(
        code = "ORDER_THROTTLED",
        status = 429,
        title = "Too many orders",
        handling = "Wait",
        type = "https://shop.example/throttled",
        detail = "{count:>4} orders, {ratio:.2}"
    )]
    Throttled {
        /// Orders made.
        count: usize,
        /// Their ratio.
        ratio: f64,
        /// The limit.
        #[problem(extension = "orderLimit")]
        limit: i64,
        /// Seconds.
        #[problem(retry_after)]
        seconds: u64,
    },
    /// An inline code with members.
    #[problem(code = "ORDER_TAGGED", status = 400, title = "Tagged", members(tags: [string], note?: string))]
    Tagged {
        /// Tags.
        #[problem(extension)]
        tags: Vec<String>,
        /// A note, when there is one.
        #[problem(extension)]
        note: Option<Cow<'static, str>>,
    },
    /// Another problem, as it is.
    #[problem(transparent)]
    Avatar(AvatarError),
    /// A deprecated variant.
    #[deprecated = "use `NotFound`"]
    #[problem(ORDER_NOT_FOUND)]
    Missing,
    /// A deprecated field.
    #[problem(code = "ORDER_LEGACY", status = 400, title = "Legacy", detail = "{0}")]
    Legacy(#[deprecated] u8),
}

/// A struct, on a composed catalog's entry.
#[derive(Debug, Clone, Copy, ProblemCode)]
#[problem(catalog = Api, PROFILE_AVATAR_INVALID, detail = "at most {max_bytes} bytes")]
pub struct AvatarError {
    /// The largest file accepted.
    #[problem(extension)]
    pub max_bytes: u32,
}

/// A deprecated struct.
#[deprecated = "use `AvatarError`"]
#[derive(Debug, Clone, Copy, ProblemCode)]
#[problem(code = "PROFILE_OLD", status = 410, title = "Old profile")]
pub struct OldProfile;

/// A unit struct on a qualified entry.
#[derive(Debug, Clone, Copy, ProblemCode)]
#[problem(Shop::ORDER_NOT_FOUND)]
pub struct NoOrder;

/// Generic: bounds only for the roles fields play, lifetimes kept.
#[derive(Debug, ProblemCode)]
pub enum StoreError<'a, K, E>
where
    K: std::fmt::Debug,
{
    /// A key, in the detail.
    #[problem(
        code = "STORE_KEY_MISSING",
        status = 404,
        title = "Key missing",
        detail = "no key {0:?}"
    )]
    Missing(K),
    /// A borrowed reason.
    #[problem(
        code = "STORE_REJECTED",
        status = 422,
        title = "Rejected",
        detail = "{reason}"
    )]
    Rejected {
        /// Why.
        reason: &'a str,
    },
    /// Another problem.
    #[problem(transparent)]
    Inner(E),
}

fn main() {
    assert_eq!(
        OrderError::NotFound(7).detail().as_deref(),
        Some("order 7 not found")
    );
    let locked = OrderError::Locked {
        holder: "ops".into(),
        wait: None,
        lock: 9,
    };
    let mut headers = problem_codes::http::HeaderMap::new();
    locked.headers(&mut headers);
    assert_eq!(
        headers
            .get("x-lock-id")
            .map(problem_codes::http::HeaderValue::as_bytes),
        Some(&b"9"[..])
    );
    let throttled = OrderError::Throttled {
        count: 3,
        ratio: 0.5,
        limit: 10,
        seconds: 30,
    };
    assert_eq!(throttled.retry_after(), Some(30));
    let tagged = OrderError::Tagged {
        tags: vec!["a".into()],
        note: None,
    };
    assert_eq!(tagged.status(), 400);
    assert_eq!(
        OrderError::Avatar(AvatarError { max_bytes: 1 }).code(),
        "PROFILE_AVATAR_INVALID"
    );
    #[allow(deprecated)]
    let legacy = (
        OrderError::Missing.code(),
        OrderError::Legacy(1).detail(),
        OldProfile.status().as_u16(),
    );
    assert_eq!(legacy, ("ORDER_NOT_FOUND", Some("1".into()), 410));
    assert_eq!(NoOrder.title(), "Order not found");
    let store: StoreError<'_, u8, NoOrder> = StoreError::Rejected { reason: "full" };
    assert_eq!(store.detail().as_deref(), Some("full"));
    assert_eq!(StoreError::<'_, u8, NoOrder>::Inner(NoOrder).status(), 404);
    assert_eq!(
        StoreError::<'_, u8, NoOrder>::Missing(3)
            .detail()
            .as_deref(),
        Some("no key 3")
    );
}
