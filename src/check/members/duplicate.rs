//! ## What it finds
//!
//! A member listed twice in the same annex, spelt the same way (capitals, punctuation and spaces
//! aside).
//!
//! ## Why it matters
//!
//! A name listed twice makes the list one longer than the membership, so the count no longer
//! tells how many members there are, and the printed list looks careless.
//!
//! ## Example
//!
//! ```text
//! group: Asia (16)
//! - China
//! - Japan
//! - China
//! ```
//!
//! ## How to fix
//!
//! Remove one of the two lines. If another member was meant, write its name instead.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::fold;
use crate::unicode::shown;

pub const CHECK: Check = Check {
    code: "members::duplicate",
    default_severity: Severity::Error,
    summary: "the same member listed twice in an annex",
    source_file: include_str!("duplicate.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.annexes {
        for listed in &info.listed {
            let Some(earlier) = listed.repeats.map(|i| info.listed[i].member) else {
                continue;
            };
            let member = listed.member;
            // Another name of the same member is `members::duplicate-under-another-name`.
            if fold(&earlier.name) != fold(&member.name) {
                continue;
            }
            // Two lines that print the same but are written apart (an invisible character in
            // one) are shown as written, so that the message tells them apart.
            let message = if earlier.name == member.name {
                format!("`{}` is listed twice in the annex", member.name)
            } else {
                format!(
                    "`{}` is listed twice in the annex, once as `{}`",
                    shown(&earlier.name),
                    shown(&member.name)
                )
            };
            out.push(
                Diagnostic::error(CHECK.code, message)
                    .primary(member.span, "listed again here")
                    .secondary(earlier.span, "first listed here")
                    .help(
                        "remove one of the two lines; if another member was meant, write its name",
                    ),
            );
        }
    }
}
