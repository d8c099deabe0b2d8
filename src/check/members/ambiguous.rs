//! ## What it finds
//!
//! A name in the member annex that several members go by, such as "Korea" (the Republic of
//! Korea or the Democratic People's Republic of Korea) or "Congo" (the Republic of the Congo or
//! the Democratic Republic of the Congo).
//!
//! ## Why it matters
//!
//! A signed text must leave no doubt about who signed it. plenary does not guess which member
//! an ambiguous name means, so it cannot check that member against the forum or the other
//! language versions either.
//!
//! ## Example
//!
//! ```text
//! group: Africa (2)
//! - Kenya
//! - Congo
//! ```
//!
//! ## How to fix
//!
//! Write the member's full name: "Republic of the Congo" or "Democratic Republic of the
//! Congo"; the message lists the names the registry knows.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::ambiguous",
    default_severity: Severity::Warning,
    summary: "a member name that several members go by",
    source_file: include_str!("ambiguous.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        let language = info.language;
        for listed in &info.listed {
            let name = &listed.member.name;
            let Some(entities) = cx.registry.ambiguous(name) else {
                continue;
            };
            let names: Vec<String> = entities
                .iter()
                .map(|e| format!("`{}`", e.preferred(language)))
                .collect();
            let choices = crate::numbers::join_words(&names, "or");
            out.push(
                Diagnostic::warning(
                    CHECK.code,
                    format!("`{name}` names more than one member: {choices}"),
                )
                .primary(listed.member.span, "which member is this?")
                .help(format!(
                    "write the member's full name, {choices}, so that the text leaves no doubt"
                )),
            );
        }
    }
}
