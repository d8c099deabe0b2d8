//! The block splitter: cuts a file into the blocks that pest parses one at a time.
//!
//! A block ends at a blank line. A line that the grammar's `block_start` rule accepts (a heading,
//! a footnote text, `annex:`, `group:`, `version:`, `next meeting:`, `closing:`) starts a new
//! block even without a blank line before it, and a heading is a block of its own line. Parsing
//! block by block is what lets one mistake leave the rest of the file readable.

use pest::Parser;

use super::{PlenaryParser, Rule};

/// A block of lines: `start..end` in the file's text, without the final line ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawBlock {
    pub start: usize,
    pub end: usize,
    /// Every line of the block is a `//` note.
    pub only_comments: bool,
    /// The block is the next numbered paragraph, begun inside the one before it without a
    /// blank line: the number of the paragraph before, to report the missing blank line with.
    pub runs_on_from: Option<u32>,
}

/// Splits a text into blocks.
pub fn split(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut current: Option<RawBlock> = None;
    let mut after_heading = false;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let end = start + content.len();
        let trimmed = content.trim_start();
        if trimmed.is_empty() {
            blocks.extend(current.take());
            after_heading = false;
            continue;
        }
        let begins = starts_block(content);
        // A line that starts with the number after the one the block started with begins the
        // next paragraph, though the blank line before it is missing.
        let runs_on_from = current
            .as_ref()
            .and_then(|block| paragraph_number(&text[block.start..block.end]))
            .filter(|number| paragraph_number(content) == number.checked_add(1));
        if after_heading || begins || runs_on_from.is_some() {
            blocks.extend(current.take());
        }
        // A heading is a block of its own line; a line that merely starts with `#` (`#1
        // priority`) is text.
        after_heading = begins && content.starts_with('#');
        let is_comment = trimmed.starts_with("//");
        match &mut current {
            Some(block) => {
                block.end = end;
                block.only_comments &= is_comment;
            }
            None => {
                current = Some(RawBlock {
                    start,
                    end,
                    only_comments: is_comment,
                    runs_on_from,
                })
            }
        }
    }
    blocks.extend(current);
    blocks
}

/// The Arabic paragraph number a line starts with, `7` for `7. Ministers`, when it is one.
fn paragraph_number(line: &str) -> Option<u32> {
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = &line[digits..];
    (rest.starts_with(". ") || rest.starts_with(".\t") || rest.starts_with('、'))
        .then(|| line[..digits].parse().ok())
        .flatten()
}

/// Whether a line starts with what the grammar reads as a paragraph number: `7.`, `IV.`, `7、`,
/// or a damaged one such as `l2.` or `o1.`. The grammar is asked: which characters may begin a
/// number is its business.
pub(crate) fn starts_paragraph_number(line: &str) -> bool {
    PlenaryParser::parse(Rule::paragraph_number, line).is_ok()
}

/// Whether a line starts a block of its own. The first character rules most lines out before
/// the grammar is asked.
pub(crate) fn starts_block(line: &str) -> bool {
    matches!(
        line.as_bytes().first(),
        Some(b'#' | b'[' | b'a' | b'g' | b'v' | b'n' | b'c')
    ) && PlenaryParser::parse(Rule::block_start, line).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        split(text).iter().map(|b| &text[b.start..b.end]).collect()
    }

    #[test]
    fn blank_lines_separate_blocks() {
        assert_eq!(
            texts("title: x\r\n\r\n1. a\nb\n  \n2. c\n"),
            ["title: x", "1. a\nb", "2. c"]
        );
    }

    #[test]
    fn headings_and_keywords_start_blocks() {
        assert_eq!(
            texts("## A\n1. a\n[^1]: note\nannex: X\n- a\ngroup: G\n- b"),
            [
                "## A",
                "1. a",
                "[^1]: note",
                "annex: X\n- a",
                "group: G\n- b"
            ]
        );
    }

    #[test]
    fn the_next_numbered_paragraph_starts_a_block_without_a_blank_line() {
        let text = "5. Ministers met\n6. They agreed\nto meet\n2009. A year";
        assert_eq!(
            texts(text),
            ["5. Ministers met", "6. They agreed\nto meet\n2009. A year"]
        );
        assert_eq!(split(text)[1].runs_on_from, Some(5));
    }

    #[test]
    fn a_wrapped_line_that_merely_mentions_a_keyword_stays() {
        assert_eq!(
            texts("1. the annex\nannexed to it\ngroups: none"),
            ["1. the annex\nannexed to it\ngroups: none"]
        );
    }
}
