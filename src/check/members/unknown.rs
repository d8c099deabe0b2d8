//! ## What it finds
//!
//! A member name in the annex, or the header's `host:`, that the registry of members does not
//! know in any language or spelling, and that is not within a letter or two of a name it knows
//! (that is a misspelling, which `members::misspelt` reports).
//!
//! ## Why it matters
//!
//! The name may be a member the registry lacks (a project's own secretariat, a new
//! organisation), or a slip the registry cannot place. Checking the name against the registry
//! is what lets plenary match the member across language versions and against the forum's
//! membership, so a name it does not know goes unchecked.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - Mekong Institute
//! ```
//!
//! ## How to fix
//!
//! Correct the name if it is wrong (plenary suggests the closest one the registry knows). If the
//! name is right and the registry does not have it, such as a project's own secretariat, add it
//! to `plenary.toml` as a `[[member]]` (see docs/configuration.md).

use crate::check::members::names;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::unknown",
    default_severity: Severity::Warning,
    summary: "a member or host name the registry of members does not know",
    source_file: include_str!("unknown.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for named in names(cx) {
        // An ambiguous name is known: `members::ambiguous` asks which member it is; a name a
        // letter or two off is `members::misspelt`'s.
        if named.found.is_some() || named.ambiguous || named.misspelt {
            continue;
        }
        let name = named.name;
        let add = |first: &str| {
            format!(
                "{first} `{name}` is right, add it to plenary.toml: a `[[member]]` with `name = \"{name}\"`"
            )
        };
        let diagnostic = Diagnostic::warning(
            CHECK.code,
            format!("`{name}` is not in the registry of members"),
        )
        .primary(named.span, format!("unknown {}", named.role));
        out.push(match named.closest {
            Some(close) => diagnostic.help(format!("did you mean `{close}`? {}", add("If"))),
            None => diagnostic.help(add("if")),
        });
    }
}
