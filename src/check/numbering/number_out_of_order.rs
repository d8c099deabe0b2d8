//! ## What it finds
//!
//! A paragraph number that does not follow the one before it, is not a repeat and does not
//! leave a gap either: paragraph 2 after paragraph 3, or a slip such as 7 between 2 and 4.
//!
//! ## Why it matters
//!
//! Paragraphs are cited by number. A number out of order is a paragraph moved without
//! renumbering, or a typing slip; either way the printed text cites the wrong paragraph.
//!
//! ## Example
//!
//! ```text
//! 2. Reinforce economic and trade cooperation.
//!
//! 7. Improve industrial structure.
//!
//! 4. Enhance innovative capability.
//! ```
//!
//! ## How to fix
//!
//! Give the paragraph the number that follows the one before it (plenary says which), and check
//! that the paragraphs stand in the order meant.

use crate::analysis::numbering::{in_style, Kind};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "numbering::number-out-of-order",
    default_severity: Severity::Error,
    summary: "a paragraph number that does not follow the one before it",
    source_file: include_str!("number_out_of_order.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for finding in &cx.analysis.numbering {
        let Kind::OutOfOrder {
            number,
            expected,
            previous,
        } = finding.kind
        else {
            continue;
        };
        let expected = in_style(number, expected);
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "paragraph {} stands where paragraph {expected} is expected",
                number.written
            ),
        )
        .primary(number.span, format!("{expected} expected here"));
        if let Some(previous) = previous {
            diagnostic = diagnostic.secondary(previous.span, "the paragraph before");
        }
        out.push(diagnostic.help(format!(
            "number this paragraph {expected}, or move it to where its number belongs"
        )));
    }
}
