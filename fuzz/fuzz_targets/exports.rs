//! The exports against real parsers, on registries built from any bytes: the HTML
//! pages tokenize (html5gum, WHATWG) to the exporter's own elements, attributes and
//! links, each code page's title is its text whole, and the Markdown document parses
//! (pulldown-cmark, CommonMark with GFM tables) to one row of four cells per code.
//! The checks are `problem_codes_tests::exports`, which the test suite replays.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    problem_codes_tests::exports::check_input(data);
});
