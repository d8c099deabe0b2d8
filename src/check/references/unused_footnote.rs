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

use crate::check::references::footnote_markers;
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
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
            if markers.iter().any(|(marker, _)| marker == id) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    RULE.code,
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
