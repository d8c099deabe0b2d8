//! ## What it finds
//!
//! Characters that a wrong decoding put in place of others: the pairs that UTF-8 read as Latin-1
//! or Windows-1252 leaves ("Ã©" for "é", "â€™" for "’", "â€œ" for "“", "Â " before a space), and
//! the replacement character "�" (U+FFFD) that stands where a character could not be read.
//!
//! ## Why it matters
//!
//! Such a text has lost its letters: names of States and people are misspelt in a way no
//! reader can undo, and a printed declaration with "Cï¿½te dâ€™Ivoire" is unusable. The fault
//! is in how the text was copied or converted, so every accent of the text is suspect; it is an
//! error.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers welcomed the Declaration of Bogotá and the Ministersâ€™ report.
//! ```
//!
//! ## How to fix
//!
//! Copy the text again from its source with the right encoding (UTF-8), or write the characters
//! meant: "é", "’".

use std::ops::Range;

use crate::analysis::prose::Passage;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "text::mojibake",
    default_severity: Severity::Error,
    summary: "characters garbled by a wrong decoding",
    source_file: include_str!("mojibake.rs"),
    run,
};

/// What the characters of a wrong decoding stood for, where it is certain.
const MEANT: &[(&str, &str)] = &[
    ("â€™", "’"),
    ("â€˜", "‘"),
    ("â€œ", "“"),
    ("â€\u{9D}", "”"),
    ("â€“", "–"),
    ("â€”", "—"),
    ("â€¢", "•"),
    ("â€¦", "…"),
    ("â¢", "•"),
];

/// The garbled places shown as labels; the message counts them all.
const SHOWN: usize = 8;

/// Leads of two-byte characters read as Latin-1: "Ã" and "Â" (accented Latin letters, the
/// no-break space), "Ä" and "Å" (Latin Extended-A), "Î" and "Ï" (Greek), "Ð" and "Ñ" (Cyrillic).
pub const LEADS: &[char] = &['Ã', 'Â', 'Ä', 'Å', 'Î', 'Ï', 'Ð', 'Ñ'];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        // One wrong decoding garbles the whole version: one diagnostic shows every place.
        let mut found = Vec::new();
        for passage in cx.prose(info.index) {
            garbled(passage, &mut found);
        }
        let Some((first, garbled, meant)) = found.first() else {
            continue;
        };
        let count = found.len();
        let message = match meant {
            None => "a character of the text was lost in a wrong decoding".to_string(),
            Some(meant) => format!("`{garbled}` is `{meant}` garbled by a wrong decoding"),
        };
        let message = if count > 1 {
            format!("{message}, and {} more garbled place(s)", count - 1)
        } else {
            message
        };
        let label = |garbled: &str, meant: &Option<String>| match meant {
            None => "the replacement character: a character was lost here".to_string(),
            Some(meant) => format!("`{garbled}` for `{meant}`"),
        };
        let mut diagnostic =
            Diagnostic::error(CHECK.code, message).primary(*first, label(garbled, meant));
        for (span, garbled, meant) in found.iter().skip(1).take(SHOWN - 1) {
            diagnostic = diagnostic.secondary(*span, label(garbled, meant));
        }
        out.push(
            diagnostic.help(
                "copy the text again from its source as UTF-8, or write the characters meant",
            ),
        );
    }
}

/// The garbled places of a passage: where, what is written, and what was meant if it is known.
fn garbled(passage: &Passage, found: &mut Vec<(Span, String, Option<String>)>) {
    for (range, meant) in garbled_places(passage) {
        let written = passage.text[range.clone()].to_string();
        found.push((passage.span(range), written, meant));
    }
}

/// The ranges of a passage's text that a wrong decoding garbled, each with what was meant if it
/// is known. Other checks of words leave these places to this one.
pub(crate) fn garbled_places(passage: &Passage) -> Vec<(Range<usize>, Option<String>)> {
    let mut found = Vec::new();
    let text = &passage.text;
    // Every garbled place starts with U+FFFD, `â` or a character of `LEADS`.
    let leads = super::leads(LEADS.iter().copied().chain(['\u{FFFD}', 'â']));
    // Where the last place found ended: a place does not start inside another.
    let mut after = 0;
    for (at, c) in super::chars_led_by(text, &leads) {
        if at < after {
            continue;
        }
        let next = text[at + c.len_utf8()..].chars().next();
        let place = if c == '\u{FFFD}' {
            Some((c.len_utf8(), None))
        } else if let Some((garbled, meant)) = (c == 'â')
            .then(|| {
                MEANT
                    .iter()
                    .find(|(garbled, _)| text[at..].starts_with(garbled))
            })
            .flatten()
        {
            Some((garbled.len(), Some(meant.to_string())))
        } else if LEADS.contains(&c)
            && next.is_some_and(|d| ('\u{80}'..='\u{BF}').contains(&d) || cp1252(d))
        {
            // A lead byte of a two-byte character read as Latin-1, then its second byte.
            let d = next.unwrap_or(' ');
            let bytes = [c as u32 as u8, second(d)];
            let meant = std::str::from_utf8(&bytes).ok().map(str::to_string);
            Some((c.len_utf8() + d.len_utf8(), meant))
        } else {
            None
        };
        let Some((len, meant)) = place else {
            continue;
        };
        let range = at..at + len;
        after = range.end;
        found.push((range, meant));
    }
    found
}

/// Whether a character is one Windows-1252 puts in place of a byte 0x80-0x9F.
fn cp1252(c: char) -> bool {
    "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

/// The byte a Latin-1 or Windows-1252 character stood for.
fn second(c: char) -> u8 {
    const CP1252: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    match CP1252.chars().position(|d| d == c) {
        Some(i) => 0x80 + i as u8,
        None => c as u32 as u8,
    }
}
