//! ## What it finds
//!
//! A paragraph number written wrong, found where it is: run into its text (`38.In order`), with
//! a letter that OCR reads for a digit (`l2.`, `1O.`), with its digits spaced out (`1 2.`), in
//! full-width digits (`８.`), or, where the number is the one expected at that place, with a
//! comma, a parenthesis, a colon or no mark after it (`7, Ministers`, `7) Ministers`, `7
//! Ministers`).
//!
//! The paragraph is taken as the paragraph with that number, so the numbers after it are not
//! reported for it: the slip is reported once, where it is. A paragraph that merely starts
//! with a number (`45 members attended`) is text, unless that number is the one expected
//! there; `2009.` and other words that must start with a number are written with a backslash
//! (`2009\.`).
//!
//! ## Why it matters
//!
//! A damaged number is what a text pasted from a PDF or an OCR scan, or typed in haste, is
//! full of. Printed, it shows a reader a paragraph that is not numbered, or not numbered as the
//! others; and a paragraph whose number is lost cannot be cited.
//!
//! ## Example
//!
//! ```text
//! 37. Ministers welcomed the report.
//!
//! 38.In order to give effect to these decisions ...
//! ```
//!
//! ## How to fix
//!
//! Write the number as the others are: its digits, a full stop and a space (`38. In order`).

use crate::analysis::numbering::Kind;
use crate::ast::NumberDamage;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "numbering::damaged-number",
    default_severity: Severity::Error,
    summary: "a paragraph number written wrong: run into its text, misread or mistyped",
    source_file: include_str!("damaged_number.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for finding in &cx.analysis.numbering {
        let diagnostic = match finding.kind {
            Kind::Damaged { number, damage } => {
                let value = number.value.map(|v| v.to_string()).unwrap_or_default();
                let written = format!("{}{}", number.written, number.terminator);
                let (what, label, help) = match damage {
                    NumberDamage::RunIntoText => (
                        format!("paragraph number `{written}` runs into its text"),
                        "no space after the number".to_string(),
                        format!("put a space after `{written}`"),
                    ),
                    NumberDamage::LetterForDigit => (
                        format!("paragraph number `{written}` has a letter where a digit belongs"),
                        format!("reads as {value}"),
                        format!("write the number in digits: `{value}{}`", number.terminator),
                    ),
                    NumberDamage::SpacedDigits => (
                        format!("paragraph number `{written}` has spaces between its digits"),
                        format!("reads as {value}"),
                        format!("write the digits together: `{value}{}`", number.terminator),
                    ),
                    NumberDamage::FullWidth => {
                        (
                            format!("paragraph number `{written}` is written in full-width digits"),
                            format!("reads as {value}"),
                            format!(
                            "write the number in the digits the other paragraphs use: `{value}{}`",
                            if number.terminator == '、' { "、" } else { "." }
                        ),
                        )
                    }
                };
                Diagnostic::error(CHECK.code, what)
                    .primary(number.span, label)
                    .help(help)
            }
            Kind::Unmarked { like, .. } => {
                let written = format!(
                    "{}{}",
                    like.digits,
                    like.mark.map(String::from).unwrap_or_default()
                );
                let what = match like.mark {
                    Some(mark) => format!(
                        "paragraph {} is numbered `{written}`, with {} where a full stop belongs",
                        like.value,
                        mark_name(mark)
                    ),
                    None => format!(
                        "paragraph {} is numbered `{written}`, without the full stop after the number",
                        like.value
                    ),
                };
                let help = match like.mark {
                    Some(mark) => format!(
                        "write `{}.` and a space; if the text starts with this number, write a backslash before the mark after it: `{}\\{mark}`",
                        like.value, like.digits
                    ),
                    None => format!("write `{}.` and a space before the text", like.value),
                };
                Diagnostic::error(CHECK.code, what)
                    .primary(like.span, format!("{} expected here", like.value))
                    .help(help)
            }
            _ => continue,
        };
        out.push(diagnostic);
    }
}

/// A mark as a message names it.
fn mark_name(mark: char) -> &'static str {
    match mark {
        ',' => "a comma",
        ')' => "a parenthesis",
        ':' => "a colon",
        ';' => "a semicolon",
        _ => "a mark",
    }
}
