//! ## What it finds
//!
//! A `next meeting:` block whose `year` is not the year of its `dates`.
//!
//! ## Why it matters
//!
//! The block states the year twice; when the dates are agreed later and the year is not
//! updated (or the other way round), the declaration announces two different meetings.
//!
//! ## Example
//!
//! ```text
//! next meeting:
//! year: 2009
//! dates: 2010-10-01 to 2010-10-02
//! ```
//!
//! ## How to fix
//!
//! Correct the one that is wrong, or leave out `year`: the `dates` state it.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::next-year-and-dates-differ",
    default_severity: Severity::Error,
    summary: "a next meeting whose year is not the year of its dates",
    source_file: include_str!("next_year_and_dates_differ.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(next) = cx.document.next_meeting.as_ref() else {
        return;
    };
    let (Some(year), Some(dates)) = (next.year.as_ref(), next.dates.as_ref()) else {
        return;
    };
    let dates_year = dates.value.start.year();
    if year.value.includes(i32::from(dates_year)) {
        return;
    }
    let written = &cx.source.slice(year.span);
    out.push(
        Diagnostic::error(
            CHECK.code,
            format!("the next meeting's year is {written}, but its dates are in {dates_year}"),
        )
        .primary(year.span, format!("{written} here"))
        .secondary(dates.span, format!("in {dates_year}"))
        .help("correct the one that is wrong, or leave out `year`: the dates state it"),
    );
}
