//! The one diagnostic type, and the only place that speaks miette.
//!
//! Every problem plenary reports to a drafter, from a bad byte to a wrong member count, is a
//! [`Diagnostic`]: a stable code, a severity, a message with the concrete values, labelled spans
//! in the drafter's text and a help line. Terminal output goes through miette's graphical
//! handler here; machine formats (JSON, SARIF, GitHub annotations) are rendered from the same
//! plain data, never through miette.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use serde::Serialize;

use crate::source::{Source, Span};

/// How serious a problem is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// A span with what to say about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: Option<String>,
    /// The primary label is where the problem is; the others give context.
    pub primary: bool,
}

/// A problem in a drafter's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable code such as `syntax::unclosed-quote`; `plenary explain CODE` documents it.
    pub code: &'static str,
    pub severity: Severity,
    /// What is wrong, with the concrete values.
    pub message: String,
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    pub notes: Vec<String>,
    /// Words of other files the problem is about: a check of a series across its declarations
    /// points at the words of both. Its own labels are in the file the diagnostic belongs to.
    pub elsewhere: Vec<Elsewhere>,
}

/// Labelled spans in another file, with what to say of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Elsewhere {
    /// The other file's name, as its [`Source`] is named.
    pub file: String,
    /// What these words are, shown above them: "the declaration of the first meeting".
    pub message: String,
    pub labels: Vec<Label>,
}

impl Diagnostic {
    pub fn error(code: &'static str, message: impl Into<String>) -> Diagnostic {
        debug_assert!(
            crate::codes::find(code).is_some(),
            "`{code}` is not in the table of codes: document it (see src/codes.rs)"
        );
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
            elsewhere: Vec::new(),
        }
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, message)
        }
    }

    /// Adds the primary label: where the problem is.
    pub fn primary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: Some(message.into()).filter(|m: &String| !m.is_empty()),
            primary: true,
        });
        self
    }

    /// Adds a secondary label: context for the problem.
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            span,
            message: Some(message.into()).filter(|m: &String| !m.is_empty()),
            primary: false,
        });
        self
    }

    /// Adds a label in another file, under a line saying what its words are.
    pub fn elsewhere(
        mut self,
        file: &str,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> Diagnostic {
        self.elsewhere.push(Elsewhere {
            file: file.to_string(),
            message: message.into(),
            labels: vec![Label {
                span,
                message: Some(label.into()).filter(|m: &String| !m.is_empty()),
                primary: false,
            }],
        });
        self
    }

    /// Adds another label to the words of the other file added last by
    /// [`Diagnostic::elsewhere`].
    pub fn elsewhere_also(mut self, span: Span, label: impl Into<String>) -> Diagnostic {
        if let Some(last) = self.elsewhere.last_mut() {
            last.labels.push(Label {
                span,
                message: Some(label.into()).filter(|m: &String| !m.is_empty()),
                primary: false,
            });
        }
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The span of the primary label, or of the first label.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span)
    }
}

/// How to draw diagnostics for a person.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    /// The width to wrap messages at.
    pub width: usize,
}

/// Renders diagnostics for a terminal or a log, as rustc does: the message, the drafter's lines
/// with the labels under them, the help line.
pub fn render(diagnostics: &[Diagnostic], source: &Source, style: Style) -> String {
    render_in(diagnostics, source, &[], style)
}

/// Renders diagnostics of `source` whose words of other files ([`Elsewhere`]) are in `others`,
/// found by name; the words of a file not among them are left out, and what they are is said.
pub fn render_in(
    diagnostics: &[Diagnostic],
    source: &Source,
    others: &[&Source],
    style: Style,
) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_show_related_as_nested(true)
        .tab_width(4);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let shown = shown_lines(diagnostic, source);
        let diagnostic = shown.as_ref().unwrap_or(diagnostic);
        let related = diagnostic
            .elsewhere
            .iter()
            .map(|elsewhere| Related {
                elsewhere,
                source: others.iter().copied().find(|s| s.name() == elsewhere.file),
            })
            .collect();
        let report = Report {
            diagnostic,
            source,
            related,
        };
        // Writing into a String cannot fail.
        let _ = handler.render_report(&mut out, &report);
        out.push('\n');
    }
    out
}

/// The longest line whose words a diagnostic shows under it, in characters. A longer line (a
/// whole paragraph on one line, a file of one line) is not drawn: miette would draw all of it
/// for each label, and cannot draw past its 65,535th column.
const LONGEST_SHOWN_LINE: usize = 2_000;

/// The longest message drawn, in characters; the machine formats carry it whole.
const LONGEST_SHOWN_MESSAGE: usize = 500;

/// The diagnostic as drawn when one of its labels stands on a line too long to show: without
/// its labels, with where they are said in a note; and with a message too long to read cut.
/// `None` when it is drawn as it is.
fn shown_lines(diagnostic: &Diagnostic, source: &Source) -> Option<Diagnostic> {
    let text = source.text();
    let too_long = |label: &Label| {
        let start = (label.span.start as usize).min(text.len());
        let end = (label.span.end as usize).min(text.len());
        let line_start = text[..start].rfind('\n').map_or(0, |at| at + 1);
        let line_end = text[end..].find('\n').map_or(text.len(), |at| end + at);
        // Counting characters stops at the limit, so a 10 MB line costs no more than a short one.
        text[line_start..line_end]
            .split('\n')
            .any(|line| line.chars().nth(LONGEST_SHOWN_LINE).is_some())
    };
    let long_message = diagnostic
        .message
        .chars()
        .nth(LONGEST_SHOWN_MESSAGE)
        .is_some();
    if !long_message && !diagnostic.labels.iter().any(too_long) {
        return None;
    }
    let mut shown = diagnostic.clone();
    if long_message {
        // A message quotes the drafter's words; a word of thousands of letters is cut.
        let cut: String = shown.message.chars().take(LONGEST_SHOWN_MESSAGE).collect();
        shown.message = format!("{cut}…");
    }
    if !diagnostic.labels.iter().any(too_long) {
        return Some(shown);
    }
    let labels = std::mem::take(&mut shown.labels);
    for label in labels {
        let (line, column) = source.line_col(label.span.start as usize);
        let what = label.message.unwrap_or_else(|| "here".to_string());
        shown.notes.push(format!(
            "{what}: {}:{line}:{column} (the line is too long to show)",
            source.name()
        ));
    }
    Some(shown)
}

/// A diagnostic together with its source, as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a Source,
    related: Vec<Related<'a>>,
}

/// Words of another file, shown under the diagnostic as miette shows a related one.
struct Related<'a> {
    elsewhere: &'a Elsewhere,
    /// `None` when the file is not at hand: its name is said, its lines are not shown.
    source: Option<&'a Source>,
}

impl fmt::Debug for Related<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.elsewhere, f)
    }
}

impl fmt::Display for Related<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, in {}", self.elsewhere.message, self.elsewhere.file)
    }
}

impl std::error::Error for Related<'_> {}

impl miette::Diagnostic for Related<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source?;
        Some(Box::new(self.elsewhere.labels.iter().map(labeled)))
    }
}

/// A label as miette draws it.
fn labeled(label: &Label) -> LabeledSpan {
    let span = SourceSpan::new((label.span.start as usize).into(), label.span.len());
    if label.primary {
        LabeledSpan::new_primary_with_span(label.message.clone(), span)
    } else {
        LabeledSpan::new_with_span(label.message.clone(), span)
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_deref();
        let notes = &self.diagnostic.notes;
        if help.is_none() && notes.is_empty() {
            return None;
        }
        let mut text = help.unwrap_or_default().to_string();
        for note in notes {
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str("note: ");
            text.push_str(note);
        }
        Some(Box::new(text))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        if self.diagnostic.labels.is_empty() {
            None
        } else {
            Some(self.source)
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.diagnostic.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.diagnostic.labels.iter().map(labeled)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

/// A source's text, named, as miette reads it.
impl SourceCode for Source {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        // miette reads a `str` from its start to find the lines of a span, which costs the
        // whole file for each label of a long text; it is given only the lines it shows.
        let start = span.offset();
        let (first_line, from, to) = self.lines_around(
            start,
            start + span.len(),
            context_lines_before,
            context_lines_after,
        );
        let window: &'b str = &self.text()[from..to];
        let inner = SourceSpan::new((start - from).into(), span.len());
        let contents = window.read_span(&inner, context_lines_before, context_lines_after)?;
        let found = contents.span();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name().to_string(),
            contents.data(),
            SourceSpan::new((found.offset() + from).into(), found.len()),
            contents.line() + first_line,
            contents.column(),
            // miette counts the line breaks from the start of what it reads.
            contents.line_count() + first_line,
        )))
    }
}

#[cfg(test)]
mod read_span_tests {
    use super::*;

    #[test]
    fn a_source_reads_spans_as_its_text_does() {
        let text = "a: 1\nb: 22\r\n\nccc\ndddd: x\n\r\ne\nfff\n";
        let source = Source::new("t", text);
        for start in 0..text.len() {
            for len in 0..(text.len() - start) {
                for before in 0..3 {
                    for after in 0..3 {
                        let span = SourceSpan::new(start.into(), len);
                        let a = text.read_span(&span, before, after).unwrap();
                        let b = source.read_span(&span, before, after).unwrap();
                        assert_eq!(
                            (a.data(), a.span(), a.line(), a.column(), a.line_count()),
                            (b.data(), b.span(), b.line(), b.column(), b.line_count()),
                            "{start} {len} {before} {after}"
                        );
                    }
                }
            }
        }
    }
}
