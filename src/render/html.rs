//! The HTML output: one standalone HTML5 page with its stylesheet inside, for the screen and for
//! print.
//!
//! The page is built with `maud`, which escapes every value it is given: the drafter's text can
//! never become markup, whatever it contains. Links are printed as links only for `http`,
//! `https` and `mailto` addresses. Every numbered paragraph has a stable `id` (see
//! [`render::anchor`]), so that a URL can point at paragraph 14.
//!
//! A version is laid out as rows (the title, each preamble paragraph, each heading, each
//! paragraph, the annex, ...). One version prints its rows one after another; `--parallel`
//! prints the rows of every version side by side, so that each paragraph stands beside its
//! translation.

use std::cell::RefCell;
use std::collections::HashMap;

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::ast::{self, Block, Document, Inline, Subparagraph, Version};
use crate::render::{self, anchor, Options, References, RenderError};

/// The stylesheet, inside the page so that the file stands alone.
const CSS: &str = include_str!("html.css");

/// Renders the version `options` asks for, or every version side by side with `parallel`.
pub fn html(document: &Document, options: &Options) -> Result<Vec<u8>, RenderError> {
    // `version` fails for a document without text, so the list is never empty.
    let first = render::version(document, options)?;
    let versions = if options.parallel {
        render::versions(document, options)?
    } else {
        vec![first]
    };
    let language = document.language_of(first);
    let title = render::title(document, first).unwrap_or("Declaration");
    let contexts: Vec<Cx> = versions
        .iter()
        .enumerate()
        .map(|(index, version)| Cx::new(document, version, index > 0))
        .collect();
    let body = if contexts.len() == 1 {
        let cx = &contexts[0];
        html! {
            article.version lang=(cx.language) {
                @for (_, row) in rows(cx, first) { (row) }
            }
        }
    } else {
        parallel(&contexts, &versions)
    };
    let page = html! {
        (DOCTYPE)
        html lang=(language) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="plenary";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body.parallel[contexts.len() > 1] {
                @if options.draft {
                    div.draft role="note" { (render::DRAFT_NOTICE) }
                }
                main { (body) }
            }
        }
    };
    let mut bytes = page.into_string().into_bytes();
    bytes.push(b'\n');
    Ok(bytes)
}

/// Where a row stands in a version, so that the rows of two versions can be put side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Row {
    Title,
    Preamble(usize),
    Heading(usize),
    Block(usize, usize),
    Annex,
    Closing,
    Footnotes,
}

/// Every version in columns, row beside row; a row one version lacks is an empty cell.
fn parallel(contexts: &[Cx], versions: &[&Version]) -> Markup {
    let all: Vec<Vec<(Row, Markup)>> = contexts
        .iter()
        .zip(versions)
        .map(|(cx, version)| rows(cx, version))
        .collect();
    // The original's order, then whatever only a translation has, in its order.
    let mut order: Vec<Row> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for rows in &all {
        for (row, _) in rows {
            if seen.insert(*row) {
                order.push(*row);
            }
        }
    }
    let all: Vec<HashMap<Row, &Markup>> = all
        .iter()
        .map(|rows| rows.iter().map(|(row, markup)| (*row, markup)).collect())
        .collect();
    html! {
        @for row in &order {
            div.row {
                @for (cx, rows) in contexts.iter().zip(&all) {
                    div.cell lang=(cx.language) {
                        @if let Some(markup) = rows.get(row) { (markup) }
                    }
                }
            }
        }
    }
}

/// What the HTML of one version needs as it goes.
struct Cx<'a> {
    document: &'a Document,
    language: &'a str,
    references: References,
    /// Put before every `id` of a translation printed beside the original, so ids stay unique.
    prefix: String,
    /// How many markers of each footnote are printed so far, for their ids.
    footnote_refs: RefCell<HashMap<String, usize>>,
}

impl<'a> Cx<'a> {
    fn new(document: &'a Document, version: &'a Version, prefixed: bool) -> Cx<'a> {
        let language = document.language_of(version);
        Cx {
            document,
            language,
            references: References::of(document, version),
            prefix: if prefixed {
                format!("{language}-")
            } else {
                String::new()
            },
            footnote_refs: RefCell::default(),
        }
    }

    /// The `id` of an anchor in this version.
    fn id(&self, anchor: &str) -> String {
        format!("{}{anchor}", self.prefix)
    }

    /// A link to an anchor in this version.
    fn href(&self, anchor: &str) -> String {
        format!("#{}{anchor}", self.prefix)
    }
}

/// The rows of one version, in reading order.
fn rows(cx: &Cx, version: &Version) -> Vec<(Row, Markup)> {
    let mut rows = Vec::new();
    let place_and_date = render::place_and_date(cx.document, version);
    rows.push((
        Row::Title,
        html! {
            header {
                @if let Some(title) = render::title(cx.document, version) { h1 { (title) } }
                @if let Some(line) = place_and_date { p.meta { (line) } }
            }
        },
    ));
    for (index, p) in version.preamble.iter().enumerate() {
        rows.push((Row::Preamble(index), paragraph(cx, p)));
    }
    for (index, section) in version.sections.iter().enumerate() {
        if let Some(heading) = &section.heading {
            rows.push((Row::Heading(index), self::heading(cx, index, heading)));
        }
        for (block_index, block) in section.blocks.iter().enumerate() {
            let markup = match block {
                Block::NumberedParagraph(p) => numbered_paragraph(cx, index, p),
                Block::Paragraph(p) => paragraph(cx, p),
                Block::Unparsed(u) => html! { div.paragraph { p { (u.text) } } },
            };
            rows.push((Row::Block(index, block_index), markup));
        }
    }
    if let Some(annex) = &version.annex {
        rows.push((Row::Annex, self::annex(cx, annex)));
    }
    if let Some(closing) = &version.closing {
        rows.push((Row::Closing, self::closing(cx, closing)));
    }
    if !version.footnotes.is_empty() {
        rows.push((Row::Footnotes, footnotes(cx, &version.footnotes)));
    }
    rows
}

fn heading(cx: &Cx, index: usize, heading: &ast::Heading) -> Markup {
    let id = cx.id(&anchor::section(index));
    let content = html! { (label(cx, &heading.label)) (cx.inlines(&heading.content)) };
    if heading.level >= 3 {
        html! { h3 id=(id) { (content) } }
    } else {
        html! { h2 id=(id) { (content) } }
    }
}

/// An empty anchor named after the drafter's label, so that `#rotation` works as well as `#p-14`
/// (unless the label looks like one of the page's own anchors, which it would repeat).
fn label(cx: &Cx, label: &Option<crate::source::Spanned<String>>) -> Markup {
    html! {
        @if let Some(label) = label.as_ref().filter(|l| !anchor::is_generated(&l.value)) {
            span.label id=(cx.id(&label.value)) {}
        }
    }
}

fn numbered_paragraph(cx: &Cx, section: usize, p: &ast::NumberedParagraph) -> Markup {
    let id = anchor::paragraph(cx.document, section, &p.number);
    html! {
        div.paragraph.numbered id=(cx.id(&id)) {
            a.number href=(cx.href(&id)) { (p.number.written) (p.number.terminator) }
            div.body {
                p { (label(cx, &p.label)) (cx.inlines(&p.content)) }
                (subparagraphs(cx, Some(&id), &p.subparagraphs))
            }
        }
    }
}

fn paragraph(cx: &Cx, p: &ast::Paragraph) -> Markup {
    html! {
        div.paragraph {
            @if !p.content.is_empty() {
                p { (label(cx, &p.label)) (cx.inlines(&p.content)) }
            }
            (subparagraphs(cx, None, &p.subparagraphs))
        }
    }
}

fn subparagraphs(cx: &Cx, parent: Option<&str>, list: &[Subparagraph]) -> Markup {
    if list.is_empty() {
        return html! {};
    }
    html! {
        ol.subparagraphs {
            @for s in list {
                @let id = parent.map(|parent| anchor::subparagraph(parent, &s.marker.value));
                li id=[id.as_deref().map(|id| cx.id(id))] {
                    span.marker { "(" (s.marker.value) ")" }
                    " "
                    (label(cx, &s.label))
                    (cx.inlines(&s.content))
                    (subparagraphs(cx, id.as_deref(), &s.children))
                }
            }
        }
    }
}

fn annex(cx: &Cx, annex: &ast::Annex) -> Markup {
    html! {
        section.annex id=(cx.id(anchor::ANNEX)) {
            h2 { (label(cx, &annex.label)) (render::with_count(&annex.title.value, annex.stated_count.as_ref().map(|c| c.value))) }
            @if !annex.members.is_empty() {
                ul.members { @for m in &annex.members { li { (m.name) } } }
            }
            @if !annex.groups.is_empty() {
                div.groups {
                    @for (index, group) in annex.groups.iter().enumerate() {
                        section.group id=(cx.id(&anchor::group(index))) {
                            h3 { (render::with_count(&group.name.value, group.stated_count.as_ref().map(|c| c.value))) }
                            ul.members { @for m in &group.members { li { (m.name) } } }
                        }
                    }
                }
            }
        }
    }
}

fn closing(cx: &Cx, closing: &ast::Closing) -> Markup {
    html! {
        div.closing {
            @if let Some(line) = render::closing_line(cx.document, closing, cx.language) {
                p.place-date { (line) }
            }
            @if let Some(by) = &closing.by { p.by { (by.value) } }
        }
    }
}

fn footnotes(cx: &Cx, footnotes: &[ast::Footnote]) -> Markup {
    html! {
        section.footnotes role="doc-endnotes" {
            ol {
                @for f in footnotes {
                    li id=(cx.id(&anchor::footnote(&f.id.value))) {
                        span.footnote-id { (f.id.value) }
                        " "
                        (cx.inlines(&f.content))
                        " "
                        a.backlink href=(cx.href(&anchor::footnote_ref(&f.id.value, 1)))
                            role="doc-backlink" aria-label="back to the text" { "\u{21a9}" }
                    }
                }
            }
        }
    }
}

impl Cx<'_> {
    fn inlines(&self, content: &[Inline]) -> Markup {
        html! { @for inline in content { (self.inline(inline)) } }
    }

    fn inline(&self, inline: &Inline) -> Markup {
        match inline {
            Inline::Text { text, .. } => html! { (text) },
            Inline::SoftBreak { .. } => html! { " " },
            Inline::Emphasis { content, .. } => html! { em { (self.inlines(content)) } },
            Inline::Strong { content, .. } => html! { strong { (self.inlines(content)) } },
            Inline::Quote { content, .. } => {
                let (open, close) = render::quotation_marks(self.language);
                html! { (open) (self.inlines(content)) (close) }
            }
            Inline::FootnoteRef { id, .. } => {
                let occurrence = {
                    let mut seen = self.footnote_refs.borrow_mut();
                    let n = seen.entry(id.clone()).or_insert(0);
                    *n += 1;
                    *n
                };
                html! {
                    sup.footnote-ref {
                        a id=(self.id(&anchor::footnote_ref(id, occurrence)))
                            href=(self.href(&anchor::footnote(id))) role="doc-noteref" { (id) }
                    }
                }
            }
            Inline::Link {
                content, target, ..
            } => {
                let words = if content.is_empty() {
                    html! { (target) }
                } else {
                    self.inlines(content)
                };
                if render::is_safe_link(target) {
                    html! { a href=(target.trim()) { (words) } }
                } else {
                    words
                }
            }
            Inline::Reference { name, .. } => {
                match (self.references.get(name), self.references.anchor(name)) {
                    (Some(text), Some(anchor)) => {
                        html! { a.reference href=(self.href(anchor)) { (text) } }
                    }
                    _ => html! { span.unresolved { "{@" (name) "}" } },
                }
            }
            Inline::Fact { text, .. } => html! { (text.value) },
        }
    }
}
