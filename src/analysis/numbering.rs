//! How the paragraph numbers of each version run, and where they go wrong.
//!
//! Arabic paragraph numbers and Roman part numbers run as two sequences of their own, so that a
//! text with parts I. to IV. holding paragraphs 1. to 20. is numbered right. Each sequence is
//! cut into runs: a number 1 that follows anything but a paragraph numbered in the same style
//! (a heading, an unnumbered paragraph, a list, a Roman part) starts a new run, as annexes,
//! parts and lists inside a statement do; with `numbering: per section` in the header, every
//! top-level section starts one. Each run must count on from 1 without a gap or a repeat.
//!
//! A number that does not read (`IIII.`) and a block that did not read at all stand in the
//! sequence as unknown: each takes the number expected at its place when the numbers after it
//! go on from there, so that a damaged number is reported as itself and never as a gap before
//! the correct paragraph after it. A damaged number the grammar reads (`38.In`, `l2.`) counts
//! as its value; an unnumbered paragraph that starts with the number expected at its place
//! (`7, Ministers`, `7 Ministers`) is taken as that paragraph with a damaged number; an
//! unnumbered paragraph that stands where exactly one number is missing is reported as the
//! paragraph that lost its number. A communiqué's first paragraph is often unnumbered and the
//! next numbered 2: it then counts as 1. A version whose language is not stated is text the
//! parser found after the annex; its numbers may start anywhere.

use std::collections::HashMap;

use crate::ast::{
    Block, Document, NumberDamage, NumberLike, NumberStyle, Numbering, Paragraph, ParagraphNumber,
    Version,
};

use super::align::Place;

/// What is wrong with one paragraph number, in which version.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'a> {
    pub version: usize,
    /// The run of numbers it is in.
    pub run: Run,
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
    /// The numbers start again at 1 right after `previous`, with no heading, list or words
    /// between that would start a new run, and go on from there: one slip, reported once.
    Restarted {
        number: &'a ParagraphNumber,
        previous: &'a ParagraphNumber,
    },
    /// A number the grammar reads, written wrong: `38.In`, `l2.`, `1 2.`, `８.`.
    Damaged {
        number: &'a ParagraphNumber,
        damage: NumberDamage,
    },
    /// An unnumbered paragraph that starts with the number expected at its place, with a
    /// wrong mark after it or none: `7, Ministers`, `7) Ministers`, `7 Ministers`.
    Unmarked {
        paragraph: &'a Paragraph,
        like: &'a NumberLike,
    },
    /// An unnumbered paragraph standing where the number `expected` is missing.
    Unnumbered {
        paragraph: &'a Paragraph,
        expected: u32,
        previous: Option<&'a ParagraphNumber>,
        next: &'a ParagraphNumber,
    },
}

/// A run of paragraph numbers: the numbers of one style that count on from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Run {
    pub roman: bool,
    /// Its order among the runs of its style, from 0.
    pub index: usize,
}

/// Where each numbered paragraph of a version stands in the numbering.
#[derive(Debug, Default)]
pub struct Layout {
    /// The run of each numbered block, by its section and its position there.
    runs: HashMap<(usize, usize), Run>,
    /// For each run after the first of its style, the section it starts in and how many runs
    /// of its style started in that section before it: what its anchors are named by.
    starts: HashMap<Run, (usize, usize)>,
    per_section: bool,
}

impl Layout {
    /// The run of the numbered block at `block` of section `section`.
    pub fn run(&self, section: usize, block: usize) -> Option<Run> {
        self.runs.get(&(section, block)).copied()
    }

    /// The anchor of a numbered paragraph: `p-14` in the first run of numbers; in a later run,
    /// or with numbers restarting in each section, after its section's (`s-2-p-3`, and
    /// `s-2-2-p-3` for a second run starting in the same section), so that no anchor is used
    /// twice.
    pub fn anchor(&self, run: Run, written: &str) -> String {
        let first = run.index == 0 && !run.roman && !self.per_section;
        match self.starts.get(&run) {
            Some(&(section, before)) if !first => {
                let section = crate::render::anchor::section(section);
                let roman = if run.roman { "r" } else { "" };
                match before {
                    0 => format!("{section}-{roman}p-{written}"),
                    n => format!("{section}-{}-{roman}p-{written}", n + 1),
                }
            }
            _ => format!("p-{written}"),
        }
    }
}

/// How each version's paragraph numbers run, and every problem with them.
pub fn number(document: &Document) -> (Vec<Layout>, Vec<Finding<'_>>) {
    let per_section = document.numbering() == Numbering::PerSection;
    let mut layouts = Vec::new();
    let mut findings = Vec::new();
    for (index, version) in document.versions.iter().enumerate() {
        let unnamed = version.is_unnamed();
        let mut restarts = Vec::new();
        let (layout, runs) = runs(version, per_section, &mut restarts);
        findings.extend(restarts.into_iter().map(|(run, kind)| Finding {
            version: index,
            run,
            kind,
        }));
        for (run, entries) in runs {
            let mut kinds = Vec::new();
            walk(&entries, unnamed && run.index == 0, &mut kinds);
            findings.extend(kinds.into_iter().map(|kind| Finding {
                version: index,
                run,
                kind,
            }));
        }
        for (section, s) in version.sections.iter().enumerate() {
            for (block, b) in s.blocks.iter().enumerate() {
                let number = match b {
                    Block::NumberedParagraph(p) => &p.number,
                    Block::Unparsed(u) => match &u.number {
                        Some(number) => number,
                        None => continue,
                    },
                    Block::Paragraph(_) => continue,
                };
                if let (Some(damage), Some(run)) = (number.damage, layout.run(section, block)) {
                    findings.push(Finding {
                        version: index,
                        run,
                        kind: Kind::Damaged { number, damage },
                    });
                }
            }
        }
        layouts.push(layout);
    }
    (layouts, findings)
}

impl Finding<'_> {
    /// The number the paragraph carries and the number expected of it, for a gap, a repeat or
    /// a number out of order.
    pub fn number(&self) -> Option<(&ParagraphNumber, u32)> {
        match self.kind {
            Kind::Skipped {
                number, expected, ..
            }
            | Kind::Repeated {
                number, expected, ..
            }
            | Kind::OutOfOrder {
                number, expected, ..
            } => Some((number, expected)),
            Kind::Restarted { .. }
            | Kind::Damaged { .. }
            | Kind::Unmarked { .. }
            | Kind::Unnumbered { .. } => None,
        }
    }

    /// Whether this finding puts the paragraph at `place` in doubt: a number skipped, or the
    /// number used and the one expected; an unnumbered paragraph that stands for a number, the
    /// number it stands for. Which paragraph of a translation stands for which of the original
    /// is not known there, and is not reported again by the version checks.
    pub fn involves(&self, place: Place) -> bool {
        let Place::Numbered {
            run,
            roman,
            value: at,
        } = place
        else {
            return matches!(self.kind, Kind::Unmarked { .. } | Kind::Unnumbered { .. });
        };
        if run != self.run.index || roman != self.run.roman {
            return false;
        }
        match self.kind {
            Kind::Unmarked { like, .. } => at == like.value,
            Kind::Unnumbered { expected, .. } => at == expected,
            Kind::Damaged { .. } | Kind::Restarted { .. } => false,
            _ => {
                let Some((number, expected)) = self.number() else {
                    return false;
                };
                let Some(value) = number.value else {
                    return false;
                };
                match self.kind {
                    Kind::Skipped { .. } => (expected..=value).contains(&at),
                    _ => at == value || at == expected,
                }
            }
        }
    }

    /// For a gap, the numbers that are missing, in the run they belong to.
    fn missing(&self) -> Option<(Run, std::ops::Range<u32>)> {
        match self.kind {
            Kind::Skipped {
                number, expected, ..
            } => Some((self.run, expected..number.value?)),
            _ => None,
        }
    }
}

/// A place in a sequence of numbers: a number that reads, one that is not known, or an
/// unnumbered paragraph, which may stand for a number.
#[derive(Clone, Copy)]
enum Entry<'a> {
    Known(&'a ParagraphNumber, u32),
    Unknown,
    Unnumbered(&'a Paragraph),
}

/// The numbered paragraphs of a version, cut into runs, with the unnumbered paragraphs among
/// them (in the Arabic runs, where paragraphs lose their numbers).
fn runs<'a>(
    version: &'a Version,
    per_section: bool,
    restarts: &mut Vec<(Run, Kind<'a>)>,
) -> (Layout, Vec<(Run, Vec<Entry<'a>>)>) {
    // A Roman numeral that does not read (`IIII.`) is a slip in the Roman part numbers when the
    // text has any; in a text numbered in Arabic only, it is a damaged paragraph number.
    let has_parts = version.sections.iter().flat_map(|s| &s.blocks).any(|b| {
        matches!(b, Block::NumberedParagraph(p) if p.number.style == NumberStyle::Roman && p.number.value.is_some())
    });
    let top_level = version
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref().map(|h| h.level))
        .min();
    let mut layout = Layout {
        per_section,
        ..Layout::default()
    };
    // For each style (Arabic, Roman): every run so far, the largest number each has reached,
    // and the runs open now, innermost last: a list after a paragraph that leads into it
    // (`... the following principles:`) is a run inside the one it interrupts, which goes on
    // after it.
    let mut runs: [Vec<Vec<Entry>>; 2] = [vec![Vec::new()], vec![Vec::new()]];
    let mut highest: [Vec<u32>; 2] = [vec![0], vec![0]];
    let mut open: [Vec<usize>; 2] = [vec![0], vec![0]];
    // Whether the block just before was numbered in each style, and whether it leads into a
    // list.
    let mut after_own_style: [bool; 2];
    let mut lead_in = false;
    let mut starts_in_section: HashMap<(usize, bool), usize> = HashMap::new();
    let has_known = |entries: &[Entry]| entries.iter().any(|e| matches!(e, Entry::Known(..)));
    let top = |open: &[usize]| *open.last().expect("a run is always open");
    // The value of the next number of the same style after each numbered block: a 1 starts a
    // new run only when it is not a slip for the number expected (a 1 between 4 and 6 is 5).
    let numbered: Vec<(usize, usize, NumberStyle, Option<u32>)> = version
        .sections
        .iter()
        .enumerate()
        .flat_map(|(si, s)| {
            s.blocks.iter().enumerate().filter_map(move |(bi, b)| {
                let number = match b {
                    Block::NumberedParagraph(p) => Some(&p.number),
                    Block::Unparsed(u) => u.number.as_ref(),
                    Block::Paragraph(_) => None,
                }?;
                Some((si, bi, number.style, number.value))
            })
        })
        .collect();
    // The value of the next number of the same style after each, found in one pass from the
    // end; `numbered` is in the order of (section, block), so a block is found by binary
    // search. (Searching each from the start made 100,000 paragraphs take minutes.)
    let mut next_of_style: Vec<Option<u32>> = vec![None; numbered.len()];
    // The value of the nearest later number of each style seen so far (there are two styles).
    let mut following: Vec<(NumberStyle, Option<u32>)> = Vec::new();
    for (at, &(_, _, style, value)) in numbered.iter().enumerate().rev() {
        match following.iter_mut().find(|(s, _)| *s == style) {
            Some(entry) => {
                next_of_style[at] = entry.1;
                entry.1 = value;
            }
            None => following.push((style, value)),
        }
    }
    let next_value = |section: usize, block: usize| {
        let at = numbered
            .binary_search_by_key(&(section, block), |&(s, b, ..)| (s, b))
            .ok()?;
        next_of_style[at]
    };
    // The numbered paragraph just before, in each style, and whether it ended in a list.
    let mut previous_number: [Option<&ParagraphNumber>; 2] = [None, None];
    let mut after_list = false;
    if let Some(Block::Paragraph(p)) = version.preamble.last() {
        runs[0][0].push(Entry::Unnumbered(p));
    }
    for (section_index, section) in version.sections.iter().enumerate() {
        after_own_style = [false; 2];
        lead_in = lead_in && section.heading.is_none();
        let top_section = section
            .heading
            .as_ref()
            .is_some_and(|h| Some(h.level) == top_level)
            || (section_index == 0 && section.heading.is_none());
        let mut must_restart = [per_section && top_section; 2];
        for (block_index, block) in section.blocks.iter().enumerate() {
            let leads_in = leads_into_list(block);
            let number = match block {
                Block::NumberedParagraph(p) => Some(&p.number),
                Block::Unparsed(u) => u.number.as_ref(),
                Block::Paragraph(p) => {
                    let run = top(&open[0]);
                    runs[0][run].push(Entry::Unnumbered(p));
                    after_own_style = [false; 2];
                    lead_in = leads_in;
                    after_list = false;
                    continue;
                }
            };
            let style = match number.map(|n| (n.style, n.value)) {
                Some((NumberStyle::Arabic, _)) => Some(0),
                Some((NumberStyle::Roman, Some(_))) => Some(1),
                Some((NumberStyle::Roman, None)) if has_parts => Some(1),
                Some((NumberStyle::Roman, None)) => Some(0),
                // A block that did not read at all may belong to either sequence: it stands
                // in both, and fills the place it is found at in the one whose numbers fit.
                None => None,
            };
            let Some(style) = style else {
                for style in 0..2 {
                    let run = top(&open[style]);
                    runs[style][run].push(Entry::Unknown);
                }
                after_own_style = [false; 2];
                lead_in = false;
                continue;
            };
            let number = number.expect("a numbered block");
            let value = number.value;
            let current = top(&open[style]);
            // A 1 followed by the number after the one expected is a slip for the expected one.
            let expected = highest[style][current].saturating_add(1);
            let goes_on = next_value(section_index, block_index)
                .is_none_or(|next| next != expected.saturating_add(1));
            let starts_again = value == Some(1) && has_known(&runs[style][current]) && goes_on;
            let announced = !after_own_style[style] || lead_in || after_list;
            let restart = has_known(&runs[style][current])
                && (must_restart[style] || (starts_again && announced));
            let slipped = starts_again && !announced && !must_restart[style];
            if restart || slipped {
                runs[style].push(Vec::new());
                highest[style].push(0);
                let new = runs[style].len() - 1;
                if must_restart[style] {
                    open[style] = vec![new];
                } else if lead_in {
                    open[style].push(new);
                } else {
                    *open[style].last_mut().expect("a run is open") = new;
                }
                if let (true, Some(previous)) = (slipped, previous_number[style]) {
                    let run = Run {
                        roman: style == 1,
                        index: new,
                    };
                    restarts.push((run, Kind::Restarted { number, previous }));
                }
            } else if let Some(value) = value {
                // A number that goes on from a run a list interrupted closes the list.
                let resumes = open[style].iter().rposition(|&r| {
                    r != current && highest[style][r].checked_add(1) == Some(value)
                });
                if highest[style][current].checked_add(1) != Some(value) {
                    if let Some(at) = resumes {
                        open[style].truncate(at + 1);
                    }
                }
            }
            must_restart[style] = false;
            let index = top(&open[style]);
            let run = Run {
                roman: style == 1,
                index,
            };
            if let std::collections::hash_map::Entry::Vacant(start) = layout.starts.entry(run) {
                let before = starts_in_section
                    .entry((section_index, run.roman))
                    .or_default();
                start.insert((section_index, *before));
                *before += 1;
            }
            match value {
                Some(value) => {
                    runs[style][index].push(Entry::Known(number, value));
                    highest[style][index] = highest[style][index].max(value);
                    layout.runs.insert((section_index, block_index), run);
                }
                None => runs[style][index].push(Entry::Unknown),
            }
            after_own_style = [style == 0, style == 1];
            previous_number[style] = Some(number);
            after_list = !block.bullets().is_empty();
            lead_in = leads_in;
        }
    }
    let mut out = Vec::new();
    for (style, runs) in runs.into_iter().enumerate() {
        for (index, entries) in runs.into_iter().enumerate() {
            if has_known(&entries) {
                out.push((
                    Run {
                        roman: style == 1,
                        index,
                    },
                    entries,
                ));
            }
        }
    }
    (layout, out)
}

/// Whether a paragraph leads into a list: its text ends with a colon, and no sub-paragraph or
/// bulleted item follows it.
fn leads_into_list(block: &Block) -> bool {
    if !block.subparagraphs().is_empty() || !block.bullets().is_empty() {
        return false;
    }
    let mut last_text = None;
    crate::ast::walk_inlines(block.content(), &mut |inline| {
        if let crate::ast::Inline::Text { text, .. } = inline {
            last_text = Some(text.as_str());
        }
    });
    last_text.is_some_and(|text| text.trim_end().ends_with([':', '：']))
}

fn walk<'a>(sequence: &[Entry<'a>], start_unknown: bool, out: &mut Vec<Kind<'a>>) {
    // The last number the sequence reached, and the last paragraph whose number reads.
    let mut last: Option<u32> = None;
    let mut previous: Option<&'a ParagraphNumber> = None;
    let mut seen: HashMap<u32, &'a ParagraphNumber> = HashMap::new();
    let known_after = |index: usize| {
        sequence[index + 1..].iter().find_map(|e| match e {
            Entry::Known(number, value) => Some((*number, *value)),
            Entry::Unknown | Entry::Unnumbered(_) => None,
        })
    };
    for (index, &entry) in sequence.iter().enumerate() {
        let expected = last.map_or(1, |n| n.saturating_add(1));
        let (number, value) = match entry {
            Entry::Known(number, value) => (number, value),
            Entry::Unknown => {
                if known_after(index).is_some_and(|(_, next)| next > expected) {
                    last = Some(expected);
                }
                continue;
            }
            Entry::Unnumbered(paragraph) => {
                let next = known_after(index);
                let fits = |value: u32| next.is_none_or(|(_, next)| next > value);
                if let Some(like) = paragraph
                    .number_like
                    .as_ref()
                    .filter(|l| l.value == expected && fits(l.value))
                {
                    if last.is_some() || like.value == 1 {
                        out.push(Kind::Unmarked { paragraph, like });
                        last = Some(expected);
                    }
                } else if let Some((next, value)) = next {
                    // Only a paragraph that stands alone between two numbers is known to be
                    // the one that lost its number.
                    let right_before = matches!(sequence.get(index + 1), Some(Entry::Known(..)));
                    let alone = last.is_none()
                        || index == 0
                        || matches!(sequence.get(index - 1), Some(Entry::Known(..)));
                    if value == expected.saturating_add(1)
                        && right_before
                        && alone
                        && !start_unknown
                    {
                        // At the start, this is the communiqué's unnumbered first paragraph.
                        if last.is_some() {
                            out.push(Kind::Unnumbered {
                                paragraph,
                                expected,
                                previous,
                                next,
                            });
                        }
                        last = Some(expected);
                    }
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
    let Some((run, range)) = finding.missing() else {
        return false;
    };
    // More numbers than the original has paragraphs cannot all be its paragraphs.
    if finding.version == 0 || range.is_empty() || range.len() > original.units.len() {
        return false;
    }
    range.into_iter().all(|value| {
        let place = Place::Numbered {
            run: run.index,
            roman: run.roman,
            value,
        };
        original.unit_at(place).is_some() && version.unit_at(place).is_none()
    })
}
