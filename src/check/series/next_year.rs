//! ## What it finds
//!
//! A next meeting whose year is not this meeting's year plus the period the header states:
//! `periodicity: biennial` with a meeting in 2007 and `year: 2010` under `next meeting:`. The
//! next meeting's year is its `year`, or the year of its `dates`.
//!
//! A next meeting that is not after this one, and a `year` that is not the year of the
//! `dates`, are reported by `series::next-meeting-not-after` and
//! `series::next-year-and-dates-differ` instead.
//!
//! ## Why it matters
//!
//! With `periodicity: at most every 3 years` (a series "convened at intervals of not more than
//! three years"), a next meeting more than three years after this one is reported.
//!
//! The year of the next meeting is a commitment of the ministers. A year that contradicts the
//! agreed periodicity means that one of the two is wrong in the text they sign.
//!
//! ## Example
//!
//! ```text
//! dates: 2007-10-30 to 2007-10-31
//! periodicity: biennial
//!
//! next meeting:
//! year: 2010
//! ```
//!
//! ## How to fix
//!
//! Write the year that the periodicity gives (here `2009`), or correct `periodicity` if the
//! series now meets at another interval.

use crate::ast::Periodicity;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::next-year",
    default_severity: Severity::Error,
    summary: "a next meeting whose year is not this year plus the periodicity",
    source_file: include_str!("next_year.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let series = &cx.analysis.series;
    if let (Some((this, this_span)), Some((_, next_span)), Some(years), Some(periodicity)) = (
        series.this_year,
        series.next_year,
        series.next_years,
        cx.document.header.periodicity.as_ref(),
    ) {
        if let Periodicity::AtMostEveryYears(most) = periodicity.value {
            let latest = i32::from(this) + i32::try_from(most).unwrap_or(i32::MAX - 3000);
            // The earliest of the years the next meeting may fall in must be within the
            // interval; a meeting not after this one is reported by
            // `series::next-meeting-not-after`.
            let next = years.first;
            if i32::from(next) > latest && !series.next_not_after && !series.next_year_differs {
                let every = periodicity.value.words();
                out.push(
                    Diagnostic::error(
                        CHECK.code,
                        format!(
                            "the next meeting is in {next}, but a series that meets {every} meets next by {latest}"
                        ),
                    )
                    .primary(next_span, format!("expected {latest} at the latest"))
                    .secondary(this_span, format!("this meeting is in {this}"))
                    .secondary(periodicity.span, format!("meets {every}"))
                    .help(format!(
                        "write a year up to {latest} for the next meeting, or correct `periodicity` if the series now meets at another interval"
                    )),
                );
            }
            return;
        }
    }
    let (Some((this, this_span)), Some((next, next_span)), Some(expected), Some(periodicity)) = (
        series.this_year,
        series.next_year,
        series.expected_year,
        cx.document.header.periodicity.as_ref(),
    ) else {
        return;
    };
    // A next meeting that is not after this one is reported by `series::next-meeting-not-after`,
    // and a year that is not the year of the dates by `series::next-year-and-dates-differ`.
    let within = series
        .next_years
        .is_some_and(|years| years.includes(expected));
    if i32::from(next) == expected || within || series.next_not_after || series.next_year_differs {
        return;
    }
    let every = periodicity.value.words();
    out.push(
        Diagnostic::error(
            CHECK.code,
            format!(
                "the next meeting is in {next}, but a series that meets {every} meets next in {expected}"
            ),
        )
        .primary(next_span, format!("expected {expected}"))
        .secondary(this_span, format!("this meeting is in {this}"))
        .secondary(periodicity.span, format!("meets {every}"))
        .help(format!(
            "write {expected} for the next meeting, or correct `periodicity` if the series now meets at another interval"
        )),
    );
}
