//! ## What it finds
//!
//! An unnumbered paragraph among numbered ones, standing exactly where a number is missing:
//! paragraph 5, an unnumbered paragraph, then paragraph 7. The paragraph is reported as the one
//! that lost its number, not paragraph 7 as a gap.
//!
//! An unnumbered paragraph that continues the one before it, where no number is missing, is
//! not reported; nor is a communiqué's unnumbered first paragraph when the next one is
//! numbered 2: it counts as 1.
//!
//! ## Why it matters
//!
//! A number deleted by mistake, or lost in a paste, leaves a paragraph that cannot be cited and
//! a gap in the numbers that seems to say a paragraph was dropped.
//!
//! ## Example
//!
//! ```text
//! 5. Ministers welcomed the report.
//!
//! Ministers agreed to meet again in 2009.
//!
//! 7. Ministers thanked the host.
//! ```
//!
//! ## How to fix
//!
//! Give the paragraph its number. If it continues the paragraph before it, the paragraph with
//! the missing number was dropped: restore it, or renumber the paragraphs after it.

use crate::analysis::numbering::{in_style, Kind};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "numbering::unnumbered-paragraph",
    default_severity: Severity::Error,
    summary: "an unnumbered paragraph standing where a paragraph number is missing",
    source_file: include_str!("unnumbered_paragraph.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for finding in &cx.analysis.numbering {
        let Kind::Unnumbered {
            paragraph,
            expected,
            previous,
            next,
        } = finding.kind
        else {
            continue;
        };
        let expected = in_style(next, expected);
        let start = paragraph.span.start as usize;
        let first_line = paragraph
            .content
            .iter()
            .find_map(|inline| match inline {
                crate::ast::Inline::SoftBreak { span } => Some(span.start as usize),
                _ => None,
            })
            .unwrap_or(paragraph.span.end as usize);
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!("this paragraph has no number, where paragraph {expected} is missing"),
        )
        .primary(
            crate::Span::new(start, first_line.max(start)),
            format!("{expected} expected here"),
        );
        if let Some(previous) = previous {
            diagnostic = diagnostic.secondary(previous.span, "the paragraph before");
        }
        out.push(
            diagnostic
                .secondary(next.span, "the paragraph after")
                .help(format!(
                    "number it `{expected}.`; if it continues the paragraph before, paragraph {expected} was dropped: restore it or renumber the paragraphs after it"
                )),
        );
    }
}
