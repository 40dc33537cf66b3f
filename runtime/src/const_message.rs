//! A message built during const evaluation, for the const checks whose failure is a
//! compile error: `panic!("{}", message)` takes a `&str`, and const code cannot
//! allocate, so the text is copied into a fixed buffer.

/// Up to `N` bytes of text; longer text is cut at a character boundary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConstMessage<const N: usize> {
    buf: [u8; N],
    len: usize,
}

impl<const N: usize> ConstMessage<N> {
    pub(crate) const EMPTY: ConstMessage<N> = ConstMessage {
        buf: [0; N],
        len: 0,
    };

    pub(crate) const fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The text, or `fallback` should the buffer not hold UTF-8 (it always does).
    pub(crate) const fn as_str<'a>(&'a self, fallback: &'a str) -> &'a str {
        let (bytes, _) = self.buf.split_at(self.len);
        match core::str::from_utf8(bytes) {
            Ok(message) => message,
            Err(_) => fallback,
        }
    }

    pub(crate) const fn push(mut self, text: &str) -> ConstMessage<N> {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Whole characters only, so a cut message stays UTF-8.
        while i < bytes.len() {
            let width = match bytes[i] {
                0x00..=0x7F => 1,
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            if self.len + width > N || i + width > bytes.len() {
                break;
            }
            let mut k = 0;
            while k < width {
                self.buf[self.len] = bytes[i + k];
                self.len += 1;
                k += 1;
            }
            i += width;
        }
        self
    }
}

/// A const check's outcome, as the macros' expansions read it: `failed()`, then
/// `panic!("{}", message())`. Empty when no rule is broken.
#[derive(Debug, Clone, Copy)]
pub struct CheckReport<const N: usize> {
    message: ConstMessage<N>,
    /// Said should the message not be UTF-8 (it always is).
    fallback: &'static str,
}

impl<const N: usize> CheckReport<N> {
    /// No rule broken; `fallback` describes the check, for the message's fallback.
    pub(crate) const fn ok(fallback: &'static str) -> CheckReport<N> {
        CheckReport {
            message: ConstMessage::EMPTY,
            fallback,
        }
    }

    /// Whether a rule is broken.
    #[must_use]
    pub const fn failed(&self) -> bool {
        !self.message.is_empty()
    }

    /// The message; empty when no rule is broken.
    #[must_use]
    pub const fn message(&self) -> &str {
        self.message.as_str(self.fallback)
    }

    pub(crate) const fn push(mut self, text: &str) -> CheckReport<N> {
        self.message = self.message.push(text);
        self
    }
}
