//! ## What it finds
//!
//! A mark of punctuation written twice in a row: ",,", ";;", "::", two full stops "..", and
//! the Chinese "。。", "，，", "；；", "：：", "、、". Three full stops or more are an ellipsis and
//! are left alone, as is the ellipsis character "…".
//!
//! ## Why it matters
//!
//! A doubled mark is a slip of the keyboard, often left where a sentence was cut or joined; in
//! a printed declaration it looks careless, and ".." may hide a word deleted by mistake.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers welcomed the progress made since the first meeting..
//! ```
//!
//! ## How to fix
//!
//! Delete one of the two marks; if words were lost between them, restore the words.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::doubled-punctuation",
    default_severity: Severity::Warning,
    summary: "a mark of punctuation written twice in a row",
    source_file: include_str!("doubled_punctuation.rs"),
    run,
};

/// The marks that are never written twice.
const MARKS: &[char] = &[',', ';', ':', '.', '。', '，', '；', '：', '、'];

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let leads = super::leads(MARKS.iter().copied());
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            // Where the last run of marks ended: the marks inside it are not runs of their own.
            let mut after = 0;
            for (start, c) in super::chars_led_by(text, &leads) {
                if start < after || !MARKS.contains(&c) {
                    continue;
                }
                let run = text[start..].chars().take_while(|&d| d == c).count();
                let end = start + run * c.len_utf8();
                after = end;
                // Three full stops or more are an ellipsis.
                let doubled = run == 2 || (run > 2 && c != '.');
                if doubled {
                    let range = start..end;
                    out.push(
                        Diagnostic::warning(
                            CHECK.code,
                            match run {
                                2 => format!("`{c}` is written twice"),
                                n => format!("`{c}` is written {n} times in a row"),
                            },
                        )
                        .primary(passage.span(range.clone()), "the same mark again")
                        .help(format!("keep one `{c}`")),
                    );
                }
            }
        }
    }
}
