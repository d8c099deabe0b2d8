//! Checks of a series across its declarations: the declarations of one series given in one run
//! (`plenary check a.decl b.decl c.decl`), grouped and put in the order of their meetings by
//! [`crate::analysis::collection`], each compared with the others. A diagnostic belongs to the
//! file of the later declaration, usually, and points at the words of the other file too
//! ([`Diagnostic::elsewhere`]). A run of one declaration of a series has no group, and none of
//! these checks runs.

pub mod edition_repeated;
pub mod editions_out_of_order;
pub mod member_spelled_differently;
pub mod next_meeting_differs_from_its_declaration;
pub mod past_meeting_differs_from_its_declaration;
pub mod periodicity_broken;
pub mod rotation_broken;

use crate::analysis::collection::{host_agrees, place_agrees, Declaration, Group, Statement};
use crate::diagnostic::{Diagnostic, Severity};

/// One check of a series across its declarations.
pub struct Across {
    /// The stable code, `across::problem-name`.
    pub code: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    /// The text of the check's source file; its `//!` lines are the documentation.
    pub source_file: &'static str,
    pub run: fn(&Group, &mut Vec<Placed>),
}

/// A diagnostic and the file it belongs to, by its position among the files of the run.
pub struct Placed {
    pub file: usize,
    pub diagnostic: Diagnostic,
}

/// Every check across declarations, in the order they run.
pub static ACROSS: &[&Across] = &[
    &edition_repeated::CHECK,
    &editions_out_of_order::CHECK,
    &next_meeting_differs_from_its_declaration::CHECK,
    &past_meeting_differs_from_its_declaration::CHECK,
    &periodicity_broken::CHECK,
    &rotation_broken::CHECK,
    &member_spelled_differently::CHECK,
];

/// Runs every check across declarations on every group.
pub fn check(groups: &[Group]) -> Vec<Placed> {
    let mut found = Vec::new();
    for group in groups {
        for check in ACROSS {
            (check.run)(group, &mut found);
        }
    }
    found
}

/// One fact a statement of a meeting and the meeting's own declaration state differently.
/// The facts compared are the year, the host and the place, in that order.
pub struct Difference {
    /// "year", "host", "place".
    pub what: &'static str,
    pub stated: (String, crate::source::Span),
    pub held: (String, crate::source::Span),
}

/// What a statement of a meeting says differently from the meeting's own declaration. A fact
/// that either leaves out is not compared.
pub fn differences(by: &Declaration, statement: &Statement, held: &Declaration) -> Vec<Difference> {
    let mut facts = Vec::new();
    if let (Some(years), Some((year, span))) = (&statement.years, held.year) {
        if !years.value.includes(i32::from(year)) {
            facts.push(Difference {
                what: "year",
                stated: (years_in_words(years.value), years.span),
                held: (year.to_string(), span),
            });
        }
    }
    if let (Some(stated), Some(host)) = (&statement.host, &held.host) {
        if !host_agrees(by, statement, held) {
            facts.push(Difference {
                what: "host",
                stated: (stated.value.clone(), stated.span),
                held: (host.value.clone(), host.span),
            });
        }
    }
    if let (Some(stated), Some(place)) = (&statement.place, &held.place) {
        if !place_agrees(statement, held) {
            facts.push(Difference {
                what: "place",
                stated: (stated.value.clone(), stated.span),
                held: (place.value.clone(), place.span),
            });
        }
    }
    facts
}

/// "the host, Netherlands, and the year, 2009": the facts as the statement gives them, or as
/// the declaration does.
pub fn list(facts: &[Difference], stated: bool) -> String {
    let parts: Vec<String> = facts
        .iter()
        .map(|f| {
            let value = if stated { &f.stated.0 } else { &f.held.0 };
            format!("{} {value}", f.what)
        })
        .collect();
    crate::numbers::join_words(&parts, "and")
}

/// A declaration's edition and year as a message names them, with the file: "the second
/// meeting (b.decl)".
pub fn named(declaration: &Declaration) -> String {
    format!("{} ({})", declaration.name(), declaration.file)
}

/// "2009", or "2009 to 2010" for a span of years.
fn years_in_words(years: crate::ast::MeetingYear) -> String {
    if years.first == years.last {
        years.first.to_string()
    } else {
        format!("{} to {}", years.first, years.last)
    }
}
