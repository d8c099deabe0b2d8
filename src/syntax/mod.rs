//! Parsing: source text to syntax tree. pest lives here and nowhere else.
//!
//! [`parse`] splits the file into blocks ([`split`]), parses each block with the grammar, lowers
//! the pest pairs of each block to syntax-tree items ([`lower`]) and assembles the items into a
//! [`Document`] ([`assemble`]). A block that does not parse is reported and skipped; the blocks
//! after it are still read, so one run reports every syntax error in the file.

mod assemble;
pub mod cst;
mod expected;
mod lower;
mod split;

use pest::Parser;
use pest_derive::Parser;

use crate::ast::Document;
use crate::diagnostic::Diagnostic;
use crate::source::{Source, Span};
pub use cst::{SyntaxKind, SyntaxNode, SyntaxTree};
pub(crate) use lower::{
    number_like, CLOSING_FIELDS, HEADER_FIELDS, MEETING_FIELDS, VERSION_FIELDS,
};
pub(crate) use split::{starts_block, starts_paragraph_number};

#[derive(Parser)]
#[grammar = "../grammar/plenary.pest"]
pub(crate) struct PlenaryParser;

/// The trees of a file, as far as it could be read, and the syntax errors found on the way.
#[derive(Debug)]
pub struct Parsed {
    /// Every byte of the file as written: what a formatter prints and a language server reads.
    pub tree: SyntaxTree,
    /// The syntax tree the analysis reads, lowered from `tree`.
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The syntax errors, without the warnings: what keeps a text from being rewritten
    /// (`fmt`, `new`).
    pub fn into_errors(self) -> Vec<Diagnostic> {
        self.diagnostics
            .into_iter()
            .filter(Diagnostic::is_error)
            .collect()
    }
}

/// Parses a whole file.
pub fn parse(source: &Source) -> Parsed {
    let text = source.text();
    read_blocks(text, crate::batch::threads_for(text.len()))
}

/// Reads the blocks of a text on up to `threads` threads: the result is the same either way.
fn read_blocks(text: &str, threads: usize) -> Parsed {
    let blocks = split::split(text);
    let mut reader = Reader::new(text);
    if threads <= 1 {
        for block in &blocks {
            reader.block(block, None);
        }
    } else {
        // The grammar reads the blocks ahead on every core, each with the rule its own text
        // suggests; the blocks are then taken in order on this thread, and the few whose rule
        // depends on the blocks before them (the header, a dash line outside the annex) are
        // read again there.
        crate::batch::in_chunks(
            &blocks,
            BLOCKS_READ_TOGETHER,
            threads,
            |chunk| {
                chunk
                    .iter()
                    .map(|block| {
                        let rule = likely_rule(&text[block.start..block.end]);
                        (rule, cst::read(rule, &text[block.start..block.end]))
                    })
                    .collect::<Vec<_>>()
            },
            |chunk, reads| {
                for (block, read) in chunk.iter().zip(reads) {
                    reader.block(block, Some(read));
                }
            },
        );
    }
    reader.finish()
}

/// How many blocks one thread reads at a time: enough that handing the work over costs little
/// beside it, few enough that the blocks taken in order never wait long.
const BLOCKS_READ_TOGETHER: usize = 64;

/// What the grammar made of a block, with the rule it read it with.
type BlockRead = (Rule, cst::ReadResult);

/// The rule a block is read with when the blocks before it are not known yet: a block that
/// starts with a dash lists members (as it does in an annex); any other is a block of the text.
fn likely_rule(block: &str) -> Rule {
    if starts_with_member(block) {
        Rule::member_block
    } else {
        Rule::block_entry
    }
}

/// Takes the blocks of a file in order and builds its trees.
struct Reader<'t> {
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
    assembler: assemble::Assembler,
    builder: cst::TreeBuilder,
    header_seen: bool,
    /// The diagnostic of a quotation the paragraph before left open.
    open_quotation: Option<usize>,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Reader<'t> {
        Reader {
            text,
            diagnostics: Vec::new(),
            assembler: assemble::Assembler::new(text.len()),
            builder: cst::TreeBuilder::new(text, 0),
            header_seen: false,
            open_quotation: None,
        }
    }

    /// Reads the next block; `ahead` is what the grammar made of it already, if it did.
    fn block(&mut self, block: &split::RawBlock, ahead: Option<BlockRead>) {
        let text = self.text;
        let diagnostics = &mut self.diagnostics;
        let block_text = &text[block.start..block.end];
        if let Some(previous) = block.runs_on_from {
            let digits = block_text.len()
                - block_text
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            let number = previous.saturating_add(1);
            // The number's terminator as written: a full stop, or the Chinese `、`, three
            // bytes long, which a span ending one byte after the digits would cut.
            let terminator = block_text[digits..].chars().next().unwrap_or('.');
            diagnostics.push(expected::paragraph_runs_on(
                Span::new(block.start, block.start + digits + terminator.len_utf8()),
                number,
                previous,
                terminator,
            ));
        }
        if let Some(index) = self.open_quotation.take() {
            if opens_with_quotation_mark(block_text) {
                diagnostics.remove(index);
            }
        }
        let mut rule = if self.header_seen || block.only_comments {
            // In the annex, lines that start with a dash list members.
            if self.assembler.in_annex() && starts_with_member(block_text) {
                Rule::member_block
            } else {
                Rule::block_entry
            }
        } else {
            self.header_seen = true;
            // A file that starts with its text rather than a header: say so once, then read
            // the block as text so that its own mistakes are still found.
            if looks_like_fields(block_text) {
                Rule::header_block
            } else {
                diagnostics.push(expected::missing_header(block.start));
                Rule::block_entry
            }
        };
        let mut ahead = ahead.filter(|(read_with, _)| *read_with == rule);
        let mut start = block.start;
        // A block of fields that runs into the text without a blank line hands the rest of the
        // block on, to be read as a block of its own.
        loop {
            let block_text = &text[start..block.end];
            let read = match ahead.take() {
                Some((_, read)) => read,
                None => cst::read(rule, block_text),
            };
            let read = match read {
                Ok(read) => read,
                Err(error) if rule == Rule::header_block => {
                    diagnostics.push(expected::describe(*error, start, block_text));
                    self.builder.unread(start, block.end);
                    None
                }
                Err(error) => {
                    diagnostics.push(expected::describe(*error, start, block_text));
                    self.builder.unread(start, block.end);
                    // The block stays in the syntax tree, unread, so that the checks know
                    // something stands here.
                    let unread = lower::Lowerer::new(start).unread(block_text);
                    self.assembler.add((unread, Vec::new()), diagnostics);
                    None
                }
            };
            let Some(read) = read else { break };
            if read.deepest > MOST_NESTED {
                diagnostics.push(expected::too_complex(Span::new(start, block.end)));
                self.builder.unread(start, block.end);
                if rule != Rule::header_block {
                    let unread = lower::Lowerer::new(start).unread(block_text);
                    self.assembler.add((unread, Vec::new()), diagnostics);
                }
                break;
            }
            let index = self.builder.read(&read, start);
            let mut lowerer = lower::Lowerer::new(start);
            let item = lowerer.block(self.builder.node(index));
            self.open_quotation = lowerer
                .open_quotation
                .map(|index| diagnostics.len() + index);
            diagnostics.append(&mut lowerer.diagnostics);
            self.assembler.add(item, diagnostics);
            match lowerer.tail {
                Some(tail) => {
                    self.builder.truncate(index, tail);
                    start = tail;
                    rule = Rule::block_entry;
                }
                None => break,
            }
        }
    }

    fn finish(mut self) -> Parsed {
        let document = self.assembler.finish(self.text, &mut self.diagnostics);
        Parsed {
            tree: self.builder.finish(),
            document,
            diagnostics: self.diagnostics,
        }
    }
}

/// The deepest nesting of rules a block may have. A paragraph with three marks one inside
/// another (`**"*...*"**`) nests about 20 deep; every step past the parser, from lowering to
/// the renderers, walks the marks inside each other, and 10,000 of them overflowed its stack.
const MOST_NESTED: usize = 256;

/// Whether a block's text, after any notes, opens with a quotation mark: it goes on with a
/// quotation the paragraph before left open.
fn opens_with_quotation_mark(block: &str) -> bool {
    block
        .lines()
        .map(str::trim_start)
        .find(|line| !line.starts_with("//"))
        .is_some_and(|line| line.starts_with(['“', '"']))
}

/// Whether a block's first line, after any notes, starts with a member's dash.
fn starts_with_member(block: &str) -> bool {
    block
        .lines()
        .map(str::trim_start)
        .find(|line| !line.starts_with("//"))
        .is_some_and(|line| {
            ["- ", "– ", "• ", "-\t", "–\t", "•\t"]
                .iter()
                .any(|mark| line.starts_with(mark))
        })
}

/// Whether the first block reads as a header: at least half its lines (notes aside) are
/// fields `key: value`, or start with the name of a header field (`title Joint Statement`, a
/// field that lost its colon), so that a slip in one line is reported as a header mistake
/// rather than as a missing header.
fn looks_like_fields(block: &str) -> bool {
    let lines: Vec<&str> = block
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//"))
        .collect();
    let fields = lines
        .iter()
        .filter(|line| {
            let whole_field = PlenaryParser::parse(Rule::field, line).is_ok_and(|mut pairs| {
                pairs
                    .next()
                    .is_some_and(|pair| pair.as_str().len() == line.len())
            });
            let first_word = line.split_whitespace().next().unwrap_or_default();
            whole_field || lower::HEADER_FIELDS.contains(&first_word.to_lowercase().as_str())
        })
        .count();
    !lines.is_empty() && fields * 2 >= lines.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every declaration of the tests, one after another: headers in the middle of the text,
    /// annexes, dash lines outside them, blocks that do not parse, fields that run into the text.
    fn every_test_declaration() -> String {
        let mut files = Vec::new();
        let mut folders = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests"
        ))];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "decl") {
                    files.push(path);
                }
            }
        }
        files.sort();
        let mut text = String::new();
        for file in files {
            if let Ok(file) = std::fs::read_to_string(file) {
                text.push_str(&file);
                text.push_str("\n\n");
            }
        }
        text
    }

    #[test]
    fn reading_the_blocks_on_all_cores_gives_what_reading_them_in_turn_gives() {
        let text = every_test_declaration();
        assert!(
            text.len() > crate::batch::PARALLEL_FROM,
            "{} bytes",
            text.len()
        );
        let in_turn = read_blocks(&text, 1);
        let on_all_cores = read_blocks(&text, 4);
        assert_eq!(in_turn.tree.outline(), on_all_cores.tree.outline());
        assert_eq!(
            format!("{:?}", in_turn.document),
            format!("{:?}", on_all_cores.document)
        );
        assert_eq!(in_turn.diagnostics, on_all_cores.diagnostics);
        assert!(
            in_turn.diagnostics.len() > 100,
            "{}",
            in_turn.diagnostics.len()
        );
    }
}
