//! Properties of generated declarations: the generator of `generate.rs` makes valid texts, on
//! which the properties of the parser, the formatter and the renderers are checked.

use proptest::prelude::*;

use crate::generate;

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The generator makes declarations the parser reads without a syntax error, so that the
    /// properties checked on them are about valid texts.
    #[test]
    fn generated_declarations_parse_without_a_syntax_error(text in generate::declaration()) {
        let checked = plenary::check_bytes("generated.decl", text.as_bytes());
        let syntax: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code.starts_with("syntax::") && d.is_error())
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        prop_assert!(syntax.is_empty(), "{syntax:?}\n{text}");
    }

    /// Every byte of a generated declaration is in its lossless tree.
    #[test]
    fn generated_declarations_are_in_their_tree_byte_for_byte(text in generate::declaration()) {
        let source = plenary::Source::new("generated.decl", &text);
        prop_assert_eq!(plenary::syntax::parse(&source).tree.text(), text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Every generated declaration is checked and printed as Markdown, HTML and JSON without a
    /// failure.
    #[test]
    fn generated_declarations_check_and_render(text in generate::declaration()) {
        let checked = plenary::check_bytes("generated.decl", text.as_bytes());
        let document = checked.document.as_ref().expect("text parses to a tree");
        let options = plenary::render::Options::default();
        let print = crate::print(document, &options);
        for output in [
            plenary::render::markdown::markdown(&print, &options),
            plenary::render::html::html(&print, &options),
            plenary::render::json::json(&print, &options),
        ] {
            let bytes = output.expect("a valid declaration renders");
            prop_assert!(!bytes.is_empty());
        }
    }
}
