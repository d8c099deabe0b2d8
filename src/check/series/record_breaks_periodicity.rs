//! ## What it finds
//!
//! Meetings on the series' record whose years do not keep the `periodicity` the header states:
//! a `past meeting:` block of the fifth meeting in 1976 when this, the sixth, meets in 1981 and
//! the series meets every year; or a meeting after the next one that is not the periodicity's
//! years after it. Each meeting is compared with this one (a past meeting) or with the one
//! before it (a later one), by their editions when both are stated, else as the next meeting
//! after it. With `periodicity: at most every 3 years`, meetings may be closer, never further
//! apart.
//!
//! The next meeting itself is compared with this one by `series::next-year`.
//!
//! ## Why it matters
//!
//! A declaration that says the series meets annually while the meetings it lists are years
//! apart contradicts itself: either the periodicity or a year is wrong.
//!
//! ## Example
//!
//! ```text
//! edition: sixth
//! dates: 1981-04-14 to 1981-04-15
//! periodicity: annual
//!
//! past meeting:
//! edition: fifth
//! year: 1976
//! ```
//!
//! ## How to fix
//!
//! Correct the year or the edition of the meeting, or the periodicity if the series does not
//! meet at that interval.

use crate::analysis::series::{Entry, EntryKind};
use crate::ast::Periodicity;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::record-breaks-periodicity",
    default_severity: Severity::Error,
    summary: "meetings on the series' record whose years do not keep its periodicity",
    source_file: include_str!("record_breaks_periodicity.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(periodicity) = cx.document.header.periodicity.as_ref() else {
        return;
    };
    let every = periodicity.value.years();
    let at_most = matches!(periodicity.value, Periodicity::AtMostEveryYears(_));
    let record = &cx.analysis.series.record;
    let Some(this) = record.iter().position(|e| e.kind == EntryKind::This) else {
        return;
    };
    for (index, entry) in record.iter().enumerate() {
        let (earlier, later) = match entry.kind {
            EntryKind::Past => (entry, &record[this]),
            EntryKind::Later => (&record[index - 1], entry),
            EntryKind::This | EntryKind::Next => continue,
        };
        let (Some((from, _)), Some((to, _))) = (earlier.years, later.years) else {
            continue;
        };
        // Without both editions, a later meeting is the next after the one before it; a past
        // meeting's distance from this one is not known.
        let steps = match (earlier.edition, later.edition) {
            (Some((a, _)), Some((b, _))) if b > a => b - a,
            (Some(_), Some(_)) => continue,
            _ if entry.kind == EntryKind::Later => 1,
            _ => continue,
        };
        let Some(gap) = i64::from(every).checked_mul(i64::from(steps)) else {
            continue;
        };
        let expected_first = i64::from(from.first) + gap;
        let expected_last = i64::from(from.last) + gap;
        // At most every n years: the later meeting may come sooner, never later.
        let keeps = if at_most {
            i64::from(to.first) <= expected_last
        } else {
            (i64::from(to.first)..=i64::from(to.last))
                .any(|year| (expected_first..=expected_last).contains(&year))
        };
        if keeps {
            continue;
        }
        out.push(breaks(
            entry,
            earlier,
            later,
            periodicity.value,
            steps,
            periodicity.span,
        ));
    }
}

fn breaks(
    entry: &Entry,
    earlier: &Entry,
    later: &Entry,
    periodicity: Periodicity,
    steps: u32,
    periodicity_span: crate::Span,
) -> Diagnostic {
    let year = |e: &Entry| e.years.map(|(y, _)| y.first).unwrap_or_default();
    let every = periodicity.years();
    let every_words = periodicity.words();
    let at_most = if matches!(periodicity, Periodicity::AtMostEveryYears(_)) {
        "at most "
    } else {
        ""
    };
    let expected = i64::from(year(earlier)) + i64::from(every) * i64::from(steps);
    let (span, expected_here) = if entry.kind == EntryKind::Past {
        (
            entry.years.map(|(_, s)| s).unwrap_or_default(),
            i64::from(year(later)) - i64::from(every) * i64::from(steps),
        )
    } else {
        (entry.years.map(|(_, s)| s).unwrap_or_default(), expected)
    };
    Diagnostic::error(
        CHECK.code,
        format!(
            "{} is in {}, and {} in {}: a series that meets {every_words} would hold them {at_most}{} apart",
            earlier.name(),
            year(earlier),
            later.name(),
            year(later),
            crate::numbers::plural((every * steps) as usize, "year")
        ),
    )
    .primary(
        span,
        match (at_most.is_empty(), entry.kind) {
            (true, _) => format!("{expected_here} expected"),
            (false, EntryKind::Past) => format!("{expected_here} at the earliest"),
            (false, _) => format!("{expected_here} at the latest"),
        },
    )
    .secondary(periodicity_span, format!("meets {every_words}"))
    .help(format!(
        "correct the year of {}, or the periodicity if the series meets at another interval",
        entry.name()
    ))
}
