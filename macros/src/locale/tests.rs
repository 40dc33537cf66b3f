use proc_macro2::TokenStream;

use crate::shared::testing::{assert_reports, messages};

fn run(input: &str) -> TokenStream {
    super::expand(input.parse().expect("tokens"))
}

#[test]
fn a_sound_locale_sorts_its_table_and_checks_each_fact() {
    let output = run(r#"
        pub locale ZH for Auth = "zh-Hans" {
            B_CODE { title: "乙", detail: "等 {retry_after} 秒" },
            A_CODE { title: "甲 \"引\"", handling: "提示" },
        }
    "#);
    assert!(messages(&output).is_empty());
    let text = output.to_string();
    let a = text.find("\"A_CODE\" , \"甲 \\\"引\\\"\" , \"甲 \\\\\\\"引\\\\\\\"\"");
    let b = text.find("\"B_CODE\"");
    assert!(a.is_some(), "the title and its JSON escape: {text}");
    assert!(a < b, "sorted by code");
    for check in [
        "each_code_is_translated_in_ZH",
        "codes_translated_in_ZH_are_the_catalogs",
        "__check_code (\"A_CODE\")",
        "placeholders_in_ZH_are_members",
        "__check_placeholder (1usize , \"B_CODE\" , \"retry_after\")",
    ] {
        assert!(text.contains(check), "{check}: {text}");
    }
    // The digest the catalog's macro computes for the same codes.
    let digest = crate::shared::code::digest(["A_CODE", "B_CODE"]);
    assert!(text.contains(&format!("{digest}u64")), "{text}");
}

#[test]
fn every_mistake_the_macro_sees_is_reported_together() {
    let output = run(r#"
        pub locale ZH for Auth = "zh_hans" {
            A_CODE { title: "甲" },
            A_CODE { title: "甲" },
            B_CODE { titel: "乙" },
            C_CODE { handling: "丙" },
            D_CODE { title: "丁", detail: "等 {retry_after 秒" },
            e_code { title: "戊" },
        }
    "#);
    assert_reports(
        &output,
        &[
            "`zh_hans` is not a BCP 47 tag: subtags are separated by `-`; write `zh-Hans`",
            "`A_CODE` is translated twice in `ZH`",
            "`A_CODE` is first translated here",
            "unknown translation field `titel`; did you mean `title`?",
            "the translation of `C_CODE` has no `title`",
            "`{retry_after 秒` is not closed",
            "problem code `e_code` is not SCREAMING_SNAKE_CASE",
        ],
    );
    assert!(
        output.to_string().contains("const ZH"),
        "the fallback keeps the locale"
    );
}

#[test]
fn a_syntax_error_is_one_error() {
    let output = run(r#"pub locale ZH Auth = "zh" {}"#);
    assert_reports(&output, &["expected `for` and the catalog translated"]);
}
