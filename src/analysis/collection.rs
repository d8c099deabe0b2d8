//! The collection: the declarations of one run, grouped by series, each group in the order its
//! meetings were held. This is the step after the analysis of each file: what one declaration
//! says of its own meeting (its header) and of the others of its series (its `past meeting:` and
//! `next meeting:` blocks) is taken out of its analysis as plain owned data, a [`Declaration`],
//! so that the files need not be kept open together, and a language server can keep one per
//! open file. The checks of `src/check/across/` read the groups.

use crate::ast::{DateRange, Meeting, MeetingYear, Periodicity, Rotation};
use crate::diagnostic::Diagnostic;
use crate::registry::{fold, Period, Registry, Spelling};
use crate::source::{Span, Spanned};

use super::series::{same_name, same_or_part};
use super::Analysis;

/// What a declaration says of its series, taken out of its analysis.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// The file's name, as its source is named.
    pub file: String,
    /// The header's `series:`; a declaration without one is in no group, but what it says of
    /// the meetings of a series is still compared with their declarations.
    pub series: Option<Spanned<String>>,
    pub edition: Option<(u32, Span)>,
    /// This meeting's year (its first day, else the adoption date).
    pub year: Option<(i16, Span)>,
    pub dates: Option<Spanned<DateRange>>,
    pub host: Option<Spanned<String>>,
    /// The registry id of the header's host.
    pub host_id: Option<String>,
    pub place: Option<Spanned<String>>,
    pub periodicity: Option<Spanned<Periodicity>>,
    pub rotation: Option<Spanned<Rotation>>,
    /// The day the text is dated, on which its names are read.
    pub period: Option<Period>,
    /// What the text states of other meetings, of its series or of another.
    pub statements: Vec<Statement>,
    /// The members of the original's annex whose name is one the registry accepts on the date.
    pub members: Vec<MemberName>,
    /// The groups of the original's annex, each with its members' names and registry ids: a
    /// next host written as a group ("Europe") is any of its members.
    pub groups: Vec<AnnexGroup>,
    /// The words the file's own checks already point at: a check across declarations that
    /// finds a slip there leaves it to them, so that one slip is one diagnostic.
    pub reported: Vec<Span>,
}

/// What a declaration states of another meeting: a `past meeting:` or `next meeting:` block.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The series it is a meeting of, folded: the block's `series:`, else the text's own.
    pub series: String,
    pub past: bool,
    /// The block names the series of the text itself (it names none, or the same).
    pub own_series: bool,
    /// The text's own `next meeting:` block: the meeting after its own, of its series, which
    /// may be known by the edition after the text's.
    pub next: bool,
    pub edition: Option<(u32, Span)>,
    pub host: Option<Spanned<String>>,
    pub host_id: Option<String>,
    pub place: Option<Spanned<String>>,
    pub years: Option<Spanned<MeetingYear>>,
}

/// A group of an annex, as a next host may name it.
#[derive(Debug, Clone)]
pub struct AnnexGroup {
    /// Its name, folded.
    pub name: String,
    /// Its members: each name folded, with its registry id if the registry knows it.
    pub members: Vec<(String, Option<String>)>,
}

impl AnnexGroup {
    /// Whether the group lists a member: by its name folded, or by its registry id.
    pub fn lists(&self, name: &str, id: Option<&str>) -> bool {
        let name = fold(name);
        self.members
            .iter()
            .any(|(n, i)| *n == name || (i.is_some() && i.as_deref() == id))
    }
}

/// A member as an annex names it.
#[derive(Debug, Clone)]
pub struct MemberName {
    pub name: String,
    pub span: Span,
    pub id: String,
    /// The language of the annex's version.
    pub language: String,
}

impl Declaration {
    /// Takes out of a document's analysis what the series checks across declarations need,
    /// with the diagnostics the file's own checks found.
    pub fn of(file: &str, analysis: &Analysis, diagnostics: &[Diagnostic]) -> Declaration {
        let document = analysis.document;
        let header = &document.header;
        let registry = analysis.registry;
        let period = analysis.period;
        let own = header.series.as_ref().map(|s| fold(&s.value));
        let host_id = |host: &Option<Spanned<String>>| {
            let host = host.as_ref()?;
            Some(registry.lookup_in(&host.value, period)?.entity.id.clone())
        };
        let statement = |meeting: &Meeting, next: bool| {
            let series = meeting
                .series
                .as_ref()
                .map(|s| fold(&s.value))
                .or_else(|| own.clone())?;
            let own_series = own.as_deref() == Some(series.as_str());
            Some(Statement {
                next: next && own_series,
                own_series,
                series,
                past: meeting.past,
                edition: meeting.edition.as_ref().map(|e| (e.value.value, e.span)),
                host_id: host_id(&meeting.host),
                host: meeting.host.clone(),
                place: meeting.place.clone(),
                years: meeting.year.clone().or_else(|| {
                    meeting
                        .dates
                        .as_ref()
                        .map(|d| Spanned::new(MeetingYear::one(d.value.start.year()), d.span))
                }),
            })
        };
        let members = analysis
            .annex_of(0)
            .map(|annex| {
                annex
                    .listed
                    .iter()
                    .filter_map(|listed| {
                        let found = listed.found?;
                        matches!(found.spelling, Spelling::Accepted).then(|| MemberName {
                            name: listed.member.name.clone(),
                            span: listed.member.span,
                            id: found.entity.id.clone(),
                            language: annex.language.to_string(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        Declaration {
            file: file.to_string(),
            series: header.series.clone(),
            edition: header.edition.as_ref().map(|e| (e.value.value, e.span)),
            year: analysis.series.this_year,
            dates: header.dates.clone(),
            host_id: host_id(&header.host),
            host: header.host.clone(),
            place: header.place.clone(),
            periodicity: header.periodicity.clone(),
            rotation: header.rotation.clone(),
            period,
            statements: document
                .next_meeting
                .iter()
                .map(|m| (m, true))
                .chain(document.meetings.iter().map(|m| (m, false)))
                .filter_map(|(m, next)| statement(m, next))
                .collect(),
            groups: analysis
                .annex_of(0)
                .map(|annex| {
                    annex
                        .annex
                        .groups
                        .iter()
                        .enumerate()
                        .map(|(index, group)| {
                            let members = annex
                                .listed
                                .iter()
                                .filter(|l| l.group == Some(index))
                                .map(|l| (fold(&l.member.name), l.id().map(str::to_string)))
                                .collect();
                            AnnexGroup {
                                name: fold(&group.name.value),
                                members,
                            }
                        })
                        .collect()
                })
                .unwrap_or_default(),
            members,
            reported: diagnostics
                .iter()
                .filter_map(Diagnostic::primary_span)
                .collect(),
        }
    }

    /// The series as grouped: folded, so that "ASEAN-Australia Forum" and "ASEAN-AUSTRALIA
    /// FORUM" are one.
    pub fn key(&self) -> Option<String> {
        self.series.as_ref().map(|s| fold(&s.value))
    }

    /// The day the meeting starts, or the first day of its year: the order of the group.
    fn day(&self) -> Option<(i16, i8, i8)> {
        match (&self.dates, self.year) {
            (Some(dates), _) => {
                let d = dates.value.start;
                Some((d.year(), d.month(), d.day()))
            }
            (None, Some((year, _))) => Some((year, 0, 0)),
            (None, None) => None,
        }
    }

    /// Whether two declarations with the same edition are texts of one meeting: held on the
    /// same days, or in the same year when the days of one are not stated. `None` when the year
    /// of one is not known.
    pub fn same_meeting(&self, other: &Declaration) -> Option<bool> {
        if let (Some(a), Some(b)) = (&self.dates, &other.dates) {
            return Some(a.value == b.value);
        }
        Some(self.year?.0 == other.year?.0)
    }

    /// The meeting as a message names it: "the second meeting", "the meeting of 2009".
    pub fn name(&self) -> String {
        match (self.edition, self.year) {
            (Some((edition, _)), _) => format!("the {} meeting", ordinal(edition)),
            (None, Some((year, _))) => format!("the meeting of {year}"),
            (None, None) => "a meeting".to_string(),
        }
    }
}

/// An ordinal in words, else in digits.
pub fn ordinal(value: u32) -> String {
    crate::numbers::ordinal_words(value).unwrap_or_else(|| crate::numbers::ordinal_digits(value))
}

/// One declaration of the run, with the registry it is read against.
#[derive(Clone, Copy)]
pub struct Member<'a> {
    /// Its position among the files of the run.
    pub index: usize,
    pub declaration: &'a Declaration,
    pub registry: &'a Registry,
}

/// Whether two hosts are one member: the same name folded, or names of one registry entity.
pub fn same_host(a: &str, a_id: Option<&str>, b: &str, b_id: Option<&str>) -> bool {
    same_name(a, b) || a_id.zip(b_id).is_some_and(|(a, b)| a == b)
}

/// Whether the host a statement gives is the host a declaration has: the same member, one of
/// the co-hosts of either (`Australia; New Zealand`), or a member of the group of the stating
/// declaration's annex that the statement names ("Europe" for the Netherlands).
pub fn host_agrees(by: &Declaration, statement: &Statement, held: &Declaration) -> bool {
    let (Some(stated), Some(host)) = (&statement.host, &held.host) else {
        return true;
    };
    if same_host(
        &stated.value,
        statement.host_id.as_deref(),
        &host.value,
        held.host_id.as_deref(),
    ) {
        return true;
    }
    let held_hosts: Vec<&str> = host.value.split(';').map(str::trim).collect();
    stated.value.split(';').map(fold).any(|stated| {
        held_hosts.iter().any(|held| fold(held) == stated)
            || by.groups.iter().any(|group| {
                group.name == stated
                    && (group.lists(&host.value, held.host_id.as_deref())
                        || held_hosts.iter().any(|held| group.lists(held, None)))
            })
    })
}

/// The declarations of one series in the run, in the order their meetings were held.
pub struct Group<'a> {
    /// The series, folded.
    pub key: String,
    pub members: Vec<Member<'a>>,
    /// What every declaration of the run (of this series or another) states of the meetings
    /// of this series: the declaration, and its statement.
    pub statements: Vec<(Member<'a>, &'a Statement)>,
}

impl<'a> Group<'a> {
    /// The declaration of the meeting after this one: of the next edition.
    pub fn next_after(&self, earlier: Member<'a>) -> Option<Member<'a>> {
        let (edition, _) = earlier.declaration.edition?;
        self.of_edition(edition.checked_add(1)?)
    }

    /// The declaration of the meeting of this edition, if one, and only one meeting, has it.
    pub fn of_edition(&self, edition: u32) -> Option<Member<'a>> {
        let mut found = self
            .members
            .iter()
            .filter(|m| m.declaration.edition.is_some_and(|(e, _)| e == edition));
        let first = *found.next()?;
        found
            .all(|other| first.declaration.same_meeting(other.declaration) == Some(true))
            .then_some(first)
    }

    /// The meeting a statement speaks of, among the declarations of the group: by the
    /// statement's edition, else, for the next meeting of the stating declaration's own series,
    /// by the edition after its own. Without an edition the meeting is not known: a statement
    /// is never matched by its year or host alone, which would take a missing declaration for
    /// a contradiction.
    pub fn meeting_stated(&self, by: Member<'a>, statement: &Statement) -> Option<Member<'a>> {
        let edition = match statement.edition {
            Some((edition, _)) => edition,
            None if statement.next => by.declaration.edition?.0.checked_add(1)?,
            None => return None,
        };
        self.of_edition(edition).filter(|m| m.index != by.index)
    }
}

impl<'a> Group<'a> {
    /// The `next meeting:` block of a declaration of the group, if it speaks of `later`.
    /// What it states of that meeting is compared with `later`'s declaration; a check of a
    /// rule the meeting should have kept (the rotation, the periodicity) leaves that fact to
    /// the comparison, so that one slip is one diagnostic.
    pub fn announced(&self, by: Member<'a>, later: Member<'a>) -> Option<&'a Statement> {
        self.statements
            .iter()
            .filter(|(m, s)| m.index == by.index && s.next)
            .find(|(m, s)| {
                self.meeting_stated(*m, s)
                    .is_some_and(|h| h.index == later.index)
            })
            .map(|(_, s)| *s)
    }
}

/// Groups the declarations of a run by series. Only series with two declarations or more, or
/// one that another text of the run speaks of, make a group; each group is in the order of its meetings: by their days where known, the
/// others placed by edition after the last of a lower edition, and those with neither last.
pub fn groups<'a>(declarations: &[Member<'a>]) -> Vec<Group<'a>> {
    let mut keys: Vec<String> = Vec::new();
    for member in declarations {
        if let Some(key) = member.declaration.key() {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let of_series: Vec<Member> = declarations
                .iter()
                .copied()
                .filter(|m| m.declaration.key().as_deref() == Some(key.as_str()))
                .collect();
            let statements: Vec<(Member, &Statement)> = declarations
                .iter()
                .flat_map(|m| {
                    m.declaration
                        .statements
                        .iter()
                        .filter(|s| s.series == key)
                        .map(move |s| (*m, s))
                })
                .collect();
            // A group needs two declarations of the series, or one and a text of another
            // series that speaks of its meetings (a joint communiqué announcing the Forum).
            let spoken_of = statements
                .iter()
                .any(|(m, _)| m.declaration.key().as_deref() != Some(key.as_str()));
            if of_series.len() < 2 && !spoken_of {
                return None;
            }
            Some(Group {
                members: in_order(of_series),
                key,
                statements,
            })
        })
        .collect()
}

fn in_order(members: Vec<Member>) -> Vec<Member> {
    let (mut dated, undated): (Vec<Member>, Vec<Member>) = members
        .into_iter()
        .partition(|m| m.declaration.day().is_some());
    dated.sort_by_key(|m| (m.declaration.day(), m.declaration.edition.map(|e| e.0)));
    let (mut numbered, rest): (Vec<Member>, Vec<Member>) = undated
        .into_iter()
        .partition(|m| m.declaration.edition.is_some());
    numbered.sort_by_key(|m| m.declaration.edition.map(|e| e.0));
    for member in numbered {
        let edition = member.declaration.edition.map(|e| e.0);
        let at = dated
            .iter()
            .rposition(|m| m.declaration.edition.is_some_and(|e| Some(e.0) < edition))
            .map_or(0, |i| i + 1);
        dated.insert(at, member);
    }
    dated.extend(rest);
    dated
}

/// Whether a stated place is where a meeting was held: the same place or a part of it
/// ("Penang" for "Penang, Malaysia", "Malaysia" too), or the country that hosted it.
pub fn place_agrees(stated: &Statement, held: &Declaration) -> bool {
    let Some(place) = &stated.place else {
        return true;
    };
    let Some(at) = &held.place else {
        return true;
    };
    same_or_part(&place.value, &at.value)
        || same_or_part(&at.value, &place.value)
        || held
            .host
            .as_ref()
            .is_some_and(|host| same_name(&host.value, &place.value))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A declaration of the series `Forum` with only an edition and a year.
    fn declaration(file: &str, edition: Option<u32>, year: Option<i16>) -> Declaration {
        let at = Span::new(0, 1);
        Declaration {
            file: file.to_string(),
            series: Some(Spanned::new("Forum".to_string(), at)),
            edition: edition.map(|e| (e, at)),
            year: year.map(|y| (y, at)),
            dates: None,
            host: None,
            host_id: None,
            place: None,
            periodicity: None,
            rotation: None,
            period: None,
            statements: Vec::new(),
            members: Vec::new(),
            groups: Vec::new(),
            reported: Vec::new(),
        }
    }

    fn order(declarations: &[Declaration]) -> Vec<&str> {
        let registry = Registry::builtin();
        let members: Vec<Member> = declarations
            .iter()
            .enumerate()
            .map(|(index, declaration)| Member {
                index,
                declaration,
                registry,
            })
            .collect();
        let groups = groups(&members);
        assert_eq!(groups.len(), 1);
        groups[0]
            .members
            .iter()
            .map(|m| m.declaration.file.as_str())
            .collect()
    }

    #[test]
    fn a_group_is_in_the_order_of_its_meetings_whatever_the_order_of_the_files() {
        let run = [
            declaration("1984", Some(9), Some(1984)),
            declaration("1981", Some(6), Some(1981)),
            // No edition: placed by its year.
            declaration("1983", None, Some(1983)),
            // No date: placed by its edition, after the last of a lower edition.
            declaration("seventh", Some(7), None),
            // Neither: last.
            declaration("unknown", None, None),
        ];
        assert_eq!(order(&run), ["1981", "seventh", "1983", "1984", "unknown"]);
    }

    #[test]
    fn one_declaration_of_a_series_makes_no_group() {
        let registry = Registry::builtin();
        let one = declaration("alone", Some(1), Some(2001));
        let members = [Member {
            index: 0,
            declaration: &one,
            registry,
        }];
        assert!(groups(&members).is_empty());
    }
}
