//! The Markdown output: CommonMark with footnotes in the widely read `[^1]` form.
//!
//! Every piece of the drafter's text goes through [`escape`], so that a `*`, a `<script>` or a
//! `1.` at the start of a line prints as written and never as Markdown. Paragraph numbers keep
//! their drafted value: `7\.` is not an ordered list, which a Markdown reader would renumber.

use crate::render::print::{
    Annex, Bullet, Closing, Footnote, Inline, Paragraph, Part, Print, SignatureBlock, Subparagraph,
};
use crate::render::{self, Options, RenderError};

/// Renders the first text of the print model (the version `--lang` asks for, else the
/// original) as Markdown.
pub fn markdown(print: &Print, _options: &Options) -> Result<Vec<u8>, RenderError> {
    let text = print.first();
    let mut out = String::new();
    if print.draft {
        out.push_str(&format!("> **{}**\n\n", escape(render::DRAFT_NOTICE)));
    }
    for (_, part) in text.parts() {
        match part {
            Part::Title(text) => {
                if let Some(title) = &text.title {
                    out.push_str(&format!("# {}\n\n", escape(title)));
                }
                if let Some(line) = &text.place_and_date {
                    out.push_str(&format!("*{}*\n\n", escape(line)));
                }
            }
            Part::Heading(_, heading) => {
                // A division (`# Annex B`) is a heading of the title's level.
                let marks = "#".repeat(usize::from(heading.level.clamp(1, 6)));
                out.push_str(&format!("{marks} {}\n\n", inlines(&heading.content)));
            }
            Part::Paragraph(p) => paragraph(p, &mut out),
            Part::Annex(annex) => self::annex(annex, text.has_divisions(), &mut out),
            Part::Closing(closing) => self::closing(closing, &mut out),
            Part::Signatures(block) => signatures(block, &mut out),
            Part::Footnotes(footnotes) => {
                for footnote in footnotes {
                    self::footnote(footnote, &mut out);
                }
            }
        }
    }
    // One newline at the end, as text files have.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    Ok(out.into_bytes())
}

/// A paragraph, with its number as drafted (escaped, so that no reader renumbers it as a list).
fn paragraph(p: &Paragraph, out: &mut String) {
    let line = match &p.number {
        Some(number) => format!(
            "{}{}{}",
            number.printed(),
            number.separator(),
            inlines(&p.content)
        ),
        None => inlines(&p.content),
    };
    if !line.trim().is_empty() {
        out.push_str(&escape_line_start(line.trim()));
        out.push_str("\n\n");
    }
    bullets(&p.bullets, 0, out);
    if !p.bullets.is_empty() {
        out.push('\n');
    }
    subparagraphs(&p.subparagraphs, 0, out);
}

/// Bulleted items as a list, nested as drafted.
fn bullets(list: &[Bullet], depth: usize, out: &mut String) {
    for b in list {
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        out.push_str(&escape_line_start(inlines(&b.content).trim()));
        out.push('\n');
        bullets(&b.bullets, depth + 1, out);
    }
}

/// Sub-paragraphs as a list, nested as drafted; each item keeps its marker `(a)`.
fn subparagraphs(list: &[Subparagraph], depth: usize, out: &mut String) {
    for s in list {
        let line = format!("({}) {}", s.marker, inlines(&s.content));
        out.push_str(&"  ".repeat(depth));
        out.push_str("- ");
        out.push_str(line.trim_end());
        out.push('\n');
        bullets(&s.bullets, depth + 1, out);
        subparagraphs(&s.subparagraphs, depth + 1, out);
    }
    if depth == 0 && !list.is_empty() {
        out.push('\n');
    }
}

/// The annex's title and groups as headings with their counts, one member per list item.
/// In a text cut into divisions, the annex is one of them.
fn annex(annex: &Annex, division: bool, out: &mut String) {
    let (title, group) = if division { ("#", "##") } else { ("##", "###") };
    let lists = std::iter::once((title, &annex.heading, &annex.members))
        .chain(annex.groups.iter().map(|g| (group, &g.heading, &g.members)));
    for (index, (marks, heading, members)) in lists.enumerate() {
        if index > 0 || annex.has_heading() {
            out.push_str(&format!("{marks} {}\n\n", escape(heading)));
        }
        for member in members {
            out.push_str("- ");
            out.push_str(&escape_line_start(&escape(&member.name)));
            out.push('\n');
        }
        if !members.is_empty() {
            out.push('\n');
        }
    }
}

/// The closing block: place and date on one line, then who adopts it.
fn closing(closing: &Closing, out: &mut String) {
    if let Some(line) = &closing.line {
        out.push_str(&format!("*{}*\n\n", escape(line)));
    }
    if let Some(by) = &closing.by {
        out.push_str(&format!("**{}**\n\n", escape(by)));
    }
}

/// A signature block: each signatory's lines as paragraphs, for whom in italics and the name
/// in bold, so that every reader keeps each line.
fn signatures(block: &SignatureBlock, out: &mut String) {
    for signatory in &block.signatories {
        if let Some(party) = &signatory.party {
            out.push_str(&format!("*{}*\n\n", escape(party)));
        }
        if let Some(name) = &signatory.name {
            out.push_str(&format!("**{}**\n\n", escape(name)));
        }
        for title in &signatory.titles {
            out.push_str(&escape_line_start(&escape(title)));
            out.push_str("\n\n");
        }
    }
}

/// A footnote, by its number: `[^1]: ...`.
fn footnote(footnote: &Footnote, out: &mut String) {
    out.push_str(&format!(
        "[^{}]: {}\n\n",
        footnote.number,
        inlines(&footnote.content)
    ));
}

/// Inline content as Markdown, on one line.
fn inlines(content: &[Inline]) -> String {
    let mut out = String::new();
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Fact { text, .. } => out.push_str(&escape(text)),
            Inline::Emphasis(content) => out.push_str(&format!("*{}*", inlines(content))),
            Inline::Strong(content) => out.push_str(&format!("**{}**", inlines(content))),
            Inline::Quote {
                open,
                close,
                content,
            } => out.push_str(&format!("{open}{}{close}", inlines(content))),
            Inline::FootnoteRef { number, id, .. } => match number {
                Some(number) => out.push_str(&format!("[^{number}]")),
                None => out.push_str(&escape(&format!("[^{id}]"))),
            },
            Inline::Link {
                content,
                target,
                safe,
            } => {
                let words = inlines(content);
                if *safe {
                    out.push_str(&format!("[{words}](<{}>)", link_destination(target)));
                } else {
                    out.push_str(&words);
                }
            }
            Inline::Reference { label, target } => match target {
                Some(target) => out.push_str(&escape(&target.text)),
                None => out.push_str(&escape(&Inline::unresolved(label))),
            },
        }
    }
    out
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
