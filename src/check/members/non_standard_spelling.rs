//! ## What it finds
//!
//! A member named by a spelling that the registry of members knows but does not use, such as
//! "Vietnam" for "Viet Nam", "Korea" for "Republic of Korea" or "Laos" for "Lao PDR". Every
//! spelling the registry accepts passes: the United Nations' short names ("Czechia") and the
//! forums' own ("Czech Republic", "Lao PDR", "Hong Kong, China").
//!
//! A second line for a member already listed is reported by
//! `members::duplicate-under-another-name`, with the spelling to keep.
//!
//! ## Why it matters
//!
//! Intergovernmental texts name members as the members themselves ask to be named, and the
//! usage is political as much as it is a matter of spelling. An informal name in a signed text
//! is a slip a delegation will notice.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - Vietnam
//! ```
//!
//! ## How to fix
//!
//! Write the registry's spelling, which the message gives.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Spelling;

pub const CHECK: Check = Check {
    code: "members::non-standard-spelling",
    default_severity: Severity::Warning,
    summary: "a member named by an informal spelling instead of the registry's",
    source_file: include_str!("non_standard_spelling.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        let language = info.language;
        for listed in &info.listed {
            let Some(found) = listed.found else {
                continue;
            };
            // A repeat under another name is one slip, which `members::duplicate-under-another-name`
            // reports with the spelling to keep.
            if found.spelling != Spelling::Alias || listed.repeats.is_some() {
                continue;
            }
            let name = &listed.member.name;
            let preferred = found.entity.preferred(language);
            out.push(
                Diagnostic::warning(
                    CHECK.code,
                    format!("`{name}` is not how declarations name {preferred}"),
                )
                .primary(listed.member.span, format!("write `{preferred}`"))
                .help(format!(
                    "write `{preferred}`, the name the registry of members uses"
                )),
            );
        }
    }
}
