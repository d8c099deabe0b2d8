//! ## What it finds
//!
//! A footnote that the original has and a language version lacks, or the other way round.
//! Footnotes are tied by their names: `[^1]` of the translation is the translation of `[^1]`.
//!
//! A version that still calls the footnote (`[^1]` in its text) but lacks its text is reported
//! at the marker, by `references::undefined-footnote`.
//!
//! ## Why it matters
//!
//! A footnote is part of the agreed text. A note that one version lacks means the versions,
//! which are equally authentic, say different things.
//!
//! ## Example
//!
//! ```text
//! ... from 45 ASEM members[^1] gathered ...
//!
//! [^1]: {@members}
//!
//! version: zh
//!
//! ... 45个亚欧会议成员的中小企业部长和代表出席会议。
//! ```
//!
//! ## How to fix
//!
//! Add the footnote, and its marker, to the version that lacks it, under the same name.

use crate::check::references::footnote_markers;
use crate::check::versions::version_line;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::footnote-missing",
    default_severity: Severity::Error,
    summary: "a footnote that one language version has and another lacks",
    source_file: include_str!("footnote_missing.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let original = cx.analysis.original().version;
    for info in cx.analysis.translations() {
        let (version, language) = (info.version, info.meta.language);
        // A version that calls the footnote but lacks its text is reported there, by
        // `references::undefined-footnote`: the footnote text is the one slip.
        let calls = |version: &crate::ast::Version, id: &str| {
            footnote_markers(version)
                .iter()
                .any(|(marker, _)| marker == id)
        };
        for footnote in &original.footnotes {
            let id = &footnote.id.value;
            if version.footnotes.iter().any(|f| &f.id.value == id) || calls(version, id) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!("the footnote `[^{id}]` of the original is missing from the {language} version"),
                )
                .primary(footnote.id.span, format!("no counterpart in the {language} version"))
                .secondary(version_line(version), format!("the {language} version"))
                .help(format!(
                    "add `[^{id}]: ...` and its marker to the {language} version"
                )),
            );
        }
        for footnote in &version.footnotes {
            let id = &footnote.id.value;
            if original.footnotes.iter().any(|f| &f.id.value == id) || calls(original, id) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!("the footnote `[^{id}]` of the {language} version has no counterpart in the original"),
                )
                .primary(footnote.id.span, "not in the original")
                .help("give the note the name of its counterpart in the original, or remove it"),
            );
        }
    }
}
