//! ## What it finds
//!
//! A paragraph number used by two paragraphs of the same text: two paragraphs 2. Under the
//! default continuous numbering, a section that starts again at 1 repeats the numbers of the
//! first section.
//!
//! ## Why it matters
//!
//! A reference to "paragraph 2" must name one paragraph. A repeated number is the trace of a
//! paragraph inserted without renumbering the rest, and it shifts every number after it.
//!
//! ## Example
//!
//! ```text
//! 2. Reinforce economic and trade cooperation.
//!
//! 2. Improve industrial structure.
//! ```
//!
//! ## How to fix
//!
//! Renumber the second paragraph and those after it. If the numbers are meant to start again
//! in each section, write `numbering: per section` in the header.

use crate::analysis::numbering::{in_style, per_section, Kind};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "numbering::repeated-number",
    default_severity: Severity::Error,
    summary: "a paragraph number used by two paragraphs",
    source_file: include_str!("repeated_number.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let per_section = per_section(cx.document);
    for finding in &cx.analysis.numbering {
        let Kind::Repeated {
            number,
            expected,
            first,
        } = finding.kind
        else {
            continue;
        };
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!("paragraph number {} is used twice", number.written),
        )
        .primary(
            number.span,
            format!(
                "used again here, where {} is expected",
                in_style(number, expected)
            ),
        )
        .secondary(first.span, "first used here")
        .help(format!(
            "number this paragraph {} and renumber the ones after it",
            in_style(number, expected)
        ));
        if number.value == Some(1) && !per_section {
            diagnostic = diagnostic.note(
                "numbers run on across sections; if they start again in each section, write `numbering: per section` in the header",
            );
        }
        out.push(diagnostic);
    }
}
