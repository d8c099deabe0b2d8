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

use crate::check::numbering::{in_style, paragraph_findings, per_section, written, Finding};
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "numbering::repeated-number",
    default_severity: Severity::Error,
    summary: "a paragraph number used by two paragraphs",
    source_file: include_str!("repeated_number.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let per_section = per_section(cx);
    for finding in paragraph_findings(cx) {
        let Finding::Repeated {
            paragraph,
            expected,
            first,
        } = finding
        else {
            continue;
        };
        let mut diagnostic = Diagnostic::error(
            RULE.code,
            format!("paragraph number {} is used twice", written(paragraph)),
        )
        .primary(
            paragraph.number.span,
            format!(
                "used again here, where {} is expected",
                in_style(paragraph, expected)
            ),
        )
        .secondary(first.number.span, "first used here")
        .help(format!(
            "number this paragraph {} and renumber the ones after it",
            in_style(paragraph, expected)
        ));
        if paragraph.number.value == Some(1) && !per_section {
            diagnostic = diagnostic.note(
                "numbers run on across sections; if they start again in each section, write `numbering: per section` in the header",
            );
        }
        out.push(diagnostic);
    }
}
