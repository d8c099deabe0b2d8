//! The prose of a version as a reader reads it: each heading, paragraph, sub-paragraph, bullet
//! and footnote as one string of words, with the place in the source of every byte of it.
//!
//! The checks that read words (spelling, doubled words, punctuation, the facts found in prose)
//! read these passages, not the syntax tree: line breaks inside a paragraph are single spaces,
//! escapes are the characters they stand for, marks of emphasis are gone, a quotation keeps its
//! quotation marks, a marked fact is its words, and a footnote marker is nothing. A reference
//! (`{@name}`) or a web address stands as one [`OBJECT`] character, which no word contains.
//! Every range of a passage maps back to the drafter's own words through [`Passage::span`].

use std::ops::Range;

use crate::ast::{Block, Bullet, FactKey, Inline, Subparagraph, Version};
use crate::source::{Span, Spanned};

/// The character that stands for a reference or a web address in a passage's text.
pub const OBJECT: char = '\u{FFFC}';

/// What kind of block a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    /// A header field's value, such as the title, read as words.
    Field,
    Heading,
    Paragraph,
    Subparagraph,
    Bullet,
    Footnote,
}

/// One block of prose as it reads.
#[derive(Debug, Clone)]
pub struct Passage {
    pub kind: PassageKind,
    /// The words as a reader reads them.
    pub text: String,
    /// For every byte of `text`, its offset in the source.
    at: Vec<u32>,
    /// The words of `text`, found once when the passage is read: a dozen checks read them.
    words: Vec<Range<u32>>,
    /// The words marked as facts, with their keys, as ranges of `text`.
    pub facts: Vec<(Range<usize>, FactKey)>,
    /// The quotations, quotation marks included, as ranges of `text`.
    pub quotes: Vec<Range<usize>>,
    /// The passage introduces the sub-paragraphs or bullets that follow it, so that it may end
    /// without a stop ("The Ministers agreed to:").
    pub lead_in: bool,
    /// The passage is the text of a numbered paragraph.
    pub numbered: bool,
}

impl Passage {
    /// A passage of the kind with no words yet.
    fn empty(kind: PassageKind) -> Passage {
        Passage {
            kind,
            text: String::new(),
            at: Vec::new(),
            words: Vec::new(),
            facts: Vec::new(),
            quotes: Vec::new(),
            lead_in: false,
            numbered: false,
        }
    }

    /// The drafter's words that a range of the passage's text was read from.
    pub fn span(&self, range: Range<usize>) -> Span {
        let Some(&first) = self.at.get(range.start) else {
            let end = self.at.last().map_or(0, |&at| at as usize + 1);
            return Span::new(end, end);
        };
        if range.is_empty() {
            return Span::new(first as usize, first as usize);
        }
        let last = range.end.min(self.at.len()) - 1;
        // The last byte of a character in the source: a character read from an escape or a
        // quotation mark may be longer in the source than in the text.
        let end = self.at[last] as usize + 1;
        Span::new(first as usize, end.max(first as usize + 1))
    }

    /// Whether a range of the text lies inside a marked fact.
    pub fn in_fact(&self, range: &Range<usize>) -> bool {
        self.facts
            .iter()
            .any(|(fact, _)| fact.start <= range.start && range.end <= fact.end)
    }

    /// Whether a range of the text lies inside a quotation.
    pub fn in_quote(&self, range: &Range<usize>) -> bool {
        self.quotes
            .iter()
            .any(|quote| quote.start <= range.start && range.end <= quote.end)
    }

    /// The words of the passage: runs of letters and digits, with the apostrophes and hyphens
    /// inside them ("SMEs’", "co-operation" are one word each, and so is a word with a soft
    /// hyphen in it), as ranges of the text.
    pub fn words(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.words
            .iter()
            .map(|word| word.start as usize..word.end as usize)
    }

    /// Finds the words of the passage's text, once it is read whole.
    fn find_words(&mut self) {
        let text = self.text.as_str();
        // The character at a byte offset and its length, an ASCII one without decoding: the
        // words of every passage are found on every run, and most of their characters are
        // ASCII.
        let char_at = |at: usize| -> Option<(char, usize)> {
            match *text.as_bytes().get(at)? {
                byte if byte.is_ascii() => Some((char::from(byte), 1)),
                _ => text[at..].chars().next().map(|c| (c, c.len_utf8())),
            }
        };
        // English has a word in about every seven bytes, Chinese far fewer; the words are kept
        // as long as the analysis, so what was reserved and not used is given back.
        let mut words = Vec::with_capacity(text.len() / 6);
        let mut at = 0;
        while let Some((c, length)) = char_at(at) {
            if !is_word_char(c) {
                at += length;
                continue;
            }
            let start = at;
            at += length;
            while let Some((c, length)) = char_at(at) {
                // A combining accent belongs to the letter before it: "Côte" written
                // decomposed (NFD) is one word, not "Co" and "te".
                let in_word = is_word_char(c)
                    || (!c.is_ascii() && unicode_normalization::char::is_combining_mark(c))
                    // An apostrophe or hyphen joins two runs of letters; at the end of a
                    // word it is punctuation. A soft hyphen (U+00AD) marks where a word may
                    // break and is not printed otherwise: "Pre\u{AD}sident" reads
                    // "President".
                    || (matches!(
                        c,
                        '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '\u{AD}'
                    ) && char_at(at + length).is_some_and(|(next, _)| is_word_char(next)));
                if !in_word {
                    break;
                }
                at += length;
            }
            words.push(start as u32..at as u32);
        }
        words.shrink_to_fit();
        self.words = words;
    }
}

/// Whether a character is a letter or a digit, as `char::is_alphanumeric` says. The common
/// Chinese characters, all letters, are answered without Unicode's tables, where each cost
/// ninety instructions, a tenth of the time of finding the words of a Chinese text.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        matches!(c, '\u{4E00}'..='\u{9FFF}') || c.is_alphanumeric()
    }
}

/// Every passage of a version, in reading order: headings and paragraphs with their
/// sub-paragraphs and bullets, then the footnotes.
pub fn passages(version: &Version, source: &str) -> Vec<Passage> {
    // The blocks of a long text are read on all cores, and their passages taken in order.
    passages_on(version, source, crate::batch::threads_for(source.len()))
}

/// [`passages`] read on up to `threads` threads.
fn passages_on(version: &Version, source: &str, threads: usize) -> Vec<Passage> {
    /// What becomes passages, in the order of reading: each is read apart from the others.
    enum Piece<'v> {
        Block(&'v Block),
        Heading(&'v [Inline]),
        Footnote(&'v [Inline]),
    }
    let mut pieces: Vec<Piece> = version.preamble.iter().map(Piece::Block).collect();
    for section in &version.sections {
        if let Some(heading) = &section.heading {
            pieces.push(Piece::Heading(&heading.content));
        }
        pieces.extend(section.blocks.iter().map(Piece::Block));
    }
    pieces.extend(
        version
            .footnotes
            .iter()
            .map(|f| Piece::Footnote(&f.content)),
    );
    let mut out = Vec::new();
    crate::batch::in_chunks(
        &pieces,
        PIECES_READ_TOGETHER,
        threads,
        |chunk| {
            let mut read = Vec::new();
            for piece in chunk {
                match piece {
                    Piece::Block(block) => push_block(block, source, &mut read),
                    Piece::Heading(content) => {
                        read.push(passage(PassageKind::Heading, content, source));
                    }
                    Piece::Footnote(content) => {
                        read.push(passage(PassageKind::Footnote, content, source));
                    }
                }
            }
            read
        },
        |_, read| out.extend(read.into_iter().filter(|p| !p.text.is_empty())),
    );
    out
}

/// How many blocks, headings or footnotes one thread reads into passages at a time.
const PIECES_READ_TOGETHER: usize = 64;

/// A header field's value as a passage, each byte mapped to the source.
pub fn field(value: &Spanned<String>, source: &str) -> Passage {
    let mut passage = Passage::empty(PassageKind::Field);
    let written = source.get(value.span.start as usize..value.span.end as usize);
    push_aligned(&mut passage, &value.value, written, value.span.start);
    passage.find_words();
    passage
}

fn push_block(block: &Block, source: &str, out: &mut Vec<Passage>) {
    let mut paragraph = passage(PassageKind::Paragraph, block.content(), source);
    paragraph.lead_in = !block.bullets().is_empty() || !block.subparagraphs().is_empty();
    paragraph.numbered = matches!(block, Block::NumberedParagraph(_));
    out.push(paragraph);
    push_bullets(block.bullets(), source, out);
    push_subparagraphs(block.subparagraphs(), source, out);
}

fn push_subparagraphs(subparagraphs: &[Subparagraph], source: &str, out: &mut Vec<Passage>) {
    for subparagraph in subparagraphs {
        let mut passage = passage(PassageKind::Subparagraph, &subparagraph.content, source);
        passage.lead_in = !subparagraph.bullets.is_empty() || !subparagraph.children.is_empty();
        out.push(passage);
        push_bullets(&subparagraph.bullets, source, out);
        push_subparagraphs(&subparagraph.children, source, out);
    }
}

fn push_bullets(bullets: &[Bullet], source: &str, out: &mut Vec<Passage>) {
    for bullet in bullets {
        let mut passage = passage(PassageKind::Bullet, &bullet.content, source);
        passage.lead_in = !bullet.children.is_empty();
        out.push(passage);
        push_bullets(&bullet.children, source, out);
    }
}

fn passage(kind: PassageKind, content: &[Inline], source: &str) -> Passage {
    let mut passage = Passage::empty(kind);
    read(content, source, &mut passage);
    passage.find_words();
    passage
}

/// Appends `text`, every byte of it read from the source at `at`.
fn push_at(passage: &mut Passage, text: &str, at: u32) {
    passage.text.push_str(text);
    passage.at.extend(std::iter::repeat_n(at, text.len()));
}

fn read(content: &[Inline], source: &str, passage: &mut Passage) {
    for inline in content {
        match inline {
            Inline::Text { text, span } => {
                let written = source.get(span.start as usize..span.end as usize);
                push_aligned(passage, text, written, span.start);
            }
            Inline::SoftBreak { span } => push_at(passage, " ", span.start),
            Inline::Emphasis { content, .. }
            | Inline::Strong { content, .. }
            | Inline::Link { content, .. }
                if !content.is_empty() =>
            {
                read(content, source, passage)
            }
            Inline::Link { span, .. } | Inline::Reference { span, .. } => {
                push_at(passage, OBJECT.encode_utf8(&mut [0; 4]), span.start)
            }
            Inline::Emphasis { .. } | Inline::Strong { .. } => {}
            Inline::Quote { content, span } => {
                let start = passage.text.len();
                let written = source
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("");
                let open = written.chars().next().unwrap_or('"');
                let close = written.chars().next_back().unwrap_or('"');
                push_at(passage, open.encode_utf8(&mut [0; 4]), span.start);
                read(content, source, passage);
                // A quotation left open (the syntax reports it) ends on its last word, which
                // is no closing mark and was read with the content already.
                if written.len() > open.len_utf8() && matches!(close, '"' | '\u{201D}') {
                    let close_at = span.end.saturating_sub(close.len_utf8() as u32);
                    push_at(passage, close.encode_utf8(&mut [0; 4]), close_at);
                }
                passage.quotes.push(start..passage.text.len());
            }
            Inline::FootnoteRef { .. } => {}
            Inline::Fact { text, key, .. } => {
                let start = passage.text.len();
                let written = source
                    .get(text.span.start as usize..text.span.end as usize)
                    .unwrap_or("");
                let offsets = crate::source::wrapped_offsets(written);
                passage.text.push_str(&text.value);
                passage.at.extend(
                    (0..text.value.len())
                        .map(|i| text.span.start + offsets.get(i).copied().unwrap_or(0) as u32),
                );
                passage
                    .facts
                    .push((start..passage.text.len(), key.value.clone()));
            }
        }
    }
}

/// Appends words read from `written` in the source at `start`: the words are the written
/// characters less the backslashes of escapes, so each is found in turn in the source.
fn push_aligned(passage: &mut Passage, text: &str, written: Option<&str>, start: u32) {
    let Some(written) = written.filter(|w| w.len() != text.len()) else {
        passage.text.push_str(text);
        passage.at.extend((0..text.len() as u32).map(|i| start + i));
        return;
    };
    let mut source = written.char_indices();
    for c in text.chars() {
        let mut at = written.len().saturating_sub(1);
        for (i, s) in source.by_ref() {
            if s == c {
                at = i;
                break;
            }
        }
        let at = start + at as u32;
        passage.text.push(c);
        passage.at.extend((0..c.len_utf8() as u32).map(|i| at + i));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn prose(text: &str) -> (Source, Vec<Passage>) {
        let source = Source::new("test.decl", text.to_string());
        let parsed = crate::syntax::parse(&source);
        let passages = passages(&parsed.document.versions[0], source.text());
        (source, passages)
    }

    #[test]
    fn a_word_character_is_what_unicode_calls_a_letter_or_digit() {
        for c in ('\0'..='\u{2FFFF}').chain(['\u{E0001}', '\u{10FFFF}']) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric(),
                "{c:?} (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn words_are_runs_of_letters_joined_by_apostrophes_hyphens_and_accents() {
        let mut passage = Passage::empty(PassageKind::Paragraph);
        passage.text =
            "SMEs’ co-operation, Co\u{302}te d’Ivoire 中小企业 l’ -end 2007. Pre\u{AD}sident-"
                .to_string();
        passage.find_words();
        let words: Vec<&str> = passage.words().map(|w| &passage.text[w]).collect();
        assert_eq!(
            words,
            [
                "SMEs",
                "co-operation",
                "Co\u{302}te",
                "d’Ivoire",
                "中小企业",
                "l",
                "end",
                "2007",
                "Pre\u{AD}sident"
            ]
        );
    }

    #[test]
    fn reading_the_passages_on_all_cores_gives_what_reading_them_in_turn_gives() {
        let mut text = "title: T\n\n".to_string();
        let mut number = 1;
        while text.len() < 2 * crate::batch::PARALLEL_FROM {
            text.push_str(&format!(
                "## Part {number}\n\n{number}. Ministers *welcomed* the \\*work of {{45 = members}} \"SME\" members[^{number}]:\n   (a) first;\n   - a bullet\n\n"
            ));
            number += 1;
        }
        for n in 1..number {
            text.push_str(&format!("[^{n}]: Note {n}.\n"));
        }
        let source = Source::new("test.decl", text);
        let parsed = crate::syntax::parse(&source);
        let version = &parsed.document.versions[0];
        let in_turn = passages_on(version, source.text(), 1);
        let on_all_cores = passages_on(version, source.text(), 4);
        assert!(in_turn.len() > 4 * number, "{} passages", in_turn.len());
        assert_eq!(format!("{in_turn:?}"), format!("{on_all_cores:?}"));
    }

    #[test]
    fn a_paragraph_reads_as_one_line_and_maps_back_to_its_words() {
        let text = "title: T\n\n1. Ministers *welcomed* the \\*work of\n{45 = members} \"SME\" members[^1] {@x}.\n\n[^1]: A note.\n";
        let (source, passages) = prose(text);
        let paragraph = &passages[0];
        assert_eq!(
            paragraph.text,
            "Ministers welcomed the *work of 45 \"SME\" members \u{FFFC}."
        );
        let at = |word: &str| {
            let start = paragraph.text.find(word).unwrap();
            let span = paragraph.span(start..start + word.len());
            &source.text()[span.start as usize..span.end as usize]
        };
        assert_eq!(at("welcomed"), "welcomed");
        // The escaped character itself, after its backslash.
        assert_eq!(at("*work"), "*work");
        assert_eq!(at("45"), "45");
        assert_eq!(at("members"), "members");
        assert_eq!(paragraph.facts.len(), 1);
        assert_eq!(paragraph.quotes.len(), 1);
        assert_eq!(passages[1].kind, PassageKind::Footnote);
        assert_eq!(passages[1].text, "A note.");
    }

    #[test]
    fn words_keep_their_inner_apostrophes_and_hyphens() {
        let (_, passages) = prose("title: T\n\nThe SMEs’ co-operation, Members' - well.\n");
        let p = &passages[0];
        let words: Vec<&str> = p.words().map(|r| &p.text[r]).collect();
        assert_eq!(words, ["The", "SMEs", "co-operation", "Members", "well"]);
    }

    #[test]
    fn a_fact_wrapped_over_lines_maps_each_word_to_its_line() {
        let text = "title: T\n\nWe, {Australia, Japan\n  and India = members}, agree.\n";
        let (source, passages) = prose(text);
        let p = &passages[0];
        let start = p.text.find("India").unwrap();
        let span = p.span(start..start + "India".len());
        assert_eq!(
            &source.text()[span.start as usize..span.end as usize],
            "India"
        );
    }
}
