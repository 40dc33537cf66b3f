//! Members on the HTML pages: each code's page lists its members and shows an example
//! body that carries each one with a value of its type, and hostile doc lines stay text.

use problem_codes::{MemberType, Scalar};
use problem_codes_contract::{Registry, RegistryEntry, RegistryMember};
use problem_codes_tests::exports;

/// The text of the first `<pre><code>` block, with the HTML escapes undone.
fn example_body(html: &str) -> String {
    let start = html.find("<pre><code>").expect("an example body") + "<pre><code>".len();
    let end = html[start..].find("</code></pre>").expect("its end") + start;
    html[start..end]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn every_type() -> Vec<RegistryMember> {
    let scalars = [
        Scalar::Text,
        Scalar::Integer,
        Scalar::Number,
        Scalar::Boolean,
    ];
    let mut types = vec![
        MemberType::Text,
        MemberType::Integer,
        MemberType::Number,
        MemberType::Boolean,
    ];
    types.extend(scalars.map(MemberType::Array));
    types.extend(scalars.map(MemberType::Object));
    let mut members: Vec<RegistryMember> = types
        .into_iter()
        .enumerate()
        .map(|(i, ty)| RegistryMember::new(format!("m{i}"), ty).with_optional(i % 2 == 1))
        .collect();
    members.push(RegistryMember::new("errors", MemberType::Errors).with_doc("Each invalid field"));
    members
}

#[test]
fn the_example_body_has_every_member_with_a_value_of_its_type() {
    let members = every_type();
    let registry = Registry::new(
        "Api",
        vec![RegistryEntry::new("API_EVERYTHING", 422, "Everything").with_members(members.clone())],
    )
    .expect("a valid registry");
    let pages = registry.to_html();
    let body: serde_json::Value =
        serde_json::from_str(&example_body(pages[1].html())).expect("the example is JSON");
    assert_eq!(body["code"], "API_EVERYTHING");
    assert_eq!(body["status"], 422);
    for member in &members {
        let value = &body[member.name()];
        assert!(
            member.ty().accepts(value) && !value.is_null(),
            "{}: {value} is not a {}",
            member.name(),
            member.ty()
        );
        // Arrays and objects are not empty, so their items show their type too.
        assert!(
            value.as_array().is_none_or(|a| !a.is_empty())
                && value.as_object().is_none_or(|o| !o.is_empty()),
            "{}: {value}",
            member.name()
        );
    }
}

#[test]
fn a_page_lists_each_member_and_a_code_without_says_so() {
    let registry = Registry::new(
        "Points",
        vec![
            RegistryEntry::new("POINTS_INSUFFICIENT_BALANCE", 402, "Not enough points")
                .with_members(vec![
                    RegistryMember::new("balance", MemberType::Integer)
                        .with_doc("Points the user has"),
                    RegistryMember::new("offers", MemberType::Array(Scalar::Text)).optional(),
                ]),
            RegistryEntry::new("POINTS_LOCKED", 423, "Locked"),
        ],
    )
    .expect("a valid registry");
    let pages = registry.to_html();
    let html = pages[1].html();
    assert!(html.contains(
        "<h2>Members</h2>\n<table>\n<tr><th>member</th><th>type</th><th>presence</th><th>description</th></tr>\n\
         <tr><td><code>balance</code></td><td><code>integer</code></td><td>required</td><td>Points the user has</td></tr>\n\
         <tr><td><code>offers</code></td><td><code>[string]</code></td><td>optional</td><td>—</td></tr>\n</table>\n"
    ), "{html}");
    assert!(
        pages[2]
            .html()
            .contains("<h2>Members</h2>\n<p>The body carries no extension members.</p>\n")
    );
    // The index keeps the handling column.
    assert!(pages[0].html().contains("<th>frontend handling</th>"));
}

#[test]
fn markup_in_a_doc_line_stays_text() {
    let registry = Registry::new(
        "Api",
        vec![RegistryEntry::new("API_X_Y", 400, "X").with_members(vec![
                RegistryMember::new("hint", MemberType::Text)
                    .with_doc("<script>alert(1)</script> \" ' & `a<b>` | <!--"),
            ])],
    )
    .expect("a valid registry");
    exports::check_html(&registry);
    exports::check_markdown(&registry);
    let html = &registry.to_html()[1];
    assert!(html.html().contains(
        "<td>&lt;script&gt;alert(1)&lt;/script&gt; &quot; &#39; &amp; <code>a&lt;b&gt;</code> | &lt;!--</td>"
    ), "{}", html.html());
}
