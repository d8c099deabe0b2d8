//! ## What it finds
//!
//! Two declarations of consecutive meetings of a series, given in the same run, held further
//! apart (or, for a fixed period, nearer) than the earlier one's `periodicity:` says: the first
//! meeting, biennial, in 2007, and the second in 2010. When the earlier declaration's `next
//! meeting:` block gives the year, the later declaration is compared with that block instead
//! (`across::next-meeting-differs-from-its-declaration`).
//!
//! ## Why it matters
//!
//! The periodicity a declaration states is a rule of the series. The next declaration shows
//! whether the series kept it; a meeting held out of turn is either a slip in a date or a
//! change of rule that neither text records.
//!
//! ## Example
//!
//! ```text
//! // asem-sme-2007.decl
//! edition: first
//! dates: 2007-09-26 to 2007-09-27
//! periodicity: biennial
//!
//! // asem-sme-2010.decl
//! edition: second
//! dates: 2010-05-03 to 2010-05-04
//! ```
//!
//! ## How to fix
//!
//! Correct the date that is wrong; if the meeting was held out of turn, say so in a `//` note.

use crate::analysis::collection::Group;
use crate::ast::Periodicity;
use crate::check::across::{named, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Across = Across {
    code: "across::periodicity-broken",
    default_severity: Severity::Warning,
    summary: "consecutive meetings held apart otherwise than the earlier one's periodicity says",
    source_file: include_str!("periodicity_broken.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for earlier in &group.members {
        let (Some(periodicity), Some((year, _))) =
            (&earlier.declaration.periodicity, earlier.declaration.year)
        else {
            continue;
        };
        let Some(later) = group.next_after(*earlier) else {
            continue;
        };
        // A next meeting announced with its year is compared with the later declaration by
        // `across::next-meeting-differs-from-its-declaration`.
        if group
            .announced(*earlier, later)
            .is_some_and(|s| s.years.is_some())
        {
            continue;
        }
        let Some((next_year, next_span)) = later.declaration.year else {
            continue;
        };
        let apart = i32::from(next_year) - i32::from(year);
        let rule = periodicity.value.words();
        let (kept, expected) = match periodicity.value {
            Periodicity::EveryYears(n) => (
                i64::from(apart) == i64::from(n),
                format!("in {}", i64::from(year) + i64::from(n)),
            ),
            Periodicity::AtMostEveryYears(n) => (
                i64::from(apart) <= i64::from(n),
                format!("by {}", i64::from(year) + i64::from(n)),
            ),
        };
        if kept {
            continue;
        }
        out.push(Placed {
            file: later.index,
            diagnostic: Diagnostic::warning(
                CHECK.code,
                format!(
                    "this meeting is held in {next_year}, {} after {}: a series that meets {rule} would hold it {expected}",
                    crate::numbers::plural(apart.unsigned_abs() as usize, "year"),
                    named(earlier.declaration),
                ),
            )
            .primary(next_span, format!("expected {expected}"))
            .elsewhere(
                &earlier.declaration.file,
                format!("the declaration of {}", earlier.declaration.name()),
                periodicity.span,
                format!("meets {rule}"),
            )
            .help("correct the date that is wrong, or say in a `//` note that the meeting was held out of turn"),
        });
    }
}
