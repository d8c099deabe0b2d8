//! Dates as declarations write them in prose, in the languages of their versions:
//! `30-31 October 2007`, `October 30-31, 2007`, `the twentieth day of April nineteen hundred and
//! twenty-one`, `le 7 avril 1877`, `twintig april negentienhonderd eenentwintig`, `14 and 15
//! April` (the year left to the context), `2007年10月30~31日`.
//!
//! Reading is strict: every word must be a number, a month, a weekday or one of the small words
//! dates are written with (`the`, `day`, `of`, `to`, `du`, `au`, `tot`, `bis` ...). `June 2018m`,
//! `23th` and `2018abc` are not dates, so a slip in the words is reported rather than read past.

use jiff::civil::Date;

use crate::numbers::{ordinal_suffix, read_chinese, words_to_digits};

/// A day as prose writes it, the year perhaps left to the context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDay {
    pub year: Option<i16>,
    pub month: i8,
    pub day: i8,
}

impl WrittenDay {
    /// Whether this is `date`, reading a missing year as the date's.
    pub fn is(&self, date: Date) -> bool {
        self.year.is_none_or(|year| year == date.year())
            && self.month == date.month()
            && self.day == date.day()
    }
}

/// One day or a range of days, as prose writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WrittenDates {
    pub start: WrittenDay,
    pub end: WrittenDay,
}

impl WrittenDates {
    /// The dates, when the words give their year.
    pub fn dates(&self) -> Option<(Date, Date)> {
        let start = Date::new(self.start.year?, self.start.month, self.start.day).ok()?;
        let end = Date::new(self.end.year?, self.end.month, self.end.day).ok()?;
        Some((start, end))
    }
}

/// Month names: English, French, Dutch, German, Spanish, Italian, Portuguese and Russian (in the
/// nominative and the genitive that dates use). No name means two months in two languages, so
/// every version reads every table.
const MONTHS: [&[&str]; 12] = [
    &[
        "january",
        "janvier",
        "januari",
        "januar",
        "jänner",
        "enero",
        "gennaio",
        "janeiro",
        "январь",
        "января",
    ],
    &[
        "february",
        "février",
        "fevrier",
        "februari",
        "februar",
        "febrero",
        "febbraio",
        "fevereiro",
        "февраль",
        "февраля",
    ],
    &[
        "march",
        "mars",
        "maart",
        "märz",
        "marz",
        "marzo",
        "março",
        "marco",
        "март",
        "марта",
    ],
    &["april", "avril", "abril", "aprile", "апрель", "апреля"],
    &["may", "mai", "mei", "mayo", "maggio", "maio", "май", "мая"],
    &[
        "june", "juin", "juni", "junio", "giugno", "junho", "июнь", "июня",
    ],
    &[
        "july", "juillet", "juli", "julio", "luglio", "julho", "июль", "июля",
    ],
    &[
        "august",
        "août",
        "aout",
        "augustus",
        "agosto",
        "август",
        "августа",
    ],
    &[
        "september",
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
        "сентябрь",
        "сентября",
    ],
    &[
        "october",
        "octobre",
        "oktober",
        "octubre",
        "ottobre",
        "outubro",
        "октябрь",
        "октября",
    ],
    &[
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "ноябрь",
        "ноября",
    ],
    &[
        "december",
        "décembre",
        "decembre",
        "dezember",
        "diciembre",
        "dicembre",
        "dezembro",
        "декабрь",
        "декабря",
    ],
];

/// The words dates are written with that carry no number: articles, prepositions, `day`,
/// `year`, weekday names. A word outside this list (and not a number or a month) makes the
/// words something other than a date.
const DATE_WORDS: &[&str] = &[
    // English
    "the",
    "of",
    "day",
    "this",
    "on",
    "in",
    "to",
    "and",
    "from",
    "until",
    "till",
    "through",
    "year",
    "ad",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    // French
    "le",
    "la",
    "l",
    "du",
    "au",
    "et",
    "de",
    "des",
    "jour",
    "mois",
    "an",
    "année",
    "ce",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    // Dutch
    "van",
    "tot",
    "en",
    "op",
    "den",
    "der",
    "dag",
    "jaar",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    // German
    "vom",
    "bis",
    "zum",
    "und",
    "am",
    "im",
    "jahres",
    "tag",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    // Spanish, Italian, Portuguese
    "del",
    "al",
    "y",
    "el",
    "a",
    "e",
    "il",
    "dal",
    "di",
    "dos",
    "do",
    "da",
    // Russian
    "по",
    "с",
    "и",
    "года",
    "г",
];

/// Marks between the numbers of a date that are not words: dashes, commas, `~`, and the
/// Chinese `至` (to), `到`, `和` (and), `日`/`号`/`號` (day).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '–' | '—'
                | '‑'
                | '～'
                | '至'
                | '到'
                | '和'
                | '及'
                | '、'
                | '，'
                | '日'
                | '号'
                | '號'
                | '’'
                | '\u{a0}'
        )
}

/// The month a word names: a full name in any language of [`MONTHS`], or an English
/// abbreviation of three or four letters (`Oct`, `Sept`).
pub fn month(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    let word = word.trim_end_matches('.');
    let found = MONTHS
        .iter()
        .position(|names| names.contains(&word))
        .or_else(|| {
            (3..=4)
                .contains(&word.len())
                .then(|| MONTHS.iter().position(|names| names[0].starts_with(word)))?
        })?;
    Some(found as i8 + 1)
}

/// A number of the date: a year (four digits, or before `年`), a month (before `月`), or a day.
enum Number {
    Year(i16),
    Month(i8),
    Day(i8),
}

/// Reads dates written in prose in a version written in `language` (a language tag, whose number
/// words are read): one day, a range within a month (`30-31 October 2007`, `14 and 15 April`),
/// or across months (`30 September to 2 October 2007`). `None` when the words are not a date.
///
/// The numbers are found first: a four-digit number (or one before `年`) is a year, a month name
/// (or a number before `月`) a month, and the other numbers are days. One or two days make one
/// date or a range; with two months, each day takes its month in order. Without a year, the
/// year is the one of the date the words are compared with.
pub fn read_dates(words: &str, language: &str) -> Option<WrittenDates> {
    let words = words_to_digits(words, language);
    let mut numbers = Vec::new();
    let chars: Vec<char> = words.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(number) = chinese_number_at(&chars, &mut i) {
            numbers.push(number);
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let value: i32 = digits.parse().ok()?;
            // An ordinal suffix must be the right one: `23rd`, `1er`, `7e`; `23th` is a slip.
            let suffix_start = i;
            while i < chars.len() && chars[i].is_alphabetic() && !is_cjk(chars[i]) {
                i += 1;
            }
            let suffix: String = chars[suffix_start..i].iter().collect();
            if !suffix.is_empty() && !is_ordinal_suffix(value, &suffix) {
                return None;
            }
            numbers.push(match chars.get(i) {
                Some('年') => Number::Year(i16::try_from(value).ok()?),
                Some('月') => Number::Month(i8::try_from(value).ok()?),
                _ if digits.len() == 4 && suffix.is_empty() => {
                    Number::Year(i16::try_from(value).ok()?)
                }
                _ => Number::Day(i8::try_from(value).ok()?),
            });
            if matches!(chars.get(i), Some('年' | '月')) {
                i += 1;
            }
        } else if c.is_alphabetic() && !is_cjk(c) {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() && !is_cjk(chars[i]) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if let Some(m) = month(&word) {
                numbers.push(Number::Month(m));
            } else if !DATE_WORDS.contains(&word.to_lowercase().as_str()) {
                return None;
            }
        } else if is_separator(c) {
            i += 1;
        } else {
            return None;
        }
    }
    let mut years = Vec::new();
    let mut months = Vec::new();
    let mut days = Vec::new();
    for number in numbers {
        match number {
            Number::Year(year) => years.push(year),
            Number::Month(month) => months.push(month),
            Number::Day(day) => days.push(day),
        }
    }
    let (first_year, last_year) = match years[..] {
        [] => (None, None),
        [year] => (Some(year), Some(year)),
        [first, last] => (Some(first), Some(last)),
        _ => return None,
    };
    let (first_month, last_month) = match months[..] {
        [month] => (month, month),
        [first, last] => (first, last),
        _ => return None,
    };
    let (first_day, last_day) = match days[..] {
        [day] if months.len() == 1 && years.len() <= 1 => (day, day),
        [first, last] => (first, last),
        _ => return None,
    };
    let start = WrittenDay {
        year: first_year,
        month: first_month,
        day: first_day,
    };
    let end = WrittenDay {
        year: last_year,
        month: last_month,
        day: last_day,
    };
    // The days must exist (in a leap year, when no year is given) and run forwards.
    let exists = |d: WrittenDay| Date::new(d.year.unwrap_or(2000), d.month, d.day).is_ok();
    let forwards = (first_year, first_month, first_day) <= (last_year, last_month, last_day);
    (exists(start) && exists(end) && forwards).then_some(WrittenDates { start, end })
}

/// A number in Chinese numerals before `年`, `月` or `日` (`二〇〇七年`, `十月`, `三十日`),
/// moving `i` past it.
fn chinese_number_at(chars: &[char], i: &mut usize) -> Option<Number> {
    const NUMERALS: &str = "〇零一二三四五六七八九十";
    let start = *i;
    let mut end = start;
    while end < chars.len() && NUMERALS.contains(chars[end]) {
        end += 1;
    }
    if end == start {
        return None;
    }
    let unit = chars.get(end).copied()?;
    let text: String = chars[start..end].iter().collect();
    let value = read_chinese(&text)?;
    let number = match unit {
        '年' => Number::Year(i16::try_from(value).ok()?),
        '月' => Number::Month(i8::try_from(value).ok()?),
        '日' | '号' | '號' => Number::Day(i8::try_from(value).ok()?),
        _ => return None,
    };
    *i = end + 1;
    Some(number)
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{9fff}').contains(&c) || ('\u{f900}'..='\u{faff}').contains(&c)
}

/// Whether `suffix` makes `value` an ordinal in one of the languages dates are read in: `st`,
/// `nd`, `rd`, `th` (the right one), `er`, `e`, `ème`, `de`, `ste`.
fn is_ordinal_suffix(value: i32, suffix: &str) -> bool {
    let suffix = suffix.to_lowercase();
    let english = u32::try_from(value).is_ok_and(|v| ordinal_suffix(v) == suffix);
    english || ["er", "re", "e", "ème", "de", "ste", "o", "a", "º", "ª"].contains(&suffix.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(year: i16, month: i8, day: i8) -> WrittenDay {
        WrittenDay {
            year: Some(year),
            month,
            day,
        }
    }

    fn range(start: WrittenDay, end: WrittenDay) -> Option<WrittenDates> {
        Some(WrittenDates { start, end })
    }

    #[test]
    fn dates_in_english_prose() {
        let asem = range(day(2007, 10, 30), day(2007, 10, 31));
        assert_eq!(read_dates("30-31 October 2007", "en"), asem);
        assert_eq!(read_dates("October 30-31, 2007", "en"), asem);
        assert_eq!(read_dates("30th and 31st October 2007", "en"), asem);
        let june = range(day(2018, 6, 23), day(2018, 6, 23));
        assert_eq!(read_dates("the 23rd day of June 2018", "en"), june);
        assert_eq!(read_dates("Saturday, 23 June 2018", "en"), june);
        assert_eq!(
            read_dates("September 5, 2014", "en"),
            range(day(2014, 9, 5), day(2014, 9, 5))
        );
        let across = range(day(2007, 9, 30), day(2007, 10, 2));
        assert_eq!(read_dates("30 September to 2 October 2007", "en"), across);
        assert_eq!(read_dates("Sept. 30 - Oct. 2, 2007", "en"), across);
    }

    #[test]
    fn dates_in_words() {
        let barcelona = range(day(1921, 4, 20), day(1921, 4, 20));
        assert_eq!(
            read_dates(
                "the twentieth day of April nineteen hundred and twenty-one",
                "en"
            ),
            barcelona
        );
        assert_eq!(
            read_dates("twintig april negentienhonderd eenentwintig", "nl"),
            barcelona
        );
        assert_eq!(
            read_dates(
                "this fifth day of June, one thousand nine hundred and ninety-two",
                "en"
            ),
            range(day(1992, 6, 5), day(1992, 6, 5))
        );
        assert_eq!(
            read_dates("le sept avril mil huit cent soixante-dix-sept", "fr"),
            range(day(1877, 4, 7), day(1877, 4, 7))
        );
    }

    #[test]
    fn dates_in_other_languages() {
        assert_eq!(
            read_dates("27 Août 1877", "fr"),
            range(day(1877, 8, 27), day(1877, 8, 27))
        );
        assert_eq!(
            read_dates("le 1er mai 2001", "fr"),
            range(day(2001, 5, 1), day(2001, 5, 1))
        );
        assert_eq!(
            read_dates("vom 4. bis 6. November 2025", "de"),
            range(day(2025, 11, 4), day(2025, 11, 6))
        );
        assert_eq!(
            read_dates("4 de noviembre de 2025", "es"),
            range(day(2025, 11, 4), day(2025, 11, 4))
        );
        assert_eq!(
            read_dates("5 июня 1992 года", "ru"),
            range(day(1992, 6, 5), day(1992, 6, 5))
        );
    }

    #[test]
    fn dates_in_chinese() {
        let asem = range(day(2007, 10, 30), day(2007, 10, 31));
        assert_eq!(read_dates("2007年10月30~31日", "zh"), asem);
        assert_eq!(read_dates("2007年10月30日至31日", "zh"), asem);
        assert_eq!(read_dates("二〇〇七年十月三十日至三十一日", "zh"), asem);
        assert_eq!(
            read_dates("2020年6月24日", "zh-Hant"),
            range(day(2020, 6, 24), day(2020, 6, 24))
        );
    }

    #[test]
    fn dates_without_their_year() {
        let april = WrittenDay {
            year: None,
            month: 4,
            day: 14,
        };
        let read = read_dates("14 and 15 April", "en").expect("a date");
        assert_eq!(read.start, april);
        assert_eq!(read.end.day, 15);
        assert!(read.start.is("1981-04-14".parse().unwrap()));
        assert!(!read.start.is("1981-04-15".parse().unwrap()));
        assert_eq!(read.dates(), None);
        let october = read_dates("October 13 and 14", "en").expect("a date");
        assert_eq!((october.start.day, october.end.day), (13, 14));
        assert!(read_dates("13 August", "en").is_some());
        assert!(read_dates("29 February", "en").is_some());
    }

    #[test]
    fn words_that_are_not_dates() {
        for words in [
            "October 2007",
            "31 June 2007",
            "31-30 October 2007",
            "soon",
            "June 2018m",
            "23th June 2018",
            "23 June 2018abc",
            "26TH AND 27TH OCTOBER 198 2",
            "in Canberra on 14 April 1981",
            "14 and 15",
        ] {
            assert_eq!(read_dates(words, "en"), None, "{words}");
        }
    }
}
