//! ## What it finds
//!
//! A state in the annex, or the header's `host:`, that did not exist on any day of the text's
//! meeting or on its date of adoption: "Czechoslovakia" in a text of 2020 (dissolved on
//! 1 January 1993), "Bangladesh" in one of 1964 (independent in 1971). The registry knows the
//! day each state became independent and the day it ceased to exist, with its successors.
//!
//! ## Why it matters
//!
//! A list of members copied from an older or a newer text is a common slip, and a state that did
//! not exist cannot have taken part. A state that existed on the first day of a long meeting
//! and not on its last (Zanzibar at the conference of 1964, which met before and after its union
//! with Tanganyika) passes.
//!
//! ## Example
//!
//! ```text
//! adopted: 2020-03-01
//!
//! annex: List of Members
//! - Czechoslovakia
//! ```
//!
//! ## How to fix
//!
//! Write the state that existed on the date (the message names the successors), or correct
//! `adopted:` or `dates:` if the date is the slip.

use crate::check::members::names;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Kind;

pub const CHECK: Check = Check {
    code: "members::did-not-exist",
    default_severity: Severity::Error,
    summary: "a state that did not exist on the date of the text",
    source_file: include_str!("did_not_exist.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(period) = cx.analysis.period else {
        return;
    };
    for named in names(cx) {
        let Some(found) = named.found else {
            continue;
        };
        let entity = found.entity;
        if entity.kind == Kind::Organisation || named.repeats || entity.exists_in(Some(period)) {
            continue;
        }
        let name = named.name;
        let english = entity.english();
        let (why, help) = match (entity.from, entity.to) {
            (_, Some(to)) if to <= period.start => {
                let successors: Vec<String> = entity
                    .successors
                    .iter()
                    .filter_map(|id| cx.registry.entity(id))
                    .map(|s| format!("`{}`", s.name_on(named.language, Some(period))))
                    .collect();
                let help = if successors.is_empty() {
                    "remove it, or correct the date of the text".to_string()
                } else {
                    format!(
                        "write its successor, {}, or correct the date of the text",
                        crate::numbers::join_words(&successors, "or")
                    )
                };
                (format!("{english} ceased to exist on {to}"), help)
            }
            (Some(from), _) => (
                format!("{english} became independent on {from}"),
                "remove it, or correct the date of the text".to_string(),
            ),
            _ => continue,
        };
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("`{name}` did not exist on {}", period.on),
            )
            .primary(named.span, format!("no state on {}", period.on))
            .note(why)
            .help(help),
        );
    }
}
