//! ## What it finds
//!
//! One label `{#name}` put on two paragraphs, headings or sub-paragraphs of the same language
//! version. (A translation may repeat the labels of the original: they name the same
//! paragraph.)
//!
//! ## Why it matters
//!
//! A reference `{@name}` prints the number of the paragraph its label stands on. With the label
//! on two paragraphs, nobody can tell which number the reference means, and a reader may be sent
//! to the wrong paragraph.
//!
//! ## Example
//!
//! ```text
//! 14. {#rotation} Ministers agreed that the Meeting be held biennially.
//!
//! 15. {#rotation} The host is chosen in turn between Asia and Europe.
//! ```
//!
//! ## How to fix
//!
//! Keep the label on the paragraph the references mean and rename or remove the other one.

use std::collections::HashMap;

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "references::duplicate-label",
    default_severity: Severity::Error,
    summary: "one label `{#name}` on two paragraphs",
    source_file: include_str!("duplicate_label.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        let mut first: HashMap<&str, Span> = HashMap::new();
        let labels = cx.analysis.labels.definitions.iter();
        for label in labels.filter(|d| d.version == info.index).map(|d| d.name) {
            let Some(&earlier) = first.get(label.value.as_str()) else {
                first.insert(&label.value, label.span);
                continue;
            };
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!("the label `{{#{}}}` stands on two places", label.value),
                )
                .primary(label.span, "used again here")
                .secondary(earlier, "first used here")
                .help(format!(
                    "a label names one place; rename this one (for example `{{#{}-2}}`) or remove it, and point the references at the place meant",
                    label.value
                )),
            );
        }
    }
}
