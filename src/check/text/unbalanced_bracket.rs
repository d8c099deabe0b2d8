//! ## What it finds
//!
//! A parenthesis or bracket opened and not closed within its paragraph, or closed without being
//! opened: "(", ")", "[", "]", and the Chinese "（", "）", "【", "】", "［", "］". A bracket closed
//! by the other kind ("(see annex]") is reported too.
//!
//! A closing parenthesis after a letter or number that begins a list item ("1) trade, 2)
//! investment"; "a) ...") is the item's number, not a bracket, and is left alone. Footnote
//! markers and links are not part of the words and are never counted.
//!
//! ## Why it matters
//!
//! A bracket left open makes the reader wonder where the aside ends, and often marks words or a
//! web address lost in copying ("a website ( to facilitate"). In a negotiated text, it may be a
//! bracket of the negotiation whose other half was deleted.
//!
//! ## Example
//!
//! ```text
//! 13. Ministers appreciated the website ( to facilitate members' participation.
//! ```
//!
//! ## How to fix
//!
//! Close the bracket where the aside ends, or restore the words that were lost; delete a
//! bracket that has no other half.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::unbalanced-bracket",
    default_severity: Severity::Warning,
    summary: "a bracket opened and not closed, or closed and not opened",
    source_file: include_str!("unbalanced_bracket.rs"),
    run,
};

const PAIRS: &[(char, char)] = &[
    ('(', ')'),
    ('[', ']'),
    ('（', '）'),
    ('【', '】'),
    ('［', '］'),
];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = super::leads(PAIRS.iter().flat_map(|&(o, c)| [o, c]));
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            let mut open: Vec<(usize, char)> = Vec::new();
            for (at, c) in super::chars_led_by(text, &leads) {
                if PAIRS.iter().any(|&(o, _)| o == c) {
                    open.push((at, c));
                    continue;
                }
                let Some(&(opener, _)) = PAIRS.iter().find(|&&(_, close)| close == c) else {
                    continue;
                };
                match open.last() {
                    Some(&(_, o)) if o == opener => {
                        open.pop();
                    }
                    Some(&(start, o)) => {
                        let close = PAIRS.iter().find(|p| p.0 == o).map_or(' ', |p| p.1);
                        out.push(
                            Diagnostic::warning(CHECK.code, format!("`{o}` is closed by `{c}`"))
                                .primary(passage.span(at..at + c.len_utf8()), "closed here")
                                .secondary(passage.span(start..start + o.len_utf8()), "opened here")
                                .help(format!("close `{o}` with `{close}`")),
                        );
                        open.pop();
                    }
                    None if c == ')' && list_number(text, at) => {}
                    None => out.push(
                        Diagnostic::warning(CHECK.code, format!("`{c}` closes nothing"))
                            .primary(
                                passage.span(at..at + c.len_utf8()),
                                "no bracket opened before",
                            )
                            .help(format!(
                                "open it with `{opener}` where the aside begins, or delete it"
                            )),
                    ),
                }
            }
            for (at, o) in open {
                let close = PAIRS.iter().find(|p| p.0 == o).map_or(' ', |p| p.1);
                out.push(
                    Diagnostic::warning(CHECK.code, format!("`{o}` is never closed"))
                        .primary(passage.span(at..at + o.len_utf8()), "opened here")
                        .help(format!(
                            "close it with `{close}` where the aside ends, or restore the words \
                             lost after it"
                        )),
                );
            }
        }
    }
}

/// Whether the `)` at `at` ends the number of a list item: one to three letters or digits at
/// the start of the passage or after a space, a comma, a semicolon or a colon.
fn list_number(text: &str, at: usize) -> bool {
    let number: Vec<char> = text[..at]
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric())
        .collect();
    let start = at - number.iter().map(|c| c.len_utf8()).sum::<usize>();
    (1..=3).contains(&number.len())
        && text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ':'))
}
