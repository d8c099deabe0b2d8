//! What `plenary fmt` promises to keep: the syntax tree without its layout. Two texts are the
//! same declaration when their trees are equal once spans are left out, the fields of each block
//! are taken in the order of their keys, notes in any order, and the words of each run of text
//! are compared with their spaces and line breaks made one space.

use serde_json::Value;

use crate::ast::Document;

/// The syntax tree of a document without its layout, as a value two documents can be compared by.
pub fn without_layout(document: &Document) -> Value {
    let mut value = serde_json::to_value(document).unwrap_or(Value::Null);
    normalise(&mut value);
    value
}

fn normalise(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("span");
            for (key, child) in map.iter_mut() {
                normalise(child);
                if matches!(key.as_str(), "fields" | "comments" | "unusable") {
                    if let Value::Array(items) = child {
                        items.sort_by_key(|item| item.to_string());
                    }
                }
            }
        }
        Value::Array(items) => {
            items.iter_mut().for_each(normalise);
            join_text_runs(items);
        }
        _ => {}
    }
}

/// Joins each run of text and line breaks of an inline list into one text, its white space
/// made single spaces: a line broken elsewhere, or unbroken, reads the same.
fn join_text_runs(items: &mut Vec<Value>) {
    let is_run = |item: &Value| {
        matches!(
            item.get("kind").and_then(Value::as_str),
            Some("text" | "soft-break")
        )
    };
    if !items.iter().any(is_run) {
        return;
    }
    let mut joined: Vec<Value> = Vec::with_capacity(items.len());
    let mut run = String::new();
    let mut in_run = false;
    // Layout is spaces, tabs and line breaks; a no-break space is a character of the text.
    let layout = [' ', '\t', '\n', '\r'];
    let flush = |joined: &mut Vec<Value>, run: &mut String| {
        let words: Vec<&str> = run.split(layout).filter(|w| !w.is_empty()).collect();
        let mut text = words.join(" ");
        if run.starts_with(layout) && !text.is_empty() {
            text.insert(0, ' ');
        }
        if run.ends_with(layout) && !text.is_empty() {
            text.push(' ');
        }
        joined.push(serde_json::json!({ "kind": "text", "text": text }));
        run.clear();
    };
    for item in items.drain(..) {
        if is_run(&item) {
            in_run = true;
            match item.get("text").and_then(Value::as_str) {
                Some(text) => run.push_str(text),
                None => run.push(' '),
            }
        } else {
            if in_run {
                flush(&mut joined, &mut run);
                in_run = false;
            }
            joined.push(item);
        }
    }
    if in_run {
        flush(&mut joined, &mut run);
    }
    *items = joined;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn tree(text: &str) -> Value {
        let source = Source::new("test.decl", text);
        without_layout(&crate::syntax::parse(&source).document)
    }

    #[test]
    fn a_paragraph_wrapped_elsewhere_is_the_same() {
        assert_eq!(
            tree("title: A\n\n1. Ministers met\nin Beijing."),
            tree("title: A\n\n1. Ministers\nmet in   Beijing.")
        );
    }

    #[test]
    fn header_fields_in_another_order_are_the_same() {
        assert_eq!(
            tree("title: A\nhost: China\n"),
            tree("host: China\ntitle: A\n")
        );
    }

    #[test]
    fn a_changed_word_is_not_the_same() {
        assert_ne!(
            tree("title: A\n\n1. Ministers met."),
            tree("title: A\n\n1. Minister met.")
        );
        assert_ne!(tree("title: A\n\n1. a *b* c"), tree("title: A\n\n1. a b c"));
    }
}
