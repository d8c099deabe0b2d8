//! ## What it finds
//!
//! A paragraph that marks other facts in a language version than in the original: the original
//! marks `{Europe = next host}` and the translation has the words without the mark, or marks
//! another fact. Facts are compared by what they are tied to, not by their words.
//!
//! ## Why it matters
//!
//! A mark is what lets plenary check that the words agree with the data. An unmarked fact in
//! one version is unchecked there, and it is exactly the copy that is forgotten when the data
//! changes.
//!
//! ## Example
//!
//! ```text
//! 16. Ministers noted that the {second = next edition} Meeting will be held in
//! {Europe = next host} in {2009 = next year}.
//!
//! version: zh
//!
//! 16、部长们明确{第二 = next edition}届会议将于{2009 = next year}年由欧洲成员举办。
//! ```
//!
//! ## How to fix
//!
//! Mark the same facts in the version's paragraph as in the original's (here
//! `{欧洲 = next host}`).

use crate::check::versions::{fact_keys, for_each_counterpart};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::marked-facts-differ",
    default_severity: Severity::Error,
    summary: "a paragraph that marks other facts in a language version than in the original",
    source_file: include_str!("marked_facts_differ.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for_each_counterpart(cx, |unit, counterpart, language| {
        let theirs = fact_keys(counterpart);
        let ours = fact_keys(unit);
        let missing = difference(&theirs, &ours);
        let extra = difference(&ours, &theirs);
        if missing.is_empty() && extra.is_empty() {
            return;
        }
        let mut parts = Vec::new();
        if !missing.is_empty() {
            parts.push(format!(
                "the original marks {} but the {language} version does not",
                missing.join(", ")
            ));
        }
        if !extra.is_empty() {
            parts.push(format!(
                "the {language} version marks {} but the original does not",
                extra.join(", ")
            ));
        }
        out.push(
            Diagnostic::error(CHECK.code, format!("{}: {}", unit.name, parts.join("; ")))
                .primary(unit.span, format!("the {language} version"))
                .secondary(counterpart.span, "the original")
                .help("mark the same facts, `{words = fact}`, in both versions of the paragraph"),
        );
    });
}

/// The items of `a` that `b` lacks, counting repeats.
fn difference(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest = b.to_vec();
    let mut out = Vec::new();
    for item in a {
        match rest.iter().position(|r| r == item) {
            Some(i) => {
                rest.remove(i);
            }
            None => out.push(item.clone()),
        }
    }
    out
}
