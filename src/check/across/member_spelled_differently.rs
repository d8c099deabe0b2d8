//! ## What it finds
//!
//! A member whose name is written one way in the annex of a declaration and another way in the
//! annex of the declaration before it, of the same series and in the same language, given in
//! the same run: "Viet Nam" in 2007 and "Vietnam" in 2009. A name that changed between the two
//! meetings ("Swaziland", then "Eswatini") is not reported: the earlier name must still be one
//! the registry accepts on the later date.
//!
//! ## Why it matters
//!
//! The declarations of a series are read and searched together. A member spelt two ways looks
//! like two members, and one of the two spellings is not the one the series uses.
//!
//! ## Example
//!
//! ```text
//! // asem-sme-2007.decl
//! annex:
//! - Viet Nam
//!
//! // asem-sme-2009.decl
//! annex:
//! - Vietnam
//! ```
//!
//! ## How to fix
//!
//! Write the member as the earlier declarations of the series do (here `Viet Nam`), or, if the
//! series changes its spelling on purpose, say so in a `//` note.

use crate::analysis::collection::Group;
use crate::check::across::{named, Across, Placed};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{fold, Spelling};

pub const CHECK: Across = Across {
    code: "across::member-spelled-differently",
    default_severity: Severity::Warning,
    summary: "a member spelt otherwise than in the declaration before, of the same series",
    source_file: include_str!("member_spelled_differently.rs"),
    run,
};

fn run(group: &Group, out: &mut Vec<Placed>) {
    for (at, later) in group.members.iter().enumerate() {
        for member in &later.declaration.members {
            // The nearest earlier declaration that lists the member in the same language.
            let Some((earlier, before)) = group.members[..at].iter().rev().find_map(|m| {
                m.declaration
                    .members
                    .iter()
                    .find(|e| e.id == member.id && e.language == member.language)
                    .map(|e| (m, e))
            }) else {
                continue;
            };
            if fold(&before.name) == fold(&member.name) {
                continue;
            }
            // The earlier spelling must be one a text of the later date may use, of the same
            // member: a name that changed in between is no slip.
            let still_used = later
                .registry
                .lookup_in(&before.name, later.declaration.period)
                .is_some_and(|found| {
                    found.entity.id == member.id && matches!(found.spelling, Spelling::Accepted)
                });
            if !still_used {
                continue;
            }
            out.push(Placed {
                file: later.index,
                diagnostic: Diagnostic::warning(
                    CHECK.code,
                    format!(
                        "\"{}\" is written \"{}\" in {}",
                        member.name,
                        before.name,
                        named(earlier.declaration)
                    ),
                )
                .primary(member.span, format!("written \"{}\" before", before.name))
                .elsewhere(
                    &earlier.declaration.file,
                    format!("the declaration of {}", earlier.declaration.name()),
                    before.span,
                    "",
                )
                .help(format!(
                    "write \"{}\" as the series has, or say in a `//` note why the spelling changes",
                    before.name
                )),
            });
        }
    }
}
