//! ## What it finds
//!
//! A full stop, comma, semicolon, colon, question or exclamation mark directly followed by a
//! word that starts with a capital letter, with no space between: "cooperation.It", "States
//! Parties,Reaffirming".
//!
//! Only a mark between two words of letters is read: the word before has two letters or more
//! and ends in a small letter (or is a number of two digits or more before a comma or
//! semicolon: "1992,Desiring"), and the word after is a capital followed by small letters. So
//! abbreviations and initials ("U.S.", "D.C.", "e.g.", "p.m.", "A.R. Parsons", "Ph.D."),
//! numbers ("3.5", "No.5", "1,000"), references ("A.IV.1"), compounds ("U.S.-Pacific") and web
//! addresses are left alone.
//!
//! ## Why it matters
//!
//! The space after a sentence is lost when a text is joined from pieces or copied from a
//! layout; the two words then read as one, a spelling checker stumbles on them, and a printed
//! line cannot break there.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers welcomed the progress of cooperation.It was agreed to meet again.
//! ```
//!
//! ## How to fix
//!
//! Put a space after the mark.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::missing-space",
    default_severity: Severity::Warning,
    summary: "no space after a sentence or a comma, before a capital",
    source_file: include_str!("missing_space.rs"),
    run,
};

const MARKS: &[char] = &['.', ',', ';', ':', '?', '!'];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = super::leads(MARKS.iter().copied());
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            for (at, mark) in super::chars_led_by(text, &leads) {
                // What follows the mark first: a capital and a small letter right after it,
                // which almost no mark has (a space comes between).
                let after = &text[at + mark.len_utf8()..];
                let mut next = after.chars();
                let (Some(capital), Some(small)) = (next.next(), next.next()) else {
                    continue;
                };
                if !capital.is_uppercase() || !small.is_lowercase() {
                    continue;
                }
                let before: Vec<char> = text[..at]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect();
                // The word before: two letters or more, ending in a small letter, and not an
                // abbreviation with stops inside ("e.g", "i.e").
                let word_start = at - before.iter().map(|c| c.len_utf8()).sum::<usize>();
                let inner_stop = text[..word_start].ends_with('.');
                // Or a year or number before a comma or semicolon ("1992,Desiring"); after a
                // full stop, a number is a paragraph's own ("1.The", reported as damaged).
                let digits = text[..at]
                    .chars()
                    .rev()
                    .take_while(char::is_ascii_digit)
                    .count();
                let number = digits >= 2 && matches!(mark, ',' | ';');
                let word = before.len() >= 2 && before[0].is_lowercase() && !inner_stop;
                if !word && !number {
                    continue;
                }
                let end = at + mark.len_utf8() + capital.len_utf8() + small.len_utf8();
                let range = at..end;
                let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
                let shown: String = if word {
                    before.iter().rev().collect()
                } else {
                    text[at - digits..at].to_string()
                };
                out.push(
                    Diagnostic::warning(
                        CHECK.code,
                        format!("no space between `{shown}{mark}` and `{next_word}`"),
                    )
                    .primary(passage.span(range), "a space is missing after this mark")
                    .help(format!("write `{shown}{mark} {next_word}`")),
                );
            }
        }
    }
}
