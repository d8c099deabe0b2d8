//! How the paragraph numbers of each version run, and where they go wrong.
//!
//! Arabic paragraph numbers and Roman part numbers run as two sequences of their own, so that a
//! text with parts I. to IV. holding paragraphs 1. to 20. is numbered right; both run on across
//! sections unless the header says `numbering: per section`.
//!
//! A number that does not read (`IIII.`) and a block that did not read at all stand in the
//! sequence as unknown: each takes the number expected at its place when the numbers after it
//! go on from there, so that a damaged number is reported as itself (by the parser) and never
//! as a gap before the correct paragraph after it. A version whose language is not stated is
//! text the parser found after the annex; its numbers may start anywhere.

use std::collections::HashMap;

use crate::ast::{Block, Document, NumberStyle, Numbering, ParagraphNumber, Version};

use super::align::Place;

/// What is wrong with one paragraph number, in which version.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'a> {
    pub version: usize,
    /// The section whose numbers it is in, when numbers restart in each section.
    pub section: Option<usize>,
    pub kind: Kind<'a>,
}

/// The ways a paragraph number goes wrong.
#[derive(Debug, Clone, Copy)]
pub enum Kind<'a> {
    /// Numbers are missing before this paragraph: `expected` up to its own number minus one.
    Skipped {
        number: &'a ParagraphNumber,
        expected: u32,
        previous: Option<&'a ParagraphNumber>,
    },
    /// This number was already used by `first`; the paragraph should carry `expected`.
    Repeated {
        number: &'a ParagraphNumber,
        expected: u32,
        first: &'a ParagraphNumber,
    },
    /// This number does not follow the one before it and was not used before.
    OutOfOrder {
        number: &'a ParagraphNumber,
        expected: u32,
        previous: Option<&'a ParagraphNumber>,
    },
}

/// Whether paragraph numbers restart in each section.
pub fn per_section(document: &Document) -> bool {
    document.numbering() == Numbering::PerSection
}

/// Every problem with the paragraph numbers of every version.
pub fn findings(document: &Document) -> Vec<Finding<'_>> {
    let mut findings = Vec::new();
    let per_section = per_section(document);
    for (index, version) in document.versions.iter().enumerate() {
        let unnamed = version.is_unnamed();
        for (section, sequence) in sequences(version, per_section) {
            let mut kinds = Vec::new();
            walk(&sequence, unnamed, &mut kinds);
            findings.extend(kinds.into_iter().map(|kind| Finding {
                version: index,
                section,
                kind,
            }));
        }
    }
    findings
}

impl Finding<'_> {
    /// The number the paragraph carries and the number expected of it.
    pub fn number(&self) -> (&ParagraphNumber, u32) {
        match self.kind {
            Kind::Skipped {
                number, expected, ..
            }
            | Kind::Repeated {
                number, expected, ..
            }
            | Kind::OutOfOrder {
                number, expected, ..
            } => (number, expected),
        }
    }

    /// Whether this finding puts the paragraph at `place` in doubt: a number skipped, or the
    /// number used and the one expected. Which paragraph of a translation stands for which of
    /// the original is not known there, and is not reported again by the version checks.
    pub fn involves(&self, place: Place) -> bool {
        let (number, expected) = self.number();
        let Place::Numbered {
            section,
            roman,
            value: at,
        } = place
        else {
            return false;
        };
        let Some(value) = number.value else {
            return false;
        };
        if section != self.section || roman != (number.style == NumberStyle::Roman) {
            return false;
        }
        match self.kind {
            Kind::Skipped { .. } => (expected..=value).contains(&at),
            _ => at == value || at == expected,
        }
    }

    /// For a gap, the numbers that are missing, with the sequence they belong to.
    fn missing(&self) -> Option<(Option<usize>, bool, std::ops::Range<u32>)> {
        let (number, expected) = self.number();
        match self.kind {
            Kind::Skipped { .. } => Some((
                self.section,
                number.style == NumberStyle::Roman,
                expected..number.value?,
            )),
            _ => None,
        }
    }
}

/// A place in a sequence of numbers: a number that reads, or one that is not known.
#[derive(Clone, Copy)]
enum Entry<'a> {
    Known(&'a ParagraphNumber, u32),
    Unknown,
}

/// The numbered paragraphs of a version, cut into the sequences that each start at 1, with the
/// section each is in when numbers restart in each section.
fn sequences(version: &Version, per_section: bool) -> Vec<(Option<usize>, Vec<Entry<'_>>)> {
    let mut out = Vec::new();
    let mut arabic = Vec::new();
    let mut roman = Vec::new();
    // A Roman numeral that does not read (`IIII.`) is a slip in the Roman part numbers when the
    // text has any; in a text numbered in Arabic only, it is a damaged paragraph number.
    let has_parts = version.sections.iter().flat_map(|s| &s.blocks).any(|b| {
        matches!(b, Block::NumberedParagraph(p) if p.number.style == NumberStyle::Roman && p.number.value.is_some())
    });
    for (index, section) in version.sections.iter().enumerate() {
        for block in &section.blocks {
            let number = match block {
                Block::NumberedParagraph(p) => Some(&p.number),
                Block::Unparsed(u) => u.number.as_ref(),
                Block::Paragraph(_) => continue,
            };
            match number.and_then(|n| Some((n, n.value?))) {
                Some((n, value)) if n.style == NumberStyle::Arabic => {
                    arabic.push(Entry::Known(n, value))
                }
                Some((n, value)) => roman.push(Entry::Known(n, value)),
                None => match number.map(|n| n.style) {
                    Some(NumberStyle::Roman) if has_parts => roman.push(Entry::Unknown),
                    Some(_) => arabic.push(Entry::Unknown),
                    // A block that did not read at all may belong to either sequence: it stands
                    // in both, and fills the place it is found at in the one whose numbers fit.
                    None => {
                        arabic.push(Entry::Unknown);
                        roman.push(Entry::Unknown);
                    }
                },
            }
        }
        if per_section {
            out.push((Some(index), std::mem::take(&mut arabic)));
            out.push((Some(index), std::mem::take(&mut roman)));
        }
    }
    out.push((None, arabic));
    out.push((None, roman));
    out.retain(|(_, s)| s.iter().any(|e| matches!(e, Entry::Known(..))));
    out
}

fn walk<'a>(sequence: &[Entry<'a>], start_unknown: bool, out: &mut Vec<Kind<'a>>) {
    // The last number the sequence reached, and the last paragraph whose number reads.
    let mut last: Option<u32> = None;
    let mut previous: Option<&'a ParagraphNumber> = None;
    let mut seen: HashMap<u32, &'a ParagraphNumber> = HashMap::new();
    let known_after = |index: usize| {
        sequence[index + 1..].iter().find_map(|e| match e {
            Entry::Known(_, value) => Some(*value),
            Entry::Unknown => None,
        })
    };
    for (index, &entry) in sequence.iter().enumerate() {
        let expected = last.map_or(1, |n| n.saturating_add(1));
        let (number, value) = match entry {
            Entry::Known(number, value) => (number, value),
            Entry::Unknown => {
                if known_after(index).is_some_and(|next| next > expected) {
                    last = Some(expected);
                }
                continue;
            }
        };
        if last.is_none() && start_unknown {
            last = Some(value);
            previous = Some(number);
            seen.insert(value, number);
            continue;
        }
        // When the next paragraph carries the number after the expected one, this number is a
        // slip for the expected one: the sequence goes on from there, and the next paragraph
        // is not reported as well.
        let slip = matches!(sequence.get(index + 1), Some(Entry::Known(_, next)) if *next == expected.saturating_add(1));
        // At the largest number the expected one cannot grow any further, so a repeat of it
        // would otherwise pass as the number expected.
        let saturated = value == u32::MAX && seen.contains_key(&value);
        if value != expected || saturated {
            out.push(if let Some(&first) = seen.get(&value) {
                Kind::Repeated {
                    number,
                    expected,
                    first,
                }
            } else if value > expected && !slip {
                Kind::Skipped {
                    number,
                    expected,
                    previous,
                }
            } else {
                Kind::OutOfOrder {
                    number,
                    expected,
                    previous,
                }
            });
        }
        seen.entry(value).or_insert(number);
        last = Some(if value != expected && slip {
            expected
        } else {
            value.max(last.unwrap_or(0))
        });
        previous = Some(number);
    }
}

/// A value written in the style of `number`: `3`, or `III` for a Roman part.
pub fn in_style(number: &ParagraphNumber, value: u32) -> String {
    match number.style {
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

/// A gap in a translation whose missing numbers are exactly paragraphs of the original the
/// translation lacks: `versions::paragraph-missing` names each, so the gap is not reported too.
pub fn explained_by_missing_paragraphs(finding: &Finding, versions: &[super::VersionInfo]) -> bool {
    let (Some(original), Some(version)) = (versions.first(), versions.get(finding.version)) else {
        return false;
    };
    let Some((section, roman, range)) = finding.missing() else {
        return false;
    };
    // More numbers than the original has paragraphs cannot all be its paragraphs.
    if finding.version == 0 || range.is_empty() || range.len() > original.units.len() {
        return false;
    }
    range.into_iter().all(|value| {
        let place = Place::Numbered {
            section,
            roman,
            value,
        };
        original.units.iter().any(|u| u.place == place)
            && !version.units.iter().any(|u| u.place == place)
    })
}
