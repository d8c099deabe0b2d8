//! SARIF 2.1.0, as GitHub code scanning reads it: one run of the tool `plenary`, a rule for every
//! code with its `explain` text, a result for every diagnostic, and a notification for every file
//! that could not be read.

use serde_json::json;
use serde_sarif::sarif::{
    ArtifactLocation, Invocation, Location, Message, MultiformatMessageString, Notification,
    PhysicalLocation, Region, ReportingConfiguration, ReportingDescriptor, Result as SarifResult,
    ResultLevel, Run, Sarif, Tool, ToolComponent,
};

use super::{Record, Report, SpanRecord};
use crate::diagnostic::Severity;

/// The report as a SARIF log, pretty-printed.
pub fn sarif(report: &Report) -> String {
    let log = log(report);
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// The report as a SARIF log.
pub fn log(report: &Report) -> Sarif {
    let codes = crate::codes::all();
    let rules: Vec<ReportingDescriptor> = codes
        .iter()
        .map(|code| {
            ReportingDescriptor::builder()
                .id(code.code)
                .short_description(text(code.summary))
                .full_description(text(code.summary))
                .help(
                    MultiformatMessageString::builder()
                        .text(code.explanation())
                        .markdown(code.explanation())
                        .build(),
                )
                .default_configuration(
                    ReportingConfiguration::builder()
                        .level(json!(level_name(code.default_severity)))
                        .build(),
                )
                .build()
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for file in &report.files {
        if let Some(why) = &file.unreadable {
            notifications.push(
                Notification::builder()
                    .level(json!("error"))
                    .message(message(&format!(
                        "{} could not be checked: {why}",
                        file.file
                    )))
                    .locations(vec![location(&file.file, None, None)])
                    .build(),
            );
        }
        for record in &file.diagnostics {
            results.push(result(record, &file.file, codes));
        }
    }
    let driver = ToolComponent::builder()
        .name("plenary")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(rules)
        .build();
    let invocation = Invocation::builder()
        .execution_successful(report.summary.unreadable == 0)
        .tool_execution_notifications(notifications)
        .build();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        // Columns are counted as the JSON report's `utf16_column_*`, plus one.
        .column_kind(json!("utf16CodeUnits"))
        .invocations(vec![invocation])
        .results(results)
        .build();
    Sarif::builder()
        .schema("https://json.schemastore.org/sarif-2.1.0.json")
        .version(json!("2.1.0"))
        .runs(vec![run])
        .build()
}

fn result(record: &Record, file: &str, codes: &[crate::codes::Code]) -> SarifResult {
    let mut spans = record.spans.iter();
    let primary = spans.next();
    let related: Vec<Location> = spans
        .map(|span| location(&span.file, Some(span), span.label.as_deref()))
        .collect();
    let mut words = record.message.clone();
    if let Some(help) = &record.help {
        words.push_str("\nhelp: ");
        words.push_str(help);
    }
    let index = codes
        .iter()
        .position(|code| code.code == record.code)
        .unwrap_or_default();
    let level = match record.severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
    };
    let result = SarifResult::builder()
        .rule_id(record.code.clone())
        .rule_index(index as i64)
        .level(level)
        .message(message(&words))
        .locations(vec![location(file, primary, None)]);
    match related.is_empty() {
        true => result.build(),
        false => result.related_locations(related).build(),
    }
}

/// Where in a file: the file alone, or a region of it.
fn location(file: &str, span: Option<&SpanRecord>, label: Option<&str>) -> Location {
    let artifact = ArtifactLocation::builder().uri(uri(file)).build();
    let physical = match span {
        Some(span) => PhysicalLocation::builder()
            .artifact_location(artifact)
            .region(
                Region::builder()
                    .start_line(span.line_start as i64)
                    .start_column(span.utf16_column_start as i64 + 1)
                    .end_line(span.line_end as i64)
                    .end_column(span.utf16_column_end as i64 + 1)
                    .byte_offset(span.byte_start as i64)
                    .byte_length((span.byte_end - span.byte_start) as i64)
                    .build(),
            )
            .build(),
        None => PhysicalLocation::builder()
            .artifact_location(artifact)
            .build(),
    };
    match label {
        Some(label) => Location::builder()
            .physical_location(physical)
            .message(message(label))
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

fn message(words: &str) -> Message {
    Message::builder().text(words).build()
}

fn text(words: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(words).build()
}

fn level_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// A file name as a relative URI reference: forward slashes, and the characters a URI cannot
/// hold percent-encoded.
fn uri(file: &str) -> String {
    let mut out = String::new();
    for byte in file.replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_uri_references() {
        assert_eq!(uri("drafts/new text.decl"), "drafts/new%20text.decl");
        assert_eq!(uri("a\\b.decl"), "a/b.decl");
        assert_eq!(uri("中.decl"), "%E4%B8%AD.decl");
    }
}
