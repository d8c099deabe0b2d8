//! ## What it finds
//!
//! A member listed in the annex that was not a member of the declaration's forum (the header's
//! `forum:`) on the day of the meeting: the day of adoption, or else the first day of the
//! meeting. The registry of members knows when each member joined or left the forums it
//! records (ASEM, APEC, ASEAN, the EU).
//!
//! ## Why it matters
//!
//! A member list is checked against the forum's own records before signature. Listing a
//! state that joined later, or one that has left, misstates who adopted the text.
//!
//! ## Example
//!
//! ```text
//! forum: ASEM
//! adopted: 2007-10-31
//! ...
//! group: Europe (28)
//! - Russia
//! ```
//!
//! Russia joined ASEM in 2010.
//!
//! ## How to fix
//!
//! Remove the member from the annex, or correct the header's `forum:` or date if they are wrong.

use crate::check::members::fitting_forum;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::not-in-forum",
    default_severity: Severity::Error,
    summary: "an annex member that was not a member of the forum on the day of the meeting",
    source_file: include_str!("not_in_forum.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Some(on), Some(annex)) = (fitting_forum(cx), cx.analysis.annex_of(0)) else {
        return;
    };
    let forum = on.forum.prose();
    for listed in &annex.listed {
        let Some(found) = listed.found else {
            continue;
        };
        let id = found.entity.id.as_str();
        // A state that did not exist then is `members::did-not-exist`'s to report.
        if on.members.contains(id) || !found.entity.exists_in(cx.analysis.period) {
            continue;
        }
        let name = &listed.member.name;
        let history: Vec<String> = on
            .forum
            .history(id)
            .into_iter()
            .map(|event| {
                let verb = event.verb(id).unwrap_or("joined");
                format!(
                    "{} {verb} {forum} on {} ({})",
                    found.entity.english(),
                    event.date,
                    event.what
                )
            })
            .collect();
        let note = if history.is_empty() {
            format!(
                "{} has never been a member of {forum}",
                found.entity.english()
            )
        } else {
            history.join("; ")
        };
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("`{name}` was not a member of {forum} on {}", on.date),
            )
            .primary(listed.member.span, format!("not a member of {forum} then"))
            .secondary(on.field.span, "the forum")
            .note(note)
            .help(format!(
                "remove `{name}` from the annex, or correct the forum or the date in the header"
            )),
        );
    }
}
