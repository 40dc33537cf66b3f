//! The language negotiated for the request being served, set by the axum layer and the
//! actix-web middleware around the inner service's future, as `tracing`'s `Instrument`
//! sets a span: for each poll, on the thread that polls. A problem converted into a
//! response inside that future (the generated `IntoResponse` and `ResponseError` impls)
//! reads it; a task spawned apart does not see it and renders in the default language.

use core::cell::Cell;
use core::future::Future;
use core::pin::Pin;
use core::task::{Context, Poll};

use http::HeaderValue;
use http::header::{ACCEPT_LANGUAGE, HeaderMap, VARY};

use crate::{Locale, Locales, ProblemCode, Render};

/// What a request negotiated: a locale, or the default language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Chosen {
    locale: Option<&'static Locale>,
    default: &'static str,
}

impl Chosen {
    /// The negotiation of a request's first `Accept-Language` value (empty: none).
    pub(crate) fn of(locales: &Locales, accept_language: &str) -> Chosen {
        Chosen {
            locale: locales.negotiate(accept_language),
            default: locales.default_language(),
        }
    }
}

/// The first `Accept-Language` value of `headers` that is text, or empty.
#[cfg_attr(
    not(feature = "axum"),
    allow(dead_code, reason = "actix-web has its own map")
)]
pub(crate) fn accept_language(headers: &HeaderMap) -> &str {
    headers
        .get_all(ACCEPT_LANGUAGE)
        .iter()
        .find_map(|value| value.to_str().ok())
        .unwrap_or_default()
}

thread_local! {
    static CURRENT: Cell<Option<Chosen>> = const { Cell::new(None) };
}

/// `render` in the language of the request being served, if a layer negotiated one.
pub(crate) fn localize<'a, P: ProblemCode + ?Sized>(render: Render<'a, P>) -> Render<'a, P> {
    match CURRENT.with(Cell::get) {
        Some(Chosen {
            locale: Some(locale),
            ..
        }) => render.locale(locale),
        Some(Chosen {
            locale: None,
            default,
        }) => render.in_default_language(default),
        None => render,
    }
}

/// `future`, polled with `chosen` as the request's language (none: as it is). It
/// borrows the future pinned where it is awaited, so it allocates nothing.
pub(crate) struct InLanguage<'a, F> {
    chosen: Option<Chosen>,
    future: Pin<&'a mut F>,
}

impl<'a, F> InLanguage<'a, F> {
    pub(crate) fn new(chosen: Option<Chosen>, future: Pin<&'a mut F>) -> InLanguage<'a, F> {
        InLanguage { chosen, future }
    }
}

/// Puts back the language that was current, even when the poll panics.
struct Restore(Option<Chosen>);

impl Drop for Restore {
    fn drop(&mut self) {
        CURRENT.with(|current| current.set(self.0));
    }
}

impl<F: Future> Future for InLanguage<'_, F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let Some(chosen) = self.chosen else {
            return self.future.as_mut().poll(cx);
        };
        let _restore = Restore(CURRENT.with(|current| current.replace(Some(chosen))));
        self.future.as_mut().poll(cx)
    }
}

/// `Vary: Accept-Language` on a response whose body may depend on it, added to any
/// `Vary` already there.
#[cfg_attr(
    not(feature = "axum"),
    allow(dead_code, reason = "actix-web has its own map")
)]
pub(crate) fn vary(headers: &mut HeaderMap) {
    if !varies_on_language(headers.get_all(VARY).iter().map(HeaderValue::as_bytes)) {
        headers.append(VARY, HeaderValue::from_static("accept-language"));
    }
}

/// Whether `Vary` values already name `Accept-Language`, or `*`.
pub(crate) fn varies_on_language<'a>(mut values: impl Iterator<Item = &'a [u8]>) -> bool {
    values.any(|value| {
        value.split(|&b| b == b',').any(|name| {
            let name = name.trim_ascii();
            name.eq_ignore_ascii_case(b"accept-language") || name == b"*"
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vary_is_added_once() {
        let mut headers = HeaderMap::new();
        headers.insert(VARY, HeaderValue::from_static("Accept-Encoding"));
        vary(&mut headers);
        vary(&mut headers);
        let values: Vec<_> = headers.get_all(VARY).iter().collect();
        assert_eq!(values, ["Accept-Encoding", "accept-language"]);
        let mut star = HeaderMap::new();
        star.insert(VARY, HeaderValue::from_static("*"));
        vary(&mut star);
        assert_eq!(star.get_all(VARY).iter().count(), 1);
    }

    #[test]
    fn the_language_is_put_back_after_a_poll() {
        static EMPTY: &[&Locale] = &[];
        let chosen = Chosen::of(
            &Locales::new("en", EMPTY),
            accept_language(&HeaderMap::new()),
        );
        let inner = core::pin::pin!(async { CURRENT.with(Cell::get).map(|chosen| chosen.default) });
        let mut future = InLanguage::new(Some(chosen), inner);
        let mut cx = Context::from_waker(core::task::Waker::noop());
        let polled = Pin::new(&mut future).poll(&mut cx);
        assert_eq!(polled, Poll::Ready(Some("en")));
        assert!(CURRENT.with(Cell::get).is_none());
    }
}
