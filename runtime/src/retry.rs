//! Values a `#[problem(retry_after)]` field may hold.

use core::time::Duration;

/// A value that says how long a client should wait before retrying, in whole seconds
/// (the `Retry-After` delay form of RFC 9110 §10.2.3).
///
/// Implemented for the unsigned integers (seconds), [`Duration`] (rounded up to the next
/// second), and `Option` of either (`None` sends no header).
///
/// ```
/// use problem_codes::RetryAfterValue;
/// use std::time::Duration;
///
/// assert_eq!(30u32.retry_after_secs(), Some(30));
/// assert_eq!(Duration::from_millis(1500).retry_after_secs(), Some(2));
/// assert_eq!(None::<u64>.retry_after_secs(), None);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a `Retry-After` value",
    label = "a `#[problem(retry_after)]` field needs an unsigned integer of seconds or a `Duration`",
    note = "use `u64` seconds, `std::time::Duration`, or an `Option` of either"
)]
pub trait RetryAfterValue {
    /// The delay in whole seconds, or `None` for no `Retry-After`. See the example on
    /// [`RetryAfterValue`]; the derive calls it on a `#[problem(retry_after)]` field.
    fn retry_after_secs(&self) -> Option<u64>;
}

macro_rules! retry_after_int {
    ($($ty:ty),*) => {$(
        impl RetryAfterValue for $ty {
            fn retry_after_secs(&self) -> Option<u64> {
                u64::try_from(*self).ok()
            }
        }
    )*};
}

retry_after_int!(u8, u16, u32, u64, usize, u128);

impl RetryAfterValue for Duration {
    fn retry_after_secs(&self) -> Option<u64> {
        let whole = self.as_secs();
        Some(if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        })
    }
}

impl<T: RetryAfterValue> RetryAfterValue for Option<T> {
    fn retry_after_secs(&self) -> Option<u64> {
        self.as_ref().and_then(T::retry_after_secs)
    }
}

impl<T: RetryAfterValue + ?Sized> RetryAfterValue for &T {
    fn retry_after_secs(&self) -> Option<u64> {
        (**self).retry_after_secs()
    }
}
