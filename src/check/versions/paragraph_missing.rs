//! ## What it finds
//!
//! A paragraph of the original that a language version lacks, or a paragraph of a version
//! that the original lacks. Numbered paragraphs are tied by number; preamble paragraphs and
//! unnumbered ones by their order.
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

use std::collections::HashMap;

use crate::check::versions::{by_place, translations, units, version_line, Place, Unit};
use crate::check::{Context, Rule};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: Rule = Rule {
    code: "versions::paragraph-missing",
    default_severity: Severity::Error,
    summary: "a paragraph that one language version has and another lacks",
    source_file: include_str!("paragraph_missing.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(original) = cx.document.versions.first() else {
        return;
    };
    let numbering = cx.document.header.numbering.as_ref().map(|n| n.value);
    let original_units = units(original, numbering, cx.source);
    let original_places = by_place(&original_units);
    for (version, language) in translations(&cx.document.versions) {
        let version_units = units(version, numbering, cx.source);
        let version_places = by_place(&version_units);
        for (index, unit) in original_units.iter().enumerate() {
            if version_places.contains_key(&unit.place) {
                continue;
            }
            let (after, label) = neighbour(&original_units[..index], &version_places)
                .map(|u| {
                    (
                        u.span,
                        format!("the {language} version goes on from {} here", u.name),
                    )
                })
                .unwrap_or((version_line(version), format!("the {language} version")));
            out.push(
                Diagnostic::error(
                    RULE.code,
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
        for (index, unit) in version_units.iter().enumerate() {
            if original_places.contains_key(&unit.place) {
                continue;
            }
            let mut diagnostic = Diagnostic::error(
                RULE.code,
                format!(
                    "{} of the {language} version has no counterpart in the original",
                    unit.name
                ),
            )
            .primary(unit.span, "not in the original");
            if let Some(before) = neighbour(&version_units[..index], &original_places) {
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

/// The counterpart in `other` of the last of `before` that `other` has: where the missing
/// paragraph belongs.
fn neighbour<'a>(before: &[Unit], other: &HashMap<Place, &'a Unit<'a>>) -> Option<&'a Unit<'a>> {
    before
        .iter()
        .rev()
        .find_map(|b| other.get(&b.place).copied())
}
