//! The flow: the print model to blocks of set lines, before they are put on pages. Pure: no PDF
//! library, no I/O, so the result can be tested line by line.
//!
//! Each text becomes a flow of blocks (title block, paragraphs, headings, annex, closing), each
//! block a list of set lines with what keeps it together; footnotes are set apart, to be put at
//! the foot of the page that calls them ([`super::paginate`]). Side by side, the blocks of two
//! texts are set in two columns, row by row of the print model, so each paragraph starts level
//! with its translation.

use std::collections::{BTreeSet, HashMap};

use super::fonts::{BOLD_FACE, FALLBACK_FACE, ITALIC_FACE, REGULAR_FACE};
use super::model::{GlyphRun, Rect};
use super::text::{Align, Line, Shaper, Span, TextStyle};
use super::Paper;
use crate::render::is_chinese;
use crate::render::print::{
    Annex, Bullet, Closing, Footnote, Heading, Inline, Paragraph, Part, Print, Section,
    SignatureBlock, Subparagraph, Text,
};

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
/// The mark that hangs before a bulleted item, and how far in its text starts: close enough
/// that text extraction reads the mark and the words as one line.
pub(super) const BULLET: &str = "\u{2022}";
const BULLET_HANG: f32 = 11.0;
const PARAGRAPH_SPACE: f32 = 7.0;
const HEADING_SPACE: f32 = 14.0;
/// Lines a paragraph keeps together at the foot and the head of a page.
pub(super) const ORPHANS: usize = 2;
pub(super) const WIDOWS: usize = 2;
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

    pub(super) fn bottom(&self) -> f32 {
        self.top + self.text_height
    }
}

/// A set line in the flow, placed horizontally on the page; its height is its leading.
#[derive(Debug, Clone, Default)]
pub(super) struct FlowLine {
    pub height: f32,
    /// From the top of the line to its baseline.
    pub ascent: f32,
    pub runs: Vec<GlyphRun>,
    pub links: Vec<(Rect, String)>,
    /// Anchors defined here: a link to one of them lands on this line.
    pub anchors: Vec<String>,
    pub outline: Option<(String, u8)>,
    /// Whether the line ends with an added hyphen: a page should not end there, since the
    /// word would then be read across the page turn.
    pub hyphenated: bool,
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

    pub(super) fn empty(height: f32) -> FlowLine {
        FlowLine {
            height,
            ..FlowLine::default()
        }
    }

    /// The footnotes this line calls (through its links to them).
    pub(super) fn footnotes(&self) -> impl Iterator<Item = &str> {
        self.links
            .iter()
            .map(|(_, name)| name.as_str())
            .filter(|name| is_footnote(name))
    }

    /// Puts `other` beside this line: the two columns of a parallel text.
    fn merge(&mut self, other: FlowLine) {
        self.ascent = self.ascent.max(other.ascent);
        self.height = self.height.max(other.height);
        self.runs.extend(other.runs);
        self.links.extend(other.links);
        self.anchors.extend(other.anchors);
        // A page must not end on a hyphenated line of either column.
        self.hyphenated |= other.hyphenated;
        if self.outline.is_none() {
            self.outline = other.outline;
        }
    }
}

/// Lines that belong together, and how they may be split across pages.
#[derive(Debug, Clone, Default)]
pub(super) struct FlowBlock {
    pub space_before: f32,
    pub lines: Vec<FlowLine>,
    /// Keep with the first lines of the next block (a heading).
    pub keep_with_next: bool,
    /// Move whole to the next page rather than split (the annex, the closing).
    pub keep_together: bool,
    pub page_break_before: bool,
}

/// A document set as blocks, ready to be put on pages.
pub struct Flow {
    pub(super) blocks: Vec<FlowBlock>,
    /// The lines of each footnote, by the name of its anchor.
    pub(super) footnotes: HashMap<String, Vec<FlowLine>>,
    /// Where each text starts among the blocks, with the title its pages carry at their head.
    pub(super) titles: Vec<(usize, String)>,
}

/// The name of an anchor of a text in the flow: links and their targets meet by it.
fn anchor_name(text: usize, anchor: &str) -> String {
    format!("{text}:{anchor}")
}

/// The name of a footnote's anchor, which the pagination tells from other anchors.
fn footnote_name(text: usize, anchor: &str) -> String {
    format!("footnote:{text}:{anchor}")
}

/// Whether an anchor's name is a footnote's.
pub(super) fn is_footnote(name: &str) -> bool {
    name.starts_with("footnote:")
}

/// One text as a reader sees it: sizes and faces for its script.
struct Voice<'p> {
    index: usize,
    text: &'p Text,
    hyphenation: Option<hypher::Lang>,
    cjk: bool,
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

    fn anchor(&self, anchor: &str) -> String {
        anchor_name(self.index, anchor)
    }
}

/// Sets the texts of a print model: one after the other, each from a new page, or the first two
/// side by side.
pub fn flow(print: &Print, shaper: &Shaper, geometry: Geometry) -> Flow {
    flow_on(print, shaper, geometry, crate::batch::threads())
}

/// [`flow`] on up to `threads` threads.
fn flow_on(print: &Print, shaper: &Shaper, geometry: Geometry, threads: usize) -> Flow {
    let mut setter = Setter {
        shaper,
        geometry,
        footnotes: HashMap::new(),
        draft: print.draft,
        threads,
    };
    let voices: Vec<Voice> = print
        .texts
        .iter()
        .enumerate()
        .map(|(index, text)| setter.voice(index, text))
        .collect();
    let mut blocks = Vec::new();
    let mut titles = Vec::new();
    if print.parallel && voices.len() >= 2 {
        let gap = 18.0;
        let half = (geometry.text_width - gap) / 2.0;
        let columns = [
            (geometry.left, &voices[0]),
            (geometry.left + half + gap, &voices[1]),
        ];
        for voice in &voices[..2] {
            setter.footnotes_of(voice);
        }
        let rows = print.rows();
        for row in setter.on_all_cores(&rows, |setter, row| {
            let [left, right] = columns.map(|(x, voice)| match row[voice.index] {
                Some(part) => setter.part(voice, part, x, half),
                None => Vec::new(),
            });
            side_by_side(left, right)
        }) {
            blocks.extend(row);
        }
        titles.push((
            0,
            short_title(voices[0].text.title.as_deref().unwrap_or("")),
        ));
    } else {
        // The parts of all texts are set together, so that the cores share one list however
        // many texts there are.
        let mut parts = Vec::new();
        for voice in &voices {
            setter.footnotes_of(voice);
            parts.extend(
                voice
                    .text
                    .parts()
                    .into_iter()
                    .map(|(_, part)| (voice, part)),
            );
        }
        let mut set = setter
            .on_all_cores(&parts, |setter, &(voice, part)| {
                setter.part(voice, part, geometry.left, geometry.text_width)
            })
            .into_iter()
            .zip(&parts)
            .peekable();
        for (i, voice) in voices.iter().enumerate() {
            let mut text: Vec<FlowBlock> = Vec::new();
            while let Some((part, _)) = set.next_if(|(_, (v, _))| v.index == voice.index) {
                text.extend(part);
            }
            if i > 0 {
                if let Some(first) = text.first_mut() {
                    first.page_break_before = true;
                }
            }
            titles.push((
                blocks.len(),
                short_title(voice.text.title.as_deref().unwrap_or("")),
            ));
            blocks.extend(text);
        }
    }
    Flow {
        blocks,
        footnotes: setter.footnotes,
        titles,
    }
}

struct Setter<'s> {
    shaper: &'s Shaper<'s>,
    geometry: Geometry,
    footnotes: HashMap<String, Vec<FlowLine>>,
    /// Print the draft notice above each text's title.
    draft: bool,
    /// How many threads set the parts.
    threads: usize,
}

impl Setter<'_> {
    fn voice<'p>(&self, index: usize, text: &'p Text) -> Voice<'p> {
        let language = text.language.as_str();
        let cjk = is_chinese(language) || language == "ja" || language == "ko";
        let iso = language.as_bytes();
        let hyphenation = (iso.len() >= 2)
            .then(|| hypher::Lang::from_iso([iso[0], iso[1]]))
            .flatten();
        Voice {
            index,
            text,
            hyphenation: if cjk { None } else { hyphenation },
            cjk: cjk && self.shaper.has_fallback(),
        }
    }

    /// What `set` makes of each item, in order, the items shared among the cores. Each thread
    /// sets with a shaper of its own, over the same fonts: a shaper keeps the words it has
    /// shaped, which cannot be shared between threads, and a part is set the same by any
    /// shaper. What the others find missing is counted in this setter's shaper.
    fn on_all_cores<T: Sync>(
        &self,
        items: &[T],
        set: impl Fn(&Setter, &T) -> Vec<FlowBlock> + Sync,
    ) -> Vec<Vec<FlowBlock>> {
        // On one thread, this setter's own shaper sets them, with the words it has shaped.
        if self.threads <= 1 || items.len() <= 1 {
            return items.iter().map(|item| set(self, item)).collect();
        }
        let fonts = self.shaper.fonts();
        let (geometry, draft, threads) = (self.geometry, self.draft, self.threads);
        let mut out = Vec::with_capacity(items.len());
        let mut missing = BTreeSet::new();
        crate::batch::in_order_with(
            items,
            threads,
            || Shaper::new(fonts),
            |shaper, item| {
                let setter = Setter {
                    shaper,
                    geometry,
                    footnotes: HashMap::new(),
                    draft,
                    threads: 1,
                };
                let blocks = set(&setter, item);
                (blocks, shaper.take_missing())
            },
            |_, (blocks, lost)| {
                out.push(blocks);
                missing.extend(lost);
            },
        );
        self.shaper.note_missing(missing);
        out
    }

    /// The blocks of one part of a text, set `width` wide from `x`.
    fn part(&self, voice: &Voice, part: Part, x: f32, width: f32) -> Vec<FlowBlock> {
        match part {
            Part::Title(text) => vec![self.title_block(voice, text, x, width)],
            Part::Heading(section, heading) => {
                vec![self.heading_block(voice, section, heading, x, width)]
            }
            Part::Paragraph(p) => self.paragraph_blocks(voice, p, x, width),
            Part::Annex(annex) => vec![self.annex_block(voice, annex, x, width)],
            Part::Closing(closing) => vec![self.closing_block(voice, closing, x, width)],
            Part::Signatures(block) => self.signature_blocks(voice, block, x, width),
            // Footnotes stand at the foot of the pages that call them, set by `footnotes_of`.
            Part::Footnotes(_) => Vec::new(),
        }
    }

    /// A paragraph and its sub-paragraphs. A numbered paragraph hangs its number, and its
    /// sub-paragraphs hang with it; an unnumbered one starts at the margin.
    fn paragraph_blocks(&self, voice: &Voice, p: &Paragraph, x: f32, width: f32) -> Vec<FlowBlock> {
        let (size, leading) = voice.body();
        let (mut flow, hang) = match &p.number {
            Some(number) => {
                let hang = self.hang(voice);
                (
                    self.hanging_block(voice, &number.printed(), &p.content, x, width, hang),
                    hang,
                )
            }
            None => {
                let mut flow = self.text_block(voice, &p.content, x, width, size, leading);
                flow.space_before = PARAGRAPH_SPACE;
                (flow, 0.0)
            }
        };
        if let Some(anchor) = &p.anchor {
            add_anchor(&mut flow, voice.anchor(anchor));
        }
        let mut blocks = vec![flow];
        blocks.extend(self.bullet_blocks(voice, &p.bullets, x, width, hang));
        blocks.extend(self.subparagraph_blocks(voice, &p.subparagraphs, x, width, hang));
        blocks
    }

    /// Bulleted items set `indent` in, each with its nested ones a step further in after it.
    fn bullet_blocks(
        &self,
        voice: &Voice,
        bullets: &[Bullet],
        x: f32,
        width: f32,
        indent: f32,
    ) -> Vec<FlowBlock> {
        let mut blocks = Vec::new();
        for bullet in bullets {
            let mut block = self.hanging_block(
                voice,
                BULLET,
                &bullet.content,
                x + indent,
                width - indent,
                BULLET_HANG,
            );
            block.space_before = PARAGRAPH_SPACE / 2.0;
            blocks.push(block);
            blocks.extend(self.bullet_blocks(
                voice,
                &bullet.bullets,
                x,
                width,
                indent + BULLET_HANG,
            ));
        }
        blocks
    }

    /// The title, centred, then the place and date of the meeting.
    fn title_block(&self, voice: &Voice, text: &Text, x: f32, width: f32) -> FlowBlock {
        let title = text.title.clone().unwrap_or_default();
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
        if let Some(line) = &text.place_and_date {
            let (size, leading) = voice.body();
            let style = voice.style(ITALIC_FACE, size);
            lines.push(FlowLine::empty(8.0));
            for line in self
                .shaper
                .paragraph(&[plain(line, style)], width, Align::Center, None)
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
        section: &Section,
        heading: &Heading,
        x: f32,
        width: f32,
    ) -> FlowBlock {
        let face = if heading.level <= 2 {
            BOLD_FACE
        } else {
            ITALIC_FACE
        };
        // A division (`# Annex B`) starts a page of its own, under a larger heading.
        let division = heading.level <= 1;
        let size = match (voice.cjk, division) {
            (true, false) => CJK_BODY + 0.5,
            (true, true) => CJK_BODY + 2.0,
            (false, false) => HEADING,
            (false, true) => HEADING + 2.0,
        };
        let style = voice.style(face, size);
        let spans = self.spans(voice, &heading.content, style);
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&spans, width, Align::Center, None)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x, voice.body().1 + 1.0, size))
            .collect();
        if let Some(first) = lines.first_mut() {
            first.anchors.push(voice.anchor(&section.anchor));
            first.outline = Some((heading.text.clone(), heading.level.saturating_sub(1).max(1)));
        }
        lines.push(FlowLine::empty(2.0));
        FlowBlock {
            space_before: HEADING_SPACE,
            lines,
            keep_with_next: true,
            page_break_before: division,
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

    /// The widest paragraph number of a text, and a gap: where the text of every numbered
    /// paragraph starts, so that numbers hang in the margin of the text.
    fn hang(&self, voice: &Voice) -> f32 {
        let (size, _) = voice.body();
        let style = voice.style(REGULAR_FACE, size);
        let widest = voice
            .text
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .filter_map(|p| p.number.as_ref())
            .map(|n| self.shaper.width(&n.printed(), style))
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
            let marker = format!("({})", sub.marker);
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
            if let Some(anchor) = &sub.anchor {
                add_anchor(&mut block, voice.anchor(anchor));
            }
            blocks.push(block);
            blocks.extend(self.bullet_blocks(voice, &sub.bullets, x, width, indent + INDENT_STEP));
            blocks.extend(self.subparagraph_blocks(
                voice,
                &sub.subparagraphs,
                x,
                width,
                indent + INDENT_STEP,
            ));
        }
        blocks
    }

    /// Sets the footnotes of a text, to be placed at the foot of the pages that call them. A
    /// footnote spans the whole text block, also beside a parallel text.
    fn footnotes_of(&mut self, voice: &Voice) {
        for footnote in &voice.text.footnotes {
            self.footnote(voice, footnote, self.geometry.text_width);
        }
    }

    fn footnote(&mut self, voice: &Voice, footnote: &Footnote, width: f32) {
        let size = FOOTNOTE;
        let style = voice.style(REGULAR_FACE, size);
        // Close enough that text extraction reads the number with the note it numbers.
        let hang = size * 1.1;
        let spans = self.spans(voice, &footnote.content, style);
        let x = self.geometry.left;
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&spans, width - hang, Align::Justify, voice.hyphenation)
            .into_iter()
            .map(|l| FlowLine::from_line(l, x + hang, FOOTNOTE_LEADING, size))
            .collect();
        let marker = self.shaper.line(&footnote.number.to_string(), style);
        let marker = FlowLine::from_line(marker, x, FOOTNOTE_LEADING, size);
        match lines.first_mut() {
            Some(first) => first.runs.extend(marker.runs),
            None => lines.push(marker),
        }
        let name = footnote_name(voice.index, &footnote.anchor);
        lines[0].anchors.push(name.clone());
        self.footnotes.insert(name, lines);
    }

    /// The member list: groups side by side in columns, or the members balanced over columns.
    fn annex_block(&self, voice: &Voice, annex: &Annex, x: f32, width: f32) -> FlowBlock {
        // Lists are set tighter than prose, Chinese too: lines much further apart than their
        // size are read as separate blocks by text extraction, which then reads across columns.
        let (size, _) = voice.body();
        let leading = size * 1.32;
        let style = voice.style(BOLD_FACE, HEADING.min(size + 0.5));
        // A list inside the text without a title of its own has no heading.
        let heading = if annex.has_heading() {
            annex.heading.as_str()
        } else {
            ""
        };
        let mut lines: Vec<FlowLine> = self
            .shaper
            .paragraph(&[plain(heading, style)], width, Align::Center, None)
            .into_iter()
            .filter(|_| !heading.is_empty())
            .map(|l| FlowLine::from_line(l, x, leading + 1.0, style.size))
            .collect();
        if let Some(first) = lines.first_mut() {
            first.outline = Some((annex.heading.clone(), 1));
            first.anchors.push(voice.anchor(&annex.anchor));
        }
        lines.push(FlowLine::empty(leading / 2.0));
        // A column is a list of entries, each a name (or a group's heading) set in it.
        let mut columns: Vec<Vec<(&str, bool)>> = Vec::new();
        // A list inside the text is set in one column, so that the text after it is read after
        // it, also by text extraction, which reads down columns that line up.
        let max_columns = if annex.inline {
            1
        } else if width < 300.0 {
            2
        } else {
            3
        };
        fn names(members: &[crate::render::print::Member]) -> Vec<(&str, bool)> {
            members.iter().map(|m| (m.name.as_str(), false)).collect()
        }
        let grouped = !annex.groups.is_empty()
            && annex.groups.len() + usize::from(!annex.members.is_empty()) <= max_columns;
        if grouped {
            if !annex.members.is_empty() {
                columns.push(names(&annex.members));
            }
            for group in &annex.groups {
                let mut column = vec![(group.heading.as_str(), true)];
                column.extend(names(&group.members));
                columns.push(column);
            }
        } else {
            let mut entries = names(&annex.members);
            for group in &annex.groups {
                entries.push((group.name.as_str(), true));
                entries.extend(names(&group.members));
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
            space_before: if annex.inline {
                PARAGRAPH_SPACE
            } else {
                HEADING_SPACE * 1.5
            },
            lines,
            keep_together: !annex.inline,
            ..FlowBlock::default()
        }
    }

    /// The place and date of adoption and the adopting body, at the end.
    fn closing_block(&self, voice: &Voice, closing: &Closing, x: f32, width: f32) -> FlowBlock {
        let (size, leading) = voice.body();
        let mut lines = Vec::new();
        let parts = [(&closing.line, ITALIC_FACE), (&closing.by, BOLD_FACE)];
        for (text, face) in parts {
            let Some(text) = text else { continue };
            let style = voice.style(face, size);
            for line in self
                .shaper
                .paragraph(&[plain(text, style)], width, Align::Left, None)
            {
                lines.push(FlowLine::from_line(line, x, leading, size));
            }
        }
        FlowBlock {
            space_before: HEADING_SPACE * 2.0,
            lines,
            keep_together: true,
            ..FlowBlock::default()
        }
    }

    /// A signature block: each signatory kept together, for whom in italics, the name in bold,
    /// then the titles.
    fn signature_blocks(
        &self,
        voice: &Voice,
        block: &SignatureBlock,
        x: f32,
        width: f32,
    ) -> Vec<FlowBlock> {
        let (size, leading) = voice.body();
        block
            .signatories
            .iter()
            .enumerate()
            .map(|(index, signatory)| {
                let mut lines = Vec::new();
                let parts = std::iter::once((signatory.party.as_ref(), ITALIC_FACE))
                    .chain(std::iter::once((signatory.name.as_ref(), BOLD_FACE)))
                    .chain(signatory.titles.iter().map(|t| (Some(t), REGULAR_FACE)));
                for (text, face) in parts {
                    let Some(text) = text else { continue };
                    let style = voice.style(face, size);
                    for line in
                        self.shaper
                            .paragraph(&[plain(text, style)], width, Align::Left, None)
                    {
                        lines.push(FlowLine::from_line(line, x, leading, size));
                    }
                }
                FlowBlock {
                    space_before: if index == 0 {
                        HEADING_SPACE * 2.0
                    } else {
                        PARAGRAPH_SPACE * 2.0
                    },
                    lines,
                    keep_together: true,
                    ..FlowBlock::default()
                }
            })
            .collect()
    }

    /// Inline content as styled spans: marks to faces, references to their numbers, footnote
    /// markers to raised numbers that link to the footnote.
    fn spans(&self, voice: &Voice, content: &[Inline], style: TextStyle) -> Vec<Span> {
        let mut out = Vec::new();
        push_spans(voice, content, style, &mut out);
        out
    }
}

fn push_spans(voice: &Voice, content: &[Inline], style: TextStyle, out: &mut Vec<Span>) {
    let styled = |face: usize| TextStyle {
        face: voice.face(face),
        ..style
    };
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Fact { text, .. } => out.push(plain(text, style)),
            Inline::Emphasis(content) => push_spans(voice, content, styled(ITALIC_FACE), out),
            Inline::Strong(content) => push_spans(voice, content, styled(BOLD_FACE), out),
            Inline::Quote {
                open,
                close,
                content,
            } => {
                out.push(plain(open, style));
                push_spans(voice, content, style, out);
                out.push(plain(close, style));
            }
            Inline::FootnoteRef {
                id, number, target, ..
            } => match number {
                Some(number) => out.push(Span {
                    text: number.to_string(),
                    style: TextStyle {
                        size: style.size * 0.62,
                        rise: style.size * 0.36,
                        face: voice.face(REGULAR_FACE),
                    },
                    link: Some(footnote_name(voice.index, target)),
                }),
                None => out.push(plain(&format!("[^{id}]"), style)),
            },
            // A PDF carries no web links: the words or the address are printed.
            Inline::Link { content, .. } => push_spans(voice, content, style, out),
            Inline::Reference { label, target } => match target {
                Some(target) => out.push(Span {
                    text: target.text.clone(),
                    style,
                    link: Some(voice.anchor(&target.anchor)),
                }),
                None => out.push(plain(&Inline::unresolved(label), style)),
            },
        }
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

/// The blocks of one row of two texts side by side: each block beside its counterpart (a
/// paragraph beside its translation, then each sub-paragraph beside its own), so that they
/// start level.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::fonts::FontSet;
    use crate::render::pdf::paginate::paginate;
    use crate::render::Options;

    /// The English ASEM declaration as `build` prints it, alone or beside its Chinese version.
    fn print(parallel: bool) -> Print {
        let options = Options {
            language: (!parallel).then(|| "en".to_string()),
            parallel,
            ..Options::default()
        };
        Print::of_text(
            include_str!("../../../examples/asem-sme-2007.decl"),
            &options,
        )
    }

    #[test]
    fn setting_the_parts_on_all_cores_lays_out_what_setting_them_in_turn_lays_out() {
        let geometry = Geometry::of(Paper::A4);
        // The shipped fonts have no Chinese: the characters each thread finds missing must all
        // be counted.
        let fonts = FontSet::shipped();
        for parallel in [false, true] {
            let print = print(parallel);
            let laid_out = |threads| {
                let shaper = Shaper::new(&fonts);
                let flow = flow_on(&print, &shaper, geometry, threads);
                (paginate(&flow, &shaper, geometry), shaper.missing())
            };
            let (pages, missing) = laid_out(1);
            assert_eq!(missing.contains(&'中'), parallel, "{missing:?}");
            for threads in [2, 3, 8] {
                assert!(
                    laid_out(threads) == (pages.clone(), missing.clone()),
                    "{threads} threads lay the text out otherwise (parallel: {parallel})"
                );
            }
        }
    }
}
