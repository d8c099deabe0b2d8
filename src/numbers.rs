//! Numbers as drafters write them: ordinals in words and digits, Roman numerals, counts with
//! their nouns.
//!
//! No crate reads English ordinal words ("twenty-second"), so that part is written here; Roman
//! numerals come from `roman-numerals-rs`, which also rejects malformed ones such as `IIII`.

use std::str::FromStr;

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const UNIT_ORDINALS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const TEN_ORDINALS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// Reads an English ordinal: `1`, `1st`, `first`, `21st`, `twenty-first`, `Twenty First`,
/// `one hundred and first`. Plain digits count as the ordinal they name.
pub fn parse_ordinal(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Some(value) = parse_digits_ordinal(text) {
        return Some(value);
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    let (last, rest) = words.split_last()?;
    let last_value = word_value(last, &UNIT_ORDINALS, &TEN_ORDINALS)?;
    let rest_value = parse_cardinal_words(rest)?;
    combine(rest_value, last_value)
}

/// Digits, with or without the right English suffix: `21`, `21st`; `21th` is refused.
fn parse_digits_ordinal(text: &str) -> Option<u32> {
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits_end == 0 {
        return None;
    }
    let value: u32 = text[..digits_end].parse().ok()?;
    let suffix = &text[digits_end..];
    if suffix.is_empty() || suffix.eq_ignore_ascii_case(ordinal_suffix(value)) {
        Some(value)
    } else {
        None
    }
}

/// The English suffix for an ordinal in digits: `st`, `nd`, `rd`, `th`.
pub fn ordinal_suffix(value: u32) -> &'static str {
    match (value % 10, value % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// The value of cardinal words below a thousand: `twenty`, `one hundred`. Empty gives 0.
fn parse_cardinal_words(words: &[&str]) -> Option<u32> {
    let mut total = 0;
    let mut iter = words.iter().peekable();
    while let Some(word) = iter.next() {
        if *word == "hundred" {
            return None;
        }
        let value = word_value(word, &UNITS, &TENS)?;
        if iter.peek() == Some(&&"hundred") {
            iter.next();
            if total != 0 || value == 0 || value > 9 {
                return None;
            }
            total = value * 100;
        } else {
            total = combine(total, value)?;
        }
    }
    Some(total)
}

/// Adds a smaller part to what came before, refusing orders that English never writes
/// ("one twenty", "twenty thirty").
fn combine(before: u32, part: u32) -> Option<u32> {
    let room = if before.is_multiple_of(100) {
        100
    } else if before.is_multiple_of(10) && before % 100 >= 20 {
        10
    } else {
        0
    };
    (part < room || (before == 0 && part < 100)).then_some(before + part)
}

fn word_value(word: &str, units: &[&str; 20], tens: &[&str; 10]) -> Option<u32> {
    if word == "hundredth" {
        return None;
    }
    units
        .iter()
        .position(|w| *w == word)
        .or_else(|| {
            tens.iter()
                .position(|w| !w.is_empty() && *w == word)
                .map(|t| t * 10)
        })
        .map(|v| v as u32)
}

/// The value of an upper-case Roman numeral, or `None` if it is not well formed (`IIII`, `VX`).
pub fn parse_roman(text: &str) -> Option<u32> {
    if !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    roman_numerals_rs::RomanNumeral::from_str(text)
        .ok()
        .map(u32::from)
}

/// Reads a cardinal number: digits (`45`, `1,000`) or English words (`forty-five`).
pub fn parse_cardinal(text: &str) -> Option<u32> {
    let text = text.trim();
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    if words.is_empty() {
        return None;
    }
    parse_cardinal_words(&words)
}

/// An ordinal in English words, below a thousand: `first`, `twenty-second`. `None` for 0 and
/// from a thousand on.
pub fn ordinal_words(value: u32) -> Option<String> {
    if value == 0 || value >= 1000 {
        return None;
    }
    let hundreds = value / 100;
    let rest = value % 100;
    let mut out = String::new();
    if hundreds > 0 {
        out.push_str(UNITS[hundreds as usize]);
        if rest == 0 {
            out.push_str(" hundredth");
            return Some(out);
        }
        out.push_str(" hundred and ");
    }
    if rest < 20 {
        out.push_str(UNIT_ORDINALS[rest as usize]);
    } else if rest.is_multiple_of(10) {
        out.push_str(TEN_ORDINALS[(rest / 10) as usize]);
    } else {
        out.push_str(TENS[(rest / 10) as usize]);
        out.push('-');
        out.push_str(UNIT_ORDINALS[(rest % 10) as usize]);
    }
    Some(out)
}

/// An ordinal in digits with its English suffix: `1st`, `22nd`.
pub fn ordinal_digits(value: u32) -> String {
    format!("{value}{}", ordinal_suffix(value))
}

/// A count with its noun, singular or plural: "1 member", "45 members". The noun must take a
/// plain "s" in the plural.
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Items as a sentence lists them: `a`, `a and b`, `a, b and c` (or with `or`).
pub fn join_words(items: &[impl AsRef<str>], conjunction: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {conjunction} {}", init.join(", "), last.as_ref())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_in_words_and_digits() {
        for (text, value) in [
            ("first", 1),
            ("First", 1),
            ("1", 1),
            ("1st", 1),
            ("second", 2),
            ("22nd", 22),
            ("twenty-second", 22),
            ("Twenty-Second", 22),
            ("twenty second", 22),
            ("twentieth", 20),
            ("eleventh", 11),
            ("11th", 11),
            ("one hundred and first", 101),
            ("hundred", 0),
        ] {
            let parsed = parse_ordinal(text);
            if value == 0 {
                assert_eq!(parsed, None, "{text}");
            } else {
                assert_eq!(parsed, Some(value), "{text}");
            }
        }
    }

    #[test]
    fn wrong_ordinals_are_refused() {
        for text in [
            "21th",
            "2st",
            "twenty",
            "second twenty",
            "twenty-thirtieth",
            "",
            "x",
        ] {
            assert_eq!(parse_ordinal(text), None, "{text}");
        }
    }

    #[test]
    fn suffixes() {
        assert_eq!(ordinal_suffix(1), "st");
        assert_eq!(ordinal_suffix(12), "th");
        assert_eq!(ordinal_suffix(22), "nd");
        assert_eq!(ordinal_suffix(113), "th");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(parse_roman("IV"), Some(4));
        assert_eq!(parse_roman("XIV"), Some(14));
        assert_eq!(parse_roman("IIII"), None);
        assert_eq!(parse_roman("iv"), None);
    }

    #[test]
    fn cardinals_in_words_and_digits() {
        assert_eq!(parse_cardinal("45"), Some(45));
        assert_eq!(parse_cardinal("1,000"), Some(1000));
        assert_eq!(parse_cardinal("forty-five"), Some(45));
        assert_eq!(parse_cardinal("Forty Five"), Some(45));
        assert_eq!(parse_cardinal("forty-fifth"), None);
        assert_eq!(parse_cardinal(""), None);
    }

    #[test]
    fn ordinal_words_read_back() {
        for value in [1, 2, 11, 20, 21, 99, 101, 342] {
            let words = ordinal_words(value).expect("below a thousand");
            assert_eq!(parse_ordinal(&words), Some(value), "{words}");
        }
        assert_eq!(ordinal_words(22).as_deref(), Some("twenty-second"));
        assert_eq!(ordinal_digits(22), "22nd");
    }
}
