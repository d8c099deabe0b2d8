//! Folding a name for comparison, as the registry indexes its names and as a name written in
//! a declaration is looked up.
//!
//! This file is also compiled into the build script (`build.rs`), which folds every name of the
//! registry's data once, when plenary is built, so that a run reads the folded names instead of
//! folding them again: it may use only `crate::unicode` and the crates the build script has.

use std::borrow::Cow;

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::unicode::is_cjk;

/// A name reduced for comparison: NFC, lower case, punctuation as spaces, "&" as "and", one
/// space between words, no leading "the". CJK text keeps its characters and loses its spaces.
pub fn fold(name: &str) -> String {
    fold_with(name, true)
}

/// A name folded as [`fold`] does, but keeping the case of its letters: two names whose
/// `fold` is the same differ only in case if their `fold_cased` is not.
pub fn fold_cased(name: &str) -> String {
    fold_with(name, false)
}

fn fold_with(name: &str, lower: bool) -> String {
    // Most names are in NFC already (ASCII always is); skipping the normalisation for them keeps
    // folding fast where it happens on every run: for the names a declaration writes, and for
    // every name of a registry given in the configuration (the built-in one's come folded from
    // the build). For the same reason the name is folded in one pass, into one string.
    // An ASCII name is in NFC, has nothing invisible, no letter of another script and no
    // Chinese: it needs none of the three steps below (`repaired` says so at once), which were
    // most of the time of folding a registry's names.
    let normalised: Cow<str> = if name.is_ascii() || is_nfc_quick(name.chars()) == IsNormalized::Yes
    {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.nfc().collect())
    };
    // The registry writes Chinese names in simplified characters, as the Ministry of Foreign
    // Affairs lists them; a name in traditional characters (澳大利亞, 英國) is the same name.
    // A character that prints as nothing, or a letter from another script that looks like one
    // of the name's own (a Cyrillic `а` in `China`), would make a name that prints the same as
    // a member count as another; the name is folded as it reads (see `crate::unicode`).
    let normalised: Cow<str> = match crate::unicode::repaired(&normalised) {
        Some((repaired, _)) => Cow::Owned(repaired),
        None => normalised,
    };
    let normalised: Cow<str> = if !normalised.is_ascii() && normalised.chars().any(is_cjk) {
        Cow::Owned(fast2s::convert(&normalised))
    } else {
        normalised
    };
    let mut folded = String::with_capacity(name.len());
    // Whether a word ended since the last character kept, and whether that character was CJK.
    let mut between_words = false;
    let mut previous_cjk = false;
    let push_word = |folded: &mut String, word: &str, between: bool| {
        if between && !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    };
    for c in normalised.chars() {
        if c.is_alphanumeric() {
            let cjk = is_cjk(c);
            if between_words && !folded.is_empty() && !(cjk && previous_cjk) {
                folded.push(' ');
            }
            between_words = false;
            if lower {
                folded.extend(c.to_lowercase());
            } else {
                folded.push(c);
            }
            previous_cjk = cjk;
        } else if c == '\'' || c == '\u{2019}' {
            // "People's" and "People’s" are one word: the apostrophe does not split it.
        } else if c == '&' {
            // "Trinidad & Tobago" is "Trinidad and Tobago".
            push_word(&mut folded, "and", true);
            between_words = true;
            previous_cjk = false;
        } else {
            between_words = true;
        }
    }
    if folded.len() > 4 && folded.is_char_boundary(4) && folded[..4].eq_ignore_ascii_case("the ") {
        folded.drain(.."the ".len());
    }
    folded
}
