//! ## What it finds
//!
//! Two declarations of one series, given in the same run, that give the same edition to two
//! different meetings: both say they are the second meeting, one dated 2009 and the other 2011.
//! Two texts of one meeting (its declaration and its communiqué, held on the same days) are not
//! a repeat.
//!
//! ## Why it matters
//!
//! The edition is how a meeting of the series is cited; two meetings under one number make
//! every citation of it ambiguous, and the later numbers wrong.
//!
//! ## Example
//!
//! ```text
//! // asem-sme-2009.decl
//! edition: second
//! dates: 2009-05-14 to 2009-05-15
//!
//! // asem-sme-2011.decl
//! edition: second
//! dates: 2011-06-20 to 2011-06-21
//! ```
//!
//! ## How to fix
//!
//! Give the later meeting its own edition (here `third`), or correct the earlier one.

use crate::analysis::collection::Group;
use crate::check::across::{Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Across = Across {
    code: "across::edition-repeated",
    default_severity: Severity::Error,
    summary: "two meetings of a series given the same edition by their declarations",
    source_file: include_str!("edition_repeated.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for (at, later) in group.members.iter().enumerate() {
        let Some((edition, span)) = later.declaration.edition else {
            continue;
        };
        // The nearest earlier declaration with the same edition: one diagnostic for each repeat.
        let Some(earlier) = group.members[..at]
            .iter()
            .rev()
            .find(|m| m.declaration.edition.is_some_and(|(e, _)| e == edition))
        else {
            continue;
        };
        if earlier.declaration.same_meeting(later.declaration) != Some(false) {
            continue;
        }
        let Some((earlier_edition, earlier_span)) = earlier.declaration.edition else {
            continue;
        };
        let when = |d: &crate::analysis::collection::Declaration| {
            d.year.map_or_else(String::new, |(y, _)| y.to_string())
        };
        out.push(Placed {
            file: later.index,
            diagnostic: Diagnostic::error(
                CHECK.code,
                format!(
                    "this meeting, of {}, is given as the {}, but so is the meeting of {} ({})",
                    when(later.declaration),
                    crate::analysis::collection::ordinal(edition),
                    when(earlier.declaration),
                    earlier.declaration.file
                ),
            )
            .primary(span, "the same edition as an earlier meeting")
            .elsewhere(
                &earlier.declaration.file,
                format!("the declaration of {}", earlier.declaration.name()),
                earlier_span,
                format!(
                    "the {} here too",
                    crate::analysis::collection::ordinal(earlier_edition)
                ),
            )
            .help(format!(
                "give this meeting its own edition (the {} if it follows that one), or correct the edition of {}",
                crate::analysis::collection::ordinal(edition + 1),
                earlier.declaration.file
            )),
        });
    }
}
