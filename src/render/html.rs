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

use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::render::print::{
    Annex, Bullet, Closing, Footnote, Heading, Inline, Paragraph, Part, Print, Section,
    SignatureBlock, Subparagraph, Text,
};
use crate::render::{self, anchor, Options, RenderError};

/// The stylesheet, inside the page so that the file stands alone.
const CSS: &str = include_str!("html.css");

/// Renders the first text of the print model, or every text side by side with `--parallel`.
pub fn html(print: &Print, _options: &Options) -> Result<Vec<u8>, RenderError> {
    let first = print.first();
    let parallel = print.parallel && print.texts.len() > 1;
    let title = first.title.as_deref().unwrap_or("Declaration");
    let body = if parallel {
        self::parallel(print)
    } else {
        let cx = Cx::new(first, false);
        html! {
            article.version lang=(first.language) {
                @for (_, part) in first.parts() { (cx.part(part)) }
            }
        }
    };
    let page = html! {
        (DOCTYPE)
        html lang=(first.language) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="plenary";
                title { (title) }
                style { (PreEscaped(CSS)) }
            }
            body.parallel[parallel] {
                @if print.draft {
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

/// Every text in columns, row beside row; a row one text lacks is an empty cell.
fn parallel(print: &Print) -> Markup {
    let contexts: Vec<Cx> = print
        .texts
        .iter()
        .enumerate()
        .map(|(index, text)| Cx::new(text, index > 0))
        .collect();
    html! {
        @for row in print.rows() {
            div.row {
                @for (cx, part) in contexts.iter().zip(row) {
                    div.cell lang=(cx.text.language) {
                        @if let Some(part) = part { (cx.part(part)) }
                    }
                }
            }
        }
    }
}

/// What the HTML of one text needs as it goes.
struct Cx<'p> {
    text: &'p Text,
    /// Put before every `id` of a translation printed beside the original, so ids stay unique.
    prefix: String,
}

impl<'p> Cx<'p> {
    fn new(text: &'p Text, prefixed: bool) -> Cx<'p> {
        Cx {
            text,
            prefix: if prefixed {
                format!("{}-", text.language)
            } else {
                String::new()
            },
        }
    }

    /// The `id` of an anchor in this text.
    fn id(&self, anchor: &str) -> String {
        format!("{}{anchor}", self.prefix)
    }

    /// A link to an anchor in this text.
    fn href(&self, anchor: &str) -> String {
        format!("#{}{anchor}", self.prefix)
    }

    fn part(&self, part: Part) -> Markup {
        match part {
            Part::Title(text) => html! {
                header {
                    @if let Some(title) = &text.title { h1 { (title) } }
                    @if let Some(line) = &text.place_and_date { p.meta { (line) } }
                }
            },
            Part::Heading(section, heading) => self.heading(section, heading),
            Part::Paragraph(p) => self.paragraph(p),
            Part::Annex(annex) => self.annex(annex),
            Part::Closing(closing) => self.closing(closing),
            Part::Signatures(block) => self.signatures(block),
            Part::Footnotes(footnotes) => self.footnotes(footnotes),
        }
    }

    fn heading(&self, section: &Section, heading: &Heading) -> Markup {
        let id = self.id(&section.anchor);
        let content =
            html! { (self.label(heading.label.as_deref())) (self.inlines(&heading.content)) };
        // The title is the page's one `h1`; a division (`# Annex B`) is an `h2` set apart.
        match heading.level {
            0..=1 => html! { h2.division id=(id) { (content) } },
            2 => html! { h2 id=(id) { (content) } },
            3 => html! { h3 id=(id) { (content) } },
            4 => html! { h4 id=(id) { (content) } },
            5 => html! { h5 id=(id) { (content) } },
            _ => html! { h6 id=(id) { (content) } },
        }
    }

    /// An empty anchor named after the drafter's label, so that `#rotation` works as well as
    /// `#p-14` (unless the label looks like one of the page's own anchors, which it would
    /// repeat).
    fn label(&self, label: Option<&str>) -> Markup {
        html! {
            @if let Some(label) = label.filter(|l| !anchor::is_generated(l)) {
                span.label id=(self.id(label)) {}
            }
        }
    }

    fn paragraph(&self, p: &Paragraph) -> Markup {
        match (&p.number, &p.anchor) {
            (Some(number), Some(id)) => html! {
                div.paragraph.numbered id=(self.id(id)) {
                    a.number href=(self.href(id)) { (number.printed()) }
                    div.body {
                        p { (self.label(p.label.as_deref())) (self.inlines(&p.content)) }
                        (self.bullets(&p.bullets))
                        (self.subparagraphs(&p.subparagraphs))
                    }
                }
            },
            _ => html! {
                div.paragraph {
                    @if !p.content.is_empty() {
                        p { (self.label(p.label.as_deref())) (self.inlines(&p.content)) }
                    }
                    (self.bullets(&p.bullets))
                    (self.subparagraphs(&p.subparagraphs))
                }
            },
        }
    }

    fn subparagraphs(&self, list: &[Subparagraph]) -> Markup {
        if list.is_empty() {
            return html! {};
        }
        html! {
            ol.subparagraphs {
                @for s in list {
                    li id=[s.anchor.as_deref().map(|id| self.id(id))] {
                        span.marker { "(" (s.marker) ")" }
                        " "
                        (self.label(s.label.as_deref()))
                        (self.inlines(&s.content))
                        (self.bullets(&s.bullets))
                        (self.subparagraphs(&s.subparagraphs))
                    }
                }
            }
        }
    }

    fn bullets(&self, list: &[Bullet]) -> Markup {
        if list.is_empty() {
            return html! {};
        }
        html! {
            ul.bullets {
                @for b in list {
                    li { (self.inlines(&b.content)) (self.bullets(&b.bullets)) }
                }
            }
        }
    }

    fn annex(&self, annex: &Annex) -> Markup {
        html! {
            section.annex.inline[annex.inline] id=(self.id(&annex.anchor)) {
                @if annex.has_heading() {
                    h2 { (self.label(annex.label.as_deref())) (annex.heading) }
                } @else {
                    (self.label(annex.label.as_deref()))
                }
                @if !annex.members.is_empty() {
                    ul.members { @for m in &annex.members { li { (m.name) } } }
                }
                @if !annex.groups.is_empty() {
                    div.groups {
                        @for group in &annex.groups {
                            section.group id=(self.id(&group.anchor)) {
                                h3 { (group.heading) }
                                ul.members { @for m in &group.members { li { (m.name) } } }
                            }
                        }
                    }
                }
            }
        }
    }

    fn signatures(&self, block: &SignatureBlock) -> Markup {
        html! {
            div.signatures.witnesses[block.witnessed] {
                @for signatory in &block.signatories {
                    div.signatory {
                        @if let Some(party) = &signatory.party { p.party { (party) } }
                        @if let Some(name) = &signatory.name { p.name { (name) } }
                        @for title in &signatory.titles { p.title { (title) } }
                    }
                }
            }
        }
    }

    fn closing(&self, closing: &Closing) -> Markup {
        html! {
            div.closing {
                @if let Some(line) = &closing.line { p.place-date { (line) } }
                @if let Some(by) = &closing.by { p.by { (by) } }
            }
        }
    }

    fn footnotes(&self, footnotes: &[Footnote]) -> Markup {
        html! {
            section.footnotes role="doc-endnotes" {
                ol {
                    @for f in footnotes {
                        li id=(self.id(&f.anchor)) value=(f.number) {
                            span.footnote-id { (f.number) }
                            " "
                            (self.inlines(&f.content))
                            @if let Some(backlink) = &f.backlink {
                                " "
                                a.backlink href=(self.href(backlink))
                                    role="doc-backlink" aria-label="back to the text" { "\u{21a9}" }
                            }
                        }
                    }
                }
            }
        }
    }

    fn inlines(&self, content: &[Inline]) -> Markup {
        html! { @for inline in content { (self.inline(inline)) } }
    }

    fn inline(&self, inline: &Inline) -> Markup {
        match inline {
            Inline::Text(text) | Inline::Fact { text, .. } => html! { (text) },
            Inline::Emphasis(content) => html! { em { (self.inlines(content)) } },
            Inline::Strong(content) => html! { strong { (self.inlines(content)) } },
            Inline::Quote {
                open,
                close,
                content,
            } => html! { (open) (self.inlines(content)) (close) },
            Inline::FootnoteRef {
                id,
                number,
                anchor,
                target,
            } => match number {
                Some(number) => html! {
                    sup.footnote-ref {
                        a id=(self.id(anchor)) href=(self.href(target)) role="doc-noteref" { (number) }
                    }
                },
                None => html! { span.unresolved { "[^" (id) "]" } },
            },
            Inline::Link {
                content,
                target,
                safe,
            } => {
                let words = self.inlines(content);
                if *safe {
                    html! { a href=(target) { (words) } }
                } else {
                    words
                }
            }
            Inline::Reference { label, target } => match target {
                Some(target) => {
                    html! { a.reference href=(self.href(&target.anchor)) { (target.text) } }
                }
                None => html! { span.unresolved { (Inline::unresolved(label)) } },
            },
        }
    }
}
