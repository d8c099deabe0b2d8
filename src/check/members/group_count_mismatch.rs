//! ## What it finds
//!
//! A group of the member annex whose stated count, in parentheses after its name, is not the
//! number of members listed under it.
//!
//! ## Why it matters
//!
//! Group counts are facts the text relies on ("16 Asian members"); a group that lists 15 names
//! under a count of 16 has lost a member or states a wrong number.
//!
//! ## Example
//!
//! ```text
//! group: Institutions (3)
//! - ASEAN Secretariat
//! - European Commission
//! ```
//!
//! ## How to fix
//!
//! Add the member that is missing from the group, remove the one listed by mistake, or correct
//! the count in parentheses.

use crate::check::members::members;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::group-count-mismatch",
    default_severity: Severity::Error,
    summary: "an annex group's stated count is not the number of members under it",
    source_file: include_str!("group_count_mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        for group in &info.groups {
            let (Some(stated), true) = (&group.group.stated_count, group.complete) else {
                continue;
            };
            if group.agrees(stated.value) {
                continue;
            }
            let listed = group.distinct;
            let name = &group.group.name.value;
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the group `{name}` lists {}, but states {}",
                        members(listed),
                        stated.value
                    ),
                )
                .primary(stated.span, format!("{listed} listed"))
                .secondary(group.group.name.span, "in this group")
                .help(format!(
                    "list every member of `{name}` under it, or correct its count to {listed}"
                )),
            );
        }
    }
}
