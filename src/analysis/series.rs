//! The meeting series: what this meeting's edition, year, host and the rotation make of the
//! next meeting.
//!
//! These are derived facts: the next edition follows from this one, the next year from the
//! periodicity, the next host from the rotation. The series' record (its past meetings, this
//! one, the next and the ones after it) is set out in order, for the checks of the record
//! against itself and against the periodicity. The series checks compare the `next meeting:`
//! block with them, and the fact checks accept prose that says what the series says, so that a
//! slip in the block is reported once, by the check of the block.

use crate::ast::{Document, Meeting, MeetingYear, Periodicity, Rotation};
use crate::registry::{fold, Entity, Period, Registry};
use crate::source::{Span, Spanned};

use super::members::AnnexInfo;

/// What the series makes of the next meeting.
pub struct Series<'a> {
    /// This meeting's year (its first day, else the adoption date) and where it is stated.
    pub this_year: Option<(i16, Span)>,
    /// The next meeting's year (its `year`, the first of a span of years, else the year of
    /// its `dates`).
    pub next_year: Option<(i16, Span)>,
    /// The years the next meeting may fall in: `2027 or 2028`.
    pub next_years: Option<MeetingYear>,
    /// This meeting's edition plus one.
    pub expected_edition: Option<u32>,
    /// This year plus the periodicity.
    pub expected_year: Option<i32>,
    /// What the rotation makes of the next host.
    pub turn: Turn<'a>,
    /// The next meeting is not after this one: it starts before this one ends (by the dates
    /// of both), or, without dates, falls in an earlier year.
    pub next_not_after: bool,
    /// The next meeting's `year` is not the year of its `dates`.
    pub next_year_differs: bool,
    /// The meetings of the series the text states, in the order they should come: its past
    /// meetings as written, this meeting, the next one, the ones after it.
    pub record: Vec<Entry<'a>>,
}

/// A meeting of the series on its record.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub kind: EntryKind,
    /// The meeting's block; `None` for this meeting, stated by the header.
    pub meeting: Option<&'a Meeting>,
    pub edition: Option<(u32, Span)>,
    /// The years it falls in (one, or a span), and where they are stated.
    pub years: Option<(MeetingYear, Span)>,
}

/// Where a meeting stands on the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Past,
    This,
    Next,
    Later,
}

impl Entry<'_> {
    /// The meeting as a message names it: "the fifth meeting", "this meeting".
    pub fn name(&self) -> String {
        match (self.kind, self.edition) {
            (EntryKind::This, _) => "this meeting".to_string(),
            (_, Some((edition, _))) => format!(
                "the {} meeting",
                crate::numbers::ordinal_words(edition)
                    .unwrap_or_else(|| crate::numbers::ordinal_digits(edition))
            ),
            (EntryKind::Past, None) => "a past meeting".to_string(),
            (EntryKind::Next, None) => "the next meeting".to_string(),
            (EntryKind::Later, None) => "a later meeting".to_string(),
        }
    }
}

/// The record of the series: its past meetings, this meeting, the next, the later ones.
fn record(document: &Document) -> Vec<Entry<'_>> {
    let header = &document.header;
    fn of(kind: EntryKind, meeting: &Meeting) -> Entry<'_> {
        Entry {
            kind,
            meeting: Some(meeting),
            edition: meeting.edition.as_ref().map(|e| (e.value.value, e.span)),
            years: meeting
                .year
                .as_ref()
                .map(|y| (y.value, y.span))
                .or_else(|| {
                    meeting.dates.as_ref().map(|d| {
                        let year = d.value.start.year();
                        (
                            MeetingYear {
                                first: year,
                                last: year,
                            },
                            d.span,
                        )
                    })
                }),
        }
    }
    let this_series = |meeting: &&Meeting| {
        meeting.series.as_ref().is_none_or(|series| {
            header
                .series
                .as_ref()
                .is_some_and(|this| same_name(&this.value, &series.value))
        })
    };
    let mut record: Vec<Entry> = document
        .meetings
        .iter()
        .filter(|m| m.past)
        .filter(this_series)
        .map(|m| of(EntryKind::Past, m))
        .collect();
    let this_year = header
        .dates
        .as_ref()
        .map(|d| (d.value.start.year(), d.span))
        .or_else(|| header.adopted.as_ref().map(|d| (d.value.year(), d.span)));
    record.push(Entry {
        kind: EntryKind::This,
        meeting: None,
        edition: header.edition.as_ref().map(|e| (e.value.value, e.span)),
        years: this_year.map(|(year, span)| {
            (
                MeetingYear {
                    first: year,
                    last: year,
                },
                span,
            )
        }),
    });
    record.extend(document.next_meeting.iter().map(|m| of(EntryKind::Next, m)));
    record.extend(
        document
            .meetings
            .iter()
            .filter(|m| !m.past)
            .filter(this_series)
            .map(|m| of(EntryKind::Later, m)),
    );
    record
}

/// The next host, as the rotation sees it.
pub enum Turn<'a> {
    /// The rotation gives the next host: a member of the sequence, or a group of the annex
    /// the hosts alternate to.
    Expected {
        host: &'a Spanned<String>,
        /// Whether the `next meeting:` block's host is the one expected.
        kept: bool,
        /// For an alternation: the groups of this meeting's host and of the next host.
        groups: Option<(&'a str, &'a str)>,
    },
    /// This meeting's host is not in the rotation sequence.
    HostNotInSequence,
    /// The rotation alternates between groups of the annex, and this meeting's host is in none
    /// of them, under any of its names: the turn cannot be worked out, which is said rather than
    /// the rotation left unchecked.
    HostInNoGroup,
    /// The rotation alternates between groups of the annex, and the next host is neither a
    /// group nor a member of the annex.
    NextHostUnknown,
    /// Nothing to work out: no rotation or no next host, a rotation group the annex does not
    /// have, a host whose group is not known.
    Unknown,
}

impl<'a> Series<'a> {
    pub fn of(
        document: &'a Document,
        annex: Option<&AnnexInfo<'a>>,
        host: Option<&'a Entity>,
        registry: &'a Registry,
        period: Option<Period>,
    ) -> Series<'a> {
        let header = &document.header;
        let next = document.next_meeting.as_ref();
        let this_year = header
            .dates
            .as_ref()
            .map(|d| (d.value.start.year(), d.span))
            .or_else(|| header.adopted.as_ref().map(|d| (d.value.year(), d.span)));
        let next_years = next.and_then(|next| {
            next.year.as_ref().map(|y| (y.value, y.span)).or_else(|| {
                next.dates.as_ref().map(|d| {
                    let year = d.value.start.year();
                    (
                        MeetingYear {
                            first: year,
                            last: year,
                        },
                        d.span,
                    )
                })
            })
        });
        let next_year = next_years.map(|(years, span)| (years.first, span));
        let expected_year =
            this_year
                .zip(header.periodicity.as_ref())
                .and_then(|((year, _), p)| {
                    // A longest interval gives no one year.
                    let Periodicity::EveryYears(years) = p.value else {
                        return None;
                    };
                    i32::from(year).checked_add(i32::try_from(years).ok()?)
                });
        let next_not_after = match (header.dates.as_ref(), next.and_then(|n| n.dates.as_ref())) {
            (Some(this), Some(next)) => next.value.start <= this.value.end,
            _ => this_year
                .zip(next_year)
                .is_some_and(|((this, _), (next, _))| next < this),
        };
        let next_year_differs = next.is_some_and(|n| {
            n.year
                .as_ref()
                .zip(n.dates.as_ref())
                .is_some_and(|(year, dates)| {
                    !year.value.includes(i32::from(dates.value.start.year()))
                })
        });
        Series {
            next_not_after,
            next_year_differs,
            this_year,
            next_year,
            next_years: next_years.map(|(years, _)| years),
            expected_edition: header
                .edition
                .as_ref()
                .and_then(|e| e.value.value.checked_add(1)),
            expected_year,
            turn: turn(
                document,
                annex,
                &Names {
                    registry,
                    period,
                    host,
                },
            ),
            record: record(document),
        }
    }
}

/// What the rotation needs of the registry: the names of one member, and the header's host.
struct Names<'r> {
    registry: &'r Registry,
    period: Option<Period>,
    /// The entity the header's host names, or most likely means.
    host: Option<&'r Entity>,
}

impl Names<'_> {
    /// Whether two names are the same member: the same name, or two names of one entity
    /// ("Viet Nam" and "Vietnam").
    fn same_member(&self, a: &str, b: &str) -> bool {
        same_name(a, b)
            || self
                .registry
                .lookup_in(a, self.period)
                .zip(self.registry.lookup_in(b, self.period))
                .is_some_and(|(a, b)| a.entity.id == b.entity.id)
    }
}

/// The group of the annex that lists a member: by its name, else by its registry entity.
fn group_of_member<'a>(
    annex: &AnnexInfo<'a>,
    name: &str,
    entity: Option<&Entity>,
) -> Option<&'a str> {
    group_of(annex.annex, name).or_else(|| {
        let id = entity?.id.as_str();
        let listed = annex.listed.iter().find(|l| l.id() == Some(id))?;
        Some(annex.annex.groups[listed.group?].name.value.as_str())
    })
}

fn turn<'a>(document: &'a Document, annex: Option<&AnnexInfo<'a>>, names: &Names) -> Turn<'a> {
    let header = &document.header;
    let (Some(rotation), Some(next)) = (
        header.rotation.as_ref(),
        document.next_meeting.as_ref().and_then(|n| n.host.as_ref()),
    ) else {
        return Turn::Unknown;
    };
    match &rotation.value {
        Rotation::Sequence(hosts) => {
            let Some(host) = header.host.as_ref() else {
                return Turn::Unknown;
            };
            let Some(position) = hosts
                .iter()
                .position(|h| names.same_member(&h.value, &host.value))
            else {
                return Turn::HostNotInSequence;
            };
            let expected = &hosts[(position + 1) % hosts.len()];
            Turn::Expected {
                host: expected,
                kept: names.same_member(&expected.value, &next.value),
                groups: None,
            }
        }
        Rotation::Alternate(groups) => {
            let Some(annex) = annex.filter(|a| !a.annex.groups.is_empty()) else {
                return Turn::Unknown;
            };
            let next_entity = names
                .registry
                .lookup_in(&next.value, names.period)
                .map(|f| f.entity);
            let Some(next_group) = group_of_member(annex, &next.value, next_entity) else {
                return Turn::NextHostUnknown;
            };
            // A group the annex does not have is reported by `series::unknown-rotation-group`;
            // the turn cannot be worked out without it.
            let known = |name: &str| {
                annex
                    .annex
                    .groups
                    .iter()
                    .any(|g| same_name(&g.name.value, name))
            };
            if !groups.iter().all(|g| known(&g.value)) {
                return Turn::Unknown;
            }
            let Some(host) = header.host.as_ref() else {
                return Turn::Unknown;
            };
            let Some(this_group) = group_of_member(annex, &host.value, names.host) else {
                return Turn::HostInNoGroup;
            };
            let Some(position) = groups.iter().position(|g| same_name(&g.value, this_group)) else {
                return Turn::Unknown;
            };
            let expected = &groups[(position + 1) % groups.len()];
            Turn::Expected {
                host: expected,
                kept: same_name(&expected.value, next_group),
                groups: Some((this_group, next_group)),
            }
        }
    }
}

/// Two names are the same if they differ only as the registry's comparison ignores: case,
/// spacing, punctuation, Unicode normalisation.
pub fn same_name(a: &str, b: &str) -> bool {
    fold(a) == fold(b)
}

/// Whether `words` name `value` or a run of its parts: `Beijing` for `Beijing, China`, `北京`
/// for `中国 北京`, `No. 10, Downing Street` and `Downing Street, London` for `No. 10, Downing
/// Street, London`. Parts are separated by commas; in a name written in Chinese, whose parts are
/// separated by spaces, by spaces too.
pub fn same_or_part(words: &str, value: &str) -> bool {
    let cjk = !value.is_ascii() && !value.contains([',', '，']);
    let parts: Vec<&str> = value
        .split(|c: char| c == ',' || c == '，' || (cjk && c.is_whitespace()))
        .collect();
    let words = fold(words);
    (0..parts.len()).any(|start| {
        (start + 1..=parts.len()).any(|end| fold(&parts[start..end].join(" ")) == words)
    })
}

/// The name of the annex group that lists `member`, or the group itself if `member` names one.
pub fn group_of<'a>(annex: &'a crate::ast::Annex, member: &str) -> Option<&'a str> {
    annex
        .groups
        .iter()
        .find(|g| {
            same_name(&g.name.value, member) || g.members.iter().any(|m| same_name(&m.name, member))
        })
        .map(|g| g.name.value.as_str())
}
