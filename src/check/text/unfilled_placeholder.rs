//! ## What it finds
//!
//! A placeholder `[[...]]` still in the text or in a field: the places `plenary new` left for
//! the drafter's words, such as `title: [[the title of the declaration]]` or
//! `1. [[the first paragraph]]`. A placeholder in a `//` note is an explanation, and is left
//! alone.
//!
//! Any other problem found in the words of a placeholder (an unknown member, a paragraph without
//! a full stop) is not reported: the placeholder is the one cause, and this warning says it.
//!
//! ## Why it matters
//!
//! A placeholder is a part of the declaration nobody has written yet. Each one is a warning, so
//! that a new skeleton checks clean but for what is still to be written, and the list shrinks
//! as the text grows; `--deny-warnings` keeps a text with one out of a release.
//!
//! ## Example
//!
//! ```text
//! title: [[the title of the declaration]]
//!
//! 1. Ministers met in Beijing.
//! ```
//!
//! ## How to fix
//!
//! Write the words in place of the placeholder, brackets and all: `title: Beijing Declaration
//! on SMEs`. Delete a part the declaration does not need.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::unfilled-placeholder",
    default_severity: Severity::Warning,
    summary: "a placeholder `[[...]]` whose words are still to be written",
    source_file: include_str!("unfilled_placeholder.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for placeholder in &cx.analysis.placeholders {
        let what = if placeholder.what.is_empty() {
            "the words".to_string()
        } else {
            placeholder.what.clone()
        };
        out.push(
            Diagnostic::warning(
                CHECK.code,
                format!(
                    "`{}` is still to be written",
                    cx.source.slice(placeholder.span)
                ),
            )
            .primary(placeholder.span, "a placeholder")
            .help(format!(
                "write {what} in place of the placeholder, brackets and all, or delete the part if the declaration does not need it"
            )),
        );
    }
}
