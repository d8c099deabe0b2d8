//! ## What it finds
//!
//! A next meeting whose `edition` is not the one after this meeting's: `edition: first` in the
//! header and `edition: third` under `next meeting:`.
//!
//! ## Why it matters
//!
//! The number of a meeting is how the series is cited ("the 22nd APEC SMEMM"). A wrong number
//! for the next meeting is carried into the host's invitations and the next declaration.
//!
//! ## Example
//!
//! ```text
//! edition: first
//!
//! next meeting:
//! edition: third
//! ```
//!
//! ## How to fix
//!
//! Write the edition after this one (here `second`) under `next meeting:`, or correct the
//! header's `edition`.

use crate::check::series::ordinal_like;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::numbers::ordinal_digits;

pub const CHECK: Check = Check {
    code: "series::next-edition",
    default_severity: Severity::Error,
    summary: "a next meeting whose edition is not this edition plus one",
    source_file: include_str!("next_edition.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let document = cx.document;
    let (Some(this), Some(next), Some(expected)) = (
        document.header.edition.as_ref(),
        document
            .next_meeting
            .as_ref()
            .and_then(|n| n.edition.as_ref()),
        cx.analysis.series.expected_edition,
    ) else {
        return;
    };
    if next.value.value == expected {
        return;
    }
    let written = cx.source.slice(next.span);
    out.push(
        Diagnostic::error(
            CHECK.code,
            format!(
                "the next meeting is given as the {}, but this meeting is the {}, so the next one is the {}",
                ordinal_digits(next.value.value),
                ordinal_digits(this.value.value),
                ordinal_digits(expected)
            ),
        )
        .primary(next.span, format!("expected the {}", ordinal_digits(expected)))
        .secondary(this.span, "this meeting's edition")
        .help(format!(
            "write `edition: {}` under `next meeting:`, or correct this meeting's `edition`",
            ordinal_like(expected, written)
        )),
    );
}
