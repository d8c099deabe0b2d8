//! ## What it finds
//!
//! The same word twice in a row, with only spaces or a line break between: "the the",
//! "Ministers Ministers", also across the end of one line and the start of the next, where a
//! drafter rereading on screen misses it most. Case does not matter ("The the").
//!
//! Words that English doubles in correct sentences ("that that", "had had") are left alone, as
//! are numbers ("10 10" is more often a table than a slip).
//!
//! ## Why it matters
//!
//! A doubled word is the commonest slip of a tired drafter, and it survives into signed texts
//! because the eye reads the word once.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers welcomed the
//! the progress made since the first meeting.
//! ```
//!
//! ## How to fix
//!
//! Delete one of the two words, or correct the one that should be another word ("is is" for
//! "it is").

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::doubled-word",
    default_severity: Severity::Warning,
    summary: "the same word twice in a row",
    source_file: include_str!("doubled_word.rs"),
    run,
};

/// Words that correct English may write twice in a row.
const MAY_DOUBLE: &[&str] = &["that", "had"];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let mut words = passage.words().peekable();
            while let Some(word) = words.next() {
                let Some(next) = words.peek() else {
                    break;
                };
                let (first, second) = (&passage.text[word.clone()], &passage.text[next.clone()]);
                let between = &passage.text[word.end..next.start];
                if !between.chars().all(char::is_whitespace)
                    || !first.eq_ignore_ascii_case(second)
                    || first.chars().all(|c| c.is_numeric())
                    || MAY_DOUBLE.contains(&first.to_lowercase().as_str())
                {
                    continue;
                }
                out.push(
                    Diagnostic::warning(CHECK.code, format!("`{first}` is written twice"))
                        .primary(passage.span(next.clone()), "the same word again")
                        .secondary(passage.span(word.clone()), "first here")
                        .help(format!(
                            "delete one `{first}`, or correct the one that should be another word"
                        )),
                );
            }
        }
    }
}
