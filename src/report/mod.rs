//! Diagnostics for machines: what one run of `plenary check` found, file by file, as a plain
//! model ([`Report`]) with every span resolved to lines and columns, and the formats printed from
//! it: `short` and `github` lines, JSON (the model itself, documented in
//! docs/diagnostics-json.md), SARIF ([`sarif`]) and JUnit XML ([`junit`]).
//!
//! The terminal's rendering is miette's, in `diagnostic`; every other format reads this model,
//! so that two formats never disagree about a line or a column.

pub mod junit;
pub mod sarif;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Label, Severity};
use crate::source::Source;

/// The version of the JSON document; raised only when a field changes meaning or goes.
pub const JSON_VERSION: u32 = 1;

/// Everything a run found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    /// Every file named on the command line (or found in a folder named there), in order.
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

/// What was found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileReport {
    /// The file as named on the command line; `<stdin>` for standard input.
    pub file: String,
    /// Why the file could not be checked, when it could not be read.
    pub unreadable: Option<String>,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Record>,
}

/// One diagnostic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// A stable code; `plenary explain CODE` documents it.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
    pub notes: Vec<String>,
    /// The primary span first (where the problem is), then the others that give context.
    pub spans: Vec<SpanRecord>,
}

/// A span of a drafter's text, with every way tools count positions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// The file the span is in: the diagnostic's own, or another declaration of its series.
    pub file: String,
    pub primary: bool,
    pub label: Option<String>,
    /// Byte offsets in the file's UTF-8 text, the end exclusive.
    pub byte_start: usize,
    pub byte_end: usize,
    /// 1-based lines.
    pub line_start: usize,
    pub line_end: usize,
    /// 1-based columns, in characters (Unicode scalar values), the end exclusive.
    pub column_start: usize,
    pub column_end: usize,
    /// 0-based columns in UTF-16 code units, as the language server protocol counts them.
    pub utf16_column_start: usize,
    pub utf16_column_end: usize,
}

/// The counts of a run: what the summary line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Summary {
    pub files: usize,
    pub unreadable: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Report {
    pub fn new() -> Report {
        Report {
            version: JSON_VERSION,
            files: Vec::new(),
            summary: Summary::default(),
        }
    }

    /// Adds diagnostics of `source` (a file already added keeps its place), with the spans in
    /// `others` resolved in those files.
    pub fn add(&mut self, diagnostics: &[Diagnostic], source: &Source, others: &[&Source]) {
        let index = match self.files.iter().position(|f| f.file == source.name()) {
            Some(index) => index,
            None => {
                self.files.push(FileReport {
                    file: source.name().to_string(),
                    unreadable: None,
                    errors: 0,
                    warnings: 0,
                    diagnostics: Vec::new(),
                });
                self.summary.files += 1;
                self.files.len() - 1
            }
        };
        let file = &mut self.files[index];
        for diagnostic in diagnostics {
            match diagnostic.severity {
                Severity::Error => {
                    file.errors += 1;
                    self.summary.errors += 1;
                }
                Severity::Warning => {
                    file.warnings += 1;
                    self.summary.warnings += 1;
                }
            }
            file.diagnostics.push(record(diagnostic, source, others));
        }
    }

    /// Adds a file that could not be checked, and why.
    pub fn unreadable(&mut self, file: &str, why: &str) {
        self.files.push(FileReport {
            file: file.to_string(),
            unreadable: Some(why.to_string()),
            errors: 0,
            warnings: 0,
            diagnostics: Vec::new(),
        });
        self.summary.files += 1;
        self.summary.unreadable += 1;
    }

    /// The JSON document, pretty-printed.
    pub fn json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }
}

impl Default for Report {
    fn default() -> Report {
        Report::new()
    }
}

/// A diagnostic with its spans resolved.
pub fn record(diagnostic: &Diagnostic, source: &Source, others: &[&Source]) -> Record {
    let mut labels: Vec<&Label> = diagnostic.labels.iter().collect();
    // The primary label first, the others in their order.
    labels.sort_by_key(|label| !label.primary);
    let mut spans: Vec<SpanRecord> = labels
        .into_iter()
        .map(|label| span_record(label, source))
        .collect();
    for elsewhere in &diagnostic.elsewhere {
        let Some(other) = others.iter().find(|o| o.name() == elsewhere.file) else {
            continue;
        };
        spans.extend(elsewhere.labels.iter().map(|label| {
            let mut span = span_record(label, other);
            span.label = Some(match &label.message {
                Some(message) => format!("{}: {message}", elsewhere.message),
                None => elsewhere.message.clone(),
            });
            span
        }));
    }
    Record {
        code: diagnostic.code.to_string(),
        severity: diagnostic.severity,
        message: diagnostic.message.clone(),
        help: diagnostic.help.clone(),
        notes: diagnostic.notes.clone(),
        spans,
    }
}

fn span_record(label: &Label, source: &Source) -> SpanRecord {
    let len = source.text().len();
    let (start, end) = (
        (label.span.start as usize).min(len),
        (label.span.end as usize).min(len),
    );
    let (line_start, column_start) = source.line_col(start);
    let (line_end, column_end) = source.line_col(end);
    SpanRecord {
        file: source.name().to_string(),
        primary: label.primary,
        label: label.message.clone(),
        byte_start: start,
        byte_end: end,
        line_start,
        line_end,
        column_start,
        column_end,
        utf16_column_start: source.line_utf16(start).1,
        utf16_column_end: source.line_utf16(end).1,
    }
}

/// `path:line:col: severity[code]: message`, one line a diagnostic, for editors and grep.
pub fn short(record: &Record, file: &str) -> String {
    let (line, column) = record
        .spans
        .first()
        .map_or((1, 1), |s| (s.line_start, s.column_start));
    format!(
        "{file}:{line}:{column}: {}[{}]: {}\n",
        severity_word(record.severity),
        record.code,
        one_line(&record.message)
    )
}

/// A GitHub Actions workflow command, which annotates the line in a pull request:
/// `::error file=...,line=...,col=...,endLine=...,endColumn=...,title=CODE::message`.
pub fn github(record: &Record, file: &str) -> String {
    let mut properties = vec![format!("file={}", escape_property(file))];
    if let Some(span) = record.spans.first() {
        properties.push(format!("line={}", span.line_start));
        properties.push(format!("col={}", span.column_start));
        properties.push(format!("endLine={}", span.line_end));
        if span.line_end == span.line_start {
            properties.push(format!("endColumn={}", span.column_end));
        }
    }
    properties.push(format!("title={}", escape_property(&record.code)));
    let mut message = record.message.clone();
    if let Some(help) = &record.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    format!(
        "::{} {}::{}\n",
        severity_word(record.severity),
        properties.join(","),
        escape_data(&message)
    )
}

/// `error` or `warning`.
pub fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes the message of a workflow command, as the GitHub Actions toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property of a workflow command, as the GitHub Actions toolkit does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        let checked = crate::check_bytes("a.decl", text.as_bytes());
        let mut report = Report::new();
        report.add(&checked.diagnostics, &checked.source, &[]);
        report
    }

    #[test]
    fn spans_count_bytes_characters_and_utf16_units() {
        let report = report("title: A\n\n1. 中国 “met.\n");
        let record = &report.files[0].diagnostics[0];
        assert_eq!(record.code, "syntax::unclosed");
        let span = &record.spans[0];
        assert!(span.primary);
        assert_eq!((span.line_start, span.column_start), (3, 7));
        assert_eq!(span.byte_start, "title: A\n\n1. 中国 ".len());
        assert_eq!(span.utf16_column_start, 6);
    }

    #[test]
    fn short_and_github_lines() {
        let report = report("title: A\n\n1. Ministers “met.\n");
        let record = &report.files[0].diagnostics[0];
        assert_eq!(
            short(record, "a.decl"),
            "a.decl:3:14: error[syntax::unclosed]: this quotation is never closed\n"
        );
        let line = github(record, "a.decl");
        assert!(
            line.starts_with(
                "::error file=a.decl,line=3,col=14,endLine=3,endColumn=15,title=syntax%3A%3Aunclosed::this quotation is never closed%0Ahelp: "
            ),
            "{line}"
        );
    }
}
