//! ## What it finds
//!
//! A word confused with another of a different meaning, where the words around it leave no
//! doubt which was meant: "hosted alternatively" for "hosted alternately" (by turns), "in
//! principal" for "in principle", "take affect" for "take effect", "compliment each other" for
//! "complement each other", "Security Counsel" for "Security Council".
//!
//! The pairs and the phrases come from `data/confusables.toml`, each with the reason the phrase
//! tells the two words apart and the usage guide that draws the distinction (Merriam-Webster,
//! the European Union's English Style Guide, the United Nations Editorial Manual). The bare word
//! is never reported: "alternatively" and "principal" are right in most sentences.
//!
//! ## Why it matters
//!
//! A confused word changes what the declaration says: meetings "hosted alternatively by Asian
//! and European members" are hosted by one or the other as a choice, not by turns. A spelling
//! checker cannot find it, since both words are spelt right.
//!
//! ## Example
//!
//! ```text
//! 14. Ministers agreed that the Meeting be held biennially and hosted alternatively by Asian
//! and European members.
//! ```
//!
//! ## How to fix
//!
//! Write the word meant ("alternately"), after checking that it is the meaning intended.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};

pub const CHECK: Check = Check {
    code: "text::confusable-word",
    default_severity: Severity::Warning,
    summary: "a word confused with another of a different meaning",
    source_file: include_str!("confusable_word.rs"),
    run,
};

/// One pair of `data/confusables.toml`.
#[derive(Debug, Clone, serde::Deserialize)]
struct Entry {
    wrong: String,
    meant: String,
    phrases: Vec<String>,
    why: String,
    /// The usage guide that draws the distinction: kept in the data for the reader of the list.
    #[allow(dead_code)]
    source: String,
}

#[derive(Debug, serde::Deserialize)]
struct List {
    entry: Vec<Entry>,
}

/// Every phrase, as its words in lower case, with its entry.
fn phrases() -> &'static [(Vec<String>, Entry)] {
    static PHRASES: OnceLock<Vec<(Vec<String>, Entry)>> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let list: List = toml::from_str(include_str!("../../../data/confusables.toml"))
            .expect("data/confusables.toml reads");
        list.entry
            .into_iter()
            .flat_map(|entry| {
                let words: Vec<Vec<String>> = entry
                    .phrases
                    .iter()
                    .map(|phrase| phrase.split_whitespace().map(str::to_lowercase).collect())
                    .collect();
                words.into_iter().map(move |words| (words, entry.clone()))
            })
            .collect()
    })
}

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let phrases = phrases();
    let mut firsts: HashMap<&str, Vec<usize>> = HashMap::default();
    for (n, (phrase, _)) in phrases.iter().enumerate() {
        firsts.entry(phrase[0].as_str()).or_default().push(n);
    }
    for info in &cx.analysis.versions {
        if crate::languages::primary(info.meta.language) != "en" {
            continue;
        }
        for passage in cx.prose(info.index) {
            let words: Vec<_> = passage.words().collect();
            let word = |i: usize| &passage.text[words[i].clone()];
            for start in 0..words.len() {
                // Only the phrases that begin with this word are compared. A word is copied
                // into lower case only if it has capitals: most words have none.
                let first = word(start);
                let first: std::borrow::Cow<str> = if first.bytes().any(|b| b.is_ascii_uppercase())
                {
                    first.to_ascii_lowercase().into()
                } else {
                    first.into()
                };
                let Some(begin) = firsts.get(first.as_ref()) else {
                    continue;
                };
                for (phrase, entry) in begin.iter().map(|&n| &phrases[n]) {
                    let end = start + phrase.len();
                    if end > words.len()
                        || !(start..end).all(|i| word(i).eq_ignore_ascii_case(&phrase[i - start]))
                    {
                        continue;
                    }
                    // The phrase must be one stretch of prose: its words apart only by spaces.
                    let joined = (start + 1..end).all(|i| {
                        passage.text[words[i - 1].end..words[i].start]
                            .chars()
                            .all(char::is_whitespace)
                    });
                    let lower: Vec<String> = (start..end).map(|i| word(i).to_lowercase()).collect();
                    let Some(i) = (start..end).find(|&i| is_wrong(&lower[i - start], &entry.wrong))
                    else {
                        continue;
                    };
                    if !joined {
                        continue;
                    }
                    let written = &passage.text[words[i].clone()];
                    // The plural of the wrong word is the plural of the word meant.
                    let meant = if lower[i - start] == entry.wrong {
                        entry.meant.clone()
                    } else {
                        format!("{}s", entry.meant)
                    };
                    let phrase = &passage.text[words[start].start..words[end - 1].end];
                    out.push(
                        Diagnostic::warning(
                            CHECK.code,
                            format!("`{written}` where `{meant}` is meant: \"{phrase}\""),
                        )
                        .primary(
                            passage.span(words[i].clone()),
                            format!("`{meant}` is meant"),
                        )
                        .note(entry.why.clone())
                        .help(format!("write `{meant}`")),
                    );
                }
            }
        }
    }
}

/// Whether a word, in lower case, is the wrong word or its plural.
fn is_wrong(word: &str, wrong: &str) -> bool {
    word.strip_suffix('s').unwrap_or(word) == wrong || word == wrong
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_phrase_holds_its_wrong_word() {
        for (phrase, entry) in super::phrases() {
            assert!(
                phrase
                    .iter()
                    .any(|word| super::is_wrong(word, &entry.wrong)),
                "{phrase:?} lacks {}",
                entry.wrong
            );
        }
    }
}
