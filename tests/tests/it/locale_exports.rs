//! The eryao catalog's `zh-Hans` locale in the contract: the JSON registry (against its
//! schema) and back, the Markdown per locale, and the gate's rules for translations.

use problem_codes::Catalog;
use problem_codes_contract::compat::{Verdict, check};
use problem_codes_contract::export::json::SCHEMA;
use problem_codes_contract::{Registry, RegistryLocale, Translation};
use problem_codes_tests::eryao::{Eryao, ZH_HANS};
use serde_json::Value;

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");

fn localized() -> Registry {
    Registry::of::<Eryao>().with_locale(&ZH_HANS)
}

#[test]
fn the_json_registry_carries_every_translation_and_reads_back() {
    let registry = localized();
    let json = registry.to_json();
    let doc: Value = serde_json::from_str(&json).expect("JSON");
    let schema: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    let locale = &doc["locales"][0];
    assert_eq!(locale["tag"], "zh-Hans");
    let translations = locale["translations"].as_array().expect("an array");
    assert_eq!(translations.len(), Eryao::ALL.len());
    assert_eq!(
        translations[1]["code"], "AUTH_TOO_MANY_REQUESTS",
        "in the catalog's order"
    );
    assert_eq!(translations[1]["detail"], "请在 {retry_after} 秒后重试");
    assert_eq!(Registry::from_json(&json).expect("reads back"), registry);

    // Without locales the document is as before: no `locales` member.
    assert!(!Registry::of::<Eryao>().to_json().contains("\"locales\""));
    let bad = json.replace("\"tag\": \"zh-Hans\"", "\"tag\": 7");
    assert!(Registry::from_json(&bad).is_err());
}

#[test]
fn the_default_document_is_the_fixture_and_each_locale_has_its_own() {
    let registry = localized();
    assert_eq!(
        registry.to_document(),
        FIXTURE,
        "the default stays byte for byte"
    );
    let chinese = registry
        .to_document_in("zh-Hans")
        .expect("a zh-Hans document");
    assert!(
        chinese.contains("| `AUTH_TOO_MANY_REQUESTS` | 429 | 验证码请求过于频繁 | 显示等待提示 |"),
        "{chinese}"
    );
    assert_eq!(chinese.lines().count(), FIXTURE.lines().count());
    assert!(!chinese.contains("OTP request throttled"));
    assert_eq!(registry.to_document_in("fr"), None);
}

#[test]
fn the_gate_allows_adding_and_changing_and_refuses_removing() {
    let plain = Registry::of::<Eryao>();
    let live = localized();
    let added = check(&plain, &live);
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].to_string(), "locale zh-Hans was added");
    assert_eq!(added[0].verdict(), Verdict::Allowed);

    let removed = check(&live, &plain);
    assert_eq!(removed.len(), 1);
    assert_eq!(removed[0].verdict(), Verdict::Refused);
    assert_eq!(removed[0].code(), "zh-Hans", "acknowledged by its tag");

    let zh = live.locale("zh-Hans").expect("zh-Hans");
    let mut fewer: Vec<Translation> = zh.translations().to_vec();
    let gone = fewer.remove(0);
    let mut changed = fewer.clone();
    changed[0] = Translation::new(changed[0].code(), "改过的标题");
    let trimmed = plain
        .clone()
        .with_registry_locale(RegistryLocale::new("zh-Hans", fewer))
        .expect("sound");
    let edited = plain
        .with_registry_locale(RegistryLocale::new("zh-Hans", changed))
        .expect("sound");

    let lost = check(&live, &trimmed);
    assert_eq!(lost.len(), 1);
    assert_eq!(
        (lost[0].code(), lost[0].verdict()),
        (gone.code(), Verdict::Refused)
    );
    assert!(lost[0].to_string().contains("lost its zh-Hans translation"));

    let findings = check(&trimmed, &edited);
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].verdict(), Verdict::Allowed);
    assert!(
        findings[0]
            .to_string()
            .ends_with("changed its zh-Hans translation")
    );
    let back = check(&trimmed, &live);
    assert_eq!(
        back.iter().map(|f| f.verdict()).collect::<Vec<_>>(),
        [Verdict::Allowed]
    );
}

#[test]
fn typescript_types_the_translations_so_a_missing_one_fails_tsc() {
    let Some(tsc) = crate::export_typescript::tsc() else {
        return;
    };
    let ts = localized().to_typescript();
    let usage = "import { eryaoTitle, eryaoTranslations } from \"./eryao\";\n\
                 export const zh: string = eryaoTitle(\"AUTH_TOO_MANY_REQUESTS\", \"zh-Hans\");\n\
                 export const detail: string | undefined = eryaoTranslations[\"zh-Hans\"].AUTH_TOO_MANY_REQUESTS.detail;\n"
        .to_owned();
    let complete = crate::export_typescript::check(
        &tsc,
        "locale-ts-complete",
        &[("eryao.ts", ts.clone()), ("usage.ts", usage.clone())],
    );
    assert_eq!(complete, Ok(()));

    // A translation file left behind by a newer catalog: one code untranslated.
    let line = ts
        .lines()
        .find(|line| {
            line.trim_start()
                .starts_with("\"AUTH_USER_NOT_FOUND\": { title: \"用户不存在\"")
        })
        .expect("the translation line");
    let stale = ts.replace(&format!("{line}\n"), "");
    let err = crate::export_typescript::check(
        &tsc,
        "locale-ts-missing",
        &[("eryao.ts", stale), ("usage.ts", usage)],
    )
    .expect_err("a missing translation does not type-check");
    assert!(err.contains("AUTH_USER_NOT_FOUND"), "{err}");
}

#[test]
fn the_html_site_has_a_tree_per_language_linked_both_ways() {
    let pages = localized().to_html_in_every_language();
    let count = Eryao::ALL.len() + 1;
    assert_eq!(pages.len(), 2 * count);
    for page in &pages {
        let zh = page.path().starts_with("zh-Hans/");
        let lang = if zh { "zh-Hans" } else { "en" };
        assert!(
            page.html().contains(&format!("<html lang=\"{lang}\">")),
            "{}",
            page.path()
        );
        assert!(
            page.html()
                .contains("<link rel=\"alternate\" hreflang=\"zh-Hans\"")
        );
        assert!(
            page.html()
                .contains("<link rel=\"alternate\" hreflang=\"en\"")
        );
        // Every link to another language lands on a page of the site.
        let other = if zh { "en" } else { "zh-Hans" };
        let marker = format!("\" hreflang=\"{other}\" lang=\"{other}\">");
        let href_end = page
            .html()
            .find(&marker)
            .expect("a link to the other language");
        let href_start = page.html()[..href_end].rfind("href=\"").expect("an href") + 6;
        let href = &page.html()[href_start..href_end];
        let depth = page.path().matches('/').count();
        let up = "../".repeat(depth);
        let target = format!(
            "{}index.html",
            href.strip_prefix(&up).expect("from the root")
        );
        assert!(
            pages.iter().any(|p| p.path() == target),
            "{} → {target}",
            page.path()
        );
    }
    let throttled = pages
        .iter()
        .find(|p| p.path() == "zh-Hans/auth-too-many-requests/index.html")
        .expect("the zh-Hans page");
    assert!(throttled.html().contains("验证码请求过于频繁"));
    assert_eq!(
        pages[..count].iter().map(|p| p.path()).collect::<Vec<_>>(),
        localized()
            .to_html()
            .iter()
            .map(|p| p.path())
            .collect::<Vec<_>>()
    );

    let hostile =
        Registry::of::<Eryao>().with_locale(&problem_codes::Locale::new("x\"><script>", "en", &[]));
    assert_eq!(hostile.to_html_in_every_language().len(), count);
    let json = localized()
        .to_json()
        .replace("\"tag\": \"zh-Hans\"", "\"tag\": \"zh Hans\"");
    assert!(Registry::from_json(&json).is_err());
}

#[test]
fn the_gate_records_translations_and_refuses_losing_a_locale() {
    use problem_codes_contract::compat::{GateError, Settings, gate};

    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("locale-gate");
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("eryao.codes.json");
    let outcome = gate(&localized(), &path, &Settings::new().overwrite(true)).expect("recorded");
    assert!(outcome.written());
    let recorded = std::fs::read_to_string(&path).expect("the snapshot");
    assert_eq!(
        Registry::from_json(&recorded).expect("reads back"),
        localized()
    );

    let without = Registry::of::<Eryao>();
    let err = gate(&without, &path, &Settings::new()).expect_err("a locale removed");
    assert!(matches!(&err, GateError::Incompatible { .. }), "{err}");
    assert!(
        err.to_string().contains("locale zh-Hans was removed"),
        "{err}"
    );
    let acknowledged = Settings::new().acknowledge(["zh-Hans"]).overwrite(true);
    assert!(
        gate(&without, &path, &acknowledged)
            .expect("acknowledged")
            .written()
    );
    assert!(
        Registry::from_json(&std::fs::read_to_string(&path).expect("read"))
            .expect("reads")
            .locales()
            .is_empty()
    );
}

#[test]
fn a_translation_from_outside_is_held_to_the_export_rules() {
    let plain = Registry::of::<Eryao>();
    for (locale, field) in [
        (RegistryLocale::new("zh Hans", vec![]), "locale"),
        (
            RegistryLocale::new(
                "zh-Hans",
                vec![Translation::new("AUTH_USER_NOT_FOUND", "  ")],
            ),
            "title",
        ),
        (
            RegistryLocale::new(
                "zh-Hans",
                vec![Translation::new("AUTH_USER_NOT_FOUND", "用户").with_detail("a\u{7}b")],
            ),
            "detail",
        ),
    ] {
        match plain.clone().with_registry_locale(locale) {
            Err(problem_codes_contract::RegistryError::InvalidField { field: found, .. }) => {
                assert_eq!(found, field);
            }
            other => panic!("{field}: {other:?}"),
        }
    }
    let injected = RegistryLocale::new(
        "zh-Hans",
        vec![Translation::new("X: 1 }; alert(1); //", "t")],
    );
    assert!(plain.with_registry_locale(injected).is_err());
}
