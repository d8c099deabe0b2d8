//! ## What it finds
//!
//! A group of the member annex whose stated count, in parentheses after its name, is not the
//! number of members listed under it.
//!
//! As for the annex's total (`members::count-mismatch`): a repeat counts once, a group with a
//! line that does not read is not counted, and a difference that the members named missing or
//! in excess account for is reported through them.
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

use crate::analysis::members::AnnexInfo;
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
        if groups_explained(info) {
            continue;
        }
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

/// Whether the groups' counts are off by just the members that the annex's total is off by,
/// and that the member checks name (see [`AnnexInfo::explains`]).
pub(crate) fn groups_explained(info: &AnnexInfo) -> bool {
    let Some(total) = &info.annex.stated_count else {
        return false;
    };
    let difference = |stated: u32, listed: usize| i64::from(stated) - listed as i64;
    let groups: i64 = info
        .groups
        .iter()
        .filter_map(|g| Some(difference(g.group.stated_count.as_ref()?.value, g.distinct)))
        .sum();
    info.explains(total.value) && groups == difference(total.value, info.distinct)
}
