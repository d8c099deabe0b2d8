//! Checks that numbers run as drafted: paragraph numbers and sub-paragraph markers.

pub mod number_out_of_order;
pub mod repeated_number;
pub mod skipped_number;
pub mod subparagraph_out_of_sequence;

use std::collections::HashMap;

use crate::ast::{Block, NumberStyle, NumberedParagraph, Numbering, Version};
use crate::check::Context;

/// What is wrong with one paragraph number, found by [`paragraph_findings`].
pub enum Finding<'a> {
    /// Numbers are missing before this paragraph: `expected` up to its own number minus one.
    Skipped {
        paragraph: &'a NumberedParagraph,
        expected: u32,
        previous: Option<&'a NumberedParagraph>,
    },
    /// This number was already used by `first`; the paragraph should carry `expected`.
    Repeated {
        paragraph: &'a NumberedParagraph,
        expected: u32,
        first: &'a NumberedParagraph,
    },
    /// This number does not follow the one before it and was not used before.
    OutOfOrder {
        paragraph: &'a NumberedParagraph,
        expected: u32,
        previous: Option<&'a NumberedParagraph>,
    },
}

/// Whether paragraph numbers restart in each section.
pub fn per_section(cx: &Context) -> bool {
    cx.document
        .header
        .numbering
        .as_ref()
        .is_some_and(|n| n.value == Numbering::PerSection)
}

/// Every problem with the paragraph numbers of every version.
///
/// Arabic paragraph numbers and Roman part numbers run as two sequences of their own, so that a
/// text with parts I. to IV. holding paragraphs 1. to 20. is numbered right. A paragraph whose
/// Roman numeral does not read has no value and is left to the parser's own message.
pub fn paragraph_findings<'a>(cx: &Context<'a>) -> Vec<Finding<'a>> {
    let mut findings = Vec::new();
    for version in &cx.document.versions {
        for sequence in sequences(version, per_section(cx)) {
            walk_sequence(&sequence, &mut findings);
        }
    }
    findings
}

/// The numbered paragraphs of a version, cut into the sequences that each start at 1.
fn sequences(version: &Version, per_section: bool) -> Vec<Vec<&NumberedParagraph>> {
    let mut out = Vec::new();
    let mut arabic = Vec::new();
    let mut roman = Vec::new();
    for section in &version.sections {
        for block in &section.blocks {
            let Block::NumberedParagraph(p) = block else {
                continue;
            };
            if p.number.value.is_none() {
                continue;
            }
            match p.number.style {
                NumberStyle::Arabic => arabic.push(p),
                NumberStyle::Roman => roman.push(p),
            }
        }
        if per_section {
            out.push(std::mem::take(&mut arabic));
            out.push(std::mem::take(&mut roman));
        }
    }
    out.push(arabic);
    out.push(roman);
    out.retain(|s| !s.is_empty());
    out
}

fn walk_sequence<'a>(sequence: &[&'a NumberedParagraph], out: &mut Vec<Finding<'a>>) {
    let mut last: Option<(u32, &'a NumberedParagraph)> = None;
    let mut seen: HashMap<u32, &'a NumberedParagraph> = HashMap::new();
    for (index, &paragraph) in sequence.iter().enumerate() {
        let value = paragraph
            .number
            .value
            .expect("sequences keep numbers with a value");
        let expected = last.map_or(1, |(n, _)| n.saturating_add(1));
        let previous = last.map(|(_, p)| p);
        // When the next paragraph carries the number after the expected one, this number is a
        // slip for the expected one: the sequence goes on from there, and the next paragraph
        // is not reported as well.
        let slip = sequence
            .get(index + 1)
            .and_then(|next| next.number.value)
            .is_some_and(|next| next == expected.saturating_add(1));
        // At the largest number the expected one cannot grow any further, so a repeat of it
        // would otherwise pass as the number expected.
        let saturated = value == u32::MAX && seen.contains_key(&value);
        if value != expected || saturated {
            out.push(if let Some(&first) = seen.get(&value) {
                Finding::Repeated {
                    paragraph,
                    expected,
                    first,
                }
            } else if value > expected && !slip {
                Finding::Skipped {
                    paragraph,
                    expected,
                    previous,
                }
            } else {
                Finding::OutOfOrder {
                    paragraph,
                    expected,
                    previous,
                }
            });
        }
        seen.entry(value).or_insert(paragraph);
        let now = if value != expected && slip {
            expected
        } else {
            value.max(last.map_or(0, |(n, _)| n))
        };
        last = Some((now, paragraph));
    }
}

/// A paragraph number as the drafter would write it in a message: `7`, `IV`.
pub fn written(paragraph: &NumberedParagraph) -> &str {
    &paragraph.number.written
}

/// A value written in the style of `paragraph`'s number: `3`, or `III` for a Roman part.
pub fn in_style(paragraph: &NumberedParagraph, value: u32) -> String {
    match paragraph.number.style {
        NumberStyle::Arabic => value.to_string(),
        NumberStyle::Roman => roman(value).unwrap_or_else(|| value.to_string()),
    }
}

/// An upper-case Roman numeral, if the value has one.
pub fn roman(value: u32) -> Option<String> {
    let value = u16::try_from(value).ok()?;
    roman_numerals_rs::RomanNumeral::new(value)
        .ok()
        .map(|r| r.to_string())
}
