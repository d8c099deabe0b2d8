//! Setting text: shaping with rustybuzz (kerning, ligatures), line breaking by the Unicode rules
//! (UAX #14, which also breaks between CJK characters), hyphenation with hypher, and
//! justification. A paragraph goes in as styled spans and comes out as lines of placed glyphs.

use std::cell::RefCell;
use std::collections::BTreeSet;

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
    faces: Vec<rustybuzz::Face<'a>>,
    missing: RefCell<BTreeSet<char>>,
}

/// A glyph as shaped, before it is placed on a line.
#[derive(Debug, Clone, PartialEq)]
struct Shaped {
    id: u16,
    face: FaceId,
    size: f32,
    rise: f32,
    advance: f32,
    text: String,
    link: Option<usize>,
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
            faces,
            missing: RefCell::new(BTreeSet::new()),
        }
    }

    /// The characters that no face could show, so far.
    pub fn missing(&self) -> BTreeSet<char> {
        self.missing.borrow().clone()
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
                        // where it must be, rather than running into the margin.
                        let (head, tail) = self.cut(&paragraph, &segment, room);
                        line.push(head);
                        if let Some(tail) = tail {
                            queue.push_front(tail);
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
                    g.text = " ".to_string();
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
        let text = &paragraph.text[segment.start..segment.end];
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
        for &split in offsets.iter().rev() {
            let mut head = self.shape(paragraph, segment.start, split);
            let Some(last) = head.last().cloned() else {
                continue;
            };
            let hyphen = self.hyphen_glyph(&last);
            let width: f32 = head.iter().map(|g| g.advance).sum::<f32>() + hyphen.advance;
            if width > room {
                continue;
            }
            head.push(hyphen);
            let tail = self.shape(paragraph, split, segment.end);
            return Some((
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
            ));
        }
        None
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
            text: "-".to_string(),
            link: None,
            ..like.clone()
        }
    }

    /// Cuts a segment too wide for any line after as many clusters as fit `room` (at least one).
    fn cut(
        &self,
        paragraph: &Paragraph,
        segment: &Segment,
        room: f32,
    ) -> (Segment, Option<Segment>) {
        let text = &paragraph.text[segment.start..segment.end];
        let mut split = segment.end;
        let mut width = 0.0;
        for (i, c) in text.char_indices() {
            let advance = self
                .shape(
                    paragraph,
                    segment.start + i,
                    segment.start + i + c.len_utf8(),
                )
                .iter()
                .map(|g| g.advance)
                .sum::<f32>();
            if width + advance > room && i > 0 {
                split = segment.start + i;
                break;
            }
            width += advance;
        }
        if split == segment.end {
            return (segment.clone(), None);
        }
        let head = self.shape(paragraph, segment.start, split);
        let tail = self.shape(paragraph, split, segment.end);
        (
            Segment {
                width: head.iter().map(|g| g.advance).sum(),
                glyphs: head,
                start: segment.start,
                end: split,
                space: None,
            },
            Some(Segment {
                width: tail.iter().map(|g| g.advance).sum(),
                glyphs: tail,
                start: split,
                end: segment.end,
                space: segment.space.clone(),
            }),
        )
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
                text: glyph.text.clone(),
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
                    face,
                    style,
                    paragraph.links[span_index],
                    &mut out,
                );
            }
        }
        out
    }

    /// The face to set `c` in: the preferred one when it has the character, else the fallback.
    fn face_for(&self, c: char, preferred: FaceId) -> FaceId {
        let preferred = self.face_or_regular(preferred);
        if c.is_whitespace() || self.faces[preferred].glyph_index(c).is_some() {
            return preferred;
        }
        if self.has_fallback() && self.faces[FALLBACK_FACE].glyph_index(c).is_some() {
            return FALLBACK_FACE;
        }
        preferred
    }

    fn shape_run(
        &self,
        text: &str,
        face_id: FaceId,
        style: TextStyle,
        link: Option<usize>,
        out: &mut Vec<Shaped>,
    ) {
        let face = &self.faces[face_id];
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        let shaped = rustybuzz::shape(face, &[], buffer);
        let scale = style.size / face.units_per_em() as f32;
        let infos = shaped.glyph_infos();
        let positions = shaped.glyph_positions();
        for (i, (info, position)) in infos.iter().zip(positions).enumerate() {
            let cluster = info.cluster as usize;
            let first_of_cluster = i == 0 || infos[i - 1].cluster as usize != cluster;
            let cluster_end = infos[i..]
                .iter()
                .map(|g| g.cluster as usize)
                .find(|&c| c != cluster)
                .unwrap_or(text.len());
            let cluster_text = &text[cluster..cluster_end.max(cluster)];
            if info.glyph_id == 0 {
                self.missing
                    .borrow_mut()
                    .extend(cluster_text.chars().filter(|c| !c.is_whitespace()));
            }
            out.push(Shaped {
                id: info.glyph_id as u16,
                face: face_id,
                size: style.size,
                rise: style.rise,
                advance: position.x_advance as f32 * scale,
                text: if first_of_cluster {
                    cluster_text.to_string()
                } else {
                    String::new()
                },
                link,
            });
        }
    }
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
            text.push_str(&span.text);
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
    fn spans_in(&self, start: usize, end: usize) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut span_start = 0;
        for (i, &span_end) in self.ends.iter().enumerate() {
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
