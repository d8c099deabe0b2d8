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
        if after_heading || begins {
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
                })
            }
        }
    }
    blocks.extend(current);
    blocks
}

/// Whether a line starts a block of its own. The first character rules most lines out before
/// the grammar is asked.
fn starts_block(line: &str) -> bool {
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
    fn a_wrapped_line_that_merely_mentions_a_keyword_stays() {
        assert_eq!(
            texts("1. the annex\nannexed to it\ngroups: none"),
            ["1. the annex\nannexed to it\ngroups: none"]
        );
    }
}
