//! ## What it finds
//!
//! A header's `forum:` that names no forum the registry of members knows: `forum: G-20s`,
//! `forum: Asean Regional Forum`. The message lists the forums it knows.
//!
//! ## Why it matters
//!
//! The forum is what the annex is checked against: who was a member on the day, and how many
//! there were. A forum the registry does not know leaves the annex unchecked, and a drafter who
//! wrote `forum:` meant it to be checked; plenary says so rather than skip it in silence.
//!
//! ## Example
//!
//! ```text
//! forum: APEK
//! ```
//!
//! ## How to fix
//!
//! Write the forum's name as the registry has it (plenary suggests the closest), or remove
//! `forum:` if the registry does not know the forum: the annex is then checked on its own.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::suggest;

pub const CHECK: Check = Check {
    code: "members::unknown-forum",
    default_severity: Severity::Warning,
    summary: "a forum the registry of members does not know",
    source_file: include_str!("unknown_forum.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(field) = cx.analysis.unknown_forum else {
        return;
    };
    let forums = cx.registry.forums();
    let known: Vec<&str> = forums.iter().map(|f| f.name.as_str()).collect();
    let names = forums
        .iter()
        .flat_map(|f| std::iter::once(&f.name).chain(&f.names))
        .map(String::as_str);
    let close = suggest(&field.value, names)
        .and_then(|name| cx.registry.forum(name))
        .map(|forum| forum.name.as_str());
    let listed = crate::numbers::join_words(&known, "and");
    let diagnostic = Diagnostic::warning(
        CHECK.code,
        format!(
            "`{}` is not a forum the registry of members knows, so the annex is not checked against a membership",
            field.value
        ),
    )
    .primary(field.span, "unknown forum")
    .note(format!("the registry knows {listed}"));
    out.push(match close {
        Some(close) => diagnostic.help(format!(
            "did you mean `forum: {close}`? If the forum is another one, remove `forum:`"
        )),
        None => diagnostic.help(
            "write one of the forums the registry knows, or remove `forum:` to check the annex on its own",
        ),
    });
}
