//! ## What it finds
//!
//! Members of the declaration's forum (the header's `forum:`) on the day of the meeting that the
//! annex does not list. The day is the day of adoption, or else the first day of the meeting;
//! the registry of members knows each forum's membership on each day.
//!
//! ## Why it matters
//!
//! A member left out of the list of those who adopted the text is the most serious slip a
//! member list can have: the delegation is, on paper, not there.
//!
//! ## Example
//!
//! ```text
//! forum: ASEM
//! adopted: 2007-10-31
//! ...
//! group: Asia (15)
//! - Brunei Darussalam
//! - Cambodia
//! ...
//! ```
//!
//! with "Viet Nam" missing from the list.
//!
//! ## How to fix
//!
//! Add the members the message names to the annex, in their group. If the forum or the date in
//! the header is wrong, correct it instead. If the annex lists only the members that attended,
//! not the whole forum, set this check to "off" in `plenary.toml`
//! (`"members::missing-forum-member" = "off"` under `[levels]`).

use crate::check::members::{fitting_forum, members};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::missing-forum-member",
    default_severity: Severity::Error,
    summary: "a member of the forum on the day of the meeting that the annex does not list",
    source_file: include_str!("missing_forum_member.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(on), Some(info)) = (fitting_forum(cx), cx.analysis.annex_of(0)) else {
        return;
    };
    // A line of the annex that does not read may be the member that seems missing.
    if !info.complete {
        return;
    }
    let (annex, language) = (info.annex, info.language);
    let mut missing: Vec<&str> = on
        .members
        .iter()
        .filter(|id| !info.lists(id))
        .filter_map(|id| cx.registry.entity(id))
        .map(|entity| entity.preferred(language))
        .collect();
    if missing.is_empty() {
        return;
    }
    missing.sort_unstable();
    let forum = on.forum.prose();
    let names = missing
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    out.push(
        Diagnostic::error(
            CHECK.code,
            format!(
                "the annex does not list {} that {forum} had on {}: {names}",
                members(missing.len()),
                on.date
            ),
        )
        .primary(
            annex.title.span,
            format!("{} missing", members(missing.len())),
        )
        .secondary(on.field.span, "the forum")
        .help(format!(
            "add {} to the annex, or correct the forum or the date in the header",
            if missing.len() == 1 { "it" } else { "them" }
        )),
    );
}
