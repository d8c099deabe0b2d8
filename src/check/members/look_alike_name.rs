//! ## What it finds
//!
//! A member's name in the annex, or the header's `host:`, with a character that makes it look
//! like a name it is not: one that prints as nothing (a zero-width space, a direction mark, a
//! soft hyphen), or a letter of another script that looks like a letter of the name's own (a
//! Cyrillic `а` in `China`, a Greek `Ο` in `Oman`).
//!
//! ## Why it matters
//!
//! Such a name prints exactly like the member's, but every search, every comparison and every
//! tool that reads the text takes it for another word: the list seems to hold the member
//! while a search of the signed text for it finds nothing. plenary reads the name as the one it
//! looks like (so `Chinа` is China, counted once, and a second line of it is a duplicate), and
//! says here which character is not what it seems. These characters come from copying names
//! out of web pages, PDFs and word processors.
//!
//! ## Example
//!
//! ```text
//! annex: List of members (2)
//! - Chinа
//! - Japan
//! ```
//!
//! (The `а` of `Chinа` above is the Cyrillic letter.)
//!
//! ## How to fix
//!
//! Type the name again, or delete and retype the character plenary names.

use crate::check::members::names;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;
use crate::unicode::{repaired, written_out};

pub const CHECK: Check = Check {
    code: "members::look-alike-name",
    default_severity: Severity::Error,
    summary: "a member's name with an invisible character or a letter from another script",
    source_file: include_str!("look_alike_name.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for named in names(cx) {
        let Some((reads_as, found)) = repaired(named.name) else {
            continue;
        };
        let Some(first) = found.first() else {
            continue;
        };
        let what = |c: char, looks_like: &Option<String>| match looks_like {
            Some(letter) => format!(
                "`{c}` (U+{:04X}) is not the letter `{letter}` of the rest of the name but one \
                 of another script that looks like it",
                c as u32
            ),
            None => format!("U+{:04X}, which prints as nothing", c as u32),
        };
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "the {} `{}` prints like `{reads_as}` but is another word: {}",
                named.role,
                written_out(named.name, &found),
                what(first.character, &first.looks_like)
            ),
        );
        for look_alike in &found {
            let at = named.span.start as usize + look_alike.at;
            let label = match &look_alike.looks_like {
                Some(letter) => format!("not the letter `{letter}`"),
                None => format!("an invisible U+{:04X}", look_alike.character as u32),
            };
            diagnostic =
                diagnostic.primary(Span::new(at, at + look_alike.character.len_utf8()), label);
        }
        let more = found.len() - 1;
        if more > 0 {
            diagnostic = diagnostic.note(format!(
                "{more} more such character{} in the name",
                if more == 1 { "" } else { "s" }
            ));
        }
        out.push(diagnostic.help(format!(
            "type the name again as `{reads_as}`; plenary reads it as that name meanwhile"
        )));
    }
}
