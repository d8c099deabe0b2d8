//! ## What it finds
//!
//! A `next meeting:` block that says the next meeting is held in another year, by another host
//! or in another place than the declaration of that meeting, given in the same run, says it
//! was: the first meeting's declaration expects the second in 2009 in the Netherlands, and the
//! second meeting's declaration is dated 2010 in Belgium. The meeting is known by its edition:
//! the block's `edition`, else the one after the first declaration's.
//!
//! ## Why it matters
//!
//! A series is read across its declarations: the next meeting announced in one is the meeting
//! recorded in the next. When they disagree, one of the two texts is wrong, or the meeting was
//! moved and no text says so; a reader of the series cannot tell which.
//!
//! ## Example
//!
//! ```text
//! // asem-sme-2007.decl
//! edition: first
//!
//! next meeting:
//! host: Netherlands
//! year: 2009
//!
//! // asem-sme-2009.decl
//! edition: second
//! host: Belgium
//! dates: 2010-05-03 to 2010-05-04
//! ```
//!
//! ## How to fix
//!
//! Correct the slip where it is: the header of the later declaration, or the `next meeting:`
//! block of the earlier one. If the meeting really was moved, leave both, and say in a `//`
//! note of the later declaration why; the warning can then be turned off for the file's
//! project in `plenary.toml`.

use crate::analysis::collection::Group;
use crate::check::across::{differences, list, named, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Across = Across {
    code: "across::next-meeting-differs-from-its-declaration",
    default_severity: Severity::Warning,
    summary: "a next meeting announced otherwise than its own declaration, in the run, records it",
    source_file: include_str!("next_meeting_differs_from_its_declaration.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for &(by, statement) in &group.statements {
        if statement.past {
            continue;
        }
        let Some(held) = group.meeting_stated(by, statement) else {
            continue;
        };
        let facts = differences(by.declaration, statement, held.declaration);
        let Some(first) = facts.first() else {
            continue;
        };
        let mut diagnostic = Diagnostic::warning(
            CHECK.code,
            format!(
                "{} has {}, but {} announced it with {}",
                named(held.declaration),
                list(&facts, false),
                named(by.declaration),
                list(&facts, true),
            ),
        )
        .primary(first.held.1, format!("{} {}", first.what, first.held.0));
        for fact in &facts[1..] {
            diagnostic =
                diagnostic.secondary(fact.held.1, format!("{} {}", fact.what, fact.held.0));
        }
        for fact in &facts {
            diagnostic = diagnostic.elsewhere(
                &by.declaration.file,
                format!("the next meeting as {} announced it", by.declaration.name()),
                fact.stated.1,
                format!("{} {}", fact.what, fact.stated.0),
            );
        }
        out.push(Placed {
            file: held.index,
            diagnostic: diagnostic.help(format!(
                "correct this header or the `next meeting:` block of {}; if the meeting was moved, say so in a `//` note here",
                by.declaration.file
            )),
        });
    }
}
