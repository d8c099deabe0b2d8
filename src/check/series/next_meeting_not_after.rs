//! ## What it finds
//!
//! A next meeting that is not after this one: its year before this meeting's year, or its
//! dates starting on or before this meeting's last day.
//!
//! ## Why it matters
//!
//! The next meeting of a series is in the future. A date before this meeting is a typing slip
//! in a year or a month, and it would be printed in the text the ministers adopt.
//!
//! ## Example
//!
//! ```text
//! dates: 2014-09-05
//!
//! next meeting:
//! dates: 2013-09-21 to 2013-09-25
//! ```
//!
//! ## How to fix
//!
//! Correct the next meeting's year or dates (usually the year).

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::next-meeting-not-after",
    default_severity: Severity::Error,
    summary: "a next meeting that is not after this one",
    source_file: include_str!("next_meeting_not_after.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let document = cx.document;
    let series = &cx.analysis.series;
    if !series.next_not_after {
        return;
    }
    let next_dates = document
        .next_meeting
        .as_ref()
        .and_then(|n| n.dates.as_ref());
    if let (Some(this), Some(next)) = (document.header.dates.as_ref(), next_dates) {
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the next meeting starts on {}, which is not after this meeting ends on {}",
                    next.value.start, this.value.end
                ),
            )
            .primary(next.span, "not after this meeting")
            .secondary(this.span, "this meeting")
            .help("correct the next meeting's dates; the year is the usual slip"),
        );
        return;
    }
    if let (Some((this, this_span)), Some((next, next_span))) = (series.this_year, series.next_year)
    {
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("the next meeting is in {next}, before this meeting's year {this}"),
            )
            .primary(next_span, "before this meeting")
            .secondary(this_span, format!("this meeting is in {this}"))
            .help("correct the next meeting's year"),
        );
    }
}
