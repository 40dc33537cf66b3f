//! The eryao catalog equals the fixture's tables, row for row, in order.

use problem_codes::{Catalog, ProblemCode};
use problem_codes_tests::eryao::Eryao;

const FIXTURE: &str = include_str!("../../fixtures/eryao-http-error-codes.md");

/// One table row of the fixture.
#[derive(Debug, PartialEq)]
struct Row {
    section: String,
    code: String,
    status: u16,
    title: String,
    handling: String,
}

/// The rows of every `## Section` table, in order.
fn fixture_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut section = None;
    for line in FIXTURE.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            section = Some(name.trim().to_owned());
            continue;
        }
        let Some(inner) = line.strip_prefix('|').and_then(|l| l.strip_suffix('|')) else {
            continue;
        };
        let cells: Vec<&str> = inner.split('|').map(str::trim).collect();
        let [code, status, meaning, handling] = cells[..] else {
            panic!("a table row has four cells: {line}");
        };
        if code == "code" || code.starts_with("---") {
            continue;
        }
        rows.push(Row {
            section: section.clone().expect("a table under a section heading"),
            code: code.trim_matches('`').to_owned(),
            status: status.parse().expect("a numeric status"),
            title: meaning.to_owned(),
            handling: handling.to_owned(),
        });
    }
    rows
}

fn catalog_rows() -> Vec<Row> {
    Eryao::SECTIONS
        .iter()
        .flat_map(|section| {
            section.entries().map(move |entry| Row {
                section: section.name().to_owned(),
                code: entry.code().to_owned(),
                status: entry.status().as_u16(),
                title: entry.title().to_owned(),
                handling: entry.handling().to_owned(),
            })
        })
        .collect()
}

#[test]
fn the_catalog_is_the_fixture_row_for_row() {
    let fixture = fixture_rows();
    assert_eq!(fixture.len(), 24, "the fixture has 24 codes");
    assert_eq!(catalog_rows(), fixture);
}

#[test]
fn five_sections_in_the_fixture_order() {
    let names: Vec<&str> = Eryao::SECTIONS.iter().map(|s| s.name()).collect();
    assert_eq!(
        names,
        ["Auth", "Agent Points", "Agent Session", "Profile", "Avatar"]
    );
}

#[test]
fn all_lists_the_codes_in_declaration_order() {
    let from_all: Vec<&str> = Eryao::ALL.iter().map(|c| c.code()).collect();
    let from_fixture: Vec<String> = fixture_rows().into_iter().map(|r| r.code).collect();
    assert_eq!(from_all, from_fixture);
    let from_entries: Vec<&str> = Eryao::entries().map(|e| e.code()).collect();
    assert_eq!(from_entries, from_all);
}
