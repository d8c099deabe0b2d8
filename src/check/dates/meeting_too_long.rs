//! ## What it finds
//!
//! Meeting dates that span more than three months, for this meeting or the next one:
//! `2007-10-30 to 2008-10-31`. (Dates whose last day comes before the first are refused when
//! the file is read.)
//!
//! ## Why it matters
//!
//! Ministerial meetings last from one day to about two weeks, and the longest conferences about
//! twelve weeks (the first United Nations Conference on Trade and Development met from 23 March
//! to 16 June 1964). A longer span is almost always a slip in the year or the month of one of
//! the two dates, and the dates are printed on the title page.
//!
//! ## Example
//!
//! ```text
//! dates: 2007-10-30 to 2008-10-31
//! ```
//!
//! ## How to fix
//!
//! Correct the date that is wrong. If the meeting really lasted longer, this warning can be
//! left as it is.

use jiff::ToSpan;

use crate::ast::DateRange;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Spanned;

pub const CHECK: Check = Check {
    code: "dates::meeting-too-long",
    default_severity: Severity::Warning,
    summary: "meeting dates that span more than three months",
    source_file: include_str!("meeting_too_long.rs"),
    run,
};

/// The longest meeting, in days from the first to the last, that is not reported.
const LONGEST_DAYS: i32 = 92;

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let document = cx.document;
    let this = document.header.dates.as_ref().map(|d| (d, "the meeting"));
    let next = document
        .next_meeting
        .as_ref()
        .and_then(|n| n.dates.as_ref())
        .map(|d| (d, "the next meeting"));
    for (dates, which) in this.into_iter().chain(next) {
        check(dates, which, out);
    }
}

fn check(dates: &Spanned<DateRange>, which: &str, out: &mut Vec<Diagnostic>) {
    let DateRange { start, end } = dates.value;
    let Ok(latest) = start.checked_add(LONGEST_DAYS.days()) else {
        return;
    };
    if end <= latest {
        return;
    }
    let days = (end - start).get_days() + 1;
    out.push(
        Diagnostic::warning(
            CHECK.code,
            format!("{which} runs for {days} days, from {start} to {end}"),
        )
        .primary(dates.span, format!("{days} days"))
        .help(format!(
            "even the longest conferences last about twelve weeks; check the year and the month of both dates (the last day would be by {latest})"
        )),
    );
}
