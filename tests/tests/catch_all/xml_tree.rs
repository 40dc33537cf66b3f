//! XML documents read into a tree, to compare problem documents: the RFC's, ours and
//! problem_details'. Whitespace between elements is not content; the order of a
//! problem's members is not compared (RFC 9457 Appendix B gives none), but the order
//! of an array's `i` items is.

#![allow(dead_code, reason = "each test binary uses part of it")]

use problem_codes::Problem;
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;

/// An element: its local name, namespace attribute, text, and children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub xmlns: Option<String>,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    fn new(name: &str) -> Element {
        Element {
            name: name.to_owned(),
            xmlns: None,
            text: String::new(),
            children: Vec::new(),
        }
    }

    /// Parses a whole document; the members of the root are sorted by name, so that
    /// documents that list them in another order compare equal.
    pub fn parse(xml: &str) -> Element {
        let mut reader = Reader::from_str(xml);
        let mut stack: Vec<Element> = Vec::new();
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(start) => stack.push(Self::open(&start)),
                Event::Empty(start) => {
                    let element = Self::open(&start);
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => return element,
                    }
                }
                Event::Text(text) => {
                    let text = text.decode().expect("UTF-8 text");
                    let text = quick_xml::escape::unescape(&text).expect("escaped text");
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(&text);
                    }
                }
                Event::GeneralRef(reference) => {
                    let name = reference.decode().expect("a reference");
                    let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                        .expect("a predefined entity");
                    if let Some(open) = stack.last_mut() {
                        open.text.push_str(resolved);
                    }
                }
                Event::End(_) => {
                    let mut element = stack.pop().expect("an open element");
                    if !element.children.is_empty() {
                        element.text = element.text.trim().to_owned();
                    }
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(element),
                        None => {
                            element.children.sort_by(|a, b| a.name.cmp(&b.name));
                            return element;
                        }
                    }
                }
                Event::Eof => panic!("the document ends inside an element"),
                _ => {}
            }
        }
    }

    fn open(start: &quick_xml::events::BytesStart<'_>) -> Element {
        let name = String::from_utf8(start.local_name().as_ref().to_vec()).expect("a name");
        let mut element = Element::new(&name);
        for attribute in start.attributes() {
            let attribute = attribute.expect("an attribute");
            if attribute.key.as_ref() == b"xmlns" {
                // The namespace has no character to unescape.
                element.xmlns = Some(String::from_utf8(attribute.value.to_vec()).expect("UTF-8"));
            }
        }
        element
    }

    /// The Appendix B tree of a problem, built from its JSON members rather than from
    /// our XML writer: what the served document must equal.
    pub fn from_problem(problem: &Problem) -> Element {
        let mut root = Element::new("problem");
        root.xmlns = Some("urn:ietf:rfc:7807".to_owned());
        let json: Value = serde_json::from_slice(&problem.to_json()).expect("JSON");
        for (name, value) in json.as_object().expect("an object") {
            root.children.push(Self::from_value(name, value));
        }
        root.children.sort_by(|a, b| a.name.cmp(&b.name));
        root
    }

    fn from_value(name: &str, value: &Value) -> Element {
        let mut element = Element::new(name);
        match value {
            Value::Null => {}
            Value::String(s) => element.text = s.clone(),
            Value::Array(items) => {
                element.children = items.iter().map(|v| Self::from_value("i", v)).collect();
            }
            Value::Object(members) => {
                element.children = members
                    .iter()
                    .map(|(k, v)| Self::from_value(k, v))
                    .collect();
            }
            other => element.text = other.to_string(),
        }
        element
    }

    /// The text of the child `name`.
    pub fn child(&self, name: &str) -> Option<&str> {
        self.children
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.text.as_str())
    }
}
