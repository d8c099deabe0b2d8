//! ## What it finds
//!
//! A heading whose words hold a reference `{@name}` to itself, or to another heading whose
//! words refer back to it.
//!
//! ## Why it matters
//!
//! A reference to a heading prints the heading's words. A heading that refers to itself would
//! print its words inside its words without end; plenary prints the inner reference as written
//! (`See See {@h}`), which is never what the drafter meant.
//!
//! ## Example
//!
//! ```text
//! ## Follow-up to {@follow-up} {#follow-up}
//! ```
//!
//! ## How to fix
//!
//! Write the heading's words out, or refer to a paragraph or another heading instead.

use std::collections::HashSet;

use crate::analysis::labels::Resolved;
use crate::analysis::VersionInfo;
use crate::ast::{walk_inlines, Heading, Inline};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "references::heading-refers-to-itself",
    default_severity: Severity::Error,
    summary: "a heading whose words refer to itself",
    source_file: include_str!("heading_refers_to_itself.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let analysis = cx.analysis;
    for info in &analysis.versions {
        for (section, heading) in info
            .version
            .sections
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, s.heading.as_ref()?)))
        {
            for (name, span) in references_in(heading) {
                let Some(path) = leads_back(cx, info, section, name) else {
                    continue;
                };
                let message = if path.len() == 1 {
                    format!("this heading refers to itself with `{{@{name}}}`")
                } else {
                    format!(
                        "this heading refers to itself: {} lead from heading to heading back to it",
                        path.join(" then ")
                    )
                };
                out.push(
                    Diagnostic::error(CHECK.code, message)
                        .primary(span, "a reference prints the words of the heading it names")
                        .help("write the heading's words out instead of the reference"),
                );
            }
        }
    }
}

/// The references in a heading's words: each label's name and where it is written.
fn references_in(heading: &Heading) -> Vec<(&str, Span)> {
    let mut found = Vec::new();
    walk_inlines(&heading.content, &mut |inline| {
        if let Inline::Reference { name, span } = inline {
            found.push((name.as_str(), *span));
        }
    });
    found
}

/// Whether the reference `name` in the heading of section `start` leads back to that heading,
/// from heading to heading; if so, the references followed, `name` first. A cycle is reported
/// at the heading that comes first in it, once.
fn leads_back(cx: &Context, info: &VersionInfo, start: usize, name: &str) -> Option<Vec<String>> {
    let analysis = cx.analysis;
    let resolve = |name: &str| match analysis
        .labels
        .resolve(name, &analysis.versions, info.index)
    {
        Some(Resolved::Heading { section, heading }) => Some((section, heading)),
        _ => None,
    };
    let mut seen = HashSet::new();
    // Each entry: a reference still to follow, and the references followed to reach it.
    let mut stack = vec![(name.to_string(), Vec::new())];
    while let Some((name, through)) = stack.pop() {
        let Some((section, heading)) = resolve(&name) else {
            continue;
        };
        let mut path = through;
        path.push(format!("`{{@{name}}}`"));
        if section == start {
            return Some(path);
        }
        // A heading of the cycle before this one reports it; a heading seen is not walked twice.
        if section < start || !seen.insert(section) {
            continue;
        }
        for (inner, _) in references_in(heading) {
            stack.push((inner.to_string(), path.clone()));
        }
    }
    None
}
