//! The renderer: exact sizes, the compile-time head against the runtime one, reuse of a
//! buffer, and equality with what serde_json would write.

use problem_codes::{Entry, ProblemCode, Render};
use problem_codes_tests::eryao::{Auth, Profile};

#[derive(Debug, ProblemCode)]
#[problem(catalog = Auth)]
enum OtpError {
    #[problem(AUTH_TOO_MANY_REQUESTS, detail = "Try again in {seconds} seconds")]
    Throttled {
        #[problem(retry_after)]
        seconds: u64,
    },
    #[problem(
        code = "OTP_WEIRD_TITLE",
        status = 400,
        title = "Quote \" backslash \\ tab \t bell \u{7}"
    )]
    Weird(#[problem(extension = "payload")] Vec<Option<String>>),
}

/// The same facts as the macro's, built by hand: no pre-rendered head.
struct ByHand;

impl ProblemCode for ByHand {
    fn entry(&self) -> &'static Entry {
        const ENTRY: &Entry = &Entry::new(
            "OTP_WEIRD_TITLE",
            400,
            "Quote \" backslash \\ tab \t bell \u{7}",
            "/problems/otp-weird-title",
        );
        ENTRY
    }
}

#[test]
fn the_reference_document_renders_exactly() {
    let err = OtpError::Throttled { seconds: 30 };
    let body = err.render().instance("/v1/auth/otp").to_vec();
    assert_eq!(
        std::str::from_utf8(&body).expect("utf-8"),
        r#"{"type":"https://errors.eryao.example/auth-too-many-requests","title":"OTP request throttled","status":429,"detail":"Try again in 30 seconds","instance":"/v1/auth/otp","code":"AUTH_TOO_MANY_REQUESTS","retry_after":30}"#
    );
}

#[test]
fn the_compile_time_head_equals_the_runtime_head() {
    let from_macro = String::from_utf8(OtpError::Weird(vec![]).to_json()).expect("utf-8");
    let by_hand = String::from_utf8(ByHand.to_json()).expect("utf-8");
    let without_close = by_hand.strip_suffix('}').expect("an object");
    assert_eq!(from_macro, format!("{without_close},\"payload\":[]}}"));
}

#[test]
fn bodies_are_sized_exactly_and_are_what_serde_json_writes() {
    let cases: Vec<Box<dyn ProblemCode>> = vec![
        Box::new(OtpError::Throttled { seconds: u64::MAX }),
        Box::new(OtpError::Weird(vec![Some("\u{0}\u{1f}é😀\"".into()), None])),
        Box::new(ByHand),
        Box::new(Auth::AUTH_USER_NOT_FOUND),
    ];
    for case in &cases {
        for instance in [None, Some("/a/\"b\"/\n")] {
            let mut render = Render::new(&**case);
            if let Some(instance) = instance {
                render = render.instance(instance);
            }
            let body = render.to_vec();
            assert_eq!(body.len(), render.len());
            assert_eq!(body.capacity(), body.len(), "one exact allocation");
            let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
            // serde_json re-serializes the parsed value to the same bytes, member order
            // aside: compare as values, then as canonical text of each string member.
            assert_eq!(
                value,
                serde_json::from_slice::<serde_json::Value>(&case.to_problem().to_json())
                    .map(|mut v| {
                        if let Some(instance) = instance {
                            // Not a URI reference: it is percent-encoded first.
                            v["instance"] = problem_codes::to_uri_reference(instance)
                                .into_owned()
                                .into();
                        }
                        v
                    })
                    .expect("json")
            );
            for member in ["type", "title", "detail", "instance", "code"] {
                if let Some(text) = value.get(member).and_then(|v| v.as_str()) {
                    let escaped = serde_json::to_string(text).expect("json");
                    let needle = format!("\"{member}\":{escaped}");
                    assert!(
                        String::from_utf8_lossy(&body).contains(&needle),
                        "{member} escaped as serde_json does: {needle}"
                    );
                }
            }
        }
    }
}

#[derive(Debug, ProblemCode)]
#[problem(code = "OTP_LONG", status = 400, title = "Long")]
#[problem(detail = "{text} and {n}")]
struct Long {
    text: String,
    n: i64,
    #[problem(extension)]
    items: Vec<String>,
}

#[test]
fn parts_too_long_for_the_stack_take_two_passes_and_the_same_bytes() {
    for (len, items) in [(10, 1), (240, 0), (250, 1), (2_000, 0), (10, 300)] {
        let err = Long {
            text: "\"q\"\n".repeat(len / 4),
            n: -42,
            items: vec!["é\u{1}".to_owned(); items],
        };
        let body = err.to_json();
        assert_eq!(body.capacity(), body.len(), "exact size at {len}/{items}");
        assert_eq!(body.len(), err.render().len());
        let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
        let expected: serde_json::Value =
            serde_json::from_slice(&err.to_problem().to_json()).expect("valid JSON");
        assert_eq!(value, expected);
        assert_eq!(value["detail"], format!("{} and -42", err.text));
    }
}

#[test]
fn write_into_appends_to_a_reused_buffer() {
    let mut buf = Vec::with_capacity(1024);
    let first = OtpError::Throttled { seconds: 1 }.render();
    first.write_into(&mut buf);
    let len = buf.len();
    Profile::PROFILE_NOT_FOUND.render().write_into(&mut buf);
    assert_eq!(&buf[..len], &first.to_vec()[..]);
    assert_eq!(&buf[len..], &Profile::PROFILE_NOT_FOUND.to_json()[..]);
    assert_eq!(
        buf.capacity(),
        1024,
        "no reallocation while the buffer has room"
    );
}
