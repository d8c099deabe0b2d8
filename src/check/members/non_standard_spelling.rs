//! ## What it finds
//!
//! A member (or the header's `host:`) named in a way the registry of members knows but that a
//! text of its date should not use:
//!
//! - an informal spelling: "Vietnam" for "Viet Nam", "Laos" for "Lao PDR" after 1975, "South
//!   Korea" for "Republic of Korea";
//! - a name the state had over other years than the text's: "Ceylon" in a text of 2020 (Sri
//!   Lanka since 1972), "Zaire" in one of 2005; in a text of 1964, "Ceylon", "Burma" and
//!   "Tanganyika" are the right names and pass;
//! - a spelling that differs from the registry's in the case of its letters only: "viet nam",
//!   "REPUBLIC OF KOREA".
//!
//! An informal spelling in the sentence that names the members of a text of no forum ("We, the
//! United States, ..., and Vietnam") passes: governments differ in the short names they write,
//! and only a forum's list of members fixes one for all of them.
//!
//! Every spelling the registry accepts passes: the United Nations' short and formal names
//! ("Czechia", "Kingdom of Belgium"), the forums' own ("Czech Republic", "Lao PDR", "Hong Kong,
//! China", "St Lucia"). A second line for a member already listed is reported by
//! `members::duplicate-under-another-name`, with the spelling to keep.
//!
//! ## Why it matters
//!
//! Intergovernmental texts name members as the members themselves ask to be named on that day,
//! and the usage is political as much as it is a matter of spelling. An informal or outdated
//! name in a signed text is a slip a delegation will notice.
//!
//! ## Example
//!
//! ```text
//! adopted: 2020-03-01
//!
//! annex: List of Members
//! - Ceylon
//! - Vietnam
//! ```
//!
//! ## How to fix
//!
//! Write the registry's spelling of the member on the date of the text, which the message gives.

use crate::check::members::names;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Spelling;

pub const CHECK: Check = Check {
    code: "members::non-standard-spelling",
    default_severity: Severity::Warning,
    summary: "a member named by an informal, outdated or miscapitalised spelling",
    source_file: include_str!("non_standard_spelling.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let period = cx.analysis.period;
    for named in names(cx) {
        let Some(found) = named.found else {
            continue;
        };
        // A repeat under another name is one slip, which `members::duplicate-under-another-name`
        // reports with the spelling to keep.
        if named.repeats {
            continue;
        }
        let name = named.name;
        let entity = found.entity;
        let preferred = entity.name_on(named.language, period);
        let dated = period.map_or(String::new(), |p| format!(" on {}", p.on));
        let diagnostic = match found.spelling {
            Spelling::Accepted if found.case_differs(name) => Diagnostic::warning(
                CHECK.code,
                format!(
                    "`{name}` is not how the registry of members capitalises `{}`",
                    found.written
                ),
            )
            .primary(named.span, format!("write `{}`", found.written))
            .help(format!(
                "write `{}`, with the registry's capitals",
                found.written
            )),
            Spelling::Accepted => continue,
            Spelling::Alias if named.in_prose && cx.analysis.forum.is_none() => continue,
            Spelling::Alias => Diagnostic::warning(
                CHECK.code,
                format!("`{name}` is not how declarations name {preferred}"),
            )
            .primary(named.span, format!("write `{preferred}`"))
            .help(format!(
                "write `{preferred}`, the name the registry of members uses{dated}"
            )),
            Spelling::Former { from, to } => {
                let over = match from {
                    Some(from) => format!("from {from} to {to}"),
                    None => format!("until {to}"),
                };
                let diagnostic = Diagnostic::warning(
                    CHECK.code,
                    format!("`{name}` is not the name of {preferred}{dated}"),
                )
                .primary(named.span, format!("write `{preferred}`"))
                .note(format!(
                    "`{name}` was the name of {} {over}",
                    entity.english()
                ))
                .help(format!(
                    "write `{preferred}`, the name the registry of members gives it{dated}"
                ));
                diagnostic
            }
        };
        out.push(diagnostic);
    }
}
