//! ## What it finds
//!
//! A signatory who signs for a member the member annex does not list: `- For the Government of
//! Canada:` under `signed:` when the annex lists Australia and New Zealand. The party is read
//! through the registry of members, so `for Australia` and `for the Government of Australia`
//! both name Australia; a party the registry does not know is not checked.
//!
//! ## Why it matters
//!
//! The signatures say who is bound by the text; the annex says who took part. A signature for a
//! member left out of the annex, or the name of the wrong state under a signature, is the kind
//! of slip that is found only when the document is already signed.
//!
//! ## Example
//!
//! ```text
//! signed:
//! - For the Government of Canada:
//!   The Hon. Mélanie Joly
//!
//! annex: Members (2)
//! - Australia
//! - New Zealand
//! ```
//!
//! ## How to fix
//!
//! Correct the party of the signature, or add the member to the annex.

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "signatures::party-not-in-annex",
    default_severity: Severity::Error,
    summary: "a signatory who signs for a member the member annex does not list",
    source_file: include_str!("party_not_in_annex.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        // An annex with a line that does not read may list the party on that line.
        let Some(annex) = cx.analysis.annex_of(info.index).filter(|a| a.complete) else {
            continue;
        };
        let listed: Vec<&str> = annex.listed.iter().filter_map(|l| l.id()).collect();
        for signatory in &info.signatories {
            let (Some(entity), Some(party)) = (signatory.entity, &signatory.signatory.party_name)
            else {
                continue;
            };
            if signatory.signatures.witnessed || listed.contains(&entity.id.as_str()) {
                continue;
            }
            out.push(
                Diagnostic::error(
                    CHECK.code,
                    format!(
                        "a signatory signs for {}, which the member annex does not list",
                        entity.english()
                    ),
                )
                .primary(party.span, format!("signs for {}", entity.english()))
                .secondary(annex.annex.title.span, "the member annex")
                .help(format!(
                    "correct the party of this signature, or add {} to the annex",
                    entity.english()
                )),
            );
        }
    }
}
