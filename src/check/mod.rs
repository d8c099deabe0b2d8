//! Checking: the document, as analysed, against itself, against the rules it states and against
//! the registry of members.
//!
//! Every check is one file under `src/check/<area>/`, named for the problem it reports, with one
//! stable code (`<area>::<file-name>` in kebab case). The file's `//!` comment is the check's
//! documentation, in four parts (what it finds, why it matters, an example, the fix):
//! `plenary explain CODE` prints it and `docs/checks.md` is generated from it, so the two cannot
//! drift. [`CHECKS`] lists every check in the order they run.
//!
//! Checks read the [`Analysis`] and push [`Diagnostic`]s; they never stop early, so one run
//! reports every problem. They also run on a file with syntax errors: what did not read is
//! unknown in the analysis, and a check reports nothing on its account.

pub mod across;
pub mod dates;
pub mod facts;
pub mod members;
pub mod numbering;
pub mod references;
pub mod series;
pub mod signatures;
pub mod text;
pub mod versions;

use crate::analysis::prose::Passage;
use crate::analysis::Analysis;
use crate::ast::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::Registry;
use crate::source::Source;

/// What every check reads.
pub struct Context<'a> {
    pub source: &'a Source,
    pub analysis: &'a Analysis<'a>,
    /// The analysed document, as [`Analysis::document`].
    pub document: &'a Document,
    /// The registry of members, with the project's own names, as [`Analysis::registry`].
    pub registry: &'a Registry,
    /// The project's own words, which the spelling check accepts (`[spelling] words` in
    /// `plenary.toml`).
    pub words: &'a [String],
    /// The prose of every version, read once for all the checks that read words.
    prose: std::sync::OnceLock<Vec<Vec<Passage>>>,
}

impl<'a> Context<'a> {
    pub fn new(source: &'a Source, analysis: &'a Analysis<'a>) -> Context<'a> {
        Context {
            source,
            analysis,
            document: analysis.document,
            registry: analysis.registry,
            words: &[],
            prose: std::sync::OnceLock::new(),
        }
    }

    /// The context with the project's own words.
    pub fn with_words(self, words: &'a [String]) -> Context<'a> {
        Context { words, ..self }
    }

    /// The passages of prose of the version at `index`, as [`crate::analysis::prose`] reads
    /// them.
    pub fn prose(&self, index: usize) -> &[Passage] {
        // The analysis has read them when it recognised the facts of the prose.
        if let Some(read) = self.analysis.prose.get(index) {
            return read;
        }
        let all = self.prose.get_or_init(|| {
            self.document
                .versions
                .iter()
                .map(|version| crate::analysis::prose::passages(version, self.source.text()))
                .collect()
        });
        all.get(index).map_or(&[], Vec::as_slice)
    }
}

/// One check: its code, its default severity, its documentation and the function that runs it.
pub struct Check {
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

impl Check {
    /// The check's documentation: the `//!` comment of its file, as Markdown.
    pub fn documentation(&self) -> String {
        documentation(self.source_file)
    }
}

/// The `//!` comment of a check's source file, as Markdown.
pub fn documentation(source_file: &str) -> String {
    let mut doc = String::new();
    for line in source_file.lines() {
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

/// Every check, in the order they run.
pub static CHECKS: &[&Check] = &[
    &numbering::damaged_number::CHECK,
    &numbering::unnumbered_paragraph::CHECK,
    &numbering::skipped_number::CHECK,
    &numbering::repeated_number::CHECK,
    &numbering::number_out_of_order::CHECK,
    &numbering::subparagraph_out_of_sequence::CHECK,
    &series::next_edition::CHECK,
    &series::next_year::CHECK,
    &series::next_year_and_dates_differ::CHECK,
    &series::next_meeting_not_after::CHECK,
    &series::meetings_out_of_order::CHECK,
    &series::record_breaks_periodicity::CHECK,
    &series::unknown_rotation_group::CHECK,
    &series::unknown_next_host::CHECK,
    &series::next_host_breaks_rotation::CHECK,
    &dates::meeting_too_long::CHECK,
    &dates::adopted_outside_meeting::CHECK,
    &dates::closing_date_differs::CHECK,
    &dates::closing_place_differs::CHECK,
    &dates::wrong_weekday::CHECK,
    &facts::mismatch::CHECK,
    &facts::no_data::CHECK,
    &facts::prose_differs::CHECK,
    &references::unresolved::CHECK,
    &references::unnumbered_target::CHECK,
    &references::heading_refers_to_itself::CHECK,
    &references::not_a_web_address::CHECK,
    &references::duplicate_label::CHECK,
    &references::unused_label::CHECK,
    &references::undefined_footnote::CHECK,
    &references::duplicate_footnote::CHECK,
    &references::unused_footnote::CHECK,
    &versions::languages_differ::CHECK,
    &versions::duplicate_version::CHECK,
    &versions::section_missing::CHECK,
    &versions::paragraph_missing::CHECK,
    &versions::subparagraphs_differ::CHECK,
    &versions::footnote_missing::CHECK,
    &versions::marked_facts_differ::CHECK,
    &versions::label_moved::CHECK,
    &members::count_mismatch::CHECK,
    &members::group_count_mismatch::CHECK,
    &members::groups_do_not_add_up::CHECK,
    &members::look_alike_name::CHECK,
    &members::duplicate::CHECK,
    &members::duplicate_under_another_name::CHECK,
    &members::misspelt::CHECK,
    &members::unknown::CHECK,
    &members::ambiguous::CHECK,
    &members::non_standard_spelling::CHECK,
    &members::did_not_exist::CHECK,
    &members::unknown_forum::CHECK,
    &members::wrong_forum::CHECK,
    &members::not_in_forum::CHECK,
    &members::missing_forum_member::CHECK,
    &members::forum_count_mismatch::CHECK,
    &versions::member_mismatch::CHECK,
    &signatures::party_not_in_annex::CHECK,
    &text::doubled_word::CHECK,
    &text::doubled_punctuation::CHECK,
    &text::missing_space::CHECK,
    &text::letters_after_year::CHECK,
    &text::missing_final_stop::CHECK,
    &text::unbalanced_bracket::CHECK,
    &text::unbalanced_quote::CHECK,
    &text::mixed_apostrophes::CHECK,
    &text::confusable_word::CHECK,
    &text::negotiation_residue::CHECK,
    &text::unfilled_placeholder::CHECK,
    &text::mojibake::CHECK,
    &text::invisible_character::CHECK,
    &text::ascii_punctuation_in_chinese::CHECK,
    &text::misspelt_word::CHECK,
];

/// The code of the check with this code, of one document or across declarations.
pub fn find(code: &str) -> Option<&'static str> {
    CHECKS
        .iter()
        .map(|check| check.code)
        .chain(across::ACROSS.iter().map(|check| check.code))
        .find(|c| *c == code)
}

/// Runs every check and returns what they found, in no particular order.
pub fn check(cx: &Context) -> Vec<Diagnostic> {
    // Each check on the next free core, for a large text. Sharing the checks of a declaration of
    // a few pages (12 KB) was tried: its HTML build took 8.7 ms against 8.8 ms (medians of 60
    // alternating runs), less than the machine's noise.
    let threads = crate::batch::threads_for(cx.source.text().len());
    let mut diagnostics = Vec::new();
    crate::batch::in_order(
        CHECKS,
        threads,
        |check| {
            let mut found = Vec::new();
            (check.run)(cx, &mut found);
            found
        },
        |_, found| diagnostics.extend(found),
    );
    // A placeholder is the one cause of whatever else is wrong with its words: what another
    // check finds there is left to `text::unfilled-placeholder`. The placeholders are in the
    // order of the text and do not overlap, so the one a span may touch is found by halving.
    let placeholders = &cx.analysis.placeholders;
    diagnostics.retain(|diagnostic| {
        diagnostic.code == text::unfilled_placeholder::CHECK.code
            || !diagnostic.primary_span().is_some_and(|span| {
                let first = placeholders.partition_point(|p| p.span.end <= span.start);
                placeholders
                    .get(first)
                    .is_some_and(|p| p.span.start < span.end.max(span.start + 1))
            })
    });
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_has_a_unique_code_in_its_area_and_a_full_documentation() {
        let mut codes = std::collections::HashSet::new();
        for check in CHECKS {
            assert!(codes.insert(check.code), "{} is listed twice", check.code);
            let (area, name) = check.code.split_once("::").expect("area::name");
            assert!(!area.is_empty() && !name.is_empty(), "{}", check.code);
            let doc = check.documentation();
            check_parts(check.code, &doc);
        }
        for check in across::ACROSS {
            assert!(codes.insert(check.code), "{} is listed twice", check.code);
            assert!(check.code.starts_with("across::"), "{}", check.code);
            check_parts(check.code, &documentation(check.source_file));
        }
    }

    fn check_parts(code: &str, doc: &str) {
        for part in ["## What it finds", "## Why", "## Example", "## How to fix"] {
            assert!(
                doc.contains(part),
                "{code}: the documentation has no `{part}` part"
            );
        }
    }
}
