//! ## What it finds
//!
//! Characters that cannot be seen but change the text: the zero-width space (U+200B), the word
//! joiner (U+2060), a byte-order mark inside the text (U+FEFF), the soft hyphen (U+00AD), the
//! control characters (U+0000-U+001F but the tab and line break, U+007F-U+009F), and the
//! marks that override the direction of writing (U+202A-U+202E, U+2066-U+2069).
//!
//! ## Why it matters
//!
//! An invisible character splits a word for every search and every comparison ("Pre\u{AD}sident"
//! is not "President" to a search of the signed text), may print as a box or a hyphen in the
//! middle of a line, and a direction override makes the printed words read otherwise than the
//! file. They come from copying out of word processors and web pages.
//!
//! ## Example
//!
//! ```text
//! 1. The Pre­sident of the Conference opened the meeting.
//! ```
//!
//! (The word "President" above holds a soft hyphen.)
//!
//! ## How to fix
//!
//! Delete the character; the words read the same without it.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::invisible-character",
    default_severity: Severity::Warning,
    summary: "an invisible or control character in the words",
    source_file: include_str!("invisible_character.rs"),
    run,
};

/// The name of an invisible character, or `None` for a visible one.
fn invisible(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "a zero-width space",
        '\u{2060}' => "a word joiner",
        '\u{FEFF}' => "a byte-order mark",
        '\u{00AD}' => "a soft hyphen",
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "a mark overriding the direction of writing"
        }
        '\t' | '\n' | '\r' => return None,
        c if c.is_control() => "a control character",
        _ => return None,
    })
}

/// The characters `invisible` names, by the first bytes of their encodings: the control
/// characters, and those of the marks it names.
fn invisible_leads() -> super::Leads {
    super::leads(('\0'..='\u{1F}').chain('\u{7F}'..='\u{9F}').chain([
        '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{202A}', '\u{2066}',
    ]))
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = invisible_leads();
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            for (at, c) in super::chars_led_by(&passage.text, &leads) {
                let Some(name) = invisible(c) else {
                    continue;
                };
                let code = format!("U+{:04X}", c as u32);
                out.push(
                    Diagnostic::warning(CHECK.code, format!("{name} ({code}) in the text"))
                        .primary(
                            passage.span(at..at + c.len_utf8()),
                            format!("{code} is here"),
                        )
                        .help("delete it: it cannot be seen, but searches and the print see it"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{invisible, invisible_leads};
    use crate::check::text::lead_byte;

    #[test]
    fn every_invisible_character_starts_with_a_byte_the_check_stops_at() {
        let leads = invisible_leads();
        let missed: Vec<char> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| invisible(c).is_some())
            .filter(|&c| !leads.has(lead_byte(c)))
            .collect();
        assert!(missed.is_empty(), "{missed:?}");
    }
}
