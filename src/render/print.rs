//! The print model: a declaration as every output prints it.
//!
//! [`Print::new`] turns the analysis into what a reader sees: references resolved to the numbers
//! they print, footnotes numbered, dates written in each version's language, the closing with
//! its date, members with their registry entries, and each part of each version tied to its
//! row, so that parallel texts stand side by side. Markdown, HTML, JSON and the PDF print this
//! model and work out no fact of their own, so that two formats cannot say different things.

use std::collections::HashMap;

use crate::analysis::align::{Body, Unit};
use crate::analysis::labels::Resolved;
use crate::analysis::{Analysis, VersionInfo};
use crate::ast::{self, Block, Periodicity, Rotation};
/// The plain values the model shares with the syntax tree.
pub use crate::ast::{Date, DateRange, NumberStyle, Numbering, Status};
use crate::render::{anchor, date, date_range, is_chinese, is_safe_link, Options, RenderError};

/// What every output prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Print {
    /// The source has errors: the output is a preview and says so.
    pub draft: bool,
    /// The facts of the meeting, stated once for every version.
    pub facts: Facts,
    /// The language tag of every version of the document, the original first (also when only
    /// one is printed).
    pub languages: Vec<String>,
    /// The versions asked for, in the document's order.
    pub texts: Vec<Text>,
    /// With `--parallel`, put the versions side by side.
    pub parallel: bool,
}

/// How often the series meets: every `years` years, or at most every `years` years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub years: u32,
    pub at_most: bool,
}

/// The facts of the meeting, as the header states them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Facts {
    pub title: Option<String>,
    pub series: Option<String>,
    pub forum: Option<String>,
    pub edition: Option<u32>,
    pub host: Option<String>,
    pub place: Option<String>,
    pub dates: Option<DateRange>,
    pub adopted: Option<Date>,
    pub theme: Option<String>,
    pub periodicity: Option<Interval>,
    pub rotation: Option<(RotationKind, Vec<String>)>,
    pub numbering: Numbering,
    /// Whether the text is a draft or adopted: `status:`, else adopted when it states its date.
    pub status: Status,
    /// The languages whose texts are authentic: the header's `authentic`, else its
    /// `languages`.
    pub authentic: Vec<String>,
    pub next_meeting: Option<Meeting>,
    /// The other meetings the declaration states: past ones, later ones, other series'.
    pub meetings: Vec<Meeting>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RotationKind {
    Alternate,
    Sequence,
}

/// What the declaration states about a meeting of the series, or of another.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    /// A past meeting, not a coming one.
    pub past: bool,
    /// The series, when another than this meeting's.
    pub series: Option<String>,
    pub edition: Option<u32>,
    /// The host as written; co-hosts separated by `;`.
    pub host: Option<String>,
    /// The hosts, each co-host on its own.
    pub hosts: Vec<String>,
    pub place: Option<String>,
    /// The year, the first of a span of years.
    pub year: Option<i16>,
    /// The last year of a span of years (`2027 or 2028`).
    pub last_year: Option<i16>,
    pub dates: Option<DateRange>,
}

/// One language version as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The version's position in the document: 0 for the original.
    pub version: usize,
    pub language: String,
    pub original: bool,
    pub title: Option<String>,
    pub series: Option<String>,
    pub place: Option<String>,
    pub theme: Option<String>,
    /// The place and dates of the meeting under the title, in this language's style:
    /// `Beijing, China, 30–31 October 2007`.
    pub place_and_date: Option<String>,
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub annex: Option<Annex>,
    pub closing: Option<Closing>,
    /// The signature blocks, in the order written.
    pub signatures: Vec<SignatureBlock>,
    /// Where the annex, the closing and the signature blocks stand among the paragraphs, in
    /// reading order (see [`ast::Position`]).
    pub placements: Vec<(ast::Position, Placed)>,
    /// The footnotes, in the order of their numbers.
    pub footnotes: Vec<Footnote>,
    /// The facts recognised in the prose without marks, in reading order, with how each
    /// compares with its data.
    pub found: Vec<Found>,
}

/// A fact recognised in the prose without a mark ([`crate::analysis::found`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The words, as a reader reads them.
    pub words: String,
    /// The fact they were read as, as a mark's key writes it: `members`, `next year`, or
    /// `weekday`.
    pub fact: String,
    /// The line of the source they are on.
    pub line: usize,
    /// Whether they agree with the data; `None` when nothing states it.
    pub agrees: Option<bool>,
    /// The data they were compared with, as messages show it: `45`, `the 2nd`, `2007-10-30`.
    pub data: Option<String>,
}

/// A heading and the paragraphs under it; the first section may have no heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// `s-1`.
    pub anchor: String,
    pub heading: Option<Heading>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 2 for a heading, 3 for a sub-heading.
    pub level: u8,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    /// The content as plain text.
    pub text: String,
    pub row: Row,
}

/// A paragraph, numbered or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The anchor of a numbered paragraph: `p-14`.
    pub anchor: Option<String>,
    pub number: Option<Number>,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    /// The content as plain text, references printed as their targets.
    pub text: String,
    /// The bulleted items of its text, before its sub-paragraphs.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
    pub row: Row,
}

/// A paragraph number as drafted.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// 7 for `7.` and for `VII.`; `None` for a Roman numeral that is not well formed.
    pub value: Option<u32>,
    /// `7`, `VII`.
    pub written: String,
    pub style: NumberStyle,
    /// `.` or `、`; `)` for a number in parentheses.
    pub terminator: char,
    /// The number is written in parentheses: `(31)`.
    pub parenthesized: bool,
}

impl Number {
    /// The number as printed before its text: `7.`, `7、`, `(31)`.
    pub fn printed(&self) -> String {
        let opening = if self.parenthesized { "(" } else { "" };
        // A number written without its full stop has a space for its terminator.
        format!("{opening}{}{}", self.written, self.terminator)
            .trim_end()
            .to_string()
    }

    /// What stands between the number and its text: a space after `7.`, nothing after the
    /// Chinese `7、`, whose mark already spaces it.
    pub fn separator(&self) -> &'static str {
        if self.terminator == '\u{3001}' {
            ""
        } else {
            " "
        }
    }
}

/// `(a) ...` and the sub-paragraphs under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Subparagraph {
    /// `p-5-a`, for one in a numbered paragraph.
    pub anchor: Option<String>,
    /// `a`, `ii`, `1`.
    pub marker: String,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    pub text: String,
    /// The bulleted items of its text, before the sub-paragraphs under it.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
}

/// An item of a bulleted list, with the items nested under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    pub content: Vec<Inline>,
    pub text: String,
    pub bullets: Vec<Bullet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Footnote {
    /// The name written in `[^1]`.
    pub id: String,
    /// The number printed: footnotes are numbered in the order the text first calls them.
    pub number: usize,
    /// `fn-1`.
    pub anchor: String,
    /// The anchor of the first marker that calls it, `fnref-1`; `None` if nothing calls it.
    pub backlink: Option<String>,
    pub content: Vec<Inline>,
    pub text: String,
}

/// The member annex.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// `annex`.
    pub anchor: String,
    pub label: Option<String>,
    pub title: String,
    pub stated_count: Option<u32>,
    /// The title with its stated count, as printed: `List of ASEM Members (45)`.
    pub heading: String,
    /// A member list inside the text (`members:`): printed as a list, under its title if it
    /// has one.
    pub inline: bool,
    /// How many members are listed, in all.
    pub count: usize,
    /// Members listed before any group.
    pub members: Vec<Member>,
    pub groups: Vec<Group>,
}

impl Annex {
    /// Whether the annex prints a heading: a list inside the text (`members:`) without a
    /// title has none.
    pub fn has_heading(&self) -> bool {
        !(self.inline && self.title.is_empty())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `annex-1`.
    pub anchor: String,
    pub name: String,
    pub stated_count: Option<u32>,
    /// The name with its stated count: `Asia (16)`.
    pub heading: String,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The name as the annex lists it.
    pub name: String,
    /// The registry's id: `CN`, `european-commission`.
    pub registry_id: Option<String>,
    /// The ISO 3166-1 alpha-3 code: `CHN`.
    pub alpha3: Option<String>,
}

/// `signed:` or `witnessed:` and the people under it.
#[derive(Debug, Clone, PartialEq)]
pub struct SignatureBlock {
    pub witnessed: bool,
    pub signatories: Vec<Signatory>,
}

/// One who signs: for whom, the name and the titles as written, and the member signed for.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatory {
    pub party: Option<String>,
    pub name: Option<String>,
    pub titles: Vec<String>,
    /// The registry's id of the member the party names: `AU`.
    pub registry_id: Option<String>,
}

/// Where, when and by whom the declaration is adopted.
#[derive(Debug, Clone, PartialEq)]
pub struct Closing {
    pub place: Option<String>,
    /// The closing's date, else the date of adoption.
    pub date: Option<Date>,
    /// Place and date in this language's style: `Beijing, 31 October 2007`.
    pub line: Option<String>,
    pub by: Option<String>,
}

/// Text inside a paragraph, heading or footnote. Line breaks of the source are spaces.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    /// A quotation, with the marks of its language.
    Quote {
        open: &'static str,
        close: &'static str,
        content: Vec<Inline>,
    },
    /// A footnote marker.
    FootnoteRef {
        id: String,
        /// The footnote's number, or `None` for a marker whose footnote has no text.
        number: Option<usize>,
        /// The marker's own anchor: `fnref-1`, then `fnref-1-2` for a second marker of it.
        anchor: String,
        /// The footnote's anchor: `fn-1`.
        target: String,
    },
    /// A link; `content` is the address itself for `<https://...>`.
    Link {
        target: String,
        /// Only `http`, `https` and `mailto` addresses are printed as links.
        safe: bool,
        content: Vec<Inline>,
    },
    /// `{@label}`: what it prints and where it links, or `None` for a label that names no
    /// numbered place (an error, printed in a draft as the reference itself).
    Reference {
        label: String,
        target: Option<Target>,
    },
    /// Words that restate a fact.
    Fact {
        text: String,
        fact: String,
    },
}

/// What a reference prints and links to.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// `14`, `14 (a)`, a heading's words.
    pub text: String,
    /// `p-14`, in the same text.
    pub anchor: String,
}

impl Inline {
    /// What a reference to a label that names nothing printable prints, in every format.
    pub fn unresolved(label: &str) -> String {
        format!("{{@{label}}}")
    }
}

/// Where a part of a text stands, the same in every version: the rows of a parallel text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Row {
    Title,
    Heading(usize),
    /// A paragraph tied to the original's paragraph at this index of its units.
    Paragraph(usize),
    /// A paragraph of one version only: the version, its section (`None` in the preamble) and
    /// its place among the blocks there.
    Own(usize, Option<usize>, usize),
    Annex,
    Closing,
    /// The signature block at this index of its version.
    Signatures(usize),
    Footnotes,
}

/// A part of a text after its preamble, as [`Text::order`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    /// The paragraphs `from..to` of the preamble (`section` is `None`) or of a section, with
    /// the section's heading when `from` is 0.
    Paragraphs {
        section: Option<usize>,
        from: usize,
        to: usize,
    },
    Annex,
    Closing,
    /// The signature block at this index of [`Text::signatures`].
    Signatures(usize),
}

/// A part of a text, as it stands in a row.
#[derive(Debug, Clone, Copy)]
pub enum Part<'p> {
    Title(&'p Text),
    Heading(&'p Section, &'p Heading),
    Paragraph(&'p Paragraph),
    Annex(&'p Annex),
    Closing(&'p Closing),
    Signatures(&'p SignatureBlock),
    Footnotes(&'p [Footnote]),
}

impl Text {
    /// Whether the text is cut into divisions (`# Annex B`): the member annex is then one too.
    pub fn has_divisions(&self) -> bool {
        self.sections
            .iter()
            .any(|s| s.heading.as_ref().is_some_and(|h| h.level <= 1))
    }

    /// The text after its title, in reading order: runs of paragraphs of the preamble or of a
    /// section (a section's first run with its heading), with the annex, the closing and the
    /// signatures where they stand among them.
    pub fn order(&self) -> Vec<Placed> {
        let present = |part: &Placed| match part {
            Placed::Annex => self.annex.is_some(),
            Placed::Closing => self.closing.is_some(),
            Placed::Paragraphs { .. } | Placed::Signatures(_) => true,
        };
        let mut placed = self
            .placements
            .iter()
            .copied()
            .filter(|(_, part)| present(part))
            .peekable();
        let mut order = Vec::new();
        // The preamble is container 0; section `i` is container `i + 1`.
        for container in 0..=self.sections.len() {
            let (section, len) = match container {
                0 => (None, self.preamble.len()),
                n => (Some(n - 1), self.sections[n - 1].paragraphs.len()),
            };
            let mut from = 0;
            loop {
                let until = placed
                    .peek()
                    .filter(|(at, _)| at.sections <= container)
                    .map(|(at, _)| at.blocks.clamp(from, len));
                let to = until.unwrap_or(len);
                if to > from || (from == 0 && section.is_some()) {
                    order.push(Placed::Paragraphs { section, from, to });
                }
                from = to;
                match until {
                    Some(_) => {
                        let (_, part) = placed.next().expect("peeked");
                        order.push(part);
                    }
                    None => break,
                }
            }
        }
        order.extend(placed.map(|(_, part)| part));
        order
    }

    /// The parts of the text in reading order, each with its row.
    pub fn parts(&self) -> Vec<(Row, Part<'_>)> {
        let mut parts = vec![(Row::Title, Part::Title(self))];
        for placed in self.order() {
            match placed {
                Placed::Paragraphs { section, from, to } => {
                    let paragraphs = match section {
                        None => &self.preamble,
                        Some(index) => {
                            let section = &self.sections[index];
                            if let (0, Some(heading)) = (from, &section.heading) {
                                parts.push((heading.row, Part::Heading(section, heading)));
                            }
                            &section.paragraphs
                        }
                    };
                    parts.extend(
                        paragraphs[from..to]
                            .iter()
                            .map(|p| (p.row, Part::Paragraph(p))),
                    );
                }
                Placed::Annex => {
                    if let Some(annex) = &self.annex {
                        parts.push((Row::Annex, Part::Annex(annex)));
                    }
                }
                Placed::Closing => {
                    if let Some(closing) = &self.closing {
                        parts.push((Row::Closing, Part::Closing(closing)));
                    }
                }
                Placed::Signatures(index) => {
                    let block = &self.signatures[index];
                    parts.push((Row::Signatures(index), Part::Signatures(block)));
                }
            }
        }
        if !self.footnotes.is_empty() {
            parts.push((Row::Footnotes, Part::Footnotes(&self.footnotes)));
        }
        parts
    }
}

impl Print {
    /// The model of what `options` asks for: the version named by `--lang`, or every version.
    pub fn new(analysis: &Analysis, options: &Options) -> Result<Print, RenderError> {
        let languages: Vec<String> = analysis
            .versions
            .iter()
            .map(|v| v.meta.language.to_string())
            .collect();
        let chosen: Vec<&VersionInfo> = match &options.language {
            None => analysis.versions.iter().collect(),
            Some(language) => {
                let found: Vec<&VersionInfo> = analysis
                    .versions
                    .iter()
                    .filter(|v| v.meta.language == language)
                    .take(1)
                    .collect();
                if found.is_empty() {
                    return Err(RenderError {
                        message: format!(
                            "the declaration has no `{language}` version; its versions are: {}",
                            languages.join(", ")
                        ),
                    });
                }
                found
            }
        };
        Ok(Print {
            draft: options.draft,
            facts: facts(analysis),
            languages,
            texts: chosen.into_iter().map(|v| text(analysis, v)).collect(),
            parallel: options.parallel,
        })
    }

    /// The first text asked for: the one `--lang` names, else the original.
    pub fn first(&self) -> &Text {
        &self.texts[0]
    }

    /// The rows of the texts side by side: each row holds the part of every text that stands
    /// there, or nothing where a text has no such part. The rows follow the first text; a part
    /// that only another text has comes after the part that precedes it in that text.
    pub fn rows(&self) -> Vec<Vec<Option<Part<'_>>>> {
        let parts: Vec<Vec<(Row, Part<'_>)>> = self.texts.iter().map(Text::parts).collect();
        let mut order: Vec<Row> = Vec::new();
        for text in &parts {
            let mut after: Option<usize> = None;
            for (row, _) in text {
                match order.iter().position(|r| r == row) {
                    Some(at) => after = Some(at),
                    None => {
                        let at = after.map_or(0, |a| a + 1);
                        order.insert(at, *row);
                        after = Some(at);
                    }
                }
            }
        }
        let by_row: Vec<HashMap<Row, Part<'_>>> = parts
            .into_iter()
            .map(|text| text.into_iter().collect())
            .collect();
        order
            .iter()
            .map(|row| by_row.iter().map(|text| text.get(row).copied()).collect())
            .collect()
    }
}

fn facts(analysis: &Analysis) -> Facts {
    let document = analysis.document;
    let header = &document.header;
    let text =
        |field: &Option<crate::source::Spanned<String>>| field.as_ref().map(|f| f.value.clone());
    Facts {
        title: text(&header.title),
        series: text(&header.series),
        forum: text(&header.forum),
        edition: header.edition.as_ref().map(|e| e.value.value),
        host: text(&header.host),
        place: text(&header.place),
        dates: header.dates.as_ref().map(|d| d.value),
        adopted: header.adopted.as_ref().map(|d| d.value),
        theme: text(&header.theme),
        periodicity: header.periodicity.as_ref().map(|p| Interval {
            years: p.value.years(),
            at_most: matches!(p.value, Periodicity::AtMostEveryYears(_)),
        }),
        rotation: header.rotation.as_ref().map(|r| {
            let (kind, hosts) = match &r.value {
                Rotation::Alternate(hosts) => (RotationKind::Alternate, hosts),
                Rotation::Sequence(hosts) => (RotationKind::Sequence, hosts),
            };
            (kind, hosts.iter().map(|h| h.value.clone()).collect())
        }),
        authentic: if header.authentic.is_empty() {
            &header.languages
        } else {
            &header.authentic
        }
        .iter()
        .map(|tag| tag.value.clone())
        .collect(),
        numbering: header
            .numbering
            .as_ref()
            .map(|n| n.value)
            .unwrap_or_default(),
        status: if document.adopted() {
            Status::Adopted
        } else {
            Status::Draft
        },
        next_meeting: document.next_meeting.as_ref().map(meeting),
        meetings: document.meetings.iter().map(meeting).collect(),
    }
}

/// A meeting as the facts state it.
fn meeting(meeting: &ast::Meeting) -> Meeting {
    let text =
        |field: &Option<crate::source::Spanned<String>>| field.as_ref().map(|f| f.value.clone());
    let years = meeting.year.as_ref().map(|y| y.value);
    Meeting {
        past: meeting.past,
        series: text(&meeting.series),
        edition: meeting.edition.as_ref().map(|e| e.value.value),
        host: text(&meeting.host),
        hosts: meeting.hosts().into_iter().map(|h| h.value).collect(),
        place: text(&meeting.place),
        year: meeting.first_year(),
        last_year: years.filter(|y| y.last != y.first).map(|y| y.last),
        dates: meeting.dates.as_ref().map(|d| d.value),
    }
}

/// What one text needs as it is built.
struct Cx<'c, 'a> {
    analysis: &'c Analysis<'a>,
    info: &'c VersionInfo<'a>,
    language: &'a str,
    /// The number of each footnote, by its name.
    footnotes: HashMap<&'a str, usize>,
    /// The footnotes the text calls somewhere.
    called: std::collections::HashSet<&'a str>,
    /// How many markers of each footnote are printed so far, for their anchors.
    markers: std::cell::RefCell<HashMap<String, usize>>,
}

fn text(analysis: &Analysis, info: &VersionInfo) -> Text {
    let version = info.version;
    let meta = &info.meta;
    let language = meta.language;
    let (numbers, called) = footnote_numbers(version);
    let cx = Cx {
        analysis,
        info,
        language,
        footnotes: numbers,
        called,
        markers: Default::default(),
    };
    let when = match (meta.dates, meta.adopted) {
        (Some(dates), _) => Some(date_range(dates.value, language)),
        (None, Some(adopted)) => Some(date(adopted.value, language)),
        (None, None) => None,
    };
    let value = |field: Option<&crate::source::Spanned<String>>| field.map(|f| f.value.clone());
    let mut section_of_unit: HashMap<(Option<usize>, usize), &Unit> = HashMap::new();
    for unit in &info.units {
        section_of_unit.insert((unit.section, unit.block), unit);
    }
    let preamble = version
        .preamble
        .iter()
        .enumerate()
        .map(|(index, block)| {
            let unit = section_of_unit.get(&(None, index)).copied();
            cx.block(unit, block, row_of(&cx, unit, None, index))
        })
        .collect();
    let sections = version
        .sections
        .iter()
        .enumerate()
        .map(|(s, section)| Section {
            anchor: anchor::section(s),
            heading: section.heading.as_ref().map(|h| {
                let content = cx.inlines(&h.content);
                Heading {
                    level: h.level,
                    label: h.label.as_ref().map(|l| l.value.clone()),
                    text: plain(&content),
                    content,
                    row: Row::Heading(s),
                }
            }),
            paragraphs: section
                .blocks
                .iter()
                .enumerate()
                .map(|(b, block)| {
                    let unit = section_of_unit.get(&(Some(s), b)).copied();
                    let row = row_of(&cx, unit, Some(s), b);
                    cx.block(unit, block, row)
                })
                .collect(),
        })
        .collect();
    let footnotes = footnotes(&cx);
    Text {
        version: info.index,
        language: language.to_string(),
        original: info.index == 0,
        title: value(meta.title),
        series: value(meta.series),
        place: value(meta.place),
        theme: value(meta.theme),
        place_and_date: join_place_and_date(value(meta.place), when, language),
        preamble,
        sections,
        // Members named only in the prose are printed there, as the text names them.
        annex: version
            .annex
            .as_ref()
            .filter(|a| !a.from_prose)
            .map(|a| annex(&cx, a)),
        signatures: signature_blocks(&cx),
        placements: placements(version),
        closing: meta.closing.as_ref().map(|c| Closing {
            place: value(c.closing.place.as_ref()),
            date: c.date,
            line: join_place_and_date(
                value(c.closing.place.as_ref()),
                c.date.map(|d| date(d, language)),
                language,
            ),
            by: value(c.closing.by.as_ref()),
        }),
        footnotes,
        found: analysis
            .found
            .iter()
            .filter(|f| f.version == info.index)
            .map(found)
            .collect(),
    }
}

fn found(fact: &crate::analysis::found::FoundFact) -> Found {
    use crate::analysis::found::{weekday_name, FoundKind, Verdict};
    let (agrees, data) = match (&fact.verdict, &fact.kind) {
        (Verdict::Agrees(value), _) => (Some(true), Some(value.clone())),
        (Verdict::Disagrees { value, .. }, _) => (Some(false), Some(value.show())),
        (Verdict::WrongWeekday { actual, .. }, FoundKind::Weekday(date)) => (
            Some(false),
            Some(format!("{date}, a {}", weekday_name(*actual))),
        ),
        (Verdict::WrongWeekday { .. } | Verdict::NotStated, _) => (None, None),
    };
    Found {
        words: fact.words.clone(),
        fact: fact.fact(),
        line: fact.line,
        agrees,
        data,
    }
}

/// The signature blocks of the version, each signatory with the member it signs for.
fn signature_blocks(cx: &Cx) -> Vec<SignatureBlock> {
    let mut found = cx.info.signatories.iter();
    cx.info
        .version
        .signatures
        .iter()
        .map(|block| SignatureBlock {
            witnessed: block.witnessed,
            signatories: block
                .signatories
                .iter()
                .map(|s| Signatory {
                    party: s.party.as_ref().map(|p| p.value.clone()),
                    name: s.name.as_ref().map(|n| n.value.clone()),
                    titles: s.titles.iter().map(|t| t.value.clone()).collect(),
                    registry_id: found
                        .next()
                        .and_then(|info| info.entity)
                        .map(|e| e.id.clone()),
                })
                .collect(),
        })
        .collect()
}

/// Where the annex, the closing and the signature blocks of a version stand, in reading order:
/// by their place among the paragraphs, then in the order written. A closing taken from the
/// original, which the version does not write, stands at the end.
fn placements(version: &ast::Version) -> Vec<(ast::Position, Placed)> {
    let end = ast::Position {
        sections: version.sections.len(),
        blocks: usize::MAX,
    };
    let mut placed: Vec<(ast::Position, u32, Placed)> = Vec::new();
    if let Some(annex) = &version.annex {
        placed.push((version.annex_at, annex.span.start, Placed::Annex));
    }
    match &version.closing {
        Some(closing) => placed.push((version.closing_at, closing.span.start, Placed::Closing)),
        None => placed.push((end, u32::MAX, Placed::Closing)),
    }
    for (index, block) in version.signatures.iter().enumerate() {
        placed.push((block.at, block.span.start, Placed::Signatures(index)));
    }
    placed.sort_by_key(|(at, start, _)| (*at, *start));
    placed.into_iter().map(|(at, _, part)| (at, part)).collect()
}

/// The row of a paragraph: the original's paragraph it is tied to, or its own place.
fn row_of(cx: &Cx, unit: Option<&Unit>, section: Option<usize>, block: usize) -> Row {
    match unit.and_then(|u| u.counterpart) {
        Some(original) => Row::Paragraph(original),
        None => Row::Own(cx.info.index, section, block),
    }
}

/// Footnotes are numbered in the order the text first calls them; footnotes that nothing calls
/// follow, in the order they are written. A second text with the same name is left out (its
/// own error says so). Also returns the names of the footnotes called somewhere.
fn footnote_numbers(
    version: &ast::Version,
) -> (HashMap<&str, usize>, std::collections::HashSet<&str>) {
    let mut order: Vec<&str> = Vec::new();
    version.for_each_inline(&mut |inline| {
        if let ast::Inline::FootnoteRef { id, .. } = inline {
            if !order.contains(&id.as_str()) {
                order.push(id);
            }
        }
    });
    let called = order.iter().copied().collect();
    let defined: Vec<&str> = version
        .footnotes
        .iter()
        .map(|f| f.id.value.as_str())
        .collect();
    order.retain(|id| defined.contains(id));
    for id in defined {
        if !order.contains(&id) {
            order.push(id);
        }
    }
    let numbers = order
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id, i + 1))
        .collect();
    (numbers, called)
}

fn footnotes(cx: &Cx) -> Vec<Footnote> {
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Footnote> = cx
        .info
        .version
        .footnotes
        .iter()
        .filter(|f| seen.insert(f.id.value.as_str()))
        .map(|f| {
            let content = cx.inlines(&f.content);
            let id = f.id.value.clone();
            let called = cx.called.contains(id.as_str());
            Footnote {
                number: cx.footnotes[f.id.value.as_str()],
                anchor: anchor::footnote(&id),
                backlink: called.then(|| anchor::footnote_ref(&id, 1)),
                text: plain(&content),
                content,
                id,
            }
        })
        .collect();
    out.sort_by_key(|f| f.number);
    out
}

fn annex(cx: &Cx, annex: &ast::Annex) -> Annex {
    let listed = cx.analysis.annex_of(cx.info.index).map(|a| &a.listed);
    let mut next = 0;
    let mut members = |list: &[ast::Member]| -> Vec<Member> {
        list.iter()
            .map(|m| {
                let entity = listed
                    .and_then(|l| l.get(next))
                    .and_then(|l| l.found)
                    .map(|found| found.entity);
                next += 1;
                Member {
                    name: m.name.clone(),
                    registry_id: entity.map(|e| e.id.clone()),
                    alpha3: entity.and_then(|e| e.alpha3.clone()),
                }
            })
            .collect()
    };
    let ungrouped = members(&annex.members);
    let groups = annex
        .groups
        .iter()
        .enumerate()
        .map(|(index, g)| Group {
            anchor: anchor::group(index),
            name: g.name.value.clone(),
            stated_count: g.stated_count.as_ref().map(|c| c.value),
            heading: with_count(&g.name.value, g.stated_count.as_ref().map(|c| c.value)),
            members: members(&g.members),
        })
        .collect();
    Annex {
        anchor: anchor::ANNEX.to_string(),
        label: annex.label.as_ref().map(|l| l.value.clone()),
        title: annex.title.value.clone(),
        stated_count: annex.stated_count.as_ref().map(|c| c.value),
        heading: with_count(
            &annex.title.value,
            annex.stated_count.as_ref().map(|c| c.value),
        ),
        inline: annex.inline,
        count: annex.all_members().count(),
        members: ungrouped,
        groups,
    }
}

/// A title with its stated count, as the annex gives it: `Asia (16)`.
fn with_count(title: &str, count: Option<u32>) -> String {
    match count {
        Some(count) => format!("{title} ({count})"),
        None => title.to_string(),
    }
}

/// `Beijing, 24 June 2018`, or `北京，2018年6月24日` with the Chinese comma; either part alone.
fn join_place_and_date(
    place: Option<String>,
    date: Option<String>,
    language: &str,
) -> Option<String> {
    match (place, date) {
        (Some(place), Some(date)) if is_chinese(language) => Some(format!("{place}\u{ff0c}{date}")),
        (Some(place), Some(date)) => Some(format!("{place}, {date}")),
        (place, date) => place.or(date),
    }
}

impl Cx<'_, '_> {
    /// A block of the preamble or of a section, with the paragraph the analysis made of it.
    fn block(&self, unit: Option<&Unit>, block: &Block, row: Row) -> Paragraph {
        let number = match block {
            Block::NumberedParagraph(p) => Some(&p.number),
            Block::Unparsed(u) => u.number.as_ref(),
            Block::Paragraph(_) => None,
        };
        let anchor = unit.and_then(|u| u.anchor.clone());
        let content = match block {
            // A block that did not read is printed (in a draft) as the words it holds.
            Block::Unparsed(u) => {
                let words = match &u.number {
                    Some(n) => u.text[(n.span.end - u.span.start) as usize..].trim_start(),
                    None => u.text.as_str(),
                };
                vec![Inline::Text(
                    words.split_whitespace().collect::<Vec<_>>().join(" "),
                )]
            }
            _ => self.inlines(block.content()),
        };
        Paragraph {
            number: number.map(|n| Number {
                value: n.value,
                written: n.written.clone(),
                style: n.style,
                terminator: n.terminator,
                parenthesized: n.parenthesized,
            }),
            label: block.label().map(|l| l.value.clone()),
            text: plain(&content),
            content,
            bullets: self.bullets(block.bullets()),
            subparagraphs: self.subparagraphs(anchor.as_deref(), block.subparagraphs()),
            anchor,
            row,
        }
    }

    fn bullets(&self, list: &[ast::Bullet]) -> Vec<Bullet> {
        list.iter()
            .map(|b| {
                let content = self.inlines(&b.content);
                Bullet {
                    text: plain(&content),
                    content,
                    bullets: self.bullets(&b.children),
                }
            })
            .collect()
    }

    fn subparagraphs(&self, parent: Option<&str>, list: &[ast::Subparagraph]) -> Vec<Subparagraph> {
        list.iter()
            .map(|s| {
                let anchor = parent.map(|parent| anchor::subparagraph(parent, &s.marker.value));
                let content = self.inlines(&s.content);
                Subparagraph {
                    marker: s.marker.value.clone(),
                    label: s.label.as_ref().map(|l| l.value.clone()),
                    text: plain(&content),
                    content,
                    bullets: self.bullets(&s.bullets),
                    subparagraphs: self.subparagraphs(anchor.as_deref(), &s.children),
                    anchor,
                }
            })
            .collect()
    }

    /// Inline content as printed: soft breaks become spaces, and neighbouring words join.
    fn inlines(&self, content: &[ast::Inline]) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        let push_text = |out: &mut Vec<Inline>, text: &str| match out.last_mut() {
            Some(Inline::Text(last)) => last.push_str(text),
            _ => out.push(Inline::Text(text.to_string())),
        };
        for inline in content {
            match inline {
                ast::Inline::Text { text, .. } => push_text(&mut out, text),
                ast::Inline::SoftBreak { .. } => push_text(&mut out, " "),
                ast::Inline::Emphasis { content, .. } => {
                    out.push(Inline::Emphasis(self.inlines(content)))
                }
                ast::Inline::Strong { content, .. } => {
                    out.push(Inline::Strong(self.inlines(content)))
                }
                ast::Inline::Quote { content, .. } => {
                    let (open, close) = quotation_marks(self.language);
                    out.push(Inline::Quote {
                        open,
                        close,
                        content: self.inlines(content),
                    })
                }
                ast::Inline::FootnoteRef { id, .. } => {
                    let occurrence = {
                        let mut markers = self.markers.borrow_mut();
                        let n = markers.entry(id.clone()).or_insert(0);
                        *n += 1;
                        *n
                    };
                    out.push(Inline::FootnoteRef {
                        id: id.clone(),
                        number: self.footnotes.get(id.as_str()).copied(),
                        anchor: anchor::footnote_ref(id, occurrence),
                        target: anchor::footnote(id),
                    })
                }
                ast::Inline::Link {
                    content, target, ..
                } => out.push(Inline::Link {
                    target: target.trim().to_string(),
                    safe: is_safe_link(target),
                    content: if content.is_empty() {
                        vec![Inline::Text(target.clone())]
                    } else {
                        self.inlines(content)
                    },
                }),
                ast::Inline::Reference { name, .. } => out.push(Inline::Reference {
                    label: name.clone(),
                    target: self.target(name),
                }),
                ast::Inline::Fact { text, key, .. } => out.push(Inline::Fact {
                    text: text.value.clone(),
                    fact: key.value.written(),
                }),
            }
        }
        out
    }

    /// What a reference to `name` prints in this text, and where it links.
    fn target(&self, name: &str) -> Option<Target> {
        let analysis = self.analysis;
        let resolved = analysis
            .labels
            .resolve(name, &analysis.versions, self.info.index)?;
        fn numbered<'u>(unit: &Unit<'u>) -> Option<&'u ast::ParagraphNumber> {
            match unit.body {
                Body::Numbered(p) => Some(&p.number),
                Body::Unparsed(u) => u.number.as_ref(),
                Body::Paragraph(_) => None,
            }
        }
        match resolved {
            Resolved::Heading { section, heading } => Some(Target {
                text: heading_words(&heading.content, self.language),
                anchor: anchor::section(section),
            }),
            Resolved::Paragraph(unit) => {
                let number = numbered(unit)?;
                Some(Target {
                    text: number.written.clone(),
                    anchor: unit.anchor.clone()?,
                })
            }
            Resolved::Subparagraph { unit, chain } => {
                let number = numbered(unit)?;
                let mut text = number.written.clone();
                let mut anchor = unit.anchor.clone()?;
                for sub in chain {
                    text.push_str(&format!(" ({})", sub.marker.value));
                    anchor = anchor::subparagraph(&anchor, &sub.marker.value);
                }
                Some(Target { text, anchor })
            }
            Resolved::Annex(annex) => Some(Target {
                text: annex.title.value.clone(),
                anchor: anchor::ANNEX.to_string(),
            }),
        }
    }
}

/// The words of a heading, as a reference to it prints them: without its footnote markers, and
/// with a reference inside it printed as written, so that a heading that refers to itself (or
/// two that refer to each other) still prints, and no marker of the text is counted twice.
fn heading_words(content: &[ast::Inline], language: &str) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            ast::Inline::Text { text, .. } => out.push_str(text),
            ast::Inline::SoftBreak { .. } => out.push(' '),
            ast::Inline::Emphasis { content, .. } | ast::Inline::Strong { content, .. } => {
                out.push_str(&heading_words(content, language))
            }
            ast::Inline::Quote { content, .. } => {
                let (open, close) = quotation_marks(language);
                out.push_str(open);
                out.push_str(&heading_words(content, language));
                out.push_str(close);
            }
            ast::Inline::Link {
                content, target, ..
            } if content.is_empty() => out.push_str(target),
            ast::Inline::Link { content, .. } => out.push_str(&heading_words(content, language)),
            ast::Inline::FootnoteRef { .. } => {}
            ast::Inline::Reference { name, .. } => out.push_str(&Inline::unresolved(name)),
            ast::Inline::Fact { text, .. } => out.push_str(&text.value),
        }
    }
    out
}

/// The quotation marks of a language, opening and closing, as its typography sets them: French
/// guillemets with no-break spaces inside, German and Dutch low-high marks, Russian guillemets,
/// Traditional Chinese corner brackets; English, Simplified Chinese and the others curved
/// double marks.
fn quotation_marks(language: &str) -> (&'static str, &'static str) {
    let lower = language.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next().unwrap_or_default();
    let traditional = parts.any(|p| matches!(p, "hant" | "tw" | "hk" | "mo"));
    match primary {
        "fr" => ("\u{ab}\u{a0}", "\u{a0}\u{bb}"),
        "de" => ("\u{201e}", "\u{201c}"),
        "nl" => ("\u{201e}", "\u{201d}"),
        "ru" | "es" | "it" | "pt" => ("\u{ab}", "\u{bb}"),
        "zh" | "ja" if traditional || primary == "ja" => ("\u{300c}", "\u{300d}"),
        _ => ("\u{201c}", "\u{201d}"),
    }
}

/// The plain text of printed inlines: what a reader sees, without the marks of emphasis and
/// without footnote markers.
pub fn plain(content: &[Inline]) -> String {
    plain_marked(content, &|_| String::new())
}

/// The plain text of printed inlines, with each footnote marker as `marker` writes its number
/// (a raised number reads as a plain one when text is copied from a PDF).
pub fn plain_marked(content: &[Inline], marker: &dyn Fn(usize) -> String) -> String {
    let mut out = String::new();
    push_plain(content, marker, &mut out);
    out
}

fn push_plain(content: &[Inline], marker: &dyn Fn(usize) -> String, out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Fact { text, .. } => out.push_str(text),
            Inline::Emphasis(content) | Inline::Strong(content) | Inline::Link { content, .. } => {
                push_plain(content, marker, out)
            }
            Inline::Quote {
                open,
                close,
                content,
            } => {
                out.push_str(open);
                push_plain(content, marker, out);
                out.push_str(close);
            }
            Inline::FootnoteRef { number, id, .. } => match number {
                Some(number) => out.push_str(&marker(*number)),
                None => out.push_str(&format!("[^{id}]")),
            },
            Inline::Reference { label, target } => match target {
                Some(target) => out.push_str(&target.text),
                None => out.push_str(&Inline::unresolved(label)),
            },
        }
    }
}

#[cfg(test)]
impl Print {
    /// The print model of a declaration's text, analysed against the built-in registry: for
    /// the tests of the renderers, which read nothing before the print model.
    pub(crate) fn of_text(text: &str, options: &Options) -> Print {
        let source = crate::Source::new("test.decl", text);
        let document = crate::syntax::parse(&source).document;
        let analysis = crate::analysis::analyze(&document, crate::registry::Registry::builtin());
        Print::new(&analysis, options).expect("the version asked for exists")
    }
}

#[cfg(test)]
mod quotation_tests {
    use super::quotation_marks;

    #[test]
    fn each_language_has_its_quotation_marks() {
        assert_eq!(quotation_marks("en"), ("\u{201c}", "\u{201d}"));
        assert_eq!(quotation_marks("zh"), ("\u{201c}", "\u{201d}"));
        assert_eq!(quotation_marks("zh-Hant"), ("\u{300c}", "\u{300d}"));
        assert_eq!(quotation_marks("fr"), ("\u{ab}\u{a0}", "\u{a0}\u{bb}"));
        assert_eq!(quotation_marks("de"), ("\u{201e}", "\u{201c}"));
        assert_eq!(quotation_marks("ru"), ("\u{ab}", "\u{bb}"));
    }
}
