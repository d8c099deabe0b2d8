//! ## What it finds
//!
//! Two footnote texts with the same name, `[^1]: ...` twice in one language version.
//!
//! ## Why it matters
//!
//! A marker `[^1]` calls one note. With two texts for it, one of them is printed and the other
//! silently dropped, and nobody can tell which wording the negotiators agreed.
//!
//! ## Example
//!
//! ```text
//! [^1]: See the list of members in the annex.
//!
//! [^1]: The list of members is in the annex.
//! ```
//!
//! ## How to fix
//!
//! Keep the text agreed and delete the other, or give the second note a name of its own
//! (`[^2]`) and a marker that calls it.

use std::collections::HashMap;

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "references::duplicate-footnote",
    default_severity: Severity::Error,
    summary: "two footnote texts with the same name",
    source_file: include_str!("duplicate_footnote.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for version in &cx.document.versions {
        let mut first: HashMap<&str, Span> = HashMap::new();
        for footnote in &version.footnotes {
            let id = footnote.id.value.as_str();
            let Some(&earlier) = first.get(id) else {
                first.insert(id, footnote.id.span);
                continue;
            };
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!("the footnote `[^{id}]` has two texts"),
                )
                .primary(footnote.id.span, "second text")
                .secondary(earlier, "first text")
                .help(format!(
                    "keep one text for `[^{id}]`, or give this note a name of its own and a marker that calls it"
                )),
            );
        }
    }
}
