//! ## What it finds
//!
//! A quotation in single curly quotes opened with "‘" and never closed in its paragraph, and the
//! Chinese corner brackets "「」" and "『』" opened and not closed or closed and not opened.
//!
//! Double quotes, straight or curly (also the Chinese “”), are read by the syntax, which reports
//! them itself; a "‘" closed by a "”" is that one slip, reported by the syntax at the "”". A lone "’" is not reported: it is also the apostrophe ("Ministers’", "don’t"), so
//! only the opening mark is known to be a quotation mark.
//!
//! ## Why it matters
//!
//! A quotation left open leaves the reader unsure which words are quoted: the name of a
//! programme, the title of a document, or the words of a former declaration.
//!
//! ## Example
//!
//! ```text
//! 1. The Conference welcomed the ‘Belt and Road initiative and its aims.
//! ```
//!
//! ## How to fix
//!
//! Close the quotation where the quoted words end, with the mark that matches ("’", "」", "』").

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::unbalanced-quote",
    default_severity: Severity::Warning,
    summary: "a single or corner quotation mark opened and not closed",
    source_file: include_str!("unbalanced_quote.rs"),
    run,
};

const CORNERS: &[(char, char)] = &[('「', '」'), ('『', '』')];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = super::leads(['‘', '’', '「', '『', '」', '』']);
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            // A ‘ is closed by the first ’ after it that is not an apostrophe inside a word.
            let mut single: Vec<usize> = Vec::new();
            let mut corners: Vec<(usize, char)> = Vec::new();
            for (at, c) in super::chars_led_by(text, &leads) {
                match c {
                    // A "‘" right after "Î" or "â€" is the second byte of a garbled character,
                    // reported by `text::mojibake`.
                    '‘' if super::before(text, at)
                        .is_some_and(|b| super::mojibake::LEADS.contains(&b) || b == '€') => {}
                    '‘' => single.push(at),
                    '’' if !inside_word(text, at) => {
                        single.pop();
                    }
                    '「' | '『' => corners.push((at, c)),
                    '」' | '』' => {
                        let opener = CORNERS.iter().find(|p| p.1 == c).map_or(' ', |p| p.0);
                        if corners.last().is_some_and(|&(_, o)| o == opener) {
                            corners.pop();
                        } else {
                            out.push(
                                Diagnostic::warning(
                                    CHECK.code,
                                    format!("`{c}` closes no quotation"),
                                )
                                .primary(passage.span(at..at + c.len_utf8()), "closed here")
                                .help(format!(
                                    "open the quotation with `{opener}`, or delete this mark"
                                )),
                            );
                        }
                    }
                    _ => {}
                }
            }
            // A "‘" closed by "”" is one slip that the syntax reports at the "”" that closes
            // nothing.
            let stray_double = |at: usize| {
                text[at..]
                    .char_indices()
                    .any(|(i, c)| c == '”' && !passage.in_quote(&(at + i..at + i + 3)))
            };
            let open = single
                .into_iter()
                .filter(|&at| !stray_double(at))
                .map(|at| (at, '‘', '’'))
                .chain(corners.into_iter().map(|(at, o)| {
                    (
                        at,
                        o,
                        CORNERS.iter().find(|p| p.0 == o).map_or(' ', |p| p.1),
                    )
                }));
            for (at, o, close) in open {
                out.push(
                    Diagnostic::warning(
                        CHECK.code,
                        format!("the quotation opened with `{o}` is never closed"),
                    )
                    .primary(passage.span(at..at + o.len_utf8()), "opened here")
                    .help(format!(
                        "close it with `{close}` where the quoted words end"
                    )),
                );
            }
        }
    }
}

/// Whether the mark at `at` stands between two letters, as an apostrophe does.
fn inside_word(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().nth(1);
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}
