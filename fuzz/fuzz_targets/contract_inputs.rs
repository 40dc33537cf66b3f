//! The contract tooling's inputs, as a team feeds them: any text as a Markdown error
//! table for the importer, and as a JSON registry snapshot for the compatibility gate.
//! Neither panics. A table that imports exports to a document that imports and exports
//! to itself, as the importer promises, and its `error_catalog!` source expands without
//! an error. A snapshot that parses writes back to itself and is compatible with itself.
//! The first export imports to the registry the table gave: the importer undoes the
//! export's escapes, a lone backtick's included, and reads a bare `\r` as a line ending
//! as CommonMark does, so tables with carriage returns are fed too.

#![no_main]

use problem_codes_contract::export::MarkdownOptions;
use problem_codes_contract::{Registry, compat, import};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(document) = import::markdown(text) {
        let registry = document.registry();
        let markdown = registry.to_markdown(&document.options());
        let again = import::markdown(&markdown)
            .unwrap_or_else(|err| panic!("the export does not import: {err}\n{markdown}"));
        assert_eq!(again.registry(), registry, "{markdown}");
        assert_eq!(again.registry().to_markdown(&again.options()), markdown);
        let source = document.to_rust(&document.suggested_name());
        let errors = problem_codes_fuzz::catalog_errors(&source);
        assert_eq!(errors, Some(Vec::new()), "the imported source:\n{source}");
        let _ = (
            registry.to_json(),
            registry.to_typescript(),
            registry.to_html(),
        );
    }
    if let Ok(registry) = Registry::from_json(text) {
        assert_eq!(
            Registry::from_json(&registry.to_json()).as_ref(),
            Ok(&registry)
        );
        assert!(compat::check(&registry, &registry).is_empty());
        let _ = (
            registry.to_typescript(),
            registry.to_html(),
            registry.to_markdown(&MarkdownOptions::new()),
        );
    }
});
