//! The derive's validation, driven on token streams: the paths where a unit test is
//! cheaper than a trybuild case. What rustc prints, and where, is pinned in `ui-tests`.

use quote::quote;

use super::expand;
use crate::shared::testing::{assert_reports, messages};

#[test]
fn a_valid_input_reports_nothing() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E {
            #[problem(ORDER_NOT_FOUND, status = 404, detail = "no order {0}")]
            A(u64),
            #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked")]
            B { #[problem(retry_after)] s: u64, #[problem(extension)] until: String },
            #[problem(transparent)]
            C(Inner),
        }
    });
    assert_reports(&output, &[]);
}

#[test]
fn every_code_shape_rule() {
    for (code, part) in [
        ("", "cannot be empty"),
        ("404_ORDER", "e.g. `ORDER_404`"),
        ("404", "is a number"),
        ("order-not-found", "write `ORDER_NOT_FOUND`"),
        ("ORDER_", "ends with `_`; write `ORDER`"),
        ("AB", "too short"),
        (&"A".repeat(64), "at most 63"),
    ] {
        let output = expand(quote! {
            enum E { #[problem(code = #code, status = 400, title = "t")] A }
        });
        assert_reports(&output, &[part]);
    }
}

#[test]
fn unknown_keys_suggest_the_key_of_their_level() {
    let output = expand(quote! {
        #[problem(catalgo = Shop)]
        enum E {
            #[problem(code = "ORDER_LOCKED", status = 423, titel = "Locked")]
            A { #[problem(extenion)] until: String },
        }
    });
    assert_reports(
        &output,
        &[
            "`catalgo`; did you mean `catalog`?",
            "`titel`; did you mean `title`?",
            "`extenion`; did you mean `extension`?",
        ],
    );
}

#[test]
fn an_unknown_key_without_a_near_one_lists_the_keys() {
    let output = expand(quote! {
        enum E { #[problem(banana)] A }
    });
    assert_reports(
        &output,
        &[
            "a variant takes `code`, `status`, `title`, `handling`, `detail`, `type`, `transparent`, `members` or a catalog entry",
        ],
    );
}

#[test]
fn keys_on_the_wrong_level_name_their_home() {
    let output = expand(quote! {
        #[problem(code = "ORDER_LOCKED")]
        enum E {
            #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked", extension)]
            A { #[problem(status = 423)] until: String },
        }
    });
    assert_reports(
        &output,
        &[
            "`code` is not allowed on an enum: each variant declares its own code; move it onto the variant whose code it declares",
            "`extension` is not allowed on a variant; it goes on a field",
            "`status` is not allowed on a field; it goes on a variant (or on a struct)",
        ],
    );
}

#[test]
fn flags_take_no_value_and_keys_need_one() {
    let output = expand(quote! {
        #[problem(catalog)]
        enum E {
            #[problem(transparent = true)]
            A(Inner),
            #[problem(code = "ORDER_LOCKED", status, title = "Locked")]
            B(#[problem(retry_after = 5)] u64),
            #[problem(ORDER_NOT_FOUND = 404)]
            C,
        }
    });
    assert_reports(
        &output,
        &[
            "`catalog` takes a type: `catalog = MyCatalog`",
            "`transparent` takes no value",
            "`status` takes a number: `status = 429`",
            "`retry_after` takes no value",
            "a catalog entry takes no value; to assert its status write `status = …` beside it",
        ],
    );
}

#[test]
fn a_mistaken_key_is_not_also_reported_missing() {
    // Each variant has one mistake, and only that one is reported: no "needs `status`"
    // after a misspelt or mistyped status, no "no problem code" after a broken attribute.
    let output = expand(quote! {
        enum E {
            #[problem(code = "ORDER_A", stauts = 404, title = "A")]
            A,
            #[problem(code = "ORDER_B", status = "404", title = "B")]
            B,
            #[problem(code = "ORDER_C", status = 404, title = 5)]
            C,
            #[problem = "ORDER_D"]
            D,
            #[problem(cdoe = "ORDER_E", status = 404, title = "E")]
            F,
        }
    });
    assert_reports(
        &output,
        &[
            "did you mean `status`?",
            "`status` takes a number, not a string: `status = 404`",
            "`title` takes a string",
            "write the keys of `problem` in parentheses",
            "did you mean `code`?",
        ],
    );
}

#[test]
fn an_attribute_that_does_not_parse_keeps_the_others() {
    let output = expand(quote! {
        enum E {
            #[problem(code = "ORDER_A" status = 404)]
            A,
            #[problem(code = "ORDER_B", status = 700, title = "B")]
            B,
        }
    });
    let found = messages(&output);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[1].contains("status 700"), "{found:#?}");
}

#[test]
fn status_names_suggest_their_number() {
    let output = expand(quote! {
        enum E {
            #[problem(code = "ORDER_A", status = StatusCode::TOO_MANY_REQUESTS, title = "A")]
            A,
            #[problem(code = "ORDER_B", status = SOMETHING, title = "B")]
            B,
        }
    });
    assert_reports(
        &output,
        &[
            "`status` takes a number, not a name: `status = 429`",
            "`status` takes a number: `status = 429`",
        ],
    );
}

#[test]
fn entries_and_inline_codes_do_not_mix() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E {
            #[problem(ORDER_NOT_FOUND, code = "ORDER_GONE", title = "t", handling = "h", type = "/x")]
            A,
        }
    });
    assert_reports(
        &output,
        &[
            "names the catalog entry `ORDER_NOT_FOUND` and also declares `code`",
            "`title` comes from the catalog entry",
            "`handling` comes from the catalog entry",
            "`type` comes from the catalog entry",
        ],
    );
}

#[test]
fn a_struct_entry_needs_a_catalog_unless_qualified() {
    let output = expand(quote! {
        #[problem(ORDER_NOT_FOUND)]
        struct S;
    });
    assert_reports(&output, &["no catalog is set"]);
    let output = expand(quote! {
        #[problem(Shop::ORDER_NOT_FOUND)]
        struct S;
    });
    assert_reports(&output, &[]);
}

#[test]
fn transparent_takes_one_field_and_nothing_else() {
    let output = expand(quote! {
        enum E {
            #[problem(transparent)]
            A,
            #[problem(transparent, status = 400, detail = "x")]
            B(Inner),
            #[problem(transparent)]
            C(#[problem(retry_after)] Inner),
        }
    });
    assert_reports(
        &output,
        &[
            "needs exactly one field, the inner problem, but variant `A` has 0",
            "remove `status`",
            "remove `detail`",
            "a `transparent` field is the inner problem",
        ],
    );
}

#[test]
fn extension_member_names() {
    let output = expand(quote! {
        enum E {
            #[problem(code = "ORDER_A", status = 400, title = "A")]
            A {
                #[problem(extension)] r#type: String,
                #[problem(extension = "instance")] at: String,
                #[problem(extension = "1st")] first: u8,
                #[problem(extension = "retry_after")] again: u8,
                #[problem(retry_after)] wait: u64,
            },
        }
    });
    assert_reports(
        &output,
        &[
            "extension member `type` would replace the standard member `type`",
            "extension member `instance` would replace the standard member `instance`",
            "`1st` cannot name an extension member",
            "two members are named `retry_after`",
            "`retry_after` is first used here",
        ],
    );
}

#[test]
fn detail_format_strings() {
    for (fields, detail, part) in [
        (quote!((u8)), "{}", "names no field"),
        (
            quote!((u8)),
            "{0:1$}",
            "takes its width or precision from an argument",
        ),
        (quote!((u8)), "{a b}", "is not a field"),
        (
            quote!((u8)),
            "{name}",
            "the fields have no names; write `{0}`",
        ),
        (
            quote!({ name: u8 }),
            "{0}",
            "the fields have names; write `{name}`",
        ),
        (
            quote!((u8, u8)),
            "{2}",
            "there are only 2 fields: `{0}` to `{1}`",
        ),
        (quote!({ name: u8 }), "{nmae}", "did you mean `name`?"),
        (quote!(), "{0}", "there are no fields to format"),
        (quote!((u8)), "{0", "unclosed `{`"),
        (quote!((u8)), "0}", "unmatched `}`"),
    ] {
        let output = expand(quote! {
            enum E { #[problem(code = "ORDER_A", status = 400, title = "A", detail = #detail)] A #fields }
        });
        assert_reports(&output, &[part]);
    }
}

#[test]
fn inline_type_uri_and_type_base() {
    let output = expand(quote! {
        #[problem(type_base = "")]
        enum E {
            #[problem(code = "ORDER_A", status = 400, title = "A", type = "not a uri")]
            A,
        }
    });
    assert_reports(
        &output,
        &[
            "`type_base` cannot be empty",
            "`type` is a URI and cannot contain whitespace; a URI looks like `https://",
        ],
    );
}

#[test]
fn duplicates_report_both_places() {
    let output = expand(quote! {
        #[problem(section = "A", section = "B")]
        enum E {
            #[problem(code = "ORDER_A", status = 400, title = "A")]
            A,
            #[problem(code = "ORDER_A", status = 400, title = "A")]
            B,
        }
    });
    assert_reports(
        &output,
        &[
            "duplicate problem attribute `section`",
            "`section` is first set here",
            "problem code `ORDER_A` is declared twice",
            "`ORDER_A` is first declared here",
        ],
    );
}

#[test]
fn on_error_a_stub_impl_keeps_the_type_usable() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E {
            #[problem(ORDER_NOT_FOUND, status = 404)]
            A,
            B,
        }
    })
    .to_string();
    assert!(output.contains("compile_error"), "{output}");
    assert!(output.contains("unreachable"), "{output}");
    // rustc still checks the entry and the status beside our error.
    assert!(output.contains("__Catalog"), "{output}");
    assert!(
        output.contains("status_of_A_matches_the_catalog"),
        "{output}"
    );
}

#[test]
fn a_union_is_refused_without_a_stub() {
    let output = expand(quote! {
        union U { a: u8 }
    });
    assert_reports(&output, &["cannot be derived for a union"]);
    assert!(!output.to_string().contains("impl"));
}

#[test]
fn an_empty_enum_is_fine() {
    let output = expand(quote! { enum Never {} });
    assert_reports(&output, &[]);
    assert!(output.to_string().contains("match * self { }"));
}

#[test]
fn framing_and_hop_by_hop_headers_are_refused_in_any_case() {
    for name in [
        "transfer-encoding",
        "Content-Encoding",
        "connection",
        "upgrade",
        "TE",
        "trailer",
        "keep-alive",
        "proxy-authorization",
        "Proxy-Connection",
        "host",
    ] {
        let output = expand(quote! {
            enum E {
                #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked")]
                A { #[problem(header = #name)] value: String },
            }
        });
        assert_reports(
            &output,
            &["belongs to the connection or the message framing"],
        );
    }
    // Names that only look alike stay allowed.
    for name in [
        "x-transfer-encoding",
        "content-language",
        "tenant",
        "x-proxy-id",
    ] {
        let output = expand(quote! {
            enum E {
                #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked")]
                A { #[problem(header = #name)] value: String },
            }
        });
        assert_reports(&output, &[]);
    }
}

#[test]
fn a_code_written_on_the_enum_is_one_error() {
    let output = expand(quote! {
        #[problem(code = "ORDER_LOCKED", status = 423, title = "Locked")]
        enum E { A, B }
    });
    assert_reports(
        &output,
        &[
            "`code`, `status` and `title` are not allowed on an enum: each variant declares its own code; move them onto the variant whose code they declare",
        ],
    );
}

#[test]
fn an_entry_written_on_a_field_is_one_error() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E { A { #[problem(ORDER_NOT_FOUND)] id: u64 } }
    });
    assert_reports(&output, &["`ORDER_NOT_FOUND` is not allowed on a field"]);
}

#[test]
fn strings_in_place_of_keys_are_reported_and_the_rest_is_read() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E {
            #[problem("ORDER_NOT_FOUND")]
            A,
            #[problem("not found", stauts = 404)]
            B,
        }
    });
    assert_reports(
        &output,
        &[
            "write the catalog entry without quotes: `#[problem(ORDER_NOT_FOUND)]`",
            "a problem attribute takes keys, not strings",
            "did you mean `status`?",
        ],
    );
}

#[test]
fn lowercase_entries_are_suggested_in_screaming_snake_case() {
    let output = expand(quote! {
        #[problem(catalog = Shop)]
        enum E { #[problem(auth_user_not_found)] A }
    });
    assert_reports(&output, &["in SCREAMING_SNAKE_CASE: `AUTH_USER_NOT_FOUND`"]);
}

#[test]
fn suffixed_statuses_must_hold_the_value() {
    let output = expand(quote! {
        enum E {
            #[problem(code = "ORDER_A", status = 429u8, title = "A")]
            A,
            #[problem(code = "ORDER_B", status = 423i16, title = "B")]
            B,
            #[problem(code = "ORDER_C", status = 423u16, title = "C")]
            C,
        }
    });
    assert_reports(
        &output,
        &["write `429` or `429u16`", "write `423` or `423u16`"],
    );
}
