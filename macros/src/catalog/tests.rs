//! `error_catalog!`'s validation and recovery, driven on token streams. What rustc
//! prints, and where, is pinned in `ui-tests`.

use proc_macro2::TokenStream;

use super::expand;
use crate::shared::testing::{assert_reports, messages};

fn run(source: &str) -> TokenStream {
    expand(source.parse().expect("the test input lexes"))
}

#[test]
fn a_valid_catalog_reports_nothing() {
    let output = run(r#"
        /// Docs.
        pub catalog Shop {
            type_base = "https://shop.example/p/";
            crate = "::problem_codes";
            /// Orders.
            section "Orders" {
                /// Docs.
                ORDER_NOT_FOUND = 404 { title: "Order not found", handling: "Show it" },
                ORDER_LOCKED = 423 { title: "Order locked" }
            }
        }
        pub catalog Registry = Shop + other::Other { crate = "::problem_codes"; }
    "#);
    assert_reports(&output, &[]);
}

#[test]
fn an_empty_call_asks_for_a_catalog() {
    assert_reports(&run(""), &["expected a catalog"]);
}

#[test]
fn slips_in_codes_are_skipped_and_the_rest_is_checked() {
    let output = run(r#"
        pub catalog Shop {
            section "Orders" {
                ORDER_A 404 { title: "A" },
                ORDER_B = { title: "B" },
                ORDER_C = 404 title,
                , ORDER_D = 404 { title: "D" },
                ORDER_E = 700 { title: "E" },
            }
        }
    "#);
    assert_reports(
        &output,
        &[
            "expected `=` and the status after the code: `ORDER_A = 404 { … }`",
            "expected the status of `ORDER_B`, a number such as `404`",
            "expected the fields of `ORDER_C` in braces",
            "expected a code before `,`",
            "status 700 is not an HTTP error status",
        ],
    );
}

#[test]
fn slips_in_fields_are_skipped_and_the_rest_is_checked() {
    let output = run(r#"
        pub catalog Shop {
            section "Orders" {
                ORDER_A = 404 { title = "A" },
                ORDER_B = 404 { title: SOME_CONST, handling: 5 },
                ORDER_C = 404 { title: "C" handling: "c" },
                ORDER_D = 404 { "title": "D" },
                ORDER_E = 404,
            }
        }
    "#);
    assert_reports(
        &output,
        &[
            "a field is written with a colon: `title: \"…\"`",
            "`title` takes a string: `title: \"…\"`",
            "`handling` takes a string",
            "expected `,` before the next field",
            "a field name is written without quotes: `title: \"…\"`",
            "code `ORDER_E` needs its fields in braces, at least its `title`: `ORDER_E = 404 { title: \"…\" }`",
        ],
    );
}

#[test]
fn items_of_the_catalog() {
    let output = run(r#"
        pub catalog Shop {
            #[doc = "no"] type_base = "/p/";
            crate = 5;
            banana = 1;
            42;
            section "Orders" { ORDER_A = 404 { title: "A" } }
            type_base = "/q/"
        }
    "#);
    assert_reports(
        &output,
        &[
            "a setting takes no attributes",
            "`crate` takes a string: `crate = \"…\";`",
            "unknown catalog item `banana`; a catalog holds",
            "expected `section \"Name\" { … }`",
            "`type_base` is set twice",
            "`type_base` is first set here",
            "expected `;` after the value of `type_base`",
        ],
    );
}

#[test]
fn a_missing_semicolon_does_not_hide_the_next_section() {
    let output = run(r#"
        pub catalog Shop {
            type_base = "/p/"
            section "Orders" { order_a = 404 { title: "A" } }
        }
    "#);
    assert_reports(
        &output,
        &[
            "expected `;` after the value of `type_base`",
            "problem code `order_a` is not SCREAMING_SNAKE_CASE",
        ],
    );
}

#[test]
fn sections() {
    let output = run(r#"
        pub catalog Shop {
            #[allow(dead_code)]
            section "" { ORDER_A = 404 { title: "A" } }
            section "B" B { ORDER_B = 404 { title: "B" } }
            section { }
            section "C" {}
        }
    "#);
    assert_reports(
        &output,
        &[
            "a section takes only doc comments",
            "a section needs a name",
            "expected the codes of section \"B\" in braces",
            "expected the section's name",
            "section \"C\" has no codes",
        ],
    );
}

#[test]
fn a_section_whose_codes_all_failed_is_not_also_empty() {
    let output = run(r#"
        pub catalog Shop { section "A" { "ORDER_A" = 404 { title: "A" } } }
    "#);
    assert_reports(&output, &["a code is written bare, without quotes"]);
}

#[test]
fn a_catalog_whose_items_all_failed_is_not_also_empty() {
    let output = run(r#"pub catalog Shop { banana "A" { } }"#);
    assert_reports(&output, &["unknown catalog item `banana`"]);
}

#[test]
fn title_and_handling() {
    let output = run(r#"
        pub catalog Shop {
            section "A" {
                ORDER_A = 404 { title: " " },
                ORDER_B = 404 { title: "B", title: "b" },
                ORDER_C = 404 { titel: "C" },
                ORDER_D = 404 { title: "D", colour: "red" },
            }
        }
    "#);
    assert_reports(
        &output,
        &[
            "`title` cannot be empty",
            "`title` is given twice",
            "`title` is first given here",
            "unknown code field `titel`; did you mean `title`?",
            "unknown code field `colour`; a code has `title`, `handling`, `deprecated` and `members`",
        ],
    );
}

#[test]
fn the_former_name_of_the_title_says_to_write_title() {
    // One error, on the key: the code is not also missing its title.
    let output = run(r#"
        pub catalog Shop {
            section "A" {
                ORDER_A = 404 { meaning: "A", handling: "a" },
            }
        }
    "#);
    assert_reports(
        &output,
        &["unknown code field `meaning`; a code's title is written `title: \"…\"`"],
    );
}

#[test]
fn composed_catalogs() {
    let output = run(r#"
        pub catalog Shop = a::Orders + b::Orders {
            type_base = "/p/";
            section "A" { }
            crate = "not a path";
        }
    "#);
    assert_reports(
        &output,
        &[
            "`Orders` is listed twice",
            "`Orders` is first listed here",
            "a composed catalog keeps the type URIs of its members",
            "a composed catalog takes its sections from its members",
            "`crate` takes the path of the problem_codes crate",
        ],
    );
}

#[test]
fn on_error_the_sound_part_still_expands() {
    let output = run(r#"
        pub catalog Shop {
            section "A" {
                ORDER_A = 404 { title: "A", handlign: "a" },
                order_b = 404 { title: "B" },
                ORDER_A = 410 { title: "A again" },
            }
        }
    "#);
    assert_eq!(messages(&output).len(), 4, "{:#?}", messages(&output));
    let text = output.to_string();
    // The enum keeps `ORDER_A` (its mistake is in a field) and leaves out the
    // malformed and repeated codes, so it still compiles.
    assert!(text.contains("pub const ORDER_A"), "{text}");
    assert!(!text.contains("const order_b"), "{text}");
    assert_eq!(text.matches("OrderA ,").count(), 1, "{text}");
}

#[test]
fn on_error_without_codes_the_enum_is_bare() {
    let output = run(r#"pub catalog Shop { section "A" { } }"#);
    assert!(output.to_string().contains("pub enum Shop { }"), "{output}");
}

#[test]
fn a_code_whose_attribute_does_not_parse_is_skipped() {
    let output = run(r#"
        pub catalog Shop {
            section "A" {
                #[doc = ]
                ORDER_A = 404 { title: "A" },
                order_b = 404 { title: "B" },
            }
        }
    "#);
    assert_reports(
        &output,
        &[
            "expected an expression",
            "problem code `order_b` is not SCREAMING_SNAKE_CASE",
        ],
    );
}

#[test]
fn a_code_whose_variant_would_be_a_keyword_is_refused() {
    let output = run(r#"
        pub catalog Shop {
            section "Orders" {
                SELF = 404 { title: "Itself" },
                SELF_OK = 404 { title: "Fine" },
            }
        }
    "#);
    assert_reports(
        &output,
        &["code `SELF` would be the enum variant `Self`, a keyword"],
    );
}

/// The framing `error_catalog!` reads from the first catalog of `source`.
fn framing(source: &str) -> super::lower::Framing {
    let parsed: super::ast::Catalogs = syn::parse_str(source).expect("the test input parses");
    let cx = crate::shared::ctxt::Ctxt::new();
    let catalog = super::lower::Catalog::from_ast(&cx, &parsed.catalogs[0]);
    cx.check().expect("the test catalog is valid");
    catalog.framing
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn a_heading_alone_is_the_title() {
    let framing = framing(
        r#"
        /// # HTTP Error Codes
        pub catalog Shop { section "A" { A_B = 404 { title: "B" } } }
    "#,
    );
    assert_eq!(framing.title, some("HTTP Error Codes"));
    assert_eq!((framing.preamble, framing.closing), (None, None));
}

#[test]
fn the_paragraphs_after_the_heading_are_the_preamble() {
    let framing = framing(
        r#"
        /// # HTTP Error Codes
        ///
        /// The `code` values
        /// the frontend maps.
        ///
        ///     indented: kept, less one space
        pub catalog Shop { section "A" { A_B = 404 { title: "B" } } }
    "#,
    );
    assert_eq!(framing.title, some("HTTP Error Codes"));
    assert_eq!(
        framing.preamble,
        some("The `code` values\nthe frontend maps.\n\n    indented: kept, less one space")
    );
    assert_eq!(framing.closing, None);
}

#[test]
fn a_first_line_that_is_no_heading_starts_the_preamble() {
    let framing = framing(
        r#"
        /// Codes of the shop.
        ///
        /// ## Not a title
        #[allow(clippy::all)]
        pub catalog Shop { section "A" { A_B = 404 { title: "B" } } }
    "#,
    );
    assert_eq!(framing.title, None);
    assert_eq!(
        framing.preamble,
        some("Codes of the shop.\n\n## Not a title")
    );
}

#[test]
fn doc_comments_after_the_last_section_are_the_closing_text() {
    let framing = framing(
        r#"
        pub catalog Shop {
            section "A" { A_B = 404 { title: "B" } }
            /// Compatibility strategy:
            ///
            /// - Additive changes only.
        }
    "#,
    );
    assert_eq!((framing.title, framing.preamble), (None, None));
    assert_eq!(
        framing.closing,
        some("Compatibility strategy:\n\n- Additive changes only.")
    );
}

#[test]
fn a_composed_catalog_closes_in_its_settings_block() {
    let framing = framing(
        r#"
        /// # Registry
        pub catalog Registry = a::A + b::B {
            crate = "::problem_codes";
            /// The end.
        }
    "#,
    );
    assert_eq!(framing.title, some("Registry"));
    assert_eq!(framing.closing, some("The end."));
}

#[test]
fn the_closing_text_takes_only_doc_comments() {
    let output = run(r#"
        pub catalog Shop {
            section "A" { A_B = 404 { title: "B" } }
            /// The end.
            #[allow(dead_code)]
        }
    "#);
    assert_reports(
        &output,
        &["a catalog's closing text, after its last item, takes only doc comments: `/// …`"],
    );
}

#[test]
fn the_enum_docs_show_the_doc_comment_then_the_closing_text() {
    let output = run(r#"
        /// # Shop
        pub catalog Shop {
            section "A" { A_B = 404 { title: "B" } }
            /// The end.
        }
    "#)
    .to_string();
    let intro = output
        .find("\" # Shop\"")
        .expect("the doc comment is on the enum");
    let closing = output
        .find("\" The end.\"")
        .expect("the closing text is on the enum");
    let enum_token = output.find("enum Shop").expect("the enum");
    assert!(intro < closing && closing < enum_token, "{output}");
    assert!(output.contains(". with_closing (\"The end.\")"), "{output}");
}

#[test]
fn members_expand_with_their_types_and_docs() {
    let output = run(r#"
        pub catalog Points {
            section "Points" {
                POINTS_LOW = 402 {
                    title: "Low",
                    members: {
                        /// Points the user has.
                        balance: integer,
                        tags?: [string],
                        limits: {number},
                        errors: errors,
                    },
                },
            }
        }
    "#);
    let text = output.to_string().replace(' ', "");
    assert!(text.contains(r#"Member::__from_macro("balance",::problem_codes::MemberType::Integer,false,"Pointstheuserhas.")"#), "{text}");
    assert!(text.contains(r#"Member::__from_macro("tags",::problem_codes::MemberType::Array(::problem_codes::Scalar::Text),true,"")"#), "{text}");
    assert!(
        text.contains(r#"MemberType::Object(::problem_codes::Scalar::Number)"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#"Member::__from_macro("errors",::problem_codes::MemberType::Errors,false,"")"#
        ),
        "{text}"
    );
}

#[test]
fn every_member_mistake_is_reported_in_one_compile() {
    let output = run(r#"
        pub catalog Points {
            section "Points" {
                POINTS_LOW = 402 {
                    title: "Low",
                    members: {
                        balance: int,
                        status: integer,
                        "quoted": string,
                        retry_after: number,
                        count: integer,
                        count: integer,
                        list: [errors],
                        other: errors,
                        Balance: strng,
                    },
                    members: { more: string },
                },
            }
        }
    "#);
    assert_reports(
        &output,
        &[
            "unknown member type `int`; did you mean `integer`?",
            "member `status` would replace the standard member `status`",
            "a member name is written without quotes: `quoted: string`",
            "`retry_after` is the `Retry-After` delay in seconds: declare it `retry_after: integer`",
            "member `count` is declared twice; keep one",
            "`count` is first declared here",
            "an array holds items of one scalar type: `[string]`",
            "only the member `errors` has type `errors`",
            "unknown member type `strng`; did you mean `string`?",
            "`members` is given twice",
            "`members` is first given here",
        ],
    );
}

#[test]
fn a_catalog_says_its_language_as_a_bcp_47_tag() {
    let output = run(r#"
        pub catalog Shop {
            language = "de";
            section "Orders" { ORDER_A = 404 { title: "Nicht gefunden" } }
        }
        pub catalog Registry = Shop { language = "de"; }
    "#);
    assert_reports(&output, &[]);
    let text = output.to_string();
    assert_eq!(
        text.matches("const LANGUAGE : & 'static str = \"de\"")
            .count(),
        2,
        "{text}"
    );
    let output = run(r#"
        pub catalog Shop {
            language = "de_CH";
            section "Orders" { ORDER_A = 404 { title: "Nicht gefunden" } }
        }
    "#);
    assert_reports(
        &output,
        &["`de_CH` is not a BCP 47 tag: subtags are separated by `-`; write `de-CH`"],
    );
    assert!(
        !run(r#"pub catalog Shop { section "O" { ORDER_A = 404 { title: "A" } } }"#)
            .to_string()
            .contains("LANGUAGE")
    );
}
