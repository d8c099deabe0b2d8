//! ## What it finds
//!
//! A label that a language version puts on another paragraph than the original does:
//! `{#rotation}` on paragraph 14 of the original and on paragraph 13 of the translation. Labels
//! on paragraphs are compared; a translation need not repeat the original's labels at all.
//!
//! ## Why it matters
//!
//! A translation is tied paragraph by paragraph to the original, and a reference prints the
//! number of the paragraph its label stands on. A label on another paragraph makes the same
//! reference cite different paragraphs in the two versions.
//!
//! ## Example
//!
//! ```text
//! 14. {#rotation} Ministers agreed that the Meeting be held biennially.
//!
//! version: zh
//!
//! 13、{#rotation} 部长们赞赏……
//! ```
//!
//! ## How to fix
//!
//! Put the label on the paragraph that translates the original's, or remove it from the
//! translation: references in the translation use the original's labels.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::label-moved",
    default_severity: Severity::Error,
    summary: "a label on another paragraph in a language version than in the original",
    source_file: include_str!("label_moved.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let original = cx.analysis.original();
    let original_units = &original.units;
    for version in cx.analysis.translations() {
        // Where a block did not read, the places of the paragraphs after it are not known.
        if original.has_unparsed || version.has_unparsed {
            continue;
        }
        let language = version.meta.language;
        for unit in &version.units {
            let Some(label) = unit.label else {
                continue;
            };
            let Some(counterpart) = original_units
                .iter()
                .find(|u| u.label.is_some_and(|l| l.value == label.value))
            else {
                continue;
            };
            if counterpart.place == unit.place {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "the label `{{#{}}}` stands on {} in the {language} version, but on {} in the original",
                        label.value, unit.name, counterpart.name
                    ),
                )
                .primary(label.span, format!("on {}", unit.name))
                .secondary(
                    counterpart.label.map_or(counterpart.span, |l| l.span),
                    format!("on {}", counterpart.name),
                )
                .help(format!(
                    "put the label on the {language} {} instead, or remove it from the {language} version",
                    counterpart.name
                )),
            );
        }
    }
}
