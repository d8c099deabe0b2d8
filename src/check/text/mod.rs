//! Checks of the words themselves: what a reviewer notices reading the prose. They read the
//! passages of [`crate::analysis::prose`], through [`crate::check::Context::prose`].

pub mod ascii_punctuation_in_chinese;
pub mod confusable_word;
pub mod doubled_punctuation;
pub mod doubled_word;
pub mod invisible_character;
pub mod letters_after_year;
pub mod missing_final_stop;
pub mod missing_space;
pub mod misspelt_word;
pub mod mixed_apostrophes;
pub mod mojibake;
pub mod negotiation_residue;
pub mod unbalanced_bracket;
pub mod unbalanced_quote;
pub mod unfilled_placeholder;

/// Whether a character is a Chinese character (the CJK ideographs and their extension A).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether a version's language tag is Chinese (`zh`, `zh-Hant`, ...).
pub fn is_chinese(language: &str) -> bool {
    crate::languages::primary(language) == "zh"
}

/// The character before byte `at` of `text`, if any.
pub fn before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte `at` of `text`, if any.
pub fn at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}
