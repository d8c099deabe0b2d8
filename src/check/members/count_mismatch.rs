//! ## What it finds
//!
//! A member annex whose stated total, in parentheses after its title, is not the number of
//! members it lists.
//!
//! A member listed twice counts once, but a total that counts its second line passes too:
//! the repeat is reported by `members::duplicate`. When the members the annex lacks (the
//! forum's members on the date, or those another language version lists) or lists in excess
//! are exactly the difference, they are reported one by one instead, by
//! `members::missing-forum-member`, `members::not-in-forum` or `versions::member-mismatch`.
//! An annex with a line that does not read as a member is not counted.
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

use crate::analysis::members::AnnexInfo;
use crate::ast::{FactKey, Inline};
use crate::check::facts::read_count;
use crate::check::members::members;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "members::count-mismatch",
    default_severity: Severity::Error,
    summary: "the annex's stated total is not the number of members it lists",
    source_file: include_str!("count_mismatch.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        let annex = info.annex;
        // A line that does not read as a member may be one: the count is not known.
        let (Some(stated), true) = (&annex.stated_count, info.complete) else {
            continue;
        };
        // A total the absent or extra members account for is reported through them.
        if info.agrees(stated.value) || info.explains(stated.value) {
            continue;
        }
        let listed = info.distinct;
        let total = stated.value as usize;
        // Prose that repeats the total sides with one of the two numbers, which tells which
        // one to correct.
        let prose = prose_counts(cx, info);
        let with_total = prose.iter().find(|(n, _)| *n == total);
        let with_list = prose.iter().find(|(n, _)| *n == listed);
        let help = match (listed.cmp(&total), with_total, with_list) {
            (_, None, Some(_)) => {
                format!("correct the total to {listed}, the number of members listed and the number the text says")
            }
            (std::cmp::Ordering::Less, Some(_), _) => format!(
                "the text also says {total}: add the {} missing, or correct the total and the text to {listed}",
                members(total - listed)
            ),
            (std::cmp::Ordering::Less, None, _) if total - listed == 1 => {
                format!("add the missing member, or correct the total to {listed}")
            }
            (std::cmp::Ordering::Less, None, _) => format!(
                "add the {} missing members, or correct the total to {listed}",
                total - listed
            ),
            (_, Some(_), _) => format!(
                "the text also says {total}: remove what is listed by mistake, or correct the total and the text to {listed}"
            ),
            _ => format!("remove what is listed by mistake, or correct the total to {listed}"),
        };
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "the annex lists {}, but its title states {total}",
                members(listed)
            ),
        )
        .primary(stated.span, format!("{listed} listed"));
        if let Some((n, span)) = with_total.or(with_list) {
            diagnostic = diagnostic.secondary(*span, format!("the text says {n}"));
        }
        diagnostic = diagnostic.help(help);
        if !annex.groups.is_empty() {
            let groups: Vec<String> = info
                .groups
                .iter()
                .map(|group| format!("{} {}", group.group.name.value, group.distinct))
                .collect();
            diagnostic = diagnostic.note(format!("the groups list {}", groups.join(", ")));
        }
        out.push(diagnostic);
    }
}

/// The numbers that the marked facts `{... = members}` of the annex's version say.
fn prose_counts(cx: &Context, info: &AnnexInfo) -> Vec<(usize, Span)> {
    let mut counts = Vec::new();
    let language = cx.analysis.versions[info.version].meta.language;
    cx.document.versions[info.version].for_each_inline(&mut |inline| {
        if let Inline::Fact { text, key, .. } = inline {
            if key.value == FactKey::Members {
                if let Some(n) = read_count(&text.value, language) {
                    counts.push((n as usize, text.span));
                }
            }
        }
    });
    counts
}
