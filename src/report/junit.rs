//! JUnit XML, which CI systems show as test results: one test suite for the run, one test case
//! for each file, failed when the file has errors (an error when it could not be read), its
//! diagnostics listed one a line as `short` prints them.

use quick_junit::{NonSuccessKind, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};

use super::{short, Report};

/// The report as a JUnit XML document.
pub fn junit(report: &Report) -> String {
    let mut suite = TestSuite::new("plenary check");
    for file in &report.files {
        let lines: String = file
            .diagnostics
            .iter()
            .map(|record| short(record, &file.file))
            .collect();
        let status = if let Some(why) = &file.unreadable {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            status.set_message(format!("could not be checked: {why}"));
            status
        } else if file.errors > 0 {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(format!(
                "{} error(s), {} warning(s)",
                file.errors, file.warnings
            ));
            status.set_type("plenary check");
            status.set_description(lines.clone());
            status
        } else {
            TestCaseStatus::success()
        };
        let mut case = TestCase::new(file.file.as_str(), status);
        case.set_classname("plenary check");
        if file.errors == 0 && !lines.is_empty() {
            // Warnings do not fail a file; they are shown with it.
            case.set_system_out(lines);
        }
        suite.add_test_case(case);
    }
    let mut junit = JunitReport::new("plenary");
    junit.add_test_suite(suite);
    let mut xml = junit.to_string().unwrap_or_default();
    if !xml.ends_with('\n') {
        xml.push('\n');
    }
    xml
}
