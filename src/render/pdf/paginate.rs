//! Pagination: the flow's blocks to pages. Pages are filled line by line, keeping a heading
//! with what follows it, avoiding single lines at the foot or head of a page, never ending a
//! page on a hyphenated line, and putting each footnote at the foot of the page that calls it.
//! The running header and the page numbers are added last, when the pages are known.

use std::collections::{HashMap, HashSet};

use super::flow::{is_footnote, Flow, FlowBlock, FlowLine, Geometry, ORPHANS, WIDOWS};
use super::fonts::{ITALIC_FACE, REGULAR_FACE};
use super::model::{Destination, GlyphRun, Item, LinkKind, OutlineEntry, Page, Pages, Rect};
use super::text::{Shaper, TextStyle};

/// Fills pages with the blocks of a flow, then adds the running headers and the page numbers.
pub fn paginate(flow: &Flow, shaper: &Shaper, geometry: Geometry) -> Pages {
    let mut paginated = place(flow, geometry);
    furnish(&mut paginated, shaper, geometry);
    paginated.into_pages(geometry)
}

/// Fills pages with the blocks' lines.
fn place(flow: &Flow, geometry: Geometry) -> Paginated {
    let mut pager = Pager::new(geometry, &flow.footnotes);
    for (i, block) in flow.blocks.iter().enumerate() {
        if let Some((_, title)) = flow.titles.iter().find(|(start, _)| *start == i) {
            if block.page_break_before && !pager.page_is_empty() {
                pager.new_page();
            }
            pager.set_header(title.clone());
        } else if block.page_break_before && !pager.page_is_empty() {
            pager.new_page();
        }
        pager.place_block(block, flow.blocks.get(i + 1));
    }
    pager.finish()
}

/// Adds the running header and the page numbers.
fn furnish(pages: &mut Paginated, shaper: &Shaper, g: Geometry) {
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
            let line = shaper.line(header, style);
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
            let line = shaper.line(&(index + 1).to_string(), number_style);
            let x = g.left + (g.text_width - line.width) / 2.0;
            push_runs(&mut page.items, line.runs, x, g.bottom() + 36.0);
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
    /// The foot of the last line set on the current page: `y` may be lower by the space before
    /// a block that then went to the next page.
    text_bottom: f32,
    /// The footnotes placed on the current page, and those already placed anywhere.
    page_footnotes: Vec<String>,
    /// The same names as `page_footnotes`, to look one up in constant time.
    page_footnote_set: HashSet<String>,
    placed_footnotes: HashSet<String>,
    /// The lines of footnotes too long for the foot of the page that called them, which go on
    /// at the foot of the next page, before its own.
    carried: Vec<FlowLine>,
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
            text_bottom: geometry.top,
            page_footnotes: Vec::new(),
            page_footnote_set: HashSet::new(),
            placed_footnotes: HashSet::new(),
            carried: Vec::new(),
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
        self.text_bottom = self.geometry.top;
    }

    /// Whether `lines` fit below the current position, with their footnotes.
    fn fits(&self, lines: &[&FlowLine]) -> bool {
        self.fitting(lines.iter().copied()) == lines.len()
    }

    /// How many lines from the start of `lines` fit on this page, with the footnotes they call
    /// that are not yet placed. The lines and notes are added up once, line by line: both only
    /// grow, so the first line that does not fit ends the count (a page of a 10,000-line
    /// paragraph is then found in the lines it holds, not in the square of the paragraph's).
    fn fitting<'l>(&self, lines: impl IntoIterator<Item = &'l FlowLine>) -> usize {
        let room = self.geometry.bottom() + 0.01 - self.y;
        let page = self.geometry.bottom() - self.geometry.top;
        let mut notes = Footnotes::of_page(self);
        let mut height = 0.0;
        let mut all = 0;
        for (count, line) in lines.into_iter().enumerate() {
            all = count + 1;
            height += line.height;
            for name in line.footnotes() {
                notes.add(self, name);
            }
            // Notes taller than half a page are split (see `place_footnotes`): a quarter of
            // the page is kept for them, and the rest goes on at the foot of the next pages,
            // so that the text calling them stays on its page.
            let notes = notes.height();
            let needed = if notes > page / 2.0 {
                notes.min(page / 4.0)
            } else {
                notes
            };
            if height + needed > room {
                return count;
            }
        }
        all
    }

    fn place_block(&mut self, block: &FlowBlock, next: Option<&FlowBlock>) {
        if !self.page_is_empty() {
            self.y += block.space_before;
        }
        // The lines that should stand on one page, borrowed: a block's lines are only measured
        // here.
        let space;
        let mut wanted: Vec<&FlowLine> = block.lines.iter().collect();
        if block.keep_with_next {
            if let Some(next) = next {
                space = FlowLine::empty(next.space_before);
                wanted.push(&space);
                wanted.extend(next.lines.iter().take(ORPHANS));
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
            if !self.placed_footnotes.contains(name) && self.page_footnote_set.insert(name.into()) {
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
        self.text_bottom = self.y;
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

    /// Sets the footnotes of the current page at its foot, under a short rule: first the lines
    /// carried over from the page before, then the notes called on this page. What does not fit
    /// under the text (a note longer than a page) goes on at the foot of the next page, as in a
    /// book; on a page with no text at least one line is set, so that a note always ends.
    fn place_footnotes(&mut self) {
        if self.page_footnotes.is_empty() && self.carried.is_empty() {
            return;
        }
        let names = std::mem::take(&mut self.page_footnotes);
        self.page_footnote_set.clear();
        let mut lines = std::mem::take(&mut self.carried);
        for name in names {
            if let Some(note) = self.footnotes.get(&name) {
                lines.extend(note.iter().cloned());
                self.placed_footnotes.insert(name);
            }
        }
        let room = self.geometry.bottom() + 0.01 - self.text_bottom - 12.0;
        let mut height = 0.0;
        let mut count = 0;
        for line in &lines {
            if height + line.height > room && !(count == 0 && self.page_is_empty()) {
                break;
            }
            height += line.height;
            count += 1;
        }
        self.carried = lines.split_off(count);
        if lines.is_empty() {
            return;
        }
        let mut y = self.geometry.bottom() - height;
        let page = self.pages.len() - 1;
        self.pages[page].items.push(Item::Rule {
            x: self.geometry.left,
            y: y - 7.0,
            width: self.geometry.text_width / 3.0,
            thickness: 0.5,
        });
        for line in &lines {
            self.put_line(page, line, y);
            y += line.height;
        }
    }

    fn finish(mut self) -> Paginated {
        self.place_footnotes();
        // The rest of a long note, at the foot of pages of its own.
        while !self.carried.is_empty() {
            self.pages.push(Page::default());
            self.headers.push(self.header.clone());
            self.y = self.geometry.top;
            self.text_bottom = self.geometry.top;
            self.place_footnotes();
        }
        // A link whose target exists becomes clickable; the others stay plain text.
        for (page, rect, name) in std::mem::take(&mut self.links) {
            if let Some(&target) = self.anchors.get(&name) {
                let kind = if is_footnote(&name) {
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

/// The footnotes a page would carry, and the height of their lines, as lines are added.
struct Footnotes<'p> {
    names: HashSet<&'p str>,
    lines: f32,
}

impl<'p> Footnotes<'p> {
    /// The footnotes already placed on the pager's current page, with the lines carried over
    /// to it.
    fn of_page(pager: &'p Pager) -> Footnotes<'p> {
        let mut notes = Footnotes {
            names: HashSet::new(),
            lines: pager.carried.iter().map(|l| l.height).sum(),
        };
        for name in &pager.page_footnotes {
            notes.add(pager, name);
        }
        notes
    }

    /// Adds a footnote called on the page, unless it is on the page or placed before.
    fn add(&mut self, pager: &Pager, name: &'p str) {
        if pager.placed_footnotes.contains(name) || !self.names.insert(name) {
            return;
        }
        if let Some(lines) = pager.footnotes.get(name) {
            self.lines += lines.iter().map(|l| l.height).sum::<f32>();
        }
    }

    /// The height they take at the foot of the page, with the space above their rule.
    fn height(&self) -> f32 {
        if self.lines == 0.0 && self.names.is_empty() {
            0.0
        } else {
            self.lines + 12.0
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
