//! ## What it finds
//!
//! A label `{#name}` that no reference `{@name}` points at, in any language version.
//!
//! ## Why it matters
//!
//! A label exists to be referred to. One that nothing refers to is usually the trace of a
//! reference that was misspelt or deleted, so the text no longer cites the paragraph it meant
//! to.
//!
//! ## Example
//!
//! ```text
//! 14. {#rotation} Ministers agreed that the Meeting be held biennially.
//!
//! 15. The host is chosen as agreed in paragraph 14.
//! ```
//!
//! ## How to fix
//!
//! Refer to the label where the paragraph is cited (`paragraph {@rotation}` instead of
//! `paragraph 14`), or remove the label.

use std::collections::HashSet;

use crate::check::references::references;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::suggest;

pub const CHECK: Check = Check {
    code: "references::unused-label",
    default_severity: Severity::Warning,
    summary: "a label `{#name}` that no reference points at",
    source_file: include_str!("unused_label.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let labels = cx.analysis.labels.names();
    // A misspelt reference is reported by `references::unresolved` with the label it most
    // likely means; that label counts as used, so that one slip is reported once.
    let used: HashSet<String> = references(&cx.document.versions)
        .into_iter()
        .map(|name| match labels.contains(&name.as_str()) {
            true => name,
            false => suggest(&name, labels.iter().copied()).map_or(name, str::to_string),
        })
        .collect();
    for label in cx.analysis.labels.definitions.iter().map(|d| d.name) {
        if used.contains(&label.value) {
            continue;
        }
        out.push(
            Diagnostic::warning(
                CHECK.code,
                format!("no reference points at the label `{{#{}}}`", label.value),
            )
            .primary(label.span, "never referred to")
            .help(format!(
                "cite this place with `{{@{}}}` where the text mentions it, or remove the label",
                label.value
            )),
        );
    }
}
