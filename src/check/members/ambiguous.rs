//! ## What it finds
//!
//! A member name in the annex, or the header's `host:`, that several members go by on the date
//! of the text: "Korea" (the Republic of Korea, the Democratic People's Republic of Korea),
//! "Congo", "Virgin Islands", or "Germany" between 1949 and 1990 (the Federal Republic, the
//! Democratic Republic).
//!
//! ## Why it matters
//!
//! The reader cannot tell which member the text means, and neither can plenary: it cannot
//! match the member across language versions or against the forum's membership.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - Korea
//! ```
//!
//! ## How to fix
//!
//! Write the member's full name, as the message suggests.

use crate::check::members::names;
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
    let period = cx.analysis.period;
    for named in names(cx) {
        if !named.ambiguous {
            continue;
        }
        let Some(entities) = cx.registry.ambiguous_in(named.name, period) else {
            continue;
        };
        let names: Vec<String> = entities
            .iter()
            .map(|e| format!("`{}`", e.name_on(named.language, period)))
            .collect();
        let choices = crate::numbers::join_words(&names, "or");
        let name = named.name;
        out.push(
            Diagnostic::warning(
                CHECK.code,
                format!("`{name}` names more than one member: {choices}"),
            )
            .primary(named.span, format!("which {} is this?", named.role))
            .help(format!(
                "write the member's full name, {choices}, so that the text leaves no doubt"
            )),
        );
    }
}
