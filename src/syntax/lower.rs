//! Lowering: the pest pairs of one block to syntax-tree items.
//!
//! Field values are read here with the grammar's value rules (`date_value`, `rotation_value`,
//! ...), and mistakes that the grammar accepts on purpose so that they can be reported well (an
//! unclosed quotation, an unknown field, a `{...}` that is no construct) become diagnostics here.

use pest::Parser;

use super::cst::{self, SyntaxNode};
use super::{PlenaryParser, Rule};
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::numbers;
use crate::source::{Span, Spanned};
use crate::suggest::suggest;

/// What one block of the file is.
#[derive(Debug)]
pub enum Item {
    // Boxed: a header is much larger than any other block.
    Header(Box<Header>),
    Comments,
    Heading(Heading),
    Meeting(Meeting),
    Closing(Closing),
    Signatures(Signatures),
    Version(VersionHeader),
    Annex(Annex),
    Group(Group),
    /// Members listed after a blank line, and the lines among them that are not members.
    Members(Vec<Member>, Vec<Span>),
    Footnote(Footnote),
    /// Sub-paragraphs and bulleted items after a blank line: they continue the paragraph
    /// before them.
    Listed(Listed),
    NumberedParagraph(NumberedParagraph),
    Paragraph(Paragraph),
    Unparsed(Unparsed),
}

/// Lowers the blocks of one file; `base` is the offset of the current block in the file.
pub struct Lowerer {
    base: usize,
    pub diagnostics: Vec<Diagnostic>,
    comments: Vec<Comment>,
    /// Where the text starts that a block of fields ran into without a blank line: the rest of
    /// the block from there is read as a block of its own.
    pub tail: Option<usize>,
    /// The diagnostic, among `diagnostics`, of a quotation left open at the end of the block:
    /// dropped when the next paragraph opens with a quotation mark, as every paragraph of a
    /// quotation over several paragraphs does, the last alone closing it.
    pub open_quotation: Option<usize>,
}

/// The fields each kind of field block knows, in the order the documentation lists them.
pub(crate) const HEADER_FIELDS: &[&str] = &[
    "title",
    "series",
    "forum",
    "edition",
    "host",
    "place",
    "dates",
    "adopted",
    "theme",
    "languages",
    "authentic",
    "periodicity",
    "rotation",
    "numbering",
    "status",
];
pub(crate) const MEETING_FIELDS: &[&str] = &["series", "edition", "host", "place", "year", "dates"];
/// The facts of the next meeting that `{... = next ...}` may mark.
const NEXT_MEETING_FACTS: &[&str] = &["edition", "host", "place", "year", "dates"];
pub(crate) const CLOSING_FIELDS: &[&str] = &["place", "date", "by"];
pub(crate) const VERSION_FIELDS: &[&str] = &["title", "series", "place", "theme"];
/// Keywords that start a block of their own and so cannot be a field.
const BLOCK_KEYWORDS: &[&str] = &[
    "members",
    "next meeting",
    "past meeting",
    "closing",
    "version",
    "annex",
    "group",
    "signed",
    "witnessed",
];

/// The facts a marked fact may name, for messages.
const FACT_NAMES: &[&str] = &[
    "members",
    "group NAME",
    "edition",
    "host",
    "place",
    "dates",
    "year",
    "adopted",
    "series",
    "theme",
    "forum",
    "next edition",
    "next host",
    "next place",
    "next year",
    "next dates",
];

impl Lowerer {
    pub fn new(base: usize) -> Lowerer {
        Lowerer {
            base,
            diagnostics: Vec::new(),
            comments: Vec::new(),
            tail: None,
            open_quotation: None,
        }
    }

    fn span(&self, node: &SyntaxNode) -> Span {
        node.span()
    }

    fn spanned(&self, pair: &SyntaxNode) -> Spanned<String> {
        Spanned::new(pair.text().to_string(), self.span(pair))
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Lowers the pair of an entry rule (`header_block` or `block_entry`).
    pub fn block(&mut self, entry: SyntaxNode) -> (Item, Vec<Comment>) {
        let mut block = None;
        for pair in entry.inner() {
            match pair.as_rule() {
                // Notes right above a block belong to the file, in their place.
                Rule::comment => self.comment(pair),
                Rule::EOI => {}
                _ => block = Some(pair),
            }
        }
        let pair = block.expect("an entry rule holds its block");
        let item = match pair.as_rule() {
            Rule::header => Item::Header(Box::new(self.header(pair))),
            Rule::comment_block => {
                for comment in pair.inner() {
                    self.comment(comment);
                }
                Item::Comments
            }
            Rule::heading => Item::Heading(self.heading(pair)),
            Rule::meeting => Item::Meeting(self.meeting(pair)),
            Rule::closing => Item::Closing(self.closing(pair)),
            Rule::signatures => Item::Signatures(self.signatures(pair)),
            Rule::version => Item::Version(self.version(pair)),
            Rule::annex => Item::Annex(self.annex(pair)),
            Rule::group => Item::Group(self.group(pair)),
            Rule::footnote => Item::Footnote(self.footnote(pair)),
            Rule::subparagraph_block | Rule::bullet_list => {
                let mut listed = Listed::default();
                for part in pair.inner() {
                    self.listed_part(part, &mut listed);
                }
                Item::Listed(listed)
            }
            Rule::member_list => {
                let (members, unreadable) = self.members(pair.inner());
                Item::Members(members, unreadable)
            }
            Rule::numbered_paragraph => Item::NumberedParagraph(self.numbered_paragraph(pair)),
            Rule::paragraph => Item::Paragraph(self.paragraph(pair)),
            rule => unreachable!("block_entry yields no {rule:?}"),
        };
        (item, std::mem::take(&mut self.comments))
    }

    /// A block the grammar could not read, as far as its words tell: a footnote text keeps its
    /// name and its words as they are; any other block stays unread (see [`Lowerer::unparsed`]).
    pub fn unread(&mut self, text: &str) -> Item {
        let definition = cst::fragment(Rule::footnote_ref, text, self.base).filter(|tree| {
            tree.first()
                .is_some_and(|pair| text[pair.text().len()..].starts_with([':', '：']))
        });
        match definition.as_ref().and_then(|tree| tree.first()) {
            Some(pair) => {
                let marker = pair.text().len();
                let id = pair.inner().next().expect("a footnote id");
                let id = self.spanned(&id);
                let colon = text[marker..].chars().next().map_or(1, char::len_utf8);
                let words = &text[marker + colon..];
                let start = self.base + marker + colon + (words.len() - words.trim_start().len());
                let words = words.trim();
                Item::Footnote(Footnote {
                    id,
                    content: vec![Inline::Text {
                        text: words.to_string(),
                        span: Span::new(start, start + words.len()),
                    }],
                    span: Span::new(self.base, self.base + text.len()),
                })
            }
            None => Item::Unparsed(self.unparsed(text)),
        }
    }

    /// What can be recovered from the words of a block the grammar could not read: the
    /// paragraph number it starts with, and the labels, references and footnote markers in it,
    /// each found with the grammar's own rule so that they are read as in any other block.
    fn unparsed(&mut self, text: &str) -> Unparsed {
        let number = cst::fragment(Rule::paragraph_number, text, self.base)
            .and_then(|tree| tree.first().map(|pair| self.paragraph_number(pair)));
        // Whatever the number's own reading reports is left to the error on the whole block.
        self.diagnostics.clear();
        let mut labels = Vec::new();
        let mut references = Vec::new();
        let mut footnote_refs = Vec::new();
        for (at, _) in text.match_indices('{') {
            let read = |rule| cst::fragment(rule, &text[at..], self.base + at);
            if let Some(tree) = read(Rule::label) {
                labels.extend(tree.first().map(|pair| self.label_name(pair)));
            } else if let Some(tree) = read(Rule::reference) {
                references.extend(
                    tree.first()
                        .and_then(|pair| pair.inner().next())
                        .map(|name| name.text().to_string()),
                );
            }
        }
        for (at, _) in text.match_indices("[^") {
            let tree = cst::fragment(Rule::footnote_ref, &text[at..], self.base + at);
            if let Some(pair) = tree.as_ref().and_then(|tree| tree.first()) {
                let after = &text[at + pair.text().len()..];
                if !after.starts_with([':', '：']) {
                    let id = pair.inner().next().expect("a footnote id");
                    footnote_refs.push(id.text().to_string());
                }
            }
        }
        Unparsed {
            text: text.to_string(),
            number,
            labels,
            references,
            footnote_refs,
            subparagraphs: Vec::new(),
            span: Span::new(self.base, self.base + text.len()),
        }
    }

    fn comment(&mut self, pair: SyntaxNode) {
        let span = self.span(&pair);
        let text = pair
            .inner()
            .next()
            .map(|p| p.text().trim_end().to_string())
            .unwrap_or_default();
        self.comments.push(Comment { text, span });
    }

    // -----------------------------------------------------------------------------------------
    // Field blocks

    /// Collects the fields of a block, reporting unknown, duplicate and empty ones and the lines
    /// that are not fields. Returns the usable fields; the keys of the unusable ones go to
    /// `unusable`. Lines at the end of the block that read as the start of the text (a
    /// paragraph number, a heading, a sentence) are not the block's: [`Lowerer::tail`] then says
    /// where that text starts, so that it is read as a block of its own.
    fn fields<'t>(
        &mut self,
        owner: SyntaxNode,
        pairs: impl Iterator<Item = SyntaxNode<'t>>,
        known: &[&str],
        block: &str,
        unusable: &mut Unusable,
    ) -> Vec<Field> {
        let mut fields: Vec<Field> = Vec::new();
        let mut invalid: Vec<(Span, String)> = Vec::new();
        let mut last_field_end = 0;
        for pair in pairs {
            match pair.as_rule() {
                Rule::comment => self.comment(pair),
                // Words on the keyword's own line (`closing: Beijing`) are no field either; a
                // field there (`next meeting: year: 2009`) is reported, and read all the same.
                Rule::invalid_line | Rule::field
                    if block != "header" && on_keyword_line(owner, pair) =>
                {
                    let keyword = owner.text().split(':').next().unwrap_or_default().trim();
                    let words = pair.text().trim();
                    self.error(
                        Diagnostic::error(
                            "syntax::expected-field",
                            format!("`{keyword}:` stands on a line of its own"),
                        )
                        .primary(self.span(&pair), "on the keyword's line")
                        .help(match pair.as_rule() {
                            Rule::field => format!("write `{words}` on the line below `{keyword}:`"),
                            _ => format!(
                                "write the facts on the lines below `{keyword}:`, one field per line, such as `place: Beijing`"
                            ),
                        }),
                    );
                    if pair.as_rule() == Rule::field {
                        if let Some(field) = self.field(pair, &mut last_field_end) {
                            match self.field_is_usable(&field, &fields, known, block) {
                                Usable::Yes => fields.push(field),
                                Usable::No => {}
                                Usable::Meant(key) => unusable.push(key),
                            }
                        }
                    }
                }
                Rule::invalid_line => invalid.push((self.span(&pair), pair.text().to_string())),
                Rule::field => {
                    if let Some(field) = self.field(pair, &mut last_field_end) {
                        match self.field_is_usable(&field, &fields, known, block) {
                            Usable::Yes => fields.push(field),
                            Usable::No => {}
                            Usable::Meant(key) => unusable.push(key),
                        }
                    }
                }
                _ => {}
            }
        }
        let tail = invalid
            .iter()
            .position(|(span, _)| span.start > last_field_end)
            .filter(|&first| starts_text(&invalid[first].1, known));
        if let Some(first) = tail {
            let (span, _) = invalid[first];
            self.error(super::expected::missing_blank_line(span, block));
            self.tail = Some(span.start as usize);
            self.comments.retain(|c| c.span.start < span.start);
            invalid.truncate(first);
        }
        for (span, line) in invalid {
            let mut diagnostic = super::expected::not_a_field(span, block);
            // `place Beijing, China`: a field that lost its colon.
            let line = line.trim();
            if let Some((word, rest)) = line.split_once(char::is_whitespace) {
                if let Some(key) = known.iter().find(|k| **k == word.to_lowercase()) {
                    diagnostic = diagnostic.help(format!(
                        "write a colon after the field's name: `{key}: {}`",
                        rest.trim()
                    ));
                    unusable.push(key.to_string());
                }
            }
            self.error(diagnostic);
        }
        fields
    }

    /// A `key: value` line, its value without the spaces after it; `end` is moved past it.
    fn field(&mut self, pair: SyntaxNode, end: &mut u32) -> Option<Field> {
        let span = self.span(&pair);
        *end = span.end;
        let mut inner = pair.inner();
        let key = self.spanned(&inner.next()?);
        let value_pair = inner.next()?;
        let trimmed = value_pair.text().trim_end();
        let value_span = self.span(&value_pair);
        let start = value_span.start as usize;
        let value = Spanned::new(trimmed.to_string(), Span::new(start, start + trimmed.len()));
        Some(Field { key, value, span })
    }

    fn field_is_usable(
        &mut self,
        field: &Field,
        seen: &[Field],
        known: &[&str],
        block: &str,
    ) -> Usable {
        let key = field.key.value.as_str();
        if BLOCK_KEYWORDS.contains(&key) && field.value.value.is_empty() {
            self.error(
                Diagnostic::error(
                    "syntax::keyword-inside-block",
                    format!("`{key}:` starts a block of its own, but it stands inside the {block}"),
                )
                .primary(field.key.span, "this starts a new block")
                .help(format!(
                    "leave a blank line before `{key}:`, and start it at the beginning of its line"
                )),
            );
            return Usable::No;
        }
        if !known.contains(&key) {
            let lower = key.to_lowercase();
            let mut diagnostic = Diagnostic::error(
                "syntax::unknown-field",
                format!("the {block} has no field `{key}`"),
            )
            .primary(field.key.span, "unknown field");
            let meant = suggest(&lower, known.iter().copied());
            diagnostic = match meant {
                Some(best) => diagnostic.help(format!("did you mean `{best}`?")),
                None => diagnostic.help(format!(
                    "the fields of the {block} are: {}; if this line is text, leave a blank line before it",
                    known.join(", ")
                )),
            };
            self.error(diagnostic);
            return match meant {
                Some(best) => Usable::Meant(best.to_string()),
                None => Usable::No,
            };
        }
        if let Some(first) = seen.iter().find(|f| f.key.value == key) {
            self.error(
                Diagnostic::error(
                    "syntax::duplicate-field",
                    format!("the {block} states `{key}` twice"),
                )
                .primary(field.span, "stated again here")
                .secondary(first.span, "first stated here")
                .help("keep one of the two lines"),
            );
            return Usable::No;
        }
        if field.value.value.is_empty() {
            self.error(
                Diagnostic::error(
                    "syntax::empty-field",
                    format!("the field `{key}` has no value"),
                )
                .primary(field.span, "nothing after the colon")
                .help(format!(
                    "write the {key} after `{key}:`, or remove the line"
                )),
            );
            return Usable::Meant(key.to_string());
        }
        Usable::Yes
    }

    fn header(&mut self, pair: SyntaxNode) -> Header {
        let span = self.span(&pair);
        let mut header = Header {
            span,
            ..Header::default()
        };
        let fields = self.fields(
            pair,
            pair.inner(),
            HEADER_FIELDS,
            "header",
            &mut header.unusable,
        );
        for field in &fields {
            let value = || field.value.clone();
            let read = match field.key.value.as_str() {
                "title" => set(&mut header.title, Some(value())),
                "series" => set(&mut header.series, Some(value())),
                "forum" => set(&mut header.forum, Some(value())),
                "host" => set(&mut header.host, Some(value())),
                "place" => set(&mut header.place, Some(value())),
                "theme" => set(&mut header.theme, Some(value())),
                "edition" => set(&mut header.edition, self.ordinal(field)),
                "dates" => set(&mut header.dates, self.date_range(field)),
                "adopted" => set(&mut header.adopted, self.date(field)),
                "languages" => {
                    header.languages = self.languages(field);
                    !header.languages.is_empty()
                }
                "authentic" => {
                    header.authentic = self.languages(field);
                    !header.authentic.is_empty()
                }
                "periodicity" => set(&mut header.periodicity, self.periodicity(field)),
                "rotation" => set(&mut header.rotation, self.rotation(field)),
                "numbering" => set(&mut header.numbering, self.numbering(field)),
                "status" => set(&mut header.status, self.status(field)),
                _ => unreachable!("unknown fields are filtered out"),
            };
            if !read {
                header.unusable.push(field.key.value.clone());
            }
        }
        // An empty `title:` is reported as an empty field already.
        if header.title.is_none() && !header.unusable.iter().any(|k| k == "title") {
            self.error(
                Diagnostic::error("syntax::missing-title", "the header has no title")
                    .primary(
                        Span::new(span.start as usize, span.start as usize),
                        "the header starts here",
                    )
                    .help("add a line `title: ...` to the header"),
            );
        }
        header.fields = fields;
        header
    }

    fn meeting(&mut self, pair: SyntaxNode) -> Meeting {
        let span = self.span(&pair);
        let past = pair.text().starts_with("past meeting");
        let mut inner = pair.inner();
        // The keyword is the first pair; the fields follow.
        inner.next();
        let mut meeting = Meeting {
            past,
            span,
            ..Meeting::default()
        };
        let what = if past { "past meeting" } else { "next meeting" };
        let fields = self.fields(pair, inner, MEETING_FIELDS, what, &mut meeting.unusable);
        for field in &fields {
            let read = match field.key.value.as_str() {
                "series" => set(&mut meeting.series, Some(field.value.clone())),
                "edition" => set(&mut meeting.edition, self.ordinal(field)),
                "host" => set(&mut meeting.host, Some(field.value.clone())),
                "place" => set(&mut meeting.place, Some(field.value.clone())),
                "year" => set(&mut meeting.year, self.meeting_year(field)),
                "dates" => set(&mut meeting.dates, self.date_range(field)),
                _ => unreachable!("unknown fields are filtered out"),
            };
            if !read {
                meeting.unusable.push(field.key.value.clone());
            }
        }
        meeting.fields = fields;
        meeting
    }

    fn closing(&mut self, pair: SyntaxNode) -> Closing {
        let span = self.span(&pair);
        let mut closing = Closing {
            span,
            ..Closing::default()
        };
        let fields = self.fields(
            pair,
            pair.inner(),
            CLOSING_FIELDS,
            "closing",
            &mut closing.unusable,
        );
        for field in &fields {
            let read = match field.key.value.as_str() {
                "place" => set(&mut closing.place, Some(field.value.clone())),
                "date" => set(&mut closing.date, self.date(field)),
                "by" => set(&mut closing.by, Some(field.value.clone())),
                _ => unreachable!("unknown fields are filtered out"),
            };
            if !read {
                closing.unusable.push(field.key.value.clone());
            }
        }
        closing.fields = fields;
        closing
    }

    fn signatures(&mut self, pair: SyntaxNode) -> Signatures {
        let span = self.span(&pair);
        let mut signatures = Signatures {
            witnessed: false,
            signatories: Vec::new(),
            at: Position::default(),
            span,
        };
        for part in pair.inner() {
            match part.as_rule() {
                Rule::signatures_keyword => signatures.witnessed = part.text() == "witnessed",
                Rule::comment => self.comment(part),
                Rule::signatory => signatures.signatories.push(self.signatory(part)),
                Rule::invalid_line => self.error(
                    Diagnostic::error(
                        "syntax::expected-signatory",
                        "a line under `signed:` that is not a signatory",
                    )
                    .primary(self.span(&part), "expected `- ` and a signatory")
                    .help("write each signatory after `- `, and indent the lines that go on with it; end the block with a blank line"),
                ),
                _ => {}
            }
        }
        signatures
    }

    fn signatory(&mut self, pair: SyntaxNode) -> Signatory {
        let span = self.span(&pair);
        let mut signatory = Signatory {
            party: None,
            party_name: None,
            name: None,
            titles: Vec::new(),
            span,
        };
        for line in pair.inner() {
            let raw = line.text();
            let start = self.span(&line).start as usize + (raw.len() - raw.trim_start().len());
            let text = raw.trim();
            let value = Spanned::new(text.to_string(), Span::new(start, start + text.len()));
            match party_name(text) {
                Some(name) if signatory.party.is_none() => {
                    let at = start + (text.len() - name.len());
                    signatory.party_name = Some(Spanned::new(
                        name.to_string(),
                        Span::new(at, at + name.len()),
                    ));
                    signatory.party = Some(value);
                }
                _ if signatory.name.is_none() => signatory.name = Some(value),
                _ => signatory.titles.push(value),
            }
        }
        signatory
    }

    fn version(&mut self, pair: SyntaxNode) -> VersionHeader {
        let span = self.span(&pair);
        let mut inner = pair.inner();
        let written = inner.next().expect("a version names its language");
        let language = self.spanned(&written);
        let language = Spanned::new(
            language.value.trim_end().to_string(),
            Span::new(
                language.span.start as usize,
                language.span.start as usize + language.value.trim_end().len(),
            ),
        );
        let mut unusable = Unusable::new();
        if PlenaryParser::parse(Rule::language_value, &language.value).is_err() {
            self.error(super::expected::expected_language(language.span));
            unusable.push("language".to_string());
        }
        let fields = self.fields(pair, inner, VERSION_FIELDS, "version header", &mut unusable);
        let find = |key: &str| {
            fields
                .iter()
                .find(|f| f.key.value == key)
                .map(|f| f.value.clone())
        };
        VersionHeader {
            language,
            title: find("title"),
            series: find("series"),
            place: find("place"),
            theme: find("theme"),
            fields,
            unusable,
            span,
        }
    }

    // -----------------------------------------------------------------------------------------
    // Field values

    fn invalid_value(&mut self, field: &Field, code: &'static str, what: &str, help: &str) {
        self.error(
            Diagnostic::error(code, format!("`{}` is not {what}", field.value.value))
                .primary(field.value.span, format!("expected {what}"))
                .help(help.to_string()),
        );
    }

    fn ordinal(&mut self, field: &Field) -> Option<Spanned<Ordinal>> {
        match numbers::read_ordinal(&field.value.value, "en") {
            Some(value) if value > 0 => Some(Spanned::new(Ordinal { value }, field.value.span)),
            _ => {
                self.invalid_value(
                    field,
                    "syntax::invalid-ordinal",
                    "an ordinal",
                    "write it as `first`, `1st`, `twenty-first`, `21st` or `XXI`",
                );
                None
            }
        }
    }

    fn date(&mut self, field: &Field) -> Option<Spanned<Date>> {
        if value_tree(Rule::date_value, field).is_none() {
            self.invalid_value(
                field,
                "syntax::invalid-date",
                "a date written YYYY-MM-DD",
                "write the date as year-month-day, for example `2007-10-31`",
            );
            return None;
        }
        let text = field.value.value.trim();
        self.calendar_date(text, field.value.span)
            .map(|date| Spanned::new(date, field.value.span))
    }

    /// Checks that `YYYY-MM-DD` names a day of the calendar.
    fn calendar_date(&mut self, text: &str, span: Span) -> Option<Date> {
        let mut parts = text.split('-').map(|p| p.parse::<i16>().unwrap_or(0));
        let (year, month, day) = (
            parts.next().unwrap_or(0),
            parts.next().unwrap_or(0) as i8,
            parts.next().unwrap_or(0) as i8,
        );
        match Date::new(year, month, day) {
            Ok(date) => Some(date),
            Err(_) => {
                let why = if !(1..=12).contains(&month) {
                    format!("there is no month {month}")
                } else {
                    let days = Date::new(year, month, 1)
                        .map(|d| d.days_in_month())
                        .unwrap_or(31);
                    format!(
                        "{} {year} has {days} days",
                        jiff::civil::Date::new(year, month, 1)
                            .map(|d| d.strftime("%B").to_string())
                            .unwrap_or_default()
                    )
                };
                self.error(
                    Diagnostic::error(
                        "syntax::invalid-date",
                        format!("`{text}` is not a date of the calendar: {why}"),
                    )
                    .primary(span, "no such day")
                    .help("check the day and the month"),
                );
                None
            }
        }
    }

    fn date_range(&mut self, field: &Field) -> Option<Spanned<DateRange>> {
        let Some(tree) = value_tree(Rule::date_range_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-date",
                "a date or a range of dates",
                "write one date as `2018-06-23`, or a range as `2007-10-30 to 2007-10-31`",
            );
            return None;
        };
        let texts: Vec<String> = tree
            .root()
            .descendants()
            .filter(|p| p.rule() == Some(Rule::date))
            .map(|p| p.text().to_string())
            .collect();
        let span = field.value.span;
        let start = self.calendar_date(&texts[0], span)?;
        let end = match texts.get(1) {
            Some(text) => self.calendar_date(text, span)?,
            None => start,
        };
        if end < start {
            self.error(
                Diagnostic::error(
                    "syntax::invalid-date",
                    format!("the meeting ends on {end}, before it starts on {start}"),
                )
                .primary(span, "the last day comes before the first")
                .help("write the first day first: `FIRST to LAST`"),
            );
            return None;
        }
        Some(Spanned::new(DateRange { start, end }, span))
    }

    /// A meeting's year: `2009`, `mid-2002`, `2027 or 2028`.
    fn meeting_year(&mut self, field: &Field) -> Option<Spanned<MeetingYear>> {
        let Some(tree) = value_tree(Rule::year_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a year",
                "write the year in four digits, for example `2009`; `mid-2002` or `2027 or 2028` say when, or between which years",
            );
            return None;
        };
        let years: Vec<i16> = tree
            .root()
            .descendants()
            .filter(|p| p.rule() == Some(Rule::year))
            .filter_map(|p| p.text().parse().ok())
            .collect();
        let (first, last) = match years[..] {
            [year] => (year, year),
            [first, last] if first < last => (first, last),
            _ => {
                self.invalid_value(
                    field,
                    "syntax::invalid-value",
                    "a span of years",
                    "write the earlier year first: `2027 or 2028`",
                );
                return None;
            }
        };
        Some(Spanned::new(MeetingYear { first, last }, field.value.span))
    }

    fn languages(&mut self, field: &Field) -> Vec<Spanned<String>> {
        if value_tree(Rule::languages_value, field).is_none() {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a list of language tags",
                "write the language tags separated by commas, the original first: `en, zh`",
            );
            return Vec::new();
        }
        let start = field.value.span.start as usize;
        let text = &field.value.value;
        let mut tags = Vec::new();
        let mut offset = 0;
        for part in text.split(',') {
            let tag = part.trim();
            let at = offset + part.find(tag).unwrap_or(0);
            tags.push(Spanned::new(
                tag.to_string(),
                Span::new(start + at, start + at + tag.len()),
            ));
            offset += part.len() + 1;
        }
        tags
    }

    fn periodicity(&mut self, field: &Field) -> Option<Spanned<Periodicity>> {
        let Some(tree) = value_tree(Rule::periodicity_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a periodicity",
                "write `annual`, `biennial`, `triennial`, `every N years` or `at most every N years`",
            );
            return None;
        };
        let mut inner = tree
            .first()
            .expect("periodicity_value holds its kind")
            .inner()
            .peekable();
        let at_most = inner.next_if(|p| p.as_rule() == Rule::at_most).is_some();
        let kind = inner.next().expect("periodicity_value holds its kind");
        let years = match kind.as_rule() {
            Rule::annual => 1,
            Rule::biennial => 2,
            Rule::triennial => 3,
            Rule::every_n_years => kind
                .inner()
                .next()
                .and_then(|p| p.text().parse().ok())
                .unwrap_or(0),
            rule => unreachable!("periodicity_value yields no {rule:?}"),
        };
        if years == 0 {
            // Zero, or a number too large to read: neither is how often a series meets.
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a periodicity",
                "write the years between two meetings, from 1 up: `annual`, `biennial` or `every 4 years`",
            );
            return None;
        }
        let periodicity = if at_most {
            Periodicity::AtMostEveryYears(years)
        } else {
            Periodicity::EveryYears(years)
        };
        Some(Spanned::new(periodicity, field.value.span))
    }

    fn rotation(&mut self, field: &Field) -> Option<Spanned<Rotation>> {
        let Some(tree) = value_tree(Rule::rotation_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a rotation rule",
                "write `alternate Asia; Europe` (groups of the annex) or `sequence China; Philippines; Peru` (hosts in turn), names separated by semicolons",
            );
            return None;
        };
        let kind = tree
            .first()
            .and_then(|p| p.inner().next())
            .expect("rotation_value holds its kind");
        let rule = kind.as_rule();
        let names: Vec<Spanned<String>> = kind
            .descendants()
            .filter(|p| p.rule() == Some(Rule::list_name))
            .map(|p| Spanned::new(p.text().to_string(), p.span()))
            .collect();
        if rule == Rule::alternate && names.len() < 2 {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a rotation between two or more groups",
                "name the groups that take turns, separated by semicolons: `alternate Asia; Europe`",
            );
            return None;
        }
        let rotation = match rule {
            Rule::alternate => Rotation::Alternate(names),
            _ => Rotation::Sequence(names),
        };
        Some(Spanned::new(rotation, field.value.span))
    }

    fn numbering(&mut self, field: &Field) -> Option<Spanned<Numbering>> {
        let Some(tree) = value_tree(Rule::numbering_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "a numbering rule",
                "write `continuous` (one sequence across sections) or `per section`",
            );
            return None;
        };
        let kind = tree.first().and_then(|p| p.inner().next());
        let numbering = match kind.map(|p| p.as_rule()) {
            Some(Rule::per_section) => Numbering::PerSection,
            _ => Numbering::Continuous,
        };
        Some(Spanned::new(numbering, field.value.span))
    }

    fn status(&mut self, field: &Field) -> Option<Spanned<Status>> {
        let Some(tree) = value_tree(Rule::status_value, field) else {
            self.invalid_value(
                field,
                "syntax::invalid-value",
                "the status of the text",
                "write `draft` (still negotiated) or `adopted`",
            );
            return None;
        };
        let kind = tree.first().and_then(|p| p.inner().next());
        let status = match kind.map(|p| p.as_rule()) {
            Some(Rule::draft) => Status::Draft,
            _ => Status::Adopted,
        };
        Some(Spanned::new(status, field.value.span))
    }

    // -----------------------------------------------------------------------------------------
    // Text blocks

    fn heading(&mut self, pair: SyntaxNode) -> Heading {
        let span = self.span(&pair);
        let text = pair.text();
        let marks = text.bytes().take_while(|b| *b == b'#').count();
        let spaced = text[marks..].starts_with([' ', '\t']);
        // `#` starts a division of the text (an annex, an appendix, a part), `##` to `######`
        // headings inside it. A heading written with more marks is still a heading, so that
        // its section keeps its place: only the marks are reported.
        let level = marks.clamp(1, 6) as u8;
        let mut content = Content::default();
        for part in pair.inner() {
            if part.as_rule() == Rule::inline {
                content = self.inline(part);
            }
        }
        let words = content.inlines.iter().any(|i| match i {
            Inline::Text { text, .. } => !text.trim().is_empty(),
            _ => true,
        });
        if !(1..=6).contains(&marks) || !spaced || !words {
            let line = text.lines().next().unwrap_or_default();
            self.error(super::expected::invalid_heading(Span::new(
                span.start as usize,
                span.start as usize + line.len(),
            )));
        }
        let label = self.one_label(content.labels, "heading");
        Heading {
            level,
            label,
            content: trim_end(content.inlines),
            span,
        }
    }

    fn numbered_paragraph(&mut self, pair: SyntaxNode) -> NumberedParagraph {
        let span = self.span(&pair);
        let mut inner = pair.inner();
        let number = self.paragraph_number(inner.next().expect("a number"));
        let parts = self.paragraph_parts(inner, "paragraph");
        NumberedParagraph {
            number,
            label: parts.label,
            content: parts.content,
            bullets: parts.bullets,
            subparagraphs: parts.subparagraphs,
            span,
        }
    }

    fn paragraph(&mut self, pair: SyntaxNode) -> Paragraph {
        let span = self.span(&pair);
        let number_like = number_like(pair.text(), span.start as usize);
        let parts = self.paragraph_parts(pair.inner(), "paragraph");
        Paragraph {
            number_like,
            label: parts.label,
            content: parts.content,
            bullets: parts.bullets,
            subparagraphs: parts.subparagraphs,
            span,
        }
    }

    fn paragraph_parts<'t>(
        &mut self,
        pairs: impl Iterator<Item = SyntaxNode<'t>>,
        what: &str,
    ) -> Parts {
        let mut content = Content::default();
        let mut listed = Listed::default();
        for part in pairs {
            match part.as_rule() {
                Rule::inline => content = self.inline(part),
                _ => self.listed_part(part, &mut listed),
            }
        }
        Parts {
            label: self.one_label(content.labels, what),
            content: trim_end(content.inlines),
            bullets: listed.bullets,
            subparagraphs: listed.subparagraphs,
        }
    }

    /// A sub-paragraph, or a bulleted item, of a paragraph: an item goes with the last
    /// sub-paragraph before it, or with the paragraph's own text when none is.
    fn listed_part(&mut self, part: SyntaxNode, listed: &mut Listed) {
        match part.as_rule() {
            Rule::subparagraph => listed.subparagraphs.push(self.subparagraph(part)),
            Rule::bullet => {
                let bullet = self.bullet(part);
                match listed.subparagraphs.last_mut() {
                    Some(last) => last.bullets.push(bullet),
                    None => listed.bullets.push(bullet),
                }
            }
            _ => {}
        }
    }

    fn bullet(&mut self, pair: SyntaxNode) -> Bullet {
        let span = self.span(&pair);
        let mut indent = 0;
        let mut content = Content::default();
        for part in pair.inner() {
            match part.as_rule() {
                Rule::indent => indent = indent_width(part.text()),
                Rule::inline => content = self.inline(part),
                _ => {}
            }
        }
        if let Some(label) = content.labels.first() {
            self.error(
                Diagnostic::error("syntax::misplaced-label", "a bulleted item cannot carry a label")
                    .primary(label.span, "label on a bulleted item")
                    .help("put the label on the paragraph or sub-paragraph that holds the list, or remove it"),
            );
        }
        Bullet {
            indent,
            content: trim_end(content.inlines),
            children: Vec::new(),
            span,
        }
    }

    fn paragraph_number(&mut self, pair: SyntaxNode) -> ParagraphNumber {
        let span = self.span(&pair);
        let mut terminator = pair.text().chars().last().unwrap_or('.');
        let mut digits = pair.inner().next().expect("a number has digits");
        let mut damage = None;
        if digits.as_rule() == Rule::damaged_number {
            digits = digits.inner().next().expect("a damaged number has digits");
            damage = Some(match digits.as_rule() {
                Rule::misread_digits => NumberDamage::LetterForDigit,
                Rule::spaced_digits => NumberDamage::SpacedDigits,
                Rule::fullwidth_digits => NumberDamage::FullWidth,
                _ => NumberDamage::RunIntoText,
            });
        }
        if digits.as_rule() == Rule::lone_digits {
            // No mark follows a number alone on its line; it prints as written.
            terminator = ' ';
        }
        let written = digits.text().to_string();
        let (style, value) = match digits.as_rule() {
            Rule::roman_number => (NumberStyle::Roman, numbers::parse_roman(&written)),
            _ => (NumberStyle::Arabic, damaged_digits_value(&written)),
        };
        if style == NumberStyle::Arabic && value.is_none() {
            self.error(
                Diagnostic::error(
                    "syntax::paragraph-number-too-large",
                    format!("`{written}` is too large to be a paragraph number"),
                )
                .primary(self.span(&digits), "too large")
                .help(format!("number the paragraph as the count requires; if the text starts with this number, write a backslash before the `{terminator}` after it: `{written}\\{terminator}`")),
            );
        }
        if style == NumberStyle::Roman && value.is_none() {
            self.error(
                Diagnostic::error(
                    "syntax::invalid-roman-numeral",
                    format!("`{written}` is not a well-formed Roman numeral"),
                )
                .primary(self.span(&digits), "not a Roman numeral")
                .help(format!("Roman numerals run I, II, III, IV, V, VI, VII, VIII, IX, X, ...; to start a paragraph with these letters, write a backslash before the `{terminator}` after them: `{written}\\{terminator}`")),
            );
        }
        ParagraphNumber {
            value,
            style,
            written,
            terminator,
            parenthesized: false,
            damage,
            span,
        }
    }

    fn subparagraph(&mut self, pair: SyntaxNode) -> Subparagraph {
        let span = self.span(&pair);
        let mut indent = 0;
        let mut marker = Spanned::new(String::new(), span);
        let mut content = Content::default();
        for part in pair.inner() {
            match part.as_rule() {
                Rule::indent => indent = indent_width(part.text()),
                Rule::subparagraph_marker => {
                    let label = part.inner().next().expect("a marker label");
                    marker = Spanned::new(label.text().to_string(), self.span(&part));
                }
                Rule::inline => content = self.inline(part),
                _ => {}
            }
        }
        let label = self.one_label(content.labels, "sub-paragraph");
        if content.inlines.is_empty() {
            self.error(
                Diagnostic::error(
                    "syntax::empty-subparagraph",
                    format!("the sub-paragraph ({}) has no text", marker.value),
                )
                .primary(marker.span, "nothing follows this marker")
                .help("write the text after the marker, or remove the line and reletter the sub-paragraphs after it"),
            );
        }
        Subparagraph {
            marker,
            indent,
            label,
            content: trim_end(content.inlines),
            bullets: Vec::new(),
            children: Vec::new(),
            span,
        }
    }

    fn footnote(&mut self, pair: SyntaxNode) -> Footnote {
        let span = self.span(&pair);
        let mut inner = pair.inner();
        let id = self.spanned(&inner.next().expect("a footnote id"));
        let content = inner.next().map(|p| self.inline(p)).unwrap_or_default();
        if content.inlines.is_empty() {
            self.error(super::expected::empty_footnote(Span::new(
                span.end as usize,
                span.end as usize,
            )));
        }
        if let Some(label) = content.labels.first() {
            self.error(
                Diagnostic::error("syntax::misplaced-label", "a footnote cannot carry a label")
                    .primary(label.span, "label on a footnote")
                    .help("refer to the footnote's paragraph instead, or remove the label"),
            );
        }
        Footnote {
            id,
            content: trim_end(content.inlines),
            span,
        }
    }

    fn annex(&mut self, pair: SyntaxNode) -> Annex {
        let span = self.span(&pair);
        let mut label = None;
        let mut title = Spanned::new(String::new(), span);
        let mut stated_count = None;
        let mut members = Vec::new();
        let mut unreadable = Vec::new();
        let inline = pair.text().starts_with("members");
        for part in pair.inner() {
            match part.as_rule() {
                Rule::annex_keyword => {}
                Rule::label => label = Some(self.label_name(part)),
                Rule::annex_title => title = self.spanned(&part),
                Rule::stated_count => stated_count = self.stated_count(part),
                Rule::member => members.push(self.member(part)),
                Rule::invalid_line => unreadable.push(self.not_a_member(&part)),
                Rule::comment => self.comment(part),
                _ => {}
            }
        }
        if title.value.is_empty() && !inline {
            self.error(
                Diagnostic::error("syntax::missing-annex-title", "the annex has no title")
                    .primary(Span::new(span.start as usize, span.start as usize + 6), "")
                    .help("write the title after `annex:`, for example `annex: List of ASEM Members (45)`"),
            );
        }
        Annex {
            inline,
            from_prose: false,
            label,
            title,
            stated_count,
            members,
            groups: Vec::new(),
            unreadable,
            span,
        }
    }

    fn group(&mut self, pair: SyntaxNode) -> Group {
        let span = self.span(&pair);
        let mut name = Spanned::new(String::new(), span);
        let mut stated_count = None;
        let mut members = Vec::new();
        let mut unreadable = Vec::new();
        for part in pair.inner() {
            match part.as_rule() {
                Rule::group_name => name = self.spanned(&part),
                Rule::stated_count => stated_count = self.stated_count(part),
                Rule::member => members.push(self.member(part)),
                Rule::invalid_line => unreadable.push(self.not_a_member(&part)),
                Rule::comment => self.comment(part),
                _ => {}
            }
        }
        if name.value.is_empty() {
            self.error(
                Diagnostic::error("syntax::missing-group-name", "the group has no name")
                    .primary(
                        Span::new(span.start as usize, span.start as usize + "group:".len()),
                        "",
                    )
                    .help("write the group's name after `group:`, for example `group: Asia (16)`"),
            );
        }
        Group {
            name,
            stated_count,
            members,
            unreadable,
            span,
        }
    }

    fn members<'t>(
        &mut self,
        pairs: impl Iterator<Item = SyntaxNode<'t>>,
    ) -> (Vec<Member>, Vec<Span>) {
        let mut members = Vec::new();
        let mut unreadable = Vec::new();
        for part in pairs {
            match part.as_rule() {
                Rule::member => members.push(self.member(part)),
                Rule::invalid_line => unreadable.push(self.not_a_member(&part)),
                Rule::comment => self.comment(part),
                _ => {}
            }
        }
        (members, unreadable)
    }

    /// Reports a line of a member list that is not a member, and returns its span.
    fn not_a_member(&mut self, line: &SyntaxNode) -> Span {
        let span = self.span(line);
        self.error(super::expected::not_a_member(span));
        span
    }

    fn member(&mut self, pair: SyntaxNode) -> Member {
        let name = pair.inner().next().expect("a member has a name");
        Member {
            name: name.text().to_string(),
            span: self.span(&name),
        }
    }

    fn stated_count(&mut self, pair: SyntaxNode) -> Option<Spanned<u32>> {
        let count = pair.inner().next().expect("a stated count has digits");
        match count.text().parse() {
            Ok(value) => Some(Spanned::new(value, self.span(&count))),
            Err(_) => {
                self.error(
                    Diagnostic::error("syntax::invalid-value", "this count is too large")
                        .primary(self.span(&count), "")
                        .help("write the number of members"),
                );
                None
            }
        }
    }

    fn label_name(&self, pair: SyntaxNode) -> Spanned<String> {
        let span = self.span(&pair);
        let name = pair.inner().next().expect("a label has a name");
        Spanned::new(name.text().to_string(), span)
    }

    /// Keeps the first label of a node and reports any further one.
    fn one_label(&mut self, labels: Vec<Spanned<String>>, what: &str) -> Option<Spanned<String>> {
        let mut labels = labels.into_iter();
        let first = labels.next();
        for extra in labels {
            let mut diagnostic = Diagnostic::error(
                "syntax::duplicate-label",
                format!("this {what} carries a second label `{{#{}}}`", extra.value),
            )
            .primary(extra.span, "second label")
            .help("a paragraph, heading or sub-paragraph carries one label; remove one and point the references at the other");
            if let Some(first) = &first {
                diagnostic = diagnostic.secondary(first.span, "first label");
            }
            self.error(diagnostic);
        }
        first
    }

    // -----------------------------------------------------------------------------------------
    // Inline text

    fn inline(&mut self, pair: SyntaxNode) -> Content {
        let mut content = Content::default();
        self.inline_items(pair.inner(), &mut content);
        content
    }

    fn inline_items<'i>(
        &mut self,
        pairs: impl Iterator<Item = SyntaxNode<'i>>,
        content: &mut Content,
    ) {
        for pair in pairs {
            let span = self.span(&pair);
            match pair.as_rule() {
                Rule::text | Rule::lone_char | Rule::garbled_dash => {
                    content.push_text(pair.text(), span)
                }
                Rule::escape => {
                    let escaped = pair.inner().next().expect("an escaped character");
                    content.push_text(escaped.text(), span);
                }
                Rule::soft_break => content.inlines.push(Inline::SoftBreak { span }),
                Rule::line_comment => {
                    let comment = pair.inner().next().expect("a comment");
                    self.comment(comment);
                }
                Rule::strong | Rule::emphasis | Rule::quote => {
                    let rule = pair.as_rule();
                    let opening = pair.text().chars().next().unwrap_or('"');
                    let mut inner = Content::default();
                    let mut unclosed = false;
                    let items: Vec<SyntaxNode> = pair
                        .inner()
                        .filter(|p| {
                            let is_unclosed = p.as_rule() == Rule::unclosed;
                            unclosed |= is_unclosed;
                            !is_unclosed
                        })
                        .collect();
                    self.inline_items(items.into_iter(), &mut inner);
                    content.labels.extend(inner.labels);
                    if unclosed {
                        self.unclosed(rule, opening, span);
                    }
                    let inlines = inner.inlines;
                    content.inlines.push(match rule {
                        Rule::strong => Inline::Strong {
                            content: inlines,
                            span,
                        },
                        Rule::emphasis => Inline::Emphasis {
                            content: inlines,
                            span,
                        },
                        _ => Inline::Quote {
                            content: inlines,
                            span,
                        },
                    });
                }
                Rule::stray_close_quote => {
                    self.error(
                        Diagnostic::error(
                            "syntax::stray-closing-quote",
                            "this closing quotation mark has no opening one",
                        )
                        .primary(span, "closes a quotation that was never opened")
                        .help("add the opening “ where the quotation starts, or write \\” for the mark itself"),
                    );
                    content.push_text(pair.text(), span);
                }
                Rule::footnote_ref => {
                    let id = pair.inner().next().expect("a footnote id");
                    content.inlines.push(Inline::FootnoteRef {
                        id: id.text().to_string(),
                        span,
                    });
                }
                Rule::link => {
                    let mut inner = pair.inner();
                    let text = inner.next().expect("link text");
                    let target = inner.next().expect("link target");
                    content.inlines.push(Inline::Link {
                        content: vec![Inline::Text {
                            text: text.text().to_string(),
                            span: self.span(&text),
                        }],
                        target: target.text().to_string(),
                        span,
                    });
                }
                Rule::autolink => {
                    let url = pair.inner().next().expect("an address");
                    content.inlines.push(Inline::Link {
                        content: Vec::new(),
                        target: url.text().to_string(),
                        span,
                    });
                }
                Rule::label => content.labels.push(self.label_name(pair)),
                Rule::reference => {
                    let name = pair.inner().next().expect("a label name");
                    content.inlines.push(Inline::Reference {
                        name: name.text().to_string(),
                        span,
                    });
                }
                Rule::fact => match self.fact(pair) {
                    Ok(fact) => content.inlines.push(fact),
                    // The words of a fact that names nothing stay in the text, as written.
                    Err(words) => content.push_text(&words.value, words.span),
                },
                Rule::unknown_brace => {
                    self.error(
                        Diagnostic::error(
                            "syntax::unknown-brace",
                            format!("`{}` is not a marked fact, a label or a reference", pair.text()),
                        )
                        .primary(span, "braces mark a fact, a label or a reference")
                        .help("write `{words = fact}` to mark a fact, `{#name}` for a label, `{@name}` for a reference, or `\\{` for a brace itself"),
                    );
                    content.push_text(pair.text(), span);
                }
                rule => unreachable!("inline yields no {rule:?}"),
            }
        }
    }

    fn unclosed(&mut self, rule: Rule, opening: char, span: Span) {
        let (what, mark, close) = match rule {
            Rule::strong => ("strong emphasis", "**", "**"),
            Rule::emphasis => ("emphasis", "*", "*"),
            _ if opening == '“' => ("quotation", "“", "”"),
            _ => ("quotation", "\"", "\""),
        };
        let at = Span::new(span.start as usize, span.start as usize + mark.len());
        let literal = if rule == Rule::quote {
            format!("\\{mark}")
        } else {
            "\\*".to_string()
        };
        if rule == Rule::quote {
            self.open_quotation = Some(self.diagnostics.len());
        }
        self.error(
            Diagnostic::error(
                "syntax::unclosed",
                format!("this {what} is never closed"),
            )
            .primary(at, format!("the {what} opens here"))
            .secondary(span, "and runs to the end of the paragraph")
            .help(format!(
                "add the closing {close} where the {what} ends, or write {literal} for the mark itself"
            )),
        );
    }

    /// A marked fact, or (reported) the words of one whose key names no fact.
    fn fact(&mut self, pair: SyntaxNode) -> Result<Inline, Spanned<String>> {
        let span = self.span(&pair);
        let mut inner = pair.inner();
        let text_pair = inner.next().expect("fact text");
        let key_pair = inner.next().expect("fact key");
        let raw = text_pair.text();
        let trimmed = raw.trim();
        let text_start =
            self.span(&text_pair).start as usize + (raw.len() - raw.trim_start().len());
        // Words wrapped onto the next line read, and print, as on one line.
        let words = if trimmed.contains('\n') {
            trimmed
                .split('\n')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            trimmed.to_string()
        };
        let text = Spanned::new(words, Span::new(text_start, text_start + trimmed.len()));
        let key_span = self.span(&key_pair);
        let key_text = key_pair.text();
        match parse_fact_key(key_text) {
            Some(FactKey::Next(fact)) if !NEXT_MEETING_FACTS.contains(&fact.key()) => {
                self.error(
                    Diagnostic::error(
                        "syntax::unknown-fact",
                        format!(
                            "the next meeting has no `{}`: a `next meeting:` block states its {}",
                            fact.key(),
                            crate::numbers::join_words(NEXT_MEETING_FACTS, "and")
                        ),
                    )
                    .primary(key_span, "not a fact of the next meeting")
                    .help(format!(
                        "tie the words to a fact the next meeting has, such as `next year`, or to this meeting's `{}`",
                        fact.key()
                    )),
                );
                Err(text)
            }
            Some(key) => Ok(Inline::Fact {
                text,
                key: Spanned::new(key, key_span),
                span,
            }),
            None => {
                let mut diagnostic = Diagnostic::error(
                    "syntax::unknown-fact",
                    format!("there is no fact called `{key_text}`"),
                )
                .primary(key_span, "unknown fact");
                // `next meeting year`: the fact is its last word, of the next meeting if the key
                // says so; otherwise the closest name.
                let last = key_text.split_whitespace().last().unwrap_or_default();
                let meant = meeting_fact(last)
                    .map(|fact| match key_text.starts_with("next ") {
                        true => format!("next {}", fact.key()),
                        false => fact.key().to_string(),
                    })
                    .or_else(|| suggest(key_text, FACT_NAMES.iter().copied()).map(str::to_string));
                diagnostic = match meant {
                    Some(best) => diagnostic.help(format!("did you mean `{best}`?")),
                    None => diagnostic.help(format!(
                        "a marked fact names one of: {}",
                        FACT_NAMES.join(", ")
                    )),
                };
                self.error(diagnostic);
                Err(text)
            }
        }
    }
}

/// Reads a field's value on its own with one of the grammar's value rules.
fn value_tree(rule: Rule, field: &Field) -> Option<cst::SyntaxTree> {
    cst::fragment(rule, &field.value.value, field.value.span.start as usize)
}

/// Reads the key of a marked fact: `members`, `group Asia`, `next year`, `edition`.
fn parse_fact_key(key: &str) -> Option<FactKey> {
    // A key wrapped onto the next line reads as on one line.
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    let key = key.as_str();
    if key == "members" {
        return Some(FactKey::Members);
    }
    if key == "none" {
        return Some(FactKey::None);
    }
    if let Some(group) = key.strip_prefix("group ") {
        return Some(FactKey::Group(group.trim().to_string()));
    }
    if let Some(next) = key.strip_prefix("next ") {
        return meeting_fact(next.trim()).map(FactKey::Next);
    }
    meeting_fact(key).map(FactKey::Meeting)
}

fn meeting_fact(name: &str) -> Option<MeetingFact> {
    MeetingFact::ALL.into_iter().find(|fact| fact.key() == name)
}

/// Inline content being lowered, with the labels found in it.
#[derive(Debug, Default)]
struct Content {
    inlines: Vec<Inline>,
    labels: Vec<Spanned<String>>,
}

impl Content {
    /// Adds words, joining them to the words before when they touch.
    fn push_text(&mut self, text: &str, span: Span) {
        if let Some(Inline::Text {
            text: before,
            span: before_span,
        }) = self.inlines.last_mut()
        {
            if before_span.end == span.start {
                before.push_str(text);
                before_span.end = span.end;
                return;
            }
        }
        self.inlines.push(Inline::Text {
            text: text.to_string(),
            span,
        });
    }
}

/// Drops white space at both ends of a paragraph's text: trailing space (and a label's space),
/// and the line break after a number alone on its line.
fn trim_end(mut inlines: Vec<Inline>) -> Vec<Inline> {
    while matches!(inlines.first(), Some(Inline::SoftBreak { .. })) {
        inlines.remove(0);
    }
    trim_trailing(&mut inlines);
    if let Some(Inline::Text { text, span }) = inlines.first_mut() {
        let trimmed = text.trim_start();
        let cut = text.len() - trimmed.len();
        if cut > 0 {
            span.start += cut as u32;
            *text = trimmed.to_string();
        }
        if text.is_empty() {
            inlines.remove(0);
        }
    }
    inlines
}

/// Drops the white space and line breaks at the end of a paragraph's text, also inside an
/// emphasis or a quotation that is never closed: it runs to the end of the paragraph, so the
/// space at its end is the paragraph's (found by the fuzzer: `“2. It ` read differently once
/// `fmt` had dropped the space at the end of the line).
fn trim_trailing(inlines: &mut Vec<Inline>) {
    while let Some(last) = inlines.last_mut() {
        match last {
            Inline::SoftBreak { .. } => {
                inlines.pop();
            }
            Inline::Text { text, span } => {
                let trimmed = text.trim_end().len();
                if trimmed == 0 {
                    inlines.pop();
                } else {
                    span.end -= (text.len() - trimmed) as u32;
                    text.truncate(trimmed);
                    break;
                }
            }
            // A closed one ends with its mark, after its content.
            Inline::Emphasis { content, span }
            | Inline::Strong { content, span }
            | Inline::Quote { content, span }
                if content.last().is_some_and(|c| c.span().end == span.end) =>
            {
                trim_trailing(content);
                if let Some(end) = content.last().map(|c| c.span().end) {
                    span.end = end;
                }
                break;
            }
            _ => break,
        }
    }
}

/// Whether a field was read: how the lowering of a block of fields tells which keys are unusable.
enum Usable {
    Yes,
    No,
    /// Not usable, and the drafter most likely meant this key.
    Meant(String),
}

/// Stores a field's value, and says whether there was one to store.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let read = value.is_some();
    *slot = value;
    read
}

/// Whether a line that is no field, after the last field of its block, reads as the start of the
/// text rather than as a field with a slip in it: it does not start with the name of a field
/// (`theme Drive the Future ...` is a field that lost its colon).
fn starts_text(line: &str, known: &[&str]) -> bool {
    let first_word = line.split_whitespace().next().unwrap_or_default();
    !known.contains(&first_word.to_lowercase().as_str())
}

/// Whether a pair stands on the first line of its block: the line of a keyword such as
/// `closing:`, whose fields go on the lines below.
fn on_keyword_line(owner: SyntaxNode, node: SyntaxNode) -> bool {
    let before = (node.span().start - owner.span().start) as usize;
    !owner.text()[..before].contains('\n')
}

/// The text of a paragraph, apart from its number.
struct Parts {
    label: Option<Spanned<String>>,
    content: Vec<Inline>,
    bullets: Vec<Bullet>,
    subparagraphs: Vec<Subparagraph>,
}

/// Sub-paragraphs and bulleted items, as lowered: the items that stand before any
/// sub-paragraph, and the sub-paragraphs (each with the items after it).
#[derive(Debug, Default)]
pub struct Listed {
    pub bullets: Vec<Bullet>,
    pub subparagraphs: Vec<Subparagraph>,
}

/// For whom a signatory line says one signs, without its `for` and its colon: `the Government
/// of Australia` for `For the Government of Australia:`; `None` for a line that is not such.
fn party_name(line: &str) -> Option<&str> {
    const FOR: &[&str] = &["for ", "pour ", "voor ", "por ", "für ", "fur ", "per "];
    let lower = line.to_lowercase();
    let word = FOR.iter().find(|w| lower.starts_with(*w))?;
    let rest = line[word.len()..]
        .trim()
        .trim_end_matches([':', '：', ','])
        .trim_end();
    (!rest.is_empty()).then_some(rest)
}

/// The number an unnumbered paragraph starts with, when it starts like a paragraph number
/// written wrong: one to three digits, then `,` `)` `:` `;` and a space, or a space and a
/// letter (`7, Ministers`, `7) Ministers`, `7 Ministers`). Four digits are a year.
pub(crate) fn number_like(text: &str, at: usize) -> Option<NumberLike> {
    let digits_end = text.find(|c: char| !c.is_ascii_digit())?;
    if !(1..=3).contains(&digits_end) {
        return None;
    }
    let rest = &text[digits_end..];
    let mut chars = rest.chars();
    let first = chars.next()?;
    let mark = match first {
        ',' | ')' | ':' | ';' if chars.next().is_some_and(|c| c == ' ' || c == '\t') => Some(first),
        ' ' | '\t' if rest.trim_start().starts_with(|c: char| c.is_alphabetic()) => None,
        _ => return None,
    };
    let end = digits_end + mark.map_or(0, char::len_utf8);
    Some(NumberLike {
        value: text[..digits_end].parse().ok()?,
        digits: text[..digits_end].to_string(),
        mark,
        span: Span::new(at, at + end),
    })
}

/// The value of a paragraph number's digits, also when they are damaged: `12` for `12`, `l2`,
/// `1 2` and `１２`; the `°` of `1°` is not part of the value.
fn damaged_digits_value(written: &str) -> Option<u32> {
    let digits: String = written
        .chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            'l' | 'I' => Some('1'),
            'O' | 'o' => Some('0'),
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10),
            _ => None,
        })
        .collect();
    digits.parse().ok()
}

/// The width of an indentation, tabs counting four.
fn indent_width(indent: &str) -> u32 {
    indent.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum()
}
