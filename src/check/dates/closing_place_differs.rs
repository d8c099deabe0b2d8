//! ## What it finds
//!
//! A closing `place` that is not the meeting's `place`: neither the same name nor one of its
//! parts (`Beijing` agrees with `Beijing, China`, `北京` with `中国 北京`). A translation's
//! closing is compared with the `place` under its `version:` line.
//!
//! ## Why it matters
//!
//! The closing says where the declaration was adopted. A place other than the meeting's is a
//! line copied from another declaration, and it is printed above the signatures.
//!
//! ## Example
//!
//! ```text
//! place: Beijing, China
//!
//! closing:
//! place: Nanjing
//! ```
//!
//! ## How to fix
//!
//! Correct the wrong one of the two places, or leave out the closing's `place`.

use crate::analysis::series::same_or_part;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "dates::closing-place-differs",
    default_severity: Severity::Error,
    summary: "a closing place that is not the meeting's place",
    source_file: include_str!("closing_place_differs.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        let Some(closing) = info.version.closing.as_ref().and_then(|c| c.place.as_ref()) else {
            continue;
        };
        // A translation that states no place of its own names it in no words to compare.
        let Some(place) = info.meta.own_place() else {
            continue;
        };
        if same_or_part(&closing.value, &place.value) {
            continue;
        }
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the closing gives the place {}, but the meeting is held in {}",
                    closing.value, place.value
                ),
            )
            .primary(closing.span, "closing place")
            .secondary(place.span, "the meeting's place")
            .help("correct the place that is wrong, or leave out the closing's `place`"),
        );
    }
}
