//! ## What it finds
//!
//! A paragraph, numbered or of the preamble, whose words end without a stop: no ".", "?", "!",
//! nor the ";", ":" or "," with which the items of a list and the clauses of a preamble end, nor
//! their Chinese forms ("。", "？", "！", "；", "：", "，"). A quotation mark or bracket closing
//! after the stop ("... as “the Beijing Consensus.”") is fine.
//!
//! Headings, sub-paragraphs and bullets are not read: they are items of lists, which end with
//! or without a stop as the house style wants. A paragraph that leads into the sub-paragraphs
//! or bullets under it ("Ministers agreed to") is a lead-in, and a paragraph ending with "and",
//! "or", "the following" or a dash continues into the next; neither is reported. Numbered
//! paragraphs in a row that all end without a stop are the items of a list, written so, and
//! are left alone; so are short numbered lines (fewer than eight words: "1. Afghanistan") and
//! lines all in capitals ("2. STANDSTILL"), which are names and headings.
//!
//! ## Why it matters
//!
//! A paragraph that stops without its full stop was cut short in editing, or lost its last
//! words when it was copied; a reader cannot tell which, and the printed text looks unfinished.
//!
//! ## Example
//!
//! ```text
//! 16. Ministers noted that the second ASEM SMEs Ministerial Meeting will be held in Europe in 2009
//! ```
//!
//! ## How to fix
//!
//! End the paragraph with its stop, after checking that no words were lost at its end.

use std::ops::Range;

use crate::analysis::prose::{Passage, PassageKind, OBJECT};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::missing-final-stop",
    default_severity: Severity::Warning,
    summary: "a paragraph that ends without its stop",
    source_file: include_str!("missing_final_stop.rs"),
    run,
};

/// The marks a paragraph may end with.
const STOPS: &[char] = &[
    '.', '?', '!', ';', ':', ',', '。', '？', '！', '；', '：', '，', '…',
];

/// The marks that may close after the stop.
const CLOSING: &[char] = &['"', '”', '’', '\'', ')', ']', '）', '】', '」', '』', '»'];

/// The fewest words of a paragraph that is read as a sentence.
const MIN_WORDS: usize = 8;

/// The words and marks after which a paragraph continues into the next.
const CONTINUES: &[&str] = &[
    "and",
    "or",
    "et",
    "ou",
    "en",
    "of",
    "at",
    "à",
    "te",
    "following",
    "follows",
    "—",
    "–",
    "-",
];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        let paragraphs: Vec<_> = cx
            .prose(info.index)
            .iter()
            .filter(|p| p.kind == PassageKind::Paragraph && p.numbered)
            .collect();
        let ends: Vec<Option<Range<usize>>> = paragraphs.iter().map(|p| unfinished(p)).collect();
        for (i, passage) in paragraphs.iter().enumerate() {
            let Some(end) = ends[i].clone() else {
                continue;
            };
            // Numbered paragraphs in a row that all end without a stop are the items of a list
            // ("1. Section II.B of the Recommendation (First Committee)"), written so.
            let before = i.checked_sub(1).is_some_and(|j| ends[j].is_some());
            let after = ends.get(i + 1).is_some_and(Option::is_some);
            if before || after {
                continue;
            }
            out.push(
                Diagnostic::warning(CHECK.code, "the paragraph ends without a stop")
                    .primary(passage.span(end), "the paragraph ends here")
                    .help("end it with a full stop, after checking that no words were lost"),
            );
        }
    }
}

/// The last character of a paragraph that ends without a stop, or `None` when it ends as it
/// should or is not read (a lead-in, a list of names, a heading in capitals).
fn unfinished(passage: &Passage) -> Option<Range<usize>> {
    if passage.lead_in {
        return None;
    }
    // A list of names or a heading written as a numbered paragraph ("1. Afghanistan",
    // "2. STANDSTILL") is no sentence: only a paragraph of some words, not all in capitals, is
    // read.
    let words = passage.words().count();
    if words < MIN_WORDS || !passage.text.chars().any(char::is_lowercase) {
        return None;
    }
    let text = passage.text.trim_end();
    let stripped = text.trim_end_matches(|c| CLOSING.contains(&c) || c.is_whitespace());
    let last = stripped.chars().next_back()?;
    if STOPS.contains(&last) || matches!(last, '—' | '–' | OBJECT) {
        return None;
    }
    let last_word = stripped
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if CONTINUES.contains(&last_word.to_lowercase().as_str()) {
        return None;
    }
    let end = stripped.len();
    Some(end - last.len_utf8()..end)
}
