//! ## What it finds
//!
//! Two declarations of one series, given in the same run, whose editions run against their
//! dates: the third meeting held in 2011 and the fourth in 2010.
//!
//! ## Why it matters
//!
//! The editions of a series count its meetings in the order they were held. A later meeting
//! with a lower number means one of the two editions or one of the two dates is wrong.
//!
//! ## Example
//!
//! ```text
//! // a.decl
//! edition: third
//! dates: 2011-06-20 to 2011-06-21
//!
//! // b.decl
//! edition: fourth
//! dates: 2010-05-03 to 2010-05-04
//! ```
//!
//! ## How to fix
//!
//! Correct the edition or the dates of the declaration that is wrong.

use crate::analysis::collection::{ordinal, Group};
use crate::check::across::{Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Across = Across {
    code: "across::editions-out-of-order",
    default_severity: Severity::Error,
    summary: "a later meeting of a series given a lower edition than an earlier one",
    source_file: include_str!("editions_out_of_order.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    // The group is in the order of the meetings' days: each numbered and dated meeting is
    // compared with the nearest earlier one, so that one slip is one diagnostic.
    let dated: Vec<_> = group
        .members
        .iter()
        .filter(|m| m.declaration.edition.is_some() && m.declaration.year.is_some())
        .collect();
    for pair in dated.windows(2) {
        let (earlier, later) = (pair[0].declaration, pair[1].declaration);
        let (Some((a, a_span)), Some((b, b_span)), Some((a_year, a_at)), Some((b_year, b_at))) =
            (earlier.edition, later.edition, earlier.year, later.year)
        else {
            continue;
        };
        // Meetings of one year without their days are not known to be in either order.
        let later_held = match (&earlier.dates, &later.dates) {
            (Some(x), Some(y)) => x.value.end < y.value.start,
            _ => a_year < b_year,
        };
        if !later_held || b >= a {
            continue;
        }
        out.push(Placed {
            file: pair[0].index,
            diagnostic: Diagnostic::error(
                CHECK.code,
                format!(
                    "this meeting, of {a_year}, is given as the {}, but the {}, {}, was held after it, in {b_year}",
                    ordinal(a),
                    ordinal(b),
                    later.file
                ),
            )
            .primary(a_span, format!("the {}", ordinal(a)))
            .secondary(a_at, a_year.to_string())
            .elsewhere(
                &later.file,
                format!("the declaration of {}", later.name()),
                b_span,
                format!("the {}, held in {b_year}", ordinal(b)),
            )
            .elsewhere_also(b_at, b_year.to_string())
            .help(format!(
                "correct the edition or the dates of this declaration or of {}",
                later.file
            )),
        });
    }
}
