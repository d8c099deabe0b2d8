//! The page model: what `layout` produces and `write` turns into bytes. Pages of positioned glyph
//! runs, rules and links, in points, with the origin at the top left of the page and y growing
//! downwards, so that nothing here depends on the PDF library.

/// Which loaded font face a run is set in: an index into the document's font set.
pub type FaceId = usize;

/// The laid-out document.
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    /// Page width and height, in points.
    pub size: (f32, f32),
    pub pages: Vec<Page>,
    /// The outline (bookmarks), in reading order.
    pub outline: Vec<OutlineEntry>,
}

/// One page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(GlyphRun),
    /// A horizontal rule: from `x` to `x + width` at `y`.
    Rule {
        x: f32,
        y: f32,
        width: f32,
        thickness: f32,
    },
    /// A clickable area that jumps to a place in the document.
    Link {
        rect: Rect,
        target: Destination,
        kind: LinkKind,
    },
}

/// What a link leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// From a footnote marker to the footnote's text.
    Footnote,
    /// From a cross-reference `{@label}` to what it names.
    Reference,
}

/// A rectangle: left, top, width, height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

/// A place in the document: a page (counted from 0) and a height on it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Destination {
    pub page: usize,
    pub y: f32,
}

/// Glyphs of one face and size on one baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    pub face: FaceId,
    pub size: f32,
    /// Where the baseline starts.
    pub x: f32,
    pub baseline: f32,
    /// From `x` to the end of the last glyph's advance.
    pub width: f32,
    pub glyphs: Vec<Glyph>,
}

impl GlyphRun {
    /// The text a reader copies from this run.
    pub fn text(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
}

/// One glyph, placed relative to its run's start.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The glyph id in the face.
    pub id: u16,
    /// The glyph's origin, from the start of the run.
    pub x: f32,
    /// The text this glyph stands for when copied: the whole cluster on its first glyph (`fi`
    /// for a ligature), nothing on the others.
    pub text: String,
}

/// One bookmark.
#[derive(Debug, Clone, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// 0 for a language version, 1 for its sections and annex.
    pub level: u8,
    pub destination: Destination,
}

impl Pages {
    /// A plain-text dump of the pages, positions rounded to a tenth of a point: for snapshot
    /// tests, which should fail on a layout change and not on a change of PDF bytes.
    pub fn dump(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(out, "size {:.1} x {:.1}", self.size.0, self.size.1);
        for entry in &self.outline {
            let _ = writeln!(
                out,
                "outline {} {:?} -> page {} y {:.1}",
                entry.level,
                entry.title,
                entry.destination.page + 1,
                entry.destination.y
            );
        }
        for (i, page) in self.pages.iter().enumerate() {
            let _ = writeln!(out, "page {}", i + 1);
            for item in &page.items {
                let _ = match item {
                    Item::Text(run) => writeln!(
                        out,
                        "  text face {} size {:.1} at {:.1},{:.1} width {:.1} {:?}",
                        run.face,
                        run.size,
                        run.x,
                        run.baseline,
                        run.width,
                        run.text()
                    ),
                    Item::Rule {
                        x,
                        y,
                        width,
                        thickness,
                    } => writeln!(
                        out,
                        "  rule at {x:.1},{y:.1} width {width:.1} thickness {thickness:.1}"
                    ),
                    Item::Link { rect, target, kind } => writeln!(
                        out,
                        "  link {kind:?} at {:.1},{:.1} size {:.1}x{:.1} -> page {} y {:.1}",
                        rect.x,
                        rect.y,
                        rect.width,
                        rect.height,
                        target.page + 1,
                        target.y
                    ),
                };
            }
        }
        out
    }
}
