//! ## What it finds
//!
//! A reference `{@name}` to a label that no paragraph, heading or annex carries.
//!
//! ## Why it matters
//!
//! A reference is printed as the number of the paragraph it points at. A reference that points
//! nowhere prints nothing a reader can follow: "as agreed in paragraph ." is the kind of slip
//! that a minister notices at the signing table.
//!
//! ## Example
//!
//! ```text
//! 14. {#rotation} Ministers agreed that the Meeting be held biennially.
//!
//! 15. The host is chosen as agreed in paragraph {@rotaton}.
//! ```
//!
//! ## How to fix
//!
//! Correct the name in the reference to one of the labels of the text (plenary suggests the
//! closest one), or put the label `{#name}` at the start of the paragraph meant.

use crate::ast::Inline;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::suggest;

pub const CHECK: Check = Check {
    code: "references::unresolved",
    default_severity: Severity::Error,
    summary: "a reference `{@name}` to a label that does not exist",
    source_file: include_str!("unresolved.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let labels = cx.analysis.labels.names();
    for version in &cx.document.versions {
        version.for_each_inline(&mut |inline| {
            let Inline::Reference { name, span } = inline else {
                return;
            };
            if cx.analysis.labels.exists(name) {
                return;
            }
            let mut diagnostic = Diagnostic::error(
                CHECK.code,
                format!("the reference `{{@{name}}}` points at no label"),
            )
            .primary(*span, "no paragraph carries this label");
            diagnostic = match suggest(name, labels.iter().copied()) {
                Some(close) => diagnostic.help(format!(
                    "did you mean `{{@{close}}}`? Otherwise put `{{#{name}}}` at the start of the paragraph meant"
                )),
                None if labels.is_empty() => diagnostic.help(format!(
                    "put `{{#{name}}}` at the start of the paragraph meant; this text has no labels yet"
                )),
                None => diagnostic.help(format!(
                    "put `{{#{name}}}` at the start of the paragraph meant; the labels of this text are {}",
                    labels.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ")
                )),
            };
            out.push(diagnostic);
        });
    }
}
