//! ## What it finds
//!
//! A member annex whose stated total is not the number of members the declaration's forum (the
//! header's `forum:`) had on the day of the meeting: the day of adoption, or else the first day
//! of the meeting.
//!
//! A total that disagrees with the annex's own list is `members::count-mismatch`'s to report;
//! and when the members missing from the annex or listed though not members then account for
//! the difference, `members::missing-forum-member` and `members::not-in-forum` name them.
//!
//! ## Why it matters
//!
//! The total is repeated in the text ("45 ASEM members gathered") and read as a fact about the
//! forum. A total that matches its own list but not the forum means the list is wrong too.
//!
//! ## Example
//!
//! ```text
//! forum: ASEM
//! adopted: 2007-10-31
//! ...
//! annex: List of ASEM Members (46)
//! ```
//!
//! ASEM had 45 members on 2007-10-31.
//!
//! ## How to fix
//!
//! Correct the total, and the list under it, to the forum's membership on that day, or correct
//! the forum or the date in the header. If the annex lists only the members that attended, not
//! the whole forum, set this check to "off" in `plenary.toml`.

use crate::check::members::{fitting_forum, members};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::forum-count-mismatch",
    default_severity: Severity::Error,
    summary: "the annex's stated total is not the forum's membership on the day of the meeting",
    source_file: include_str!("forum_count_mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(on), Some(info)) = (fitting_forum(cx), cx.analysis.annex_of(0)) else {
        return;
    };
    let Some(stated) = &info.annex.stated_count else {
        return;
    };
    // A total that disagrees with the list is `members::count-mismatch`'s to report, or the
    // member checks' when they name the members it counts: the forum's number would repeat it.
    if !info.agrees(stated.value) {
        return;
    }
    // Members the annex lacks, or lists though not members then, are named by
    // `members::missing-forum-member` and `members::not-in-forum`: when they account for the
    // difference, the count only repeats them.
    let (stated_count, actual) = (stated.value as usize, on.members.len());
    let named = (stated_count < actual && actual - stated_count == info.absent.len())
        || (stated_count > actual && stated_count - actual == info.excess.len());
    if named {
        return;
    }
    let actual = on.members.len();
    if stated.value as usize == actual {
        return;
    }
    let forum = on.forum.prose();
    out.push(
        Diagnostic::error(
            CHECK.code,
            format!(
                "the annex states {}, but {forum} had {} on {}",
                members(stated.value as usize),
                members(actual),
                on.date
            ),
        )
        .primary(stated.span, format!("{forum} had {actual}"))
        .secondary(on.field.span, "the forum")
        .help(format!(
            "correct the total to {actual}, or correct the forum or the date in the header"
        )),
    );
}
