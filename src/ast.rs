//! The syntax tree: plain data, with a span on every node.
//!
//! Names follow the grammar (`grammar/plenary.pest`): the rule `numbered_paragraph` becomes
//! [`NumberedParagraph`], the rule `fact` becomes [`Inline::Fact`]. Nothing here knows about pest
//! or miette. The tree keeps what a formatter needs to print the file again: every field as
//! written, the number as drafted, the notes.

use serde::Serialize;

use crate::source::{Span, Spanned};

/// A whole `.decl` file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    pub header: Header,
    /// The next meeting of this series: the first `next meeting:` block that names no other
    /// series.
    pub next_meeting: Option<Meeting>,
    /// Every other meeting the text states, in the order written: the series' past meetings
    /// (`past meeting:`), its meetings after the next one, and meetings of other series.
    pub meetings: Vec<Meeting>,
    /// The language versions; the first is the original, in the header's first language.
    pub versions: Vec<Version>,
    /// Every drafter's note in the file, in order.
    pub comments: Vec<Comment>,
    pub span: Span,
}

/// A `// note` line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub text: String,
    pub span: Span,
}

/// One `key: value` line, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Field {
    pub key: Spanned<String>,
    pub value: Spanned<String>,
    pub span: Span,
}

/// The header: the facts of the meeting and the declaration.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Header {
    /// The fields as written, in order.
    pub fields: Vec<Field>,
    pub title: Option<Spanned<String>>,
    pub series: Option<Spanned<String>>,
    pub forum: Option<Spanned<String>>,
    pub edition: Option<Spanned<Ordinal>>,
    pub host: Option<Spanned<String>>,
    pub place: Option<Spanned<String>>,
    pub dates: Option<Spanned<DateRange>>,
    pub adopted: Option<Spanned<Date>>,
    pub theme: Option<Spanned<String>>,
    pub languages: Vec<Spanned<String>>,
    /// The languages whose texts are authentic, when not all of `languages` are (a text that
    /// holds a translation) or not only they (a text authentic also in languages it lacks).
    pub authentic: Vec<Spanned<String>>,
    pub periodicity: Option<Spanned<Periodicity>>,
    pub rotation: Option<Spanned<Rotation>>,
    pub numbering: Option<Spanned<Numbering>>,
    /// Whether the text is a draft or adopted, as `status:` says.
    pub status: Option<Spanned<Status>>,
    /// The fields written but unusable: see [`Unusable`].
    pub unusable: Unusable,
    /// The file does not start with a header (a syntax error says so): its facts are unknown
    /// rather than absent.
    pub missing: bool,
    pub span: Span,
}

/// The keys of the fields of a block that were written but could not be used: a value that
/// does not read (`adopted: 31 October`), or a misspelt key (`palce:`, kept under the key it
/// most likely means). Each has its own syntax error; a check treats the fact as unknown, so
/// that it does not report the same slip again as a missing fact.
pub type Unusable = Vec<String>;

/// A calendar date.
pub type Date = jiff::civil::Date;

/// The dates of a meeting: one day, or first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DateRange {
    pub start: Date,
    pub end: Date,
}

/// An ordinal such as an edition: `first`, `21st`, `twenty-first`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Ordinal {
    pub value: u32,
}

/// How often the series meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Periodicity {
    /// Every `years` years: 1 is annual, 2 biennial.
    EveryYears(u32),
    /// At most every `years` years: "at intervals of not more than three years".
    AtMostEveryYears(u32),
}

impl Periodicity {
    /// The years between two meetings, or the most there may be.
    pub fn years(&self) -> u32 {
        match self {
            Periodicity::EveryYears(years) | Periodicity::AtMostEveryYears(years) => *years,
        }
    }

    /// How often the series meets, as a message says it: "every year", "at most every 3
    /// years".
    pub fn words(&self) -> String {
        let every = match self.years() {
            1 => "every year".to_string(),
            n => format!("every {n} years"),
        };
        match self {
            Periodicity::EveryYears(_) => every,
            Periodicity::AtMostEveryYears(_) => format!("at most {every}"),
        }
    }
}

/// Who hosts the next meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rotation {
    /// Hosts alternate between these groups of the annex.
    Alternate(Vec<Spanned<String>>),
    /// Hosts follow this list, in turn.
    Sequence(Vec<Spanned<String>>),
}

/// How paragraph numbers run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// One sequence across all sections.
    #[default]
    Continuous,
    /// Numbers restart at 1 in each section.
    PerSection,
}

/// Whether a text is still negotiated or adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Still negotiated: brackets and placeholders are part of it.
    #[default]
    Draft,
    /// Adopted: its words are final.
    Adopted,
}

/// A `next meeting:` or `past meeting:` block.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Meeting {
    /// `past meeting:`.
    pub past: bool,
    pub fields: Vec<Field>,
    /// The series, when another than this meeting's.
    pub series: Option<Spanned<String>>,
    pub edition: Option<Spanned<Ordinal>>,
    /// A member, or a group of the annex; co-hosts separated by `;`.
    pub host: Option<Spanned<String>>,
    pub place: Option<Spanned<String>>,
    pub year: Option<Spanned<MeetingYear>>,
    pub dates: Option<Spanned<DateRange>>,
    pub unusable: Unusable,
    pub span: Span,
}

impl Meeting {
    /// The hosts: one, or the co-hosts of `host: Australia; New Zealand`, each with its span.
    pub fn hosts(&self) -> Vec<Spanned<String>> {
        let Some(host) = &self.host else {
            return Vec::new();
        };
        let mut offset = 0;
        let mut hosts = Vec::new();
        for part in host.value.split(';') {
            let name = part.trim();
            let at = host.span.start as usize + offset + (part.len() - part.trim_start().len());
            if !name.is_empty() {
                hosts.push(Spanned::new(
                    name.to_string(),
                    Span::new(at, at + name.len()),
                ));
            }
            offset += part.len() + 1;
        }
        hosts
    }

    /// The year the meeting falls in, the first of a span of years.
    pub fn first_year(&self) -> Option<i16> {
        self.year
            .as_ref()
            .map(|y| y.value.first)
            .or_else(|| self.dates.as_ref().map(|d| d.value.start.year()))
    }
}

/// The `year` of a meeting: one year, perhaps with when in it (`mid-2002`), or a span of years
/// (`2027 or 2028`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MeetingYear {
    pub first: i16,
    pub last: i16,
}

impl MeetingYear {
    /// One year.
    pub fn one(year: i16) -> MeetingYear {
        MeetingYear {
            first: year,
            last: year,
        }
    }

    /// Whether `year` is one of the years.
    pub fn includes(&self, year: i32) -> bool {
        (i32::from(self.first)..=i32::from(self.last)).contains(&year)
    }
}

/// One language version of the declaration's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// The `version: zh` line's header; `None` for the original, whose header is the document's.
    pub header: Option<VersionHeader>,
    /// The unnumbered paragraphs before the first heading or numbered paragraph (and the blocks
    /// that did not read among them): `Block::Paragraph` or `Block::Unparsed`.
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub annex: Option<Annex>,
    pub closing: Option<Closing>,
    /// Where the member annex and the closing stand: a division (`# Annex B`) may follow
    /// either, a member list (`members:`) may stand among paragraphs, and each prints where it
    /// stands.
    pub annex_at: Position,
    pub closing_at: Position,
    /// The signature blocks, in the order written.
    pub signatures: Vec<Signatures>,
    pub span: Span,
}

impl Document {
    /// How paragraph numbers run: as the header's `numbering:` says, else continuously.
    pub fn numbering(&self) -> Numbering {
        self.header
            .numbering
            .as_ref()
            .map(|n| n.value)
            .unwrap_or_default()
    }

    /// Whether the text is adopted: as the header's `status:` says, else when it states the
    /// date it was adopted (`adopted:`). A text with neither is taken for a draft.
    pub fn adopted(&self) -> bool {
        match self.header.status.as_ref().map(|s| s.value) {
            Some(status) => status == Status::Adopted,
            None => {
                self.header.adopted.is_some() || self.header.unusable.iter().any(|k| k == "adopted")
            }
        }
    }

    /// The language of a version: its `version:` tag, or the header's first language for the
    /// original (English when the header names none).
    pub fn language_of<'a>(&'a self, version: &'a Version) -> &'a str {
        match &version.header {
            Some(header) => &header.language.value,
            None => self
                .header
                .languages
                .first()
                .map_or("en", |language| language.value.as_str()),
        }
    }
}

impl Version {
    /// Whether this is text that the parser found after an annex and read as a version of its
    /// own, whose language no `version:` line states.
    pub fn is_unnamed(&self) -> bool {
        self.header
            .as_ref()
            .is_some_and(|h| h.language.value.is_empty())
    }

    /// Every block of the text, in reading order: the preamble's, then each section's.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.preamble
            .iter()
            .chain(self.sections.iter().flat_map(|s| &s.blocks))
    }

    /// Calls `f` on every inline node of this version's text, in reading order, nested ones
    /// after the node that holds them: headings, paragraphs, sub-paragraphs, footnotes.
    pub fn for_each_inline<'a>(&'a self, f: &mut dyn FnMut(&'a Inline)) {
        for block in &self.preamble {
            walk_inlines(block.content(), f);
            walk_bullets(block.bullets(), f);
            walk_subparagraphs(block.subparagraphs(), f);
        }
        for section in &self.sections {
            if let Some(heading) = &section.heading {
                walk_inlines(&heading.content, f);
            }
            for block in &section.blocks {
                walk_inlines(block.content(), f);
                walk_bullets(block.bullets(), f);
                walk_subparagraphs(block.subparagraphs(), f);
            }
        }
        for footnote in &self.footnotes {
            walk_inlines(&footnote.content, f);
        }
    }
}

fn walk_subparagraphs<'a>(subparagraphs: &'a [Subparagraph], f: &mut dyn FnMut(&'a Inline)) {
    for subparagraph in subparagraphs {
        walk_inlines(&subparagraph.content, f);
        walk_bullets(&subparagraph.bullets, f);
        walk_subparagraphs(&subparagraph.children, f);
    }
}

fn walk_bullets<'a>(bullets: &'a [Bullet], f: &mut dyn FnMut(&'a Inline)) {
    for bullet in bullets {
        walk_inlines(&bullet.content, f);
        walk_bullets(&bullet.children, f);
    }
}

/// Calls `f` on each node of `content` and, after it, on the nodes inside it.
pub fn walk_inlines<'a>(content: &'a [Inline], f: &mut dyn FnMut(&'a Inline)) {
    for inline in content {
        f(inline);
        match inline {
            Inline::Emphasis { content, .. }
            | Inline::Strong { content, .. }
            | Inline::Quote { content, .. }
            | Inline::Link { content, .. } => walk_inlines(content, f),
            _ => {}
        }
    }
}

/// The header of a second language version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionHeader {
    pub language: Spanned<String>,
    pub fields: Vec<Field>,
    pub title: Option<Spanned<String>>,
    pub series: Option<Spanned<String>>,
    pub place: Option<Spanned<String>>,
    pub theme: Option<Spanned<String>>,
    pub unusable: Unusable,
    pub span: Span,
}

/// A heading and the paragraphs under it. The first section of a text may have no heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub heading: Option<Heading>,
    pub blocks: Vec<Block>,
    pub span: Span,
}

/// A `##` heading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
    pub label: Option<Spanned<String>>,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// What a section holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Block {
    NumberedParagraph(NumberedParagraph),
    Paragraph(Paragraph),
    Unparsed(Unparsed),
}

/// A block the grammar could not read at all, kept where it stands (its syntax error is
/// reported) with what could be recovered from its words: the paragraph number it starts with,
/// the labels and footnote markers in it. Checks take it for "unknown here": no numbering gap
/// and no missing label is reported on its account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unparsed {
    /// The words as written, printed as they are in a draft preview.
    pub text: String,
    pub number: Option<ParagraphNumber>,
    pub labels: Vec<Spanned<String>>,
    /// The names of the references `{@name}` in it.
    pub references: Vec<String>,
    pub footnote_refs: Vec<String>,
    /// The sub-paragraph blocks that follow it, which belong to it.
    pub subparagraphs: Vec<Subparagraph>,
    pub span: Span,
}

impl Block {
    pub fn span(&self) -> Span {
        match self {
            Block::NumberedParagraph(p) => p.span,
            Block::Paragraph(p) => p.span,
            Block::Unparsed(u) => u.span,
        }
    }

    /// The label at the start of the paragraph.
    pub fn label(&self) -> Option<&Spanned<String>> {
        match self {
            Block::NumberedParagraph(p) => p.label.as_ref(),
            Block::Paragraph(p) => p.label.as_ref(),
            Block::Unparsed(_) => None,
        }
    }

    /// The text of the paragraph, before its sub-paragraphs; nothing for an unparsed block.
    pub fn content(&self) -> &[Inline] {
        match self {
            Block::NumberedParagraph(p) => &p.content,
            Block::Paragraph(p) => &p.content,
            Block::Unparsed(_) => &[],
        }
    }

    /// The bulleted items of the paragraph's text.
    pub fn bullets(&self) -> &[Bullet] {
        match self {
            Block::NumberedParagraph(p) => &p.bullets,
            Block::Paragraph(p) => &p.bullets,
            Block::Unparsed(_) => &[],
        }
    }

    /// The sub-paragraphs under the paragraph.
    pub fn subparagraphs(&self) -> &[Subparagraph] {
        match self {
            Block::NumberedParagraph(p) => &p.subparagraphs,
            Block::Paragraph(p) => &p.subparagraphs,
            Block::Unparsed(u) => &u.subparagraphs,
        }
    }
}

/// A paragraph with the number the drafter typed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NumberedParagraph {
    pub number: ParagraphNumber,
    pub label: Option<Spanned<String>>,
    pub content: Vec<Inline>,
    /// The bulleted items of its text, before its sub-paragraphs.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
    pub span: Span,
}

/// A paragraph number as drafted: `7.`, `IV.`, `7、`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphNumber {
    /// The value: 7 for `7.` and for `VII.`. `None` for a Roman numeral that is not well formed.
    pub value: Option<u32>,
    pub style: NumberStyle,
    /// The number as written, without its terminator.
    pub written: String,
    /// The terminator: `.` or `、`; `)` for a number in parentheses.
    pub terminator: char,
    /// The number is written in parentheses: `(31)`.
    pub parenthesized: bool,
    /// How the number is damaged, when it is: it is read all the same, so that the numbers
    /// after it are not reported for it.
    pub damage: Option<NumberDamage>,
    pub span: Span,
}

/// The start of an unnumbered paragraph that may be a paragraph number written wrong: digits
/// followed by a comma, a parenthesis, a colon or a semicolon (`7,` `7)`), or by a space and
/// the text (`7 Ministers`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberLike {
    pub value: u32,
    /// The digits as written.
    pub digits: String,
    /// The mark after the digits, if any.
    pub mark: Option<char>,
    /// The digits and the mark.
    pub span: Span,
}

/// How a paragraph number the grammar reads is damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberDamage {
    /// No space between the number and its text: `38.In`.
    RunIntoText,
    /// A letter where a digit belongs, as OCR reads them: `l2.`, `1O.`.
    LetterForDigit,
    /// Spaces between the digits: `1 2.`.
    SpacedDigits,
    /// Full-width digits: `８.`.
    FullWidth,
}

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    Arabic,
    Roman,
}

/// An unnumbered paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The number it starts with, when it starts like a paragraph number written wrong (`7,
    /// Ministers`, `7 Ministers`): the numbering decides whether it is one.
    pub number_like: Option<NumberLike>,
    pub label: Option<Spanned<String>>,
    pub content: Vec<Inline>,
    /// The bulleted items of its text, before its sub-paragraphs.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
    pub span: Span,
}

/// `(a) ...`: a sub-paragraph, with the ones nested under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subparagraph {
    /// The marker as written, without parentheses: `a`, `ii`, `1`.
    pub marker: Spanned<String>,
    /// The width of the indentation before the marker, tabs counting four.
    pub indent: u32,
    pub label: Option<Spanned<String>>,
    pub content: Vec<Inline>,
    /// The bulleted items of its text, before the sub-paragraphs nested under it.
    pub bullets: Vec<Bullet>,
    pub children: Vec<Subparagraph>,
    pub span: Span,
}

/// `- ...`: an item of a bulleted list, with the items nested under it (indented further).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bullet {
    /// The width of the indentation before the mark, tabs counting four.
    pub indent: u32,
    pub content: Vec<Inline>,
    pub children: Vec<Bullet>,
    pub span: Span,
}

impl Subparagraph {
    /// The labels of this sub-paragraph and of those nested under it.
    pub fn labels(&self) -> Box<dyn Iterator<Item = &Spanned<String>> + '_> {
        Box::new(
            self.label
                .iter()
                .chain(self.children.iter().flat_map(Subparagraph::labels)),
        )
    }
}

/// A `[^1]: ...` footnote text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footnote {
    pub id: Spanned<String>,
    pub content: Vec<Inline>,
    pub span: Span,
}

/// The member annex.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annex {
    /// Written `members:` inside the text, which goes on after it; `annex:` otherwise.
    pub inline: bool,
    /// Not written as a list at all: the members a marked fact names in the prose, `{the
    /// United States, Australia and Japan = members}`, which stand in for an annex the text
    /// does not have. It is checked as an annex and not printed as one.
    pub from_prose: bool,
    pub label: Option<Spanned<String>>,
    /// The title; a list inside the text (`members:`) may have none.
    pub title: Spanned<String>,
    pub stated_count: Option<Spanned<u32>>,
    /// Members listed right under the `annex:` line, before any group.
    pub members: Vec<Member>,
    pub groups: Vec<Group>,
    /// Lines of the list right under the `annex:` line that are not members (each a syntax
    /// error): how many members the drafter meant is then unknown.
    pub unreadable: Vec<Span>,
    pub span: Span,
}

impl Annex {
    /// Every member, ungrouped ones first, then group by group.
    pub fn all_members(&self) -> impl Iterator<Item = &Member> {
        self.members
            .iter()
            .chain(self.groups.iter().flat_map(|g| g.members.iter()))
    }
}

/// `group: Asia (16)` and its members.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    pub name: Spanned<String>,
    pub stated_count: Option<Spanned<u32>>,
    pub members: Vec<Member>,
    /// Lines of the group that are not members, as in [`Annex::unreadable`].
    pub unreadable: Vec<Span>,
    pub span: Span,
}

/// `- Republic of Korea`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub name: String,
    pub span: Span,
}

/// The `closing:` block.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Closing {
    pub fields: Vec<Field>,
    pub place: Option<Spanned<String>>,
    pub date: Option<Spanned<Date>>,
    pub by: Option<Spanned<String>>,
    pub unusable: Unusable,
    pub span: Span,
}

/// `signed:` or `witnessed:` and the people under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signatures {
    pub witnessed: bool,
    pub signatories: Vec<Signatory>,
    /// Where it stands.
    pub at: Position,
    pub span: Span,
}

/// Where a block that is not a paragraph (the annex, the closing, a signature block) stands
/// among the paragraphs: after the first `blocks` blocks of the preamble while no section has
/// begun (`sections` is 0), else after the first `blocks` blocks of the last of the `sections`
/// sections begun before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Position {
    pub sections: usize,
    pub blocks: usize,
}

/// One who signs (or witnesses): for whom, the name, the titles, as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signatory {
    /// `for the Government of Australia`, as written.
    pub party: Option<Spanned<String>>,
    /// The party without its `for` and its article: `the Government of Australia`, `Australia`.
    pub party_name: Option<Spanned<String>>,
    pub name: Option<Spanned<String>>,
    pub titles: Vec<Spanned<String>>,
    pub span: Span,
}

/// Text inside a paragraph, heading or footnote.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Inline {
    /// Words, as written.
    Text {
        text: String,
        span: Span,
    },
    /// A line break inside a paragraph, printed as a space.
    SoftBreak {
        span: Span,
    },
    Emphasis {
        content: Vec<Inline>,
        span: Span,
    },
    Strong {
        content: Vec<Inline>,
        span: Span,
    },
    Quote {
        content: Vec<Inline>,
        span: Span,
    },
    FootnoteRef {
        id: String,
        span: Span,
    },
    /// A link; `content` is empty for `<https://...>`, which prints its address.
    Link {
        content: Vec<Inline>,
        target: String,
        span: Span,
    },
    /// `{@name}`.
    Reference {
        name: String,
        span: Span,
    },
    /// `{words = key}`.
    Fact {
        text: Spanned<String>,
        key: Spanned<FactKey>,
        span: Span,
    },
}

impl Inline {
    pub fn span(&self) -> Span {
        match self {
            Inline::Text { span, .. }
            | Inline::SoftBreak { span }
            | Inline::Emphasis { span, .. }
            | Inline::Strong { span, .. }
            | Inline::Quote { span, .. }
            | Inline::FootnoteRef { span, .. }
            | Inline::Link { span, .. }
            | Inline::Reference { span, .. }
            | Inline::Fact { span, .. } => *span,
        }
    }
}

/// What a marked fact is tied to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "fact", content = "name", rename_all = "kebab-case")]
pub enum FactKey {
    /// The annex's stated total.
    Members,
    /// The stated count of one annex group.
    Group(String),
    /// A fact of this meeting, from the header.
    Meeting(MeetingFact),
    /// A fact of the next meeting.
    Next(MeetingFact),
    /// `{the 10 ASEAN members = none}`: words that state no fact plenary knows, though they look
    /// like one; they are printed as written and not read as a fact.
    None,
}

/// A fact that both this meeting and the next one have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingFact {
    Edition,
    Host,
    Place,
    Dates,
    Year,
    Adopted,
    Series,
    Theme,
    Forum,
    /// The languages of the authentic texts: `authentic:`, else `languages:`.
    Languages,
    /// How often the series meets: `periodicity:`.
    Periodicity,
}

impl MeetingFact {
    /// Every meeting fact, in the order the documentation lists them.
    pub const ALL: [MeetingFact; 11] = [
        MeetingFact::Edition,
        MeetingFact::Host,
        MeetingFact::Place,
        MeetingFact::Dates,
        MeetingFact::Year,
        MeetingFact::Adopted,
        MeetingFact::Series,
        MeetingFact::Theme,
        MeetingFact::Forum,
        MeetingFact::Languages,
        MeetingFact::Periodicity,
    ];

    /// The fact as a key names it: `edition`, `adopted`; also the header field that states it.
    pub fn key(self) -> &'static str {
        match self {
            MeetingFact::Edition => "edition",
            MeetingFact::Host => "host",
            MeetingFact::Place => "place",
            MeetingFact::Dates => "dates",
            MeetingFact::Year => "year",
            MeetingFact::Adopted => "adopted",
            MeetingFact::Series => "series",
            MeetingFact::Theme => "theme",
            MeetingFact::Forum => "forum",
            MeetingFact::Languages => "languages",
            MeetingFact::Periodicity => "periodicity",
        }
    }
}

impl FactKey {
    /// The key as the drafter writes it: `members`, `group Asia`, `next host`.
    pub fn written(&self) -> String {
        match self {
            FactKey::Members => "members".to_string(),
            FactKey::Group(name) => format!("group {name}"),
            FactKey::Meeting(fact) => fact.key().to_string(),
            FactKey::Next(fact) => format!("next {}", fact.key()),
            FactKey::None => "none".to_string(),
        }
    }
}

/// Plain text of inline content, for messages and for tests: soft breaks become spaces, marks
/// are dropped, references show their name.
pub fn plain_text(content: &[Inline]) -> String {
    let mut out = String::new();
    push_plain_text(content, &mut out);
    out
}

fn push_plain_text(content: &[Inline], out: &mut String) {
    for inline in content {
        match inline {
            Inline::Text { text, .. } => out.push_str(text),
            Inline::SoftBreak { .. } => out.push(' '),
            Inline::Emphasis { content, .. } | Inline::Strong { content, .. } => {
                push_plain_text(content, out)
            }
            Inline::Quote { content, .. } => {
                out.push('"');
                push_plain_text(content, out);
                out.push('"');
            }
            Inline::FootnoteRef { id, .. } => {
                out.push_str("[^");
                out.push_str(id);
                out.push(']');
            }
            Inline::Link {
                content, target, ..
            } => {
                if content.is_empty() {
                    out.push_str(target)
                } else {
                    push_plain_text(content, out)
                }
            }
            Inline::Reference { name, .. } => {
                out.push('@');
                out.push_str(name);
            }
            Inline::Fact { text, .. } => out.push_str(&text.value),
        }
    }
}
