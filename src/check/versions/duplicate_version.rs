//! ## What it finds
//!
//! Two `version:` blocks in the same language: `version: zh` twice.
//!
//! ## Why it matters
//!
//! Each language version is one text. With two in the same language, nobody can tell which is
//! the agreed translation: a build for that language prints the first one, and the other is
//! compared with the original as if it were a text of its own.
//!
//! ## Example
//!
//! ```text
//! version: zh
//!
//! 1、部长们认识到……
//!
//! version: zh
//!
//! 1、部长们认为……
//! ```
//!
//! ## How to fix
//!
//! Keep one version in each language: delete the other, or correct its `version:` line if it
//! is in another language.

use crate::check::versions::version_line;
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "versions::duplicate-version",
    default_severity: Severity::Error,
    summary: "two `version:` blocks in the same language",
    source_file: include_str!("duplicate_version.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let translations: Vec<_> = cx.analysis.translations().collect();
    for (index, version) in translations.iter().enumerate() {
        let language = version.meta.language;
        let Some(first) = translations[..index]
            .iter()
            .find(|earlier| earlier.meta.language == language)
        else {
            continue;
        };
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("the text has a second version in `{language}`"),
            )
            .primary(
                version_line(version.version),
                "a second `version:` in this language",
            )
            .secondary(version_line(first.version), "the first one")
            .help("keep one version in each language, or correct the language of this one"),
        );
    }
}
