//! ## What it finds
//!
//! A member annex whose groups' stated counts (with any members listed before the first group)
//! do not add up to the total stated in its title.
//!
//! Where the lists can be counted, a group count or a total that disagrees with its list is
//! reported by `members::group-count-mismatch` or `members::count-mismatch`; this check reports
//! what they cannot see: counts that contradict each other where a list cannot be counted.
//!
//! ## Why it matters
//!
//! The total and the group counts are all printed; a reader who adds 16 Asian members, 27
//! European members and 2 institutions expects the 45 of the title. When the counts of the
//! groups agree with their lists but not with the total, this is the only trace of the mistake.
//!
//! ## Example
//!
//! ```text
//! annex: List of ASEM Members (45)
//!
//! group: Asia (16)
//! ...
//! group: Europe (26)
//! ...
//! group: Institutions (2)
//! ```
//!
//! ## How to fix
//!
//! Correct the count that is wrong: the total in the annex's title, or the count of a group.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::groups-do-not-add-up",
    default_severity: Severity::Error,
    summary: "the annex groups' counts do not add up to the annex's total",
    source_file: include_str!("groups_do_not_add_up.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        let annex = info.annex;
        let Some(total) = &annex.stated_count else {
            continue;
        };
        if annex.groups.is_empty() {
            continue;
        }
        let Some(counts) = annex
            .groups
            .iter()
            .map(|group| group.stated_count.as_ref())
            .collect::<Option<Vec<_>>>()
        else {
            // A group without a count adds nothing to compare.
            continue;
        };
        let sum = annex.members.len() + counts.iter().map(|c| c.value as usize).sum::<usize>();
        // When the group counts add up to what is listed, `members::count-mismatch` already
        // reports the same two numbers.
        let sum_agrees = u32::try_from(sum).is_ok_and(|sum| info.agrees(sum));
        // When the groups whose counts disagree with their lists are counted as listed, and
        // the sum is then the total, the groups' own counts are the slip, which
        // `members::group-count-mismatch` reports.
        let as_listed: usize = info.members_before_groups()
            + info
                .groups
                .iter()
                .map(|g| match &g.group.stated_count {
                    Some(count) if g.agrees(count.value) => count.value as usize,
                    _ => g.distinct,
                })
                .sum::<usize>();
        if sum == total.value as usize
            || (info.complete && (sum_agrees || as_listed == total.value as usize))
        {
            continue;
        }
        let mut parts: Vec<String> = annex
            .groups
            .iter()
            .zip(&counts)
            .map(|(group, count)| format!("{} {}", group.name.value, count.value))
            .collect();
        if !annex.members.is_empty() {
            parts.insert(0, format!("{} before the first group", annex.members.len()));
        }
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "the groups' counts add up to {sum} ({}), but the annex states {}",
                parts.join(" + "),
                total.value
            ),
        )
        .primary(total.span, format!("the groups add up to {sum}"));
        for (group, count) in annex.groups.iter().zip(&counts) {
            diagnostic = diagnostic.secondary(count.span, format!("`{}`", group.name.value));
        }
        out.push(diagnostic.help("correct the total in the annex's title or the count of a group"));
    }
}
