//! ## What it finds
//!
//! A language version with fewer or more headed sections than the original. Sections are tied
//! by their order: the second heading of the translation is the translation of the second
//! heading of the original.
//!
//! ## Why it matters
//!
//! A heading that one version lacks moves every paragraph after it into another section, so
//! the versions no longer have the same structure, and their tables of contents differ.
//!
//! ## Example
//!
//! ```text
//! ## Main Consensus
//! ## Next Steps
//!
//! version: zh
//!
//! ## 主要共识
//! ```
//!
//! ## How to fix
//!
//! Add the missing heading to the version that lacks it, in the same place, or remove the
//! extra one.

use crate::ast::{plain_text, Version};
use crate::check::versions::version_line;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::Span;

pub const CHECK: Check = Check {
    code: "versions::section-missing",
    default_severity: Severity::Error,
    summary: "a heading that one language version has and another lacks",
    source_file: include_str!("section_missing.rs"),
    run,
};

/// The headings of a version: their span and text.
fn headings(version: &Version) -> Vec<(Span, String)> {
    version
        .sections
        .iter()
        .filter_map(|s| s.heading.as_ref())
        .map(|h| (h.span, plain_text(&h.content)))
        .collect()
}

/// "1 heading", "2 headings".
fn headings_count(count: usize) -> String {
    match count {
        1 => "1 heading".to_string(),
        n => format!("{n} headings"),
    }
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let original_headings = headings(cx.analysis.original().version);
    for info in cx.analysis.translations() {
        let (version, language) = (info.version, info.meta.language);
        let version_headings = headings(version);
        let shared = original_headings.len().min(version_headings.len());
        for (span, text) in &original_headings[shared..] {
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the heading \"{text}\" has no counterpart in the {language} version: it has {}, the original {}",
                        headings_count(version_headings.len()),
                        original_headings.len()
                    ),
                )
                .primary(*span, format!("no counterpart in the {language} version"))
                .secondary(
                    version_headings.last().map_or(version_line(version), |(s, _)| *s),
                    format!("the last heading of the {language} version"),
                )
                .help(format!("add the {language} heading in the same place")),
            );
        }
        for (span, text) in &version_headings[shared..] {
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the heading \"{text}\" of the {language} version has no counterpart in the original: it has {}, the {language} version {}",
                        headings_count(original_headings.len()),
                        version_headings.len()
                    ),
                )
                .primary(*span, "not in the original")
                .help("remove the heading, or add its counterpart to the original"),
            );
        }
    }
}
