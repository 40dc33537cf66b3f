//! Rendering the eryao catalog in its `zh-Hans` locale: the title (and a templated
//! detail) change, `type`, `code`, `status` and the members never do; one allocation
//! per body, none for a lookup.

use allocation_counter::measure;
use problem_codes::{Catalog, Locale, Problem, ProblemCode, Render};
use problem_codes_tests::eryao::{Eryao, ZH_HANS};
use problem_codes_tests::service::{OtpError, PointsError};
use serde_json::Value;

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("a JSON body")
}

#[test]
fn every_code_is_translated_and_only_the_title_changes() {
    assert_eq!(ZH_HANS.entries().len(), Eryao::ALL.len());
    assert_eq!(
        (ZH_HANS.catalog(), ZH_HANS.default_language()),
        ("Eryao", "en")
    );
    for code in Eryao::ALL {
        let default = json(&code.to_json());
        let localized = code.render().locale(&ZH_HANS);
        assert_eq!(localized.language(), Some("zh-Hans"));
        let body = localized.to_vec();
        assert_eq!(body.len(), localized.len(), "{code}: the counted length");
        let mut body = json(&body);
        let translation = ZH_HANS.get(code.as_str()).expect("translated");
        assert_eq!(body["title"], translation.title(), "{code}");
        assert_ne!(body["title"], default["title"], "{code}");
        body["title"] = default["title"].clone();
        assert_eq!(body, default, "{code}: nothing else changes");
    }
}

#[test]
fn a_template_replaces_the_detail_and_keeps_the_members() {
    let err = PointsError::Insufficient {
        balance: 3,
        required: 10,
    };
    let default = json(&err.to_json());
    let body = json(
        &err.render()
            .locale(&ZH_HANS)
            .instance("/v1/agent/runs")
            .to_vec(),
    );
    assert_eq!(body["detail"], "需要 10 积分，当前余额 3");
    assert_eq!(default["detail"], "This run needs 10 points; you have 3");
    for member in ["type", "status", "code", "balance", "required"] {
        assert_eq!(body[member], default[member], "{member}");
    }
    assert_eq!(body["instance"], "/v1/agent/runs");

    let throttled = OtpError::Throttled { seconds: 30 };
    let response = throttled.render().locale(&ZH_HANS).to_response();
    assert_eq!(response.headers()["content-language"], "zh-Hans");
    assert_eq!(response.headers()["retry-after"], "30");
    let body = json(response.body());
    assert_eq!(body["title"], "验证码请求过于频繁");
    assert_eq!(body["detail"], "请在 30 秒后重试");
    assert_eq!(body["retry_after"], 30);
}

#[test]
fn without_a_template_the_derives_detail_stays_as_written() {
    #[derive(Debug, ProblemCode)]
    #[problem(catalog = problem_codes_tests::eryao::Auth)]
    enum Lookup {
        #[problem(AUTH_USER_NOT_FOUND, detail = "No user {0}")]
        Missing(u32),
        #[problem(code = "LOOKUP_OFFLINE", status = 503, title = "Lookup offline")]
        Offline,
    }
    let body = json(&Lookup::Missing(7).render().locale(&ZH_HANS).to_vec());
    assert_eq!(
        (body["title"].as_str(), body["detail"].as_str()),
        (Some("用户不存在"), Some("No user 7"))
    );

    // An inline code the locale cannot know is rendered, and tagged, in the default.
    let offline = Lookup::Offline.render().locale(&ZH_HANS);
    assert_eq!(offline.language(), Some("en"));
    assert_eq!(offline.to_vec(), Lookup::Offline.to_json());
    assert_eq!(offline.to_response().headers()["content-language"], "en");
}

#[test]
fn the_document_and_the_body_agree() {
    let err = PointsError::Insufficient {
        balance: 1,
        required: 10,
    };
    let render = err.render().locale(&ZH_HANS);
    let problem = render.to_problem();
    assert_eq!(
        problem,
        Problem::from_json(&render.to_vec()).expect("parses")
    );
    assert_eq!(problem.title(), Some("积分不足，无法开始本次运行"));
    assert_eq!(
        problem.typed_code::<Eryao>().known(),
        Some(Eryao::from(
            problem_codes_tests::eryao::AgentPoints::POINTS_INSUFFICIENT_BALANCE
        ))
    );
}

#[test]
fn a_localized_body_is_one_exact_allocation_and_a_lookup_none() {
    let cases: [&dyn ProblemCode; 3] = [
        &Eryao::ALL[0],
        &OtpError::Throttled { seconds: 30 },
        &PointsError::Insufficient {
            balance: 3,
            required: 10,
        },
    ];
    for problem in cases {
        let mut body = Vec::new();
        let info = measure(|| body = Render::new(problem).locale(&ZH_HANS).to_vec());
        assert_eq!(info.count_total, 1, "{}", problem.code());
        assert_eq!(
            info.bytes_total,
            body.len() as u64,
            "{}: sized exactly",
            problem.code()
        );
    }
    let lookups = measure(|| {
        for code in Eryao::ALL {
            assert!(ZH_HANS.get(code.as_str()).is_some());
        }
        assert!(ZH_HANS.get("NO_SUCH_CODE").is_none());
    });
    assert_eq!(lookups.count_total, 0);
}

#[test]
fn a_locale_built_by_hand_escapes_its_title_at_render_time() {
    const QUOTES: Locale = Locale::new(
        "en-x-quotes",
        "en",
        &[problem_codes::LocaleEntry::new(
            "AUTH_USER_NOT_FOUND",
            "\"No\" user\n",
        )],
    );
    let code = Eryao::from(problem_codes_tests::eryao::Auth::AUTH_USER_NOT_FOUND);
    let render = code.render().locale(&QUOTES);
    let body = render.to_vec();
    assert_eq!(body.len(), render.len());
    assert_eq!(json(&body)["title"], "\"No\" user\n");
}
