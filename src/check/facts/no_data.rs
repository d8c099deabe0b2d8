//! ## What it finds
//!
//! A marked fact `{words = key}` tied to data that the declaration does not state:
//! `{2009 = next year}` without a `next meeting:` block, `{45 = members}` with an annex that
//! states no total, `{Beijing = place}` with no `place:` in the header (or, in a translation,
//! under its `version:` line).
//!
//! ## Why it matters
//!
//! A fact is marked so that plenary can check it against the data stated once. Without the
//! data, the words cannot be checked, and the outputs that print the data (the title page, the
//! metadata) leave it out.
//!
//! ## Example
//!
//! ```text
//! title: Beijing Declaration
//!
//! The Meeting will be held in {2009 = next year}.
//! ```
//!
//! ## How to fix
//!
//! State the data where it belongs (plenary says where), or remove the mark and keep the words
//! as plain text.

use crate::analysis::facts::{describe, Data};
use crate::ast::Inline;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "facts::no-data",
    default_severity: Severity::Error,
    summary: "a marked fact tied to data the declaration does not state",
    source_file: include_str!("no_data.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        info.version.for_each_inline(&mut |inline| {
            let Inline::Fact { text, key, .. } = inline else {
                return;
            };
            let Data::Absent { missing, help } = cx.analysis.fact(info.index, &key.value) else {
                return;
            };
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "`{}` is marked as {}, but {missing}",
                        text.value,
                        describe(&key.value)
                    ),
                )
                .primary(key.span, "nothing states this fact")
                .help(format!(
                    "{help}, or remove the mark and keep `{}` as plain text",
                    text.value
                )),
            );
        });
    }
}
