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
    let mut diagnostics = Vec::new();
    let mut assembler = assemble::Assembler::new(text.len());
    let mut builder = cst::TreeBuilder::new(text, 0);
    let mut header_seen = false;
    // The diagnostic of a quotation the paragraph before left open.
    let mut open_quotation: Option<usize> = None;
    for block in split::split(text) {
        let block_text = &text[block.start..block.end];
        if let Some(previous) = block.runs_on_from {
            let digits = block_text.len()
                - block_text
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .len();
            let number = previous.saturating_add(1);
            diagnostics.push(expected::paragraph_runs_on(
                Span::new(block.start, block.start + digits + 1),
                number,
                previous,
            ));
        }
        if let Some(index) = open_quotation.take() {
            if opens_with_quotation_mark(block_text) {
                diagnostics.remove(index);
            }
        }
        let mut rule = if header_seen || block.only_comments {
            // In the annex, lines that start with a dash list members.
            if assembler.in_annex() && starts_with_member(block_text) {
                Rule::member_block
            } else {
                Rule::block_entry
            }
        } else {
            header_seen = true;
            // A file that starts with its text rather than a header: say so once, then read
            // the block as text so that its own mistakes are still found.
            if looks_like_fields(block_text) {
                Rule::header_block
            } else {
                diagnostics.push(expected::missing_header(block.start));
                Rule::block_entry
            }
        };
        let mut start = block.start;
        // A block of fields that runs into the text without a blank line hands the rest of the
        // block on, to be read as a block of its own.
        loop {
            let block_text = &text[start..block.end];
            let pair = match PlenaryParser::parse(rule, block_text) {
                Ok(mut pairs) => pairs.next(),
                Err(error) if rule == Rule::header_block => {
                    diagnostics.push(expected::describe(error, start, block_text));
                    builder.unread(start, block.end);
                    None
                }
                Err(error) => {
                    diagnostics.push(expected::describe(error, start, block_text));
                    builder.unread(start, block.end);
                    // The block stays in the syntax tree, unread, so that the checks know
                    // something stands here.
                    let unread = lower::Lowerer::new(start).unread(block_text);
                    assembler.add((unread, Vec::new()), &mut diagnostics);
                    None
                }
            };
            let Some(pair) = pair else { break };
            if nesting(&pair) > MOST_NESTED {
                diagnostics.push(expected::too_complex(Span::new(start, block.end)));
                builder.unread(start, block.end);
                if rule != Rule::header_block {
                    let unread = lower::Lowerer::new(start).unread(block_text);
                    assembler.add((unread, Vec::new()), &mut diagnostics);
                }
                break;
            }
            let index = builder.pair(pair, start);
            let mut lowerer = lower::Lowerer::new(start);
            let item = lowerer.block(builder.node(index));
            open_quotation = lowerer
                .open_quotation
                .map(|index| diagnostics.len() + index);
            diagnostics.append(&mut lowerer.diagnostics);
            assembler.add(item, &mut diagnostics);
            match lowerer.tail {
                Some(tail) => {
                    builder.truncate(index, tail);
                    start = tail;
                    rule = Rule::block_entry;
                }
                None => break,
            }
        }
    }
    let document = assembler.finish(text, &mut diagnostics);
    Parsed {
        tree: builder.finish(),
        document,
        diagnostics,
    }
}

/// The deepest nesting of rules a block may have. A paragraph with three marks one inside
/// another (`**"*...*"**`) nests about 20 deep; every step past the parser, from lowering to
/// the renderers, walks the marks inside each other, and 10,000 of them overflowed its stack.
const MOST_NESTED: usize = 256;

/// How deep the rules of a pair nest, counted with an explicit stack, not recursion.
fn nesting(pair: &pest::iterators::Pair<'_, Rule>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(pair.clone(), 1)];
    while let Some((pair, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        stack.extend(pair.into_inner().map(|inner| (inner, depth + 1)));
    }
    deepest
}

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
