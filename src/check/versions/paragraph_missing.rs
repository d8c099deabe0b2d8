//! ## What it finds
//!
//! A paragraph of the original that a language version lacks, or a paragraph of a version
//! that the original lacks. Numbered paragraphs are tied by number; preamble paragraphs and
//! unnumbered ones by their order.
//!
//! Where a version's numbers go wrong (a number skipped, repeated or out of order), the
//! numbering check reports the slip, and the paragraphs it puts in doubt are not compared; a
//! block that did not read leaves the versions' structure unknown, and nothing is compared.
//!
//! ## Why it matters
//!
//! Every language version of a declaration is equally authentic. A paragraph dropped in one of
//! them (an easy slip when a long text is pasted in) means the members signed two different
//! texts.
//!
//! ## Example
//!
//! ```text
//! 16. Ministers noted that the second Meeting will be held in Europe in 2009.
//!
//! version: zh
//!
//! 15、部长们同意建立亚欧会议中小企业合作高官会机制。
//! ```
//!
//! ## How to fix
//!
//! Add the missing paragraph to the version that lacks it, with the same number, or remove the
//! paragraph that has no counterpart.

use crate::analysis::align::Place;
use crate::check::versions::version_line;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::paragraph-missing",
    default_severity: Severity::Error,
    summary: "a paragraph that one language version has and another lacks",
    source_file: include_str!("paragraph_missing.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let original = cx.analysis.original();
    for version in cx.analysis.translations() {
        // A block that did not read may be the paragraph that seems missing: the structure of
        // the two versions is not known well enough to say.
        if original.has_unparsed || version.has_unparsed {
            continue;
        }
        let language = version.meta.language;
        // The places a numbering slip of either version puts in doubt: the numbering checks
        // report the slip, and which paragraph stands for which there is not known.
        let doubtful = |place: Place| {
            cx.analysis
                .numbering
                .iter()
                .filter(|f| f.version == 0 || f.version == version.index)
                .any(|f| f.involves(place))
        };
        // The last paragraph both versions have, where a missing one belongs.
        let mut shared = None;
        for unit in &original.units {
            if let Some(counterpart) = version.unit_at(unit.place) {
                shared = Some(counterpart);
                continue;
            }
            if doubtful(unit.place) {
                continue;
            }
            let (after, label) = shared
                .map(|u| {
                    (
                        u.span,
                        format!("the {language} version goes on from {} here", u.name),
                    )
                })
                .unwrap_or((
                    version_line(version.version),
                    format!("the {language} version"),
                ));
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "{} of the original is missing from the {language} version",
                        unit.name
                    ),
                )
                .primary(
                    unit.span,
                    format!("no counterpart in the {language} version"),
                )
                .secondary(after, label)
                .help(format!(
                    "add the {language} text of {} to the {language} version, in its place",
                    unit.name
                )),
            );
        }
        let mut shared = None;
        for unit in &version.units {
            if let Some(counterpart) = original.unit_at(unit.place) {
                shared = Some(counterpart);
                continue;
            }
            if doubtful(unit.place) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                CHECK.code,
                format!(
                    "{} of the {language} version has no counterpart in the original",
                    unit.name
                ),
            )
            .primary(unit.span, "not in the original");
            if let Some(before) = shared {
                diagnostic = diagnostic.secondary(
                    before.span,
                    format!("the original goes on from {} here", before.name),
                );
            }
            out.push(diagnostic.help(
                "number the paragraph as its counterpart in the original, or remove it if the original has no such paragraph",
            ));
        }
    }
}
