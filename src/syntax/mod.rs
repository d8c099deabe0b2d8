//! Parsing: source text to syntax tree. pest lives here and nowhere else.
//!
//! [`parse`] splits the file into blocks ([`split`]), parses each block with the grammar, lowers
//! the pest pairs of each block to syntax-tree items ([`lower`]) and assembles the items into a
//! [`Document`] ([`assemble`]). A block that does not parse is reported and skipped; the blocks
//! after it are still read, so one run reports every syntax error in the file.

mod assemble;
mod expected;
mod lower;
mod split;

use std::num::NonZeroUsize;
use std::sync::Once;

use pest::Parser;
use pest_derive::Parser;

use crate::ast::Document;
use crate::diagnostic::Diagnostic;
use crate::source::Source;

#[derive(Parser)]
#[grammar = "../grammar/plenary.pest"]
pub(crate) struct PlenaryParser;

/// The tree of a file, as far as it could be read, and the syntax errors found on the way.
#[derive(Debug)]
pub struct Parsed {
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a whole file.
pub fn parse(source: &Source) -> Parsed {
    limit_backtracking();
    let text = source.text();
    let mut diagnostics = Vec::new();
    let mut assembler = assemble::Assembler::new(text.len());
    let mut header_seen = false;
    for block in split::split(text) {
        let mut rule = if header_seen || block.only_comments {
            Rule::block_entry
        } else {
            header_seen = true;
            Rule::header_block
        };
        let mut start = block.start;
        // A block of fields that runs into the text without a blank line hands the rest of the
        // block on, to be read as a block of its own.
        loop {
            let block_text = &text[start..block.end];
            let pair = match PlenaryParser::parse(rule, block_text) {
                Ok(mut pairs) => pairs.next(),
                Err(error) if rule == Rule::header_block => {
                    // A file that starts with its text rather than a header: say so once, then
                    // read the block as text so that its own mistakes are still found.
                    match PlenaryParser::parse(Rule::block_entry, block_text) {
                        Ok(mut pairs) if !looks_like_fields(block_text) => {
                            diagnostics.push(expected::missing_header(start));
                            pairs.next()
                        }
                        _ => {
                            diagnostics.push(expected::describe(error, start, block_text));
                            None
                        }
                    }
                }
                Err(error) => {
                    diagnostics.push(expected::describe(error, start, block_text));
                    // The block stays in the tree, unread, so that the checks know something
                    // stands here.
                    let unparsed = lower::Lowerer::new(start).unparsed(block_text);
                    assembler.add(
                        (lower::Item::Unparsed(unparsed), Vec::new()),
                        &mut diagnostics,
                    );
                    None
                }
            };
            let Some(pair) = pair else { break };
            let mut lowerer = lower::Lowerer::new(start);
            let item = lowerer.block(pair);
            diagnostics.append(&mut lowerer.diagnostics);
            assembler.add(item, &mut diagnostics);
            match lowerer.tail {
                Some(tail) => {
                    start = tail;
                    rule = Rule::block_entry;
                }
                None => break,
            }
        }
    }
    let document = assembler.finish(&mut diagnostics);
    Parsed {
        document,
        diagnostics,
    }
}

/// Whether a block's first line reads like a header field (`key: value`), so that a mistake
/// further down is reported as a header mistake rather than as a missing header.
fn looks_like_fields(block: &str) -> bool {
    let first = block.lines().next().unwrap_or_default();
    PlenaryParser::parse(Rule::field, first).is_ok_and(|mut pairs| {
        pairs
            .next()
            .is_some_and(|pair| pair.as_str().len() == first.len())
    })
}

/// A grammar can backtrack for a long time on hostile input; pest's call limit turns that into an
/// error. The limit is far above what any real block needs.
fn limit_backtracking() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| pest::set_call_limit(NonZeroUsize::new(50_000_000)));
}
