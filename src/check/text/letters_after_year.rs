//! ## What it finds
//!
//! A year written after the name of a month with letters stuck to it: "On the 23rd day of June
//! 2018m", "in October 2007a". A date has nothing after its year but a space or a mark of
//! punctuation, so the letters are a slip of the keyboard or the start of a word that lost its
//! space.
//!
//! Only a year after a month is read: a number with letters elsewhere may be a measure
//! ("1850m" for metres) or a document symbol. A year marked as a fact (`{2018m = year}`) is
//! left to the facts, which report that it does not read.
//!
//! ## Why it matters
//!
//! A date is what a reader and a registry read first; a year that does not read as one makes
//! the date of the text uncertain, and a marked fact with it does not read at all.
//!
//! ## Example
//!
//! ```text
//! On the 23rd day of June 2018m, the 2018 World SME Conference is held in Beijing.
//! ```
//!
//! ## How to fix
//!
//! Delete the letters after the year, or put back the space before the word they begin.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::letters-after-year",
    default_severity: Severity::Warning,
    summary: "letters stuck to the year of a date",
    source_file: include_str!("letters_after_year.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            let words: Vec<_> = passage.words().collect();
            for pair in words.windows(2) {
                let (month, year) = (&text[pair[0].clone()], &text[pair[1].clone()]);
                // The year is looked at first: few words are one, and reading a month name
                // takes a copy of the word.
                let digits = year.chars().take_while(char::is_ascii_digit).count();
                let letters = &year[digits..];
                let is_year = digits == 4 && matches!(&year[..2], "18" | "19" | "20");
                if !is_year || letters.is_empty() || !letters.chars().all(char::is_alphabetic) {
                    continue;
                }
                // A marked fact that does not read is reported by the facts already.
                if crate::dates::month(month).is_none()
                    || !text[pair[0].end..pair[1].start]
                        .chars()
                        .all(char::is_whitespace)
                    || passage.in_fact(&pair[1])
                {
                    continue;
                }
                let stuck = pair[1].start + digits..pair[1].end;
                out.push(
                    Diagnostic::warning(
                        CHECK.code,
                        format!("`{letters}` is stuck to the year in `{month} {year}`"),
                    )
                    .primary(passage.span(stuck), "letters after the year")
                    .secondary(passage.span(pair[1].start..pair[1].start + digits), "the year")
                    .help(format!(
                        "write `{month} {}`, or put back the space before the word `{letters}` begins",
                        &year[..digits]
                    )),
                );
            }
        }
    }
}
