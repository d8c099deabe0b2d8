//! Setting text: shaping with rustybuzz (kerning, ligatures), line breaking by the Unicode rules
//! (UAX #14, which also breaks between CJK characters), hyphenation with hypher, and
//! justification. A paragraph goes in as styled spans and comes out as lines of placed glyphs.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::fonts::{FontSet, FALLBACK_FACE};
use super::model::{FaceId, Glyph, GlyphRun, Rect};

/// How much an inter-word space may shrink to fit one more word on a line.
const SPACE_SHRINK: f32 = 0.2;
/// How much wider than natural the spaces of a line may grow before a hyphenation is tried.
const SPACE_STRETCH: f32 = 0.6;
/// At most this many lines in a row end with an added hyphen; a narrow column (a parallel
/// text) needs more of them to avoid loose lines.
const MAX_HYPHENATED_IN_A_ROW: usize = 2;
const MAX_HYPHENATED_IN_A_ROW_NARROW: usize = 3;
/// Below this measure, in points, a column counts as narrow.
const NARROW: f32 = 260.0;

/// The look of a span of text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// The face tried first; characters it lacks come from the fallback face.
    pub face: FaceId,
    pub size: f32,
    /// How far above the baseline (superscript footnote markers).
    pub rise: f32,
}

/// A piece of a paragraph in one style, perhaps a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: TextStyle,
    /// Where a click on this span leads: an anchor name resolved after pagination.
    pub link: Option<String>,
}

/// How the lines of a paragraph sit in their measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Flush on both sides, except the last line.
    Justify,
    Left,
    Center,
}

/// One set line: runs and links placed from the line's start, baselines at 0.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Line {
    pub width: f32,
    pub runs: Vec<GlyphRun>,
    pub links: Vec<(Rect, String)>,
    /// Whether the line ends with a hyphen that plenary added.
    pub hyphenated: bool,
}

/// The shaping faces of a document, and the characters no face has.
pub struct Shaper<'a> {
    fonts: &'a FontSet,
    faces: Vec<rustybuzz::Face<'a>>,
    missing: RefCell<BTreeSet<char>>,
    /// The shape plans made so far, one per face, direction, script and language. Making a
    /// plan reads the font's layout tables, which took half the shaping time when it was done
    /// for every word.
    plans: RefCell<HashMap<PlanKey, Rc<rustybuzz::ShapePlan>>>,
    /// The glyphs of each short text shaped so far, by face: text is shaped word by word, and
    /// a declaration says its words many times over ("Ministers", "the", the space).
    words: RefCell<HashMap<FaceId, ShapedWords>>,
}

/// The glyphs of each text shaped in one face.
type ShapedWords = HashMap<Box<str>, Rc<[ShapedGlyph]>>;

/// One glyph of a shaped text, in font units, before any style is applied.
#[derive(Debug, Clone, Copy)]
struct ShapedGlyph {
    id: u16,
    x_advance: i32,
    /// The byte range of its cluster in the text.
    cluster: u32,
    cluster_end: u32,
}

/// The longest text whose glyphs are kept for the next time it is shaped: longer than any
/// word, shorter than most runs that are not one.
const MOST_CACHED_BYTES: usize = 64;

type PlanKey = (
    FaceId,
    rustybuzz::Direction,
    rustybuzz::Script,
    Option<rustybuzz::Language>,
);

/// The most characters shaped at once. No word is this long; a longer run (80,000 letters
/// without a space, or a letter under 65,537 accents, which overflowed the shaper) is shaped
/// in pieces of this size, which keeps each call's cost bounded.
const MOST_SHAPED_AT_ONCE: usize = 1000;

/// The longest word, in bytes, that is hyphenated (the longest words of the dictionaries have
/// 45 letters).
const MOST_HYPHENATED_BYTES: usize = 200;

/// A glyph as shaped, before it is placed on a line.
#[derive(Debug, Clone, PartialEq)]
struct Shaped {
    id: u16,
    face: FaceId,
    size: f32,
    rise: f32,
    advance: f32,
    text: Copied,
    link: Option<usize>,
    /// Where its cluster starts in the paragraph's text, in bytes.
    at: usize,
}

/// The text a glyph copies as: its cluster of the paragraph's text, or a character that stands
/// in for what the paragraph has there. Kept as a length, not a copy, until the glyph is placed
/// on a line: most glyphs are shaped for lines they are not set on (each line is tried), and a
/// copy of every glyph's text was a fifth of the allocations of a build.
#[derive(Debug, Clone, PartialEq)]
enum Copied {
    /// The paragraph's text from the glyph's `at`, this many bytes long: the whole cluster on
    /// its first glyph, nothing on the others.
    Cluster(usize),
    /// The space that a break of any width is copied as.
    Space,
    /// The hyphen of a word broken at the end of a line.
    Hyphen,
}

impl Copied {
    fn text<'t>(&self, paragraph: &'t str, at: usize) -> &'t str {
        match *self {
            Copied::Cluster(len) => paragraph.get(at..at + len).unwrap_or(""),
            Copied::Space => " ",
            Copied::Hyphen => "-",
        }
    }
}

/// A piece of text between two break opportunities: its glyphs and the space after it.
#[derive(Debug, Clone)]
struct Segment {
    glyphs: Vec<Shaped>,
    width: f32,
    /// The byte range of the visible text, without the trailing space.
    start: usize,
    end: usize,
    /// The trailing space, if any: its glyph and width.
    space: Option<Shaped>,
}

impl Segment {
    fn space_width(&self) -> f32 {
        self.space.as_ref().map_or(0.0, |s| s.advance)
    }
}

impl<'a> Shaper<'a> {
    pub fn new(fonts: &'a FontSet) -> Shaper<'a> {
        let faces: Vec<rustybuzz::Face<'a>> = fonts
            .files
            .iter()
            .map(|f| rustybuzz::Face::from_slice(&f.bytes, f.index).expect("the font was parsed"))
            .collect();
        Shaper {
            fonts,
            faces,
            missing: RefCell::new(BTreeSet::new()),
            plans: RefCell::new(HashMap::new()),
            words: RefCell::new(HashMap::new()),
        }
    }

    /// The characters that no face could show, so far.
    pub fn missing(&self) -> BTreeSet<char> {
        self.missing.borrow().clone()
    }

    /// The fonts it shapes in, from which a shaper for another thread is made (a shaper's
    /// caches are its own thread's).
    pub fn fonts(&self) -> &'a FontSet {
        self.fonts
    }

    /// Counts as missing what another shaper of the same fonts found missing.
    pub fn note_missing(&self, characters: BTreeSet<char>) {
        self.missing.borrow_mut().extend(characters);
    }

    /// The characters found missing since this was last asked, forgotten here.
    pub fn take_missing(&self) -> BTreeSet<char> {
        std::mem::take(&mut self.missing.borrow_mut())
    }

    fn face_or_regular(&self, face: FaceId) -> FaceId {
        if face < self.faces.len() {
            face
        } else {
            0
        }
    }

    /// Whether a face for other scripts is loaded.
    pub fn has_fallback(&self) -> bool {
        self.faces.len() > FALLBACK_FACE
    }

    /// The width of `text` set on one line.
    pub fn width(&self, text: &str, style: TextStyle) -> f32 {
        self.line(text, style).width
    }

    /// `text` on one line, unbroken.
    pub fn line(&self, text: &str, style: TextStyle) -> Line {
        let spans = [Span {
            text: text.to_string(),
            style,
            link: None,
        }];
        self.paragraph(&spans, f32::INFINITY, Align::Left, None)
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// Breaks `spans` into lines `width` wide, hyphenating words of `language` when a line
    /// would otherwise be loose.
    pub fn paragraph(
        &self,
        spans: &[Span],
        width: f32,
        align: Align,
        language: Option<hypher::Lang>,
    ) -> Vec<Line> {
        let paragraph = Paragraph::new(spans);
        let segments = self.segments(&paragraph);
        let mut lines = Vec::new();
        let mut queue: std::collections::VecDeque<Segment> = segments.into();
        let mut hyphenated_in_a_row = 0;
        let most_hyphenated = if width < NARROW {
            MAX_HYPHENATED_IN_A_ROW_NARROW
        } else {
            MAX_HYPHENATED_IN_A_ROW
        };
        while !queue.is_empty() {
            let mut line: Vec<Segment> = Vec::new();
            let mut natural = 0.0f32;
            let mut spaces = 0.0f32;
            let mut hyphenated = false;
            while let Some(segment) = queue.pop_front() {
                let gap = line.last().map_or(0.0, Segment::space_width);
                let shrink = (spaces + gap) * SPACE_SHRINK;
                if natural + gap + segment.width - shrink <= width {
                    natural += gap + segment.width;
                    spaces += gap;
                    line.push(segment);
                    continue;
                }
                let loose = spaces > 0.0 && (width - natural) / spaces > SPACE_STRETCH;
                // The last word of a paragraph is not split: its tail alone on the last line
                // looks worse than a loose line.
                let may_hyphenate = line.is_empty()
                    || (loose && hyphenated_in_a_row < most_hyphenated && !queue.is_empty())
                    || spaces == 0.0;
                let room = width - natural - gap;
                let split = if may_hyphenate {
                    language.and_then(|lang| self.hyphenate(&paragraph, &segment, room, lang))
                } else {
                    None
                };
                match split {
                    Some((head, tail)) => {
                        line.push(head);
                        queue.push_front(tail);
                        hyphenated = true;
                    }
                    None if line.is_empty() => {
                        // A word wider than the whole measure (an address, say) is cut
                        // where it must be, rather than running into the margin: into
                        // pieces of a line each, all at once.
                        let mut pieces = cut(segment, room).into_iter();
                        line.extend(pieces.next());
                        for piece in pieces.rev() {
                            queue.push_front(piece);
                        }
                    }
                    None => queue.push_front(segment),
                }
                break;
            }
            hyphenated_in_a_row = if hyphenated {
                hyphenated_in_a_row + 1
            } else {
                0
            };
            let last = queue.is_empty();
            lines.push(self.place(&paragraph, line, width, align, last, hyphenated));
        }
        lines
    }

    /// The segments of a paragraph, from its break opportunities.
    fn segments(&self, paragraph: &Paragraph) -> Vec<Segment> {
        let text = &paragraph.text;
        let mut segments = Vec::new();
        let mut start = 0;
        for (at, opportunity) in linebreaks(text) {
            if at == 0
                || (at == text.len() && opportunity == BreakOpportunity::Mandatory && start == at)
            {
                continue;
            }
            // A compound such as `non-tariff` stays whole: a line ending in its hyphen would be
            // read as a hyphenated word and joined (`nontariff`) by anything that extracts text.
            let before = text[..at].chars().next_back();
            let after = text[at..].chars().next();
            if before == Some('-') && after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let piece = &text[start..at];
            let visible = piece.trim_end_matches([' ', '\n', '\t']);
            let end = start + visible.len();
            let glyphs = self.shape(paragraph, start, end);
            let space = (end < at).then(|| {
                let mut space = self.shape(paragraph, end, end + 1);
                space.pop().map(|mut g| {
                    g.text = Copied::Space;
                    g
                })
            });
            segments.push(Segment {
                width: glyphs.iter().map(|g| g.advance).sum(),
                glyphs,
                start,
                end,
                space: space.flatten(),
            });
            start = at;
        }
        segments
    }

    /// Splits `segment` at the last hyphenation point whose head, with a hyphen, fits `room`.
    fn hyphenate(
        &self,
        paragraph: &Paragraph,
        segment: &Segment,
        room: f32,
        lang: hypher::Lang,
    ) -> Option<(Segment, Segment)> {
        // A piece of a word cut in pieces (right-to-left, its ends may be reversed) is not
        // hyphenated again.
        let text = paragraph.text.get(segment.start..segment.end)?;
        // No word in a dictionary is longer; a longer run of letters is cut where it must be.
        if text.len() > MOST_HYPHENATED_BYTES {
            return None;
        }
        // Only the letters of a word are hyphenated, not the punctuation around it.
        let lead = text.len() - text.trim_start_matches(|c: char| !c.is_alphabetic()).len();
        let core = text[lead..].trim_end_matches(|c: char| !c.is_alphabetic());
        // A compound (`mentorship-driven`) is hyphenated inside its parts, never at its own
        // hyphen (see `segments`).
        let mut offsets = Vec::new();
        let mut at = segment.start + lead;
        for part in core.split('-') {
            let is_word = part.chars().count() >= 5
                && part.chars().all(char::is_alphabetic)
                && part.chars().any(char::is_lowercase);
            if is_word {
                let syllables: Vec<&str> = hypher::hyphenate(part, lang).collect();
                let mut inner = at;
                for syllable in &syllables[..syllables.len() - 1] {
                    inner += syllable.len();
                    offsets.push(inner);
                }
            }
            at += part.len() + 1;
        }
        // The head grows with the split, so the last split whose head fits is the one before
        // the first whose head does not.
        let mut fitting = None;
        for &split in &offsets {
            let mut head = self.shape(paragraph, segment.start, split);
            let Some(last) = head.last().cloned() else {
                continue;
            };
            let hyphen = self.hyphen_glyph(&last);
            let width: f32 = head.iter().map(|g| g.advance).sum::<f32>() + hyphen.advance;
            if width > room {
                break;
            }
            head.push(hyphen);
            fitting = Some((split, head, width));
        }
        let (split, head, width) = fitting?;
        let tail = self.shape(paragraph, split, segment.end);
        Some((
            Segment {
                width,
                glyphs: head,
                start: segment.start,
                end: split,
                space: None,
            },
            Segment {
                width: tail.iter().map(|g| g.advance).sum(),
                glyphs: tail,
                start: split,
                end: segment.end,
                space: segment.space.clone(),
            },
        ))
    }

    /// A hyphen in the look of `like`. It copies as `-`: a reader of the text (pdftotext, a
    /// screen reader) joins a line that ends with a hyphen to the next, so the word comes out
    /// whole, where a hyphen copied as nothing would leave it cut in two.
    fn hyphen_glyph(&self, like: &Shaped) -> Shaped {
        let face = &self.faces[like.face];
        let id = face.glyph_index('-').map_or(0, |g| g.0);
        let advance = face
            .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(id))
            .unwrap_or(0) as f32
            / face.units_per_em() as f32
            * like.size;
        Shaped {
            id,
            advance,
            text: Copied::Hyphen,
            link: None,
            ..like.clone()
        }
    }

    /// Places the segments of one line, spreading the spare width for a justified line.
    fn place(
        &self,
        paragraph: &Paragraph,
        segments: Vec<Segment>,
        width: f32,
        align: Align,
        last: bool,
        hyphenated: bool,
    ) -> Line {
        let count = segments.len();
        let natural: f32 = segments.iter().map(|s| s.width).sum::<f32>()
            + segments[..count.saturating_sub(1)]
                .iter()
                .map(Segment::space_width)
                .sum::<f32>();
        let spaces = segments[..count.saturating_sub(1)]
            .iter()
            .filter(|s| s.space.is_some())
            .count();
        let justify = align == Align::Justify && (!last || natural > width) && width.is_finite();
        let spare = width - natural;
        // Spare width goes into the spaces; a line without spaces (Chinese) spreads it
        // between its characters instead.
        let (per_space, per_gap) = match (justify, spaces) {
            (false, _) => (0.0, 0.0),
            (true, 0) if count > 1 => (0.0, spare / (count - 1) as f32),
            (true, 0) => (0.0, 0.0),
            (true, n) => (spare / n as f32, 0.0),
        };
        let mut placed: Vec<(f32, Shaped)> = Vec::new();
        let mut x = 0.0;
        for (i, segment) in segments.into_iter().enumerate() {
            for glyph in segment.glyphs {
                let advance = glyph.advance;
                placed.push((x, glyph));
                x += advance;
            }
            if i + 1 < count {
                if let Some(space) = segment.space {
                    let advance = space.advance;
                    placed.push((x, space));
                    x += advance + per_space;
                }
                x += per_gap;
            }
        }
        let line_width = x;
        let shift = match align {
            Align::Center if width.is_finite() => (width - line_width) / 2.0,
            _ => 0.0,
        };
        let mut line = Line {
            width: line_width,
            hyphenated,
            ..Line::default()
        };
        let mut link_start: Option<(f32, usize, f32)> = None;
        for (x, glyph) in &placed {
            let x = x + shift;
            let text = glyph.text.text(&paragraph.text, glyph.at);
            let same_run = line.runs.last().is_some_and(|run: &GlyphRun| {
                run.face == glyph.face && run.size == glyph.size && run.baseline == -glyph.rise
            });
            if !same_run {
                line.runs.push(GlyphRun {
                    face: glyph.face,
                    size: glyph.size,
                    x,
                    baseline: -glyph.rise,
                    width: 0.0,
                    glyphs: Vec::new(),
                });
            }
            let run = line.runs.last_mut().expect("a run was just pushed");
            run.width = x + glyph.advance - run.x;
            run.glyphs.push(Glyph {
                id: glyph.id,
                x: x - run.x,
                text: text.to_string(),
            });
            // Links cover the glyphs of their span, line by line.
            match (link_start, glyph.link) {
                (Some((_, l, _)), Some(k)) if l == k => {
                    if let Some(start) = link_start.as_mut() {
                        start.2 = x + glyph.advance;
                    }
                }
                _ => {
                    if let Some((start, l, end)) = link_start.take() {
                        line.links.push((
                            link_rect(start, end, glyph.size),
                            paragraph.link_names[l].clone(),
                        ));
                    }
                    link_start = glyph.link.map(|k| (x, k, x + glyph.advance));
                }
            }
        }
        if let Some((start, l, end)) = link_start {
            let size = placed.last().map_or(10.0, |(_, g)| g.size);
            line.links
                .push((link_rect(start, end, size), paragraph.link_names[l].clone()));
        }
        line
    }

    /// Shapes the text between two byte offsets of a paragraph, span by span and face by face.
    fn shape(&self, paragraph: &Paragraph, start: usize, end: usize) -> Vec<Shaped> {
        let mut out = Vec::new();
        for (span_index, span_start, span_end) in paragraph.spans_in(start, end) {
            let style = paragraph.styles[span_index];
            let text = &paragraph.text[span_start..span_end];
            // Cut the span where the face that has the characters changes.
            let mut run_start = 0;
            let mut run_face = None;
            for (i, c) in text.char_indices() {
                let face = self.face_for(c, style.face);
                if run_face.is_some_and(|f| f != face) {
                    let f = run_face.expect("checked");
                    self.shape_run(
                        &text[run_start..i],
                        span_start + run_start,
                        f,
                        style,
                        paragraph.links[span_index],
                        &mut out,
                    );
                    run_start = i;
                }
                run_face = Some(face);
            }
            if let Some(face) = run_face {
                self.shape_run(
                    &text[run_start..],
                    span_start + run_start,
                    face,
                    style,
                    paragraph.links[span_index],
                    &mut out,
                );
            }
        }
        out
    }

    /// The face to set `c` in: the preferred one when it has the character, else the first
    /// face of the fallback chain that has it.
    fn face_for(&self, c: char, preferred: FaceId) -> FaceId {
        let preferred = self.face_or_regular(preferred);
        if c.is_whitespace() || needs_no_glyph(c) || self.faces[preferred].glyph_index(c).is_some()
        {
            return preferred;
        }
        (FALLBACK_FACE..self.faces.len())
            .find(|&face| self.faces[face].glyph_index(c).is_some())
            .unwrap_or(preferred)
    }

    /// Shapes `text` in one face, in pieces of at most [`MOST_SHAPED_AT_ONCE`] characters.
    fn shape_run(
        &self,
        text: &str,
        at: usize,
        face_id: FaceId,
        style: TextStyle,
        link: Option<usize>,
        out: &mut Vec<Shaped>,
    ) {
        let mut start = 0;
        while start < text.len() {
            let end = text[start..]
                .char_indices()
                .nth(MOST_SHAPED_AT_ONCE)
                .map_or(text.len(), |(offset, _)| start + offset);
            self.shape_piece(&text[start..end], at + start, face_id, style, link, out);
            start = end;
        }
    }

    /// The plan for shaping a buffer in a face, made once.
    fn plan(&self, face_id: FaceId, buffer: &rustybuzz::UnicodeBuffer) -> Rc<rustybuzz::ShapePlan> {
        let key = (
            face_id,
            buffer.direction(),
            buffer.script(),
            buffer.language(),
        );
        self.plans
            .borrow_mut()
            .entry(key)
            .or_insert_with_key(|(_, direction, script, language)| {
                Rc::new(rustybuzz::ShapePlan::new(
                    &self.faces[face_id],
                    *direction,
                    Some(*script),
                    language.as_ref(),
                    &[],
                ))
            })
            .clone()
    }

    /// The glyphs of `text` in a face, shaped once if the text is short.
    fn glyphs(&self, face_id: FaceId, text: &str) -> Rc<[ShapedGlyph]> {
        let cached = text.len() <= MOST_CACHED_BYTES;
        if cached {
            if let Some(glyphs) = self
                .words
                .borrow()
                .get(&face_id)
                .and_then(|words| words.get(text))
            {
                return glyphs.clone();
            }
        }
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let plan = self.plan(face_id, &buffer);
        let shaped = rustybuzz::shape_with_plan(&self.faces[face_id], &plan, buffer);
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        // Where the cluster of each glyph ends: the start of the next cluster, found in one
        // pass from the end (a cluster of thousands of marks would otherwise be scanned once
        // per mark).
        let mut cluster_ends = vec![text.len() as u32; infos.len()];
        for i in (0..infos.len().saturating_sub(1)).rev() {
            cluster_ends[i] = if infos[i + 1].cluster == infos[i].cluster {
                cluster_ends[i + 1]
            } else {
                infos[i + 1].cluster
            };
        }
        let glyphs: Rc<[ShapedGlyph]> = infos
            .iter()
            .zip(positions)
            .zip(cluster_ends)
            .map(|((info, position), cluster_end)| ShapedGlyph {
                id: info.glyph_id as u16,
                x_advance: position.x_advance,
                cluster: info.cluster,
                cluster_end,
            })
            .collect();
        if cached {
            self.words
                .borrow_mut()
                .entry(face_id)
                .or_default()
                .insert(text.into(), glyphs.clone());
        }
        glyphs
    }

    /// Shapes `text`, which starts at byte `at` of its paragraph.
    fn shape_piece(
        &self,
        text: &str,
        at: usize,
        face_id: FaceId,
        style: TextStyle,
        link: Option<usize>,
        out: &mut Vec<Shaped>,
    ) {
        let face = &self.faces[face_id];
        let glyphs = self.glyphs(face_id, text);
        let scale = style.size / face.units_per_em() as f32;
        let mut reported = None;
        for (i, glyph) in glyphs.iter().enumerate() {
            let cluster = glyph.cluster as usize;
            let first_of_cluster = i == 0 || glyphs[i - 1].cluster as usize != cluster;
            let cluster_text = &text[cluster..(glyph.cluster_end as usize).max(cluster)];
            if glyph.id == 0 && reported != Some(cluster) {
                reported = Some(cluster);
                self.missing.borrow_mut().extend(
                    cluster_text
                        .chars()
                        .filter(|&c| !c.is_whitespace() && !needs_no_glyph(c)),
                );
            }
            out.push(Shaped {
                id: glyph.id,
                face: face_id,
                size: style.size,
                rise: style.rise,
                advance: glyph.x_advance as f32 * scale,
                text: Copied::Cluster(if first_of_cluster {
                    cluster_text.len()
                } else {
                    0
                }),
                link,
                at: at + cluster,
            });
        }
    }
}

/// Cuts a segment too wide for any line into pieces `room` wide, between its clusters (each
/// piece has at least one). The glyphs shaped for the whole word are shared out, not shaped
/// again, so a word of 80,000 letters is cut in one pass over it.
fn cut(segment: Segment, room: f32) -> Vec<Segment> {
    let mut pieces = Vec::new();
    let mut glyphs: Vec<Shaped> = Vec::new();
    let mut width = 0.0;
    let mut start = segment.start;
    let mut rest = segment.glyphs.into_iter().peekable();
    while let Some(first) = rest.next() {
        let at = first.at;
        let mut cluster = vec![first];
        while let Some(next) = rest.next_if(|g| g.at == at) {
            cluster.push(next);
        }
        let advance: f32 = cluster.iter().map(|g| g.advance).sum();
        if width + advance > room && !glyphs.is_empty() {
            pieces.push(Segment {
                width,
                glyphs: std::mem::take(&mut glyphs),
                start,
                end: at,
                space: None,
            });
            start = at;
            width = 0.0;
        }
        width += advance;
        glyphs.extend(cluster);
    }
    pieces.push(Segment {
        width,
        glyphs,
        start,
        end: segment.end,
        space: segment.space,
    });
    pieces
}

/// Whether a character is printed as nothing, so that no font needs a glyph for it: a control
/// character (which the text check reports), or a default-ignorable one (Unicode's
/// Default_Ignorable_Code_Point: the zero-width space and joiners, direction marks, variation
/// selectors, the soft hyphen), which a shaper hides when the font lacks it.
pub(super) fn needs_no_glyph(c: char) -> bool {
    c.is_control() || crate::unicode::is_default_ignorable(c)
}

fn link_rect(start: f32, end: f32, size: f32) -> Rect {
    Rect {
        x: start,
        y: -size * 0.85,
        width: end - start,
        height: size * 1.1,
    }
}

/// A paragraph's text in one string, with the style and link of each span.
struct Paragraph {
    text: String,
    /// The byte offset where each span ends.
    ends: Vec<usize>,
    styles: Vec<TextStyle>,
    links: Vec<Option<usize>>,
    /// The anchor each link index leads to.
    link_names: Vec<String>,
}

impl Paragraph {
    fn new(spans: &[Span]) -> Paragraph {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut styles = Vec::new();
        let mut links = Vec::new();
        let mut link_names: Vec<&str> = Vec::new();
        for span in spans {
            // A control character prints as nothing; the text check reports it. A line
            // break and a tab are layout, read by the line breaker.
            text.extend(
                span.text
                    .chars()
                    .filter(|&c| !c.is_control() || c == '\n' || c == '\t'),
            );
            ends.push(text.len());
            styles.push(span.style);
            links.push(span.link.as_deref().map(|name| {
                link_names
                    .iter()
                    .position(|n| *n == name)
                    .unwrap_or_else(|| {
                        link_names.push(name);
                        link_names.len() - 1
                    })
            }));
        }
        Paragraph {
            text,
            ends,
            styles,
            links,
            link_names: link_names.into_iter().map(str::to_string).collect(),
        }
    }

    /// The spans that overlap `start..end`, clipped to it: (span index, start, end).
    /// The first is found by binary search: a paragraph calling 3,000 footnotes has 6,000
    /// spans, and every word of it asks for its own.
    fn spans_in(&self, start: usize, end: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let first = self.ends.partition_point(|&span_end| span_end <= start);
        let mut span_start = if first == 0 { 0 } else { self.ends[first - 1] };
        for (i, &span_end) in self.ends.iter().enumerate().skip(first) {
            if span_start >= end {
                break;
            }
            let (a, b) = (start.max(span_start), end.min(span_end));
            if a < b {
                out.push((i, a, b));
            }
            span_start = span_end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle {
        face: super::super::fonts::REGULAR_FACE,
        size: 11.0,
        rise: 0.0,
    };

    fn lines(text: &str, width: f32) -> Vec<String> {
        let fonts = FontSet::shipped();
        let shaper = Shaper::new(&fonts);
        let spans = [Span {
            text: text.to_string(),
            style: BODY,
            link: None,
        }];
        shaper
            .paragraph(&spans, width, Align::Justify, Some(hypher::Lang::English))
            .iter()
            .map(|line| line.runs.iter().map(GlyphRun::text).collect())
            .collect()
    }

    #[test]
    fn a_compound_is_never_broken_at_its_own_hyphen() {
        // At every width, a line ending in `non-` would be read back as `nontariff`.
        let text =
            "removal of tariff and non-tariff barriers to the economic and trade cooperation";
        for width in (60..300).step_by(3) {
            for line in lines(text, width as f32) {
                assert!(!line.ends_with("non-"), "at width {width}: {line:?}");
            }
        }
    }

    #[test]
    fn a_hyphenated_word_copies_as_its_parts_joined_by_a_hyphen() {
        let text = "Ministers acknowledged that increasing employment opportunities, encouraging \
                    entrepreneurship and creating an enabling environment for entrepreneurs";
        let set = lines(text, 150.0);
        let broken: Vec<&String> = set.iter().filter(|l| l.ends_with('-')).collect();
        assert!(!broken.is_empty(), "no word was hyphenated: {set:?}");
        // What is copied, lines joined the way text extraction joins a line ending in `-`,
        // gives back every word.
        let joined = set.join("\n").replace("-\n", "").replace('\n', " ");
        assert_eq!(joined, text);
    }

    #[test]
    fn no_line_is_wider_than_its_measure_and_justified_lines_fill_it() {
        let fonts = FontSet::shipped();
        let shaper = Shaper::new(&fonts);
        let text = "Ministers stressed that exchanges on financing policies for SMEs be strengthened, \
                    innovation of financial products and services be promoted, investment mechanism \
                    for starting business be improved, and diverse financing services be provided.";
        let spans = [Span {
            text: text.to_string(),
            style: BODY,
            link: None,
        }];
        let set = shaper.paragraph(&spans, 200.0, Align::Justify, Some(hypher::Lang::English));
        for (i, line) in set.iter().enumerate() {
            assert!(line.width <= 200.01, "line {i} is {} wide", line.width);
            if i + 1 < set.len() {
                assert!(
                    line.width > 199.9,
                    "line {i} is not justified: {}",
                    line.width
                );
            }
        }
    }
}
