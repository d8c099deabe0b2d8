//! The JSON output: the checked declaration with its facts resolved, for websites and registries.
//!
//! The types here are an output model of their own, not the syntax tree: the tree may change
//! with the language, this format changes only with [`FORMAT`]. `plenary schema` prints the JSON
//! Schema generated from the same types, and `docs/json.md` describes them.

use schemars::JsonSchema;
use serde::Serialize;

use crate::render::print::{self, Print};
use crate::render::{Options, RenderError};

/// The version of this format. It changes when a field changes meaning or goes away; new
/// optional fields may appear without a change.
pub const FORMAT: u32 = 1;

/// A declaration: the facts stated once, then the text of each language version.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "plenary declaration")]
pub struct Declaration {
    /// The version of this JSON format: 1.
    pub format: u32,
    /// True when the source has errors and this is only a draft preview.
    pub draft: bool,
    /// The title of the original version.
    pub title: Option<String>,
    /// The meeting series the declaration belongs to.
    pub series: Option<String>,
    /// The forum whose members adopt it (`ASEM`, `APEC`).
    pub forum: Option<String>,
    /// Which meeting of the series this is: 1 for the first.
    pub edition: Option<u32>,
    /// The member that hosts the meeting.
    pub host: Option<String>,
    /// Where the meeting is held, in the original's words.
    pub place: Option<String>,
    /// The dates of the meeting.
    pub dates: Option<Dates>,
    /// The date of adoption, `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub adopted: Option<String>,
    /// The theme of the meeting.
    pub theme: Option<String>,
    /// The language tag of every version of the declaration, the original first (even when
    /// `--lang` prints only one).
    pub languages: Vec<String>,
    /// The languages whose texts are authentic: the header's `authentic` when it states them
    /// (a translation beside the original, or authentic texts the file lacks), else every one
    /// of its `languages`.
    pub authentic: Vec<String>,
    /// How often the series meets.
    pub periodicity: Option<Periodicity>,
    /// Who hosts the next meetings.
    pub rotation: Option<Rotation>,
    /// How paragraph numbers run.
    pub numbering: Numbering,
    /// Whether the text is still negotiated or adopted.
    pub status: Status,
    /// What the declaration states about the next meeting of the series.
    pub next_meeting: Option<Meeting>,
    /// The other meetings it states: the series' past meetings, its meetings after the next,
    /// and meetings of other series.
    pub meetings: Vec<Meeting>,
    /// The language versions, the original first (only the one asked for with `--lang`).
    pub versions: Vec<Version>,
}

/// The first and last day of a meeting (the same day for a one-day meeting).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Dates {
    /// `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub start: String,
    /// `YYYY-MM-DD`.
    #[schemars(extend("format" = "date"))]
    pub end: String,
}

/// How often the series meets: every 1 year (annual), every 2 years (biennial), ...
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Periodicity {
    pub every_years: u32,
    /// `every_years` is the longest interval, not the interval: "at intervals of not more
    /// than three years".
    pub at_most: bool,
}

/// Who hosts the next meetings.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Rotation {
    pub kind: RotationKind,
    /// The groups of the annex that alternate, or the members in turn.
    pub hosts: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RotationKind {
    /// Hosts alternate between groups of the annex.
    Alternate,
    /// Hosts follow the list in turn.
    Sequence,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Numbering {
    /// One sequence of paragraph numbers across all sections.
    Continuous,
    /// Paragraph numbers restart at 1 in each section.
    PerSection,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Still negotiated: the header says `status: draft`, or it states no date of adoption.
    Draft,
    /// Adopted: the header says `status: adopted`, or it states the date of adoption.
    Adopted,
}

/// The next meeting of the series, as the declaration states it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Meeting {
    /// A past meeting of the series (`past meeting:`), not a coming one.
    pub past: bool,
    /// The series, when another than this meeting's.
    pub series: Option<String>,
    pub edition: Option<u32>,
    /// A member, or a group of the annex (`Europe`), as written; co-hosts are separated by `;`.
    pub host: Option<String>,
    /// The hosts, each co-host on its own.
    pub hosts: Vec<String>,
    pub place: Option<String>,
    /// The year, the first of a span of years (`2027 or 2028`).
    pub year: Option<i16>,
    /// The last year of a span of years, or `null`.
    pub last_year: Option<i16>,
    pub dates: Option<Dates>,
}

/// The text of one language version.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Version {
    /// The language tag: `en`, `zh`.
    pub language: String,
    /// True for the original, the version the others translate.
    pub original: bool,
    /// The title in this language.
    pub title: Option<String>,
    pub series: Option<String>,
    pub place: Option<String>,
    pub theme: Option<String>,
    /// The place and dates as printed under the title, in this language's style.
    pub place_and_date: Option<String>,
    /// Unnumbered paragraphs before the first heading or numbered paragraph.
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub annex: Option<Annex>,
    pub closing: Option<Closing>,
    /// The signature blocks, in the order written.
    pub signatures: Vec<Signatures>,
    /// The text after its title, in reading order: runs of paragraphs of the preamble or of a
    /// section, and the annex, the closing and the signature blocks where they stand among
    /// them (a division such as `# Annex B` may follow any of them, a member list written
    /// `members:` stands among paragraphs).
    pub order: Vec<Placed>,
    /// The facts recognised in the prose without marks, in reading order: what plenary
    /// understood the text to state, and whether it agrees with the header, the annex or the
    /// next meeting.
    pub found: Vec<Found>,
}

/// A fact recognised in the prose without a mark.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Found {
    /// The words, as a reader reads them: `45 ASEM members`.
    pub words: String,
    /// The fact they were read as, as a mark's key writes it: `members`, `edition`, `next
    /// year`, `year`, or `weekday` for a date written with its weekday.
    pub fact: String,
    /// The line of the source the words are on, from 1.
    pub line: usize,
    /// Whether the words agree with the data; `null` when the declaration states none.
    pub agrees: Option<bool>,
    /// The data they were compared with: `45`, `the 2nd`, `2009`, or the date and its weekday.
    pub data: Option<String>,
}

/// A part of the text in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Placed {
    /// The paragraphs `from` up to (not including) `to` of the preamble (`section` is `null`)
    /// or of the section with this `id`, under the section's heading when `from` is 0.
    Paragraphs {
        section: Option<String>,
        from: usize,
        to: usize,
    },
    Annex,
    Closing,
    /// The signature block at this index (from 0) of `signatures`.
    Signatures {
        index: usize,
    },
}

/// `signed:` or `witnessed:` and the people under it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Signatures {
    /// The block names witnesses, not signatories.
    pub witnessed: bool,
    pub signatories: Vec<Signatory>,
}

/// One who signs, as written: for whom, the name, the titles.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Signatory {
    /// `For the Government of Australia:`, as written.
    pub party: Option<String>,
    pub name: Option<String>,
    pub titles: Vec<String>,
    /// The id in the registry of members of the member the party names: `AU`.
    pub registry_id: Option<String>,
}

/// A heading and the paragraphs under it; the first section may have no heading.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Section {
    /// The anchor of the section in the HTML output: `s-1`.
    pub id: String,
    pub heading: Option<Heading>,
    pub paragraphs: Vec<Paragraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Heading {
    /// 1 for a division (`# Annex B`), 2 for a heading, 3 to 6 for deeper ones.
    pub level: u8,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    /// The content as plain text.
    pub text: String,
}

/// A paragraph, numbered or not.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Paragraph {
    /// The anchor of a numbered paragraph in the HTML output: `p-14`.
    pub id: Option<String>,
    /// The number as drafted; absent for an unnumbered paragraph.
    pub number: Option<Number>,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    /// The content as plain text, references printed as their targets.
    pub text: String,
    /// The bulleted items of the text, before its sub-paragraphs.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
}

/// `- ...`: an item of a bulleted list, with the items nested under it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Bullet {
    pub content: Vec<Inline>,
    pub text: String,
    pub bullets: Vec<Bullet>,
}

/// A paragraph number as the drafter wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Number {
    /// The value: 7 for `7.` and for `VII.`; absent for a Roman numeral that is not well formed.
    pub value: Option<u32>,
    /// The number as written, without its terminator: `7`, `VII`.
    pub written: String,
    pub style: NumberStyle,
    /// The mark after the number: `.` or `、`; `)` for a number in parentheses; empty for a
    /// number alone on its line, as some treaties print it.
    pub terminator: String,
    /// The number is written in parentheses: `(31)`.
    pub parenthesized: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NumberStyle {
    Arabic,
    Roman,
}

/// `(a) ...` and the sub-paragraphs under it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Subparagraph {
    /// The anchor in the HTML output (`p-5-a`), for one in a numbered paragraph.
    pub id: Option<String>,
    /// The marker without parentheses: `a`, `ii`, `1`.
    pub marker: String,
    pub label: Option<String>,
    pub content: Vec<Inline>,
    pub text: String,
    /// The bulleted items of its text, before the sub-paragraphs under it.
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Footnote {
    /// The footnote's name as in `[^1]`.
    pub id: String,
    /// The number every output prints: footnotes are numbered in the order the text first
    /// calls them.
    pub number: u32,
    /// The anchor of its text in the HTML output: `fn-1`.
    pub anchor: String,
    pub content: Vec<Inline>,
    pub text: String,
}

/// The member annex.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Annex {
    /// The anchor in the HTML output: `annex`.
    pub id: String,
    pub label: Option<String>,
    /// Written `members:` inside the text, which goes on after it, rather than `annex:`; such a
    /// list may have no title (`title` is then empty).
    pub inline: bool,
    pub title: String,
    /// The total the title states, if it states one.
    pub stated_count: Option<u32>,
    /// How many members are listed, in all.
    pub count: u32,
    /// Members listed before any group.
    pub members: Vec<Member>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Group {
    /// The anchor in the HTML output: `annex-1`.
    pub id: String,
    pub name: String,
    pub stated_count: Option<u32>,
    /// How many members are listed in the group.
    pub count: u32,
    pub members: Vec<Member>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Member {
    /// The name as the annex lists it.
    pub name: String,
    /// The registry's id for the member: the ISO 3166-1 alpha-2 code of a country or economy
    /// (`CN`), a kebab-case word for an organisation (`european-commission`), the name itself
    /// for a member a project adds in `plenary.toml`; `null` for a name the registry does not
    /// know or that names more than one member ("Korea").
    pub registry_id: Option<String>,
    /// The ISO 3166-1 alpha-3 code (`CHN`); `null` for an organisation, and for a name the
    /// registry does not know or that names more than one member.
    pub alpha3: Option<String>,
}

/// Where, when and by whom the declaration is adopted.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Closing {
    pub place: Option<String>,
    /// `YYYY-MM-DD`; the date of adoption unless the closing states another.
    #[schemars(extend("format" = "date"))]
    pub date: Option<String>,
    /// The place and date as printed, in this language's style: `Beijing, 31 October 2007`.
    pub line: Option<String>,
    pub by: Option<String>,
}

/// Text inside a paragraph, heading or footnote. Line breaks of the source are spaces.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Inline {
    Text {
        text: String,
    },
    Emphasis {
        content: Vec<Inline>,
    },
    Strong {
        content: Vec<Inline>,
    },
    /// A quotation; the marks are not part of the content.
    Quote {
        content: Vec<Inline>,
    },
    FootnoteRef {
        /// The footnote's name.
        id: String,
        /// The footnote's number; absent for a marker whose footnote has no text (only in a
        /// draft).
        number: Option<u32>,
        /// The anchor of the footnote's text in the HTML output.
        anchor: String,
    },
    /// A link; `content` is empty when the text is the address itself.
    Link {
        target: String,
        /// False for an address that is not `http`, `https` or `mailto`, which renderers
        /// print as text.
        safe: bool,
        content: Vec<Inline>,
    },
    /// `{@label}`, resolved.
    Reference {
        label: String,
        /// What the reference prints as (`14`, `14 (a)`, a title); absent if the label does
        /// not exist (only in a draft).
        text: Option<String>,
        /// The anchor of the target in the HTML output.
        anchor: Option<String>,
    },
    /// Words that restate a fact, checked against it.
    Fact {
        text: String,
        /// The fact: `members`, `group Asia`, `dates`, `next host`, ...
        fact: String,
    },
}

/// The JSON Schema of the format, as pretty-printed JSON.
///
/// Every field of the output is always present (an absent fact is `null`), so the schema lists
/// every property of every object as required.
pub fn schema() -> String {
    let every_field_required =
        schemars::transform::RecursiveTransform(|schema: &mut schemars::Schema| {
            let Some(properties) = schema.get("properties").and_then(|p| p.as_object()) else {
                return;
            };
            let keys = properties.keys().cloned().map(serde_json::Value::String);
            schema.insert("required".to_string(), keys.collect());
        });
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .with_transform(every_field_required)
        .into_generator()
        .into_root_schema_for::<Declaration>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// Renders the print model as pretty-printed JSON: every text, or the one `--lang` asks for.
pub fn json(print: &Print, _options: &Options) -> Result<Vec<u8>, RenderError> {
    let mut bytes = serde_json::to_vec_pretty(&declaration(print)).expect("the model serializes");
    bytes.push(b'\n');
    Ok(bytes)
}

/// The JSON model of a print model.
pub fn declaration(print: &Print) -> Declaration {
    let facts = &print.facts;
    Declaration {
        format: FORMAT,
        draft: print.draft,
        title: facts.title.clone(),
        series: facts.series.clone(),
        forum: facts.forum.clone(),
        edition: facts.edition,
        host: facts.host.clone(),
        place: facts.place.clone(),
        dates: facts.dates.map(dates),
        adopted: facts.adopted.map(|d| d.to_string()),
        theme: facts.theme.clone(),
        languages: print.languages.clone(),
        authentic: facts.authentic.clone(),
        periodicity: facts.periodicity.map(|p| Periodicity {
            every_years: p.years,
            at_most: p.at_most,
        }),
        rotation: facts.rotation.as_ref().map(|(kind, hosts)| Rotation {
            kind: match kind {
                print::RotationKind::Alternate => RotationKind::Alternate,
                print::RotationKind::Sequence => RotationKind::Sequence,
            },
            hosts: hosts.clone(),
        }),
        numbering: match facts.numbering {
            print::Numbering::PerSection => Numbering::PerSection,
            print::Numbering::Continuous => Numbering::Continuous,
        },
        status: match facts.status {
            print::Status::Draft => Status::Draft,
            print::Status::Adopted => Status::Adopted,
        },
        next_meeting: facts.next_meeting.as_ref().map(meeting),
        meetings: facts.meetings.iter().map(meeting).collect(),
        versions: print.texts.iter().map(version).collect(),
    }
}

fn meeting(meeting: &print::Meeting) -> Meeting {
    Meeting {
        past: meeting.past,
        series: meeting.series.clone(),
        edition: meeting.edition,
        host: meeting.host.clone(),
        hosts: meeting.hosts.clone(),
        place: meeting.place.clone(),
        year: meeting.year,
        last_year: meeting.last_year,
        dates: meeting.dates.map(dates),
    }
}

fn dates(range: print::DateRange) -> Dates {
    Dates {
        start: range.start.to_string(),
        end: range.end.to_string(),
    }
}

fn version(text: &print::Text) -> Version {
    Version {
        language: text.language.clone(),
        original: text.original,
        title: text.title.clone(),
        series: text.series.clone(),
        place: text.place.clone(),
        theme: text.theme.clone(),
        place_and_date: text.place_and_date.clone(),
        preamble: text.preamble.iter().map(paragraph).collect(),
        sections: text
            .sections
            .iter()
            .map(|s| Section {
                id: s.anchor.clone(),
                heading: s.heading.as_ref().map(|h| Heading {
                    level: h.level,
                    label: h.label.clone(),
                    content: inlines(&h.content),
                    text: h.text.clone(),
                }),
                paragraphs: s.paragraphs.iter().map(paragraph).collect(),
            })
            .collect(),
        footnotes: text
            .footnotes
            .iter()
            .map(|f| Footnote {
                id: f.id.clone(),
                number: count(f.number),
                anchor: f.anchor.clone(),
                content: inlines(&f.content),
                text: f.text.clone(),
            })
            .collect(),
        annex: text.annex.as_ref().map(annex),
        closing: text.closing.as_ref().map(|c| Closing {
            place: c.place.clone(),
            date: c.date.map(|d| d.to_string()),
            line: c.line.clone(),
            by: c.by.clone(),
        }),
        signatures: text
            .signatures
            .iter()
            .map(|block| Signatures {
                witnessed: block.witnessed,
                signatories: block
                    .signatories
                    .iter()
                    .map(|s| Signatory {
                        party: s.party.clone(),
                        name: s.name.clone(),
                        titles: s.titles.clone(),
                        registry_id: s.registry_id.clone(),
                    })
                    .collect(),
            })
            .collect(),
        order: text
            .order()
            .into_iter()
            .map(|placed| match placed {
                print::Placed::Paragraphs { section, from, to } => Placed::Paragraphs {
                    section: section.map(|index| text.sections[index].anchor.clone()),
                    from,
                    to,
                },
                print::Placed::Annex => Placed::Annex,
                print::Placed::Closing => Placed::Closing,
                print::Placed::Signatures(index) => Placed::Signatures { index },
            })
            .collect(),
        found: text
            .found
            .iter()
            .map(|f| Found {
                words: f.words.clone(),
                fact: f.fact.clone(),
                line: f.line,
                agrees: f.agrees,
                data: f.data.clone(),
            })
            .collect(),
    }
}

fn paragraph(p: &print::Paragraph) -> Paragraph {
    Paragraph {
        id: p.anchor.clone(),
        number: p.number.as_ref().map(|n| Number {
            value: n.value,
            written: n.written.clone(),
            style: match n.style {
                print::NumberStyle::Arabic => NumberStyle::Arabic,
                print::NumberStyle::Roman => NumberStyle::Roman,
            },
            // A number alone on its line has no mark after it.
            terminator: n.terminator.to_string().trim().to_string(),
            parenthesized: n.parenthesized,
        }),
        label: p.label.clone(),
        content: inlines(&p.content),
        text: p.text.clone(),
        bullets: bullets(&p.bullets),
        subparagraphs: subparagraphs(&p.subparagraphs),
    }
}

fn bullets(list: &[print::Bullet]) -> Vec<Bullet> {
    list.iter()
        .map(|b| Bullet {
            content: inlines(&b.content),
            text: b.text.clone(),
            bullets: bullets(&b.bullets),
        })
        .collect()
}

fn subparagraphs(list: &[print::Subparagraph]) -> Vec<Subparagraph> {
    list.iter()
        .map(|s| Subparagraph {
            id: s.anchor.clone(),
            marker: s.marker.clone(),
            label: s.label.clone(),
            content: inlines(&s.content),
            text: s.text.clone(),
            bullets: bullets(&s.bullets),
            subparagraphs: subparagraphs(&s.subparagraphs),
        })
        .collect()
}

fn annex(annex: &print::Annex) -> Annex {
    let members = |list: &[print::Member]| {
        list.iter()
            .map(|m| Member {
                name: m.name.clone(),
                registry_id: m.registry_id.clone(),
                alpha3: m.alpha3.clone(),
            })
            .collect::<Vec<_>>()
    };
    Annex {
        id: annex.anchor.clone(),
        label: annex.label.clone(),
        inline: annex.inline,
        title: annex.title.clone(),
        stated_count: annex.stated_count,
        count: count(annex.count),
        members: members(&annex.members),
        groups: annex
            .groups
            .iter()
            .map(|g| Group {
                id: g.anchor.clone(),
                name: g.name.clone(),
                stated_count: g.stated_count,
                count: count(g.members.len()),
                members: members(&g.members),
            })
            .collect(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn inlines(content: &[print::Inline]) -> Vec<Inline> {
    content
        .iter()
        .map(|inline| match inline {
            print::Inline::Text(text) => Inline::Text { text: text.clone() },
            print::Inline::Emphasis(content) => Inline::Emphasis {
                content: inlines(content),
            },
            print::Inline::Strong(content) => Inline::Strong {
                content: inlines(content),
            },
            print::Inline::Quote { content, .. } => Inline::Quote {
                content: inlines(content),
            },
            print::Inline::FootnoteRef {
                id, number, target, ..
            } => Inline::FootnoteRef {
                id: id.clone(),
                number: number.map(count),
                anchor: target.clone(),
            },
            print::Inline::Link {
                target,
                safe,
                content,
            } => Inline::Link {
                target: target.clone(),
                safe: *safe,
                // The address itself prints as the link's words: an empty content says so.
                content: match content.as_slice() {
                    [print::Inline::Text(words)] if words == target => Vec::new(),
                    _ => inlines(content),
                },
            },
            print::Inline::Reference { label, target } => Inline::Reference {
                label: label.clone(),
                text: target.as_ref().map(|t| t.text.clone()),
                anchor: target.as_ref().map(|t| t.anchor.clone()),
            },
            print::Inline::Fact { text, fact } => Inline::Fact {
                text: text.clone(),
                fact: fact.clone(),
            },
        })
        .collect()
}
