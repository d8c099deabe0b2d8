//! Checking: the syntax tree against itself, against the rules it states and against the
//! registry of members.
//!
//! Every check is one file under `src/check/<area>/`, named for the problem it reports, with one
//! stable code (`<area>::<file-name>` in kebab case). The file's `//!` comment is the check's
//! documentation, in four parts (what it finds, why it matters, an example, the fix):
//! `plenary explain CODE` prints it and `docs/checks.md` is generated from it, so the two cannot
//! drift. [`RULES`] lists every check in the order they run.
//!
//! Checks only read the tree and push [`Diagnostic`]s; they never stop early, so one run reports
//! every problem. They run on a document that parsed without syntax errors: a paragraph that did
//! not parse is missing from the tree, and checking the rest would report false gaps.

pub mod dates;
pub mod facts;
pub mod members;
pub mod numbering;
pub mod references;
pub mod series;
pub mod versions;

use crate::ast::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Registry;
use crate::source::Source;

/// What every check reads.
pub struct Context<'a> {
    pub source: &'a Source,
    pub document: &'a Document,
    /// The registry of members, with the project's own names.
    pub registry: &'a Registry,
}

/// One check: its code, its default severity, its documentation and the function that runs it.
pub struct Rule {
    /// The stable code, `area::problem-name`; diagnostics of this check carry it.
    pub code: &'static str,
    /// The severity a finding has unless the configuration says otherwise.
    pub default_severity: Severity,
    /// One line saying what the check finds, for listings.
    pub summary: &'static str,
    /// The text of the check's source file; its `//!` lines are the documentation.
    pub source_file: &'static str,
    pub run: fn(&Context, &mut Vec<Diagnostic>),
}

impl Rule {
    /// The check's documentation: the `//!` comment of its file, as Markdown.
    pub fn documentation(&self) -> String {
        let mut doc = String::new();
        for line in self.source_file.lines() {
            let Some(rest) = line.strip_prefix("//!") else {
                if doc.is_empty() {
                    continue;
                }
                break;
            };
            doc.push_str(rest.strip_prefix(' ').unwrap_or(rest));
            doc.push('\n');
        }
        doc
    }
}

/// Every check, in the order they run.
pub static RULES: &[&Rule] = &[
    &numbering::skipped_number::RULE,
    &numbering::repeated_number::RULE,
    &numbering::number_out_of_order::RULE,
    &numbering::subparagraph_out_of_sequence::RULE,
    &series::next_edition::RULE,
    &series::next_year::RULE,
    &series::next_year_and_dates_differ::RULE,
    &series::next_meeting_not_after::RULE,
    &series::unknown_rotation_group::RULE,
    &series::unknown_next_host::RULE,
    &series::next_host_breaks_rotation::RULE,
    &dates::meeting_too_long::RULE,
    &dates::adopted_outside_meeting::RULE,
    &dates::closing_date_differs::RULE,
    &dates::closing_place_differs::RULE,
    &facts::mismatch::RULE,
    &facts::no_data::RULE,
    &references::unresolved::RULE,
    &references::duplicate_label::RULE,
    &references::unused_label::RULE,
    &references::undefined_footnote::RULE,
    &references::duplicate_footnote::RULE,
    &references::unused_footnote::RULE,
    &versions::languages_differ::RULE,
    &versions::section_missing::RULE,
    &versions::paragraph_missing::RULE,
    &versions::subparagraphs_differ::RULE,
    &versions::footnote_missing::RULE,
    &versions::marked_facts_differ::RULE,
    &versions::label_moved::RULE,
    &members::count_mismatch::RULE,
    &members::group_count_mismatch::RULE,
    &members::groups_do_not_add_up::RULE,
    &members::duplicate::RULE,
    &members::duplicate_under_another_name::RULE,
    &members::unknown::RULE,
    &members::ambiguous::RULE,
    &members::non_standard_spelling::RULE,
    &members::not_in_forum::RULE,
    &members::missing_forum_member::RULE,
    &members::forum_count_mismatch::RULE,
    &versions::member_mismatch::RULE,
];

/// The check with this code.
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|rule| rule.code == code)
}

/// Runs every check on a document and returns what they found, in no particular order.
pub fn check(cx: &Context) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for rule in RULES {
        (rule.run)(cx, &mut diagnostics);
    }
    diagnostics
}

/// `docs/checks.md`: every check's documentation, in the order they run.
pub fn checks_markdown() -> String {
    let mut out = String::from(
        "# The checks\n\n\
         <!-- Generated from the `//!` comments of src/check/; do not edit by hand. \
         Regenerate with `UPDATE_DOCS=1 cargo test --test it docs`. -->\n\n\
         Every problem plenary reports has a stable code. `plenary explain CODE` prints the \
         section below for that code.\n\n\
         | code | severity | finds |\n|---|---|---|\n",
    );
    for rule in RULES {
        out.push_str(&format!(
            "| [`{code}`](#{anchor}) | {severity} | {summary} |\n",
            code = rule.code,
            anchor = rule.code.replace("::", ""),
            severity = severity_name(rule.default_severity),
            summary = rule.summary,
        ));
    }
    for rule in RULES {
        out.push_str(&format!(
            "\n## `{}`\n\nDefault severity: {}.\n\n{}",
            rule.code,
            severity_name(rule.default_severity),
            rule.documentation()
        ));
    }
    out
}

fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_a_unique_code_in_its_area_and_a_full_documentation() {
        let mut codes = std::collections::HashSet::new();
        for rule in RULES {
            assert!(codes.insert(rule.code), "{} is listed twice", rule.code);
            let (area, name) = rule.code.split_once("::").expect("area::name");
            assert!(!area.is_empty() && !name.is_empty(), "{}", rule.code);
            let doc = rule.documentation();
            for part in ["## What it finds", "## Why", "## Example", "## How to fix"] {
                assert!(
                    doc.contains(part),
                    "{}: the documentation has no `{part}` part",
                    rule.code
                );
            }
        }
    }
}
