//! `Accept-Language` negotiation over the eryao catalog's English and `zh-Hans`.
#![cfg(feature = "icu_locale")]

use allocation_counter::measure;
use problem_codes::Locales;
use problem_codes_tests::eryao::{Eryao, ZH_HANS};

const LOCALES: Locales = Locales::of::<Eryao>(&[&ZH_HANS]);

fn picked(header: &str) -> &'static str {
    LOCALES.language_of(header)
}

#[test]
fn chinese_ranges_pick_simplified_chinese_by_likely_script() {
    for header in [
        "zh-CN,zh;q=0.9",
        "zh",
        "zh-Hans",
        "zh-hans-cn",
        "zh-SG",
        "ZH-cn",
        "en;q=0.5, zh-CN",
        "fr, zh;q=0.8, en;q=0.7",
    ] {
        assert_eq!(picked(header), "zh-Hans", "{header}");
    }
}

#[test]
fn other_ranges_fall_back_to_the_default() {
    for header in [
        "",
        "*",
        "en",
        "en-US,en;q=0.9",
        "zh-TW",
        "zh-Hant-HK",
        "fr-CA, de",
        "zh;q=0",
        "en, zh-CN;q=0.5",
        "*, zh-CN;q=0.5",
        "zh-CN;q=oops",
        "not a tag!",
        ";;,,",
    ] {
        assert_eq!(picked(header), "en", "{header:?}");
    }
}

#[test]
fn q_values_order_the_ranges_and_ties_keep_their_order() {
    assert_eq!(picked("en;q=0.1, zh-CN;q=0.2"), "zh-Hans");
    assert_eq!(picked("zh-CN;q=0.5, en;q=0.5"), "zh-Hans");
    assert_eq!(picked("en;q=0.5, zh-CN;q=0.5"), "en");
    assert_eq!(picked("fr;q=1, zh-CN;q=0.001"), "zh-Hans");
}

#[test]
fn negotiating_allocates_nothing() {
    let locales = LOCALES;
    let long = "xx-YY,".repeat(40);
    let info = measure(|| {
        assert_eq!(
            locales.language_of("fr-CA;q=0.9, zh-CN, en;q=0.8"),
            "zh-Hans"
        );
        assert_eq!(locales.language_of(&long), "en");
    });
    assert_eq!(info.count_total, 0);
}
