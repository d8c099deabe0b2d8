//! ## What it finds
//!
//! In a Chinese version, an ASCII comma, full stop, semicolon, colon, question or exclamation
//! mark written after a Chinese character where Chinese sets its own full-width mark:
//! "中国,北京" for "中国，北京", "举行." for "举行。". Marks between digits ("3.5") and in words
//! of Latin letters ("APEC, ASEM") are left alone.
//!
//! A mark is reported only in a version that writes its full-width form elsewhere: a text that
//! writes every comma half width (some texts published on the web do) has made that its style,
//! and one that mixes the two has slips. All the slips of a version are one diagnostic.
//!
//! ## Why it matters
//!
//! Chinese text sets its punctuation full width; a half-width mark between characters looks
//! cramped, does not break lines the way Chinese does, and shows that the text was typed with
//! the wrong input mode or converted from another text.
//!
//! ## Example
//!
//! ```text
//! 1. 首届亚欧会议中小企业部长会议于2007年10月30日至31日在中国,北京举行。部长们认为，合作很重要.
//! ```
//!
//! ## How to fix
//!
//! Write the full-width mark: "，" "。" "；" "：" "？" "！".

use super::{is_chinese, is_han};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::ascii-punctuation-in-chinese",
    default_severity: Severity::Warning,
    summary: "a half-width mark of punctuation in Chinese text",
    source_file: include_str!("ascii_punctuation_in_chinese.rs"),
    run,
};

/// Each ASCII mark with the full-width mark Chinese writes.
const MARKS: &[(char, char)] = &[
    (',', '，'),
    ('.', '。'),
    (';', '；'),
    (':', '：'),
    ('?', '？'),
    ('!', '！'),
];

/// The half-width marks shown as labels; the message counts them all.
const SHOWN: usize = 8;

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        if !is_chinese(info.meta.language) {
            continue;
        }
        let passages = cx.prose(info.index);
        // The full-width marks the version writes: its style, against which the half-width
        // ones are slips.
        let written: Vec<char> = MARKS
            .iter()
            .map(|&(_, wide)| wide)
            .filter(|&wide| passages.iter().any(|p| p.text.contains(wide)))
            .collect();
        let mut found = Vec::new();
        for passage in passages {
            let text = &passage.text;
            for (at, c) in text.char_indices() {
                let Some(&(_, wide)) = MARKS.iter().find(|(ascii, _)| *ascii == c) else {
                    continue;
                };
                let before = super::before(text, at);
                let after = super::at(text, at + 1);
                // After a Chinese character, and before one or at the end of the passage.
                if written.contains(&wide) && before.is_some_and(is_han) && after.is_none_or(is_han)
                {
                    found.push((passage.span(at..at + 1), c, wide));
                }
            }
        }
        let Some(&(first, c, wide)) = found.first() else {
            continue;
        };
        let count = found.len();
        let message = if count == 1 {
            format!("`{c}` in Chinese text that writes `{wide}`")
        } else {
            format!("{count} half-width marks in Chinese text that writes them full width")
        };
        let mut diagnostic =
            Diagnostic::warning(CHECK.code, message).primary(first, format!("`{c}` for `{wide}`"));
        for &(span, c, wide) in found.iter().skip(1).take(SHOWN - 1) {
            diagnostic = diagnostic.secondary(span, format!("`{c}` for `{wide}`"));
        }
        out.push(diagnostic.help("write each mark full width, as the text does elsewhere"));
    }
}
