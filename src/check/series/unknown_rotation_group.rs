//! ## What it finds
//!
//! A group in `rotation: alternate ...` that the member annex does not have: `alternate Asia;
//! Europa` with the annex groups `Asia` and `Europe`.
//!
//! ## Why it matters
//!
//! The rotation is checked through the annex: the host's group decides who hosts next. A
//! group name that the annex does not know cannot be checked, and is usually misspelt.
//!
//! ## Example
//!
//! ```text
//! rotation: alternate Asia; Europa
//!
//! annex: List of ASEM Members (45)
//! group: Asia (16)
//! group: Europe (27)
//! ```
//!
//! ## How to fix
//!
//! Write the group names exactly as the annex's `group:` lines have them.

use crate::analysis::series::same_name;
use crate::ast::Rotation;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::suggest;

pub const CHECK: Check = Check {
    code: "series::unknown-rotation-group",
    default_severity: Severity::Error,
    summary: "a rotation group that the member annex does not have",
    source_file: include_str!("unknown_rotation_group.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let document = cx.document;
    let Some(rotation) = document.header.rotation.as_ref() else {
        return;
    };
    let Rotation::Alternate(groups) = &rotation.value else {
        return;
    };
    let annex = cx.analysis.annex_of(0).map(|a| a.annex);
    let names: Vec<&str> = annex
        .iter()
        .flat_map(|a| &a.groups)
        .map(|g| g.name.value.as_str())
        .collect();
    for group in groups {
        if names.iter().any(|name| same_name(name, &group.value)) {
            continue;
        }
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            format!(
                "the rotation names the group {}, which the annex does not have",
                group.value
            ),
        )
        .primary(group.span, "no such group in the annex");
        diagnostic = match (annex, suggest(&group.value, names.iter().copied())) {
            (None, _) => diagnostic.help(
                "add the member annex with its `group:` lines, or write the rotation as `sequence HOST; HOST; ...`",
            ),
            (Some(_), Some(close)) => diagnostic.help(format!("did you mean `{close}`?")),
            (Some(_), None) if names.is_empty() => diagnostic.help(
                "divide the annex into `group:` lines, or write the rotation as `sequence HOST; HOST; ...`",
            ),
            (Some(_), None) => diagnostic.help(format!(
                "the groups of the annex are {}",
                names.join(", ")
            )),
        };
        out.push(diagnostic);
    }
}
