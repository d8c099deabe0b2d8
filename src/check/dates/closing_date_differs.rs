//! ## What it finds
//!
//! A closing `date` that differs from the header's `adopted`, in any language version.
//!
//! A closing dated during the meeting beside an `adopted` outside it is the adoption date's
//! slip, reported by `dates::adopted-outside-meeting`.
//!
//! ## Why it matters
//!
//! The closing is the line above the signatures ("Adopted in Beijing on 31 October 2007"). It
//! and the header state the same fact; two different dates leave the reader, and the
//! depositary, unsure when the text was adopted.
//!
//! ## Example
//!
//! ```text
//! adopted: 2018-06-24
//!
//! closing:
//! date: 2018-06-23
//! ```
//!
//! ## How to fix
//!
//! Correct the wrong one of the two dates, or leave out the closing's `date`: it defaults to
//! `adopted`.

use crate::check::dates::may_adopt_on;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "dates::closing-date-differs",
    default_severity: Severity::Error,
    summary: "a closing date that differs from the adoption date",
    source_file: include_str!("closing_date_differs.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(adopted) = cx.document.header.adopted.as_ref() else {
        return;
    };
    for version in &cx.document.versions {
        let Some(date) = version.closing.as_ref().and_then(|c| c.date.as_ref()) else {
            continue;
        };
        // A closing dated during the meeting beside an adoption date outside it: the adoption
        // date is the slip, which `dates::adopted-outside-meeting` reports.
        let meeting = cx.document.header.dates.as_ref().map(|d| d.value);
        if date.value == adopted.value
            || meeting
                .is_some_and(|m| may_adopt_on(date.value, m) && !may_adopt_on(adopted.value, m))
        {
            continue;
        }
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the closing is dated {}, but the declaration is adopted on {}",
                    date.value, adopted.value
                ),
            )
            .primary(date.span, "closing date")
            .secondary(adopted.span, "adoption date")
            .help("correct the date that is wrong, or leave out the closing's `date`: it defaults to `adopted`"),
        );
    }
}
