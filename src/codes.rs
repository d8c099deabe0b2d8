//! The table of every diagnostic code plenary reports, each with its documentation.
//!
//! Three kinds of problem have codes: a file that is not text (`input::`), text the language
//! cannot read (`syntax::`), a `plenary.toml` that cannot be used (`config::`), and what the
//! checks find (`numbering::`, `members::`, ...). A check documents itself in the `//!` comment
//! of its file ([`crate::check::Check::documentation`]); the other codes are documented in
//! `src/codes/input.md`, `syntax.md` and `config.md`, one entry per code. `plenary explain` and
//! `docs/checks.md` print this table, so the reference and the program cannot drift, and every
//! diagnostic's code is checked against it in debug builds.

use std::sync::OnceLock;

use crate::check::CHECKS;
use crate::diagnostic::Severity;

/// What kind of problem a code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Input,
    Syntax,
    Check,
    Config,
}

/// One code and its documentation.
#[derive(Debug, Clone)]
pub struct Code {
    pub code: &'static str,
    pub kind: Kind,
    pub default_severity: Severity,
    /// One line saying what the code finds, for listings.
    pub summary: &'static str,
    /// The four parts (what it finds, why it matters, an example, how to fix), as Markdown.
    pub documentation: String,
}

impl Code {
    /// Whether `plenary.toml` can set this code's level: only a check's. A file that cannot be
    /// read, or does not read as the language, cannot be checked, so those problems are always
    /// reported.
    pub fn configurable(&self) -> bool {
        self.kind == Kind::Check
    }

    /// The code's full entry, as `plenary explain` prints it and `docs/checks.md` shows it.
    pub fn explanation(&self) -> String {
        let level = if self.configurable() {
            "`plenary.toml` can set this check to error, warning or off."
        } else {
            "This is a problem of reading the file, not a check: it is always reported, and \
             `plenary.toml` cannot change its level."
        };
        format!(
            "Default severity: {}. {level}\n\n{}",
            severity_name(self.default_severity),
            self.documentation.trim_end()
        )
    }
}

const INPUT: &str = include_str!("codes/input.md");
const SYNTAX: &str = include_str!("codes/syntax.md");
const CONFIG: &str = include_str!("codes/config.md");

/// Every code: input, syntax, the checks in the order they run, configuration.
pub fn all() -> &'static [Code] {
    static ALL: OnceLock<Vec<Code>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all = parse(INPUT, Kind::Input);
        all.extend(parse(SYNTAX, Kind::Syntax));
        all.extend(CHECKS.iter().map(|check| Code {
            code: check.code,
            kind: Kind::Check,
            default_severity: check.default_severity,
            summary: check.summary,
            documentation: check.documentation(),
        }));
        all.extend(crate::check::across::ACROSS.iter().map(|check| Code {
            code: check.code,
            kind: Kind::Check,
            default_severity: check.default_severity,
            summary: check.summary,
            documentation: crate::check::documentation(check.source_file),
        }));
        all.extend(parse(CONFIG, Kind::Config));
        all
    })
}

/// The code of this name.
pub fn find(code: &str) -> Option<&'static Code> {
    all().iter().find(|c| c.code == code)
}

/// Reads a file of entries: each starts with a line `# area::name`, then a line
/// `error · what it finds`, then its four parts. Lines inside code fences never start an entry.
fn parse(text: &'static str, kind: Kind) -> Vec<Code> {
    // Each entry: its code, where its title line starts, where its body starts.
    let mut entries: Vec<(&'static str, usize, usize)> = Vec::new();
    let mut fenced = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced {
            if let Some(code) = line.strip_prefix("# ") {
                entries.push((code.trim(), offset, offset + line.len()));
            }
        }
        offset += line.len();
    }
    let mut codes = Vec::new();
    for (index, &(code, _, start)) in entries.iter().enumerate() {
        let end = entries
            .get(index + 1)
            .map_or(text.len(), |&(_, next, _)| next);
        let body = text[start..end].trim_start();
        let (first, documentation) = body.split_once('\n').unwrap_or((body, ""));
        let (severity, summary) = first
            .split_once(" · ")
            .unwrap_or_else(|| panic!("{code}: the line after the title is `error · summary`"));
        let default_severity = match severity {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            other => panic!("{code}: `{other}` is not a severity"),
        };
        codes.push(Code {
            code,
            kind,
            default_severity,
            summary: summary.trim(),
            documentation: documentation.trim().to_string() + "\n",
        });
    }
    codes
}

/// `docs/checks.md`: every code, with its documentation.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Every diagnostic code\n\n\
         <!-- Generated from src/codes/*.md and the `//!` comments of src/check/; do not edit \
         by hand. Regenerate with `UPDATE_DOCS=1 cargo test --test it docs`. -->\n\n\
         Every problem plenary reports has a stable code. `plenary explain CODE` prints the \
         section below for that code. The level of each check can be set to error, warning or \
         off in `plenary.toml` (see [configuration.md](configuration.md)); the problems of \
         reading a file (its bytes, its language, the configuration) are always reported.\n",
    );
    for (kind, title) in [
        (Kind::Input, "Reading the file"),
        (Kind::Syntax, "The language"),
        (Kind::Check, "The checks"),
        (Kind::Config, "The configuration"),
    ] {
        out.push_str(&format!(
            "\n## {title}\n\n| code | severity | finds |\n|---|---|---|\n"
        ));
        for code in all().iter().filter(|c| c.kind == kind) {
            out.push_str(&format!(
                "| [`{}`](#{}) | {} | {} |\n",
                code.code,
                code.code.replace("::", ""),
                severity_name(code.default_severity),
                code.summary.replace('|', "\\|"),
            ));
        }
    }
    for code in all() {
        let documentation = code
            .explanation()
            .lines()
            .map(|line| match line.strip_prefix("## ") {
                // The four parts sit one level under the code's own heading.
                Some(part) if !line.starts_with("###") => format!("#### {part}"),
                _ => line.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.push_str(&format!("\n### `{}`\n\n{documentation}\n", code.code));
    }
    out
}

pub fn severity_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_listed_once_with_its_four_parts() {
        let mut seen = std::collections::HashSet::new();
        for code in all() {
            assert!(seen.insert(code.code), "{} is listed twice", code.code);
            let (area, name) = code.code.split_once("::").expect("area::name");
            let expected_area = match code.kind {
                Kind::Input => Some("input"),
                Kind::Syntax => Some("syntax"),
                Kind::Config => Some("config"),
                Kind::Check => None,
            };
            if let Some(expected) = expected_area {
                assert_eq!(area, expected, "{}", code.code);
            }
            assert!(!name.is_empty(), "{}", code.code);
            assert!(!code.summary.is_empty(), "{}", code.code);
            for part in ["## What it finds", "## Why", "## Example", "## How to fix"] {
                assert!(
                    code.documentation.contains(part),
                    "{}: the documentation has no `{part}` part",
                    code.code
                );
            }
        }
    }

    /// Every code written in the source is in the table, and every code in the table is written
    /// somewhere: a code cannot be reported without documentation, nor documented after it is
    /// gone.
    #[test]
    fn the_table_holds_exactly_the_codes_the_source_reports() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut written = std::collections::BTreeSet::new();
        let mut stack = vec![root];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("src is readable") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).expect("a source file");
                    for area in ["input", "syntax", "config"] {
                        let opening = format!("\"{area}::");
                        for (at, _) in text.match_indices(&opening) {
                            let rest = &text[at + opening.len()..];
                            let name: String = rest
                                .chars()
                                .take_while(|c| {
                                    c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'
                                })
                                .collect();
                            if !name.is_empty() && rest[name.len()..].starts_with('"') {
                                written.insert(format!("{area}::{name}"));
                            }
                        }
                    }
                }
            }
        }
        let table: std::collections::BTreeSet<String> = all()
            .iter()
            .filter(|c| c.kind != Kind::Check)
            .map(|c| c.code.to_string())
            .collect();
        let undocumented: Vec<&String> = written.difference(&table).collect();
        let unused: Vec<&String> = table.difference(&written).collect();
        assert!(
            undocumented.is_empty(),
            "codes reported but not documented in src/codes/: {undocumented:?}"
        );
        assert!(
            unused.is_empty(),
            "codes documented but never reported: {unused:?}"
        );
    }
}
