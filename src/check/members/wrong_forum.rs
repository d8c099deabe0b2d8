//! ## What it finds
//!
//! A member annex that does not fit the header's `forum:` at all: most of the members it lists
//! (that the registry knows) were not members of that forum on the day of the meeting. A list of
//! ASEM's members under `forum: APEC`, say. Where the registry knows a forum that the members do
//! fit, plenary names it.
//!
//! ## Why it matters
//!
//! The forum decides whose declaration this is, and every member is checked against its
//! membership. When the forum is wrong, each member would seem to be a mistake of its own; the
//! slip is one field of the header, and this check reports it once, in its place, instead of the
//! member checks reporting every name.
//!
//! ## Example
//!
//! ```text
//! forum: APEC
//! adopted: 2007-10-31
//!
//! annex: List of ASEM Members (45)
//! group: Europe (28)
//! - Austria
//! - Belgium
//! ```
//!
//! ## How to fix
//!
//! Correct `forum:` (or the date, if the members are those of the forum at another time). If the
//! annex lists the participants of a meeting that is not the forum's own, remove `forum:` from
//! the header.

use crate::check::members::members;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::wrong-forum",
    default_severity: Severity::Error,
    summary: "a member annex that does not fit the header's forum at all",
    source_file: include_str!("wrong_forum.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(on) = &cx.analysis.forum else {
        return;
    };
    let Some(misfit) = &on.misfit else {
        return;
    };
    let forum = on.forum.prose();
    let mut diagnostic = Diagnostic::error(
        CHECK.code,
        format!(
            "{} of the {} the annex lists were not members of {forum} on {}",
            misfit.outside,
            members(misfit.known),
            on.date
        ),
    );
    diagnostic = match misfit.fits {
        Some(fits) => diagnostic
            .primary(on.field.span, format!("the annex lists members of {}", fits.name))
            .help(format!(
                "did you mean `forum: {}`? If the annex lists who attended rather than the forum's members, remove `forum:`",
                fits.name
            )),
        None => diagnostic
            .primary(on.field.span, "not the forum of these members")
            .help("correct `forum:` or the date of the meeting; if the annex lists who attended rather than the forum's members, remove `forum:`"),
    };
    if let Some(annex) = cx.analysis.annex_of(0) {
        diagnostic = diagnostic.secondary(annex.annex.title.span, "the annex");
    }
    out.push(diagnostic);
}
