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

use std::collections::HashMap;

use crate::check::members::annexes;
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::fold;

pub const RULE: Rule = Rule {
    code: "members::duplicate",
    default_severity: Severity::Error,
    summary: "the same member listed twice in an annex",
    source_file: include_str!("duplicate.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for (_, annex) in annexes(cx) {
        let mut first = HashMap::new();
        for member in annex.all_members() {
            let Some(earlier) = first.get(&fold(&member.name)) else {
                first.insert(fold(&member.name), member);
                continue;
            };
            out.push(
                Diagnostic::error(
                    RULE.code,
                    format!("`{}` is listed twice in the annex", member.name),
                )
                .primary(member.span, "listed again here")
                .secondary(earlier.span, "first listed here")
                .help("remove one of the two lines; if another member was meant, write its name"),
            );
        }
    }
}
