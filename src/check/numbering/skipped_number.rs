//! ## What it finds
//!
//! A paragraph number that jumps over one or more numbers: paragraph 4 right after paragraph 2.
//! Arabic paragraph numbers and Roman part numbers (`I.`, `II.`) are checked as two sequences;
//! both run on across sections unless the header says `numbering: per section`.
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

use crate::check::numbering::{in_style, paragraph_findings, written, Finding};
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "numbering::skipped-number",
    default_severity: Severity::Error,
    summary: "a paragraph number that jumps over one or more numbers",
    source_file: include_str!("skipped_number.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for finding in paragraph_findings(cx) {
        let Finding::Skipped {
            paragraph,
            expected,
            previous,
        } = finding
        else {
            continue;
        };
        let value = paragraph.number.value.unwrap_or(expected);
        let missing = if value == expected.saturating_add(1) {
            format!("paragraph {} is missing", in_style(paragraph, expected))
        } else {
            format!(
                "paragraphs {} to {} are missing",
                in_style(paragraph, expected),
                in_style(paragraph, value - 1)
            )
        };
        let after = match previous {
            Some(p) => format!("from {} to {}", written(p), written(paragraph)),
            None => format!("from the start to {}", written(paragraph)),
        };
        let mut diagnostic =
            Diagnostic::error(RULE.code, format!("{missing}: the numbers jump {after}")).primary(
                paragraph.number.span,
                format!("{} expected here", in_style(paragraph, expected)),
            );
        if let Some(previous) = previous {
            diagnostic = diagnostic.secondary(previous.number.span, "the paragraph before");
        }
        out.push(diagnostic.help(format!(
            "number this paragraph {} and renumber the ones after it, or restore the missing paragraph",
            in_style(paragraph, expected)
        )));
    }
}
