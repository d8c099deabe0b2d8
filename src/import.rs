//! `plenary import`: a declaration pasted as plain text, or the Markdown of a web page, written
//! in the language.
//!
//! The importer reads the text line by line: it leaves out what is no part of the declaration
//! (front matter, web chrome before the title, page markers, rules between parts), takes the
//! title and the place and date line for the header, and writes each block of the rest as what
//! it reads as: a heading (also one numbered as if it were a paragraph), a numbered paragraph
//! (also `1\.` and list items), bulleted items, a footnote text with its markers. Every line
//! left out is written, as it was, in a `// left out:` note where it stood, and whatever the
//! importer was unsure of gets an `// import:` note. Marks that would mean something else in the
//! language are escaped; a block that still does not parse is written again with every mark
//! escaped, so that the result always parses.

use crate::source::Source;

/// The declaration in the language, and what was left out of it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub text: String,
    /// Every line left out, as it stood in the source (after its markup was read).
    pub left_out: Vec<String>,
    /// The notes written where the importer was unsure.
    pub unsure: usize,
}

/// A block of the result: its notes, then its lines.
#[derive(Debug, Default)]
struct Block {
    notes: Vec<String>,
    lines: Vec<String>,
    /// Every mark of the block is escaped already.
    escaped: bool,
}

/// Imports a text.
pub fn import(source: &str) -> Imported {
    let text = source.replace("\r\n", "\n").replace('\r', "\n");
    let mut importer = Importer::default();
    let lines: Vec<String> = text.lines().map(read_markup).collect();
    let body_start = importer.front_matter(&lines);
    let lines = &lines[body_start..];
    let title_at = importer.title(lines);
    let body = importer.place_and_date(lines, title_at);
    importer.body(&lines[body..]);
    importer.finish()
}

#[derive(Default)]
struct Importer {
    title: Option<String>,
    place: Option<String>,
    adopted: Option<String>,
    /// Notes of the header block: what was left out before the text.
    header_notes: Vec<String>,
    blocks: Vec<Block>,
    left_out: Vec<String>,
    unsure: usize,
    /// A number written on a line of its own (`###1`), for the paragraph after it.
    pending_number: Option<String>,
    /// The block before ends with a colon: a list may follow.
    after_colon: bool,
}

impl Importer {
    /// Leaves out YAML front matter; its `title:` is a candidate for the title. Returns the
    /// index of the first line after it.
    fn front_matter(&mut self, lines: &[String]) -> usize {
        // A first line naming where the text was taken from is no part of it.
        let mut start = 0;
        if lines
            .first()
            .is_some_and(|l| l.starts_with("Source: http") || l.starts_with("Source: <http"))
        {
            self.leave_out_in_header(&lines[0]);
            start = 1;
        }
        let lines = &lines[start..];
        if lines.first().map(|l| l.trim()) != Some("---") {
            return start;
        }
        let Some(end) = lines.iter().skip(1).position(|l| l.trim() == "---") else {
            return start;
        };
        for line in &lines[..end + 2] {
            if let Some(title) = line.trim().strip_prefix("title:") {
                let title = title.trim().trim_matches(['"', '\'']).trim();
                if !title.is_empty() {
                    self.title = Some(title.to_string());
                }
            }
            self.leave_out_in_header(line);
        }
        start + end + 2
    }

    /// Finds the title line; the lines before it are web chrome, left out. Returns the index of
    /// the title line, or 0 when the first line is the title.
    fn title(&mut self, lines: &[String]) -> usize {
        let candidates = lines
            .iter()
            .enumerate()
            .filter(|(_, line)| !line.trim().is_empty() && !is_chrome(line));
        let mut first = None;
        let mut found = None;
        for (index, line) in candidates.take(80) {
            first.get_or_insert(index);
            // The text has begun: a title comes before its first numbered paragraph.
            if numbered(line.trim()).is_some() {
                break;
            }
            if looks_like_title(line) {
                found = Some(index);
                break;
            }
        }
        let Some(at) = found.or(first) else {
            return lines.len();
        };
        for line in &lines[..at] {
            if !line.trim().is_empty() {
                self.leave_out_in_header(line);
            }
        }
        let title = clean_title(&lines[at]);
        // A title of the front matter is the page's; the text's own heading is the
        // declaration's.
        self.title = Some(title);
        at
    }

    /// Reads the lines right after the title that give the place and the date (`Beijing, 31
    /// October 2007`, `Nanjing, People's Republic of China | 05 September 2014`). Returns the
    /// index of the first line of the text.
    fn place_and_date(&mut self, lines: &[String], title_at: usize) -> usize {
        let mut at = (title_at + 1).min(lines.len());
        let mut seen = 0;
        while at < lines.len() && seen < 4 {
            let line = &lines[at];
            if line.trim().is_empty() {
                at += 1;
                continue;
            }
            if is_chrome(line) {
                self.leave_out_in_header(line);
                at += 1;
                continue;
            }
            let Some((place, date)) = place_and_date_line(line) else {
                break;
            };
            if self.place.is_none() {
                self.place = place;
            }
            if self.adopted.is_none() {
                self.adopted = date;
            }
            // The facts go to the header; the line, as written, into a note.
            self.leave_out_in_header(line);
            seen += 1;
            at += 1;
        }
        at
    }

    fn leave_out_in_header(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() {
            return;
        }
        self.left_out.push(line.to_string());
        self.header_notes.push(format!("// left out: {line}"));
    }

    /// The text: blocks at blank lines, and at each line that starts a numbered paragraph, a
    /// heading or a footnote text.
    fn body(&mut self, lines: &[String]) {
        let mut raw: Vec<Vec<&str>> = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        let mut notes_before: Vec<String> = Vec::new();
        let mut pending_notes: Vec<Vec<String>> = Vec::new();
        for line in lines {
            let trimmed = line.trim();
            if trimmed.is_empty() {
                if !current.is_empty() {
                    raw.push(std::mem::take(&mut current));
                    pending_notes.push(std::mem::take(&mut notes_before));
                }
                continue;
            }
            if is_chrome(line) || is_page_marker(trimmed) {
                self.left_out.push(trimmed.to_string());
                notes_before.push(format!("// left out: {trimmed}"));
                continue;
            }
            let starts = numbered(trimmed).is_some()
                || heading(trimmed).is_some()
                || footnote_text(trimmed).is_some();
            if starts && !current.is_empty() {
                raw.push(std::mem::take(&mut current));
                pending_notes.push(std::mem::take(&mut notes_before));
            }
            current.push(line.as_str());
        }
        if !current.is_empty() {
            raw.push(current);
            pending_notes.push(std::mem::take(&mut notes_before));
        }
        // Left-out lines after the last block stay at the end.
        let trailing = notes_before;
        let footnote_ids: Vec<String> = raw
            .iter()
            .filter_map(|block| footnote_text(block[0].trim()).map(|(id, _)| id.to_string()))
            .collect();
        for (index, (block, notes)) in raw.iter().zip(pending_notes).enumerate() {
            let next = raw.get(index + 1).map(|b| b[0].trim());
            let mut out = self.block(block, next, &footnote_ids);
            self.after_colon = block
                .last()
                .is_some_and(|line| line.trim_end().ends_with([':', '：']));
            let mut all = notes;
            all.append(&mut out.notes);
            out.notes = all;
            self.blocks.push(out);
        }
        if !trailing.is_empty() {
            self.blocks.push(Block {
                notes: trailing,
                ..Block::default()
            });
        }
    }

    /// One block of the text.
    fn block(&mut self, lines: &[&str], next: Option<&str>, footnotes: &[String]) -> Block {
        let first = lines[0].trim();
        let rest: Vec<String> = lines[1..].iter().map(|l| text_line(l, footnotes)).collect();
        let mut block = Block::default();
        if let Some(words) = heading(first) {
            if let Some(number) = number_only(words) {
                // `###1`: the number of the paragraph below, set as a heading.
                block.notes.push(
                    "// import: the number stood alone as a heading in the source".to_string(),
                );
                self.unsure += 1;
                if rest.is_empty() {
                    self.pending_number = Some(number.to_string());
                    return block;
                }
                block
                    .lines
                    .push(format!("{number}. {}", rest[0].trim_start()));
                block.lines.extend(rest[1..].iter().cloned());
                return block;
            }
            block.lines.push(format!("## {}", inline(words, footnotes)));
            if !rest.is_empty() {
                // The words under a heading line are a paragraph of their own.
                block.lines.push(String::new());
                block.lines.extend(self.paragraph_lines(&rest));
            }
            return block;
        }
        if let Some((id, words)) = footnote_text(first) {
            block
                .lines
                .push(format!("[^{id}]: {}", inline(words, footnotes)));
            block.lines.extend(rest);
            return block;
        }
        if let Some((number, words)) = numbered(first) {
            let followed = next.is_some_and(|n| numbered(n).is_some() || heading(n).is_none());
            if lines.len() == 1 && reads_as_heading(words) && followed {
                // APEC's pages number their headings as if they were paragraphs.
                block.notes.push(format!(
                    "// import: numbered {number} in the source, where it reads as a heading; the check of the\n\
                     // numbering then finds paragraph {number} missing: renumber the paragraphs after it, or\n\
                     // number this heading's words as a paragraph again"
                ));
                block.notes.push(format!("// left out: {number}."));
                self.left_out.push(format!("{number}."));
                self.unsure += 1;
                block.lines.push(format!("## {}", inline(words, footnotes)));
                return block;
            }
            let mut first_line = format!("{number}. {}", inline(words, footnotes));
            if words.is_empty() {
                first_line = format!("{number}.");
            }
            block.lines.extend(run_in_subparagraph(&first_line));
            block.lines.extend(rest);
            block.lines = joined_where_a_line_would_start_a_block(std::mem::take(&mut block.lines));
            return block;
        }
        if let Some((words, paragraph)) = run_in_heading(first) {
            // `ARMISTICE AND SUBSEQUENT ARRANGEMENTS 7. The two Governments ...`: a heading run
            // into the first line of its paragraph.
            block.notes.push(
                "// import: the heading ran into the line of the paragraph below it".to_string(),
            );
            self.unsure += 1;
            block.lines.push(format!("## {}", inline(words, footnotes)));
            block.lines.push(String::new());
            block.lines.push(inline(paragraph, footnotes));
            block.lines.extend(rest);
            return block;
        }
        if let Some(words) = bold_heading(first) {
            if lines.len() == 1 {
                block.lines.push(format!("## {}", inline(words, footnotes)));
                return block;
            }
        }
        if self.after_colon {
            if let Some(names) = member_names(lines) {
                // `List of ASEM Members:` and the names after it, two spaces apart.
                block.lines.push("members:".to_string());
                block.lines.extend(
                    names
                        .iter()
                        .map(|name| format!("- {}", inline(name, footnotes))),
                );
                return block;
            }
        }
        if let Some(signatories) = signatory_lines(lines) {
            block.lines.push("signed:".to_string());
            block.lines.extend(
                signatories
                    .iter()
                    .map(|line| format!("- {}", inline(line, footnotes))),
            );
            return block;
        }
        let mut all = vec![text_line(first, footnotes)];
        all.extend(rest);
        let mut paragraph = self.paragraph_lines(&all);
        if let Some(number) = self.pending_number.take() {
            if let Some(first) = paragraph.first_mut() {
                *first = format!("{number}. {}", first.trim_start());
            }
        }
        block.lines.append(&mut paragraph);
        block
    }

    /// The lines of a paragraph: a first line that would start another block is indented,
    /// which keeps it text.
    fn paragraph_lines(&mut self, lines: &[String]) -> Vec<String> {
        let mut out: Vec<String> = lines.to_vec();
        if let Some(first) = out.first_mut() {
            if crate::syntax::starts_block(first) || numbered(first).is_some() {
                first.insert_str(0, "  ");
            }
        }
        joined_where_a_line_would_start_a_block(out)
    }

    fn finish(mut self) -> Imported {
        let mut header = Vec::new();
        header.push(format!(
            "title: {}",
            self.title
                .clone()
                .unwrap_or_else(|| "[[the title of the declaration]]".to_string())
        ));
        if let Some(place) = &self.place {
            header.push(format!("place: {place}"));
        }
        if let Some(adopted) = &self.adopted {
            header.push(format!("adopted: {adopted}"));
        }
        let mut text = header.join("\n");
        text.push('\n');
        if !self.header_notes.is_empty() {
            text.push('\n');
            text.push_str(
                "// import: what stood before the text, and the place and date line the header\n\
                 // now states:\n",
            );
            text.push_str(&self.header_notes.join("\n"));
            text.push('\n');
        }
        // A block that does not parse is written again with every mark escaped.
        let mut result = assemble(&text, &self.blocks);
        for _ in 0..2 {
            let source = Source::new("import.decl", result.0.as_str());
            let parsed = crate::syntax::parse(&source);
            let mut bad: Vec<(usize, &'static str)> = parsed
                .diagnostics
                .iter()
                .filter(|d| d.is_error() && d.code.starts_with("syntax::"))
                .filter_map(|d| {
                    let at = d.primary_span()?.start as usize;
                    let index = result.1.iter().position(|range| range.contains(&at))?;
                    Some((index, d.code))
                })
                .collect();
            bad.dedup_by_key(|(index, _)| *index);
            if bad.is_empty() {
                break;
            }
            for (index, code) in bad {
                let block = &mut self.blocks[index];
                if block.escaped {
                    continue;
                }
                block.escaped = true;
                for line in &mut block.lines {
                    *line = escape_all(line);
                }
                let why = match code {
                    "syntax::unclosed" | "syntax::stray-closing-quote" => {
                        "the quotation marks (or emphasis marks) of this block do not pair up in the source; they are written as marks, for the text to read: check them"
                    }
                    _ => "the marks of this block are escaped, for it did not read otherwise",
                };
                block.notes.push(format!("// import: {why}"));
                self.unsure += 1;
            }
            result = assemble(&text, &self.blocks);
        }
        Imported {
            text: result.0,
            left_out: self.left_out,
            unsure: self.unsure,
        }
    }
}

/// The header and the blocks, a blank line between them, with the byte range of each block.
fn assemble(header: &str, blocks: &[Block]) -> (String, Vec<std::ops::Range<usize>>) {
    let mut out = header.to_string();
    let mut ranges = Vec::with_capacity(blocks.len());
    for block in blocks {
        let rendered = render_block(block);
        if rendered.is_empty() {
            ranges.push(out.len()..out.len());
            continue;
        }
        out.push('\n');
        let start = out.len();
        out.push_str(&rendered);
        out.push('\n');
        ranges.push(start..out.len());
    }
    (out, ranges)
}

/// The lines of a block, each line after the first that would start a block of its own (`annex:
/// ...`, `## ...`) joined to the line before it: a line break inside a paragraph is a space.
fn joined_where_a_line_would_start_a_block(lines: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for line in lines {
        match out.last_mut() {
            Some(last) if crate::syntax::starts_block(&line) => {
                last.push(' ');
                last.push_str(&line);
            }
            _ => out.push(line),
        }
    }
    out
}

fn render_block(block: &Block) -> String {
    let mut lines: Vec<&str> = block.notes.iter().map(String::as_str).collect();
    lines.extend(block.lines.iter().map(String::as_str));
    lines.join("\n")
}

/// Reads a line's markup: HTML tags and comments go, entities are decoded, Markdown escapes
/// (`2\.`, `\#`) are read as the characters they stand for, and a garbled bullet (`â¢`) is
/// read as the bullet it was.
fn read_markup(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        match html_markup_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).into_owned();
    let mut text = String::with_capacity(decoded.len());
    let mut chars = decoded.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(&next) = chars.peek() {
                if next.is_ascii_punctuation() {
                    text.push(next);
                    chars.next();
                    continue;
                }
            }
        }
        text.push(c);
    }
    for garbled in ["â€¢", "â¢"] {
        if let Some(rest) = text.trim_start().strip_prefix(garbled) {
            return format!("• {}", rest.trim_start());
        }
    }
    text
}

/// The length of an HTML tag or comment at the start of `text`, if it is one.
fn html_markup_len(text: &str) -> Option<usize> {
    if let Some(rest) = text.strip_prefix("<!--") {
        return rest.find("-->").map(|end| 4 + end + 3);
    }
    const TAGS: &[&str] = &[
        "a",
        "b",
        "br",
        "big",
        "center",
        "div",
        "em",
        "font",
        "hr",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "u",
        "ul",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
    ];
    let end = text.find('>')?;
    let inner = text[1..end].trim_start_matches('/').trim_end_matches('/');
    let name = inner.split_whitespace().next()?.to_ascii_lowercase();
    TAGS.contains(&name.as_str()).then_some(end + 1)
}

/// Lines of a web page around the text: navigation, sharing, breadcrumbs, rules.
fn is_chrome(line: &str) -> bool {
    const LINES: &[&str] = &[
        "skip to main content",
        "skip to content",
        "share",
        "print",
        "email",
        "e-mail",
        "home",
        "menu",
        "search",
        "back to top",
        "top",
        "subscribe now >>",
        "tweet",
        "related",
        "close",
    ];
    const STARTS: &[&str] = &[
        "position:",
        "updated:",
        "you are here",
        "home >",
        "home>",
        "· ",
    ];
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    LINES.contains(&lower.as_str())
        || STARTS.iter().any(|s| lower.starts_with(s))
        || (trimmed.len() >= 3 && trimmed.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')))
}

/// A page number or a page's continuation mark: `3`, `- 3 -`, `Page 3 of 9`, `. . . / 2`.
fn is_page_marker(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    let lower = compact.to_lowercase();
    let digits = |s: &str| !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit());
    digits(&compact)
        || compact
            .strip_prefix('-')
            .and_then(|s| s.strip_suffix('-'))
            .is_some_and(digits)
        || lower.strip_prefix("page").is_some_and(|s| {
            digits(s)
                || s.split_once("of")
                    .is_some_and(|(a, b)| digits(a) && digits(b))
        })
        || compact
            .strip_prefix("...")
            .and_then(|s| s.strip_prefix('/'))
            .is_some_and(digits)
}

/// Whether a line reads as the title of a declaration.
fn looks_like_title(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "declaration",
        "statement",
        "communiqu",
        "final act",
        "final document",
        "agreement",
        "joint",
        "report of",
        "宣言",
        "声明",
        "聲明",
    ];
    let lower = line.to_lowercase();
    let words = line.split_whitespace().count();
    words <= 30 && !line.trim_end().ends_with('.') && WORDS.iter().any(|w| lower.contains(w))
}

/// A title line without its Markdown: `## **Title**` is `Title`.
fn clean_title(line: &str) -> String {
    let title = line.trim().trim_start_matches('#').trim();
    let title = title.trim_matches(['*', '_']).trim();
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A place and date line: the place (words without digits) and the date (`YYYY-MM-DD`), when
/// every part of the line is one of the two.
fn place_and_date_line(line: &str) -> Option<(Option<String>, Option<String>)> {
    let line = line.trim().trim_matches(['(', ')', '*', '_']).trim();
    if line.chars().count() > 120 || line.is_empty() {
        return None;
    }
    let mut place = None;
    let mut date = None;
    let parts = line
        .split(['|', '\u{a0}'])
        .flat_map(|part| part.split("  "))
        .map(|part| part.trim().trim_matches([',', ';', '-', '–']).trim())
        .filter(|part| !part.is_empty());
    let read_date = |part: &str| {
        crate::dates::read_dates(part, "en")
            .and_then(|d| d.dates())
            .map(|(_, end)| end.to_string())
    };
    let is_place = |part: &str| {
        part.chars().count() <= 60
            && !part.chars().any(|c| c.is_ascii_digit())
            && part.chars().next().is_some_and(char::is_uppercase)
            && !part.ends_with('.')
    };
    for part in parts {
        if let Some(read) = read_date(part) {
            date.get_or_insert(read);
        } else if is_place(part) {
            place.get_or_insert(part.to_string());
        } else {
            // `Beijing, 31 October 2007`: the place, then the date after a comma.
            let split = part.match_indices(", ").find_map(|(at, _)| {
                let (before, after) = (&part[..at], &part[at + 2..]);
                (is_place(before))
                    .then(|| read_date(after))
                    .flatten()
                    .map(|d| (before, d))
            });
            let (before, read) = split?;
            place.get_or_insert(before.to_string());
            date.get_or_insert(read);
        }
    }
    date.as_ref()?;
    Some((place, date))
}

/// `7. Ministers ...`, `7) ...`, `7、...`: the number and the words after it.
fn numbered(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &line[digits..];
    let words = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))
        .or_else(|| rest.strip_prefix('、'))
        .or_else(|| (rest == "." || rest == ")").then_some(""))?;
    Some((&line[..digits], words.trim()))
}

/// A Markdown heading: its words.
fn heading(line: &str) -> Option<&str> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    (1..=6)
        .contains(&hashes)
        .then(|| line[hashes..].trim())
        .filter(|words| !words.is_empty())
}

/// Whether the words after a number read as a heading rather than a paragraph: short, no
/// sentence mark at their end or comma inside, and most of their longer words capitalised
/// (`Promoting SME Sustainability through Innovation`).
fn reads_as_heading(words: &str) -> bool {
    let long: Vec<&str> = words
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    !words.is_empty()
        && words.split_whitespace().count() <= 12
        && !words.contains([',', ';'])
        && !words.ends_with(|c: char| c.is_ascii_punctuation() || "。；：—–".contains(c))
        && capitalised * 5 >= long.len() * 3
        && !long.is_empty()
}

/// The names of a list of members written on one line or a few, two spaces (or a no-break
/// space, a semicolon, `、`) apart: each name short and capitalised, at least three of them.
fn member_names(lines: &[&str]) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for line in lines {
        let line = line.replace('\u{a0}', "  ");
        for name in line.split("  ").flat_map(|part| part.split([';', '、'])) {
            let name = name.trim();
            if !name.is_empty() {
                names.push(name.to_string());
            }
        }
    }
    let plausible = names.len() >= 3
        && names.iter().all(|name| {
            name.chars().count() <= 50
                && name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
                && !name.ends_with(['.', ':'])
        });
    plausible.then_some(names)
}

/// Signatories written one a line under the text: `President Joseph R. Biden, Jr. of the United
/// States of America`, `For the Government of Australia:`; at least two, each line short and
/// starting with a title or `For`.
fn signatory_lines(lines: &[&str]) -> Option<Vec<String>> {
    const TITLES: &[&str] = &[
        "president ",
        "prime minister ",
        "minister ",
        "h.e. ",
        "he ",
        "the hon ",
        "king ",
        "queen ",
        "chancellor ",
        "secretary ",
        "for the ",
        "for his ",
        "for her ",
    ];
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let all = lines.len() >= 2
        && lines.iter().all(|line| {
            let lower = line.to_lowercase();
            line.chars().count() <= 90
                && !line.ends_with('.')
                && TITLES.iter().any(|t| lower.starts_with(t))
        });
    all.then_some(lines)
}

/// A line whose first sub-paragraph runs into it (`... the two Governments support- (a) the
/// right of ...`), cut before the sub-paragraph's marker.
fn run_in_subparagraph(line: &str) -> Vec<String> {
    for marker in ["(a) ", "(i) ", "(1) "] {
        let Some(at) = line.find(marker) else {
            continue;
        };
        let before = line[..at].trim_end();
        if at > 0 && before.ends_with(['-', ':', '—', '–']) {
            return vec![before.to_string(), line[at..].to_string()];
        }
    }
    vec![line.to_string()]
}

/// A heading in capitals run into the first line of a numbered paragraph: the heading, and the
/// paragraph from its number on (`38.In order ...` stays as written: its number is damaged,
/// which the checks report).
fn run_in_heading(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    let numbered_at = |i: usize| {
        let digits = line[i..].len()
            - line[i..]
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        let after = &line[i + digits..];
        (1..=3).contains(&digits)
            && after.starts_with('.')
            && after[1..].starts_with(|c: char| c == ' ' || c.is_alphabetic())
    };
    let at = (1..bytes.len())
        .find(|&i| bytes[i - 1] == b' ' && bytes[i].is_ascii_digit() && numbered_at(i))?;
    let heading = line[..at].trim();
    let letters: Vec<char> = heading.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
    let paragraph = &line[at..];
    (capitals && paragraph.len() > 4).then_some((heading, paragraph))
}

/// A line that is only a bold or bold-italic phrase, as web pages set their headings.
fn bold_heading(line: &str) -> Option<&str> {
    let inner = line.strip_prefix("**")?.strip_suffix("**")?;
    let inner = inner.trim_matches('*').trim();
    (!inner.is_empty() && !inner.contains("**") && inner.chars().count() <= 100).then_some(inner)
}

/// The number of a heading that holds only a number: `1` of `###1`.
fn number_only(words: &str) -> Option<&str> {
    let words = words.trim_end_matches('.');
    (!words.is_empty() && words.len() <= 3 && words.chars().all(|c| c.is_ascii_digit()))
        .then_some(words)
}

/// A footnote text: `[^1]: ...`, `[1] ...`: its name and its words.
fn footnote_text(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('[')?;
    let rest = rest.strip_prefix('^').unwrap_or(rest);
    let close = rest.find(']')?;
    let id = &rest[..close];
    if id.is_empty() || id.len() > 4 || !id.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let words = rest[close + 1..].trim_start_matches(':').trim();
    (!words.is_empty()).then_some((id, words))
}

/// A line of text, its marks escaped, its footnote markers written as the language writes them;
/// a Markdown list item (`* ...`, `+ ...`, `· ...`) is a bulleted item, at its indentation.
fn text_line(line: &str, footnotes: &[String]) -> String {
    let trimmed = line.trim();
    for mark in ["* ", "+ ", "· "] {
        if let Some(words) = trimmed.strip_prefix(mark) {
            let indent = line.len() - line.trim_start().len();
            return format!(
                "{}- {}",
                " ".repeat(indent.min(8)),
                inline(words.trim(), footnotes)
            );
        }
    }
    inline(trimmed, footnotes)
}

/// Words in the language: `[1]` is a footnote marker when a footnote `1` exists; a bracket,
/// brace, backslash or angle bracket that would start a construct is escaped; emphasis marks
/// stay when they pair up.
fn inline(words: &str, footnotes: &[String]) -> String {
    let stars = words.matches('*').count();
    let keep_stars = stars.is_multiple_of(2) && !words.contains("* ");
    let mut out = String::with_capacity(words.len() + 8);
    let mut rest = words;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        match c {
            '[' => {
                let marker = rest[1..]
                    .split_once(']')
                    .map(|(id, _)| id.trim_start_matches('^'));
                let is_link = rest[1..]
                    .split_once("](")
                    .is_some_and(|(text, _)| !text.contains(']'));
                match marker {
                    Some(id) if footnotes.iter().any(|f| f == id) => {
                        out.push_str(&format!("[^{id}]"));
                        let skip = rest[1..].find(']').map_or(1, |at| at + 2);
                        rest = &rest[skip..];
                        continue;
                    }
                    _ if is_link => out.push('['),
                    _ => out.push_str("\\["),
                }
            }
            '{' | '}' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' if !rest[1..].starts_with("http") && !rest[1..].starts_with("mailto") => {
                out.push_str("\\<")
            }
            '*' if !keep_stars => out.push_str("\\*"),
            _ => out.push(c),
        }
        rest = &rest[len..];
    }
    // A line that would start a note is text.
    if out.starts_with("//") {
        out.insert(0, '\\');
    }
    out
}

/// A line with every mark that could start a construct escaped.
fn escape_all(line: &str) -> String {
    let (lead, body) = match numbered(line) {
        Some((number, words)) if line.trim_start().starts_with(number) => {
            (format!("{number}. "), words.to_string())
        }
        _ => (String::new(), line.to_string()),
    };
    let mut out = lead;
    let mut escaped = false;
    for (index, c) in body.chars().enumerate() {
        let starts_subparagraph = index == 0 && c == '(';
        if !escaped && (matches!(c, '*' | '"' | '“' | '”') || starts_subparagraph) {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

/// The words of a text, as the test of an import compares them: runs of letters and digits,
/// after the markup of the text is read.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = read_markup(line);
        let mut word = String::new();
        for c in line.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_markers_and_chrome_are_recognised() {
        for marker in ["3", "- 3 -", "Page 2 of 9", ". . . / 2"] {
            assert!(is_page_marker(marker), "{marker}");
        }
        assert!(!is_page_marker("2007"));
        assert!(is_chrome("Skip to main content"));
        assert!(!is_chrome("Ministers met."));
    }

    #[test]
    fn a_place_and_date_line_gives_both() {
        assert_eq!(
            place_and_date_line("Nanjing, People's Republic of China | 05 September 2014"),
            Some((
                Some("Nanjing, People's Republic of China".to_string()),
                Some("2014-09-05".to_string())
            ))
        );
        assert_eq!(
            place_and_date_line("(Beijing, China  October 31, 2007)"),
            Some((
                Some("Beijing, China".to_string()),
                Some("2007-10-31".to_string())
            ))
        );
        assert_eq!(place_and_date_line("Ministers met in Beijing."), None);
    }

    #[test]
    fn a_heading_run_into_its_paragraph_is_taken_apart() {
        assert_eq!(
            run_in_heading("ARMISTICE AND SUBSEQUENT ARRANGEMENTS 7. The two Governments"),
            Some((
                "ARMISTICE AND SUBSEQUENT ARRANGEMENTS",
                "7. The two Governments"
            ))
        );
        assert_eq!(
            run_in_heading("PERMANENT SECRETARIAT 38.In order to"),
            Some(("PERMANENT SECRETARIAT", "38.In order to"))
        );
        assert_eq!(run_in_heading("In 2007 the Ministers met. 7. Then"), None);
    }

    #[test]
    fn a_first_sub_paragraph_run_into_its_paragraph_gets_its_line() {
        assert_eq!(
            run_in_subparagraph("21. The Governments support- (a) the right"),
            ["21. The Governments support-", "(a) the right"]
        );
        assert_eq!(run_in_subparagraph("see (a) above"), ["see (a) above"]);
    }

    #[test]
    fn numbers_headings_and_footnotes() {
        assert_eq!(numbered("  12. Ministers"), Some(("12", "Ministers")));
        assert_eq!(numbered("2009 was"), None);
        assert_eq!(heading("### Main Consensus"), Some("Main Consensus"));
        assert_eq!(
            footnote_text("[1] List of members"),
            Some(("1", "List of members"))
        );
        assert_eq!(
            inline("members[1] met {x} in [brackets]", &["1".to_string()]),
            "members[^1] met \\{x\\} in \\[brackets]"
        );
    }
}
