//! Assembly: the lowered blocks, in file order, to one [`Document`].
//!
//! The grammar sees one block at a time; how blocks relate (a group belongs to the annex before
//! it, a sub-paragraph block continues the paragraph before it, `version:` starts a new language
//! version) is decided here, and blocks in the wrong place are reported here.

use super::lower::{Item, Listed};
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::registry::fold;
use crate::source::{Span, Spanned};

/// Builds a document from its blocks.
pub struct Assembler {
    len: usize,
    header: Option<Header>,
    next_meeting: Option<Meeting>,
    meetings: Vec<Meeting>,
    versions: Vec<Version>,
    current: Version,
    comments: Vec<Comment>,
    /// The version being read has its member annex open, and no division after it.
    annex_open: bool,
}

fn empty_version(header: Option<VersionHeader>, at: usize) -> Version {
    Version {
        span: header.as_ref().map_or(Span::point(at), |h| h.span),
        header,
        preamble: Vec::new(),
        sections: Vec::new(),
        footnotes: Vec::new(),
        annex: None,
        closing: None,
        annex_at: Position::default(),
        closing_at: Position::default(),
        signatures: Vec::new(),
    }
}

impl Assembler {
    pub fn new(len: usize) -> Assembler {
        Assembler {
            len,
            header: None,
            next_meeting: None,
            meetings: Vec::new(),
            versions: Vec::new(),
            current: empty_version(None, 0),
            comments: Vec::new(),
            annex_open: false,
        }
    }

    /// Whether the version being read has its member annex open: lines starting with a dash
    /// then list members, not bulleted items.
    pub fn in_annex(&self) -> bool {
        self.annex_open
    }

    /// Adds one block, with the notes found in it.
    pub fn add(
        &mut self,
        (item, comments): (Item, Vec<Comment>),
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        self.comments.extend(comments);
        // A division (`# Annex B`) closes the member annex: the text goes on after it. A member
        // list inside the text (`members:`) ends at the first block that is not of it.
        let of_the_list = matches!(&item, Item::Group(_) | Item::Members(..) | Item::Comments);
        if matches!(&item, Item::Heading(h) if h.level == 1)
            || (!of_the_list && self.current.annex.as_ref().is_some_and(|a| a.inline))
        {
            self.annex_open = false;
        }
        if self.annex_open {
            match &item {
                Item::Heading(Heading { span, .. }) => {
                    self.after_annex(*span, "heading", diagnostics)
                }
                Item::NumberedParagraph(NumberedParagraph { span, .. })
                | Item::Paragraph(Paragraph { span, .. }) => {
                    self.after_annex(*span, "paragraph", diagnostics)
                }
                // Sub-paragraphs continue a paragraph, and none stands after the annex: they
                // are reported, not joined to the paragraph before the annex.
                Item::Listed(_) => {
                    let span = item_span(&item).unwrap_or_default();
                    let annex = self.current.annex.as_ref().expect("an annex");
                    diagnostics.push(text_after_annex(annex, span, "sub-paragraph"));
                    return;
                }
                Item::Unparsed(unparsed) => {
                    // A block that does not read, inside the annex: the annex's count of
                    // members is then unknown.
                    let annex = self.current.annex.as_mut().expect("an annex");
                    match annex.groups.last_mut() {
                        Some(group) => group.unreadable.push(unparsed.span),
                        None => annex.unreadable.push(unparsed.span),
                    }
                    return;
                }
                _ => {}
            }
        }
        let version = &mut self.current;
        let spanned = item_span(&item);
        if let Some(span) = spanned {
            version.span = version.span.join(span);
        }
        match item {
            Item::Header(header) => self.header = Some(*header),
            Item::Comments => {}
            Item::Heading(heading) => {
                version.sections.push(Section {
                    span: heading.span,
                    heading: Some(heading),
                    blocks: Vec::new(),
                });
            }
            Item::NumberedParagraph(paragraph) => {
                push_block(version, Block::NumberedParagraph(paragraph));
            }
            Item::Paragraph(paragraph) => push_block(version, Block::Paragraph(paragraph)),
            Item::Listed(Listed {
                bullets,
                mut subparagraphs,
            }) => {
                let span = spanned.unwrap_or_default();
                if let Some(number) = parenthesized_number(version, &bullets, &subparagraphs) {
                    let first = subparagraphs.remove(0);
                    push_block(
                        version,
                        Block::NumberedParagraph(NumberedParagraph {
                            number,
                            label: first.label,
                            content: first.content,
                            bullets: first.bullets,
                            subparagraphs,
                            span,
                        }),
                    );
                    return;
                }
                if last_paragraph_parts(version).is_none() {
                    if !subparagraphs.is_empty() {
                        diagnostics.push(
                            Diagnostic::error(
                                "syntax::orphan-subparagraph",
                                "this sub-paragraph has no paragraph before it",
                            )
                            .primary(span, "sub-paragraph without a paragraph")
                            .help("a sub-paragraph such as `(a)` continues the paragraph before it; write that paragraph first"),
                        );
                        return;
                    }
                    // A list that no paragraph leads into stands as a paragraph of its own.
                    push_block(
                        version,
                        Block::Paragraph(Paragraph {
                            number_like: None,
                            label: None,
                            content: Vec::new(),
                            bullets: Vec::new(),
                            subparagraphs: Vec::new(),
                            span,
                        }),
                    );
                }
                let (paragraph_span, paragraph_bullets, list) =
                    last_paragraph_parts(version).expect("a paragraph was just ensured");
                *paragraph_span = paragraph_span.join(span);
                // Items before any sub-paragraph of this block go with the last sub-paragraph
                // before it, or with the paragraph's own text.
                match (list.last_mut(), paragraph_bullets) {
                    (Some(last), _) => last.bullets.extend(bullets),
                    (None, Some(own)) => own.extend(bullets),
                    (None, None) => {}
                }
                list.extend(subparagraphs);
            }
            Item::Footnote(footnote) => version.footnotes.push(footnote),
            Item::Annex(annex) => match &version.annex {
                Some(first) => diagnostics.push(
                    Diagnostic::error("syntax::duplicate-annex", "a second member annex")
                        .primary(annex.span, "second annex")
                        .secondary(first.span, "the annex starts here")
                        .help("a declaration has one member annex; use `group:` lines to divide it"),
                ),
                None => {
                    version.annex_at = position(version);
                    version.annex = Some(annex);
                    self.annex_open = true;
                }
            },
            Item::Group(group) => match &mut version.annex {
                Some(annex) => {
                    annex.span = annex.span.join(group.span);
                    annex.groups.push(group);
                }
                None => diagnostics.push(
                    Diagnostic::error("syntax::outside-annex", "a group outside the member annex")
                        .primary(group.name.span, "this group belongs to no annex")
                        .help("start the annex with a line such as `annex: List of Members (45)` before its groups"),
                ),
            },
            // Member lines are read as members only where an annex is open (see
            // `syntax::parse`); elsewhere a dash starts a bulleted item.
            Item::Members(members, unreadable) => {
                if let Some(annex) = &mut version.annex {
                    let lines = members
                        .iter()
                        .map(|m| m.span)
                        .chain(unreadable.iter().copied())
                        .reduce(Span::join)
                        .unwrap_or(annex.span);
                    annex.span = annex.span.join(lines);
                    let (list, unreadable_list) = match annex.groups.last_mut() {
                        Some(group) => {
                            group.span = group.span.join(lines);
                            (&mut group.members, &mut group.unreadable)
                        }
                        None => (&mut annex.members, &mut annex.unreadable),
                    };
                    list.extend(members);
                    unreadable_list.extend(unreadable);
                }
            }
            Item::Meeting(meeting) => {
                // A meeting of another series than this meeting's, a past meeting, or a meeting
                // after the next one is one of the other meetings the text states.
                let this_series = self.header.as_ref().and_then(|h| h.series.as_ref());
                let other_series = meeting.series.as_ref().is_some_and(|series| {
                    this_series.is_none_or(|this| fold(&this.value) != fold(&series.value))
                });
                if version.header.is_some() {
                    diagnostics.push(
                        Diagnostic::error(
                            "syntax::misplaced-next-meeting",
                            "a meeting is stated in a language version",
                        )
                        .primary(meeting.span, "inside a `version:`")
                        .help("the facts of other meetings are the same in every language: state them once, before the first `version:`"),
                    );
                } else if meeting.past || other_series || self.next_meeting.is_some() {
                    self.meetings.push(meeting);
                } else {
                    self.next_meeting = Some(meeting);
                }
            }
            Item::Closing(closing) => match &version.closing {
                Some(first) => diagnostics.push(
                    Diagnostic::error("syntax::duplicate-closing", "a second closing block")
                        .primary(closing.span, "second closing")
                        .secondary(first.span, "first closing")
                        .help("keep one `closing:` block per language version"),
                ),
                None => {
                    version.closing_at = position(version);
                    version.closing = Some(closing);
                }
            },
            Item::Signatures(mut signatures) => {
                signatures.at = position(version);
                version.signatures.push(signatures);
            }
            Item::Unparsed(unparsed) => {
                push_block(version, Block::Unparsed(unparsed));
            }
            Item::Version(header) => {
                let at = header.span.start as usize;
                let finished = std::mem::replace(&mut self.current, empty_version(Some(header), at));
                self.versions.push(finished);
                self.annex_open = false;
            }
        }
    }

    /// Text after the annex is most often a language version whose `version:` line is missing:
    /// it is reported, and read as a version of its own whose language is not stated, so that
    /// its paragraphs are not taken for repeats of the original's.
    fn after_annex(&mut self, span: Span, what: &str, diagnostics: &mut Vec<Diagnostic>) {
        let annex = self.current.annex.as_ref().expect("an annex");
        diagnostics.push(text_after_annex(annex, span, what));
        let at = span.start as usize;
        let unnamed = VersionHeader {
            language: Spanned::new(String::new(), Span::point(at)),
            fields: Vec::new(),
            title: None,
            series: None,
            place: None,
            theme: None,
            unusable: Vec::new(),
            span: Span::point(at),
        };
        let finished = std::mem::replace(&mut self.current, empty_version(Some(unnamed), at));
        self.versions.push(finished);
        self.annex_open = false;
    }

    /// The document, with sub-paragraphs nested by their indentation.
    pub fn finish(mut self, source: &str, diagnostics: &mut Vec<Diagnostic>) -> Document {
        self.versions.push(self.current);
        for version in &mut self.versions {
            let sections = version.sections.iter_mut().flat_map(|s| &mut s.blocks);
            for block in version.preamble.iter_mut().chain(sections) {
                let (bullets, list) = match block {
                    Block::NumberedParagraph(p) => (Some(&mut p.bullets), &mut p.subparagraphs),
                    Block::Paragraph(p) => (Some(&mut p.bullets), &mut p.subparagraphs),
                    Block::Unparsed(u) => (None, &mut u.subparagraphs),
                };
                if let Some(bullets) = bullets {
                    *bullets = nest_bullets(std::mem::take(bullets));
                }
                for subparagraph in list.iter_mut() {
                    subparagraph.bullets = nest_bullets(std::mem::take(&mut subparagraph.bullets));
                }
                *list = nest(std::mem::take(list));
            }
            if version.annex.is_none() {
                version.annex = members_in_prose(version, source);
            }
        }
        let header = self.header.unwrap_or_else(|| {
            // The missing header has been reported where the first block was read; only an
            // empty file gets here without a diagnostic.
            if self.len == 0 || diagnostics.is_empty() {
                diagnostics.push(super::expected::missing_header(0));
            }
            Header {
                missing: true,
                ..Header::default()
            }
        });
        Document {
            header,
            next_meeting: self.next_meeting,
            meetings: self.meetings,
            versions: self.versions,
            comments: self.comments,
            span: Span::new(0, self.len),
        }
    }
}

fn item_span(item: &Item) -> Option<Span> {
    Some(match item {
        Item::Header(h) => h.span,
        Item::Comments | Item::Version(_) => return None,
        Item::Heading(h) => h.span,
        Item::Meeting(n) => n.span,
        Item::Closing(c) => c.span,
        Item::Signatures(s) => s.span,
        Item::Annex(a) => a.span,
        Item::Group(g) => g.span,
        Item::Members(m, unreadable) => m
            .iter()
            .map(|m| m.span)
            .chain(unreadable.iter().copied())
            .reduce(Span::join)?,
        Item::Unparsed(u) => u.span,
        Item::Footnote(f) => f.span,
        Item::Listed(listed) => listed
            .bullets
            .iter()
            .map(|b| b.span)
            .chain(listed.subparagraphs.iter().map(|s| s.span))
            .reduce(Span::join)?,
        Item::NumberedParagraph(p) => p.span,
        Item::Paragraph(p) => p.span,
    })
}

/// Text after the annex, which ends the text of a version.
fn text_after_annex(annex: &Annex, span: Span, what: &str) -> Diagnostic {
    Diagnostic::error("syntax::text-after-annex", format!("a {what} after the member annex"))
        .primary(span, format!("this {what} follows the annex"))
        .secondary(Span::new(annex.span.start as usize, annex.title.span.end as usize), "the annex starts here")
        .help("move it before `annex:`; if it begins another language version, put a line such as `version: zh` before it")
}

/// The paragraph number of a block that starts with a number in parentheses, `(31) The
/// development ...`, when that number goes on from the numbered paragraph before it (30) and
/// that paragraph has no sub-paragraphs numbered in parentheses: such a block is the next
/// paragraph, numbered as some texts number theirs, not a sub-paragraph of the one before.
fn parenthesized_number(
    version: &Version,
    bullets: &[Bullet],
    subparagraphs: &[Subparagraph],
) -> Option<ParagraphNumber> {
    let first = subparagraphs.first().filter(|_| bullets.is_empty())?;
    let value: u32 = first.marker.value.parse().ok().filter(|v| *v >= 2)?;
    // The paragraph the block would continue, which may be an unnumbered one leading into it
    // ("... the following considerations:"), and the last numbered paragraph before it.
    let sections = version.sections.iter().rev();
    let last = sections.clone().find_map(|s| s.blocks.last())?;
    let previous = sections
        .flat_map(|s| s.blocks.iter().rev())
        .find_map(|b| match b {
            Block::NumberedParagraph(p) if p.number.style == NumberStyle::Arabic => Some(&p.number),
            Block::Unparsed(u) => u.number.as_ref().filter(|n| n.style == NumberStyle::Arabic),
            _ => None,
        })?;
    let numbered_in_parentheses = |s: &Subparagraph| s.marker.value.parse::<u32>().is_ok();
    if previous.value?.checked_add(1) != Some(value)
        || last.subparagraphs().iter().any(numbered_in_parentheses)
    {
        return None;
    }
    Some(ParagraphNumber {
        value: Some(value),
        style: NumberStyle::Arabic,
        written: first.marker.value.clone(),
        terminator: ')',
        parenthesized: true,
        damage: None,
        span: first.marker.span,
    })
}

/// The members a version's prose names in a marked fact, `{the United States, Australia and
/// Japan = members}`, as an annex, for a version that has none: the first such list of two
/// names or more. Its names are cut as the built-in registry knows them, so that "Bosnia and
/// Herzegovina" stays one name.
fn members_in_prose(version: &Version, source: &str) -> Option<Annex> {
    let mut found = None;
    version.for_each_inline(&mut |inline| {
        let Inline::Fact { text, key, .. } = inline else {
            return;
        };
        if found.is_some() || key.value != FactKey::Members {
            return;
        }
        let names = crate::registry::Registry::builtin().names_in(&text.value);
        if names.len() < 2 {
            return;
        }
        let written = &source[text.span.start as usize..text.span.end as usize];
        let at = crate::source::wrapped_offsets(written);
        let members = names
            .into_iter()
            .map(|(range, _)| Member {
                name: text.value[range.clone()].to_string(),
                span: Span::new(
                    text.span.start as usize + at[range.start],
                    text.span.start as usize + at[range.end - 1] + 1,
                ),
            })
            .collect();
        found = Some(Annex {
            inline: true,
            from_prose: true,
            label: None,
            title: Spanned::new(String::new(), text.span),
            stated_count: None,
            members,
            groups: Vec::new(),
            unreadable: Vec::new(),
            span: text.span,
        });
    });
    found
}

/// Where a block added now stands among the paragraphs.
fn position(version: &Version) -> Position {
    Position {
        sections: version.sections.len(),
        blocks: match version.sections.last() {
            Some(section) => section.blocks.len(),
            None => version.preamble.len(),
        },
    }
}

/// Adds a block to the text: to the preamble while no heading or numbered paragraph has come,
/// else to the last section (a numbered paragraph, or a block that did not read but starts
/// with a paragraph number, opens the first one).
fn push_block(version: &mut Version, block: Block) {
    let numbered = match &block {
        Block::NumberedParagraph(_) => true,
        Block::Unparsed(u) => u.number.is_some(),
        Block::Paragraph(_) => false,
    };
    if version.sections.is_empty() && !numbered {
        version.preamble.push(block);
        return;
    }
    if version.sections.is_empty() {
        version.sections.push(Section {
            heading: None,
            span: block.span(),
            blocks: Vec::new(),
        });
    }
    let section = version
        .sections
        .last_mut()
        .expect("a section was just ensured");
    section.span = section.span.join(block.span());
    section.blocks.push(block);
}

/// The span, the bulleted items and the sub-paragraph list of the last paragraph of a version.
type Parts<'v> = (
    &'v mut Span,
    Option<&'v mut Vec<Bullet>>,
    &'v mut Vec<Subparagraph>,
);

fn last_paragraph_parts(version: &mut Version) -> Option<Parts<'_>> {
    let block = match version.sections.last_mut() {
        Some(section) => section.blocks.last_mut(),
        None => version.preamble.last_mut(),
    };
    block.map(|block| match block {
        Block::NumberedParagraph(p) => (&mut p.span, Some(&mut p.bullets), &mut p.subparagraphs),
        Block::Paragraph(p) => (&mut p.span, Some(&mut p.bullets), &mut p.subparagraphs),
        // What follows a paragraph that did not read belongs to it: it is kept out of the tree
        // with it rather than reported as an orphan.
        Block::Unparsed(u) => (&mut u.span, None, &mut u.subparagraphs),
    })
}

/// Nests a flat list of sub-paragraphs: one indented further than the one before it is its child.
fn nest(flat: Vec<Subparagraph>) -> Vec<Subparagraph> {
    let mut roots = Vec::new();
    for subparagraph in flat {
        insert(&mut roots, subparagraph);
    }
    roots
}

fn insert(siblings: &mut Vec<Subparagraph>, subparagraph: Subparagraph) {
    match siblings.last_mut() {
        Some(last) if subparagraph.indent > last.indent => {
            last.span = last.span.join(subparagraph.span);
            insert(&mut last.children, subparagraph)
        }
        _ => siblings.push(subparagraph),
    }
}

/// Nests a flat list of bulleted items: one indented further than the one before it is its
/// child.
fn nest_bullets(flat: Vec<Bullet>) -> Vec<Bullet> {
    fn insert(siblings: &mut Vec<Bullet>, bullet: Bullet) {
        match siblings.last_mut() {
            Some(last) if bullet.indent > last.indent => {
                last.span = last.span.join(bullet.span);
                insert(&mut last.children, bullet)
            }
            _ => siblings.push(bullet),
        }
    }
    let mut roots = Vec::new();
    for bullet in flat {
        insert(&mut roots, bullet);
    }
    roots
}
