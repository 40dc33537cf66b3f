//! Members in the Markdown export and the importer: a `members` column in the tables of
//! sections that have them only, read back to the same registry and the same bytes, and
//! every member the catalog refuses refused on its row's line.

use problem_codes::{MemberType, Scalar};
use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::{Registry, RegistryEntry, RegistryMember, import};

const HEADER: &str = "| code | status | meaning | frontend handling |\n|---|---:|---|---|\n";
const MEMBERS_HEADER: &str =
    "| code | status | meaning | frontend handling | members |\n|---|---:|---|---|---|\n";

fn registry() -> Registry {
    Registry::new(
        "Eryao",
        vec![
            RegistryEntry::new("AUTH_TOO_MANY_REQUESTS", 429, "OTP request throttled")
                .with_handling("Show wait message")
                .with_section("Auth")
                .with_members(vec![
                    RegistryMember::new("retry_after", MemberType::Integer)
                        .with_doc("Seconds to wait; also sent as `Retry-After`"),
                ]),
            RegistryEntry::new("AUTH_USER_NOT_FOUND", 404, "User not found").with_section("Auth"),
            RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
                .with_section("Agent Points")
                .with_members(vec![
                    RegistryMember::new("balance", MemberType::Integer)
                        .with_doc("Points the user has | had"),
                    RegistryMember::new("required", MemberType::Integer),
                    RegistryMember::new("offers", MemberType::Array(Scalar::Text))
                        .optional()
                        .with_doc("Top-up offers — in order"),
                    RegistryMember::new("limits", MemberType::Object(Scalar::Number)).optional(),
                ]),
            RegistryEntry::new("PROFILE_PAYLOAD_INVALID", 422, "Profile payload invalid")
                .with_section("Profile")
                .with_members(vec![RegistryMember::new("errors", MemberType::Errors)]),
            RegistryEntry::new("AVATAR_UPLOAD_FAILED", 502, "Upload failed").with_section("Avatar"),
        ],
    )
    .expect("a valid registry")
}

#[test]
fn only_sections_with_members_get_the_column() {
    let markdown = registry().to_markdown(&MarkdownOptions::new().title("Errors").with_members());
    let expected = format!(
        "# Errors\n\n\
         ## Auth\n\n{MEMBERS_HEADER}\
         | `AUTH_TOO_MANY_REQUESTS` | 429 | OTP request throttled | Show wait message | `retry_after`: integer — Seconds to wait; also sent as `Retry-After` |\n\
         | `AUTH_USER_NOT_FOUND` | 404 | User not found |  |  |\n\n\
         ## Agent Points\n\n{MEMBERS_HEADER}\
         | `POINTS_INSUFFICIENT_BALANCE` | 402 | Not enough points |  | `balance`: integer — Points the user has \\| had<br>`required`: integer<br>`offers`?: [string] — Top-up offers — in order<br>`limits`?: {{number}} |\n\n\
         ## Profile\n\n{MEMBERS_HEADER}\
         | `PROFILE_PAYLOAD_INVALID` | 422 | Profile payload invalid |  | `errors`: errors |\n\n\
         ## Avatar\n\n{HEADER}\
         | `AVATAR_UPLOAD_FAILED` | 502 | Upload failed |  |\n"
    );
    assert_eq!(markdown, expected);
}

#[test]
fn export_import_export_gives_the_same_registry_and_bytes() {
    let registry = registry();
    let options = MarkdownOptions::new()
        .title("Errors")
        .closing("Additive only.")
        .with_members();
    let markdown = registry.to_markdown(&options);
    let document = import::markdown(&markdown).unwrap_or_else(|err| panic!("{err}\n{markdown}"));
    assert_eq!(document.registry().codes(), registry.codes());
    assert_eq!(
        document.registry().to_markdown(&document.options()),
        markdown
    );
}

#[test]
fn the_imported_source_declares_the_members() {
    let markdown = registry().to_markdown(&MarkdownOptions::new().title("Errors").with_members());
    let source = import::markdown(&markdown)
        .expect("the export imports")
        .to_rust("Eryao");
    assert!(
        source.contains(
            "            POINTS_INSUFFICIENT_BALANCE = 402 {\n\
             \x20               title: \"Not enough points\",\n\
             \x20               handling: \"\",\n\
             \x20               members: {\n\
             \x20                   /// Points the user has | had\n\
             \x20                   balance: integer,\n\
             \x20                   required: integer,\n\
             \x20                   /// Top-up offers — in order\n\
             \x20                   offers?: [string],\n\
             \x20                   limits?: {number},\n\
             \x20               },\n\
             \x20           },\n"
        ),
        "{source}"
    );
    assert!(
        !source
            .split("AUTH_USER_NOT_FOUND")
            .nth(1)
            .is_some_and(|rest| rest
                .split("},")
                .next()
                .is_some_and(|row| row.contains("members"))),
        "a code without members declares none:\n{source}"
    );
}

#[test]
fn an_empty_members_column_reads_as_no_members() {
    let text = format!(
        "## Auth\n\n{MEMBERS_HEADER}| `AUTH_USER_NOT_FOUND` | 404 | User not found | Show it |  |\n"
    );
    let document = import::markdown(&text).expect("an empty members column imports");
    assert!(document.registry().codes()[0].members().is_empty());
    // With no member left, the export writes the four-column table.
    assert!(
        document
            .registry()
            .to_markdown(&document.options())
            .starts_with(&format!("## Auth\n\n{HEADER}"))
    );
}

/// The faults of importing one row under a `members` header, as `line N: message`.
fn faults(members_cell: &str) -> Vec<String> {
    let text = format!(
        "## Points\n\n{MEMBERS_HEADER}| `POINTS_OK` | 402 | Fine | None |  |\n\
         | `POINTS_INSUFFICIENT_BALANCE` | 402 | Not enough points | Prompt | {members_cell} |\n"
    );
    match import::markdown(&text) {
        Ok(document) => panic!(
            "{members_cell:?} imported: {:?}",
            document.registry().codes()[1].members()
        ),
        Err(err) => err.faults().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn members_the_catalog_refuses_are_refused_on_their_line() {
    let code = "`POINTS_INSUFFICIENT_BALANCE`";
    for (cell, want) in [
        (
            "`balance`: int",
            format!(
                "line 6: the member `balance` of {code} has type `int`; a member's type is string, integer, number, boolean, [scalar], {{scalar}} or errors"
            ),
        ),
        (
            "`title`: string",
            format!(
                "line 6: member `title` of {code}: a member cannot be named like a standard member: type, title, status, detail, instance, code"
            ),
        ),
        (
            "`9lives`: string",
            format!(
                "line 6: member `9lives` of {code}: a member name is an ASCII letter, then ASCII letters, digits and `_` (RFC 9457 §3.2)"
            ),
        ),
        (
            "`retry_after`: string",
            format!(
                "line 6: member `retry_after` of {code}: `retry_after` is a number of seconds: declare it `integer`"
            ),
        ),
        (
            "`balance`: integer<br>`balance`?: integer",
            format!("line 6: member `balance` of {code} is listed twice; a member has one entry"),
        ),
        (
            "balance: integer",
            format!(
                "line 6: the member `balance: integer` of {code} is not written `` `name`: type ``, `` `name`?: type `` for an optional one, then ` — doc` if it has one"
            ),
        ),
        (
            "`balance` integer",
            format!(
                "line 6: the member `` `balance` integer `` of {code} is not written `` `name`: type ``, `` `name`?: type `` for an optional one, then ` — doc` if it has one"
            ),
        ),
        (
            "`balance`: integer — points \u{202E}gnp.exe",
            format!(
                "line 6: the doc line of member `balance` of {code} holds a control character; rustc refuses some in a doc comment"
            ),
        ),
    ] {
        assert_eq!(faults(cell), [want], "{cell:?}");
    }
}

#[test]
fn a_members_table_needs_five_cells_per_row() {
    let text = format!(
        "## Points\n\n{MEMBERS_HEADER}| `POINTS_OK` | 402 | Fine | None |\n\
         | `POINTS_LOW` | 402 | Low | None | `balance`: integer | extra |\n"
    );
    let err = import::markdown(&text).expect_err("short and long rows are refused");
    let faults: Vec<String> = err.faults().iter().map(ToString::to_string).collect();
    assert_eq!(
        faults,
        [
            "line 5: a row has 5 cells (code, status, meaning, frontend handling, members), this one has 4; escape a `|` inside a cell as `\\|`",
            "line 6: a row has 5 cells (code, status, meaning, frontend handling, members), this one has more; escape a `|` inside a cell as `\\|`",
        ]
    );
    // A fifth column of another name is not a members column.
    let other = "## Points\n\n| code | status | meaning | frontend handling | notes |\n|---|---:|---|---|---|\n\
                 | `POINTS_OK` | 402 | Fine | None | x |\n";
    let err = import::markdown(other).expect_err("an unknown fifth column is refused");
    assert_eq!(
        err.to_string(),
        "line 3: the table header is `| code | status | meaning | frontend handling |`"
    );
}

#[test]
fn without_members_every_table_has_four_columns() {
    let markdown = registry().to_markdown(&MarkdownOptions::new());
    assert!(!markdown.contains("| members |"), "{markdown}");
    assert_eq!(markdown.matches(HEADER).count(), 4, "{markdown}");
    let document = import::markdown(&markdown).expect("the four-column export imports");
    assert!(
        document
            .registry()
            .codes()
            .iter()
            .all(|e| e.members().is_empty())
    );
    let facts = |r: &Registry| -> Vec<(String, u16)> {
        r.codes()
            .iter()
            .map(|e| (e.code().to_owned(), e.status()))
            .collect()
    };
    assert_eq!(facts(document.registry()), facts(&registry()));
}
