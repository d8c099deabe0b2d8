//! Checks that every language version has the structure of the original: its sections,
//! paragraphs, sub-paragraphs, footnotes and marked facts.
//!
//! Paragraphs are tied across versions as the language reference says: numbered paragraphs by
//! their numbers, preamble paragraphs and unnumbered paragraphs by their order (in the preamble,
//! or in their section), sections by their order.

pub mod duplicate_version;
pub mod footnote_missing;
pub mod label_moved;
pub mod languages_differ;
pub mod marked_facts_differ;
pub mod member_mismatch;
pub mod paragraph_missing;
pub mod section_missing;
pub mod subparagraphs_differ;

use crate::analysis::align::Unit;
use crate::analysis::facts::describe;
use crate::ast::{walk_inlines, FactKey, Inline, Subparagraph, Version};
use crate::check::Context;
use crate::source::Span;

/// Calls `f` with each paragraph of each translation that is tied to a paragraph of the
/// original, the original's paragraph, and the translation's language. A pair of versions one
/// of which holds a block that did not read is left out: what that block holds is not known. A
/// paragraph without a counterpart is `versions::paragraph-missing`'s to report.
pub fn for_each_counterpart<'a>(
    cx: &Context<'a>,
    mut f: impl FnMut(&Unit<'a>, &Unit<'a>, &'a str),
) {
    let original = cx.analysis.original();
    for version in cx.analysis.translations() {
        // A block that did not read may hold what seems to differ: a sub-paragraph, a mark.
        if original.has_unparsed || version.has_unparsed {
            continue;
        }
        for unit in &version.units {
            let Some(counterpart) = unit.counterpart.and_then(|i| original.units.get(i)) else {
                continue;
            };
            if unit.is_read() && counterpart.is_read() {
                f(unit, counterpart, version.meta.language);
            }
        }
    }
}

/// The span of a translation's `version:` line, to point at when it lacks something.
pub fn version_line(version: &Version) -> Span {
    version
        .header
        .as_ref()
        .map_or(version.span, |h| h.language.span)
}

/// The marked facts of a paragraph and its sub-paragraphs, as messages name them, sorted.
pub fn fact_keys(unit: &Unit) -> Vec<String> {
    let mut keys: Vec<FactKey> = Vec::new();
    let mut collect = |inline: &Inline| {
        // Words marked as no fact are one version's wording, which another need not share.
        if let Inline::Fact { key, .. } = inline {
            if key.value != FactKey::None {
                keys.push(key.value.clone());
            }
        }
    };
    walk_inlines(unit.content, &mut collect);
    fn walk(subparagraphs: &[Subparagraph], f: &mut dyn FnMut(&Inline)) {
        for s in subparagraphs {
            walk_inlines(&s.content, f);
            walk(&s.children, f);
        }
    }
    walk(unit.subparagraphs, &mut collect);
    let mut names: Vec<String> = keys.iter().map(describe).collect();
    names.sort();
    names
}

/// The sub-paragraph markers of a paragraph, nested ones as `b.ii`.
pub fn markers(subparagraphs: &[Subparagraph]) -> Vec<String> {
    fn walk(subparagraphs: &[Subparagraph], prefix: &str, out: &mut Vec<String>) {
        for s in subparagraphs {
            let path = if prefix.is_empty() {
                s.marker.value.clone()
            } else {
                format!("{prefix}.{}", s.marker.value)
            };
            out.push(path.clone());
            walk(&s.children, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(subparagraphs, "", &mut out);
    out
}

/// Markers as a message lists them: `(a), (b), (b)(i)`.
pub fn show_markers(markers: &[String]) -> String {
    if markers.is_empty() {
        return "none".to_string();
    }
    markers
        .iter()
        .map(|m| m.split('.').map(|p| format!("({p})")).collect::<String>())
        .collect::<Vec<_>>()
        .join(", ")
}
