//! ## What it finds
//!
//! A member listed twice in the same annex under two of its names, such as "Viet Nam" and
//! "Vietnam", or "Korea" and "Republic of Korea". The registry of members says which names are
//! the same member.
//!
//! ## Why it matters
//!
//! Two spellings hide the repetition from a reader, but the member is counted twice: the
//! list is one longer than the membership, and the count is wrong.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - Viet Nam
//! - Vietnam
//! ```
//!
//! ## How to fix
//!
//! Keep one line, with the registry's spelling, and remove the other.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::fold;

pub const CHECK: Check = Check {
    code: "members::duplicate-under-another-name",
    default_severity: Severity::Error,
    summary: "the same member listed twice in an annex under two different names",
    source_file: include_str!("duplicate_under_another_name.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        for listed in &info.listed {
            let (Some(earlier), Some(found)) =
                (listed.repeats.map(|i| info.listed[i].member), listed.found)
            else {
                continue;
            };
            let member = listed.member;
            // The same spelling twice is `members::duplicate`.
            if fold(&earlier.name) == fold(&member.name) {
                continue;
            }
            let preferred = found.entity.preferred(info.language);
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "`{}` and `{}` are the same member, listed twice",
                        earlier.name, member.name
                    ),
                )
                .primary(member.span, format!("{preferred} again"))
                .secondary(earlier.span, "first listed here")
                .help(format!(
                    "keep one line, written `{preferred}` as the registry spells it, and remove the other"
                )),
            );
        }
    }
}
