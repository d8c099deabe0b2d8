//! ## What it finds
//!
//! A date written with its weekday whose weekday is not the date's: "Monday, 31 October 2007"
//! (31 October 2007 was a Wednesday), and in the other languages of a declaration's versions:
//! "mardi 30 octobre 2007", "Dienstag, den 30. Oktober 2007", "dinsdag 30 oktober 2007",
//! "martes 30 de octubre de 2007", "2007年10月30日（星期二）", "10月30日(周二)". A date written
//! without its year is read in the year of
//! the meeting when it falls within a fortnight of the meeting's dates; otherwise its weekday
//! is not checked.
//!
//! ## Why it matters
//!
//! A weekday and a date that disagree leave the reader unsure which day is meant; the slip
//! usually comes from a date moved in the drafting while its weekday stayed.
//!
//! ## Example
//!
//! ```text
//! The Ministers met in Beijing on Monday, 31 October 2007.
//! ```
//!
//! ## How to fix
//!
//! Correct the weekday, or the date if the weekday is right.

use crate::analysis::found::{weekday_name, FoundKind, Verdict};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "dates::wrong-weekday",
    default_severity: Severity::Error,
    summary: "a date written with a weekday it does not fall on",
    source_file: include_str!("wrong_weekday.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    for found in &cx.analysis.found {
        let (FoundKind::Weekday(date), Verdict::WrongWeekday { written, actual }) =
            (&found.kind, &found.verdict)
        else {
            continue;
        };
        let (written, actual) = (weekday_name(*written), weekday_name(*actual));
        out.push(
            Diagnostic::error(
                CHECK.code,
                format!("the text says {written}, but {date} is a {actual}"),
            )
            .primary(found.span, format!("{date} is a {actual}"))
            .help(format!(
                "write {actual}, or correct the date if {written} is the day meant"
            )),
        );
    }
}
