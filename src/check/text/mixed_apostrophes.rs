//! ## What it finds
//!
//! A version that writes its apostrophes both ways: curly "’" in some words ("Ministers’",
//! "China’s") and straight "'" in others ("members' participation"). The straight apostrophes
//! are reported, all in one diagnostic for the version: the text chose the curly one, and the
//! straight ones are the exceptions to bring in line.
//!
//! A version that uses only one kind, either kind, is consistent and is left alone.
//!
//! ## Why it matters
//!
//! Two kinds of apostrophe in one text show that it was put together from pieces typed in
//! different places; a search for "China’s" misses "China's", and the printed page mixes two
//! shapes of the same mark.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers appreciated China’s decision to facilitate members' participation.
//! ```
//!
//! ## How to fix
//!
//! Write every apostrophe as "’", the one the text uses elsewhere.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::mixed-apostrophes",
    default_severity: Severity::Warning,
    summary: "straight apostrophes in a text that writes them curly",
    source_file: include_str!("mixed_apostrophes.rs"),
    run,
};

/// The straight apostrophes shown as labels; the count says how many there are in all.
const SHOWN: usize = 8;

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = super::leads(['\'', '’']);
    for info in &cx.analysis.versions {
        let mut curly = None;
        let mut straight = Vec::new();
        for passage in cx.prose(info.index) {
            for (at, c) in super::chars_led_by(&passage.text, &leads) {
                if !matches!(c, '\'' | '’') || !apostrophe(&passage.text, at) {
                    continue;
                }
                let span = passage.span(at..at + c.len_utf8());
                if c == '’' {
                    curly.get_or_insert(span);
                } else {
                    straight.push(span);
                }
            }
        }
        let (Some(curly), Some(&first)) = (curly, straight.first()) else {
            continue;
        };
        let count = straight.len();
        let mut diagnostic = Diagnostic::warning(
            CHECK.code,
            if count == 1 {
                "a straight apostrophe in a text that writes them curly".to_string()
            } else {
                format!("{count} straight apostrophes in a text that writes them curly")
            },
        )
        .primary(first, "a straight apostrophe")
        .secondary(curly, "the text writes `’`");
        for &span in straight.iter().skip(1).take(SHOWN - 1) {
            diagnostic = diagnostic.secondary(span, "straight too");
        }
        let more = count.saturating_sub(SHOWN);
        let help = if more > 0 {
            format!("write `’` for each of them, here and in the {more} other places")
        } else {
            "write `’` for each of them".to_string()
        };
        out.push(diagnostic.help(help));
    }
}

/// Whether the mark at `at` is an apostrophe: after a letter, and before a letter ("China's")
/// or after a plural "s" ("members' participation").
fn apostrophe(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().nth(1);
    before.is_some_and(char::is_alphabetic)
        && (after.is_some_and(char::is_alphabetic) || before == Some('s'))
}
