//! The JSON output: the checked declaration with its facts resolved, for websites and registries.
//!
//! The types here are an output model of their own, not the syntax tree: the tree may change
//! with the language, this format changes only with [`FORMAT`]. `plenary schema` prints the JSON
//! Schema generated from the same types, and `docs/json.md` describes them.

use schemars::JsonSchema;
use serde::Serialize;

use crate::ast;
use crate::registry::Registry;
use crate::render::{self, anchor, Options, References, RenderError};

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
    /// How often the series meets.
    pub periodicity: Option<Periodicity>,
    /// Who hosts the next meetings.
    pub rotation: Option<Rotation>,
    /// How paragraph numbers run.
    pub numbering: Numbering,
    /// What the declaration states about the next meeting of the series.
    pub next_meeting: Option<NextMeeting>,
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

/// The next meeting of the series, as the declaration states it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NextMeeting {
    pub edition: Option<u32>,
    /// A member, or a group of the annex (`Europe`).
    pub host: Option<String>,
    pub place: Option<String>,
    pub year: Option<i16>,
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
    /// 2 for a heading, 3 for a sub-heading.
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
    pub subparagraphs: Vec<Subparagraph>,
}

/// A paragraph number as the drafter wrote it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Number {
    /// The value: 7 for `7.` and for `VII.`; absent for a Roman numeral that is not well formed.
    pub value: Option<u32>,
    /// The number as written, without its terminator: `7`, `VII`.
    pub written: String,
    pub style: NumberStyle,
    /// The mark after the number: `.` or `、`.
    pub terminator: String,
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
    pub subparagraphs: Vec<Subparagraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Footnote {
    /// The footnote's name as in `[^1]`.
    pub id: String,
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
    /// (`CN`), a kebab-case word for an organisation (`european-commission`); `null` for a name
    /// the built-in registry does not know or that names more than one member ("Korea").
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

/// Renders a document as pretty-printed JSON.
pub fn json(document: &ast::Document, options: &Options) -> Result<Vec<u8>, RenderError> {
    let model = declaration(document, options)?;
    let mut bytes = serde_json::to_vec_pretty(&model).expect("the model serializes");
    bytes.push(b'\n');
    Ok(bytes)
}

/// The output model of a document.
pub fn declaration(
    document: &ast::Document,
    options: &Options,
) -> Result<Declaration, RenderError> {
    let header = &document.header;
    let text =
        |field: &Option<crate::source::Spanned<String>>| field.as_ref().map(|f| f.value.clone());
    let versions = render::versions(document, options)?
        .into_iter()
        .map(|v| version(document, v))
        .collect();
    Ok(Declaration {
        format: FORMAT,
        draft: options.draft,
        title: text(&header.title),
        series: text(&header.series),
        forum: text(&header.forum),
        edition: header.edition.as_ref().map(|e| e.value.value),
        host: text(&header.host),
        place: text(&header.place),
        dates: header.dates.as_ref().map(|d| dates(d.value)),
        adopted: header.adopted.as_ref().map(|d| d.value.to_string()),
        theme: text(&header.theme),
        // The language of every version, so that a file whose header names no languages
        // still says which language its text is in.
        languages: document
            .versions
            .iter()
            .map(|v| document.language_of(v).to_string())
            .collect(),
        periodicity: header.periodicity.as_ref().map(|p| match p.value {
            ast::Periodicity::EveryYears(years) => Periodicity { every_years: years },
        }),
        rotation: header.rotation.as_ref().map(|r| {
            let (kind, hosts) = match &r.value {
                ast::Rotation::Alternate(hosts) => (RotationKind::Alternate, hosts),
                ast::Rotation::Sequence(hosts) => (RotationKind::Sequence, hosts),
            };
            Rotation {
                kind,
                hosts: hosts.iter().map(|h| h.value.clone()).collect(),
            }
        }),
        numbering: match header.numbering.as_ref().map(|n| n.value) {
            Some(ast::Numbering::PerSection) => Numbering::PerSection,
            _ => Numbering::Continuous,
        },
        next_meeting: document.next_meeting.as_ref().map(|next| NextMeeting {
            edition: next.edition.as_ref().map(|e| e.value.value),
            host: text(&next.host),
            place: text(&next.place),
            year: next.year.as_ref().map(|y| y.value),
            dates: next.dates.as_ref().map(|d| dates(d.value)),
        }),
        versions,
    })
}

fn dates(range: ast::DateRange) -> Dates {
    Dates {
        start: range.start.to_string(),
        end: range.end.to_string(),
    }
}

/// What the JSON of one version needs to resolve as it goes.
struct Cx<'a> {
    document: &'a ast::Document,
    language: &'a str,
    references: References,
}

fn version(document: &ast::Document, version: &ast::Version) -> Version {
    let cx = Cx {
        document,
        language: document.language_of(version),
        references: References::of(document, version),
    };
    let own = version.header.as_ref();
    let own_text = |field: Option<&crate::source::Spanned<String>>| field.map(|f| f.value.clone());
    Version {
        language: document.language_of(version).to_string(),
        original: version.header.is_none(),
        title: render::title(document, version).map(str::to_string),
        series: own_text(
            own.and_then(|h| h.series.as_ref())
                .or(document.header.series.as_ref()),
        ),
        place: own_text(
            own.and_then(|h| h.place.as_ref())
                .or(document.header.place.as_ref()),
        ),
        theme: own_text(
            own.and_then(|h| h.theme.as_ref())
                .or(document.header.theme.as_ref()),
        ),
        place_and_date: render::place_and_date(document, version),
        preamble: version.preamble.iter().map(|p| paragraph(&cx, p)).collect(),
        sections: version
            .sections
            .iter()
            .enumerate()
            .map(|(index, s)| section(&cx, index, s))
            .collect(),
        footnotes: version
            .footnotes
            .iter()
            .map(|f| {
                let content = inlines(&cx, &f.content);
                Footnote {
                    id: f.id.value.clone(),
                    anchor: anchor::footnote(&f.id.value),
                    text: plain(&cx, &content),
                    content,
                }
            })
            .collect(),
        annex: version.annex.as_ref().map(annex),
        closing: version.closing.as_ref().map(|c| Closing {
            place: c.place.as_ref().map(|p| p.value.clone()),
            date: c
                .date
                .as_ref()
                .map(|d| d.value)
                .or(document.header.adopted.as_ref().map(|d| d.value))
                .map(|d| d.to_string()),
            by: c.by.as_ref().map(|b| b.value.clone()),
        }),
    }
}

fn section(cx: &Cx, index: usize, section: &ast::Section) -> Section {
    Section {
        id: anchor::section(index),
        heading: section.heading.as_ref().map(|h| {
            let content = inlines(cx, &h.content);
            Heading {
                level: h.level,
                label: h.label.as_ref().map(|l| l.value.clone()),
                text: plain(cx, &content),
                content,
            }
        }),
        paragraphs: section
            .blocks
            .iter()
            .filter_map(|block| match block {
                ast::Block::NumberedParagraph(p) => Some(numbered_paragraph(cx, index, p)),
                ast::Block::Paragraph(p) => Some(paragraph(cx, p)),
                ast::Block::Unparsed(_) => None,
            })
            .collect(),
    }
}

fn numbered_paragraph(cx: &Cx, section: usize, p: &ast::NumberedParagraph) -> Paragraph {
    let id = anchor::paragraph(cx.document, section, &p.number);
    let content = inlines(cx, &p.content);
    Paragraph {
        number: Some(Number {
            value: p.number.value,
            written: p.number.written.clone(),
            style: match p.number.style {
                ast::NumberStyle::Arabic => NumberStyle::Arabic,
                ast::NumberStyle::Roman => NumberStyle::Roman,
            },
            terminator: p.number.terminator.to_string(),
        }),
        label: p.label.as_ref().map(|l| l.value.clone()),
        text: plain(cx, &content),
        content,
        subparagraphs: subparagraphs(cx, Some(&id), &p.subparagraphs),
        id: Some(id),
    }
}

fn paragraph(cx: &Cx, p: &ast::Paragraph) -> Paragraph {
    let content = inlines(cx, &p.content);
    Paragraph {
        id: None,
        number: None,
        label: p.label.as_ref().map(|l| l.value.clone()),
        text: plain(cx, &content),
        content,
        subparagraphs: subparagraphs(cx, None, &p.subparagraphs),
    }
}

fn subparagraphs(cx: &Cx, parent: Option<&str>, list: &[ast::Subparagraph]) -> Vec<Subparagraph> {
    list.iter()
        .map(|s| {
            let id = parent.map(|parent| anchor::subparagraph(parent, &s.marker.value));
            let content = inlines(cx, &s.content);
            Subparagraph {
                marker: s.marker.value.clone(),
                label: s.label.as_ref().map(|l| l.value.clone()),
                text: plain(cx, &content),
                content,
                subparagraphs: subparagraphs(cx, id.as_deref(), &s.children),
                id,
            }
        })
        .collect()
}

fn annex(annex: &ast::Annex) -> Annex {
    let members = |list: &[ast::Member]| {
        list.iter()
            .map(|m| {
                // The same lookup as the member checks: any spelling in any language.
                let entity = Registry::builtin()
                    .lookup(&m.name)
                    .map(|found| found.entity);
                Member {
                    name: m.name.clone(),
                    registry_id: entity.map(|e| e.id.clone()),
                    alpha3: entity.and_then(|e| e.alpha3.clone()),
                }
            })
            .collect::<Vec<_>>()
    };
    Annex {
        id: anchor::ANNEX.to_string(),
        label: annex.label.as_ref().map(|l| l.value.clone()),
        title: annex.title.value.clone(),
        stated_count: annex.stated_count.as_ref().map(|c| c.value),
        count: count(annex.all_members().count()),
        members: members(&annex.members),
        groups: annex
            .groups
            .iter()
            .enumerate()
            .map(|(index, g)| Group {
                id: anchor::group(index),
                name: g.name.value.clone(),
                stated_count: g.stated_count.as_ref().map(|c| c.value),
                count: count(g.members.len()),
                members: members(&g.members),
            })
            .collect(),
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The output model of inline content: soft breaks become spaces, and neighbouring words join.
fn inlines(cx: &Cx, content: &[ast::Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    let push_text = |out: &mut Vec<Inline>, text: &str| {
        if let Some(Inline::Text { text: last }) = out.last_mut() {
            last.push_str(text);
        } else {
            out.push(Inline::Text {
                text: text.to_string(),
            });
        }
    };
    for inline in content {
        match inline {
            ast::Inline::Text { text, .. } => push_text(&mut out, text),
            ast::Inline::SoftBreak { .. } => push_text(&mut out, " "),
            ast::Inline::Emphasis { content, .. } => out.push(Inline::Emphasis {
                content: inlines(cx, content),
            }),
            ast::Inline::Strong { content, .. } => out.push(Inline::Strong {
                content: inlines(cx, content),
            }),
            ast::Inline::Quote { content, .. } => out.push(Inline::Quote {
                content: inlines(cx, content),
            }),
            ast::Inline::FootnoteRef { id, .. } => out.push(Inline::FootnoteRef {
                id: id.clone(),
                anchor: anchor::footnote(id),
            }),
            ast::Inline::Link {
                content, target, ..
            } => out.push(Inline::Link {
                target: target.clone(),
                safe: render::is_safe_link(target),
                content: inlines(cx, content),
            }),
            ast::Inline::Reference { name, .. } => out.push(Inline::Reference {
                label: name.clone(),
                text: cx.references.get(name).map(str::to_string),
                anchor: cx.references.anchor(name).map(str::to_string),
            }),
            ast::Inline::Fact { text, key, .. } => out.push(Inline::Fact {
                text: text.value.clone(),
                fact: fact_name(&key.value),
            }),
        }
    }
    out
}

/// A fact as the drafter names it: `members`, `group Asia`, `next host`.
fn fact_name(key: &ast::FactKey) -> String {
    let meeting = |fact: ast::MeetingFact| match fact {
        ast::MeetingFact::Edition => "edition",
        ast::MeetingFact::Host => "host",
        ast::MeetingFact::Place => "place",
        ast::MeetingFact::Dates => "dates",
        ast::MeetingFact::Year => "year",
        ast::MeetingFact::Adopted => "adopted",
        ast::MeetingFact::Series => "series",
        ast::MeetingFact::Theme => "theme",
        ast::MeetingFact::Forum => "forum",
    };
    match key {
        ast::FactKey::Members => "members".to_string(),
        ast::FactKey::Group(name) => format!("group {name}"),
        ast::FactKey::Meeting(fact) => meeting(*fact).to_string(),
        ast::FactKey::Next(fact) => format!("next {}", meeting(*fact)),
    }
}

/// The plain text of output inlines: what a reader sees, without the marks of emphasis.
fn plain(cx: &Cx, content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text { text } | Inline::Fact { text, .. } => out.push_str(text),
            Inline::Emphasis { content } | Inline::Strong { content } => {
                out.push_str(&plain(cx, content))
            }
            Inline::Quote { content } => {
                let (open, close) = render::quotation_marks(cx.language);
                out.push_str(open);
                out.push_str(&plain(cx, content));
                out.push_str(close);
            }
            Inline::FootnoteRef { .. } => {}
            Inline::Link {
                target, content, ..
            } => {
                if content.is_empty() {
                    out.push_str(target)
                } else {
                    out.push_str(&plain(cx, content))
                }
            }
            Inline::Reference { label, text, .. } => match text {
                Some(text) => out.push_str(text),
                None => {
                    out.push_str("{@");
                    out.push_str(label);
                    out.push('}');
                }
            },
        }
    }
    out
}
