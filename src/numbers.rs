//! Numbers as drafters write them: ordinals in words and digits, Roman numerals, counts with
//! their nouns.
//!
//! Number words are read by `text2num` (English, French, Dutch, German, Spanish, Italian,
//! Portuguese, Danish), Chinese numerals by `chinese-number`, Roman numerals by `roman-numerals-rs`,
//! which also rejects malformed ones such as `IIII`. The English ordinal words that messages
//! print are written here, since no crate writes them.

use std::str::FromStr;

use text2num::{get_interpreter_for, replace_numbers_in_text, text2digits, Language};

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

/// The language whose number words are read in a version written in `tag` (`fr`, `nl-BE`):
/// English where text2num reads no words of that language (Chinese numerals are read apart).
fn words_language(tag: &str) -> Language {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    get_interpreter_for(&primary).unwrap_or_else(Language::english)
}

/// Number words as digits, in the words of `tag`'s language: `twenty-first` gives `21st`,
/// `nineteen hundred and twenty-one` gives `1921`, `vingt-septième` gives `27ème`. `None` when
/// the text is not one number.
fn words_as_digits(text: &str, tag: &str) -> Option<String> {
    text2digits(text.trim(), &words_language(tag)).ok()
}

/// Rewrites the numbers written in words in a phrase as digits: `the twentieth day of April
/// nineteen hundred and twenty-one` becomes `the 20th day of April 1921`.
pub fn words_to_digits(text: &str, tag: &str) -> String {
    replace_numbers_in_text(text, &words_language(tag), 0.0)
}

/// Reads an ordinal: `1`, `1st`, `first`, `21st`, `twenty-first`, `Twenty First`, `one hundred
/// and first`, and the ordinals of `tag`'s language (`septième`, `zevende`). Plain digits count
/// as the ordinal they name.
pub fn parse_ordinal(text: &str, tag: &str) -> Option<u32> {
    let text = text.trim();
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        return parse_digits_ordinal(text, tag);
    }
    // Only words that are an ordinal come back with a suffix; `twenty` is a cardinal.
    let digits = words_as_digits(text, tag)?;
    let end = digits.find(|c: char| !c.is_ascii_digit())?;
    parse_digits_ordinal(&digits, tag).filter(|_| end > 0)
}

/// Digits, with or without the right suffix of the language: `21`, `21st`, `1er`, `7e`, `3.`;
/// `21th` is refused.
fn parse_digits_ordinal(text: &str, tag: &str) -> Option<u32> {
    let digits_end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits_end == 0 {
        return None;
    }
    let value: u32 = text[..digits_end].parse().ok()?;
    let suffix = &text[digits_end..];
    (suffix.is_empty()
        || ordinal_suffixes(value, tag)
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s)))
    .then_some(value)
}

/// The suffixes that make digits an ordinal in `tag`'s language, English always among them.
fn ordinal_suffixes(value: u32, tag: &str) -> Vec<&'static str> {
    let mut suffixes = vec![ordinal_suffix(value)];
    let primary = tag.split(['-', '_']).next().unwrap_or(tag);
    suffixes.extend_from_slice(match primary {
        "fr" if value == 1 => &["er", "re", "ère"],
        "fr" => &["e", "ème", "è"],
        "nl" => &["e", "ste", "de"],
        "de" => &["."],
        "es" | "it" | "pt" => &["º", "ª", "°", "o", "a"],
        _ => &[],
    });
    suffixes
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

/// The value of an upper-case Roman numeral, or `None` if it is not well formed (`IIII`, `VX`).
pub fn parse_roman(text: &str) -> Option<u32> {
    if !text.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    roman_numerals_rs::RomanNumeral::from_str(text)
        .ok()
        .map(u32::from)
}

/// Reads a cardinal number: digits (`45`, `1,000`) or words in `tag`'s language (`forty-five`,
/// `quarante-cinq`).
pub fn parse_cardinal(text: &str, tag: &str) -> Option<u32> {
    let text = text.trim();
    let digits: String = text.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    if text.is_empty() || text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    words_as_digits(text, tag)?.parse().ok()
}

/// How an approximate count relates to the number it names: "more than 40".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    MoreThan,
    AtLeast,
    FewerThan,
    AtMost,
    /// "nearly 50", "almost 50": a little under.
    Nearly,
    /// "about 50", "some 50", "around 50": near it either way.
    About,
}

impl Bound {
    /// Whether a count agrees with the bound on `n`: near means within a tenth (at least 1).
    pub fn admits(self, count: u32, n: u32) -> bool {
        let near = (n / 10).max(1);
        match self {
            Bound::MoreThan => count > n,
            Bound::AtLeast => count >= n,
            Bound::FewerThan => count < n,
            Bound::AtMost => count <= n,
            Bound::Nearly => count <= n && count + near >= n,
            Bound::About => count.abs_diff(n) <= near,
        }
    }
}

/// The words that make a count approximate, in the languages counts are read in, longest
/// first.
const BOUNDS: &[(&str, Bound)] = &[
    ("more than", Bound::MoreThan),
    ("over", Bound::MoreThan),
    ("upwards of", Bound::MoreThan),
    ("plus de", Bound::MoreThan),
    ("meer dan", Bound::MoreThan),
    ("at least", Bound::AtLeast),
    ("au moins", Bound::AtLeast),
    ("ten minste", Bound::AtLeast),
    ("fewer than", Bound::FewerThan),
    ("less than", Bound::FewerThan),
    ("under", Bound::FewerThan),
    ("moins de", Bound::FewerThan),
    ("at most", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("close to", Bound::Nearly),
    ("près de", Bound::Nearly),
    ("bijna", Bound::Nearly),
    ("about", Bound::About),
    ("around", Bound::About),
    ("some", Bound::About),
    ("approximately", Bound::About),
    ("roughly", Bound::About),
    ("environ", Bound::About),
    ("ongeveer", Bound::About),
    ("近", Bound::Nearly),
    ("约", Bound::About),
];

/// An approximate count: `more than 40`, `nearly fifty`, `约50个`; `None` for an exact one or
/// words that are not a count.
pub fn read_approximate_count(words: &str, tag: &str) -> Option<(Bound, u32)> {
    let words = words.trim();
    let lower = words.to_lowercase();
    BOUNDS.iter().find_map(|(prefix, bound)| {
        let rest = lower.strip_prefix(prefix)?;
        let rest = &words[words.len() - rest.len()..];
        let rest = rest.trim_end_matches(['多', '余']);
        read_count(rest, tag).map(|n| (*bound, n))
    })
}

/// A count: `45`, `forty-five`, `四十五`, with a Chinese measure word (`45个`) allowed.
pub fn read_count(words: &str, tag: &str) -> Option<u32> {
    let words = words.trim().trim_end_matches(['个', '名', '位', '個']);
    parse_cardinal(words, tag).or_else(|| read_chinese(words))
}

/// An ordinal: `second`, `2nd`, `XI` (a Roman numeral, as editions are often numbered), `第二`,
/// `第二届`, `首届` (the first).
pub fn read_ordinal(words: &str, tag: &str) -> Option<u32> {
    let words = words.trim();
    if let Some(value) = parse_ordinal(words, tag).or_else(|| parse_roman(words)) {
        return Some(value);
    }
    let chinese = words.trim_end_matches(['届', '屆', '次']);
    if chinese == "首" {
        return Some(1);
    }
    let number = chinese.strip_prefix('第')?;
    number.parse().ok().or_else(|| read_chinese(number))
}

/// A Chinese numeral such as `二十一`, or one written digit by digit as years are (`二〇〇七`).
pub fn read_chinese(words: &str) -> Option<u32> {
    if words.is_empty() {
        return None;
    }
    const DIGITS: &str = "〇一二三四五六七八九";
    if words.chars().count() >= 2 && words.chars().all(|c| DIGITS.contains(c)) {
        return words
            .chars()
            .filter_map(|c| DIGITS.chars().position(|d| d == c))
            .try_fold(0u32, |total, digit| {
                total.checked_mul(10)?.checked_add(digit as u32)
            });
    }
    chinese_number::from_chinese_to_u32_ten_thousand(words).ok()
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
            let parsed = parse_ordinal(text, "en");
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
            assert_eq!(parse_ordinal(text, "en"), None, "{text}");
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
        assert_eq!(parse_cardinal("45", "en"), Some(45));
        assert_eq!(parse_cardinal("1,000", "en"), Some(1000));
        assert_eq!(parse_cardinal("forty-five", "en"), Some(45));
        assert_eq!(parse_cardinal("Forty Five", "en"), Some(45));
        assert_eq!(parse_cardinal("forty-fifth", "en"), None);
        assert_eq!(parse_cardinal("", "en"), None);
    }

    #[test]
    fn ordinal_words_read_back() {
        for value in [1, 2, 11, 20, 21, 99, 101, 342] {
            let words = ordinal_words(value).expect("below a thousand");
            assert_eq!(parse_ordinal(&words, "en"), Some(value), "{words}");
        }
        assert_eq!(ordinal_words(22).as_deref(), Some("twenty-second"));
        assert_eq!(ordinal_digits(22), "22nd");
    }
}
