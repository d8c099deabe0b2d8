//! plenary: a compiler for intergovernmental declarations.
//!
//! The pipeline, in the order data flows:
//!
//! ```text
//! bytes --Source::decode--> Source --syntax::parse--> ast::Document (+ diagnostics)
//!       --analysis::analyze--> Analysis --check::check--> diagnostics
//!                                       --render::print::Print::new--> Print
//!                                       --build::build--> Markdown, HTML, JSON, PDF
//! ```
//!
//! Every phase reports problems as [`Diagnostic`]s pointing into the [`Source`].

#![deny(clippy::unwrap_used)]

pub mod analysis;
pub mod ast;
pub mod batch;
pub mod build;
mod check;
pub mod codes;
mod config;
pub mod dates;
pub mod diagnostic;
pub mod format;
pub mod import;
pub mod languages;
pub mod numbers;
pub mod registry;
pub mod render;
pub mod report;
pub mod skeleton;
pub mod source;
pub mod spelling;
pub mod suggest;
pub mod syntax;
pub mod unicode;

pub use analysis::collection::Declaration;
pub use analysis::Analysis;
pub use config::{Config, Level};
pub use diagnostic::{Diagnostic, Severity};
pub use source::{DecodeError, Source, Span};

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    /// `None` when the bytes are not text at all.
    pub document: Option<ast::Document>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// Reads and checks one file's bytes with the default configuration: the built-in registry,
/// every check at its default level.
pub fn check_bytes(name: &str, bytes: &[u8]) -> Checked {
    check_bytes_with(name, bytes, &Config::default())
}

/// Reads and checks one file's bytes against the configuration's registry, with its levels.
pub fn check_bytes_with(name: &str, bytes: &[u8], config: &Config) -> Checked {
    check_bytes_then(name, bytes, config, |_, _| ()).0
}

/// Reads and checks one file's bytes: decoding, parsing, analysis, then the checks (also on a
/// file with syntax errors, whose unread parts the analysis takes as unknown). The analysis is
/// handed to `then` with the diagnostics, so that a build prints from the same analysis the
/// checks read; it is `None` for bytes that are not text.
pub fn check_bytes_then<R>(
    name: &str,
    bytes: &[u8],
    config: &Config,
    then: impl FnOnce(&Checked, Option<&Analysis>) -> R,
) -> (Checked, R) {
    let (source, decode_error) = Source::decode(name, bytes);
    if let Some(error) = decode_error {
        let diagnostic = decode_diagnostic(&source, error);
        let checked = Checked {
            source,
            document: None,
            diagnostics: vec![diagnostic],
        };
        let result = then(&checked, None);
        return (checked, result);
    }
    let parsed = syntax::parse(&source);
    let mut diagnostics = parsed.diagnostics;
    if let Some((first, count)) = source.lone_carriage_returns() {
        diagnostics.push(lone_carriage_return_diagnostic(first, count));
    }
    let mut checked = Checked {
        source,
        document: Some(parsed.document),
        diagnostics,
    };
    let document = checked.document.as_ref().expect("just parsed");
    let mut analysis = analysis::analyze(document, config.registry());
    analysis.recognise_facts(checked.source.text());
    checked
        .diagnostics
        .extend(checks(&checked.source, &analysis, config));
    checked
        .diagnostics
        .sort_by_key(|d| d.primary_span().map(|s| s.start));
    cap_repeats(&mut checked.diagnostics);
    let result = then(&checked, Some(&analysis));
    drop(analysis);
    (checked, result)
}

/// Runs every check of one file on its analysis, at the configuration's levels: what
/// [`check_bytes_with`] reports after the syntax errors.
pub fn checks(source: &Source, analysis: &Analysis, config: &Config) -> Vec<Diagnostic> {
    let cx = check::Context::new(source, analysis).with_words(config.words());
    let mut found = check::check(&cx);
    config.apply_levels(&mut found);
    found
}

/// The most diagnostics of one code reported for one file. A text with more has one slip
/// repeated (a mark the drafter's tool put everywhere): the first ones show it, and reading
/// thousands more helps nobody (8,000 stray quotation marks once wrote 258 MB).
const MOST_OF_ONE_CODE: usize = 100;

/// Keeps the first [`MOST_OF_ONE_CODE`] diagnostics of each code, the last of them saying how
/// many more there are.
fn cap_repeats(diagnostics: &mut Vec<Diagnostic>) {
    let mut counts: std::collections::HashMap<&'static str, usize> =
        std::collections::HashMap::new();
    for diagnostic in diagnostics.iter() {
        *counts.entry(diagnostic.code).or_default() += 1;
    }
    if counts.values().all(|&count| count <= MOST_OF_ONE_CODE) {
        return;
    }
    let mut seen: std::collections::HashMap<&'static str, usize> = std::collections::HashMap::new();
    diagnostics.retain_mut(|diagnostic| {
        let seen = seen.entry(diagnostic.code).or_default();
        *seen += 1;
        let total = counts[diagnostic.code];
        if *seen == MOST_OF_ONE_CODE && total > MOST_OF_ONE_CODE {
            diagnostic.notes.push(format!(
                "{} more `{}` in this file are not shown; mend these, then check again",
                total - MOST_OF_ONE_CODE,
                diagnostic.code
            ));
        }
        *seen <= MOST_OF_ONE_CODE
    });
}

/// Checks the declarations of one run as series: those of one series (the same `series:`,
/// folded) are put in the order of their meetings and compared with each other (the checks of
/// `src/check/across/`). Each declaration comes with the configuration of its file, whose
/// registry its names are read against and whose levels apply to the diagnostics that belong to
/// it. A slip the file's own checks report already (at the same words) is not reported again.
/// Returns each diagnostic with the position, in `declarations`, of the file it belongs to,
/// in the order of the files and, within a file, of the words it points at. A run with no two
/// declarations of one series finds nothing.
pub fn check_across(declarations: &[(Declaration, &Config)]) -> Vec<(usize, Diagnostic)> {
    let members: Vec<analysis::collection::Member> = declarations
        .iter()
        .enumerate()
        .map(
            |(index, (declaration, config))| analysis::collection::Member {
                index,
                declaration,
                registry: config.registry(),
            },
        )
        .collect();
    let groups = analysis::collection::groups(&members);
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    for placed in check::across::check(&groups) {
        let declaration = &declarations[placed.file].0;
        if placed
            .diagnostic
            .primary_span()
            .is_some_and(|span| declaration.reported.contains(&span))
        {
            continue;
        }
        let mut one = vec![placed.diagnostic];
        declarations[placed.file].1.apply_levels(&mut one);
        found.extend(one.into_iter().map(|d| (placed.file, d)));
    }
    found.sort_by_key(|(file, d)| (*file, d.primary_span().map(|s| s.start)));
    found
}

/// The file ends its lines with carriage returns alone, read as line breaks.
fn lone_carriage_return_diagnostic(first: usize, count: usize) -> Diagnostic {
    let lines = if count == 1 {
        "a line that ends".to_string()
    } else {
        format!("{count} lines that end")
    };
    Diagnostic::warning(
        "input::carriage-return",
        format!("the file has {lines} with a carriage return alone (U+000D), as on old Mac OS"),
    )
    .primary(Span::new(first, first + 1), "the first is here")
    .note("plenary reads each of them as a line break")
    .help("save the file with ordinary line endings (LF, or CR LF on Windows); `plenary fmt` writes them")
}

fn decode_diagnostic(source: &Source, error: DecodeError) -> Diagnostic {
    match error {
        DecodeError::InvalidUtf8 {
            offset,
            file_offset,
            byte,
        } => Diagnostic::error(
            "input::invalid-utf8",
            format!(
                "the file is not UTF-8 text: byte 0x{byte:02X} at offset {file_offset} is not valid UTF-8"
            ),
        )
        .primary(Span::new(offset, offset + replacement_len(source, offset)), "this byte")
        .help("save the file as UTF-8 text (in most editors: Save As, encoding UTF-8)"),
        DecodeError::Nul {
            offset,
            file_offset,
        } => Diagnostic::error(
            "input::nul-byte",
            format!("the file contains a NUL byte at offset {file_offset}, which no text file has"),
        )
        .primary(Span::new(offset, offset + 1), "NUL byte")
        .help("this looks like a word-processor or binary file; save the declaration as plain UTF-8 text"),
    }
}

/// The length of the replacement character that stands for a bad byte in the decoded text.
fn replacement_len(source: &Source, offset: usize) -> usize {
    source.text()[offset..]
        .chars()
        .next()
        .map_or(0, char::len_utf8)
}
