//! The examples are real declarations: each must parse without a problem, keep its structure,
//! and lose no word between the file and the syntax tree.

use std::collections::HashMap;
use std::path::Path;

use plenary::ast::*;

fn load(name: &str) -> (String, Document) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    let bytes = std::fs::read(&path).expect("the example exists");
    let checked = plenary::check_bytes(name, &bytes);
    let rendered = plenary::diagnostic::render(
        &checked.diagnostics,
        &checked.source,
        plenary::diagnostic::Style {
            color: false,
            width: 100,
        },
    );
    assert!(
        checked.diagnostics.is_empty(),
        "{name} should have no problems:\n{rendered}"
    );
    let text = checked.source.text().to_string();
    (text, checked.document.expect("text files give a tree"))
}

const EXAMPLES: [&str; 4] = [
    "asem-sme-2007.decl",
    "apec-smemm-2014.decl",
    "world-sme-2018.decl",
    "minimal.decl",
];

#[test]
fn every_example_parses_without_a_problem() {
    for name in EXAMPLES {
        load(name);
    }
}

#[test]
fn no_word_of_an_example_is_lost() {
    for name in EXAMPLES {
        let (text, document) = load(name);
        let mut in_tree = Counter::default();
        collect_document(&document, &mut in_tree);
        let mut in_file = Counter::default();
        for line in text.lines() {
            in_file.add(strip_block_keyword(line));
        }
        let mut missing: Vec<(&String, usize)> = in_file
            .0
            .iter()
            .filter_map(|(word, count)| {
                let kept = in_tree.0.get(word).copied().unwrap_or(0);
                (kept < *count).then_some((word, count - kept))
            })
            .collect();
        missing.sort();
        assert!(
            missing.is_empty(),
            "{name}: words of the file missing from the tree (word, times): {missing:?}"
        );
    }
}

/// Counts, per version, what the structure of each example must hold.
fn shape(document: &Document, version: usize) -> (usize, usize, usize, usize) {
    let version = &document.versions[version];
    let numbered = version
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| matches!(b, Block::NumberedParagraph(_)))
        .count();
    let headings = version
        .sections
        .iter()
        .filter(|s| s.heading.is_some())
        .count();
    let members = version
        .annex
        .as_ref()
        .map_or(0, |a| a.all_members().count());
    (version.preamble.len(), headings, numbered, members)
}

#[test]
fn asem_2007_keeps_its_structure_in_both_languages() {
    let (_, document) = load("asem-sme-2007.decl");
    assert_eq!(document.versions.len(), 2);
    assert_eq!(shape(&document, 0), (1, 2, 16, 45));
    assert_eq!(shape(&document, 1), (1, 2, 16, 45));
    let annex = document.versions[0].annex.as_ref().expect("an annex");
    let groups: Vec<(&str, Option<u32>, usize)> = annex
        .groups
        .iter()
        .map(|g| {
            (
                g.name.value.as_str(),
                g.stated_count.as_ref().map(|c| c.value),
                g.members.len(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("Asia", Some(16), 16),
            ("Europe", Some(27), 27),
            ("Institutions", Some(2), 2)
        ]
    );
    assert_eq!(annex.stated_count.as_ref().map(|c| c.value), Some(45));
}

#[test]
fn apec_2014_numbers_its_paragraphs_as_the_statement_intends() {
    let (_, document) = load("apec-smemm-2014.decl");
    assert_eq!(shape(&document, 0), (0, 9, 31, 0));
    let numbers: Vec<u32> = document.versions[0]
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::NumberedParagraph(p) => p.number.value,
            Block::Paragraph(_) | Block::Unparsed(_) => None,
        })
        .collect();
    assert_eq!(numbers, (1..=31).collect::<Vec<_>>());
}

#[test]
fn world_sme_2018_has_four_roman_parts() {
    let (_, document) = load("world-sme-2018.decl");
    let version = &document.versions[0];
    let parts: Vec<(NumberStyle, Option<u32>)> = version
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::NumberedParagraph(p) => Some((p.number.style, p.number.value)),
            Block::Paragraph(_) | Block::Unparsed(_) => None,
        })
        .collect();
    assert_eq!(
        parts,
        (1..=4)
            .map(|n| (NumberStyle::Roman, Some(n)))
            .collect::<Vec<_>>()
    );
    assert!(version.closing.is_some());
}

/// Drops the keyword of a keyword line (`annex:`, `group:`, `version:`, `next meeting:`,
/// `closing:`): the tree keeps what the keyword means, not the word.
fn strip_block_keyword(line: &str) -> &str {
    for keyword in ["next meeting", "annex", "group", "version", "closing"] {
        if let Some(rest) = line.strip_prefix(keyword) {
            if let Some(rest) = rest.trim_start().strip_prefix(':') {
                return rest;
            }
        }
    }
    line
}

/// A multiset of words: runs of letters and digits.
#[derive(Default)]
struct Counter(HashMap<String, usize>);

impl Counter {
    fn add(&mut self, text: &str) {
        for word in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *self.0.entry(word.to_string()).or_default() += 1;
        }
    }
}

fn collect_document(document: &Document, out: &mut Counter) {
    for comment in &document.comments {
        out.add(&comment.text);
    }
    collect_fields(&document.header.fields, out);
    if let Some(next) = &document.next_meeting {
        collect_fields(&next.fields, out);
    }
    for version in &document.versions {
        if let Some(header) = &version.header {
            out.add(&header.language.value);
            collect_fields(&header.fields, out);
        }
        for block in &version.preamble {
            collect_paragraph(block.label(), block.content(), out);
            collect_subparagraphs(block.subparagraphs(), out);
        }
        for section in &version.sections {
            if let Some(heading) = &section.heading {
                collect_paragraph(heading.label.as_ref(), &heading.content, out);
            }
            for block in &section.blocks {
                match block {
                    Block::NumberedParagraph(p) => {
                        out.add(&p.number.written);
                        collect_paragraph(p.label.as_ref(), &p.content, out);
                        collect_subparagraphs(&p.subparagraphs, out);
                    }
                    Block::Paragraph(p) => {
                        collect_paragraph(p.label.as_ref(), &p.content, out);
                        collect_subparagraphs(&p.subparagraphs, out);
                    }
                    Block::Unparsed(u) => out.add(&u.text),
                }
            }
        }
        for footnote in &version.footnotes {
            out.add(&footnote.id.value);
            collect_inlines(&footnote.content, out);
        }
        if let Some(annex) = &version.annex {
            if let Some(label) = &annex.label {
                out.add(&label.value);
            }
            out.add(&annex.title.value);
            if let Some(count) = &annex.stated_count {
                out.add(&count.value.to_string());
            }
            for member in &annex.members {
                out.add(&member.name);
            }
            for group in &annex.groups {
                out.add(&group.name.value);
                if let Some(count) = &group.stated_count {
                    out.add(&count.value.to_string());
                }
                for member in &group.members {
                    out.add(&member.name);
                }
            }
        }
        if let Some(closing) = &version.closing {
            collect_fields(&closing.fields, out);
        }
    }
}

fn collect_fields(fields: &[Field], out: &mut Counter) {
    for field in fields {
        out.add(&field.key.value);
        out.add(&field.value.value);
    }
}

fn collect_paragraph(
    label: Option<&plenary::source::Spanned<String>>,
    content: &[Inline],
    out: &mut Counter,
) {
    if let Some(label) = label {
        out.add(&label.value);
    }
    collect_inlines(content, out);
}

fn collect_subparagraphs(subparagraphs: &[Subparagraph], out: &mut Counter) {
    for sub in subparagraphs {
        out.add(&sub.marker.value);
        collect_paragraph(sub.label.as_ref(), &sub.content, out);
        collect_subparagraphs(&sub.children, out);
    }
}

fn collect_inlines(content: &[Inline], out: &mut Counter) {
    for inline in content {
        match inline {
            Inline::Text { text, .. } => out.add(text),
            Inline::SoftBreak { .. } => {}
            Inline::Emphasis { content, .. }
            | Inline::Strong { content, .. }
            | Inline::Quote { content, .. } => collect_inlines(content, out),
            Inline::FootnoteRef { id, .. } => out.add(id),
            Inline::Link {
                content, target, ..
            } => {
                collect_inlines(content, out);
                out.add(target);
            }
            Inline::Reference { name, .. } => out.add(name),
            Inline::Fact { text, key, .. } => {
                out.add(&text.value);
                out.add(&fact_key_words(&key.value));
            }
        }
    }
}

/// A fact key as the drafter writes it.
fn fact_key_words(key: &FactKey) -> String {
    let meeting = |fact: &MeetingFact| {
        serde_json::to_value(fact)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    };
    match key {
        FactKey::Members => "members".to_string(),
        FactKey::Group(name) => format!("group {name}"),
        FactKey::Meeting(fact) => meeting(fact),
        FactKey::Next(fact) => format!("next {}", meeting(fact)),
        FactKey::None => "none".to_string(),
    }
}
