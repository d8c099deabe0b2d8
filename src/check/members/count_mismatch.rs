//! ## What it finds
//!
//! A member annex whose stated total, in parentheses after its title, is not the number of
//! members it lists.
//!
//! ## Why it matters
//!
//! The total is the number the declaration announces ("45 ASEM members gathered"). If the list
//! under it has 44 names, either a member was left out of the annex or the total is wrong, and
//! a delegation that finds itself missing will ask why.
//!
//! ## Example
//!
//! ```text
//! annex: List of ASEM Members (45)
//! - Austria
//! - Belgium
//! ```
//!
//! ## How to fix
//!
//! Add the members that are missing, or remove the ones listed by mistake, or correct the total
//! in parentheses to the number of names listed.

use crate::check::members::{annexes, members};
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "members::count-mismatch",
    default_severity: Severity::Error,
    summary: "the annex's stated total is not the number of members it lists",
    source_file: include_str!("count_mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (_, annex) in annexes(cx) {
        let Some(stated) = &annex.stated_count else {
            continue;
        };
        let listed = annex.all_members().count();
        let total = stated.value as usize;
        if listed == total {
            continue;
        }
        let help = match listed.cmp(&total) {
            std::cmp::Ordering::Less if total - listed == 1 => {
                format!("add the missing member, or correct the total to {listed}")
            }
            std::cmp::Ordering::Less => format!(
                "add the {} missing members, or correct the total to {listed}",
                total - listed
            ),
            _ => format!("remove what is listed by mistake, or correct the total to {listed}"),
        };
        let mut diagnostic = Diagnostic::error(
            RULE.code,
            format!(
                "the annex lists {}, but its title states {total}",
                members(listed)
            ),
        )
        .primary(stated.span, format!("{listed} listed"))
        .help(help);
        if !annex.groups.is_empty() {
            let groups: Vec<String> = annex
                .groups
                .iter()
                .map(|group| format!("{} {}", group.name.value, group.members.len()))
                .collect();
            diagnostic = diagnostic.note(format!("the groups list {}", groups.join(", ")));
        }
        out.push(diagnostic);
    }
}
