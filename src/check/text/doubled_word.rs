//! ## What it finds
//!
//! The same word twice in a row, with only spaces or a line break between: "the the",
//! "Ministers Ministers", also across the end of one line and the start of the next, where a
//! drafter rereading on screen misses it most. Case does not matter ("The the").
//!
//! Words that English doubles in correct sentences ("that that", "had had") are left alone, as
//! are numbers ("10 10" is more often a table than a slip) and names doubled on purpose, the same
//! word with its capital both times that English has as no word in lower case ("Pago Pago",
//! "Bora Bora", "Kyaw Kyaw").
//!
//! In Chinese, where words are not set apart by spaces and many characters are doubled on
//! purpose (常常, 人人, 个个都, 一个个), it finds only a measure word doubled right after a number
//! in digits: "45个个成员", "第2届届". A number takes its measure word once, so there the
//! doubling can only be a slip.
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
//! ```text
//! 来自45个个亚欧会议成员的中小企业部长出席了会议。
//! ```
//!
//! ## How to fix
//!
//! Delete one of the two words, or correct the one that should be another word ("is is" for
//! "it is").

use crate::analysis::prose::Passage;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::spelling::{Dictionary, Spelling};

pub const CHECK: Check = Check {
    code: "text::doubled-word",
    default_severity: Severity::Warning,
    summary: "the same word twice in a row",
    source_file: include_str!("doubled_word.rs"),
    run,
};

/// Words that correct English may write twice in a row.
const MAY_DOUBLE: &[&str] = &["that", "had"];

/// Chinese measure words that follow a number, each with the characters that begin a word with
/// it: after "45个" the word 个人 ("individual") may follow ("45个个人会员", forty-five individual
/// members), so 个个人 is no slip, but 个个 before anything else is.
const MEASURE_WORDS: &[(char, &str)] = &[
    ('个', "别人体性案"),
    ('届', "会"),
    ('名', "单称义字额"),
    ('项', "目"),
    ('次', "序要"),
];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            doubled_measure_words(passage, out);
            let mut words = passage.words().peekable();
            while let Some(word) = words.next() {
                let Some(next) = words.peek() else {
                    break;
                };
                let (first, second) = (&passage.text[word.clone()], &passage.text[next.clone()]);
                let between = &passage.text[word.end..next.start];
                // The cheapest test first: most neighbours differ in length.
                if !first.eq_ignore_ascii_case(second)
                    || !between.chars().all(char::is_whitespace)
                    || first.chars().all(|c| c.is_numeric())
                    || MAY_DOUBLE.contains(&first.to_lowercase().as_str())
                    || doubled_name(first, second)
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

/// Whether two words are a name written twice on purpose: the same word with its capital both
/// times that English has as no word in lower case ("Pago Pago", "Bora Bora", the Myanmar
/// names "Kyaw Kyaw" and "Aung Aung"). "Committee Committee" and "The The" are words, doubled
/// by a slip.
fn doubled_name(first: &str, second: &str) -> bool {
    first == second
        && first.starts_with(char::is_uppercase)
        && !Dictionary::english().accepts(&first.to_lowercase(), Spelling::Either)
}

/// A measure word doubled after a number in digits: "45个个".
fn doubled_measure_words(passage: &Passage, out: &mut Vec<Diagnostic>) {
    let text = &passage.text;
    // Looked for only after a digit, which few characters are: the text is passed over to its
    // digits a byte at a time.
    let digits = super::leads(('0'..='9').chain('０'..='９'));
    for (digit_at, digit) in super::chars_led_by(text, &digits) {
        if !(digit.is_ascii_digit() || ('０'..='９').contains(&digit)) {
            continue;
        }
        let at = digit_at + digit.len_utf8();
        let Some(c) = super::at(text, at) else {
            continue;
        };
        if let Some((_, compounds)) = MEASURE_WORDS.iter().find(|(m, _)| *m == c) {
            let next = at + c.len_utf8();
            if let Some(d) = super::at(text, next) {
                let third = super::at(text, next + d.len_utf8());
                if d == c && !third.is_some_and(|t| compounds.contains(t)) {
                    let first = at..next;
                    let second = next..next + d.len_utf8();
                    out.push(
                        Diagnostic::warning(CHECK.code, format!("`{c}` is written twice"))
                            .primary(passage.span(second), "the same measure word again")
                            .secondary(passage.span(first), "first here")
                            .help(format!(
                                "a number takes its measure word once: delete one `{c}`"
                            )),
                    );
                }
            }
        }
    }
}
