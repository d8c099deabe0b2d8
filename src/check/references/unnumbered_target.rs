//! ## What it finds
//!
//! A reference `{@name}` to a label on a paragraph that has no number: a preamble paragraph, an
//! unnumbered paragraph of a section, or a sub-paragraph of one.
//!
//! ## Why it matters
//!
//! A reference prints the number of what it names ("paragraph 14", "14 (a)"), or the words of a
//! heading or of the annex's title. A paragraph without a number has nothing to print, so the
//! reference would come out differently in every format, or as the label's bare name.
//!
//! ## Example
//!
//! ```text
//! {#intro} The First ASEM SMEs Ministerial Meeting was held in Beijing.
//!
//! 1. Ministers recalled the meeting described in {@intro}.
//! ```
//!
//! ## How to fix
//!
//! Refer to a numbered paragraph or to a heading, or write the words out ("the preamble"),
//! and remove the reference.

use crate::analysis::align::Body;
use crate::analysis::labels::Resolved;
use crate::ast::Inline;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "references::unnumbered-target",
    default_severity: Severity::Error,
    summary: "a reference to a paragraph that has no number to print",
    source_file: include_str!("unnumbered_target.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let analysis = cx.analysis;
    for info in &analysis.versions {
        info.version.for_each_inline(&mut |inline| {
            let Inline::Reference { name, span } = inline else {
                return;
            };
            let unit = match analysis.labels.resolve(name, &analysis.versions, info.index) {
                Some(Resolved::Paragraph(unit)) => unit,
                Some(Resolved::Subparagraph { unit, .. }) => unit,
                _ => return,
            };
            if !matches!(unit.body, Body::Paragraph(_)) {
                return;
            }
            let mut diagnostic = Diagnostic::error(
                CHECK.code,
                format!("`{{@{name}}}` refers to {}, which has no number to print", unit.name),
            )
            .primary(*span, "a reference prints the number of what it names");
            if let Some(definition) = analysis.labels.get(name) {
                diagnostic = diagnostic.secondary(definition.name.span, "the label is on a paragraph without a number");
            }
            out.push(diagnostic.help(
                "refer to a numbered paragraph or a heading, or write the words out instead of the reference",
            ));
        });
    }
}
