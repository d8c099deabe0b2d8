//! Source text, byte spans and the line table.
//!
//! A [`Source`] is what every later phase points into: spans are byte offsets into its text, and
//! its line table turns them into lines and columns without rescanning the text.

use serde::Serialize;

/// A range of bytes in a [`Source`]'s text: `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// An empty span at one offset.
    pub fn point(at: usize) -> Span {
        Span::new(at, at)
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span that covers both.
    pub fn join(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A value with the span of the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// One input file: its name as the user gave it, its text, and where each line starts.
#[derive(Debug, Clone)]
pub struct Source {
    name: String,
    text: String,
    line_starts: Vec<u32>,
    /// Where the file ended lines with a carriage return alone, as old Mac OS did, which
    /// the text reads as line breaks: the first such place and how many there are.
    lone_carriage_returns: Option<(usize, usize)>,
}

/// Why a file's bytes are not a declaration's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not UTF-8; `offset` is the first bad byte in the text, `byte` its value.
    InvalidUtf8 {
        offset: usize,
        file_offset: usize,
        byte: u8,
    },
    /// A NUL byte, which no text file contains: most likely a word-processor file.
    Nul { offset: usize, file_offset: usize },
}

impl Source {
    /// A source from text that is already known to be good.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1))
            .collect();
        Source {
            name: name.into(),
            text,
            line_starts,
            lone_carriage_returns: None,
        }
    }

    /// Decodes a file's bytes. A UTF-8 byte-order mark is dropped. Bytes that are not UTF-8 text
    /// still give a source (with replacement characters) so that the error can be shown on it.
    pub fn decode(name: impl Into<String>, bytes: &[u8]) -> (Source, Option<DecodeError>) {
        let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
            Some(rest) => (3, rest),
            None => (0, bytes),
        };
        // Messages name the offset in the file, where a hex editor finds it; spans point into
        // the text, which starts after the byte-order mark.
        // A text that is UTF-8, as nearly every one is, is checked once and copied, not decoded
        // a second time for replacement characters it does not need.
        let (mut text, error) = match std::str::from_utf8(bytes) {
            Err(e) => (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                    file_offset: bom + e.valid_up_to(),
                    byte: bytes[e.valid_up_to()],
                }),
            ),
            Ok(text) => (
                text.to_owned(),
                text.find('\0').map(|offset| DecodeError::Nul {
                    offset,
                    file_offset: bom + offset,
                }),
            ),
        };
        // A carriage return alone ends a line in files from old Mac OS and some exports; read
        // as a character, it would make the whole file one line (and that line the title). It
        // becomes a line feed, a byte for a byte, so that every offset stays the file's.
        let lone: Vec<usize> = text
            .match_indices('\r')
            .map(|(at, _)| at)
            .filter(|&at| text.as_bytes().get(at + 1) != Some(&b'\n'))
            .collect();
        if !lone.is_empty() {
            // The bytes replaced are ASCII, so the text stays UTF-8.
            let mut bytes = std::mem::take(&mut text).into_bytes();
            for &at in &lone {
                bytes[at] = b'\n';
            }
            text = String::from_utf8(bytes).expect("ASCII replaced by ASCII");
        }
        let mut source = Source::new(name, text);
        source.lone_carriage_returns = lone.first().map(|&first| (first, lone.len()));
        (source, error)
    }

    /// Where the file ended lines with a carriage return alone, which it reads as line
    /// breaks: the first such place and how many there are.
    pub fn lone_carriage_returns(&self) -> Option<(usize, usize)> {
        self.lone_carriage_returns
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text a span covers.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .count();
        (line + 1, column + 1)
    }

    /// The 0-based line and UTF-16 column of a byte offset, as the language server protocol
    /// counts them.
    pub fn line_utf16(&self, offset: usize) -> (usize, usize) {
        let line = self.line_index(offset);
        let start = self.line_starts[line] as usize;
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .map(char::len_utf16)
            .sum();
        (line, column)
    }

    /// The lines around a range, `before` lines before its first and `after` after its last,
    /// as a byte range of whole lines: what a diagnostic needs to show it, found through the
    /// line table instead of by reading the text from its start.
    pub fn lines_around(
        &self,
        start: usize,
        end: usize,
        before: usize,
        after: usize,
    ) -> (usize, usize, usize) {
        // One line more than asked on each side: miette reads a span at the very start of its
        // text otherwise than one after a line break, and a range may end at a line break.
        let first = self.line_index(start).saturating_sub(before + 1);
        let last = self.line_index(end.max(start)) + after + 2;
        let from = self.line_starts[first] as usize;
        let to = self
            .line_starts
            .get(last)
            .map_or(self.text.len(), |&at| at as usize);
        (first, from, to)
    }

    fn line_index(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&(offset as u32)) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }
}

/// For each byte of words wrapped over lines as a marked fact reads them (each line trimmed,
/// the lines joined by one space), the offset of that byte in the words as written, so that a
/// name found in them points at the drafter's own line.
pub fn wrapped_offsets(written: &str) -> Vec<usize> {
    let mut at = Vec::with_capacity(written.len());
    let mut line_start = 0;
    for (index, line) in written.split('\n').enumerate() {
        if index > 0 {
            // The space that joins two lines stands for the line break before this line.
            at.push(line_start - 1);
        }
        let lead = line.len() - line.trim_start().len();
        let kept = line.trim().len();
        at.extend(line_start + lead..line_start + lead + kept);
        line_start += line.len() + 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let source = Source::new("t", "ab\n中文x\n");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(9), (2, 3));
        assert_eq!(source.line_col(11), (3, 1));
    }

    #[test]
    fn decode_drops_bom_and_finds_bad_bytes() {
        let (source, error) = Source::decode("t", b"\xEF\xBB\xBFtitle: x");
        assert_eq!(source.text(), "title: x");
        assert_eq!(error, None);
        let (_, error) = Source::decode("t", b"ab\xFFcd");
        assert_eq!(
            error,
            Some(DecodeError::InvalidUtf8 {
                offset: 2,
                file_offset: 2,
                byte: 0xFF
            })
        );
        let (_, error) = Source::decode("t", b"\xEF\xBB\xBFab\0");
        assert_eq!(
            error,
            Some(DecodeError::Nul {
                offset: 2,
                file_offset: 5
            })
        );
    }
}
