//! ## What it finds
//!
//! A paragraph whose sub-paragraphs in a language version are not those of the original: other
//! markers, fewer or more of them, or nested differently.
//!
//! ## Why it matters
//!
//! Sub-paragraphs are cited as "paragraph 5 (b)": the citation must name the same item in
//! every language. An item dropped or split in one version means the versions say different
//! things.
//!
//! ## Example
//!
//! ```text
//! 5. Ministers agreed to:
//! (a) strengthen the exchange of best practices;
//! (b) support SMEs in access to finance.
//!
//! version: zh
//!
//! 5、部长们同意:
//! (a) 加强最佳实践交流。
//! ```
//!
//! ## How to fix
//!
//! Give the paragraph in the version the same sub-paragraphs, with the same markers, as in the
//! original.

use crate::check::versions::{for_each_counterpart, markers, show_markers};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::subparagraphs-differ",
    default_severity: Severity::Error,
    summary: "a paragraph whose sub-paragraphs differ between language versions",
    source_file: include_str!("subparagraphs_differ.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_counterpart(cx, |unit, counterpart, language| {
        let theirs = markers(counterpart.subparagraphs);
        let ours = markers(unit.subparagraphs);
        if theirs == ours {
            return;
        }
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "{} has the sub-paragraphs {} in the original, but {} in the {language} version",
                    unit.name,
                    show_markers(&theirs),
                    show_markers(&ours)
                ),
            )
            .primary(unit.span, format!("sub-paragraphs {}", show_markers(&ours)))
            .secondary(counterpart.span, format!("sub-paragraphs {}", show_markers(&theirs)))
            .help("give the paragraph the same sub-paragraphs, with the same markers, in both versions"),
        );
    });
}
