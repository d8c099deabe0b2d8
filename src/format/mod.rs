//! `plenary fmt`: a file printed in one canonical layout, without a word of it changed.
//!
//! The layout: header fields in a fixed order, each with the notes above it; one blank line
//! between blocks; paragraphs filled to a width (or each on one line), broken only at the spaces
//! of their text; one member per line after `- `; sub-paragraphs and bulleted items at their
//! indentation, in spaces, the lines that go on with them hanging under their text; no spaces at
//! the ends of lines; one line ending at the end of the file, `\r\n` if the file used it.
//!
//! What the printer ([`print`]) makes is parsed again and compared with the file by its syntax
//! tree without layout ([`same`]). A block that would read differently laid out (a line break
//! can matter to the grammar) keeps its lines as written; a file the formatter would still
//! change in any other way is left as it is, and the formatter says so.

mod print;
pub mod same;

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// How the formatter lays out a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The columns a paragraph's lines are filled to (a Chinese character counts two); 0 puts
    /// each paragraph on one line.
    pub width: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options { width: 100 }
    }
}

/// Why a file was not formatted.
#[derive(Debug)]
pub enum Refusal {
    /// The file has syntax errors: a file that cannot be read is not rewritten.
    Syntax(Vec<Diagnostic>),
    /// The layout the formatter made would read differently from the file: a mistake of the
    /// formatter, caught before it could change the drafter's text. The text it made is kept
    /// for the report of that mistake.
    WouldChangeText { formatted: String },
}

/// The file's text in the canonical layout.
pub fn format(source: &Source, options: &Options) -> Result<String, Refusal> {
    let parsed = crate::syntax::parse(source);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err(Refusal::Syntax(parsed.into_errors()));
    }
    let printed = |as_written: &BTreeSet<usize>| {
        let formatted = print::document(&parsed.tree, options, as_written);
        if source.text().contains("\r\n") {
            formatted.replace('\n', "\r\n")
        } else {
            formatted
        }
    };
    let written = same::without_layout(&parsed.document);
    let reads_the_same = |formatted: &str| {
        let reparsed = crate::syntax::parse(&Source::new(source.name(), formatted));
        reparsed.diagnostics.iter().all(|d| !d.is_error())
            && same::without_layout(&reparsed.document) == written
    };
    let formatted = printed(&BTreeSet::new());
    if reads_the_same(&formatted) {
        return Ok(formatted);
    }
    // Some block reads differently laid out: those blocks are kept as written, and the rest of
    // the file is still formatted. Finding them costs two parses of each block the printer
    // changes, each after the header and a few blocks before it; only a file that needs it pays.
    let formatted = printed(&print::blocks_that_read_differently(&parsed.tree, options));
    if reads_the_same(&formatted) {
        Ok(formatted)
    } else {
        Err(Refusal::WouldChangeText { formatted })
    }
}

/// What formatting would change, as a unified diff with `name` on both sides.
pub fn diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(name, name)
        .to_string()
}
