//! Checks of the meeting series: what the `next meeting:` block says against the header.

pub mod next_edition;
pub mod next_host_breaks_rotation;
pub mod next_meeting_not_after;
pub mod next_year;
pub mod next_year_and_dates_differ;
pub mod unknown_next_host;
pub mod unknown_rotation_group;

use crate::ast::{Annex, Document};
use crate::numbers::{ordinal_digits, ordinal_words};
use crate::source::Span;

/// The year of this meeting: its first day, or else the adoption date.
pub fn this_year(document: &Document) -> Option<(i16, Span)> {
    let header = &document.header;
    header
        .dates
        .as_ref()
        .map(|d| (d.value.start.year(), d.span))
        .or_else(|| header.adopted.as_ref().map(|d| (d.value.year(), d.span)))
}

/// The year of the next meeting: its `year`, or else the first of its `dates`.
pub fn next_year(document: &Document) -> Option<(i16, Span)> {
    let next = document.next_meeting.as_ref()?;
    next.year
        .as_ref()
        .map(|y| (y.value, y.span))
        .or_else(|| next.dates.as_ref().map(|d| (d.value.start.year(), d.span)))
}

/// The member annex of the original, whose group names the rotation uses.
pub fn annex(document: &Document) -> Option<&Annex> {
    document.versions.first()?.annex.as_ref()
}

/// An ordinal written the way the drafter wrote `like`: in words if it has letters only
/// (`second`), else in digits (`2nd`).
pub fn ordinal_like(value: u32, like: &str) -> String {
    if like
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        ordinal_words(value).unwrap_or_else(|| ordinal_digits(value))
    } else {
        ordinal_digits(value)
    }
}

/// Two names are the same if they differ only as the registry's comparison ignores: case,
/// spacing, punctuation, Unicode normalisation.
pub fn same_name(a: &str, b: &str) -> bool {
    crate::registry::fold(a) == crate::registry::fold(b)
}

/// Whether `words` name `value` or one of its parts: `Beijing` for `Beijing, China`, `北京` for
/// `中国 北京`. Parts are separated by commas; in a name written in Chinese, whose parts are
/// separated by spaces, by spaces too.
pub fn same_or_part(words: &str, value: &str) -> bool {
    let cjk = !value.is_ascii() && !value.contains([',', '，']);
    same_name(words, value)
        || value
            .split(|c: char| c == ',' || c == '，' || (cjk && c.is_whitespace()))
            .any(|part| same_name(words, part))
}

/// The name of the annex group that lists `member`, or the group itself if `member` names one.
pub fn group_of<'a>(annex: &'a Annex, member: &str) -> Option<&'a str> {
    annex
        .groups
        .iter()
        .find(|g| {
            same_name(&g.name.value, member) || g.members.iter().any(|m| same_name(&m.name, member))
        })
        .map(|g| g.name.value.as_str())
}
