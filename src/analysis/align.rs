//! The paragraphs of each version, and how a translation is tied to the original.
//!
//! Paragraphs are tied as the language reference says: numbered paragraphs by their numbers,
//! preamble paragraphs and unnumbered paragraphs by their order (in the preamble, or in their
//! section), sections by their order. This is the one alignment of plenary: the version checks,
//! the labels (a label in either version names the matching paragraph of both) and the
//! side-by-side outputs all read it.

use crate::ast::{Block, Inline, NumberedParagraph, Paragraph, Subparagraph, Unparsed, Version};
use crate::source::{Span, Spanned};

use super::numbering::Layout;

/// Where a paragraph stands, the same in every version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Preamble(usize),
    /// A numbered paragraph, in the `run`th run of numbers of its style (see
    /// [`super::numbering`]).
    Numbered {
        run: usize,
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

/// What a paragraph is.
#[derive(Debug, Clone, Copy)]
pub enum Body<'a> {
    Paragraph(&'a Paragraph),
    Numbered(&'a NumberedParagraph),
    /// A block that did not read, whose paragraph number could be read.
    Unparsed(&'a Unparsed),
}

/// One paragraph of a version, with where it stands.
pub struct Unit<'a> {
    pub place: Place,
    /// The section it is in; `None` in the preamble.
    pub section: Option<usize>,
    /// Its position among the blocks of its section (or in the preamble).
    pub block: usize,
    pub body: Body<'a>,
    pub content: &'a [Inline],
    pub subparagraphs: &'a [Subparagraph],
    /// The label at the start of the paragraph.
    pub label: Option<&'a Spanned<String>>,
    /// The number, or the first line, of the paragraph: where to point at it.
    pub span: Span,
    /// The paragraph as a message names it: "paragraph 16", "preamble paragraph 1".
    pub name: String,
    /// The anchor of a numbered paragraph (`p-14`), as [`super::numbering::Layout::anchor`]
    /// names it.
    pub anchor: Option<String>,
    /// The paragraph of the original at the same place, by its index in the original's units
    /// (for the original, the paragraph itself); `None` when the original has none there.
    pub counterpart: Option<usize>,
}

impl Unit<'_> {
    /// Whether the paragraph's words are known: not a block that did not read.
    pub fn is_read(&self) -> bool {
        !matches!(self.body, Body::Unparsed(_))
    }
}

/// The paragraphs of a version, in reading order. A numbered paragraph whose number does not
/// read has no place, and is left out: its number's own error is reported.
pub fn units<'a>(version: &'a Version, layout: &Layout) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for (index, block) in version.preamble.iter().enumerate() {
        // A block of the preamble that did not read keeps its place: the paragraphs after it
        // keep theirs.
        let Block::Paragraph(p) = block else {
            continue;
        };
        out.push(Unit {
            place: Place::Preamble(index),
            section: None,
            block: index,
            body: Body::Paragraph(p),
            content: &p.content,
            subparagraphs: &p.subparagraphs,
            label: p.label.as_ref(),
            span: first_line(p.span, &p.content),
            name: format!("preamble paragraph {}", index + 1),
            anchor: None,
            counterpart: None,
        });
    }
    for (section, s) in version.sections.iter().enumerate() {
        let mut unnumbered = 0;
        for (block, b) in s.blocks.iter().enumerate() {
            let numbered = |number: &crate::ast::ParagraphNumber| {
                let run = layout.run(section, block)?;
                number.value.map(|value| Place::Numbered {
                    run: run.index,
                    roman: run.roman,
                    value,
                })
            };
            let anchor = |number: &crate::ast::ParagraphNumber| {
                layout
                    .run(section, block)
                    .map(|run| layout.anchor(run, &number.written))
            };
            let (place, body, span, name, anchor) = match b {
                Block::NumberedParagraph(p) => {
                    let Some(place) = numbered(&p.number) else {
                        continue;
                    };
                    let name = format!("paragraph {}", p.number.written);
                    (
                        place,
                        Body::Numbered(p),
                        p.number.span,
                        name,
                        anchor(&p.number),
                    )
                }
                Block::Unparsed(u) => {
                    let Some((number, place)) =
                        u.number.as_ref().and_then(|n| Some((n, numbered(n)?)))
                    else {
                        continue;
                    };
                    let name = format!("paragraph {}", number.written);
                    (place, Body::Unparsed(u), number.span, name, anchor(number))
                }
                Block::Paragraph(p) => {
                    unnumbered += 1;
                    let place = Place::Unnumbered {
                        section,
                        index: unnumbered - 1,
                    };
                    let name = format!(
                        "unnumbered paragraph {unnumbered} of section {}",
                        section + 1
                    );
                    (
                        place,
                        Body::Paragraph(p),
                        first_line(p.span, &p.content),
                        name,
                        None,
                    )
                }
            };
            out.push(Unit {
                place,
                section: Some(section),
                block,
                body,
                content: b.content(),
                subparagraphs: b.subparagraphs(),
                label: b.label(),
                span,
                name,
                anchor,
                counterpart: None,
            });
        }
    }
    out
}

/// Ties the paragraphs of every translation to the original's at the same place. Where a place
/// is taken twice (a repeated number), the first paragraph there is the one tied.
pub fn tie(versions: &mut [super::VersionInfo]) {
    let Some((original, translations)) = versions.split_first_mut() else {
        return;
    };
    for (index, unit) in original.units.iter_mut().enumerate() {
        original.places.entry(unit.place).or_insert(index);
        unit.counterpart = Some(index);
        original.counterparts.insert(index, index);
    }
    for version in translations {
        for (index, unit) in version.units.iter_mut().enumerate() {
            version.places.entry(unit.place).or_insert(index);
            unit.counterpart = original
                .places
                .get(&unit.place)
                .copied()
                .filter(|&tied| !version.counterparts.contains_key(&tied));
            if let Some(tied) = unit.counterpart {
                version.counterparts.insert(tied, index);
            }
        }
    }
}

/// The part of a paragraph on its first line, so that a label on a long paragraph stays short:
/// from its start to its first line break, or to the end of its text.
fn first_line(span: Span, content: &[Inline]) -> Span {
    // A line break inside emphasis or a quotation ends the line too.
    let mut first_break: Option<u32> = None;
    crate::ast::walk_inlines(content, &mut |inline| {
        if let Inline::SoftBreak { span } = inline {
            first_break = Some(first_break.map_or(span.start, |b| b.min(span.start)));
        }
    });
    let end = first_break
        .or_else(|| content.last().map(|inline| inline.span().end))
        .unwrap_or(span.end)
        .max(span.start);
    Span::new(span.start as usize, end as usize)
}

impl<'a> super::VersionInfo<'a> {
    /// The unit of this version tied to the original's unit at `original`.
    pub fn unit_for(&self, original: usize) -> Option<&Unit<'a>> {
        self.counterparts.get(&original).map(|&at| &self.units[at])
    }

    /// The first unit of this version at `place`.
    pub fn unit_at(&self, place: Place) -> Option<&Unit<'a>> {
        self.places.get(&place).map(|&at| &self.units[at])
    }
}
