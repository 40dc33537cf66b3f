//! A long `detail` is written twice, not three times: once counted, once written.

use core::fmt;
use std::cell::Cell;

use problem_codes::ProblemCode;

/// Writes `len` quotes one at a time, counting the calls.
#[derive(Debug)]
struct Quotes {
    len: usize,
    calls: Cell<usize>,
}

impl fmt::Display for Quotes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for _ in 0..self.len {
            self.calls.set(self.calls.get() + 1);
            f.write_str("\"")?;
        }
        Ok(())
    }
}

#[derive(Debug, ProblemCode)]
enum Echo {
    #[problem(code = "ECHO_LONG", status = 400, title = "Echo", detail = "{0}")]
    Long(Quotes),
}

#[test]
fn a_long_detail_is_written_in_two_passes() {
    let len = 100_000;
    let echo = Echo::Long(Quotes {
        len,
        calls: Cell::new(0),
    });
    let body = echo.to_json();
    let Echo::Long(quotes) = &echo;
    assert_eq!(body.len(), echo.render().len(), "the length is exact");
    // `render().len()` above is one more counting pass.
    let calls = quotes.calls.get() - len;
    assert!(
        calls <= 2 * len + 256,
        "{calls} writes for {len} bytes, two passes at most"
    );
    let expected = serde_json::to_vec(&"\"".repeat(len)).expect("a string");
    assert!(
        body.windows(expected.len()).any(|w| w == expected),
        "escaped as serde_json does"
    );
}
