//! ## What it finds
//!
//! A member name in the annex, or the header's `host:`, that the registry of members does not
//! know but that is within a letter or two of a name it knows: "Phillipines" for
//! "Philippines", "Luxemburg" for "Luxembourg", "Viet Namm" for "Viet Nam".
//!
//! ## Why it matters
//!
//! A misspelt member's name is an embarrassment in a signed text, and a delegation will notice
//! it. The other checks take the line for the member it most likely means, so a misspelling is
//! reported once, here, and not again as a member missing from the forum.
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
//! Write the name plenary suggests: the registry's spelling of the member on the date of the
//! text.

use crate::check::members::names;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "members::misspelt",
    default_severity: Severity::Error,
    summary: "a member or host name a letter or two from a name the registry knows",
    source_file: include_str!("misspelt.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for named in names(cx) {
        let (None, Some(close), true) = (named.found, named.closest, named.misspelt) else {
            continue;
        };
        let name = named.name;
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("`{name}` is misspelt: the registry of members has `{close}`"),
            )
            .primary(named.span, format!("write `{close}`"))
            .help(format!(
                "write `{close}`; if `{name}` is another {} the registry lacks, add it to plenary.toml as a `[[member]]`",
                named.role
            )),
        );
    }
}
