//! The placeholders of a skeleton: `[[what to write]]`, as `plenary new` writes them, wherever
//! the text or a field holds one (never in a `//` note, which explains them). Real declarations
//! hold no double square brackets, so a placeholder is never taken for the drafter's words.

use crate::source::Span;

/// A place where the words are still to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// `[[...]]`, brackets included.
    pub span: Span,
    /// What to write there, as the placeholder says it.
    pub what: String,
}

/// Every placeholder of a source text, in order.
pub fn find(source: &str) -> Vec<Placeholder> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim_start().starts_with("//") {
            continue;
        }
        let mut from = 0;
        while let Some(open) = line[from..].find("[[").map(|at| from + at) {
            let Some(close) = line[open + 2..].find("]]").map(|at| open + 2 + at) else {
                break;
            };
            found.push(Placeholder {
                span: Span::new(start + open, start + close + 2),
                what: line[open + 2..close].trim().to_string(),
            });
            from = close + 2;
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_outside_notes_are_found() {
        let text =
            "title: [[the title]]\n// a note: write in place of each [[...]]\n1. [[a]] and [[b]]\n";
        let found = find(text);
        let whats: Vec<&str> = found.iter().map(|p| p.what.as_str()).collect();
        assert_eq!(whats, ["the title", "a", "b"]);
        assert_eq!(&text[found[0].span.range()], "[[the title]]");
    }
}
