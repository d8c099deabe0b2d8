//! ## What it finds
//!
//! Under `rotation: alternate ...`, a next host that is neither a group of the annex nor one of
//! its members: `host: Europa` with the annex groups `Asia` and `Europe`.
//!
//! ## Why it matters
//!
//! The next host of an alternating rotation is checked through the annex: its group decides
//! whether the turn is kept. A name the annex does not know cannot be checked, and is usually
//! misspelt.
//!
//! ## Example
//!
//! ```text
//! rotation: alternate Asia; Europe
//!
//! next meeting:
//! host: Europa
//! ```
//!
//! ## How to fix
//!
//! Write the group's name, or the member's name, exactly as the annex has it.

use crate::analysis::series::Turn;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::suggest::suggest;

pub const CHECK: Check = Check {
    code: "series::unknown-next-host",
    default_severity: Severity::Error,
    summary: "a next host that is neither a group nor a member of the annex",
    source_file: include_str!("unknown_next_host.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let (Turn::NextHostUnknown, Some(host), Some(annex)) = (
        &cx.analysis.series.turn,
        cx.document
            .next_meeting
            .as_ref()
            .and_then(|n| n.host.as_ref()),
        cx.analysis.annex_of(0),
    ) else {
        return;
    };
    let annex = annex.annex;
    let names = annex
        .groups
        .iter()
        .map(|g| g.name.value.as_str())
        .chain(annex.all_members().map(|m| m.name.as_str()));
    let diagnostic = Diagnostic::error(
        CHECK.code,
        format!(
            "the next host {} is neither a group of the annex nor one of its members",
            host.value
        ),
    )
    .primary(host.span, "not in the annex");
    out.push(match suggest(&host.value, names) {
        Some(close) => diagnostic.help(format!("did you mean `{close}`?")),
        None => diagnostic.help(format!(
            "write a group of the annex ({}) or one of its members",
            annex
                .groups
                .iter()
                .map(|g| g.name.value.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    });
}
