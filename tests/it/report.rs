//! `plenary check --format ...`: every machine format is parsed back and compared with what the
//! library finds, SARIF is validated against the SARIF 2.1.0 schema, JUnit read as XML; the exit
//! status is the same in every format; folders, `--quiet`, and the workflow of docs/ci.md.

use plenary::report::Report;

use crate::cli::{plenary, run, Run, TempDir};

/// A draft with two errors and a warning-free clean draft, in a folder with a subfolder.
fn drafts(test: &str) -> TempDir {
    let dir = TempDir::new(test);
    std::fs::create_dir_all(dir.path().join("drafts/old")).unwrap();
    dir.write("drafts/asem.decl", BAD);
    dir.write("drafts/old/clean.decl", CLEAN);
    dir.write("drafts/notes.txt", "not a declaration");
    dir
}

const BAD: &str = "title: A\n\n1. Ministers “met in 中国.\n\n3. They agreed.\n";
const CLEAN: &str = "title: B\nadopted: 2007-10-31\n\n1. Ministers met.\n";

fn check(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run(plenary(dir, &all), None)
}

/// The report the library makes of the same files, as the binary names them.
fn expected(files: &[(&str, &str)]) -> Report {
    let mut report = Report::new();
    for (name, text) in files {
        let checked = plenary::check_bytes(name, text.as_bytes());
        report.add(&checked.diagnostics, &checked.source, &[]);
    }
    report
}

#[test]
fn json_is_one_document_that_reads_back_as_the_library_reports() {
    let dir = drafts("report-json");
    let out = check(&dir, &["--format", "json", "drafts", "missing.decl"]);
    assert_eq!(out.status, Some(2), "{}", out.stderr);
    let report: Report = serde_json::from_str(&out.stdout).expect("one JSON document");
    let mut expected = expected(&[("drafts/asem.decl", BAD), ("drafts/old/clean.decl", CLEAN)]);
    expected.unreadable("missing.decl", "cannot read `missing.decl`: no such file");
    assert_eq!(report, expected);
    assert_eq!(report.summary.errors, 2);
    assert_eq!(report.summary.unreadable, 1);
    let span = &report.files[0].diagnostics[0].spans[0];
    assert_eq!(
        (span.line_start, span.column_start, span.utf16_column_start),
        (3, 14, 13)
    );
    // The summary line still goes to standard error, and counts the unreadable file.
    assert!(
        out.stderr
            .contains("checked 2 of 3 files, 1 could not be read: 2 errors, 0 warnings"),
        "{}",
        out.stderr
    );
}

#[test]
fn sarif_is_valid_against_the_sarif_schema_and_carries_every_code() {
    let dir = drafts("report-sarif");
    let out = check(&dir, &["--format", "sarif", "drafts", "missing.decl"]);
    assert_eq!(out.status, Some(2), "{}", out.stderr);
    let value: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../schemas/sarif-2.1.0.json"))
            .expect("the vendored schema");
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // Read back with the SARIF types, it says what the JSON report says.
    let log: serde_sarif::sarif::Sarif = serde_json::from_value(value).expect("SARIF");
    let run = &log.runs[0];
    let rules = run.tool.driver.rules.as_ref().expect("rules");
    assert_eq!(rules.len(), plenary::codes::all().len());
    let unclosed = rules.iter().find(|r| r.id == "syntax::unclosed").unwrap();
    let help = unclosed.help.as_ref().unwrap();
    assert_eq!(
        help.text,
        plenary::codes::find("syntax::unclosed")
            .unwrap()
            .explanation()
    );
    let results = run.results.as_ref().expect("results");
    let codes: Vec<&str> = results
        .iter()
        .map(|r| r.rule_id.as_deref().unwrap())
        .collect();
    assert_eq!(codes, ["syntax::unclosed", "numbering::skipped-number"]);
    let region = results[0].locations.as_ref().unwrap()[0]
        .physical_location
        .as_ref()
        .unwrap();
    assert_eq!(
        region.artifact_location.as_ref().unwrap().uri.as_deref(),
        Some("drafts/asem.decl")
    );
    let region = region.region.as_ref().unwrap();
    assert_eq!(
        (region.start_line, region.start_column),
        (Some(3), Some(14))
    );
    let invocation = &run.invocations.as_ref().unwrap()[0];
    assert!(!invocation.execution_successful);
    let notes = invocation.tool_execution_notifications.as_ref().unwrap();
    assert_eq!(notes.len(), 1);
}

#[test]
fn junit_has_a_test_case_for_each_file() {
    let dir = drafts("report-junit");
    let out = check(&dir, &["--format", "junit", "drafts", "missing.decl"]);
    assert_eq!(out.status, Some(2), "{}", out.stderr);
    let junit = quick_junit::Report::deserialize_from_str(&out.stdout).expect("JUnit XML");
    let suite = &junit.test_suites[0];
    let cases: Vec<(&str, bool)> = suite
        .test_cases
        .iter()
        .map(|case| {
            let passed = matches!(case.status, quick_junit::TestCaseStatus::Success { .. });
            (case.name.as_str(), passed)
        })
        .collect();
    assert_eq!(
        cases,
        [
            ("drafts/asem.decl", false),
            ("drafts/old/clean.decl", true),
            ("missing.decl", false)
        ]
    );
    match &suite.test_cases[0].status {
        quick_junit::TestCaseStatus::NonSuccess {
            kind, description, ..
        } => {
            assert_eq!(*kind, quick_junit::NonSuccessKind::Failure);
            let description = description.as_ref().unwrap().as_str();
            assert!(description.starts_with(
                "drafts/asem.decl:3:14: error[syntax::unclosed]: this quotation is never closed\n"
            ));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn short_lines_name_the_file_line_column_severity_and_code() {
    let dir = drafts("report-short");
    let out = check(&dir, &["--format", "short", "drafts"]);
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "drafts/asem.decl:3:14: error[syntax::unclosed]: this quotation is never closed\n\
         drafts/asem.decl:5:1: error[numbering::skipped-number]: paragraph 2 is missing: the numbers jump from 1 to 3\n"
    );
}

#[test]
fn github_commands_annotate_the_lines() {
    let dir = drafts("report-github");
    let out = check(&dir, &["--format", "github", "drafts"]);
    assert_eq!(out.status, Some(1), "{}", out.stderr);
    let first = out.stdout.lines().next().unwrap();
    assert!(
        first.starts_with(
            "::error file=drafts/asem.decl,line=3,col=14,endLine=3,endColumn=15,title=syntax%3A%3Aunclosed::this quotation is never closed%0Ahelp: "
        ),
        "{first}"
    );
}

#[test]
fn every_format_exits_as_the_human_one_does() {
    for (files, status) in [
        (vec!["drafts/old"], 0),
        (vec!["drafts"], 1),
        (vec!["drafts", "missing.decl"], 2),
    ] {
        for format in ["human", "short", "json", "sarif", "github", "junit"] {
            let dir = drafts("report-status");
            let mut args = vec!["--format", format];
            args.extend(files.iter().copied());
            let out = check(&dir, &args);
            assert_eq!(
                out.status,
                Some(status),
                "{format} {files:?}: {}",
                out.stderr
            );
        }
    }
}

#[test]
fn quiet_prints_errors_only() {
    let dir = TempDir::new("report-quiet");
    // A stray closing quotation mark is an error; a doubled word a warning.
    let name = dir.write("w.decl", "title: A\n\n1. Ministers met met in Beijing.\n");
    let loud = check(&dir, &["--format", "short", &name]);
    let warnings = loud
        .stdout
        .lines()
        .filter(|l| l.contains(": warning["))
        .count();
    assert!(warnings > 0, "{}", loud.stdout);
    let quiet = check(&dir, &["--format", "short", "--quiet", &name]);
    assert_eq!(quiet.stdout, "");
    assert_eq!(quiet.stderr, "");
    assert_eq!(quiet.status, loud.status);
    let denied = check(&dir, &["--quiet", "--deny-warnings", &name]);
    assert_eq!(denied.status, Some(1));
}

#[test]
fn a_folder_without_declarations_is_reported() {
    let dir = TempDir::new("report-empty-folder");
    std::fs::create_dir_all(dir.path().join("empty")).unwrap();
    let out = check(&dir, &["empty"]);
    assert_eq!(out.status, Some(2));
    assert!(out.stderr.contains("cannot read `empty`"), "{}", out.stderr);
}

/// The `plenary` commands of the workflow in docs/ci.md, run as the workflow runs them.
#[test]
fn the_ci_workflow_runs_as_documented() {
    let doc = include_str!("../../docs/ci.md");
    let commands: Vec<&str> = doc
        .lines()
        .filter_map(|line| line.trim().strip_prefix("run: plenary "))
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    let dir = drafts("report-ci");
    let mut outputs = Vec::new();
    for command in commands {
        let (args, redirect) = match command.split_once(" > ") {
            Some((args, file)) => (args, Some(file.trim())),
            None => (command, None),
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = run(plenary(&dir, &args), None);
        // The drafts have an error: the step fails the job, as it should.
        assert_eq!(out.status, Some(1), "{command}: {}", out.stderr);
        if let Some(file) = redirect {
            std::fs::write(dir.path().join(file), &out.stdout).unwrap();
        }
        outputs.push(out);
    }
    assert!(outputs[0]
        .stdout
        .starts_with("::error file=drafts/asem.decl,line=3,"));
    let sarif = std::fs::read_to_string(dir.path().join("plenary.sarif")).unwrap();
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&sarif).expect("SARIF");
    assert_eq!(log.runs[0].results.as_ref().unwrap().len(), 2);
}
