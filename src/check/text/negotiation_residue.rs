//! ## What it finds
//!
//! In an adopted text, the marks a negotiation leaves in a draft: words in square brackets that
//! hold a placeholder ("[to be confirmed]", "[TBC]", "[date]", "[...]", "[XX]"), an alternative
//! ("[alt: ...]", "[Option 2: ...]", "[agreed/decided]") or that are written against another
//! bracket as its alternative ("[agree][decide]", one diagnostic for the run); the placeholders "TBC", "TBD", "TBA" in the prose; "XX"
//! for a day or a number beside a month ("XX June 2023"); and the same in the Chinese brackets
//! "【】" and "［］" ("【待定】").
//!
//! A text is adopted when its header says `status: adopted`, or, without a `status:`, when it
//! states the date it was adopted (`adopted:`). A text marked `status: draft` is still
//! negotiated, and its brackets are its working marks: nothing is reported.
//!
//! Square brackets of an editor are not residue and are left alone: "[Original: French]",
//! "[sic]", "[...]" for words left out of a quotation, a note such as "[details attached]" or "[without reference to a Main Committee
//! (A/80/L.5)]", and words an editor supplied ("\[the Commonwealth,\]"). Footnote markers
//! `[^1]` and links `[words](url)` are syntax and never read as brackets; nor is a Roman "XX"
//! ("resolution 51 (XX)").
//!
//! ## Why it matters
//!
//! Brackets in a negotiated text mean "not agreed". Left in the text that Ministers adopted,
//! they say that the words are still open, and a placeholder left in ("on XX June") is a fact
//! that nobody filled in. It is an error: the adopted text is not what was agreed.
//!
//! ## Example
//!
//! ```text
//! adopted: 2007-10-31
//!
//! 16. Ministers noted that the second Meeting will be held in [Europe][Asia] in [TBC].
//! ```
//!
//! ## How to fix
//!
//! Write the words that were agreed and delete the brackets and placeholders; if the text is
//! still a draft, say so in the header with `status: draft`.

use super::{at, before};
use crate::analysis::prose::Passage;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::negotiation-residue",
    default_severity: Severity::Error,
    summary: "brackets or placeholders of a negotiation left in an adopted text",
    source_file: include_str!("negotiation_residue.rs"),
    run,
};

const BRACKETS: &[(char, char)] = &[('[', ']'), ('【', '】'), ('［', '］')];

/// Placeholders, in lower case: a bracket that holds one of them, alone, is residue.
const PLACEHOLDERS: &[&str] = &[
    "",
    "...",
    "…",
    "xx",
    "xxx",
    "tbc",
    "tbd",
    "tba",
    "to be confirmed",
    "to be determined",
    "to be decided",
    "to be agreed",
    "to be added",
    "to be completed",
    "pending",
    "placeholder",
    "date",
    "place",
    "name",
    "number",
    "title",
    "country",
    "待定",
    "待确认",
    "待补充",
];

/// Words that begin an alternative of a draft, in lower case, less a number or colon after
/// them: "[alt: ...]", "[Option 2 ...]"; in Chinese, 备选 ("alternative").
const ALTERNATIVES: &[&str] = &["alt", "alt.", "alternative", "option"];

/// Placeholder words of the prose outside brackets, as written.
const PLACEHOLDER_WORDS: &[&str] = &["TBC", "TBD", "TBA"];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    if !cx.document.adopted() {
        return;
    }
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            brackets(passage, out);
            placeholders(passage, out);
        }
    }
}

/// A diagnostic on residue at `range` of the passage.
fn residue(passage: &Passage, range: std::ops::Range<usize>, what: &str) -> Diagnostic {
    let written = &passage.text[range.clone()];
    Diagnostic::error(
        CHECK.code,
        format!("`{written}` is {what}, left in an adopted text"),
    )
    .primary(passage.span(range), "not agreed words")
    .help("write the words that were agreed, or mark the text `status: draft` if it is one")
}

/// The bracketed stretches that are residue.
fn brackets(passage: &Passage, out: &mut Vec<Diagnostic>) {
    let text = &passage.text;
    let mut groups = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let leads = super::leads(BRACKETS.iter().flat_map(|&(o, c)| [o, c]));
    for (i, c) in super::chars_led_by(text, &leads) {
        match open {
            None if BRACKETS.iter().any(|b| b.0 == c) => open = Some((i, c)),
            Some((start, o)) if BRACKETS.iter().any(|b| b.0 == o && b.1 == c) => {
                groups.push(start..i + c.len_utf8());
                open = None;
            }
            _ => {}
        }
    }
    for (n, group) in groups.iter().enumerate() {
        let first = text[group.start..].chars().next().map_or(1, char::len_utf8);
        let last = text[..group.end]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        let inside = text[group.start + first..group.end - last].trim();
        let lower = inside.to_lowercase();
        let first_word = lower.split_whitespace().next().unwrap_or("");
        let first_word = first_word.trim_end_matches(|c: char| c.is_ascii_digit() || c == ':');
        // Bracketed stretches written one against the other are the alternatives of a draft
        // ("[agree][decide]"): one diagnostic for the run, at its first.
        let touching = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| a.end == b.start;
        if n > 0 && touching(&groups[n - 1], group) {
            continue;
        }
        let mut run = group.clone();
        for next in &groups[n + 1..] {
            if !touching(&run, next) {
                break;
            }
            run.end = next.end;
        }
        if run != *group {
            out.push(residue(passage, run, "a choice of the draft"));
            continue;
        }
        let what = if PLACEHOLDERS.contains(&lower.as_str())
            || lower
                .chars()
                .all(|c| c == '.' || c == '…' || c == 'x' || c.is_whitespace())
        {
            // "[...]" in a quotation marks words the quoting left out.
            if passage.in_quote(group) {
                continue;
            }
            "a placeholder"
        } else if ALTERNATIVES.contains(&first_word) || lower.starts_with("备选") {
            "an alternative of the draft"
        } else if slashed(inside) {
            "a choice of words of the draft"
        } else {
            continue;
        };
        out.push(residue(passage, group.clone(), what));
    }
}

/// Words offered as a choice, "agreed/decided": letters on both sides of a slash, no digits.
fn slashed(inside: &str) -> bool {
    inside.contains('/')
        && !inside.chars().any(|c| c.is_ascii_digit())
        && inside.split_whitespace().count() <= 3
        && inside.split('/').all(|part| {
            let part = part.trim();
            !part.is_empty() && part.chars().all(|c| c.is_alphabetic() || c == ' ')
        })
}

/// The placeholders of the prose outside brackets: "TBC", and "XX" beside a month.
fn placeholders(passage: &Passage, out: &mut Vec<Diagnostic>) {
    let text = &passage.text;
    let words: Vec<_> = passage.words().collect();
    for (n, word) in words.iter().enumerate() {
        let written = &text[word.clone()];
        let month = |i: Option<usize>| {
            i.and_then(|i| words.get(i))
                .is_some_and(|w| crate::dates::month(&text[w.clone()]).is_some())
        };
        let placeholder = PLACEHOLDER_WORDS.contains(&written)
            || (matches!(written, "XX" | "xx") && (month(n.checked_sub(1)) || month(Some(n + 1))));
        // A word inside brackets is the brackets' business.
        let bracketed = || {
            before(text, word.start).is_some_and(|c| BRACKETS.iter().any(|b| b.0 == c))
                && at(text, word.end).is_some_and(|c| BRACKETS.iter().any(|b| b.1 == c))
        };
        if placeholder && !bracketed() {
            out.push(residue(passage, word.clone(), "a placeholder"));
        }
    }
}
