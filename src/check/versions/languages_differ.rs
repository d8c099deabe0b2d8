//! ## What it finds
//!
//! A header `languages:` list that does not match the language versions of the file: a
//! language listed without its `version:` block, or a `version:` block whose language is not
//! listed. The original is the first language of the list.
//!
//! ## Why it matters
//!
//! The languages list says in which languages the declaration is authentic, and the outputs
//! print one text per language. A listed language without its text, or a text in a language
//! not listed, means that the file and the declaration it describes disagree.
//!
//! ## Example
//!
//! ```text
//! languages: en, zh, fr
//!
//! version: zh
//! title: 加强亚欧会议成员间中小企业合作的北京宣言
//! ```
//!
//! ## How to fix
//!
//! Add the missing version after a `version: fr` line, or correct the `languages:` list so it
//! names the original's language first and then each version's.

use crate::check::versions::version_line;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::languages-differ",
    default_severity: Severity::Error,
    summary: "a `languages:` list that does not match the language versions",
    source_file: include_str!("languages_differ.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let languages = &cx.document.header.languages;
    let versions: Vec<(&str, crate::source::Span)> = cx
        .analysis
        .translations()
        .map(|v| (v.meta.language, version_line(v.version)))
        .collect();
    // A file without a `languages:` line states nothing to compare; a `version:` line whose
    // language does not read is reported as such, and may be any of the languages listed.
    let unreadable = cx.analysis.translations().any(|v| {
        v.meta
            .own
            .is_some_and(|own| own.unusable.iter().any(|k| k == "language"))
    });
    let Some((_, listed_translations)) = languages.split_first().filter(|_| !unreadable) else {
        return;
    };
    for language in listed_translations {
        if versions.iter().any(|(v, _)| *v == language.value) {
            continue;
        }
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!(
                    "the header lists the language `{}`, but the file has no `version: {}` block",
                    language.value, language.value
                ),
            )
            .primary(language.span, "no version in this language")
            .help(format!(
                "add the text in this language after a `version: {}` line, or remove `{}` from `languages:`",
                language.value, language.value
            )),
        );
    }
    for (language, span) in &versions {
        if listed_translations.iter().any(|l| l.value == *language) {
            continue;
        }
        let original = languages.first().map(|l| l.value.as_str());
        let mut diagnostic = Diagnostic::error(
            CHECK.code,
            match original == Some(*language) {
                true => format!(
                    "the `version: {language}` block is in the original's language, `{language}`"
                ),
                false => format!(
                    "the `version: {language}` block is in a language that `languages:` does not list"
                ),
            },
        )
        .primary(*span, "not in `languages:`");
        if let Some(first) = languages.first() {
            diagnostic = diagnostic.secondary(
                first
                    .span
                    .join(languages.last().map_or(first.span, |l| l.span)),
                "the languages listed",
            );
        }
        out.push(diagnostic.help(format!(
            "add `{language}` to `languages:` after the original's language, or correct the language of the version"
        )));
    }
}
