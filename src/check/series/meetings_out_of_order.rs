//! ## What it finds
//!
//! A meeting of the series that stands in the wrong place on its record: a `past meeting:`
//! whose edition or year is not before this meeting's, or a meeting after the next one (a
//! second `next meeting:` block of the series) whose edition or year is not after the one
//! before it.
//!
//! ## Why it matters
//!
//! "Since the Fifth Forum Meeting in April 1980", "to be hosted by Chile in 2027 and by Thailand
//! in 2029": a series' record is cited to show its continuity. A past meeting dated after this
//! one, or two future meetings in the wrong order, is a slip in an edition or a year.
//!
//! ## Example
//!
//! ```text
//! edition: sixth
//! dates: 1981-04-14 to 1981-04-15
//!
//! past meeting:
//! edition: seventh
//! year: 1980
//! ```
//!
//! ## How to fix
//!
//! Correct the edition or the year of the meeting that is out of place.

use crate::analysis::series::{Entry, EntryKind};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "series::meetings-out-of-order",
    default_severity: Severity::Error,
    summary: "a past meeting not before this one, or a later meeting not after the one before it",
    source_file: include_str!("meetings_out_of_order.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let record = &cx.analysis.series.record;
    let Some(this) = record.iter().position(|e| e.kind == EntryKind::This) else {
        return;
    };
    for (index, entry) in record.iter().enumerate() {
        // A past meeting is compared with this meeting; a later one with the meeting before it.
        let against = match entry.kind {
            EntryKind::Past => &record[this],
            EntryKind::Later => &record[index - 1],
            EntryKind::This | EntryKind::Next => continue,
        };
        let past = entry.kind == EntryKind::Past;
        if let (Some((edition, span)), Some((other, other_span))) = (entry.edition, against.edition)
        {
            if (past && edition >= other) || (!past && edition <= other) {
                out.push(out_of_order(
                    entry, against, span, other_span, past, "edition",
                ));
                continue;
            }
        }
        if let (Some((years, span)), Some((other, other_span))) = (entry.years, against.years) {
            if (past && years.first > other.last) || (!past && years.last <= other.first) {
                out.push(out_of_order(entry, against, span, other_span, past, "year"));
            }
        }
    }
}

fn out_of_order(
    entry: &Entry,
    against: &Entry,
    span: crate::Span,
    other: crate::Span,
    past: bool,
    what: &str,
) -> Diagnostic {
    let value = |e: &Entry| match what {
        "edition" => e
            .edition
            .map(|(n, _)| {
                let words = crate::numbers::ordinal_words(n)
                    .unwrap_or_else(|| crate::numbers::ordinal_digits(n));
                format!("the {words}")
            })
            .unwrap_or_default(),
        _ => e
            .years
            .map(|(y, _)| y.first.to_string())
            .unwrap_or_default(),
    };
    let message = if past {
        format!(
            "a past meeting is {}, but this meeting is {}",
            value(entry),
            value(against)
        )
    } else {
        format!(
            "{} comes after {} on the record, but is {}",
            entry.name(),
            against.name(),
            match what {
                "edition" => "numbered before it".to_string(),
                _ => format!("in {}, not after {}", value(entry), value(against)),
            }
        )
    };
    let help = if past {
        "a past meeting comes before this one: correct the one that is wrong"
    } else {
        "each meeting of the series comes after the one before it: correct the one that is wrong"
    };
    Diagnostic::error(CHECK.code, message)
        .primary(span, format!("its {what}"))
        .secondary(other, format!("the {what} of {}", against.name()))
        .help(help)
}
