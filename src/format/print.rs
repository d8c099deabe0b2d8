//! The printer of `plenary fmt`: the lossless syntax tree of a file printed in the canonical
//! layout. Each function is named for the grammar rule whose node it prints.
//!
//! Only layout changes: the printer copies every word, number, mark and note from the tree's
//! leaves, and changes only spaces, line breaks, indentation characters, the order of header
//! fields, and the dash of a list (every dash of a member, signatory or bullet prints as `-`).

use std::collections::BTreeSet;

use unicode_width::UnicodeWidthStr;

use super::Options;
use crate::syntax::{
    starts_block, Rule, SyntaxKind, SyntaxNode, SyntaxTree, CLOSING_FIELDS, HEADER_FIELDS,
    MEETING_FIELDS, VERSION_FIELDS,
};

/// The file in the canonical layout, with `\n` line endings: one blank line between blocks,
/// but notes that stood right above a block (a heading, `annex:`, `closing:` ...) stay right
/// above it. The blocks of `as_written` (by their place among the root's children) keep their
/// lines as written, without the spaces at their ends.
pub fn document(tree: &SyntaxTree, options: &Options, as_written: &BTreeSet<usize>) -> String {
    let mut out = String::new();
    // Whether the last block printed is made of notes only, and the line endings since it.
    let mut after_notes = false;
    let mut newlines = 0;
    for (index, child) in tree.root().children().enumerate() {
        let block = match child.kind() {
            SyntaxKind::Rule(_) if as_written.contains(&index) => trim_lines(child.text()),
            SyntaxKind::Rule(_) => entry(child, options),
            // A file with a block the grammar could not read is never formatted; should one
            // reach here all the same, it is kept as written.
            SyntaxKind::Unread => trim_lines(child.text()),
            SyntaxKind::Newline => {
                newlines += 1;
                continue;
            }
            _ => continue,
        };
        if !out.is_empty() {
            out.push_str(if after_notes && newlines == 1 {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&block);
        after_notes = child.inner().any(|c| c.rule() == Some(Rule::comment_block));
        newlines = 0;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

/// The lines of a block, in order.
struct Printer<'o> {
    lines: Vec<String>,
    options: &'o Options,
}

/// The blocks the printer would lay out so that they read differently from the block as
/// written, by their place among the root's children. A line break can matter to the grammar:
/// a `[` that opens no link on its line may open one with the text of the next line after it
/// (found by the fuzzer). Such a block is best left as it stands.
pub fn blocks_that_read_differently(tree: &SyntaxTree, options: &Options) -> BTreeSet<usize> {
    // A block is read after the header and the blocks just before it as written, so that it
    // stands where it stands in the file (a sub-paragraph after its paragraph and the ones
    // before it, found by the fuzzer: read without the header, a sub-paragraph's text was not
    // read at all); a few blocks keep the cost linear. It reads as the document and as whether
    // it has a syntax error: two texts that both fail to parse may recover to the same document.
    const BEFORE: usize = 8;
    let reads = |before: &str, text: &str| {
        let text = if before.is_empty() {
            text.to_string()
        } else {
            format!("{before}\n\n{text}")
        };
        let parsed = crate::syntax::parse(&crate::source::Source::new("block", &text));
        let refused = parsed.diagnostics.iter().any(|d| d.is_error());
        (refused, super::same::without_layout(&parsed.document))
    };
    let mut first: Option<String> = None;
    let mut recent: std::collections::VecDeque<String> = std::collections::VecDeque::new();
    let mut changed = BTreeSet::new();
    for (index, child) in tree.root().children().enumerate() {
        if !matches!(child.kind(), SyntaxKind::Rule(_)) {
            continue;
        }
        let written = trim_lines(child.text());
        let printed = entry(child, options);
        if printed != written {
            let before: Vec<&str> = first
                .iter()
                .chain(recent.iter())
                .map(String::as_str)
                .collect();
            let before = before.join("\n\n");
            if reads(&before, &printed) != reads(&before, &written) {
                changed.insert(index);
            }
        }
        if first.is_none() {
            first = Some(written);
        } else {
            if recent.len() == BEFORE {
                recent.pop_front();
            }
            recent.push_back(written);
        }
    }
    changed
}

/// One block of the file: the notes above it, then the block.
fn entry(node: SyntaxNode, options: &Options) -> String {
    let mut printer = Printer {
        lines: Vec::new(),
        options,
    };
    for child in node.inner() {
        match child.as_rule() {
            Rule::comment => printer.comment(child),
            Rule::comment_block => child.inner().for_each(|c| printer.comment(c)),
            Rule::header => printer.fields(child, None, HEADER_FIELDS),
            Rule::meeting => {
                let keyword = child.child(Rule::meeting_keyword).map_or("", |k| k.text());
                printer.fields(child, Some(format!("{keyword}:")), MEETING_FIELDS);
            }
            Rule::closing => printer.fields(child, Some("closing:".to_string()), CLOSING_FIELDS),
            Rule::version => {
                let language = child.child(Rule::version_language).map_or("", |l| l.text());
                let line = format!("version: {}", language.trim());
                printer.fields(child, Some(line), VERSION_FIELDS);
            }
            Rule::signatures => printer.signatures(child),
            Rule::annex | Rule::group => printer.annex(child),
            Rule::member_list => printer.members(child),
            Rule::heading => printer.heading(child),
            Rule::footnote => printer.footnote(child),
            Rule::numbered_paragraph => printer.numbered_paragraph(child),
            Rule::paragraph => printer.paragraph(child),
            Rule::subparagraph_block | Rule::bullet_list => printer.paragraph_body(child, ""),
            // The end of the block, and anything no rule of a block is made of.
            _ => {}
        }
    }
    printer.lines.join("\n")
}

impl Printer<'_> {
    /// Adds a line without the spaces and tabs at its end (a no-break space is the drafter's
    /// character, and stays).
    fn push(&mut self, line: String) {
        self.lines
            .push(line.trim_end_matches([' ', '\t']).to_string());
    }

    /// `// note`, at the start of its line.
    fn comment(&mut self, node: SyntaxNode) {
        let text = node.child(Rule::comment_text).map_or("", |t| t.text());
        self.push(format!("//{}", text.trim_end()));
    }

    /// A block of fields: its keyword line, then one field per line in the order of `known`,
    /// each with the notes that stood right above it.
    fn fields(&mut self, node: SyntaxNode, keyword: Option<String>, known: &[&str]) {
        self.lines.extend(keyword);
        let mut entries: Vec<(usize, Vec<String>)> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        for child in node.inner() {
            match child.as_rule() {
                Rule::comment => {
                    let text = child.child(Rule::comment_text).map_or("", |t| t.text());
                    notes.push(format!("//{}", text.trim_end()));
                }
                Rule::field => {
                    let key = child.child(Rule::field_key).map_or("", |k| k.text());
                    let rank = known.iter().position(|k| *k == key).unwrap_or(known.len());
                    notes.push(field(child));
                    entries.push((rank, std::mem::take(&mut notes)));
                }
                Rule::invalid_line => notes.push(child.text().trim().to_string()),
                _ => {}
            }
        }
        // A stable sort: fields the order does not know keep their place among themselves.
        entries.sort_by_key(|(rank, _)| *rank);
        for (_, lines) in entries {
            lines.into_iter().for_each(|line| self.push(line));
        }
        notes.into_iter().for_each(|line| self.push(line));
    }

    /// `signed:` and its signatories, each after `- `, the lines that go on with one indented.
    fn signatures(&mut self, node: SyntaxNode) {
        let keyword = node
            .child(Rule::signatures_keyword)
            .map_or("", |k| k.text());
        self.push(format!("{keyword}:"));
        for child in node.inner() {
            match child.as_rule() {
                Rule::comment => self.comment(child),
                Rule::signatory => {
                    for (index, line) in child.inner().enumerate() {
                        let lead = if index == 0 { "- " } else { "  " };
                        self.push(format!("{lead}{}", line.text().trim()));
                    }
                }
                Rule::invalid_line => self.push(child.text().trim().to_string()),
                _ => {}
            }
        }
    }

    /// `annex: {#label} Title (45)` or `group: Asia (16)`, then its members.
    fn annex(&mut self, node: SyntaxNode) {
        let mut line = match node.child(Rule::annex_keyword) {
            Some(keyword) => format!("{}:", keyword.text()),
            None => "group:".to_string(),
        };
        for child in node.inner() {
            match child.as_rule() {
                Rule::label => line.push_str(&format!(" {}", child.text())),
                Rule::annex_title | Rule::group_name if !child.text().trim().is_empty() => {
                    line.push_str(&format!(" {}", child.text().trim()))
                }
                Rule::stated_count => {
                    let count = child.child(Rule::count).map_or("", |c| c.text());
                    line.push_str(&format!(" ({count})"));
                }
                _ => {}
            }
        }
        self.push(line);
        self.members(node);
    }

    /// One member per line, after `- `.
    fn members(&mut self, node: SyntaxNode) {
        for child in node.inner() {
            match child.as_rule() {
                Rule::member => {
                    let name = child.child(Rule::member_name).map_or("", |n| n.text());
                    self.push(format!("- {}", name.trim()));
                }
                Rule::comment => self.comment(child),
                Rule::invalid_line => self.push(child.text().trim().to_string()),
                _ => {}
            }
        }
    }

    /// `## Heading`, on one line.
    fn heading(&mut self, node: SyntaxNode) {
        let marker = node.child(Rule::heading_marker).map_or("##", |m| m.text());
        let mut line = marker.to_string();
        if let Some(inline) = node.child(Rule::inline) {
            line.push(' ');
            let words = self.inline(inline, "", "", 0);
            line.push_str(&words.join(" "));
        }
        self.push(line);
    }

    /// `[^1]: The words of the note.`, filled.
    fn footnote(&mut self, node: SyntaxNode) {
        let id = node.child(Rule::footnote_id).map_or("", |i| i.text());
        let colon = if node.text().contains("]：") {
            "："
        } else {
            ":"
        };
        let first = format!("[^{id}]{colon} ");
        match node.child(Rule::inline) {
            Some(inline) => {
                let lines = self.inline(inline, &first, "", self.options.width);
                lines.into_iter().for_each(|line| self.push(line));
            }
            None => self.push(first),
        }
    }

    /// `7. Ministers ...`: the number as written, one space, the filled text, then its
    /// sub-paragraphs and bulleted items.
    fn numbered_paragraph(&mut self, node: SyntaxNode) {
        let Some(number) = node.child(Rule::paragraph_number) else {
            return;
        };
        let lone = number.child(Rule::lone_digits).is_some();
        if lone {
            // A number set above its paragraph stays on its own line.
            self.push(number.text().to_string());
            self.paragraph_body(node, "");
            return;
        }
        // A number run into its text (`38.In`) is the drafter's slip, which the checks report:
        // it stays run in, rather than being mended here without a word.
        let next = node.children().skip_while(|c| *c != number).nth(1);
        let run_in = next.is_some_and(|next| {
            next.rule() == Some(Rule::inline)
                && next
                    .children()
                    .next()
                    .is_some_and(|first| first.rule() != Some(Rule::soft_break))
        });
        let lead = if run_in {
            number.text().to_string()
        } else {
            format!("{} ", number.text())
        };
        self.paragraph_body(node, &lead);
    }

    /// An unnumbered paragraph. Its indentation goes, unless the paragraph's first words would
    /// then start something else: an indented `annex:` line is text, and stays text.
    fn paragraph(&mut self, node: SyntaxNode) {
        let text = node.text();
        let words = text.trim_start_matches([' ', '\t']);
        let mut atoms = Vec::new();
        if let Some(inline) = node.child(Rule::inline) {
            inline_atoms(inline, &mut atoms);
        }
        let first_word = atoms.iter().position(|a| matches!(a, Atom::Word(_)));
        // An indented paragraph that starts like a number (` 4 Ministers`, ` V. Evatt`) stays
        // indented: at the start of its line it would read as a paragraph number, or one
        // written wrong (both found by the fuzzer).
        let keep = words.len() < text.len()
            && (first_word.is_some_and(|first| !may_start_line(&atoms[first..]))
                || crate::syntax::number_like(words, 0).is_some()
                || crate::syntax::starts_paragraph_number(words));
        let lead = if keep {
            &text[..text.len() - words.len()]
        } else {
            ""
        };
        self.paragraph_body(node, lead);
    }

    /// The text of a paragraph after `lead` (its number, or nothing), then its sub-paragraphs
    /// and bulleted items.
    fn paragraph_body(&mut self, node: SyntaxNode, lead: &str) {
        let mut lead = Some(lead.to_string());
        for child in node.inner() {
            let first = lead.take().unwrap_or_default();
            match child.as_rule() {
                Rule::inline => {
                    let lines = self.inline(child, &first, "", self.options.width);
                    lines.into_iter().for_each(|line| self.push(line));
                }
                Rule::subparagraph => self.subparagraph(child, &first),
                Rule::bullet => self.bullet(child),
                _ => lead = Some(first),
            }
        }
        if let Some(lead) = lead.filter(|lead| !lead.trim().is_empty()) {
            self.push(lead);
        }
    }

    /// `(a) ...` at its indentation, the lines that go on with it hanging under its text.
    fn subparagraph(&mut self, node: SyntaxNode, lead: &str) {
        let indent = indentation(node);
        let marker = node
            .child(Rule::subparagraph_marker)
            .map_or("", |m| m.text());
        let first = format!("{lead}{indent}{marker} ");
        let hanging = " ".repeat(first.width());
        match node.child(Rule::inline) {
            Some(inline) => {
                let lines = self.inline(inline, &first, &hanging, self.options.width);
                lines.into_iter().for_each(|line| self.push(line));
            }
            None => self.push(first),
        }
    }

    /// `- ...` at its indentation, the lines that go on with it hanging under its text.
    fn bullet(&mut self, node: SyntaxNode) {
        let indent = indentation(node);
        let first = format!("{indent}- ");
        let hanging = " ".repeat(first.width());
        if let Some(inline) = node.child(Rule::inline) {
            let lines = self.inline(inline, &first, &hanging, self.options.width);
            lines.into_iter().for_each(|line| self.push(line));
        }
    }

    /// The text of an inline node filled into lines of at most `width` columns (0: one line),
    /// the first after `first`, the others after `hanging`.
    fn inline(&self, node: SyntaxNode, first: &str, hanging: &str, width: usize) -> Vec<String> {
        let mut atoms = Vec::new();
        inline_atoms(node, &mut atoms);
        fill(&atoms, first, hanging, width)
    }
}

/// `key: value`.
fn field(node: SyntaxNode) -> String {
    let key = node.child(Rule::field_key).map_or("", |k| k.text());
    let value = node
        .child(Rule::field_value)
        .map_or("", |v| v.text().trim_end());
    // The full-width colon of a Chinese header needs no space after it.
    let full_width = node
        .children()
        .any(|c| c.kind() == SyntaxKind::Mark && c.text().contains('：'));
    match (full_width, value.is_empty()) {
        (true, _) => format!("{key}：{value}"),
        (false, true) => format!("{key}:"),
        (false, false) => format!("{key}: {value}"),
    }
}

/// The indentation of a sub-paragraph or bulleted item, in spaces: its width, which gives its
/// depth, is kept.
fn indentation(node: SyntaxNode) -> String {
    let indent = node.child(Rule::indent).map_or("", |i| i.text());
    let width: usize = indent.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    " ".repeat(width)
}

/// What a paragraph's text is made of, for filling.
#[derive(Debug, Clone, PartialEq)]
enum Atom {
    /// Words and marks that stand together, with no space in between.
    Word(String),
    /// Spaces or a line break between words: a place where a line may end.
    Space,
    /// A note line inside the text: a line of its own.
    Note(String),
}

/// The atoms of an inline node (or of the strong emphasis, emphasis or quotation inside one).
fn inline_atoms(node: SyntaxNode, out: &mut Vec<Atom>) {
    for child in node.children() {
        match child.kind() {
            SyntaxKind::Rule(Rule::text) => {
                let text = child.text();
                let mut start = 0;
                for (at, c) in text.char_indices() {
                    if c == ' ' || c == '\t' {
                        push_word(out, &text[start..at]);
                        out.push(Atom::Space);
                        start = at + 1;
                    }
                }
                push_word(out, &text[start..]);
            }
            SyntaxKind::Rule(Rule::soft_break) => out.push(Atom::Space),
            SyntaxKind::Rule(Rule::line_comment) => {
                let text = child
                    .descendants()
                    .find(|n| n.rule() == Some(Rule::comment_text))
                    .map_or("", |t| t.text());
                out.push(Atom::Note(format!("//{}", text.trim_end())));
            }
            // An empty quotation (`""`) has no children in the tree, only its two marks as its
            // own text: it is a word as written.
            SyntaxKind::Rule(Rule::strong | Rule::emphasis | Rule::quote)
                if child.children().next().is_none() =>
            {
                push_word(out, child.text())
            }
            SyntaxKind::Rule(Rule::strong | Rule::emphasis | Rule::quote) => {
                inline_atoms(child, out)
            }
            SyntaxKind::Rule(Rule::fact) => push_word(out, &fact(child)),
            SyntaxKind::Rule(Rule::unclosed) => {}
            SyntaxKind::Whitespace | SyntaxKind::Newline => out.push(Atom::Space),
            _ => push_word(out, child.text()),
        }
    }
}

/// Adds words to the atoms, joined to the word before when no space stands between them.
fn push_word(out: &mut Vec<Atom>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Atom::Word(word)) => word.push_str(text),
        _ => out.push(Atom::Word(text.to_string())),
    }
}

/// `{words = key}`, on one line, as the lowering reads it.
fn fact(node: SyntaxNode) -> String {
    let words = node.child(Rule::fact_text).map_or("", |t| t.text());
    let words: Vec<&str> = words.trim().split('\n').map(str::trim).collect();
    let key = node.child(Rule::fact_key).map_or("", |k| k.text());
    let key: Vec<&str> = key.split_whitespace().collect();
    format!("{{{} = {}}}", words.join(" "), key.join(" "))
}

/// Fills atoms into lines: a line ends at a space when the words up to the next place a line may
/// end would pass `width` columns (0: never). A line may end only where the word after the break
/// cannot start something else (a bulleted item, a sub-paragraph, a note, a block, the next
/// paragraph's number); the words between two such places stay on one line.
fn fill(atoms: &[Atom], first: &str, hanging: &str, width: usize) -> Vec<String> {
    // Where a line may end: before the word at the index.
    let breakable: Vec<bool> = (0..atoms.len())
        .map(|index| {
            index > 0 && atoms[index - 1] == Atom::Space && may_start_line(&atoms[index..])
        })
        .collect();
    // The width of the words from the index up to the next place a line may end, each space
    // between them one column, however it was written.
    let segment = |from: usize| -> usize {
        let mut columns = 0;
        for (index, atom) in atoms.iter().enumerate().skip(from) {
            match atom {
                Atom::Word(word) if index == from => columns += word.width(),
                Atom::Word(word) if !breakable[index] => {
                    let space = usize::from(atoms[index - 1] == Atom::Space);
                    columns += space + word.width();
                }
                Atom::Space => {}
                _ => break,
            }
        }
        columns
    };
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut has_words = false;
    let mut space = false;
    for (index, atom) in atoms.iter().enumerate() {
        match atom {
            Atom::Space => space = has_words,
            Atom::Note(note) => {
                if !line.trim().is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                lines.push(note.clone());
                line = hanging.to_string();
                has_words = false;
                space = false;
            }
            Atom::Word(word) => {
                if space {
                    let fits = width == 0 || line.width() + 1 + segment(index) <= width;
                    if fits || !breakable[index] {
                        line.push(' ');
                    } else {
                        lines.push(std::mem::take(&mut line));
                        line = hanging.to_string();
                    }
                }
                line.push_str(word);
                has_words = true;
                space = false;
            }
        }
    }
    if has_words || !line.trim().is_empty() {
        lines.push(line);
    }
    for line in &mut lines {
        line.truncate(line.trim_end_matches([' ', '\t']).len());
    }
    lines
}

/// Whether a line may start with these atoms: the grammar reads a line that starts with a dash,
/// a parenthesis, `//`, `#`, `[^1]:`, a keyword such as `annex:` or a paragraph number as the
/// start of something else.
fn may_start_line(atoms: &[Atom]) -> bool {
    let Some(Atom::Word(word)) = atoms.first() else {
        return false;
    };
    let Some(first) = word.chars().next() else {
        return false;
    };
    let numbered = first.is_ascii_digit()
        && word
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(['.', '、', '°']);
    let opens = first.is_alphabetic()
        || ['“', '"', '‘', '\'', '{', '*', '<', '«'].contains(&first)
        || (first.is_ascii_digit() && !numbered);
    if !opens {
        return false;
    }
    // The words of the line, as far as a keyword could reach.
    let mut rest = String::new();
    for atom in atoms.iter().take(6) {
        match atom {
            Atom::Word(word) => rest.push_str(word),
            Atom::Space => rest.push(' '),
            Atom::Note(_) => break,
        }
    }
    !starts_block(&rest)
}

/// Text kept as written, without the spaces at the ends of its lines.
fn trim_lines(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(|line| line.trim_end_matches([' ', '\t']))
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Atom> {
        let mut atoms = Vec::new();
        for (index, word) in text.split(' ').enumerate() {
            if index > 0 {
                atoms.push(Atom::Space);
            }
            atoms.push(Atom::Word(word.to_string()));
        }
        atoms
    }

    #[test]
    fn lines_are_filled_up_to_the_width() {
        let lines = fill(&words("aa bb cc dd ee"), "1. ", "", 9);
        assert_eq!(lines, ["1. aa bb", "cc dd ee"]);
    }

    #[test]
    fn no_line_starts_with_what_would_start_something_else() {
        for text in [
            "aaaa - bullet",
            "aaaa (a) sub",
            "aaaa // note",
            "aaaa ## heading",
            "aaaa 8. next",
            "aaaa annex: x",
            "aaaa next meeting: x",
        ] {
            let lines = fill(&words(text), "", "", 5);
            assert!(
                lines[0].len() > 5,
                "{text:?} was broken before what would start something else: {lines:?}"
            );
        }
    }

    #[test]
    fn width_zero_keeps_a_paragraph_on_one_line() {
        let lines = fill(&words("aa bb cc dd ee"), "", "", 0);
        assert_eq!(lines, ["aa bb cc dd ee"]);
    }

    #[test]
    fn chinese_counts_two_columns_a_character() {
        let lines = fill(&words("中国 日本 韩国"), "", "", 10);
        assert_eq!(lines, ["中国 日本", "韩国"]);
    }
}
