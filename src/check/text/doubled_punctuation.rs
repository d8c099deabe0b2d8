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
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            let text = &passage.text;
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            let mut i = 0;
            while i < chars.len() {
                let (start, c) = chars[i];
                let run = chars[i..].iter().take_while(|(_, d)| *d == c).count();
                // Three full stops or more are an ellipsis.
                let doubled = MARKS.contains(&c) && (run == 2 || (run > 2 && c != '.'));
                if doubled {
                    let end = chars.get(i + run).map_or(text.len(), |&(at, _)| at);
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
                i += run;
            }
        }
    }
}
