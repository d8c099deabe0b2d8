//! ## What it finds
//!
//! A footnote text `[^2]: ...` that no marker `[^2]` of its language version calls.
//!
//! ## Why it matters
//!
//! A note that nothing calls has no place on the page: it is printed at the end with nothing
//! pointing at it, or not at all. It is usually the trace of a marker deleted or misnamed.
//!
//! ## Example
//!
//! ```text
//! SMEs Ministers from 45 ASEM members gathered in Beijing.
//!
//! [^1]: See the list of members in the annex.
//! ```
//!
//! ## How to fix
//!
//! Put the marker `[^1]` where the note belongs, or delete the note.

use crate::ast::{Block, Version};
use crate::check::references::footnote_markers;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "references::unused-footnote",
    default_severity: Severity::Warning,
    summary: "a footnote text that no marker calls",
    source_file: include_str!("unused_footnote.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for version in &cx.document.versions {
        let markers = footnote_markers(version);
        for footnote in &version.footnotes {
            let id = &footnote.id.value;
            if markers.iter().any(|(marker, _)| marker == id) || unread_markers(version, id) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    CHECK.code,
                    format!("no marker `[^{id}]` calls this footnote"),
                )
                .primary(footnote.id.span, "never called")
                .help(format!(
                    "put `[^{id}]` in the text where the note belongs, or delete the note"
                )),
            );
        }
    }
}

/// Whether a block of the version that did not read calls the footnote.
fn unread_markers(version: &Version, id: &str) -> bool {
    version
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .any(|b| matches!(b, Block::Unparsed(u) if u.footnote_refs.iter().any(|r| r == id)))
}
