//! An extension value nested deeper than the render bound is left out of the body and
//! of the owned document, instead of exhausting the stack: the body stays readable by
//! `Problem::from_json` with its default limits.

use problem_codes::{ParseLimits, Problem, ProblemCode};
use serde::ser::{Serialize, SerializeSeq, Serializer};

/// An array nested `0` deep around a `1`.
#[derive(Debug)]
struct Nest(usize);

impl Serialize for Nest {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0 == 0 {
            return serializer.serialize_u8(1);
        }
        let mut seq = serializer.serialize_seq(Some(1))?;
        seq.serialize_element(&Nest(self.0 - 1))?;
        seq.end()
    }
}

#[derive(Debug, ProblemCode)]
enum Deep {
    #[problem(code = "DEEP_VALUE", status = 500, title = "Deep value")]
    Value {
        #[problem(extension)]
        nest: Nest,
        #[problem(extension)]
        kept: u32,
    },
}

/// Runs `f` on a thread with tokio's worker stack size, 2 MiB.
fn on_a_worker_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("a thread")
        .join()
        .expect("no panic");
}

#[test]
fn a_value_nested_a_hundred_thousand_deep_is_left_out() {
    on_a_worker_stack(|| {
        let deep = Deep::Value {
            nest: Nest(100_000),
            kept: 7,
        };
        let body = deep.to_json();
        let problem = Problem::from_json(&body).expect("readable with the default limits");
        assert_eq!(problem.extension("nest"), None);
        assert_eq!(problem.extension("kept"), Some(&serde_json::json!(7)));
        let owned = deep.to_problem();
        assert_eq!(owned.extension("nest"), None);
        assert_eq!(owned, problem);
        assert_eq!(deep.render().len(), body.len());
    });
}

#[test]
fn the_bound_is_exact_and_matches_the_default_parse_depth() {
    // The document's own object is one level: a member value may nest one less.
    let deepest = ParseLimits::DEFAULT.max_depth() - 1;
    let at = Deep::Value {
        nest: Nest(deepest),
        kept: 1,
    };
    let body = at.to_json();
    let problem = Problem::from_json(&body).expect("within the default depth");
    assert!(problem.extension("nest").is_some());
    assert_eq!(at.to_problem(), problem);
    let over = Deep::Value {
        nest: Nest(deepest + 1),
        kept: 1,
    };
    assert_eq!(
        Problem::from_json(&over.to_json())
            .expect("readable")
            .extension("nest"),
        None
    );
    assert_eq!(over.to_problem().extension("nest"), None);
}

#[test]
fn a_problem_built_by_hand_refuses_a_value_past_the_bound() {
    on_a_worker_stack(|| {
        let problem = Problem::new(http::StatusCode::BAD_REQUEST);
        assert!(
            problem
                .clone()
                .with_extension("nest", Nest(100_000))
                .is_err()
        );
        assert!(problem.with_extension("nest", Nest(31)).is_ok());
    });
}
