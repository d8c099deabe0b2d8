//! The lossless syntax tree: every byte of every declaration the repository holds is in the tree,
//! and the tree answers which node stands at an offset.

use std::path::{Path, PathBuf};

use plenary::syntax::{parse, SyntaxKind};
use plenary::Source;

/// Every declaration the repository holds: the examples, the UI fixtures, the corpus, the series
/// and the hostile input.
pub(crate) fn every_declaration() -> Vec<PathBuf> {
    fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                collect(&path, out);
            } else if path.extension().is_some_and(|e| e == "decl") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    collect(&root.join("examples"), &mut out);
    collect(&root.join("tests"), &mut out);
    out.sort();
    out
}

/// Parses a text as a file holds it.
fn tree_text(text: &str) -> String {
    let source = Source::new("test.decl", text);
    parse(&source).tree.text()
}

#[test]
fn every_declaration_is_in_its_tree_byte_for_byte() {
    let files = every_declaration();
    assert!(files.len() > 100, "found only {} declarations", files.len());
    for path in files {
        let bytes = std::fs::read(&path).expect("a readable declaration");
        let (source, error) = Source::decode(path.display().to_string(), &bytes);
        if error.is_some() {
            continue;
        }
        let parsed = parse(&source);
        assert_eq!(
            parsed.tree.text(),
            source.text(),
            "{} is not in its tree as written",
            path.display()
        );
    }
}

#[test]
fn layout_is_kept_as_written() {
    for text in [
        "",
        "\n\n",
        "title: A\r\n\r\n\r\n1. Ministers\r\n   met\t \r\n",
        "title：A\n  // a note\nhost: Japan\n1. The text runs on without a blank line.\n",
        "title: A\n\n  - a bullet\n\t(a) a sub-paragraph\n",
        "title: A\n\n1. “unclosed, *and **worse\n\n2. {broken = \n",
        "title: A\n\nannex: Members (2)\n– China\n•\tJapan   \n\n",
        "no header at all\rCR only\r",
        "title: A\n\n[^1]: a note\n[^x:\n",
    ] {
        assert_eq!(tree_text(text), text);
    }
}

#[test]
fn the_node_at_an_offset_is_the_deepest_one_there() {
    let text = "title: A\n\n1. Ministers met in {Beijing = place}.\n";
    let source = Source::new("test.decl", text);
    let parsed = parse(&source);
    let offset = text.find("Beijing").unwrap();
    let path = parsed.tree.path_at(offset);
    let names: Vec<String> = path.iter().map(|node| node.kind().name()).collect();
    assert_eq!(path[0].kind(), SyntaxKind::Document);
    assert!(
        names.contains(&"numbered_paragraph".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"fact".to_string()), "{names:?}");
    let leaf = parsed.tree.node_at(offset);
    assert_eq!(leaf.kind().name(), "fact_text");
    assert_eq!(leaf.text(), "Beijing ");
    // The blank line between the header and the text is layout, at the root.
    let blank = parsed.tree.path_at(text.find("\n\n").unwrap() + 1);
    assert_eq!(blank.len(), 2);
    assert_eq!(blank[1].kind(), SyntaxKind::Newline);
}

#[test]
fn an_unread_block_keeps_its_text_in_the_tree() {
    let text = "title: A\n\n{#a} {#b}\n1. x\n";
    let source = Source::new("test.decl", text);
    let parsed = parse(&source);
    assert_eq!(parsed.tree.text(), text);
}

#[test]
fn four_thousand_unclosed_quotation_marks_are_read_in_one_pass() {
    let text = format!("title: A\n\n1. {}\n", vec!["“word"; 4000].join(" "));
    let source = Source::new("quotes.decl", text.as_str());
    let parsed = parse(&source);
    assert_eq!(parsed.tree.text(), text);
    let quotes = parsed
        .tree
        .root()
        .descendants()
        .filter(|node| node.kind().name() == "quote")
        .count();
    assert_eq!(quotes, 4000);
}

/// Asserts that the tree of `text` has, for each pair, a node of that kind with that text.
fn assert_nodes(text: &str, expected: &[(&str, &str)]) {
    let source = Source::new("test.decl", text);
    let parsed = parse(&source);
    let found: Vec<(String, String)> = parsed
        .tree
        .root()
        .descendants()
        .map(|node| (node.kind().name(), node.text().to_string()))
        .collect();
    for &(kind, words) in expected {
        assert!(
            found.iter().any(|(k, t)| k == kind && t == words),
            "no {kind} `{words}` in {found:?}"
        );
    }
}

#[test]
fn words_in_any_script_are_one_text_up_to_the_marks_that_open_a_construct() {
    // Latin-1, Chinese, Cyrillic, a character beyond the basic plane: one run of words.
    // The characters at the edges of the ranges too: `á` and `ã` beside the `â` that may open
    // a garbled dash, `‛` and `„` beside the curly quotation marks, the last character.
    let words = "Café 中小企业 Москва 𝔸 ñ á ã ‛ „ \u{10FFFF}";
    assert_nodes(&format!("title: A\n\n1. {words}\n"), &[("text", words)]);
    // The curly quotation marks, on either side of the characters matched as ranges, still
    // open and close a quotation.
    assert_nodes(
        "title: A\n\n1. 他说“合作”。\n",
        &[("quote", "“合作”"), ("text", "合作")],
    );
    // The `â` that starts a garbled dash ends the words before it; one that starts none is a
    // letter of them.
    assert_nodes(
        "title: A\n\n1. Asia â€“ Europe and â la carte\n",
        &[("garbled_dash", "â€“"), ("text", " Europe and â la carte")],
    );
}
