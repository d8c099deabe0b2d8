//! ## What it finds
//!
//! An adoption date before the meeting's first day, or more than three days after its last
//! day. The adoption date is the header's `adopted`, or else the closing's `date`.
//!
//! The three days allow for a text agreed on the last day and signed at a ceremony the day
//! after, or after a weekend: the 2018 World SME Conference met on 23 June and its declaration
//! is dated 24 June.
//!
//! ## Why it matters
//!
//! A declaration is adopted at its meeting. A date outside the meeting is usually a date
//! copied from a draft or from last year's text, and it is printed in the closing the
//! ministers sign.
//!
//! ## Example
//!
//! ```text
//! dates: 2007-10-30 to 2007-10-31
//! adopted: 2007-10-29
//! ```
//!
//! ## How to fix
//!
//! Correct the adoption date (or the meeting dates). If the text really was adopted later, by
//! written procedure, say so in a note and expect this error until the dates are confirmed.

use crate::check::dates::{latest_adoption, DAYS_AFTER_MEETING};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "dates::adopted-outside-meeting",
    default_severity: Severity::Error,
    summary: "an adoption date before the meeting or long after it",
    source_file: include_str!("adopted_outside_meeting.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let header = &cx.document.header;
    let closing_date = cx
        .document
        .versions
        .first()
        .and_then(|v| v.closing.as_ref())
        .and_then(|c| c.date.as_ref());
    let (Some(meeting), Some(adopted)) = (
        header.dates.as_ref(),
        header.adopted.as_ref().or(closing_date),
    ) else {
        return;
    };
    let first = meeting.value.start;
    let last = meeting.value.end;
    let Some(latest) = latest_adoption(meeting.value) else {
        return;
    };
    let problem = if adopted.value < first {
        format!(
            "the declaration is adopted on {}, before the meeting opens on {first}",
            adopted.value
        )
    } else if adopted.value > latest {
        format!(
            "the declaration is adopted on {}, more than {DAYS_AFTER_MEETING} days after the meeting ends on {last}",
            adopted.value
        )
    } else {
        return;
    };
    out.push(
        Diagnostic::error(CHECK.code, problem)
            .primary(adopted.span, "adoption date")
            .secondary(meeting.span, "the meeting")
            .help(format!(
                "adopt the declaration during the meeting or up to {DAYS_AFTER_MEETING} days after it ({first} to {latest}); correct the date that is wrong"
            )),
    );
}
