//! ## What it finds
//!
//! A link `[words](address)` whose address is not a web address (`https://`, `http://`) or a
//! mail address (`mailto:`): a `javascript:` or `data:` address, a file name, a bare
//! `www.example.org`.
//!
//! ## Why it matters
//!
//! plenary prints only web and mail addresses as links, so that nothing in a declaration can
//! run code in a reader's browser or point into the drafter's own computer. Any other link is
//! printed as its words alone, in every format: the reader sees no link where the drafter meant
//! one, and a `javascript:` address in a draft is a sign that text was pasted from somewhere
//! it should not have been.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers welcomed the [report of the Working Group](www.asem-sme.org/report).
//! ```
//!
//! ## How to fix
//!
//! Write the full web address, starting with `https://`, or remove the link and keep its words.

use crate::ast::Inline;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::render::is_safe_link;

pub const CHECK: Check = Check {
    code: "references::not-a-web-address",
    default_severity: Severity::Warning,
    summary: "a link whose address is not a web or mail address, printed without its link",
    source_file: include_str!("not_a_web_address.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for info in &cx.analysis.versions {
        info.version.for_each_inline(&mut |inline| {
            let Inline::Link { target, span, .. } = inline else {
                return;
            };
            if is_safe_link(target) {
                return;
            }
            let shown: String = target.trim().chars().take(80).collect();
            let help = if target.trim_start().to_ascii_lowercase().starts_with("www.") {
                format!("write the full address: `https://{}`", target.trim())
            } else {
                "give a web address starting with `https://`, or remove the link and keep its words"
                    .to_string()
            };
            out.push(
                Diagnostic::warning(
                    CHECK.code,
                    format!("the link's address `{shown}` is not a web or mail address"),
                )
                .primary(*span, "printed as its words alone, without a link")
                .note("plenary prints only `https://`, `http://` and `mailto:` addresses as links")
                .help(help),
            );
        });
    }
}
