//! ## What it finds
//!
//! A `past meeting:` block that records a meeting in another year, with another host or in
//! another place than the declaration of that meeting, given in the same run: the seventh
//! meeting's text says the sixth was held in 1980, and the sixth meeting's declaration is dated
//! 1981. The meeting is known by the block's `edition`; a block without one is not compared.
//!
//! ## Why it matters
//!
//! What a text recalls of an earlier meeting is a fact of the past, and the earlier meeting's
//! own declaration records it: when they disagree, one of the two is wrong.
//!
//! ## Example
//!
//! ```text
//! // forum-1981.decl
//! edition: sixth
//! dates: 1981-04-14 to 1981-04-15
//!
//! // forum-1982.decl
//! past meeting:
//! edition: sixth
//! year: 1980
//! ```
//!
//! ## How to fix
//!
//! Correct the `past meeting:` block (here `year: 1981`), or the earlier declaration's header if
//! the slip is there.

use crate::analysis::collection::Group;
use crate::check::across::{differences, list, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Across = Across {
    code: "across::past-meeting-differs-from-its-declaration",
    default_severity: Severity::Error,
    summary: "a past meeting recorded otherwise than its own declaration, in the run, records it",
    source_file: include_str!("past_meeting_differs_from_its_declaration.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for &(by, statement) in &group.statements {
        if !statement.past {
            continue;
        }
        let Some(held) = group.meeting_stated(by, statement) else {
            continue;
        };
        let facts = differences(by.declaration, statement, held.declaration);
        let Some(first) = facts.first() else {
            continue;
        };
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "this text records {} with {}, but its own declaration, {}, has {}",
                held.declaration.name(),
                list(&facts, true),
                held.declaration.file,
                list(&facts, false),
            ),
        )
        .primary(first.stated.1, format!("{} {}", first.what, first.stated.0));
        for fact in &facts[1..] {
            diagnostic =
                diagnostic.secondary(fact.stated.1, format!("{} {}", fact.what, fact.stated.0));
        }
        for fact in &facts {
            diagnostic = diagnostic.elsewhere(
                &held.declaration.file,
                format!("the declaration of {}", held.declaration.name()),
                fact.held.1,
                format!("{} {}", fact.what, fact.held.0),
            );
        }
        out.push(Placed {
            file: by.index,
            diagnostic: diagnostic.help(format!(
                "write the {} of {} under `past meeting:`, or correct the header of {}",
                facts
                    .iter()
                    .map(|f| f.what)
                    .collect::<Vec<_>>()
                    .join(" and "),
                held.declaration.name(),
                held.declaration.file
            )),
        });
    }
}
