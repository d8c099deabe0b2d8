//! ## What it finds
//!
//! A paragraph number that jumps over one or more numbers: paragraph 4 right after paragraph 2.
//! Arabic paragraph numbers and Roman part numbers (`I.`, `II.`) are checked as two sequences;
//! both run on across sections unless the header says `numbering: per section`.
//!
//! A number that does not read, and a block that did not read, take the number expected at
//! their place when the numbers after them go on from there. In a translation, a gap that is
//! exactly the original's paragraphs the translation lacks is reported by
//! `versions::paragraph-missing`.
//!
//! ## Why it matters
//!
//! References, instructions and later declarations cite paragraphs by number. A gap makes
//! readers wonder whether a paragraph was dropped in the negotiation, and it usually means one
//! was: a paragraph deleted at the last minute without renumbering the rest.
//!
//! ## Example
//!
//! ```text
//! 2. Reinforce economic and trade cooperation.
//!
//! 4. Enhance innovative capability.
//! ```
//!
//! ## How to fix
//!
//! Renumber the paragraph and those after it so the numbers run without a gap, or restore the
//! paragraph that is missing.

use crate::analysis::numbering::{in_style, Kind};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "numbering::skipped-number",
    default_severity: Severity::Error,
    summary: "a paragraph number that jumps over one or more numbers",
    source_file: include_str!("skipped_number.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for finding in &cx.analysis.numbering {
        let Kind::Skipped {
            number,
            expected,
            previous,
        } = finding.kind
        else {
            continue;
        };
        let value = number.value.unwrap_or(expected);
        let missing = if value == expected.saturating_add(1) {
            format!("paragraph {} is missing", in_style(number, expected))
        } else {
            format!(
                "paragraphs {} to {} are missing",
                in_style(number, expected),
                in_style(number, value - 1)
            )
        };
        let after = match previous {
            Some(p) => format!("from {} to {}", p.written, number.written),
            None => format!("from the start to {}", number.written),
        };
        let mut diagnostic =
            Diagnostic::error(CHECK.code, format!("{missing}: the numbers jump {after}")).primary(
                number.span,
                format!("{} expected here", in_style(number, expected)),
            );
        if let Some(previous) = previous {
            diagnostic = diagnostic.secondary(previous.span, "the paragraph before");
        }
        out.push(diagnostic.help(format!(
            "number this paragraph {} and renumber the ones after it, or restore the missing paragraph",
            in_style(number, expected)
        )));
    }
}
