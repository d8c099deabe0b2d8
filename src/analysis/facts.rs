//! The data that a marked fact `{words = key}` is compared with, as one version sees it.
//!
//! A fact is stated once, in the header, the annex or the `next meeting:` block; some facts also
//! follow from others (the annex's total from the members it lists, the next edition from this
//! one, the next year from the periodicity, the next host from the rotation). Where the stated
//! value and the derived one differ, the check of that disagreement reports it, naming both;
//! prose that says either is then not reported again.

use crate::ast::{DateRange, FactKey, MeetingFact, MeetingYear, Periodicity};
use crate::languages::{english_name, primary};
use crate::numbers::{join_words, ordinal_digits};
use crate::source::{Span, Spanned};

use super::series::{group_of, same_name, Turn};
use super::Analysis;

/// A value that a fact may be tied to.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Count(u32),
    Ordinal(u32),
    /// A year, or the years a meeting may fall in (`2027 or 2028`).
    Year(MeetingYear),
    Dates(DateRange),
    Text(String),
    /// A place, which words may name by one of its parts: `Beijing` for `Beijing, China`.
    Place(String),
    /// A host, which words may also name by the annex group it belongs to: `Europe` for
    /// `Germany`.
    Host {
        name: String,
        group: Option<String>,
    },
    /// Languages, by their primary tags, in the header's order: `["en", "fr"]`.
    Languages(Vec<String>),
    /// How often a series meets.
    Interval(Periodicity),
}

impl Value {
    /// The value as a message shows it.
    pub fn show(&self) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Ordinal(n) => format!("the {}", ordinal_digits(*n)),
            Value::Year(y) if y.first == y.last => y.first.to_string(),
            Value::Year(y) => format!("{} to {}", y.first, y.last),
            Value::Dates(d) => show_dates(*d),
            Value::Text(t) | Value::Place(t) | Value::Host { name: t, .. } => format!("\"{t}\""),
            Value::Languages(tags) => {
                let names: Vec<String> = tags.iter().map(|t| english_name(t)).collect();
                join_words(&names, "and")
            }
            Value::Interval(periodicity) => periodicity.words(),
        }
    }

    /// What words of this kind look like, for a message about words that do not read.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Count(_) => "a number such as `45` or `forty-five`",
            Value::Ordinal(_) => "an ordinal such as `second`, `2nd` or `第二`",
            Value::Year(_) => "a year such as `2009`",
            Value::Dates(_) => {
                "dates such as `30-31 October 2007`, `October 30-31, 2007` or `2007年10月30~31日`"
            }
            Value::Text(_) | Value::Place(_) | Value::Host { .. } => "text",
            Value::Languages(_) => {
                "languages named in words, such as `the English and French texts`"
            }
            Value::Interval(_) => {
                "how often, such as `annually`, `biennially` or `every two years`"
            }
        }
    }
}

/// `2007-10-30 to 2007-10-31`, or one date.
pub fn show_dates(dates: DateRange) -> String {
    if dates.start == dates.end {
        dates.start.to_string()
    } else {
        format!("{} to {}", dates.start, dates.end)
    }
}

/// The data a fact is tied to, as one language version sees it.
pub enum Data {
    /// The value and the span of the text that states it, and the values derived from other
    /// facts where they differ from it (see the module's documentation).
    Stated {
        value: Value,
        span: Span,
        derived: Vec<Derived>,
    },
    /// Nothing states the fact: what is missing and how to state it.
    Absent { missing: String, help: String },
    /// The fact cannot be checked: its field is written but unusable (its own error), the
    /// header is missing, or the words are in a language whose names plenary does not know
    /// (the forum or the next meeting's place in a translation).
    Unchecked,
}

/// A value that follows from other facts, and what it follows from, for messages.
pub struct Derived {
    pub value: Value,
    /// "the annex lists", "the rotation gives".
    pub source: &'static str,
}

/// What a key names, for messages: "this meeting's edition".
pub fn describe(key: &FactKey) -> String {
    match key {
        FactKey::Members => "the annex's stated total of members".to_string(),
        FactKey::Group(name) => format!("the stated count of the group {name}"),
        FactKey::Meeting(fact) => format!("this meeting's {}", fact_name(*fact)),
        FactKey::Next(fact) => format!("the next meeting's {}", fact_name(*fact)),
        FactKey::None => "no fact".to_string(),
    }
}

fn fact_name(fact: MeetingFact) -> &'static str {
    match fact {
        MeetingFact::Adopted => "adoption date",
        MeetingFact::Languages => "authentic languages",
        other => other.key(),
    }
}

/// The verb a key's description takes: "this meeting's dates are".
pub fn verb(key: &FactKey) -> &'static str {
    match key {
        FactKey::Meeting(MeetingFact::Dates | MeetingFact::Languages)
        | FactKey::Next(MeetingFact::Dates) => "are",
        _ => "is",
    }
}

impl Analysis<'_> {
    /// The data `key` names for the version at `index` (0 is the original).
    ///
    /// A translation states its own `series`, `place` and `theme` under its `version:` line;
    /// its other facts are the original's.
    pub fn fact(&self, index: usize, key: &FactKey) -> Data {
        let stated = |value: Value, span: Span, derived: Vec<Derived>| Data::Stated {
            value,
            span,
            derived,
        };
        match key {
            FactKey::Members => {
                // Members named only in the prose are as many as it names.
                let prose = self
                    .annex_of(index)
                    .or(self.annex_of(0))
                    .filter(|a| a.annex.from_prose);
                if let Some(prose) = prose {
                    return stated(
                        Value::Count(prose.distinct as u32),
                        prose.annex.span,
                        Vec::new(),
                    );
                }
                let annex = self
                    .annex_of(index)
                    .filter(|a| a.annex.stated_count.is_some())
                    .or(self.annex_of(0));
                match annex.and_then(|a| Some((a, a.annex.stated_count.as_ref()?))) {
                    Some((annex, count)) => stated(
                        Value::Count(count.value),
                        count.span,
                        listed(annex.complete && !annex.agrees(count.value), annex.distinct),
                    ),
                    None => Data::Absent {
                        missing: "the annex states no total of members".to_string(),
                        help: "state the total in parentheses at the end of the `annex:` line: `annex: List of Members (45)`".to_string(),
                    },
                }
            }
            FactKey::Group(name) => {
                let group = self.annex_of(0).and_then(|a| {
                    a.groups
                        .iter()
                        .find(|g| same_name(&g.group.name.value, name))
                });
                match group {
                    Some(group) => match &group.group.stated_count {
                        Some(count) => stated(
                            Value::Count(count.value),
                            count.span,
                            listed(group.complete && !group.agrees(count.value), group.distinct),
                        ),
                        None => Data::Absent {
                            missing: format!("the group {name} states no count"),
                            help: format!(
                                "state the count after the group's name: `group: {name} (16)`"
                            ),
                        },
                    },
                    None => Data::Absent {
                        missing: format!("the annex has no group {name}"),
                        help: format!(
                            "add `group: {name}` to the annex, or tie the fact to a group it has"
                        ),
                    },
                }
            }
            FactKey::Meeting(fact) => self.meeting_fact(index, *fact),
            FactKey::Next(fact) => self.next_fact(*fact),
            // Words marked as no fact are compared with nothing.
            FactKey::None => Data::Unchecked,
        }
    }

    fn meeting_fact(&self, index: usize, fact: MeetingFact) -> Data {
        let document = self.document;
        let header = &document.header;
        let translation = self.versions[index].meta.own;
        let own_fact = matches!(
            fact,
            MeetingFact::Series | MeetingFact::Place | MeetingFact::Theme
        );
        let unusable = match translation {
            Some(own) if own_fact => &own.unusable,
            _ => &header.unusable,
        };
        if header.missing || unusable.iter().any(|k| k == fact.key()) {
            return Data::Unchecked;
        }
        let text =
            |field: Option<&Spanned<String>>| field.map(|f| (Value::Text(f.value.clone()), f.span));
        fn own<'f>(
            translated: bool,
            mine: Option<&'f Spanned<String>>,
            original: &'f Option<Spanned<String>>,
        ) -> Option<&'f Spanned<String>> {
            if translated {
                mine
            } else {
                original.as_ref()
            }
        }
        let translated = translation.is_some();
        let found = match fact {
            MeetingFact::Edition => header
                .edition
                .as_ref()
                .map(|e| (Value::Ordinal(e.value.value), e.span)),
            MeetingFact::Dates => header
                .dates
                .as_ref()
                .map(|d| (Value::Dates(d.value), d.span)),
            MeetingFact::Year => header
                .dates
                .as_ref()
                .map(|d| (Value::Year(MeetingYear::one(d.value.start.year())), d.span)),
            MeetingFact::Adopted => header.adopted.as_ref().map(|d| {
                let day = DateRange {
                    start: d.value,
                    end: d.value,
                };
                (Value::Dates(day), d.span)
            }),
            MeetingFact::Series => text(own(
                translated,
                translation.and_then(|t| t.series.as_ref()),
                &header.series,
            )),
            MeetingFact::Place => own(
                translated,
                translation.and_then(|t| t.place.as_ref()),
                &header.place,
            )
            .map(|f| (Value::Place(f.value.clone()), f.span)),
            MeetingFact::Theme => text(own(
                translated,
                translation.and_then(|t| t.theme.as_ref()),
                &header.theme,
            )),
            MeetingFact::Host => header.host.as_ref().map(|h| (self.host(&h.value), h.span)),
            MeetingFact::Forum if translation.is_some() => return Data::Unchecked,
            MeetingFact::Forum => text(header.forum.as_ref()),
            MeetingFact::Periodicity => header
                .periodicity
                .as_ref()
                .map(|p| (Value::Interval(p.value), p.span)),
            MeetingFact::Languages => {
                let tags = if header.authentic.is_empty() {
                    &header.languages
                } else {
                    &header.authentic
                };
                let span = tags.iter().map(|t| t.span).reduce(Span::join);
                span.map(|span| {
                    let primaries = tags.iter().map(|t| primary(&t.value)).collect();
                    (Value::Languages(primaries), span)
                })
            }
        };
        match found {
            Some((value, span)) => Data::Stated {
                value,
                span,
                derived: Vec::new(),
            },
            None => {
                let field = fact.key();
                let (missing, help) = match translation {
                    Some(t) if own_fact => (
                        format!(
                            "the `version: {}` block states no `{field}`",
                            t.language.value
                        ),
                        format!(
                            "add `{field}: ...` in this language under `version: {}`",
                            t.language.value
                        ),
                    ),
                    _ => (
                        format!("the header states no `{field}`"),
                        format!("add `{field}: ...` to the header"),
                    ),
                };
                Data::Absent { missing, help }
            }
        }
    }

    fn next_fact(&self, fact: MeetingFact) -> Data {
        let Some(next) = self.document.next_meeting.as_ref() else {
            let missing = if self.document.meetings.iter().any(|m| !m.past) {
                "the declaration states no next meeting of this series, only of others"
            } else {
                "the declaration has no `next meeting:` block"
            };
            return Data::Absent {
                missing: missing.to_string(),
                help: format!(
                    "state the fact in a `next meeting:` block after the header: `next meeting:` and then `{}: ...`",
                    fact.key()
                ),
            };
        };
        let field = fact.key();
        let year_field =
            matches!(fact, MeetingFact::Year) && next.unusable.iter().any(|k| k == "dates");
        if next.unusable.iter().any(|k| k == field) || year_field {
            return Data::Unchecked;
        }
        let series = &self.series;
        // Dates that are not after this meeting, or a year that is not the year of the dates,
        // are the block's own slip, reported by the series checks: what they are is not known.
        let dated = matches!(fact, MeetingFact::Dates | MeetingFact::Year);
        if (dated && series.next_not_after)
            || (matches!(fact, MeetingFact::Year) && series.next_year_differs)
        {
            return Data::Unchecked;
        }
        let found = match fact {
            MeetingFact::Edition => next.edition.as_ref().map(|e| {
                let derived = series
                    .expected_edition
                    .filter(|expected| *expected != e.value.value)
                    .map(|expected| Derived {
                        value: Value::Ordinal(expected),
                        source: "this meeting's edition gives",
                    });
                (Value::Ordinal(e.value.value), e.span, derived)
            }),
            MeetingFact::Dates => next
                .dates
                .as_ref()
                .map(|d| (Value::Dates(d.value), d.span, None)),
            MeetingFact::Year => {
                series
                    .next_year
                    .zip(series.next_years)
                    .map(|((year, span), years)| {
                        let derived = series
                            .expected_year
                            .filter(|expected| *expected != i32::from(year))
                            .and_then(|expected| i16::try_from(expected).ok())
                            .map(|expected| Derived {
                                value: Value::Year(MeetingYear::one(expected)),
                                source: "the periodicity gives",
                            });
                        (Value::Year(years), span, derived)
                    })
            }
            MeetingFact::Host => match &series.turn {
                Turn::NextHostUnknown => return Data::Unchecked,
                turn => next.host.as_ref().map(|h| {
                    let derived = match turn {
                        Turn::Expected {
                            host, kept: false, ..
                        } => Some(Derived {
                            value: self.host(&host.value),
                            source: "the rotation gives",
                        }),
                        _ => None,
                    };
                    (self.host(&h.value), h.span, derived)
                }),
            },
            MeetingFact::Place => next
                .place
                .as_ref()
                .map(|p| (Value::Place(p.value.clone()), p.span, None)),
            MeetingFact::Adopted
            | MeetingFact::Series
            | MeetingFact::Theme
            | MeetingFact::Forum
            | MeetingFact::Languages
            | MeetingFact::Periodicity => {
                // The parser accepts only the facts a next meeting has.
                return Data::Unchecked;
            }
        };
        match found {
            Some((value, span, derived)) => Data::Stated {
                value,
                span,
                derived: derived.into_iter().collect(),
            },
            None => Data::Absent {
                missing: format!("the `next meeting:` block states no `{field}`"),
                help: format!("add `{field}: ...` under `next meeting:`"),
            },
        }
    }

    /// A host, with the annex group it is a member of.
    fn host(&self, name: &str) -> Value {
        let group = self
            .annex_of(0)
            .and_then(|a| group_of(a.annex, name))
            .filter(|g| !same_name(g, name))
            .map(str::to_string);
        Value::Host {
            name: name.to_string(),
            group,
        }
    }
}

/// The number of members a list holds, where it disagrees with the count stated.
fn listed(disagrees: bool, distinct: usize) -> Vec<Derived> {
    let distinct = u32::try_from(distinct).unwrap_or(u32::MAX);
    if disagrees {
        vec![Derived {
            value: Value::Count(distinct),
            source: "the annex lists",
        }]
    } else {
        Vec::new()
    }
}
