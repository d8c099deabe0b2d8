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
    let bytes = source.as_bytes();
    // The whole text is searched for `[[` at once, not line by line: most texts have none, and
    // searching each line apart was most of the time of finding them.
    let opens = memchr::memmem::Finder::new("[[");
    let mut from = 0;
    // The line of the last `[[` found, looked for again only when a `[[` is past it: a line of
    // many placeholders is scanned once, not once for each.
    let (mut line_start, mut line_end) = (0, 0);
    while let Some(open) = opens.find(&bytes[from..]).map(|at| from + at) {
        if open >= line_end {
            line_start = memchr::memrchr(b'\n', &bytes[..open]).map_or(0, |at| at + 1);
            line_end = memchr::memchr(b'\n', &bytes[open..]).map_or(source.len(), |at| open + at);
        }
        if source[line_start..line_end].trim_start().starts_with("//") {
            from = line_end;
            continue;
        }
        // A `[[` closed on its line only; one that is not closes nothing after it there.
        let Some(close) = source[open + 2..line_end]
            .find("]]")
            .map(|at| open + 2 + at)
        else {
            from = line_end;
            continue;
        };
        found.push(Placeholder {
            span: Span::new(open, close + 2),
            what: source[open + 2..close].trim().to_string(),
        });
        from = close + 2;
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

    #[test]
    fn a_placeholder_ends_on_its_own_line() {
        let text = "1. [[open\n2. closed]] [[x]]\n  // [[note]]\n[[y]] [[ [[z]]";
        let found = find(text);
        let whats: Vec<&str> = found.iter().map(|p| p.what.as_str()).collect();
        assert_eq!(whats, ["x", "y", "[[z"]);
        assert_eq!(&text[found[2].span.range()], "[[ [[z]]");
    }
}
