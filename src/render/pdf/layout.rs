//! Layout: the syntax tree to the page model. Pure: no PDF library, no I/O, so the result can be
//! tested line by line.
//!
//! Each language version becomes a flow of blocks (title block, paragraphs, headings, annex,
//! closing), each block a list of set lines. Pagination then fills pages with those lines,
//! keeping a heading with what follows it, avoiding single lines at the foot or head of a page,
//! and putting each footnote at the foot of the page that references it. The running header and
//! the page numbers are added last, when the pages are known.

use std::collections::{HashMap, HashSet};

use super::fonts::{BOLD_FACE, FALLBACK_FACE, ITALIC_FACE, REGULAR_FACE};
use super::model::{Destination, GlyphRun, Item, LinkKind, OutlineEntry, Page, Pages, Rect};
use super::text::{Align, Line, Shaper, Span, TextStyle};
use super::{Paper, PdfOptions};
use crate::ast::{Block, Document, Inline, Subparagraph, Version};
use crate::render::{date, is_chinese, References};

/// Body text size and leading, in points.
const BODY: f32 = 11.0;
const BODY_LEADING: f32 = 14.5;
/// Chinese text is set a little smaller and looser, as Chinese typesetting does.
const CJK_BODY: f32 = 10.5;
const CJK_LEADING: f32 = 16.5;
const FOOTNOTE: f32 = 9.0;
const FOOTNOTE_LEADING: f32 = 11.5;
const TITLE: f32 = 15.0;
const TITLE_LEADING: f32 = 19.0;
const HEADING: f32 = 11.5;
/// The indentation of each level of sub-paragraph.
const INDENT_STEP: f32 = 24.0;
const PARAGRAPH_SPACE: f32 = 7.0;
const HEADING_SPACE: f32 = 14.0;
/// Lines a paragraph keeps together at the foot and the head of a page.
const ORPHANS: usize = 2;
const WIDOWS: usize = 2;
/// The longest running header before the title is shortened.
const SHORT_TITLE: usize = 60;

/// The page and the text block on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geometry {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub top: f32,
    pub text_width: f32,
    pub text_height: f32,
}

impl Geometry {
    pub fn of(paper: Paper) -> Geometry {
        let (width, height) = match paper {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        };
        // 25 mm at the sides and the top, a little more at the foot for the page number.
        let (side, top, bottom) = (70.87, 70.87, 79.37);
        Geometry {
            width,
            height,
            left: side,
            top,
            text_width: width - 2.0 * side,
            text_height: height - top - bottom,
        }
    }

    fn bottom(&self) -> f32 {
        self.top + self.text_height
    }
}

/// A set line in the flow, placed horizontally on the page; its height is its leading.
#[derive(Debug, Clone, Default)]
struct FlowLine {
    height: f32,
    /// From the top of the line to its baseline.
    ascent: f32,
    runs: Vec<GlyphRun>,
    links: Vec<(Rect, String)>,
    /// Anchors defined here: a link to one of them lands on this line.
    anchors: Vec<String>,
    outline: Option<(String, u8)>,
    /// Whether the line ends with an added hyphen: a page should not end there, since the
    /// word would then be read across the page turn.
    hyphenated: bool,
}

impl FlowLine {
    fn from_line(line: Line, x: f32, height: f32, size: f32) -> FlowLine {
        let mut runs = line.runs;
        for run in &mut runs {
            run.x += x;
        }
        let links = line
            .links
            .into_iter()
            .map(|(mut rect, name)| {
                rect.x += x;
                (rect, name)
            })
            .collect();
        FlowLine {
            height,
            ascent: (height - size) / 2.0 + size * 0.8,
            runs,
            links,
            hyphenated: line.hyphenated,
            ..FlowLine::default()
        }
    }

    fn empty(height: f32) -> FlowLine {
        FlowLine {
            height,
            ..FlowLine::default()
        }
    }

    /// The footnotes this line references (through its links to them).
    fn footnotes(&self) -> impl Iterator<Item = &str> {
        self.links
            .iter()
            .map(|(_, name)| name.as_str())
            .filter(|name| name.starts_with("footnote:"))
    }

    /// Puts `other` beside this line: the two columns of a parallel text.
    fn merge(&mut self, other: FlowLine) {
        self.ascent = self.ascent.max(other.ascent);
        self.height = self.height.max(other.height);
        self.runs.extend(other.runs);
        self.links.extend(other.links);
        self.anchors.extend(other.anchors);
        if self.outline.is_none() {
            self.outline = other.outline;
        }
    }
}

/// Lines that belong together, and how they may be split across pages.
#[derive(Debug, Clone, Default)]
struct FlowBlock {
    space_before: f32,
    lines: Vec<FlowLine>,
    /// Keep with the first lines of the next block (a heading).
    keep_with_next: bool,
    /// Move whole to the next page rather than split (the annex, the closing).
    keep_together: bool,
    page_break_before: bool,
}

/// The text of one language version as a reader sees it: sizes and faces for its script.
struct Voice<'d> {
    version_index: usize,
    version: &'d Version,
    references: References,
    language: &'d str,
    hyphenation: Option<hypher::Lang>,
    cjk: bool,
    /// The footnote ids of this version, in order, numbered from 1.
    footnotes: Vec<&'d str>,
}

impl Voice<'_> {
    fn body(&self) -> (f32, f32) {
        if self.cjk {
            (CJK_BODY, CJK_LEADING)
        } else {
            (BODY, BODY_LEADING)
        }
    }

    fn face(&self, face: usize) -> usize {
        if self.cjk {
            FALLBACK_FACE
        } else {
            face
        }
    }

    fn style(&self, face: usize, size: f32) -> TextStyle {
        TextStyle {
            face: self.face(face),
            size,
            rise: 0.0,
        }
    }

    fn footnote_number(&self, id: &str) -> usize {
        self.footnotes
            .iter()
            .position(|f| *f == id)
            .map_or(0, |i| i + 1)
    }

    fn anchor(&self, kind: &str, name: &str) -> String {
        format!("{kind}:{}:{name}", self.version_index)
    }
}

/// Lays out a document: the versions one after the other, or side by side.
pub fn layout(document: &Document, shaper: &Shaper, options: &PdfOptions) -> Pages {
    let geometry = Geometry::of(options.paper);
    let mut layout = Layout {
        document,
        shaper,
        geometry,
        footnotes: HashMap::new(),
        draft: options.draft,
    };
    let voices: Vec<Voice> = document
        .versions
        .iter()
        .enumerate()
        .filter(|(_, v)| {
            options
                .language
                .as_deref()
                .is_none_or(|wanted| document.language_of(v) == wanted)
        })
        .map(|(i, version)| layout.voice(i, version))
        .collect();
    let mut blocks = Vec::new();
    let mut titles = Vec::new();
    if options.parallel && voices.len() >= 2 {
        let gap = 18.0;
        let half = (geometry.text_width - gap) / 2.0;
        let left = layout.version_blocks(&voices[0], geometry.left, half);
        let right = layout.version_blocks(&voices[1], geometry.left + half + gap, half);
        blocks.extend(side_by_side(left, right));
        titles.push((0, short_title(&layout.title(&voices[0]))));
    } else {
        for (i, voice) in voices.iter().enumerate() {
            let mut version = layout.version_blocks(voice, geometry.left, geometry.text_width);
            if i > 0 {
                if let Some(first) = version.first_mut() {
                    first.page_break_before = true;
                }
            }
            titles.push((blocks.len(), short_title(&layout.title(voice))));
            blocks.extend(version);
        }
    }
    let mut paginated = layout.paginate(&blocks, &titles);
    layout.furnish(&mut paginated);
    paginated.into_pages(geometry)
}

struct Layout<'d, 's> {
    document: &'d Document,
    shaper: &'s Shaper<'s>,
    geometry: Geometry,
    /// The lines of each footnote, by its anchor.
    footnotes: HashMap<String, Vec<FlowLine>>,
    /// Print the draft notice above each version's title.
    draft: bool,
}

impl<'d> Layout<'d, '_> {
    fn voice(&self, index: usize, version: &'d Version) -> Voice<'d> {
        let language = self.document.language_of(version);
        let cjk = is_chinese(language) || language == "ja" || language == "ko";
        let iso = language.as_bytes();
        let hyphenation = (iso.len() >= 2)
            .then(|| hypher::Lang::from_iso([iso[0], iso[1]]))
            .flatten();
        Voice {
            version_index: index,
            version,
            references: References::of(self.document, version),
            language,
            hyphenation: if cjk { None } else { hyphenation },
            cjk: cjk && self.shaper.has_fallback(),
            footnotes: version
                .footnotes
                .iter()
                .map(|f| f.id.value.as_str())
                .collect(),
        }
    }

    fn title(&self, voice: &Voice) -> String {
        voice
            .version
            .header
            .as_ref()
            .and_then(|h| h.title.as_ref())
            .or(self.document.header.title.as_ref())
            .map_or_else(String::new, |t| t.value.clone())
    }

    /// The blocks of one version, set `width` wide from `x`.
    fn version_blocks(&mut self, voice: &Voice, x: f32, width: f32) -> Vec<FlowBlock> {
        let mut blocks = vec![self.title_block(voice, x, width)];
        let (size, leading) = voice.body();
        for paragraph in &voice.version.preamble {
            let mut block = self.text_block(voice, &paragraph.content, x, width, size, leading);
            if let Some(label) = &paragraph.label {
                add_anchor(&mut block, voice.anchor("label", &label.value));
            }
            block.space_before = PARAGRAPH_SPACE;
            blocks.push(block);
            blocks.extend(self.subparagraph_blocks(voice, &paragraph.subparagraphs, x, width, 0.0));
        }
        let hang = self.hang(voice);
        // A translation is tied to the original by position, so a reference in it to a label of
        // the original lands on the translation's own paragraph at that place (as `References`
        // prints its number).
        let original = &self.document.versions[0];
        for (s, section) in voice.version.sections.iter().enumerate() {
            let original_section = original.sections.get(s);
            if let Some(heading) = &section.heading {
                let mut flow = self.heading_block(voice, heading, x, width);
                let label = original_section.and_then(|o| o.heading.as_ref()?.label.as_ref());
                if let Some(label) = label.filter(|_| voice.version_index > 0) {
                    add_anchor(&mut flow, voice.anchor("label", &label.value));
                }
                blocks.push(flow);
            }
            for (b, block) in section.blocks.iter().enumerate() {
                let original_label = original_section
                    .and_then(|o| o.blocks.get(b))
                    .and_then(Block::label)
                    .filter(|_| voice.version_index > 0);
                // A numbered paragraph hangs its number, and its sub-paragraphs hang with it;
                // an unnumbered one starts at the margin, with a little space before it.
                let (mut flow, subparagraph_hang) = match block {
                    Block::NumberedParagraph(p) => {
                        let number = format!("{}{}", p.number.written, p.number.terminator);
                        let flow = self.hanging_block(voice, &number, &p.content, x, width, hang);
                        (flow, hang)
                    }
                    Block::Paragraph(p) => {
                        let mut flow = self.text_block(voice, &p.content, x, width, size, leading);
                        flow.space_before = PARAGRAPH_SPACE;
                        (flow, 0.0)
                    }
                    Block::Unparsed(_) => continue,
                };
                for label in block.label().into_iter().chain(original_label) {
                    add_anchor(&mut flow, voice.anchor("label", &label.value));
                }
                blocks.push(flow);
                blocks.extend(self.subparagraph_blocks(
                    voice,
                    block.subparagraphs(),
                    x,
                    width,
                    subparagraph_hang,
                ));
            }
        }
        for footnote in &voice.version.footnotes {
            self.footnote(voice, footnote, width.max(self.geometry.text_width));
        }
        if let Some(annex) = &voice.version.annex {
            blocks.push(self.annex_block(voice, annex, x, width));
        }
        if let Some(closing) = self.closing_block(voice, x, width) {
            blocks.push(closing);
        }
        blocks
    }

    /// The title, centred, then the place and date in brackets.
    fn title_block(&self, voice: &Voice, x: f32, width: f32) -> FlowBlock {
        let header = &self.document.header;
        let title = self.title(voice);
        let cjk_scale = if voice.cjk { 0.95 } else { 1.0 };
        let style = voice.style(BOLD_FACE, TITLE * cjk_scale);
        let spans = [plain(&title, style)];
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&spans, width * 0.9, Align::Center, None)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x + width * 0.05, TITLE_LEADING, style.size))
            .collect();
        if let Some(first) = lines.first_mut() {
            first
                .anchors
                .push(format!("version:{}", voice.version_index));
            first.outline = Some((title.clone(), 0));
        }
        if self.draft {
            // A preview of a text with errors must never pass for the declaration: the notice
            // stands above the title, where a reader starts.
            let style = voice.style(ITALIC_FACE, BODY);
            let notice = [plain(crate::render::DRAFT_NOTICE, style)];
            let mut notice_lines: Vec<FlowLine> = self
                .shaper
                .paragraph(&notice, width, Align::Center, None)
                .into_iter()
                .map(|l| FlowLine::from_line(l, x, TITLE_LEADING, style.size))
                .collect();
            notice_lines.append(&mut lines);
            lines = notice_lines;
        }
        let place = voice
            .version
            .header
            .as_ref()
            .and_then(|h| h.place.as_ref())
            .or(header.place.as_ref())
            .map(|p| p.value.clone());
        let day = header
            .adopted
            .as_ref()
            .map(|d| d.value)
            .or_else(|| header.dates.as_ref().map(|d| d.value.end))
            .map(|d| date(d, voice.language));
        let parts: Vec<String> = place.into_iter().chain(day).collect();
        if !parts.is_empty() {
            let (size, leading) = voice.body();
            let text = if voice.cjk {
                format!("（{}）", parts.join("，"))
            } else {
                format!("({})", parts.join(", "))
            };
            let style = voice.style(ITALIC_FACE, size);
            lines.push(FlowLine::empty(8.0));
            for line in self
                .shaper
                .paragraph(&[plain(&text, style)], width, Align::Center, None)
            {
                lines.push(FlowLine::from_line(line, x, leading, size));
            }
        }
        lines.push(FlowLine::empty(10.0));
        FlowBlock {
            lines,
            keep_with_next: true,
            ..FlowBlock::default()
        }
    }

    fn heading_block(
        &self,
        voice: &Voice,
        heading: &crate::ast::Heading,
        x: f32,
        width: f32,
    ) -> FlowBlock {
        let face = if heading.level <= 2 {
            BOLD_FACE
        } else {
            ITALIC_FACE
        };
        let size = if voice.cjk { CJK_BODY + 0.5 } else { HEADING };
        let style = voice.style(face, size);
        let spans = self.spans(voice, &heading.content, style);
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&spans, width, Align::Center, None)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x, voice.body().1 + 1.0, size))
            .collect();
        if let Some(first) = lines.first_mut() {
            if let Some(label) = &heading.label {
                first.anchors.push(voice.anchor("label", &label.value));
            }
            first.outline = Some((crate::ast::plain_text(&heading.content), 1));
        }
        lines.push(FlowLine::empty(2.0));
        FlowBlock {
            space_before: HEADING_SPACE,
            lines,
            keep_with_next: true,
            ..FlowBlock::default()
        }
    }

    /// A justified paragraph without a number.
    fn text_block(
        &self,
        voice: &Voice,
        content: &[Inline],
        x: f32,
        width: f32,
        size: f32,
        leading: f32,
    ) -> FlowBlock {
        let spans = self.spans(voice, content, voice.style(REGULAR_FACE, size));
        let lines = self
            .shaper
            .paragraph(&spans, width, Align::Justify, voice.hyphenation)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x, leading, size))
            .collect();
        FlowBlock {
            lines,
            ..FlowBlock::default()
        }
    }

    /// The widest paragraph number of a version, and a gap: where the text of every numbered
    /// paragraph starts, so that numbers hang in the margin of the text.
    fn hang(&self, voice: &Voice) -> f32 {
        let (size, _) = voice.body();
        let style = voice.style(REGULAR_FACE, size);
        let widest = voice
            .version
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::NumberedParagraph(p) => {
                    Some(format!("{}{}", p.number.written, p.number.terminator))
                }
                Block::Paragraph(_) | Block::Unparsed(_) => None,
            })
            .map(|n| self.shaper.width(&n, style))
            .fold(0.0, f32::max);
        (widest + size * 0.8).max(INDENT_STEP)
    }

    /// A paragraph whose `marker` hangs to the left of its text, which starts `hang` in.
    fn hanging_block(
        &self,
        voice: &Voice,
        marker: &str,
        content: &[Inline],
        x: f32,
        width: f32,
        hang: f32,
    ) -> FlowBlock {
        let (size, leading) = voice.body();
        let mut block = self.text_block(voice, content, x + hang, width - hang, size, leading);
        let number = self.shaper.line(marker, voice.style(REGULAR_FACE, size));
        let number = FlowLine::from_line(number, x, leading, size);
        match block.lines.first_mut() {
            Some(first) => first.runs.extend(number.runs),
            None => block.lines.push(number),
        }
        block.space_before = PARAGRAPH_SPACE;
        block
    }

    /// Sub-paragraphs set `indent` in, each with its nested ones a step further in after it.
    fn subparagraph_blocks(
        &self,
        voice: &Voice,
        subparagraphs: &[Subparagraph],
        x: f32,
        width: f32,
        indent: f32,
    ) -> Vec<FlowBlock> {
        let mut blocks = Vec::new();
        for sub in subparagraphs {
            let marker = format!("({})", sub.marker.value);
            let start = x + indent;
            let mut block = self.hanging_block(
                voice,
                &marker,
                &sub.content,
                start,
                width - indent,
                INDENT_STEP,
            );
            block.space_before = PARAGRAPH_SPACE / 2.0;
            if let Some(label) = &sub.label {
                add_anchor(&mut block, voice.anchor("label", &label.value));
            }
            blocks.push(block);
            blocks.extend(self.subparagraph_blocks(
                voice,
                &sub.children,
                x,
                width,
                indent + INDENT_STEP,
            ));
        }
        blocks
    }

    /// Sets a footnote's lines, to be placed at the foot of the page that references it.
    fn footnote(&mut self, voice: &Voice, footnote: &crate::ast::Footnote, width: f32) {
        let size = FOOTNOTE;
        let style = voice.style(REGULAR_FACE, size);
        let number = voice.footnote_number(&footnote.id.value).to_string();
        let hang = size * 1.6;
        let spans = self.spans(voice, &footnote.content, style);
        let x = self.geometry.left;
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&spans, width - hang, Align::Justify, voice.hyphenation)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x + hang, FOOTNOTE_LEADING, size))
            .collect();
        let marker = self.shaper.line(&number, style);
        let marker = FlowLine::from_line(marker, x, FOOTNOTE_LEADING, size);
        match lines.first_mut() {
            Some(first) => first.runs.extend(marker.runs),
            None => lines.push(marker),
        }
        let anchor = voice.anchor("footnote", &footnote.id.value);
        lines[0].anchors.push(anchor.clone());
        self.footnotes.insert(anchor, lines);
    }

    /// The member list: groups side by side in columns, or the members balanced over columns.
    fn annex_block(
        &self,
        voice: &Voice,
        annex: &crate::ast::Annex,
        x: f32,
        width: f32,
    ) -> FlowBlock {
        // Lists are set tighter than prose, Chinese too: lines much further apart than their
        // size are read as separate blocks by text extraction, which then reads across columns.
        let (size, _) = voice.body();
        let leading = size * 1.32;
        let mut title = annex.title.value.clone();
        if let Some(count) = &annex.stated_count {
            title.push_str(&format!(" ({})", count.value));
        }
        let style = voice.style(BOLD_FACE, HEADING.min(size + 0.5));
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&[plain(&title, style)], width, Align::Center, None)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x, leading + 1.0, style.size))
            .collect();
        if let Some(first) = lines.first_mut() {
            first.outline = Some((title.clone(), 1));
            let original = self.document.versions[0].annex.as_ref();
            let original_label = original
                .and_then(|a| a.label.as_ref())
                .filter(|_| voice.version_index > 0);
            for label in annex.label.iter().chain(original_label) {
                first.anchors.push(voice.anchor("label", &label.value));
            }
        }
        lines.push(FlowLine::empty(leading / 2.0));
        // A column is a list of entries, each a name (or a group's heading) set in it.
        let mut columns: Vec<Vec<(String, bool)>> = Vec::new();
        let max_columns = if width < 300.0 { 2 } else { 3 };
        let grouped = !annex.groups.is_empty()
            && annex.groups.len() + usize::from(!annex.members.is_empty()) <= max_columns;
        if grouped {
            if !annex.members.is_empty() {
                columns.push(
                    annex
                        .members
                        .iter()
                        .map(|m| (m.name.clone(), false))
                        .collect(),
                );
            }
            for group in &annex.groups {
                let mut heading = group.name.value.clone();
                if let Some(count) = &group.stated_count {
                    heading.push_str(&format!(" ({})", count.value));
                }
                let mut column = vec![(heading, true)];
                column.extend(group.members.iter().map(|m| (m.name.clone(), false)));
                columns.push(column);
            }
        } else {
            let mut entries: Vec<(String, bool)> = annex
                .members
                .iter()
                .map(|m| (m.name.clone(), false))
                .collect();
            for group in &annex.groups {
                entries.push((group.name.value.clone(), true));
                entries.extend(group.members.iter().map(|m| (m.name.clone(), false)));
            }
            let per_column = entries.len().div_ceil(max_columns).max(1);
            columns = entries.chunks(per_column).map(<[_]>::to_vec).collect();
        }
        let count = columns.len().max(1) as f32;
        let gap = 12.0;
        let column_width = (width - gap * (count - 1.0)) / count;
        let set: Vec<Vec<FlowLine>> = columns
            .iter()
            .enumerate()
            .map(|(i, entries)| {
                let cx = x + i as f32 * (column_width + gap);
                let mut column = Vec::new();
                for (text, heading) in entries {
                    let face = if *heading { BOLD_FACE } else { REGULAR_FACE };
                    let style = voice.style(face, size);
                    for (n, line) in self
                        .shaper
                        .paragraph(
                            &[plain(text, style)],
                            column_width - 10.0,
                            Align::Left,
                            voice.hyphenation,
                        )
                        .into_iter()
                        .enumerate()
                    {
                        // A name that wraps is indented on its second line.
                        let indent = if n > 0 { 10.0 } else { 0.0 };
                        column.push(FlowLine::from_line(line, cx + indent, leading, size));
                    }
                }
                column
            })
            .collect();
        lines.extend(merge_columns(set));
        FlowBlock {
            space_before: HEADING_SPACE * 1.5,
            lines,
            keep_together: true,
            ..FlowBlock::default()
        }
    }

    /// The place and date of adoption and the adopting body, at the end.
    fn closing_block(&self, voice: &Voice, x: f32, width: f32) -> Option<FlowBlock> {
        let closing = voice.version.closing.as_ref()?;
        let (size, leading) = voice.body();
        let place = closing.place.as_ref().map(|p| p.value.clone());
        let day = closing.date.as_ref().map(|d| date(d.value, voice.language));
        let first: Vec<String> = place.into_iter().chain(day).collect();
        let mut lines = Vec::new();
        let separator = if voice.cjk { "，" } else { ", " };
        if !first.is_empty() {
            let style = voice.style(ITALIC_FACE, size);
            for line in self.shaper.paragraph(
                &[plain(&first.join(separator), style)],
                width,
                Align::Left,
                None,
            ) {
                lines.push(FlowLine::from_line(line, x, leading, size));
            }
        }
        if let Some(by) = &closing.by {
            let style = voice.style(BOLD_FACE, size);
            for line in self
                .shaper
                .paragraph(&[plain(&by.value, style)], width, Align::Left, None)
            {
                lines.push(FlowLine::from_line(line, x, leading, size));
            }
        }
        Some(FlowBlock {
            space_before: HEADING_SPACE * 2.0,
            lines,
            keep_together: true,
            ..FlowBlock::default()
        })
    }

    /// Inline content as styled spans: marks to faces, references to their numbers, footnote
    /// markers to raised numbers that link to the footnote.
    fn spans(&self, voice: &Voice, content: &[Inline], style: TextStyle) -> Vec<Span> {
        let mut out = Vec::new();
        self.push_spans(voice, content, style, &mut out);
        out
    }

    fn push_spans(&self, voice: &Voice, content: &[Inline], style: TextStyle, out: &mut Vec<Span>) {
        let styled = |face: usize| TextStyle {
            face: voice.face(face),
            ..style
        };
        for inline in content {
            match inline {
                Inline::Text { text, .. } => out.push(plain(text, style)),
                Inline::SoftBreak { .. } => out.push(plain(" ", style)),
                Inline::Emphasis { content, .. } => {
                    self.push_spans(voice, content, styled(ITALIC_FACE), out)
                }
                Inline::Strong { content, .. } => {
                    self.push_spans(voice, content, styled(BOLD_FACE), out)
                }
                Inline::Quote { content, .. } => {
                    out.push(plain("\u{201C}", style));
                    self.push_spans(voice, content, style, out);
                    out.push(plain("\u{201D}", style));
                }
                Inline::FootnoteRef { id, .. } => out.push(Span {
                    text: voice.footnote_number(id).to_string(),
                    style: TextStyle {
                        size: style.size * 0.62,
                        rise: style.size * 0.36,
                        face: voice.face(REGULAR_FACE),
                    },
                    link: Some(voice.anchor("footnote", id)),
                }),
                Inline::Link {
                    content, target, ..
                } => {
                    if content.is_empty() {
                        out.push(plain(target, style));
                    } else {
                        self.push_spans(voice, content, style, out);
                    }
                }
                Inline::Reference { name, .. } => out.push(Span {
                    text: voice.references.get(name).unwrap_or(name).to_string(),
                    style,
                    link: Some(voice.anchor("label", name)),
                }),
                Inline::Fact { text, .. } => out.push(plain(&text.value, style)),
            }
        }
    }

    /// Fills pages with the blocks' lines.
    fn paginate(&self, blocks: &[FlowBlock], titles: &[(usize, String)]) -> Paginated {
        let mut pager = Pager::new(self.geometry, &self.footnotes);
        for (i, block) in blocks.iter().enumerate() {
            if let Some((_, title)) = titles.iter().find(|(start, _)| *start == i) {
                if block.page_break_before && !pager.page_is_empty() {
                    pager.new_page();
                }
                pager.set_header(title.clone());
            } else if block.page_break_before && !pager.page_is_empty() {
                pager.new_page();
            }
            pager.place_block(block, blocks.get(i + 1));
        }
        pager.finish()
    }

    /// Adds the running header, the page numbers and resolves links.
    fn furnish(&self, pages: &mut Paginated) {
        let g = self.geometry;
        let style = TextStyle {
            face: ITALIC_FACE,
            size: 9.0,
            rise: 0.0,
        };
        let number_style = TextStyle {
            face: REGULAR_FACE,
            size: 10.0,
            rise: 0.0,
        };
        let count = pages.pages.len();
        for (index, page) in pages.pages.iter_mut().enumerate() {
            // A version's first page has its title in full; the later ones carry it short.
            let starts_version = pages
                .outline
                .iter()
                .any(|e| e.level == 0 && e.destination.page == index);
            if index > 0 && !starts_version {
                let header = &pages.headers[index];
                let line = self.shaper.line(header, style);
                let baseline = g.top - 22.0;
                let x = g.left + (g.text_width - line.width) / 2.0;
                push_runs(&mut page.items, line.runs, x, baseline);
                page.items.push(Item::Rule {
                    x: g.left,
                    y: baseline + 5.0,
                    width: g.text_width,
                    thickness: 0.4,
                });
            }
            if count > 1 {
                let line = self.shaper.line(&(index + 1).to_string(), number_style);
                let x = g.left + (g.text_width - line.width) / 2.0;
                push_runs(&mut page.items, line.runs, x, g.bottom() + 36.0);
            }
        }
    }
}

/// Pages as paginated, before they become the model.
struct Paginated {
    pages: Vec<Page>,
    headers: Vec<String>,
    outline: Vec<OutlineEntry>,
}

/// Fills pages line by line.
struct Pager<'f> {
    geometry: Geometry,
    footnotes: &'f HashMap<String, Vec<FlowLine>>,
    pages: Vec<Page>,
    headers: Vec<String>,
    header: String,
    /// The top of the next line on the current page.
    y: f32,
    /// The footnotes placed on the current page, and those already placed anywhere.
    page_footnotes: Vec<String>,
    placed_footnotes: HashSet<String>,
    /// Links waiting for their targets: page, rect, anchor.
    links: Vec<(usize, Rect, String)>,
    anchors: HashMap<String, Destination>,
    outline: Vec<OutlineEntry>,
}

impl<'f> Pager<'f> {
    fn new(geometry: Geometry, footnotes: &'f HashMap<String, Vec<FlowLine>>) -> Pager<'f> {
        Pager {
            geometry,
            footnotes,
            pages: vec![Page::default()],
            headers: vec![String::new()],
            header: String::new(),
            y: geometry.top,
            page_footnotes: Vec::new(),
            placed_footnotes: HashSet::new(),
            links: Vec::new(),
            anchors: HashMap::new(),
            outline: Vec::new(),
        }
    }

    fn page_is_empty(&self) -> bool {
        self.y <= self.geometry.top
    }

    fn set_header(&mut self, header: String) {
        self.header = header;
        let last = self.headers.len() - 1;
        self.headers[last] = self.header.clone();
    }

    fn new_page(&mut self) {
        self.place_footnotes();
        self.pages.push(Page::default());
        self.headers.push(self.header.clone());
        self.y = self.geometry.top;
    }

    /// The height the footnotes of this page take, with `extra` ones added.
    fn footnote_height<'a>(&self, extra: impl Iterator<Item = &'a str>) -> f32 {
        let mut names: Vec<&str> = self.page_footnotes.iter().map(String::as_str).collect();
        for name in extra {
            if !names.contains(&name) && !self.placed_footnotes.contains(name) {
                names.push(name);
            }
        }
        if names.is_empty() {
            return 0.0;
        }
        let lines: f32 = names
            .iter()
            .filter_map(|n| self.footnotes.get(*n))
            .flat_map(|lines| lines.iter().map(|l| l.height))
            .sum();
        lines + 12.0
    }

    /// Whether `lines` fit below the current position, with their footnotes.
    fn fits(&self, lines: &[FlowLine]) -> bool {
        let height: f32 = lines.iter().map(|l| l.height).sum();
        let notes = self.footnote_height(lines.iter().flat_map(FlowLine::footnotes));
        self.y + height + notes <= self.geometry.bottom() + 0.01
    }

    /// How many lines from the start of `lines` fit on this page.
    fn fitting(&self, lines: &[FlowLine]) -> usize {
        (0..=lines.len())
            .rev()
            .find(|&n| self.fits(&lines[..n]))
            .unwrap_or(0)
    }

    fn place_block(&mut self, block: &FlowBlock, next: Option<&FlowBlock>) {
        if !self.page_is_empty() {
            self.y += block.space_before;
        }
        let mut wanted: Vec<FlowLine> = block.lines.clone();
        if block.keep_with_next {
            if let Some(next) = next {
                wanted.push(FlowLine::empty(next.space_before));
                wanted.extend(next.lines.iter().take(ORPHANS).cloned());
            }
        }
        if (block.keep_with_next || block.keep_together)
            && !self.fits(&wanted)
            && !self.page_is_empty()
        {
            self.new_page();
        }
        let lines = &block.lines;
        let mut i = 0;
        while i < lines.len() {
            let fit = self.fitting(&lines[i..]);
            let remaining = lines.len() - i;
            if fit >= remaining {
                for line in &lines[i..] {
                    self.place_line(line);
                }
                break;
            }
            let mut take = fit;
            if i == 0 && take < ORPHANS {
                take = 0;
            }
            if remaining - take < WIDOWS {
                take = remaining.saturating_sub(WIDOWS);
                if i == 0 && take < ORPHANS {
                    take = 0;
                }
            }
            let least = if i == 0 { ORPHANS } else { 1 };
            if take > least && lines[i + take - 1].hyphenated {
                take -= 1;
            }
            if take == 0 && self.page_is_empty() {
                take = fit.max(1);
            }
            for line in &lines[i..i + take] {
                self.place_line(line);
            }
            i += take;
            self.new_page();
        }
    }

    fn place_line(&mut self, line: &FlowLine) {
        let page = self.pages.len() - 1;
        for name in line.footnotes() {
            if !self.page_footnotes.iter().any(|n| n == name)
                && !self.placed_footnotes.contains(name)
            {
                self.page_footnotes.push(name.to_string());
            }
        }
        let destination = Destination { page, y: self.y };
        if let Some((title, level)) = &line.outline {
            self.outline.push(OutlineEntry {
                title: title.clone(),
                level: *level,
                destination,
            });
        }
        self.put_line(page, line, self.y);
        self.y += line.height;
    }

    /// Puts a line's glyph runs, links and anchors on `page`, its top at `top`.
    fn put_line(&mut self, page: usize, line: &FlowLine, top: f32) {
        let baseline = top + line.ascent;
        for anchor in &line.anchors {
            self.anchors
                .entry(anchor.clone())
                .or_insert(Destination { page, y: top });
        }
        for (rect, name) in &line.links {
            let rect = Rect {
                y: rect.y + baseline,
                ..*rect
            };
            self.links.push((page, rect, name.clone()));
        }
        push_runs(
            &mut self.pages[page].items,
            line.runs.clone(),
            0.0,
            baseline,
        );
    }

    /// Sets the footnotes of the current page at its foot, under a short rule.
    fn place_footnotes(&mut self) {
        if self.page_footnotes.is_empty() {
            return;
        }
        let names = std::mem::take(&mut self.page_footnotes);
        let height = self.footnote_height(names.iter().map(String::as_str));
        let mut y = self.geometry.bottom() - height + 12.0;
        let page = self.pages.len() - 1;
        self.pages[page].items.push(Item::Rule {
            x: self.geometry.left,
            y: y - 7.0,
            width: self.geometry.text_width / 3.0,
            thickness: 0.5,
        });
        for name in names {
            let Some(lines) = self.footnotes.get(&name).cloned() else {
                continue;
            };
            for line in &lines {
                self.put_line(page, line, y);
                y += line.height;
            }
            self.placed_footnotes.insert(name);
        }
    }

    fn finish(mut self) -> Paginated {
        self.place_footnotes();
        // A link whose target exists becomes clickable; the others stay plain text.
        for (page, rect, name) in std::mem::take(&mut self.links) {
            if let Some(&target) = self.anchors.get(&name) {
                let kind = if name.starts_with("footnote:") {
                    LinkKind::Footnote
                } else {
                    LinkKind::Reference
                };
                self.pages[page]
                    .items
                    .push(Item::Link { rect, target, kind });
            }
        }
        Paginated {
            pages: self.pages,
            headers: self.headers,
            outline: self.outline,
        }
    }
}

impl Paginated {
    fn into_pages(self, geometry: Geometry) -> Pages {
        Pages {
            size: (geometry.width, geometry.height),
            pages: self.pages,
            outline: self.outline,
        }
    }
}

/// Adds runs to a page, moving them to `x` and `baseline`.
fn push_runs(items: &mut Vec<Item>, runs: Vec<GlyphRun>, x: f32, baseline: f32) {
    for mut run in runs {
        run.x += x;
        run.baseline += baseline;
        items.push(Item::Text(run));
    }
}

fn add_anchor(block: &mut FlowBlock, anchor: String) {
    if let Some(first) = block.lines.first_mut() {
        first.anchors.push(anchor);
    }
}

fn plain(text: &str, style: TextStyle) -> Span {
    Span {
        text: text.to_string(),
        style,
        link: None,
    }
}

/// Columns of lines side by side, row by row.
fn merge_columns(columns: Vec<Vec<FlowLine>>) -> Vec<FlowLine> {
    let rows = columns.iter().map(Vec::len).max().unwrap_or(0);
    let height = columns
        .iter()
        .flatten()
        .map(|l| l.height)
        .fold(0.0, f32::max);
    let mut columns: Vec<std::vec::IntoIter<FlowLine>> =
        columns.into_iter().map(Vec::into_iter).collect();
    (0..rows)
        .map(|_| {
            let mut row = FlowLine::empty(0.0);
            for column in &mut columns {
                row.merge(column.next().unwrap_or_else(|| FlowLine::empty(height)));
            }
            row
        })
        .collect()
}

/// Two versions side by side: each block beside its counterpart, so paragraphs stay aligned.
fn side_by_side(left: Vec<FlowBlock>, right: Vec<FlowBlock>) -> Vec<FlowBlock> {
    let count = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..count)
        .map(|_| {
            let a = left.next().unwrap_or_default();
            let b = right.next().unwrap_or_default();
            FlowBlock {
                space_before: a.space_before.max(b.space_before),
                keep_with_next: a.keep_with_next || b.keep_with_next,
                keep_together: a.keep_together || b.keep_together,
                page_break_before: a.page_break_before || b.page_break_before,
                lines: merge_columns(vec![a.lines, b.lines]),
            }
        })
        .collect()
}

/// The title for the running header: whole when short, else up to ` on ` (`Beijing
/// Declaration`), else cut at a word with an ellipsis.
fn short_title(title: &str) -> String {
    if title.chars().count() <= SHORT_TITLE {
        return title.to_string();
    }
    if let Some(at) = title.find(" on ") {
        if title[..at].split_whitespace().count() >= 2 {
            return title[..at].to_string();
        }
    }
    let mut out = String::new();
    for word in title.split_whitespace() {
        if out.chars().count() + word.chars().count() + 1 > SHORT_TITLE {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('\u{2026}');
    out
}
