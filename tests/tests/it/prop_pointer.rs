//! Properties of JSON Pointers (RFC 6901), over generated values, against the reference
//! in `problem_codes_tests::pointer`: a pointer built from any tokens is their exact
//! escaping (`~` as `~0`, `/` as `~1`), decodes to them, and round-trips through
//! `Display`/`FromStr`, its URI fragment form, serde and a rendered `errors` array; any
//! text is accepted by `JsonPointer::parse` exactly when the RFC reads it, to the same
//! tokens.
//!
//! Case counts are fixed here so CI's time stays bounded; `PROPTEST_CASES` does not
//! change them. A failure prints the minimal failing input: pin it as a file in
//! `fuzz/regressions/json_pointer/`, which `fuzz_regressions.rs` replays.

use std::cell::Cell;

use problem_codes_tests::pointer::{self, Step};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Cases of the built-pointer property.
const STEPS_CASES: u32 = 2_000;
/// Cases of the parsed-text property.
const TEXT_CASES: u32 = 2_000;

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Member names that stress the escaping: `~` and `/` alone, together and in runs, the
/// escapes' own digits, `%` and `#` (which the fragment form encodes), any character.
fn token() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => Just("~"),
        3 => Just("/"),
        2 => Just("~0"),
        2 => Just("~1"),
        1 => Just("0"),
        1 => Just("1"),
        1 => Just("%"),
        1 => Just("#"),
        1 => Just("%2F"),
        1 => Just(" "),
        2 => Just("a"),
    ]
    .prop_map(str::to_owned);
    let piece = prop_oneof![6 => piece, 2 => any::<char>().prop_map(String::from)];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => token().prop_map(Step::Key),
        2 => token().prop_map(Step::Push),
        1 => (0usize..80).prop_map(Step::Index),
        1 => any::<usize>().prop_map(Step::Index),
    ]
}

#[test]
fn a_pointer_built_from_any_tokens_is_their_exact_escaping_and_round_trips() {
    runner(STEPS_CASES)
        .run(&prop::collection::vec(step(), 0..6), |steps| {
            pointer::check_steps(&steps);
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{err}"));
}

/// Text near a pointer: the pieces pointers are made of, valid and broken (a lone `~`,
/// `~2`, `%` without two hex digits, `%+f`), in either form; and pointers the reference
/// encodes, plain and as fragments.
fn pointer_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => Just("/"),
        2 => Just("~0"),
        2 => Just("~1"),
        1 => Just("~"),
        1 => Just("~2"),
        2 => Just("%2F"),
        1 => Just("%7e"),
        1 => Just("%E5%90%8D"),
        1 => Just("%C3"),
        1 => Just("%+f"),
        1 => Just("%4"),
        1 => Just("%"),
        1 => Just("#"),
        3 => Just("a"),
        1 => Just("0"),
    ]
    .prop_map(str::to_owned);
    let piece = prop_oneof![8 => piece, 1 => any::<char>().prop_map(String::from)];
    let pieces = (
        prop::sample::select(vec!["", "/", "#", "#/"]),
        prop::collection::vec(piece, 0..10),
    )
        .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()));
    let encoded = prop::collection::vec(token(), 0..4).prop_map(|tokens| pointer::encode(&tokens));
    let fragment = prop::collection::vec(step(), 0..4)
        .prop_map(|steps| pointer::build(&steps).to_uri_fragment());
    prop_oneof![4 => pieces, 1 => encoded, 1 => fragment]
}

#[test]
fn any_text_parses_exactly_when_rfc_6901_reads_it() {
    let accepted = Cell::new(0u32);
    runner(TEXT_CASES)
        .run(&pointer_text(), |text| {
            pointer::check_text(&text);
            accepted.set(accepted.get() + u32::from(pointer::parse(&text).is_some()));
            Ok(())
        })
        .unwrap_or_else(|err| panic!("{err}"));
    // Both outcomes are exercised, not left to chance.
    let accepted = accepted.get();
    assert!(
        (TEXT_CASES / 5..=TEXT_CASES * 4 / 5).contains(&accepted),
        "{accepted} of {TEXT_CASES} texts accepted"
    );
}

#[test]
fn the_rfc_6901_examples_parse_as_the_rfc_says() {
    // RFC 6901 §5, each in both forms, against the tokens written out.
    for (plain, fragment, tokens) in [
        ("", "#", &[][..]),
        ("/foo", "#/foo", &["foo"][..]),
        ("/foo/0", "#/foo/0", &["foo", "0"]),
        ("/", "#/", &[""]),
        ("/a~1b", "#/a~1b", &["a/b"]),
        ("/c%d", "#/c%25d", &["c%d"]),
        ("/e^f", "#/e%5Ef", &["e^f"]),
        ("/g|h", "#/g%7Ch", &["g|h"]),
        ("/i\\j", "#/i%5Cj", &["i\\j"]),
        ("/k\"l", "#/k%22l", &["k\"l"]),
        ("/ ", "#/%20", &[" "]),
        ("/m~0n", "#/m~0n", &["m~n"]),
    ] {
        let tokens: Vec<String> = tokens.iter().map(|t| (*t).to_owned()).collect();
        assert_eq!(pointer::parse(plain).as_ref(), Some(&tokens), "{plain}");
        assert_eq!(
            pointer::parse(fragment).as_ref(),
            Some(&tokens),
            "{fragment}"
        );
        pointer::check_text(plain);
        pointer::check_text(fragment);
        let steps: Vec<Step> = tokens.into_iter().map(Step::Key).collect();
        assert_eq!(pointer::build(&steps).to_uri_fragment(), fragment);
        pointer::check_steps(&steps);
    }
}
