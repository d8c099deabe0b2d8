//! ## What it finds
//!
//! A footnote marker `[^1]` with no footnote text `[^1]: ...` in the same language version.
//!
//! ## Why it matters
//!
//! The marker is printed as a superscript that promises a note. Without its text the reader
//! finds nothing at the foot of the page, and the note the negotiators agreed is lost.
//!
//! ## Example
//!
//! ```text
//! SMEs Ministers from 45 ASEM members[^1] gathered in Beijing.
//! ```
//!
//! ## How to fix
//!
//! Add the footnote's text as its own block, `[^1]: ...`, in the same language version, or
//! remove the marker.

use crate::check::references::footnote_markers;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "references::undefined-footnote",
    default_severity: Severity::Error,
    summary: "a footnote marker `[^1]` without its footnote text",
    source_file: include_str!("undefined_footnote.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for version in &cx.document.versions {
        for (id, span) in footnote_markers(version) {
            if version.footnotes.iter().any(|f| f.id.value == id) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!("the footnote marker `[^{id}]` has no footnote text"),
                )
                .primary(span, format!("no `[^{id}]: ...` block for this marker"))
                .help(format!(
                    "add the note as its own block after a blank line: `[^{id}]: ...`, or remove the marker"
                )),
            );
        }
    }
}
