//! ## What it finds
//!
//! A paragraph number used by two paragraphs of the same run of numbers: two paragraphs 2.
//!
//! Numbers may start again at 1 after a heading, after an unnumbered paragraph, after a
//! paragraph that leads into a list (`... the following principles:`) or ends in a bulleted
//! list, when the numbers after the 1 go on from it: that starts a new run, as in an annex or a
//! list. Numbers that start again at 1 right after a numbered paragraph are one slip, reported
//! once at the 1, not at every number after it.
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
//! Renumber the second paragraph and those after it.

use crate::analysis::numbering::{in_style, Kind};
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
    for finding in &cx.analysis.numbering {
        if let Kind::Restarted { number, previous } = finding.kind {
            let next = previous.value.map_or(1, |v| v.saturating_add(1));
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the paragraph numbers start again at {} right after paragraph {}",
                        number.written, previous.written
                    ),
                )
                .primary(
                    number.span,
                    format!("{} expected here", in_style(number, next)),
                )
                .secondary(previous.span, "the paragraph before")
                .help(format!(
                    "number this paragraph {} and renumber the ones after it",
                    in_style(number, next)
                )),
            );
            continue;
        }
        let Kind::Repeated {
            number,
            expected,
            first,
        } = finding.kind
        else {
            continue;
        };
        let diagnostic = Diagnostic::error(
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
        out.push(diagnostic);
    }
}
