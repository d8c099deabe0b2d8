//! Checks of marked facts `{words = key}`: the words against the data they are tied to.
//!
//! The data a key names is worked out in [`crate::analysis::facts`]; this file reads the words
//! of a fact (numbers, ordinals, years and dates in English and in Chinese) and compares them
//! with it, so that the checks themselves only report.

pub mod mismatch;
pub mod no_data;

use jiff::civil::Date;

use crate::analysis::facts::Value;
use crate::analysis::series::{same_name, same_or_part};
use crate::ast::DateRange;
use crate::numbers::{parse_cardinal, parse_ordinal};
use crate::registry::Registry;

/// Names of annex groups in the other languages of a declaration: (language, name in the
/// annex, name in that language). Member names in other languages belong to the member
/// registry; a name found in neither is not checked.
pub const GROUP_NAMES: &[(&str, &str, &str)] = &[
    ("zh", "Asia", "亚洲"),
    ("zh", "Europe", "欧洲"),
    ("zh", "Africa", "非洲"),
    ("zh", "Americas", "美洲"),
    ("zh", "Oceania", "大洋洲"),
    ("zh", "Institutions", "机构"),
];

/// How the words of a fact compare with its data.
pub enum Reading {
    Agrees,
    /// The words say something else: what they say, as a message shows it.
    Disagrees(String),
    /// The words do not read as the kind of value the data is: what they should look like.
    Unreadable(&'static str),
    /// The words are in another language and name nothing plenary knows (a member's name is
    /// read through the registry of members, a group's through [`GROUP_NAMES`]).
    Unchecked,
}

/// Compares the words of a fact with a value. `language` is the version's language tag, `None`
/// for the original. A host is also compared through the registry of members, so that a member
/// named in any language or registered spelling is the same member.
pub fn compare(words: &str, value: &Value, language: Option<&str>, registry: &Registry) -> Reading {
    let read = match value {
        Value::Count(_) => read_count(words).map(Value::Count),
        Value::Ordinal(_) => read_ordinal(words).map(Value::Ordinal),
        Value::Year(_) => read_year(words).map(Value::Year),
        Value::Dates(_) => read_dates(words).map(Value::Dates),
        Value::Text(expected) => return compare_text(words, &|w| same_name(w, expected), language),
        Value::Place(expected) => {
            return compare_text(words, &|w| same_or_part(w, expected), language)
        }
        Value::Host { name, group } => return compare_host(words, name, group, language, registry),
    };
    match read {
        None => Reading::Unreadable(value.kind()),
        Some(read) if read == *value => Reading::Agrees,
        Some(read) => Reading::Disagrees(read.show()),
    }
}

/// A host agrees with words that name it, its group (`Europe` for `Germany`), or the same member
/// in another language or registered spelling: `{中国 = host}` for `host: China`, `{Viet Nam =
/// next host}` for `host: Vietnam`. Words that name another member the registry knows say who
/// that is: `"日本" (Japan)`.
fn compare_host(
    words: &str,
    name: &str,
    group: &Option<String>,
    language: Option<&str>,
    registry: &Registry,
) -> Reading {
    let named = registry.lookup(words).map(|found| found.entity);
    let host = registry.lookup(name).map(|found| found.entity);
    if named.is_some_and(|named| host.is_some_and(|host| host.id == named.id)) {
        return Reading::Agrees;
    }
    let agrees = |w: &str| same_name(w, name) || group.as_deref().is_some_and(|g| same_name(w, g));
    match (compare_text(words, &agrees, language), named) {
        (Reading::Disagrees(_) | Reading::Unchecked, Some(named))
            if !same_name(words, named.english()) =>
        {
            Reading::Disagrees(format!("\"{words}\" ({})", named.english()))
        }
        (reading, _) => reading,
    }
}

/// Text agrees if `agrees` accepts it: the value ignoring case and spacing, a place also by one
/// of its parts (`Beijing` for `Beijing, China`), a host also by its group (`Europe` for
/// `Germany`). In a translation, a group name is first read through [`GROUP_NAMES`].
fn compare_text(words: &str, agrees: &dyn Fn(&str) -> bool, language: Option<&str>) -> Reading {
    if agrees(words) {
        return Reading::Agrees;
    }
    if let Some(language) = language {
        let translated = GROUP_NAMES
            .iter()
            .find(|(l, _, native)| *l == language && same_name(native, words));
        return match translated {
            Some((_, name, _)) if agrees(name) => Reading::Agrees,
            Some((_, name, _)) => Reading::Disagrees(format!("\"{words}\" ({name})")),
            // A name in another language that the table does not have: it may well be right.
            None if !words.is_ascii() => Reading::Unchecked,
            None => Reading::Disagrees(format!("\"{words}\"")),
        };
    }
    Reading::Disagrees(format!("\"{words}\""))
}

/// A count: `45`, `forty-five`, `四十五`, with a Chinese measure word (`45个`) allowed.
pub fn read_count(words: &str) -> Option<u32> {
    let words = words.trim().trim_end_matches(['个', '名', '位']);
    parse_cardinal(words).or_else(|| read_chinese(words))
}

/// An ordinal: `second`, `2nd`, `第二`, `第二届`, `首届` (the first).
pub fn read_ordinal(words: &str) -> Option<u32> {
    let words = words.trim();
    if let Some(value) = parse_ordinal(words) {
        return Some(value);
    }
    let chinese = words.trim_end_matches(['届', '次']);
    if chinese == "首" {
        return Some(1);
    }
    let number = chinese.strip_prefix('第')?;
    number.parse().ok().or_else(|| read_chinese(number))
}

/// A Chinese numeral such as `二十一`.
fn read_chinese(words: &str) -> Option<u32> {
    if words.is_empty() {
        return None;
    }
    chinese_number::from_chinese_to_u32_ten_thousand(words).ok()
}

/// A year: `2009`, `2009年`.
pub fn read_year(words: &str) -> Option<i16> {
    let words = words.trim().trim_end_matches('年');
    (words.len() == 4 && words.bytes().all(|b| b.is_ascii_digit()))
        .then(|| words.parse().ok())
        .flatten()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month an English word names: `October`, `Oct`, `Sept`.
fn month(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    let word = word.trim_end_matches('.');
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (m.starts_with(word) && word.len() <= 4))
        .map(|i| i as i8 + 1)
}

/// Dates written in prose: `30-31 October 2007`, `October 30-31, 2007`, `September 5, 2014`,
/// `the 23rd day of June 2018`, `30 September to 2 October 2007`, `2007年10月30~31日`.
///
/// The words are read as numbers and month names: a four-digit number (or one before `年`) is
/// a year, a month name (or a number before `月`) a month, and the other numbers are days. One
/// or two days make one date or a range; with two months, each day takes its month in order.
pub fn read_dates(words: &str) -> Option<DateRange> {
    let mut years: Vec<i16> = Vec::new();
    let mut months: Vec<i8> = Vec::new();
    let mut days: Vec<i8> = Vec::new();
    let chars: Vec<char> = words.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let number: i32 = digits.parse().ok()?;
            match chars.get(i) {
                Some('年') => years.push(i16::try_from(number).ok()?),
                Some('月') => months.push(i8::try_from(number).ok()?),
                _ if digits.len() == 4 => years.push(i16::try_from(number).ok()?),
                _ => days.push(i8::try_from(number).ok()?),
            }
        } else if c.is_alphabetic() && c.is_ascii() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some(m) = month(&word) {
                months.push(m);
            }
        } else {
            i += 1;
        }
    }
    let date = |year: i16, month: i8, day: i8| Date::new(year, month, day).ok();
    let (first_year, last_year) = match years[..] {
        [year] => (year, year),
        [first, last] => (first, last),
        _ => return None,
    };
    let (first_month, last_month) = match months[..] {
        [month] => (month, month),
        [first, last] => (first, last),
        _ => return None,
    };
    let (first_day, last_day) = match days[..] {
        [day] if months.len() == 1 && years.len() == 1 => (day, day),
        [first, last] => (first, last),
        _ => return None,
    };
    let start = date(first_year, first_month, first_day)?;
    let end = date(last_year, last_month, last_day)?;
    (start <= end).then_some(DateRange { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(start: &str, end: &str) -> Option<DateRange> {
        Some(DateRange {
            start: start.parse().unwrap(),
            end: end.parse().unwrap(),
        })
    }

    #[test]
    fn dates_in_prose() {
        let asem = range("2007-10-30", "2007-10-31");
        assert_eq!(read_dates("30-31 October 2007"), asem);
        assert_eq!(read_dates("October 30-31, 2007"), asem);
        assert_eq!(read_dates("2007年10月30~31日"), asem);
        assert_eq!(read_dates("2007年10月30日至31日"), asem);
        assert_eq!(
            read_dates("the 23rd day of June 2018"),
            range("2018-06-23", "2018-06-23")
        );
        assert_eq!(
            read_dates("September 5, 2014"),
            range("2014-09-05", "2014-09-05")
        );
        assert_eq!(
            read_dates("30 September to 2 October 2007"),
            range("2007-09-30", "2007-10-02")
        );
        assert_eq!(
            read_dates("Sept. 30 - Oct. 2, 2007"),
            range("2007-09-30", "2007-10-02")
        );
    }

    #[test]
    fn words_that_are_not_dates() {
        for words in [
            "October 2007",
            "30-31 October",
            "31 June 2007",
            "31-30 October 2007",
            "soon",
        ] {
            assert_eq!(read_dates(words), None, "{words}");
        }
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(read_ordinal("首届"), Some(1));
        assert_eq!(read_ordinal("首"), Some(1));
        assert_eq!(read_ordinal("第二"), Some(2));
        assert_eq!(read_ordinal("第二十一届"), Some(21));
        assert_eq!(read_ordinal("第21届"), Some(21));
        assert_eq!(read_ordinal("second"), Some(2));
        assert_eq!(read_count("四十五"), Some(45));
        assert_eq!(read_count("45"), Some(45));
        assert_eq!(read_count("forty-five"), Some(45));
        assert_eq!(read_year("2009年"), Some(2009));
        assert_eq!(read_year("09"), None);
    }
}
