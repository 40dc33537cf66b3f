//! `tracing`: a 5xx problem records an event with its code, its status and the whole
//! `source()` chain of the error behind it, which the body never shows.

use core::fmt;
use std::error::Error;

use crate::ProblemCode;

/// Sources followed at most, in case a chain loops.
const MAX_SOURCES: usize = 32;

/// Records the rendering of `problem` when it is a server error. Called by every
/// renderer of an HTTP response.
pub(crate) fn record<P: ProblemCode + ?Sized>(problem: &P, instance: Option<&str>) {
    let status = problem.status();
    if !status.is_server_error() {
        return;
    }
    let code = problem.code();
    let status = status.as_u16();
    match problem.as_error() {
        Some(error) => tracing::error!(
            target: "problem_codes",
            code,
            status,
            instance,
            error = %Chain(error),
            "server error rendered as a problem"
        ),
        None => tracing::error!(
            target: "problem_codes",
            code,
            status,
            instance,
            "server error rendered as a problem"
        ),
    }
}

/// Records a handler's panic, answered with a 500 problem: what its payload says (a
/// string payload; another type is named only as such), and the `instance` and trace
/// id the response carries.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn record_panic(
    payload: &(dyn core::any::Any + Send),
    instance: Option<&str>,
    trace_id: Option<&str>,
) {
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic payload that is not a string");
    tracing::error!(
        target: "problem_codes",
        status = 500u16,
        instance,
        trace_id,
        panic = message,
        "handler panicked; answered with a problem"
    );
}

/// An error and its sources, `error: source: source of source`.
struct Chain<'a>(&'a (dyn Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        let mut depth = 0;
        while let Some(error) = source {
            if depth == MAX_SOURCES {
                return f.write_str(": …");
            }
            write!(f, ": {error}")?;
            source = error.source();
            depth += 1;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl Error for Layer {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            self.1.as_deref().map(|e| e as &(dyn Error + 'static))
        }
    }

    #[test]
    fn a_chain_lists_every_source_in_order() {
        let error = Layer(
            "asr failed",
            Some(Box::new(Layer(
                "connect",
                Some(Box::new(Layer("refused", None))),
            ))),
        );
        assert_eq!(Chain(&error).to_string(), "asr failed: connect: refused");
    }
}
