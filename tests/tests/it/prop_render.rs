//! Properties of rendering, over generated values: every body is byte for byte what
//! `serde_json` and `format!` write (on each of the renderer's paths), is valid JSON,
//! carries the response's status, and parses back to the problem it came from.
//!
//! Case counts are fixed here so CI's time stays bounded; `PROPTEST_CASES` does not
//! change them. Each run draws a fresh seed; a failure prints the minimal failing
//! input: pin it as a plain test beside the property.

use std::cell::RefCell;
use std::collections::HashMap;

use http::StatusCode;
use problem_codes::{ParseLimits, Problem};
use problem_codes_tests::eryao::Eryao;
use problem_codes_tests::oracle::{self, Path, STACK_PARTS, Sample};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

/// Cases of the renderer property: every sample against the reference.
const RENDER_CASES: u32 = 3_000;
/// Cases of the hand-built and of the parsed problem properties.
const PROBLEM_CASES: u32 = 1_500;

/// Strings that stress escaping: control characters, quotes, backslashes, the
/// characters JavaScript treats as line ends, any scalar value.
fn text(max: usize) -> impl Strategy<Value = String> {
    let chars = prop_oneof![
        6 => prop::char::range(' ', '~'),
        2 => prop::char::range('\0', '\x1f'),
        1 => Just('"'),
        1 => Just('\\'),
        2 => any::<char>(),
        1 => prop::sample::select(vec!['\u{7f}', '\u{2028}', '\u{2029}', 'é', '😀', '\u{feff}']),
    ];
    prop::collection::vec(chars, 0..max).prop_map(|chars| chars.into_iter().collect())
}

/// Short strings, and strings long enough for the two-pass path.
fn short_or_long() -> impl Strategy<Value = String> {
    prop_oneof![3 => text(24), 2 => text(160), 1 => text(600)]
}

/// Any JSON value, nested up to 4 deep: huge and tiny numbers, every string.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        text(16).prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::vec((text(8), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

fn sample() -> impl Strategy<Value = Sample> {
    let integers = (
        (
            any::<u8>(),
            any::<u16>(),
            any::<u32>(),
            any::<u64>(),
            any::<usize>(),
        ),
        (
            any::<i8>(),
            any::<i16>(),
            any::<i32>(),
            any::<i64>(),
            any::<isize>(),
        ),
    )
        .prop_map(|((a, b, c, d, e), (f, g, h, i, j))| Sample::Integers {
            a,
            b,
            c,
            d,
            e,
            f,
            g,
            h,
            i,
            j,
        });
    let members = (
        short_or_long(),
        any::<Option<u64>>(),
        json_value(),
        prop::collection::vec(text(12), 0..8),
        prop_oneof![
            Just(None),
            any::<i128>().prop_map(Some),
            prop::sample::select(vec![i128::MIN, i128::MAX, -1, 0]).prop_map(Some),
        ],
        any::<f64>(),
    )
        .prop_map(|(note, retry, value, list, huge, ratio)| Sample::Members {
            note,
            retry,
            value,
            list,
            huge,
            ratio,
        });
    let codes: Vec<Eryao> = problem_codes::Catalog::ALL.to_vec();
    prop_oneof![
        Just(Sample::Static),
        short_or_long().prop_map(Sample::Text),
        integers,
        (any::<f64>(), any::<char>(), any::<bool>(), any::<u128>())
            .prop_map(|(x, c, b, n)| Sample::Shown(x, c, b, n)),
        (short_or_long(), any::<i64>(), any::<f64>()).prop_map(|(s, n, x)| Sample::Specs(s, n, x)),
        members,
        prop::sample::select(codes).prop_map(Sample::Code),
    ]
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn every_body_is_what_serde_json_writes_on_every_path() {
    let paths: RefCell<HashMap<Path, u32>> = RefCell::default();
    let strategy = (sample(), prop::option::of(short_or_long()));
    runner(RENDER_CASES)
        .run(&strategy, |(sample, instance)| {
            let path = oracle::check(&sample, instance.as_deref());
            *paths.borrow_mut().entry(path).or_default() += 1;
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{err}"));
    let paths = paths.into_inner();
    eprintln!("paths taken in {RENDER_CASES} cases: {paths:?}");
    // Each path is exercised, not left to chance.
    for path in [Path::Static, Path::OnePass, Path::TwoPasses] {
        let seen = paths.get(&path).copied().unwrap_or(0);
        assert!(
            seen >= RENDER_CASES / 50,
            "{path:?} taken {seen} times: {paths:?}"
        );
    }
}

#[test]
fn bodies_at_the_edge_of_the_stack_buffer_are_exact() {
    // Parts of exactly the buffer's size once lost the closing brace: the body was not
    // JSON. The parts of `Text` are its detail and code; walk their length across the buffer's
    // size one byte at a time, with escapes of 1, 2 and 6 bytes straddling the edge.
    let fixed = r#","detail":"text \"\" end","code":"SAMPLE_TEXT""#.len();
    let mut paths: HashMap<Path, u32> = HashMap::new();
    for unit in ["a", "\n", "\u{1}", "é"] {
        for len in STACK_PARTS.saturating_sub(fixed + 12)..STACK_PARTS + 12 - fixed {
            let escaped = serde_json::to_string(unit).map_or(1, |s| s.len() - 2);
            let text = format!(
                "{}{}",
                "x".repeat(len % escaped),
                unit.repeat(len / escaped)
            );
            for instance in [None, Some("/i")] {
                *paths
                    .entry(oracle::check(&Sample::Text(text.clone()), instance))
                    .or_default() += 1;
            }
        }
    }
    assert!(paths.contains_key(&Path::OnePass) && paths.contains_key(&Path::TwoPasses));
}

/// A member name RFC 9457 allows that is not a standard one.
fn member_name() -> impl Strategy<Value = String> {
    "[a-zA-Z][a-zA-Z0-9_]{0,12}".prop_filter("not a standard member", |name| {
        !problem_codes::is_reserved_member(name)
    })
}

fn status() -> impl Strategy<Value = StatusCode> {
    (100u16..1000).prop_map(|n| StatusCode::from_u16(n).unwrap_or(StatusCode::IM_A_TEAPOT))
}

/// Any problem the builder API makes.
fn built_problem() -> impl Strategy<Value = Problem> {
    (
        prop::option::of(status()),
        prop::option::of(short_or_long()),
        prop::option::of(text(40)),
        prop::option::of(short_or_long()),
        prop::option::of(text(40)),
        prop::option::of(text(70)),
        prop::collection::vec((member_name(), json_value()), 0..5),
    )
        .prop_map(
            |(status, type_uri, title, detail, instance, code, members)| {
                let mut problem = status.map_or_else(Problem::default, Problem::new);
                if let Some(type_uri) = type_uri {
                    problem = problem.with_type(type_uri);
                }
                if let Some(title) = title {
                    problem = problem.with_title(title);
                }
                if let Some(detail) = detail {
                    problem = problem.with_detail(detail);
                }
                if let Some(instance) = instance {
                    problem = problem.with_instance(instance);
                }
                if let Some(code) = code {
                    problem = problem.with_code(code);
                }
                for (name, value) in members {
                    problem = problem
                        .with_extension(&name, value)
                        .unwrap_or_else(|err| panic!("{name}: {err}"));
                }
                problem
            },
        )
}

#[test]
fn any_problem_the_builder_makes_round_trips() {
    let limits = ParseLimits::DEFAULT;
    runner(PROBLEM_CASES)
        .run(&built_problem(), |problem| {
            oracle::check_problem(&problem, limits);
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{err}"));
}

/// A JSON object as a client may receive it: standard members of the right and of the
/// wrong type, any other member, under any name.
fn document() -> impl Strategy<Value = Map<String, Value>> {
    let standard = prop::sample::select(vec![
        "type", "title", "status", "detail", "instance", "code",
    ]);
    let member = prop_oneof![
        (standard.clone(), json_value()).prop_map(|(name, value)| (name.to_owned(), value)),
        (standard, text(30)).prop_map(|(name, value)| (name.to_owned(), Value::from(value))),
        (0u64..1100).prop_map(|n| ("status".to_owned(), Value::from(n))),
        (text(10), json_value()),
    ];
    prop::collection::vec(member, 0..10).prop_map(|members| members.into_iter().collect())
}

#[test]
fn any_document_a_client_accepts_round_trips() {
    let limits = ParseLimits::DEFAULT;
    runner(PROBLEM_CASES)
        .run(&document(), |members| {
            let bytes = serde_json::to_vec(&members).expect("a map serializes");
            let problem = Problem::from_json_with(&bytes, limits).expect("an object parses");
            oracle::check_problem(&problem, limits);
            // Unknown members survive as extensions; `code` is a member of its own.
            for (name, value) in &members {
                if !problem_codes::is_reserved_member(name) {
                    prop_assert_eq!(problem.extension(name), Some(value));
                }
            }
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{err}"));
}

#[test]
fn the_body_status_is_the_response_status_for_every_status() {
    for n in 400..600 {
        let status = StatusCode::from_u16(n).expect("in range");
        let response = Problem::new(status).to_response();
        let value: Value = serde_json::from_slice(response.body()).expect("valid JSON");
        assert_eq!(response.status(), status);
        assert_eq!(value["status"], n);
    }
    let response = Problem::default().to_response();
    let value: Value = serde_json::from_slice(response.body()).expect("valid JSON");
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        value["status"], 500,
        "a problem without a status gets the response's"
    );
}
