//! The Markdown output: CommonMark with footnotes in the widely read `[^1]` form.
//!
//! Every piece of the drafter's text goes through [`escape`], so that a `*`, a `<script>` or a
//! `1.` at the start of a line prints as written and never as Markdown. Paragraph numbers keep
//! their drafted value: `7\.` is not an ordered list, which a Markdown reader would renumber.

use crate::ast::{self, Block, Document, Inline, Subparagraph, Version};
use crate::render::{self, Options, References, RenderError};

/// Renders the version `options` asks for (the original by default) as Markdown.
pub fn markdown(document: &Document, options: &Options) -> Result<Vec<u8>, RenderError> {
    let version = render::version(document, options)?;
    let cx = Cx {
        language: document.language_of(version),
        references: References::of(document, version),
    };
    let mut out = String::new();
    if options.draft {
        out.push_str(&format!("> **{}**\n\n", escape(render::DRAFT_NOTICE)));
    }
    if let Some(title) = render::title(document, version) {
        out.push_str(&format!("# {}\n\n", escape(title)));
    }
    if let Some(line) = render::place_and_date(document, version) {
        out.push_str(&format!("*{}*\n\n", escape(&line)));
    }
    text(&cx, version, &mut out);
    if let Some(annex) = &version.annex {
        self::annex(annex, &mut out);
    }
    if let Some(closing) = &version.closing {
        self::closing(&cx, document, closing, &mut out);
    }
    for footnote in &version.footnotes {
        out.push_str(&format!(
            "[^{}]: {}\n\n",
            footnote.id.value,
            cx.inlines(&footnote.content)
        ));
    }
    // One newline at the end, as text files have.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    Ok(out.into_bytes())
}

/// What the Markdown of one version needs as it goes.
struct Cx<'a> {
    language: &'a str,
    references: References,
}

/// The preamble, the sections and their paragraphs.
fn text(cx: &Cx, version: &Version, out: &mut String) {
    for p in &version.preamble {
        paragraph(cx, p, out);
    }
    for section in &version.sections {
        if let Some(heading) = &section.heading {
            let marks = if heading.level >= 3 { "###" } else { "##" };
            out.push_str(&format!("{marks} {}\n\n", cx.inlines(&heading.content)));
        }
        for block in &section.blocks {
            match block {
                Block::NumberedParagraph(p) => numbered_paragraph(cx, p, out),
                Block::Paragraph(p) => paragraph(cx, p, out),
                Block::Unparsed(u) => {
                    out.push_str(&escape_line_start(&escape(&u.text)));
                    out.push_str("\n\n");
                }
            }
        }
    }
}

fn numbered_paragraph(cx: &Cx, p: &ast::NumberedParagraph, out: &mut String) {
    let line = format!(
        "{}{}{}{}",
        p.number.written,
        p.number.terminator,
        render::after_number(p.number.terminator),
        cx.inlines(&p.content)
    );
    out.push_str(&escape_line_start(line.trim_end()));
    out.push_str("\n\n");
    subparagraphs(cx, &p.subparagraphs, 0, out);
}

fn paragraph(cx: &Cx, p: &ast::Paragraph, out: &mut String) {
    let line = cx.inlines(&p.content);
    if !line.trim().is_empty() {
        out.push_str(&escape_line_start(line.trim()));
        out.push_str("\n\n");
    }
    subparagraphs(cx, &p.subparagraphs, 0, out);
}

/// Sub-paragraphs as a list, nested as drafted; each item keeps its marker `(a)`.
fn subparagraphs(cx: &Cx, list: &[Subparagraph], depth: usize, out: &mut String) {
    for s in list {
        let line = format!("({}) {}", s.marker.value, cx.inlines(&s.content));
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        out.push_str(line.trim_end());
        out.push('\n');
        subparagraphs(cx, &s.children, depth + 1, out);
    }
    if depth == 0 && !list.is_empty() {
        out.push('\n');
    }
}

fn annex(annex: &ast::Annex, out: &mut String) {
    let count = |stated: &Option<crate::source::Spanned<u32>>| stated.as_ref().map(|c| c.value);
    member_list(
        "##",
        &annex.title.value,
        count(&annex.stated_count),
        &annex.members,
        out,
    );
    for group in &annex.groups {
        member_list(
            "###",
            &group.name.value,
            count(&group.stated_count),
            &group.members,
            out,
        );
    }
}

/// A heading with its stated count, then one member per list item.
fn member_list(
    marks: &str,
    title: &str,
    count: Option<u32>,
    members: &[ast::Member],
    out: &mut String,
) {
    out.push_str(&format!(
        "{marks} {}\n\n",
        escape(&render::with_count(title, count))
    ));
    for member in members {
        out.push_str("- ");
        out.push_str(&escape_line_start(&escape(&member.name)));
        out.push('\n');
    }
    if !members.is_empty() {
        out.push('\n');
    }
}

/// The closing block: place and date on one line, then who adopts it.
fn closing(cx: &Cx, document: &Document, closing: &ast::Closing, out: &mut String) {
    let line = render::closing_line(document, closing, cx.language);
    if let Some(line) = line {
        out.push_str(&format!("*{}*\n\n", escape(&line)));
    }
    if let Some(by) = &closing.by {
        out.push_str(&format!("**{}**\n\n", escape(&by.value)));
    }
}

impl Cx<'_> {
    /// Inline content as Markdown, on one line.
    fn inlines(&self, content: &[Inline]) -> String {
        let mut out = String::new();
        for inline in content {
            match inline {
                Inline::Text { text, .. } => out.push_str(&escape(text)),
                Inline::SoftBreak { .. } => out.push(' '),
                Inline::Emphasis { content, .. } => {
                    out.push_str(&format!("*{}*", self.inlines(content)))
                }
                Inline::Strong { content, .. } => {
                    out.push_str(&format!("**{}**", self.inlines(content)))
                }
                Inline::Quote { content, .. } => {
                    let (open, close) = render::quotation_marks(self.language);
                    out.push_str(&format!("{open}{}{close}", self.inlines(content)));
                }
                Inline::FootnoteRef { id, .. } => out.push_str(&format!("[^{id}]")),
                Inline::Link {
                    content, target, ..
                } => {
                    let words = if content.is_empty() {
                        escape(target)
                    } else {
                        self.inlines(content)
                    };
                    if render::is_safe_link(target) {
                        out.push_str(&format!("[{words}](<{}>)", link_destination(target)));
                    } else {
                        out.push_str(&words);
                    }
                }
                Inline::Reference { name, .. } => match self.references.get(name) {
                    Some(target) => out.push_str(&escape(target)),
                    None => out.push_str(&escape(&format!("{{@{name}}}"))),
                },
                Inline::Fact { text, .. } => out.push_str(&escape(&text.value)),
            }
        }
        out
    }
}

/// Escapes text for CommonMark: every character that could start markup gets a backslash, so
/// the reader prints it as written; control characters become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // A carriage return or another line break would end the line, and the block with it.
        if c.is_control() {
            out.push(' ');
            continue;
        }
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&' | '#' | '$'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes what would start a block at the start of a line: a list bullet (`-`, `+`), a setext
/// underline (`=`), or an ordered-list number (`7.`, `7)`), which a reader would renumber.
fn escape_line_start(line: &str) -> String {
    let line = line.trim_start();
    if line.starts_with(['-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && line[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_string()
}

/// A link address inside `<...>`: the characters that would end it are percent-encoded.
fn link_destination(target: &str) -> String {
    let mut out = String::with_capacity(target.len());
    for c in target.trim().chars() {
        match c {
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_at_the_start_of_a_line_are_escaped() {
        assert_eq!(escape_line_start("7. Ministers"), "7\\. Ministers");
        assert_eq!(escape_line_start("12) Ministers"), "12\\) Ministers");
        assert_eq!(escape_line_start("- a dash"), "\\- a dash");
        assert_eq!(escape_line_start("IV. Roman"), "IV. Roman");
        assert_eq!(escape_line_start("2009 was"), "2009 was");
    }

    #[test]
    fn a_carriage_return_in_the_text_does_not_end_the_line() {
        assert_eq!(
            escape("title: A\rseries: B\n1. C"),
            "title: A series: B 1. C"
        );
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            escape("<script>*a*_b_ [x](y) `c` & #"),
            "\\<script\\>\\*a\\*\\_b\\_ \\[x\\](y) \\`c\\` \\& \\#"
        );
    }
}
