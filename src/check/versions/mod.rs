//! Checks that every language version has the structure of the original: its sections,
//! paragraphs, sub-paragraphs, footnotes and marked facts.
//!
//! Paragraphs are tied across versions as the language reference says: numbered paragraphs by
//! their numbers, preamble paragraphs and unnumbered paragraphs by their order (in the preamble,
//! or in their section), sections by their order.

pub mod footnote_missing;
pub mod label_moved;
pub mod languages_differ;
pub mod marked_facts_differ;
pub mod member_mismatch;
pub mod paragraph_missing;
pub mod section_missing;
pub mod subparagraphs_differ;

use std::collections::HashMap;

use crate::ast::{
    walk_inlines, Block, FactKey, Inline, NumberStyle, Numbering, Subparagraph, Version,
};
use crate::check::facts::describe;
use crate::check::Context;
use crate::source::{Source, Span, Spanned};

/// Where a paragraph stands, the same in every version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Preamble(usize),
    /// A numbered paragraph; `section` is set only when numbers restart in each section.
    Numbered {
        section: Option<usize>,
        /// Roman part numbers and Arabic paragraph numbers are two sequences.
        roman: bool,
        value: u32,
    },
    /// The `index`th unnumbered paragraph of the `section`th section.
    Unnumbered {
        section: usize,
        index: usize,
    },
}

/// One paragraph of a version, with where it stands.
pub struct Unit<'a> {
    pub place: Place,
    pub content: &'a [Inline],
    pub subparagraphs: &'a [Subparagraph],
    /// The label at the start of the paragraph.
    pub label: Option<&'a Spanned<String>>,
    /// The first line of the paragraph, to point at.
    pub span: Span,
    /// The paragraph as a message names it: "paragraph 16", "preamble paragraph 1".
    pub name: String,
}

/// The paragraphs of a version, in reading order.
pub fn units<'a>(
    version: &'a Version,
    numbering: Option<Numbering>,
    source: &Source,
) -> Vec<Unit<'a>> {
    let per_section = numbering == Some(Numbering::PerSection);
    let mut out = Vec::new();
    for (index, p) in version.preamble.iter().enumerate() {
        out.push(Unit {
            place: Place::Preamble(index),
            content: &p.content,
            subparagraphs: &p.subparagraphs,
            label: p.label.as_ref(),
            span: first_line(source, p.span),
            name: format!("preamble paragraph {}", index + 1),
        });
    }
    for (section, s) in version.sections.iter().enumerate() {
        let mut unnumbered = 0;
        for block in &s.blocks {
            match block {
                Block::NumberedParagraph(p) => {
                    let Some(value) = p.number.value else {
                        continue;
                    };
                    out.push(Unit {
                        place: Place::Numbered {
                            section: per_section.then_some(section),
                            roman: p.number.style == NumberStyle::Roman,
                            value,
                        },
                        content: &p.content,
                        subparagraphs: &p.subparagraphs,
                        label: p.label.as_ref(),
                        span: p.number.span,
                        name: format!("paragraph {}", p.number.written),
                    });
                }
                Block::Paragraph(p) => {
                    unnumbered += 1;
                    out.push(Unit {
                        place: Place::Unnumbered {
                            section,
                            index: unnumbered - 1,
                        },
                        content: &p.content,
                        subparagraphs: &p.subparagraphs,
                        label: p.label.as_ref(),
                        span: first_line(source, p.span),
                        name: format!(
                            "unnumbered paragraph {unnumbered} of section {}",
                            section + 1
                        ),
                    });
                }
            }
        }
    }
    out
}

/// The units of a version by where they stand, to find a paragraph's counterpart.
pub fn by_place<'u, 'a>(units: &'u [Unit<'a>]) -> HashMap<Place, &'u Unit<'a>> {
    let mut map = HashMap::new();
    for unit in units {
        map.entry(unit.place).or_insert(unit);
    }
    map
}

/// The part of `span` on its first line, so that a label on a long paragraph stays short.
pub fn first_line(source: &Source, span: Span) -> Span {
    let text = source.slice(span);
    let end = text.find('\n').unwrap_or(text.len());
    let line = text[..end].trim_end();
    Span::new(span.start as usize, span.start as usize + line.len())
}

/// Calls `f` with each paragraph of each translation that has a counterpart at the same place
/// in the original, the counterpart, and the translation's language. A paragraph without a
/// counterpart is `versions::paragraph-missing`'s to report.
pub fn for_each_counterpart<'a>(
    cx: &Context<'a>,
    mut f: impl FnMut(&Unit<'a>, &Unit<'a>, &'a str),
) {
    let Some(original) = cx.document.versions.first() else {
        return;
    };
    let numbering = cx.document.header.numbering.as_ref().map(|n| n.value);
    let original_units = units(original, numbering, cx.source);
    let original_places = by_place(&original_units);
    for (version, language) in translations(&cx.document.versions) {
        for unit in units(version, numbering, cx.source) {
            if let Some(&counterpart) = original_places.get(&unit.place) {
                f(&unit, counterpart, language);
            }
        }
    }
}

/// The translations, each with its index and language tag; the original is version 0.
pub fn translations(versions: &[Version]) -> impl Iterator<Item = (&Version, &str)> {
    versions
        .iter()
        .skip(1)
        .filter_map(|v| Some((v, v.header.as_ref()?.language.value.as_str())))
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
        if let Inline::Fact { key, .. } = inline {
            keys.push(key.value.clone());
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
