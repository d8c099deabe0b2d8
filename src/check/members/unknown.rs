//! ## What it finds
//!
//! A name in the member annex that the registry of members does not know, in any language or
//! spelling.
//!
//! ## Why it matters
//!
//! Most unknown names are misspellings ("Phillipines", "Luxemburg"), and a misspelt member's
//! name is an embarrassment in a signed text. Checking the name against the registry also lets
//! plenary match the member across language versions and against the forum's membership.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - Phillipines
//! ```
//!
//! ## How to fix
//!
//! Correct the spelling (plenary suggests the closest name the registry knows). If the name is
//! right and the registry does not have it, such as a project's own secretariat, add it to
//! `plenary.toml` as a `[[member]]` (see docs/configuration.md).

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::unknown",
    default_severity: Severity::Warning,
    summary: "a member name the registry of members does not know",
    source_file: include_str!("unknown.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        for listed in &info.listed {
            let name = &listed.member.name;
            // An ambiguous name is known: `members::ambiguous` asks which member it is.
            if listed.found.is_some() || cx.registry.ambiguous(name).is_some() {
                continue;
            }
            let add = |first: &str| {
                format!(
                    "{first} `{name}` is right, add it to plenary.toml: a `[[member]]` with `name = \"{name}\"`"
                )
            };
            let diagnostic = Diagnostic::warning(
                CHECK.code,
                format!("`{name}` is not in the registry of members"),
            )
            .primary(listed.member.span, "unknown member");
            out.push(match listed.closest {
                Some(close) => diagnostic.help(format!("did you mean `{close}`? {}", add("If"))),
                None => diagnostic.help(add("if")),
            });
        }
    }
}
