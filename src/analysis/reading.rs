//! How the words of a fact read, in the language of their version, and whether they agree with
//! the data they are tied to: numbers, ordinals, years and dates (through [`crate::numbers`]
//! and [`crate::dates`]), names through the registry of members. Marked facts and the facts
//! found in the prose are compared here alike.

use crate::analysis::facts::Value;
use crate::analysis::series::{same_name, same_or_part};
use crate::ast::{DateRange, MeetingYear};
use crate::dates::{read_dates, WrittenDates};
use crate::languages::read_languages;
use crate::numbers::read_approximate_count;
use crate::numbers::{parse_cardinal, read_chinese};
pub use crate::numbers::{read_count, read_ordinal};
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

/// The language a fact's words are written in: the version's language tag, and whether the
/// version is a translation (whose names are read through the tables of names in other
/// languages).
#[derive(Debug, Clone, Copy)]
pub struct Tongue<'a> {
    pub language: &'a str,
    pub translated: bool,
    /// The year of this meeting, from which words such as "in two years" count.
    pub year: Option<i16>,
}

impl<'a> Tongue<'a> {
    fn translation(self) -> Option<&'a str> {
        self.translated.then_some(self.language)
    }
}

/// Compares the words of a fact with a value, read in the language of their version. A host is also compared through the registry of members, so that a member
/// named in any language or registered spelling is the same member.
pub fn compare(words: &str, value: &Value, tongue: Tongue, registry: &Registry) -> Reading {
    let Tongue { language, .. } = tongue;
    let translation = tongue.translation();
    if let (Value::Count(n), Some((bound, m))) = (value, read_approximate_count(words, language)) {
        return if bound.admits(*n, m) {
            Reading::Agrees
        } else {
            Reading::Disagrees(format!("\"{}\"", words.trim()))
        };
    }
    let read = match value {
        Value::Count(_) => read_count(words, language).map(Value::Count),
        Value::Ordinal(_) => read_ordinal(words, language).map(Value::Ordinal),
        Value::Year(expected) => {
            return match read_years(words, language, tongue.year) {
                None => Reading::Unreadable(value.kind()),
                // Words may be vaguer than the data: "in two to three years" admits 2009.
                Some(read) if read.first <= expected.first && expected.last <= read.last => {
                    Reading::Agrees
                }
                // Years counted from this meeting's are shown with the years they give.
                Some(read)
                    if read_year(words, language).is_none()
                        && !words.contains(char::is_numeric) =>
                {
                    Reading::Disagrees(format!(
                        "\"{}\" ({})",
                        words.trim(),
                        Value::Year(read).show()
                    ))
                }
                Some(read) => Reading::Disagrees(Value::Year(read).show()),
            };
        }
        Value::Dates(dates) => {
            return match read_dates(words, language) {
                None => Reading::Unreadable(value.kind()),
                Some(written) if dates_agree(&written, dates) => Reading::Agrees,
                Some(written) => Reading::Disagrees(match written.dates() {
                    Some((start, end)) => Value::Dates(DateRange { start, end }).show(),
                    None => format!("\"{}\"", words.trim()),
                }),
            }
        }
        Value::Text(expected) => {
            return compare_text(words, &|w| same_name(w, expected), translation)
        }
        Value::Place(expected) => {
            // Words may name the place by one of its parts, or name its country in any of the
            // registry's spellings: `{the United States = place}` for `Pittsburgh,
            // Pennsylvania, United States of America`.
            let country = registry.country_of_place(expected, None);
            let same_country = |w: &str| {
                country.is_some_and(|c| registry.lookup(w).is_some_and(|f| f.entity.id == c.id))
            };
            return compare_text(
                words,
                &|w| same_or_part(w, expected) || same_country(w),
                translation,
            );
        }
        Value::Host { name, group } => {
            return compare_host(words, name, group, translation, registry)
        }
        Value::Interval(expected) => {
            return match read_periodicity(words, language) {
                None => Reading::Unreadable(value.kind()),
                Some(years) if years == expected.years() => Reading::Agrees,
                Some(years) => Reading::Disagrees(format!(
                    "\"{}\" ({})",
                    words.trim(),
                    crate::ast::Periodicity::EveryYears(years).words()
                )),
            }
        }
        Value::Languages(expected) => {
            return match read_languages(words) {
                None => Reading::Unreadable(value.kind()),
                Some(named) => {
                    let mut named: Vec<String> = named.iter().map(|t| t.to_string()).collect();
                    let mut expected = expected.clone();
                    named.sort();
                    expected.sort();
                    if named == expected {
                        Reading::Agrees
                    } else {
                        Reading::Disagrees(Value::Languages(named).show())
                    }
                }
            }
        }
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

/// The members named in a list of the prose, as [`Registry::names_in`] finds them: each name
/// with the member it names. `None` unless the words hold two names or more.
pub fn read_member_names<'r>(
    words: &str,
    registry: &'r Registry,
) -> Option<Vec<(String, Option<&'r crate::registry::Entity>)>> {
    let names: Vec<(String, Option<&crate::registry::Entity>)> = registry
        .names_in(words)
        .into_iter()
        .map(|(range, entity)| (words[range].to_string(), entity))
        .collect();
    (names.len() >= 2).then_some(names)
}

/// The years between meetings that words of periodicity name: `annually` (1), `biennially`,
/// `every two years`, `every other year` (2), `every 3 years`, `每年` (1), `每两年` (2).
pub fn read_periodicity(words: &str, language: &str) -> Option<u32> {
    let lower = words.trim().to_lowercase();
    let lower = lower.strip_prefix("once ").unwrap_or(&lower);
    let named = [
        ("annually", 1),
        ("annual", 1),
        ("yearly", 1),
        ("every year", 1),
        ("each year", 1),
        ("a year", 1),
        ("biennially", 2),
        ("biennial", 2),
        ("every other year", 2),
        ("every second year", 2),
        ("triennially", 3),
        ("triennial", 3),
        ("每年", 1),
    ];
    if let Some((_, years)) = named.iter().find(|(w, _)| *w == lower) {
        return Some(*years);
    }
    if let Some(number) = lower.strip_prefix('每').and_then(|w| w.strip_suffix('年')) {
        let number = number.replace('两', "二");
        return read_count(&number, "zh").filter(|n| *n > 0);
    }
    let number = lower
        .strip_prefix("every ")
        .or_else(|| lower.strip_prefix("each "))?
        .strip_suffix(" years")?;
    read_count(number, language).filter(|n| *n > 0)
}

/// The years words name: a year (`2009`, `mid-2002`), a choice or span of years (`2027 or
/// 2028`, `2025 to 2026`, `between 2025 and 2026`), or years counted from this meeting's (`in
/// two years`, `in two to three years' time`).
pub fn read_years(words: &str, language: &str, this_year: Option<i16>) -> Option<MeetingYear> {
    let words = words.trim();
    if let Some(year) = read_year(words, language) {
        return Some(MeetingYear::one(year));
    }
    let lower = words.to_lowercase();
    let pair = |text: &str, read: &dyn Fn(&str) -> Option<i16>| -> Option<MeetingYear> {
        let text = text.strip_prefix("between ").unwrap_or(text);
        [" or ", " to ", " and ", "-", "–"].iter().find_map(|sep| {
            let (first, last) = text.split_once(sep)?;
            let (first, last) = (read(first.trim())?, read(last.trim())?);
            (first <= last).then_some(MeetingYear { first, last })
        })
    };
    if let Some(years) = pair(&lower, &|w| read_year(w, language)) {
        return Some(years);
    }
    // Years counted from this meeting's: "in two years", "in two to three years' time".
    let counted = lower
        .strip_prefix("in ")?
        .trim_end_matches(" time")
        .trim_end_matches(['\'', '’']);
    let counted = counted
        .strip_suffix(" years")
        .or_else(|| counted.strip_suffix(" year"))?;
    let after = |w: &str| {
        let n = read_count(w, language)?;
        this_year?.checked_add(i16::try_from(n).ok()?)
    };
    pair(counted, &after).or_else(|| after(counted).map(MeetingYear::one))
}

/// A year: `2009`, `2009年`, `二〇〇九年`, `two thousand and nine`.
pub fn read_year(words: &str, language: &str) -> Option<i16> {
    // When in the year may come before it: `early 2013`, `mid-2002`.
    let lower = words.trim().to_lowercase();
    let when = [
        "early ",
        "mid-",
        "mid ",
        "late ",
        "the end of ",
        "end of ",
        "beginning of ",
        "first half of ",
        "second half of ",
        "spring ",
        "summer ",
        "autumn ",
        "fall ",
        "winter ",
    ]
    .iter()
    .find(|w| lower.starts_with(*w))
    .map_or(0, |w| w.len());
    let words = words.trim()[when..].trim().trim_end_matches('年');
    let year = if words.bytes().all(|b| b.is_ascii_digit()) {
        (words.len() == 4).then(|| words.parse().ok())??
    } else {
        parse_cardinal(words, language).or_else(|| read_chinese(words))?
    };
    i16::try_from(year).ok().filter(|year| *year >= 1000)
}

/// Whether words written as dates are the dates of a range: `14 and 15 April` are 1981-04-14
/// to 1981-04-15, the year being left to the context.
fn dates_agree(written: &WrittenDates, dates: &DateRange) -> bool {
    written.start.is(dates.start) && written.end.is(dates.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_chinese_and_english() {
        assert_eq!(read_ordinal("首届", "zh"), Some(1));
        assert_eq!(read_ordinal("首", "zh"), Some(1));
        assert_eq!(read_ordinal("第二", "zh"), Some(2));
        assert_eq!(read_ordinal("第二十一届", "zh"), Some(21));
        assert_eq!(read_ordinal("第21届", "zh"), Some(21));
        assert_eq!(read_ordinal("second", "en"), Some(2));
        assert_eq!(read_ordinal("XI", "en"), Some(11));
        assert_eq!(read_count("四十五", "zh"), Some(45));
        assert_eq!(read_count("45", "en"), Some(45));
        assert_eq!(read_count("forty-five", "en"), Some(45));
        assert_eq!(read_count("quarante-cinq", "fr"), Some(45));
        assert_eq!(read_year("2009年", "zh"), Some(2009));
        assert_eq!(read_year("二〇〇九年", "zh"), Some(2009));
        assert_eq!(
            read_year("nineteen hundred and twenty-one", "en"),
            Some(1921)
        );
        assert_eq!(read_year("09", "en"), None);
        assert_eq!(read_year("2009abc", "en"), None);
        assert_eq!(read_year("early 2013", "en"), Some(2013));
        assert_eq!(read_year("mid-2002", "en"), Some(2002));
        let years = |first, last| Some(MeetingYear { first, last });
        assert_eq!(read_years("2027 or 2028", "en", None), years(2027, 2028));
        assert_eq!(
            read_years("between 2025 and 2026", "en", None),
            years(2025, 2026)
        );
        assert_eq!(
            read_years("in two to three years", "en", Some(2007)),
            years(2009, 2010)
        );
        assert_eq!(
            read_years("in two years' time", "en", Some(2007)),
            years(2009, 2009)
        );
        assert_eq!(read_years("in a year", "en", Some(2007)), None);
        assert_eq!(read_years("in two years", "en", None), None);
        assert_eq!(read_years("2028 or 2027", "en", None), None);
    }
}
