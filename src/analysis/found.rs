//! Facts found in the prose without marks: the phrases declarations use for the facts the
//! header, the annex and the next meeting state, recognised in the words of every version and
//! compared with that data as marked facts are.
//!
//! Recognition comes before recall: a phrase is taken for a fact only where its words leave no
//! doubt about which fact they state, because a phrase that is not the fact it seems would be
//! reported as a slip. Words inside a marked fact are never read again (the mark says what they
//! are), nor words inside a quotation (they are another text's).
//!
//! - Counts: a number directly before `members`, `economies`, `countries`, `governments`,
//!   `States` or `nations`, perhaps with the forum's name or `member` between, where the words
//!   before say it is the whole membership: `the`, `all` or `from` with the forum's name (`from
//!   45 ASEM members`, `the 21 APEC economies`), `our` (`our three countries`), or a sentence
//!   that opens with the count and says who took part (`Twelve governments took part`); in
//!   Chinese, with the forum's name (`45个亚欧会议成员`). Any other count (`the 10 ASEAN
//!   members`, `the other 44 members`, `across 9 APEC economies`, `the six States members of`,
//!   `the 20 economies that signed`) may count a part, and is not read.
//! - Editions: an ordinal directly before the series' name (`The First ASEM SMEs Ministerial
//!   Meeting`, `The Sixth Meeting of the ASEAN-Australia Forum`, `第二届亚欧会议中小企业部长级
//!   会议`), in the prose or the title. It agrees if it is the edition of this meeting or the
//!   next; one of a past meeting on the record is not read, nor another in a sentence about
//!   other meetings (`next`, `previous`, `will`, `下届`).
//! - The next meeting: the year after `will be held`, `meet again`, `will take place` and the
//!   like (`will be held in Europe in 2009`, `将于2009年`), and the member or annex group named
//!   after `in` (`Europe`), in a sentence about the series' next meeting; in Chinese, the
//!   member or group between `在` or `由` and the verb after the year (`将于2009年在欧洲举行`).
//! - How often the series meets: `annually`, `biennially`, `every two years`, `每两年` right
//!   after the series and `be held` (or before `召开` and the series in Chinese).
//! - The title's year, beside the forum's name or before the series' name.
//! - The title's place, where a state or country of the registry stands where declarations
//!   name their place (`Malaysia Declaration`, `Declaration of Malaysia`), when the header's
//!   place names a country to compare it with.
//! - Dates with a weekday (`Monday, 30 October 2007`, `mardi 30 octobre 2007`,
//!   `2007年10月30日（星期二）`): the weekday must be that of the date. In a sentence that names
//!   the series, says it was held and is about no other meeting, the day must also be one of
//!   the meeting's.

use std::ops::Range;

use jiff::civil::{Date, Weekday};

use crate::analysis::reading::{compare, read_ordinal, read_periodicity, Reading, Tongue};
use crate::ast::{FactKey, MeetingFact};
use crate::dates::{read_dates, WrittenDates};
use crate::numbers::read_count;
use crate::source::Span;

use super::facts::{Data, Value};
use super::prose::Passage;
use super::Analysis;

/// A phrase of the prose recognised as a fact.
#[derive(Debug, Clone)]
pub struct FoundFact {
    /// The version it is in: 0 for the original.
    pub version: usize,
    pub kind: FoundKind,
    /// The words, as a reader reads them.
    pub words: String,
    /// The part of them that states the fact, which a mark would tie to it: `44` of `44 ASEM
    /// members`, `Third` of `The Third ASEM SMEs Ministerial Meeting`.
    pub value: String,
    /// The drafter's words.
    pub span: Span,
    /// The line of the source they start on, from 1.
    pub line: usize,
    pub verdict: Verdict,
}

/// What a recognised phrase states.
#[derive(Debug, Clone, PartialEq)]
pub enum FoundKind {
    /// A fact that a mark could name: `45 ASEM members` is `members`.
    Fact(FactKey),
    /// A date written with its weekday: `Monday, 30 October 2007`.
    Weekday(Date),
}

/// How a recognised phrase compares with the data.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// It says what the data states (shown as a message shows the value).
    Agrees(String),
    /// It says something else: what it says, the value stated and where.
    Disagrees {
        said: String,
        value: Value,
        stated: Span,
    },
    /// The weekday written is not the date's: the weekday the date falls on.
    WrongWeekday { written: Weekday, actual: Weekday },
    /// The declaration states no data to compare it with.
    NotStated,
}

impl FoundFact {
    /// What the phrase was read as, as a key of a mark shows it: `members`, `next year`, or
    /// `weekday`.
    pub fn fact(&self) -> String {
        match &self.kind {
            FoundKind::Fact(key) => key.written(),
            FoundKind::Weekday(_) => "weekday".to_string(),
        }
    }

    pub fn agrees(&self) -> bool {
        matches!(self.verdict, Verdict::Agrees(_))
    }
}

/// The nouns a count of the whole membership is written with.
const MEMBER_NOUNS: &[&str] = &[
    "members",
    "economies",
    "countries",
    "governments",
    "states",
    "nations",
];

/// Words of a sentence about other meetings than this one.
const OTHER_MEETING_WORDS: &[&str] = &[
    "next",
    "will",
    "would",
    "shall",
    "previous",
    "past",
    "last",
    "preceding",
    "since",
    "upcoming",
    "forthcoming",
    "future",
    "earlier",
    "prior",
    "subsequent",
    "following",
    "after",
    "before",
];

/// Words of a sentence in Chinese about other meetings: `下届` (the next), `将` (will), `上届`
/// (the last), `此前` (before).
const OTHER_MEETING_CHINESE: &[&str] = &["下", "将", "上届", "前", "今后", "以后"];

/// The phrases after which a year is the next meeting's.
const NEXT_MEETING_PHRASES: &[&str] = &[
    "will be held",
    "would be held",
    "to be held",
    "meet again",
    "will meet",
    "will take place",
    "would take place",
    "will be hosted",
    "will be convened",
    "will convene",
];

/// Recognises the facts in the prose of every version, `prose[i]` being the passages of
/// version `i`, and compares each with its data.
pub fn recognise(analysis: &Analysis, prose: &[Vec<Passage>], source: &str) -> Vec<FoundFact> {
    // The passages are read each on its own, so those of a long text are read on all cores;
    // the facts come back in the order of the passages, whatever the cores.
    recognise_on(
        analysis,
        prose,
        source,
        crate::batch::threads_for(source.len()),
    )
}

/// [`recognise`] on up to `threads` cores.
fn recognise_on(
    analysis: &Analysis,
    prose: &[Vec<Passage>],
    source: &str,
    threads: usize,
) -> Vec<FoundFact> {
    let mut out = Vec::new();
    for (info, passages) in analysis.versions.iter().zip(prose) {
        let language = info.meta.language;
        let tongue = Tongue {
            language,
            translated: info.index > 0,
            year: analysis.series.this_year.map(|(year, _)| year),
        };
        let mut reader = Reader {
            analysis,
            index: info.index,
            tongue,
            series: info.meta.series.map(|s| s.value.to_ascii_lowercase()),
            forums: Vec::new(),
            others: analysis
                .document
                .meetings
                .iter()
                .filter_map(|m| m.series.as_ref().map(|s| s.value.to_ascii_lowercase()))
                .collect(),
        };
        reader.forums = reader.forum_names();
        // The title names the meeting's edition and year as the prose does ("the Second World
        // Summit for Social Development", "2014 APEC Small and Medium Enterprises Ministerial
        // Meeting"); a translation's title is its own.
        let title = match info.meta.own {
            Some(own) => own.title.as_ref(),
            None if info.index == 0 => info.meta.title,
            None => None,
        };
        if let Some(title) = title {
            let title = super::prose::field(title, source);
            let read = Read::new(&title);
            reader.editions(&read, &mut out);
            reader.title_year(&read, &mut out);
            reader.title_place(&read, &mut out);
        }
        crate::batch::in_chunks(
            passages,
            PASSAGES_READ_TOGETHER,
            threads,
            |chunk| {
                let mut found = Vec::new();
                for passage in chunk {
                    let read = Read::new(passage);
                    reader.counts(&read, &mut found);
                    reader.editions(&read, &mut found);
                    reader.next_years(&read, &mut found);
                    reader.weekdays(&read, &mut found);
                    reader.periodicities(&read, &mut found);
                }
                found
            },
            |_, found| out.extend(found),
        );
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    // The lines, counted in one pass over the source for all the phrases in order.
    let (mut line, mut at) = (1, 0);
    for found in &mut out {
        let start = (found.span.start as usize).min(source.len());
        line += source.as_bytes()[at.min(start)..start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        at = at.max(start);
        found.line = line;
    }
    out
}

/// How many passages one core reads at a time when a long text is read on all of them.
const PASSAGES_READ_TOGETHER: usize = 64;

/// A passage with what every reader of it needs: its text with ASCII letters in lower case
/// (searched for names and phrases, at the same byte offsets as the text) and its words.
struct Read<'p> {
    passage: &'p Passage,
    lower: String,
    words: Vec<Range<usize>>,
}

impl<'p> Read<'p> {
    fn new(passage: &'p Passage) -> Read<'p> {
        Read {
            passage,
            lower: passage.text.to_ascii_lowercase(),
            words: passage.words().collect(),
        }
    }
}

struct Reader<'r, 'a> {
    analysis: &'r Analysis<'a>,
    index: usize,
    tongue: Tongue<'r>,
    /// What every passage is searched for, worked out once: the version's series in lower
    /// case, the forum's names ([`Reader::forum_names`]) and the other series the declaration
    /// states meetings of, in lower case.
    series: Option<String>,
    forums: Vec<String>,
    others: Vec<String>,
}

/// Which day of the dates after it a weekday names.
#[derive(Clone, Copy)]
enum Day {
    First,
    Last,
}

/// The words that join two weekdays of a span or a list: "Saturday to Tuesday", "Saturday and
/// Sunday".
const WEEKDAY_JOINERS: &[&str] = &["to", "and", "through", "until", "till", "au", "et"];

/// The dashes that join two weekdays of a span: "Monday–Tuesday".
const DASHES: &[&str] = &["-", "\u{2013}", "\u{2014}"];

/// The offsets of `needle` in `text`, not overlapping, as `str::match_indices` gives them,
/// found with `memchr`'s search: the facts ask every passage about a dozen phrases, and the
/// standard library's searcher is set up anew for each (a 1 MB check counted 2.7 million
/// instructions more with it).
fn occurrences<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    // Only an empty needle is found between the bytes of a character.
    memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes())
        .filter(move |&at| text.is_char_boundary(at))
}

/// Whether `text` holds `needle`, as `str::contains` says.
fn holds(text: &str, needle: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some()
}

/// Whether a range of a passage overlaps a marked fact or lies in a quotation.
fn taken(passage: &Passage, range: &Range<usize>) -> bool {
    passage
        .facts
        .iter()
        .any(|(fact, _)| fact.start < range.end && range.start < fact.end)
        || passage.in_quote(range)
}

/// The sentence of a passage around a range: from the end of the sentence before to the end
/// of this one.
fn sentence(text: &str, range: &Range<usize>) -> Range<usize> {
    let ends = |c: char| matches!(c, '.' | ';' | '。' | '；' | '!' | '?');
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| ends(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|(_, c)| ends(*c))
        .map_or(text.len(), |(i, _)| range.end + i);
    start..end
}

/// Whether `text` holds `word` as a whole word, ignoring case.
fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case(word))
}

impl Reader<'_, '_> {
    /// Compares words with the data of `key`, as a marked fact is compared.
    fn verdict(&self, words: &str, key: &FactKey) -> Verdict {
        let Data::Stated {
            value,
            span,
            derived,
        } = self.analysis.fact(self.index, key)
        else {
            return Verdict::NotStated;
        };
        let registry = self.analysis.registry;
        match compare(words, &value, self.tongue, registry) {
            Reading::Agrees => Verdict::Agrees(value.show()),
            // Words that say what another fact gives agree with the text: the check of that
            // fact reports the disagreement.
            Reading::Disagrees(_)
                if derived.iter().any(|d| {
                    matches!(
                        compare(words, &d.value, self.tongue, registry),
                        Reading::Agrees
                    )
                }) =>
            {
                Verdict::Agrees(value.show())
            }
            Reading::Disagrees(said) => Verdict::Disagrees {
                said,
                value,
                stated: span,
            },
            Reading::Unreadable(_) | Reading::Unchecked => Verdict::NotStated,
        }
    }

    fn push(
        &self,
        passage: &Passage,
        range: Range<usize>,
        value: &str,
        kind: FoundKind,
        verdict: Verdict,
        out: &mut Vec<FoundFact>,
    ) {
        out.push(FoundFact {
            version: self.index,
            kind,
            words: passage.text[range.clone()].to_string(),
            value: value.to_string(),
            span: passage.span(range),
            line: 0,
            verdict,
        });
    }

    /// A fact found in the words at `range`, with its verdict against the data.
    fn push_fact(
        &self,
        passage: &Passage,
        range: Range<usize>,
        value: &str,
        key: FactKey,
        out: &mut Vec<FoundFact>,
    ) {
        let verdict = self.verdict(value, &key);
        self.push(passage, range, value, FoundKind::Fact(key), verdict, out);
    }

    /// The forum's name as the prose of this version may write it before a noun of members:
    /// the header's `forum` in the original, and in any version the start of its own series'
    /// name up to the forum's (`亚欧会议` of `亚欧会议中小企业部长级会议`).
    fn forum_names(&self) -> Vec<String> {
        let header = &self.analysis.document.header;
        let mut names: Vec<String> = header.forum.iter().map(|f| f.value.clone()).collect();
        // A series named after its forum's acronym: `ASEM SMEs Ministerial Meeting`.
        let series = self.analysis.versions[self.index].meta.series;
        let acronym = series
            .and_then(|s| s.value.split_whitespace().next())
            .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
        names.extend(acronym.map(str::to_string));
        names
    }

    /// Counts of the whole membership: `45 ASEM members`, `the 21 APEC economies`,
    /// `四十五个成员`.
    fn counts(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        if self.tongue.language.starts_with("zh") {
            return self.chinese_counts(read, out);
        }
        let text = &passage.text;
        let words = &read.words;
        let forums = &self.forums;
        let language = self.tongue.language;
        for (i, noun) in words.iter().enumerate() {
            if !MEMBER_NOUNS
                .iter()
                .any(|n| text[noun.clone()].eq_ignore_ascii_case(n))
            {
                continue;
            }
            // Between the number and the noun: nothing, the forum's name, or `member`.
            let mut at = i;
            while at > 0 && at + 2 > i {
                let before = &text[words[at - 1].clone()];
                let qualifier = before.eq_ignore_ascii_case("member")
                    || forums.iter().any(|f| f.eq_ignore_ascii_case(before));
                if !qualifier {
                    break;
                }
                at -= 1;
            }
            if at == 0 {
                continue;
            }
            let qualified = at < i;
            // The number: the longest run of words before that reads as one (`one hundred and
            // twenty`), joined by spaces and hyphens only. Its last word is a number itself
            // (`twenty`), so a word before the noun that is none ends the search at once.
            if read_count(&text[words[at - 1].clone()], language).is_none() {
                continue;
            }
            let mut number = None;
            for first in (at.saturating_sub(6)..at).rev() {
                let range = words[first].start..words[at - 1].end;
                let joined = text[range.clone()]
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-'));
                if !joined {
                    break;
                }
                if let Some(n) = read_count(&text[range.clone()], language) {
                    number = Some((first, range, n));
                }
            }
            let Some((first, range, n)) = number else {
                continue;
            };
            if !(2..1000).contains(&n) {
                continue;
            }
            // What comes before the number says whether it counts the whole membership: "our
            // three countries", "the 21 APEC economies", "from 45 ASEM members", or a sentence
            // that opens with the count and says who took part ("Twelve governments took
            // part"). "across 9 APEC economies", "the seventy-five countries" (a group among
            // the 120) and "from 14 economies" count a part, or say too little.
            let before = first
                .checked_sub(1)
                .map(|b| text[words[b].clone()].to_lowercase());
            let opens = sentence(text, &range).start == range.start
                || text[sentence(text, &range).start..range.start]
                    .trim()
                    .is_empty();
            let after = &text[noun.end..];
            let took_part = ["took part", "participated", "attended", "were represented"]
                .iter()
                .any(|v| after.trim_start().starts_with(v));
            let whole = match before.as_deref() {
                Some("our") => true,
                Some("the" | "all" | "from") => qualified,
                _ => opens && took_part,
            };
            if !whole {
                continue;
            }
            // "45 members of the Board", "the six States members of the Community", "the 20
            // economies that signed": the count of something else, or of a part.
            let next = words.get(i + 1).map(|a| text[a.clone()].to_lowercase());
            let gap = words.get(i + 1).map_or("", |a| &text[noun.end..a.start]);
            if gap.trim().is_empty()
                && next.as_deref().is_some_and(|a| {
                    [
                        "of",
                        "parties",
                        "party",
                        "members",
                        "represented",
                        "that",
                        "which",
                        "who",
                        "whose",
                        "having",
                        "with",
                        "where",
                        "in",
                    ]
                    .contains(&a)
                })
            {
                continue;
            }
            let phrase = range.start..noun.end;
            if taken(passage, &phrase) {
                continue;
            }
            let verdict = self.verdict(&text[range.clone()], &FactKey::Members);
            let value = &text[range];
            self.push(
                passage,
                phrase,
                value,
                FoundKind::Fact(FactKey::Members),
                verdict,
                out,
            );
        }
    }

    /// `45个亚欧会议成员`, `四十五个成员`: a number, `个`, perhaps the forum's name, then `成员`.
    fn chinese_counts(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        const NUMERALS: &str = "0123456789〇零一二两三四五六七八九十百";
        let text = &passage.text;
        let forums: Vec<String> = self.analysis.versions[self.index]
            .meta
            .series
            .map(|s| {
                // The series' name up to its first part after the forum's: the prefixes of the
                // name, longest first, that the text writes before `成员`.
                let chars: Vec<char> = s.value.chars().collect();
                (2..=chars.len().min(6))
                    .rev()
                    .map(|n| chars[..n].iter().collect())
                    .collect()
            })
            .unwrap_or_default();
        for at in occurrences(text, "成员") {
            // The count must name the forum (`45个亚欧会议成员`): `十个成员` alone may count
            // a part.
            let Some(forum) = forums.iter().find(|f| text[..at].ends_with(f.as_str())) else {
                continue;
            };
            let start = at - forum.len();
            let Some(before) = text[..start].strip_suffix('个') else {
                continue;
            };
            let digits = before
                .char_indices()
                .rev()
                .take_while(|(_, c)| NUMERALS.contains(*c))
                .last()
                .map(|(i, _)| i);
            let Some(first) = digits else {
                continue;
            };
            // "其中十个成员", "其他四十四个成员": a part of the membership.
            let preceding = &text[..first];
            if ["其中", "其他", "其余", "另", "中的", "之"]
                .iter()
                .any(|p| preceding.ends_with(p))
            {
                continue;
            }
            let number = &text[first..before.len()];
            let Some(n) = read_count(number, "zh") else {
                continue;
            };
            if n < 2 {
                continue;
            }
            let phrase = first..at + "成员".len();
            if taken(passage, &phrase) {
                continue;
            }
            let verdict = self.verdict(number, &FactKey::Members);
            self.push(
                passage,
                phrase,
                number,
                FoundKind::Fact(FactKey::Members),
                verdict,
                out,
            );
        }
    }

    /// The words of an ordinal directly before the series' name at `at` (`The First`,
    /// `The Sixth Meeting of the`, `第二届`), as a range of the text.
    fn ordinal_before(&self, text: &str, lower: &str, at: usize) -> Option<Range<usize>> {
        let before = &text[..at];
        Some(if self.tongue.language.starts_with("zh") {
            let rest = before.strip_suffix('届')?;
            if let Some(r) = rest.strip_suffix('首') {
                r.len()..at
            } else {
                let first = rest.rfind('第')?;
                first..at
            }
        } else {
            // `The Sixth Meeting of the ASEAN-Australia Forum` names the edition as
            // `The Sixth ASEAN-Australia Forum` does.
            let lower_before = &lower[..at];
            let before = ["meeting of the ", "session of the "]
                .iter()
                .find(|w| lower_before.ends_with(*w))
                .map_or(before, |w| &before[..before.len() - w.len()]);
            let trimmed = before.trim_end_matches(' ');
            if trimmed.len() == before.len() {
                return None;
            }
            let start = trimmed
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphanumeric() || *c == '-')
                .last()
                .map_or(trimmed.len(), |(i, _)| i);
            start..trimmed.len()
        })
    }

    /// An ordinal directly before the series' name: `The First ASEM SMEs Ministerial Meeting`,
    /// `第二届亚欧会议中小企业部长级会议`.
    fn editions(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        let Some(series) = self.analysis.versions[self.index].meta.series else {
            return;
        };
        let series = series.value.as_str();
        if series.is_empty() {
            return;
        }
        let text = &passage.text;
        let lower = &read.lower;
        let Some(needle) = self.series.as_deref() else {
            return;
        };
        for at in occurrences(lower, needle) {
            let Some(ordinal) = self.ordinal_before(text, lower, at) else {
                continue;
            };
            let words = &text[ordinal.clone()];
            // A Roman numeral alone is too often a letter or a pronoun ("I"), and a number
            // without its suffix is a year or a count ("2014 APEC ... Meeting").
            if words.is_empty()
                || words.chars().all(|c| "IVXLCDM".contains(c))
                || words.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            let Some(n) = read_ordinal(words, self.tongue.language) else {
                continue;
            };
            let phrase = ordinal.start..at + needle.len();
            if taken(passage, &phrase) {
                continue;
            }
            let this = FactKey::Meeting(MeetingFact::Edition);
            let mut verdict = self.verdict(words, &this);
            let mut kind = this;
            if !matches!(verdict, Verdict::Agrees(_)) {
                // Another edition than this meeting's: the next meeting's, or one of the record
                // ("30 years after the first World Summit"), which is no slip. Another one in a
                // sentence about other meetings may be one the record does not state; in a
                // sentence about no other meeting, it is this meeting's, misnumbered.
                let on_record = self
                    .analysis
                    .series
                    .record
                    .iter()
                    .find(|e| e.edition.is_some_and(|(edition, _)| edition == n));
                match on_record.map(|e| e.kind) {
                    Some(super::series::EntryKind::Next) => {
                        kind = FactKey::Next(MeetingFact::Edition);
                        verdict = self.verdict(words, &kind);
                    }
                    Some(_) => continue,
                    None => {
                        let around = &lower[sentence(text, &phrase)];
                        if OTHER_MEETING_WORDS.iter().any(|w| has_word(around, w))
                            || OTHER_MEETING_CHINESE.iter().any(|w| around.contains(w))
                        {
                            continue;
                        }
                    }
                }
            }
            self.push(passage, phrase, words, FoundKind::Fact(kind), verdict, out);
        }
    }

    /// How often the series meets, in a sentence that names the series and says it is held:
    /// `the ASEM SMEs Ministerial Meeting be held biennially`, `每两年召开一次亚欧会议中小企业部长级
    /// 会议`. A frequency of something else (`report annually`, `a track that will meet
    /// annually`) names no series; a least or greatest frequency (`at least once a year`) is for
    /// a mark to state.
    fn periodicities(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        let text = &passage.text;
        let lower = &read.lower;
        let Some(series) = self.series.as_deref().filter(|s| !s.is_empty()) else {
            return;
        };
        let mut phrases: Vec<Range<usize>> = Vec::new();
        if self.tongue.language.starts_with("zh") {
            for (at, _) in text.match_indices('每') {
                let Some(end) = text[at..].find('年').map(|e| at + e + '年'.len_utf8()) else {
                    continue;
                };
                if end - at <= 12 && read_periodicity(&text[at..end], "zh").is_some() {
                    phrases.push(at..end);
                }
            }
        } else {
            let words = &read.words;
            // The first words of the adverbs and `every ...`, which say how often something is
            // held; `annual` before a noun is what the noun is (`an annual report`).
            const FIRST: &[&str] = &[
                "annually",
                "yearly",
                "every",
                "each",
                "once",
                "biennially",
                "triennially",
            ];
            for (i, word) in words.iter().enumerate() {
                if !FIRST
                    .iter()
                    .any(|f| text[word.clone()].eq_ignore_ascii_case(f))
                {
                    continue;
                }
                // The longest run of up to four words from here that names a periodicity.
                let found = (i..(i + 4).min(words.len()))
                    .rev()
                    .map(|last| word.start..words[last].end)
                    .find(|range| {
                        read_periodicity(&text[range.clone()], self.tongue.language).is_some()
                    });
                let Some(range) = found else {
                    continue;
                };
                let before = lower[..range.start].trim_end();
                if ["least", "most", "than", "once"]
                    .iter()
                    .any(|w| before.ends_with(w))
                {
                    continue;
                }
                if phrases.last().is_some_and(|p| p.end >= range.end) {
                    continue;
                }
                phrases.push(range);
            }
        }
        for phrase in phrases {
            if !holds_series(lower, series, &phrase) || taken(passage, &phrase) {
                continue;
            }
            let key = FactKey::Meeting(MeetingFact::Periodicity);
            let words = &text[phrase.clone()];
            self.push_fact(passage, phrase.clone(), words, key, out);
        }
    }

    /// The meeting's year in its title, next to the forum's or the series' name: `2014 APEC
    /// Small and Medium Enterprises Ministerial Meeting`, `APEC 2016 LEADERS' DECLARATION`,
    /// `Declaration of 2018 World SME Conference`. A year elsewhere in a title is often
    /// another's (`the 2030 Agenda`) and is not read.
    fn title_year(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let title = read.passage;
        let text = &title.text;
        let lower = &read.lower;
        let series = &self.series;
        let forums = &self.forums;
        let words = &read.words;
        for (i, word) in words.iter().enumerate() {
            let year = &text[word.clone()];
            if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
                continue;
            }
            let is_forum = |w: Option<&Range<usize>>| {
                w.is_some_and(|w| {
                    forums
                        .iter()
                        .any(|f| f.eq_ignore_ascii_case(&text[w.clone()]))
                })
            };
            let before_series = series
                .as_deref()
                .is_some_and(|s| lower[word.end..].trim_start().starts_with(s));
            let beside_forum =
                is_forum(words.get(i + 1)) || is_forum(i.checked_sub(1).map(|b| &words[b]));
            if !(before_series || beside_forum) {
                continue;
            }
            let key = FactKey::Meeting(MeetingFact::Year);
            self.push_fact(title, word.clone(), year, key, out);
        }
    }

    /// The place a title names where declarations name theirs: `Malaysia Declaration ...`,
    /// `The Malaysia Joint Statement`, `Declaration of Malaysia`. The words are read only where
    /// the registry knows them as a state or country and the header's place names a country of
    /// the registry, so that the two can be compared (a city the registry does not know, such
    /// as `Beijing Declaration`, is left alone). A name that follows or precedes another
    /// (`Australia and Japan Joint Statement`, `Declaration of Japan and Korea`) names the
    /// parties, not the place, and is not read.
    fn title_place(&self, read: &Read, out: &mut Vec<FoundFact>) {
        if self.tongue.language.starts_with("zh") {
            return;
        }
        let title = read.passage;
        let text = &title.text;
        let lower = &read.lower;
        let key = FactKey::Meeting(MeetingFact::Place);
        let Data::Stated {
            value: Value::Place(place),
            ..
        } = self.analysis.fact(self.index, &key)
        else {
            return;
        };
        let registry = self.analysis.registry;
        if registry.country_of_place(&place, None).is_none() {
            return;
        }
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let mut candidates: Vec<Range<usize>> = Vec::new();
        // `<Name> Declaration`, `<Name> Joint Statement`: the name opens the title, perhaps
        // after `The`.
        for noun in ["declaration", "joint statement", "joint declaration"] {
            let Some(at) = lower.find(noun) else {
                continue;
            };
            let before = text[..at].trim_end();
            let start = usize::from(lower.starts_with("the ")) * "the ".len();
            if before.len() > start && text[start..before.len()].split(' ').all(capital) {
                candidates.push(start..before.len());
            }
        }
        // `Declaration of <Name>`, up to the end of the title or a word in lower case that
        // is not `and`.
        if let Some(at) = lower.find("declaration of ") {
            let start = at + "declaration of ".len();
            let mut end = start;
            let mut rest = text[start..].split(' ');
            let mut parties = false;
            for word in rest.by_ref() {
                let clean = word.trim_end_matches([',', ':', ';']);
                if !capital(clean) {
                    parties = word == "and" || word == "&";
                    break;
                }
                end += clean.len();
                if clean.len() != word.len() {
                    parties = word.ends_with(',');
                    break;
                }
                end += 1;
            }
            let end = text[..end.min(text.len())].trim_end().len();
            if end > start && !parties {
                candidates.push(start..end);
            }
        }
        for range in candidates {
            let words = &text[range.clone()];
            let known = registry
                .lookup(words)
                .is_some_and(|f| f.entity.kind != crate::registry::Kind::Organisation);
            if !known || taken(title, &range) {
                continue;
            }
            self.push_fact(title, range, words, key.clone(), out);
        }
    }

    /// The next meeting's year after the words that announce it: `will be held in Europe in
    /// 2009`, `agreed to meet again in Canberra in 1990`.
    fn next_years(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        if self.tongue.language.starts_with("zh") {
            return self.chinese_next_years(read, out);
        }
        let text = &passage.text;
        let lower = &read.lower;
        let (series, others) = (&self.series, &self.others);
        // Every phrase says `held`, `meet`, `place` or `conven...`.
        if !["held", "meet", "place", "conven"]
            .iter()
            .any(|w| holds(lower, w))
        {
            return;
        }
        for phrase in NEXT_MEETING_PHRASES {
            for at in occurrences(lower, phrase) {
                let around = sentence(text, &(at..at + phrase.len()));
                // The sentence must be about this series' next meeting: it says `next`, names
                // the series, or says the participants meet again; and it names no other
                // series the declaration states a meeting of.
                let words = &lower[around.clone()];
                let ours = has_word(words, "next")
                    || phrase.starts_with("meet again")
                    || series.as_deref().is_some_and(|s| words.contains(s));
                if !ours
                    || others.iter().any(|o| words.contains(o.as_str()))
                    || self.names_another_edition(text, lower, &around)
                {
                    continue;
                }
                let rest = at + phrase.len()..around.end;
                self.next_place(passage, rest.clone(), out);
                // The first year of the rest of the sentence, after `in`.
                let year = passage.words().find(|w| {
                    w.start >= rest.start
                        && w.end <= rest.end
                        && text[w.clone()].len() == 4
                        && text[w.clone()].bytes().all(|b| b.is_ascii_digit())
                });
                let Some(year) = year else {
                    continue;
                };
                if !lower[..year.start].trim_end().ends_with(" in") || taken(passage, &year) {
                    continue;
                }
                let key = FactKey::Next(MeetingFact::Year);
                let verdict = self.verdict(&text[year.clone()], &key);
                if out.iter().any(|f| f.span == passage.span(year.clone())) {
                    continue;
                }
                let value = &text[year.clone()];
                self.push(
                    passage,
                    year.clone(),
                    value,
                    FoundKind::Fact(key),
                    verdict,
                    out,
                );
            }
        }
    }

    /// Whether a sentence gives the series an edition other than the next meeting's: "the
    /// 53rd ASEAN Economic Ministers' Meeting will be held in Malaysia in 2021", when the next
    /// is the 52nd, announces a later meeting the record does not state, not the next one.
    fn names_another_edition(&self, text: &str, lower: &str, around: &Range<usize>) -> bool {
        let record = &self.analysis.series.record;
        let edition = |kind| {
            record
                .iter()
                .find(|e| e.kind == kind)
                .and_then(|e| e.edition)
                .map(|(n, _)| n)
        };
        let Some(next) = edition(super::series::EntryKind::Next)
            .or_else(|| edition(super::series::EntryKind::This).map(|n| n + 1))
        else {
            return false;
        };
        let Some(needle) = self.series.as_deref().filter(|s| !s.is_empty()) else {
            return false;
        };
        occurrences(&lower[around.clone()], needle).any(|i| {
            self.ordinal_before(text, lower, around.start + i)
                .and_then(|words| read_ordinal(&text[words], self.tongue.language))
                .is_some_and(|n| n != next)
        })
    }

    /// `下届会议将于2009年...`: a year after `将于` (will be held in) in a sentence about the
    /// next meeting (`下届`, `下一届`, `下次`) or this series.
    fn chinese_next_years(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        let text = &passage.text;
        let series = self.analysis.versions[self.index].meta.series;
        for at in occurrences(text, "将于") {
            let start = at + "将于".len();
            let digits = text[start..].bytes().take_while(u8::is_ascii_digit).count();
            if digits != 4 || !text[start + 4..].starts_with('年') {
                continue;
            }
            let year = start..start + 4;
            let around = &text[sentence(text, &year)];
            let ours = ["下届", "下一届", "下次"]
                .iter()
                .any(|w| around.contains(w))
                || series.is_some_and(|s| around.contains(s.value.as_str()));
            if !ours {
                continue;
            }
            self.chinese_next_place(passage, start + "2009年".len(), out);
            if taken(passage, &year) {
                continue;
            }
            let key = FactKey::Next(MeetingFact::Year);
            let value = &text[year.clone()];
            self.push_fact(passage, year.clone(), value, key, out);
        }
    }

    /// The next meeting's place or host in Chinese, at `from` after its year: `在欧洲举行`
    /// (held in Europe), `由欧洲成员举办` (hosted by European members). The words between `在`
    /// or `由` and the verb are read only where they name a member of the registry or a group
    /// of the annex, as in English.
    fn chinese_next_place(&self, passage: &Passage, from: usize, out: &mut Vec<FoundFact>) {
        const VERBS: &[&str] = &["举行", "召开", "举办", "主办", "舉行", "舉辦"];
        let text = &passage.text;
        let rest = &text[from..];
        let Some(after) = rest.strip_prefix('在').or_else(|| rest.strip_prefix('由')) else {
            return;
        };
        let start = from + (rest.len() - after.len());
        let Some(end) = VERBS
            .iter()
            .filter_map(|v| after.find(v))
            .min()
            .map(|e| start + e)
        else {
            return;
        };
        // `由欧洲成员举办`: hosted by the members of Europe, which names the group.
        let words = text[start..end]
            .strip_suffix("成员")
            .unwrap_or(&text[start..end]);
        let range = start..start + words.len();
        // A place is a few characters: `欧洲`, `马来西亚`, `布鲁塞尔`; a longer run says more.
        if words.is_empty() || words.chars().count() > 8 || taken(passage, &range) {
            return;
        }
        let group = self.analysis.annex_of(0).is_some_and(|a| {
            a.groups.iter().any(|g| {
                let name = &g.group.name.value;
                super::series::same_name(name, words)
                    || crate::analysis::reading::GROUP_NAMES
                        .iter()
                        .any(|(_, english, chinese)| *chinese == words && english == name)
            })
        });
        if self.analysis.registry.lookup(words).is_none() && !group {
            return;
        }
        self.push_next_place(passage, range, out);
    }

    /// The next meeting's place after the words that announce it, where the words name a member
    /// of the registry or a group of the annex: `will be held in Europe`, `meet again in
    /// Malaysia`. They agree with the next meeting's place or its host; a city is not read,
    /// since the text may name the city of a host the block states as a country.
    fn next_place(&self, passage: &Passage, rest: Range<usize>, out: &mut Vec<FoundFact>) {
        let text = &passage.text;
        let Some(after) = text[rest.clone()].strip_prefix(" in ") else {
            return;
        };
        let start = rest.start + " in ".len();
        // Capitalised words, perhaps after `the`, up to a comma, a year or `in`/`on`.
        let mut end = start;
        let mut at = start;
        for word in after.split(' ') {
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if !(capital || (end == start && word == "the")) {
                break;
            }
            let clean = word.trim_end_matches([',', '.', ';']);
            end = at + clean.len();
            if clean.len() != word.len() {
                break;
            }
            at += word.len() + 1;
        }
        let words = text[start..end].trim_end();
        let range = start..start + words.len();
        if words.is_empty() || taken(passage, &range) {
            return;
        }
        let registry = self.analysis.registry;
        let group = self.analysis.annex_of(0).is_some_and(|a| {
            a.groups
                .iter()
                .any(|g| super::series::same_name(&g.group.name.value, words))
        });
        if registry.lookup(words).is_none() && !group {
            return;
        }
        self.push_next_place(passage, range, out);
    }

    /// Words at `range` that name the next meeting's place or its host, compared with
    /// whichever they agree with (with the host when they agree with neither and it is
    /// stated).
    fn push_next_place(&self, passage: &Passage, range: Range<usize>, out: &mut Vec<FoundFact>) {
        let words = &passage.text[range.clone()];
        let place = FactKey::Next(MeetingFact::Place);
        let host = FactKey::Next(MeetingFact::Host);
        let by_place = self.verdict(words, &place);
        let by_host = self.verdict(words, &host);
        let (key, verdict) = match (by_place, by_host) {
            (v @ Verdict::Agrees(_), _) => (place, v),
            (_, v @ Verdict::Agrees(_)) => (host, v),
            (_, v @ Verdict::Disagrees { .. }) => (host, v),
            (v, _) => (place, v),
        };
        self.push(passage, range, words, FoundKind::Fact(key), verdict, out);
    }

    /// Dates written with their weekday: `Monday, 30 October 2007`. The weekday is checked
    /// against the date; a date without its year is read in the year of the meeting when it
    /// falls within a fortnight of it.
    fn weekdays(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        let text = &passage.text;
        let words = &read.words;
        for (i, word) in words.iter().enumerate() {
            let Some(written) = weekday(&text[word.clone()], self.tongue.language) else {
                continue;
            };
            if taken(passage, word) {
                continue;
            }
            // The longest run of the next words that reads as dates, ending on a number or a
            // month (not on `and` or `to`, which dates may also be written with), and holding
            // no other weekday.
            let mut found = None;
            for last in i + 1..(i + 8).min(words.len()) {
                let end = &text[words[last].clone()];
                // Another weekday begins another date: `Tuesday, 30 October and Friday 2
                // November`.
                if weekday(end, self.tongue.language).is_some() {
                    break;
                }
                let dated = end.contains(|c: char| c.is_numeric())
                    || read_dates(&format!("1 {end}"), self.tongue.language).is_some();
                if !dated {
                    continue;
                }
                let range = words[i + 1].start..words[last].end;
                if let Some(dates) = read_dates(&text[range.clone()], self.tongue.language) {
                    found = Some((range, dates));
                }
            }
            let Some((range, dates)) = found else {
                continue;
            };
            // A weekday after another, joined by `to`, `and` or a dash, ends a span or a list
            // of days ("Saturday to Tuesday, 7-10 September", "Saturday and Sunday, 7 and 8
            // September", "Monday–Tuesday, 9–10 September"): it is the last day's, and the
            // weekday before it the first day's.
            let before = |j: usize| text[words[j].end..words[j + 1].start].trim();
            let first = match i {
                _ if i >= 1 && DASHES.contains(&before(i - 1)) => Some(i - 1),
                _ if i >= 2
                    && before(i - 1).is_empty()
                    && before(i - 2).is_empty()
                    && WEEKDAY_JOINERS
                        .contains(&text[words[i - 1].clone()].to_lowercase().as_str()) =>
                {
                    Some(i - 2)
                }
                _ => None,
            }
            .and_then(|j| Some((j, weekday(&text[words[j].clone()], self.tongue.language)?)));
            if let Some((j, first_written)) = first {
                let start = words[j].start..range.end;
                self.push_weekday(passage, start, first_written, dates, Day::First, out);
                self.push_weekday(
                    passage,
                    word.start..range.end,
                    written,
                    dates,
                    Day::Last,
                    out,
                );
                continue;
            }
            self.push_weekday(
                passage,
                word.start..range.end,
                written,
                dates,
                Day::First,
                out,
            );
        }
        self.chinese_weekdays(read, out);
    }

    /// A date written with its weekday, at `range`: the weekday is compared with the first
    /// day's, or with the last day's for the weekday that ends a span of weekdays. A day
    /// without its year is read in the year of the meeting when it falls within a fortnight
    /// of it, and is not read otherwise.
    fn push_weekday(
        &self,
        passage: &Passage,
        range: Range<usize>,
        written: Weekday,
        dates: WrittenDates,
        day: Day,
        out: &mut Vec<FoundFact>,
    ) {
        let start = match day {
            Day::First => dates.start,
            Day::Last => dates.end,
        };
        let date = match start.year {
            Some(year) => Date::new(year, start.month, start.day).ok(),
            None => self.analysis.document.header.dates.as_ref().and_then(|d| {
                let date = Date::new(d.value.start.year(), start.month, start.day).ok()?;
                let near = date >= d.value.start.checked_sub(jiff::Span::new().days(14)).ok()?
                    && date <= d.value.end.checked_add(jiff::Span::new().days(14)).ok()?;
                near.then_some(date)
            }),
        };
        let Some(date) = date else {
            return;
        };
        let actual = date.weekday();
        let verdict = if actual == written {
            Verdict::Agrees(date.to_string())
        } else {
            Verdict::WrongWeekday { written, actual }
        };
        let words = passage.text[range.clone()].to_string();
        self.push(
            passage,
            range.clone(),
            &words,
            FoundKind::Weekday(date),
            verdict,
            out,
        );
        // A day written with the wrong weekday is reported as such: whether the day or the
        // weekday is the slip, one diagnostic says the words are wrong.
        if dates.start == dates.end && self.about_this_meeting(passage, &range, out) {
            self.push_meeting_day(passage, range, date, actual == written, out);
        }
    }

    /// A day of the meeting, written with its weekday in a sentence about the meeting: it must
    /// be one of the meeting's days (`The First ASEM SMEs Ministerial Meeting was held in
    /// Beijing on Tuesday, 30 October 2007` for `dates: 2007-10-30 to 2007-10-31`).
    fn push_meeting_day(
        &self,
        passage: &Passage,
        range: Range<usize>,
        date: Date,
        weekday_right: bool,
        out: &mut Vec<FoundFact>,
    ) {
        let key = FactKey::Meeting(MeetingFact::Dates);
        let Data::Stated {
            value: value @ Value::Dates(dates),
            span,
            ..
        } = self.analysis.fact(self.index, &key)
        else {
            return;
        };
        let within = (dates.start..=dates.end).contains(&date);
        if !within && !weekday_right {
            return;
        }
        let verdict = if within {
            Verdict::Agrees(value.show())
        } else {
            Verdict::Disagrees {
                said: Value::Dates(crate::ast::DateRange {
                    start: date,
                    end: date,
                })
                .show(),
                value,
                stated: span,
            }
        };
        let words = passage.text[range.clone()].to_string();
        self.push(passage, range, &words, FoundKind::Fact(key), verdict, out);
    }

    /// Whether the sentence around `range` is plainly about this meeting: it names this
    /// version's series and says it was held (`was held`, `met`, `召开`, `举行`), names no
    /// other series the declaration states a meeting of, says nothing of other meetings
    /// (`next`, `previous`, `下届` ...), and gives the series no edition or year but this
    /// meeting's (`the Second ... Meeting was held on ...` recalls another meeting).
    fn about_this_meeting(
        &self,
        passage: &Passage,
        range: &Range<usize>,
        out: &[FoundFact],
    ) -> bool {
        let Some(series) = self.series.as_deref().filter(|s| !s.is_empty()) else {
            return false;
        };
        let text = &passage.text;
        let around = sentence(text, range);
        let lower = text[around.clone()].to_ascii_lowercase();
        const HELD: &[&str] = &[
            "was held",
            "were held",
            "is held",
            "is being held",
            "was convened",
            "convened",
            "met ",
            "took place",
            "召开",
            "举行",
            "举办",
            "舉行",
        ];
        if !HELD.iter().any(|h| holds(&lower, h))
            || self.others.iter().any(|o| holds(&lower, o))
            || OTHER_MEETING_WORDS.iter().any(|w| has_word(&lower, w))
            || OTHER_MEETING_CHINESE.iter().any(|w| holds(&lower, w))
        {
            return false;
        }
        let mut named = false;
        for at in occurrences(&lower, series) {
            named = true;
            let at = around.start + at;
            let end = passage.span(at..at + series.len()).end;
            // An edition recognised before the name that is this meeting's.
            let ours = out.iter().any(|f| {
                f.kind == FoundKind::Fact(FactKey::Meeting(MeetingFact::Edition))
                    && f.agrees()
                    && f.span.end == end
            });
            if ours {
                continue;
            }
            // Otherwise no ordinal or number may stand before the name.
            let before = text[around.start..at].trim_end();
            let last = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            let numbered = before.ends_with(['届', '次'])
                || last.chars().any(|c| c.is_ascii_digit())
                || read_ordinal(last, self.tongue.language).is_some();
            if numbered {
                return false;
            }
        }
        named
    }

    /// Dates with their weekday in Chinese: `2007年10月30日（星期二）`, `10月30日(周二)`,
    /// `星期二，10月30日`. The date stands directly before the weekday (perhaps with a bracket
    /// between) or directly after it (perhaps with a comma between).
    fn chinese_weekdays(&self, read: &Read, out: &mut Vec<FoundFact>) {
        let passage = read.passage;
        let text = &passage.text;
        if !text.contains(['期', '周', '拜']) {
            return;
        }
        for (at, name) in chinese_weekday_names(text) {
            let weekday_range = at..at + name.len();
            let Some(written) = chinese_weekday(name) else {
                continue;
            };
            if taken(passage, &weekday_range) {
                continue;
            }
            // Before: `2007年10月30日（星期二）`, `30日星期二`.
            let mut before = at;
            let opening = text[..before].ends_with(['（', '(']);
            if opening {
                before -= text[..before].chars().next_back().map_or(0, char::len_utf8);
            }
            let run = text[..before]
                .char_indices()
                .rev()
                .take_while(|(_, c)| is_chinese_date_char(*c))
                .last()
                .map(|(i, _)| i);
            // The longest run that ends there and reads as dates, ending with `日` or `号`.
            let earlier = run.and_then(|first| {
                text[first..before]
                    .char_indices()
                    .map(|(i, _)| first + i)
                    .find_map(|s| {
                        let words = &text[s..before];
                        let dated = words.ends_with(['日', '号', '號']);
                        dated
                            .then(|| read_dates(words, "zh"))
                            .flatten()
                            .map(|d| (s, d))
                    })
            });
            if let Some((first, dates)) = earlier {
                // The bracket closes after the weekday, or the words are not one phrase.
                let mut end = weekday_range.end;
                if opening {
                    match text[end..].chars().next() {
                        Some(c @ ('）' | ')')) => end += c.len_utf8(),
                        _ => continue,
                    }
                }
                if taken(passage, &(first..before)) {
                    continue;
                }
                self.push_weekday(passage, first..end, written, dates, Day::First, out);
                continue;
            }
            // After: `星期二，2007年10月30日`.
            let rest = &text[weekday_range.end..];
            let gap = rest.len() - rest.trim_start_matches(['，', ',', ' ', '、']).len();
            let from = weekday_range.end + gap;
            let run_end = text[from..]
                .char_indices()
                .find(|(_, c)| !is_chinese_date_char(*c))
                .map_or(text.len(), |(i, _)| from + i);
            let later = text[from..run_end]
                .char_indices()
                .map(|(i, c)| from + i + c.len_utf8())
                .filter(|e| text[from..*e].ends_with(['日', '号', '號']))
                .rev()
                .find_map(|e| read_dates(&text[from..e], "zh").map(|d| (e, d)));
            if let Some((end, dates)) = later {
                if taken(passage, &(from..end)) {
                    continue;
                }
                self.push_weekday(passage, at..end, written, dates, Day::First, out);
            }
        }
    }
}

/// Whether the words of periodicity at `phrase` say how often the series is held: directly
/// after the series and the verb (`the ASEM SMEs Ministerial Meeting be held biennially`),
/// directly after `hold the` and the series (`hold the ... Meeting every two years`), or, in
/// Chinese, directly before the verb and the series (`每两年召开一次亚欧会议...`).
fn holds_series(lower: &str, series: &str, phrase: &Range<usize>) -> bool {
    const AFTER: &[&str] = &[
        " be held ",
        " is held ",
        " will be held ",
        " shall be held ",
        " should be held ",
        " would be held ",
        " be convened ",
        " is convened ",
        " will be convened ",
        " meets ",
        " will meet ",
        " shall meet ",
        " ",
    ];
    let before = &lower[..phrase.start];
    let after_verb = AFTER.iter().any(|verb| {
        before.strip_suffix(verb).is_some_and(|b| {
            b.ends_with(series)
                && (*verb != " " || {
                    let b = &b[..b.len() - series.len()];
                    b.ends_with("hold the ") || b.ends_with("convene the ")
                })
        })
    });
    let chinese = ["召开一次", "举办一次", "举行一次", "召开", "举办", "举行"]
        .iter()
        .any(|verb| lower[phrase.end..].starts_with(&format!("{verb}{series}")));
    let chinese_after = lower[..phrase.start]
        .trim_end_matches(['，', ','])
        .ends_with(series);
    after_verb || chinese || chinese_after && lower[phrase.end..].starts_with(['召', '举'])
}

/// The characters a date in Chinese is written with: digits, Chinese numerals, `年`, `月`,
/// `日`, `号` and the marks of a range.
fn is_chinese_date_char(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十年月日号號至到~～-–—".contains(c)
}

/// The weekdays written in Chinese in `text`: `星期二`, `周二`, `礼拜二` (and `星期日`,
/// `星期天`), with their offsets.
fn chinese_weekday_names(text: &str) -> Vec<(usize, &str)> {
    let mut names = Vec::new();
    for prefix in ["星期", "周", "礼拜", "禮拜", "週"] {
        for at in occurrences(text, prefix) {
            let after = at + prefix.len();
            // `星期` contains no `周`, so no weekday is found twice.
            if let Some(c) = text[after..].chars().next() {
                let name = &text[at..after + c.len_utf8()];
                if chinese_weekday(name).is_some() {
                    names.push((at, name));
                }
            }
        }
    }
    names
}

/// The weekday a Chinese name says: `星期二`, `周二`, `礼拜天`.
fn chinese_weekday(name: &str) -> Option<Weekday> {
    let day = name.chars().last()?;
    let prefix = &name[..name.len() - day.len_utf8()];
    if !["星期", "周", "礼拜", "禮拜", "週"].contains(&prefix) {
        return None;
    }
    Some(match day {
        '一' => Weekday::Monday,
        '二' => Weekday::Tuesday,
        '三' => Weekday::Wednesday,
        '四' => Weekday::Thursday,
        '五' => Weekday::Friday,
        '六' => Weekday::Saturday,
        '日' => Weekday::Sunday,
        // `周天` is not written; `星期天` and `礼拜天` are.
        '天' if prefix != "周" && prefix != "週" => Weekday::Sunday,
        _ => return None,
    })
}

/// The weekday a word names: in English or French in every version, and in German, Dutch or
/// Spanish in a version in that language (where `Domingo` or `Martes` in another language may
/// be a name).
fn weekday(word: &str, language: &str) -> Option<Weekday> {
    // The names are five to ten bytes long.
    if !(5..=10).contains(&word.len()) {
        return None;
    }
    const DAYS: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];
    const EVERYWHERE: [&[&str]; 7] = [
        &["monday", "lundi"],
        &["tuesday", "mardi"],
        &["wednesday", "mercredi"],
        &["thursday", "jeudi"],
        &["friday", "vendredi"],
        &["saturday", "samedi"],
        &["sunday", "dimanche"],
    ];
    const GERMAN: [&[&str]; 7] = [
        &["montag"],
        &["dienstag"],
        &["mittwoch"],
        &["donnerstag"],
        &["freitag"],
        &["samstag", "sonnabend"],
        &["sonntag"],
    ];
    const DUTCH: [&[&str]; 7] = [
        &["maandag"],
        &["dinsdag"],
        &["woensdag"],
        &["donderdag"],
        &["vrijdag"],
        &["zaterdag"],
        &["zondag"],
    ];
    const SPANISH: [&[&str]; 7] = [
        &["lunes"],
        &["martes"],
        &["miércoles", "miercoles"],
        &["jueves"],
        &["viernes"],
        &["sábado", "sabado"],
        &["domingo"],
    ];
    let own = match language.split('-').next() {
        Some("de") => Some(&GERMAN),
        Some("nl") => Some(&DUTCH),
        Some("es") => Some(&SPANISH),
        _ => None,
    };
    let find = |table: &[&[&str]; 7]| {
        table
            .iter()
            .position(|names| names.iter().any(|n| n.eq_ignore_ascii_case(word)))
    };
    let day = find(&EVERYWHERE).or_else(|| own.and_then(find))?;
    Some(DAYS[day])
}

/// A weekday's name in English, for messages.
pub fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use crate::registry::Registry;
    use crate::source::Source;

    #[test]
    fn occurrences_are_what_match_indices_finds() {
        let text = "aaaa 成员成员 将于 held, was held";
        for needle in ["aa", "成员", "held", "", "员", "x"] {
            let expected: Vec<usize> = text.match_indices(needle).map(|(at, _)| at).collect();
            let found: Vec<usize> = super::occurrences(text, needle).collect();
            assert_eq!(found, expected, "{needle:?}");
            assert_eq!(
                super::holds(text, needle),
                text.contains(needle),
                "{needle:?}"
            );
        }
    }

    /// The phrases recognised in a declaration, with whether each agrees.
    fn found(text: &str) -> Vec<(String, String, bool)> {
        let source = Source::new("test.decl", text.to_string());
        let parsed = crate::syntax::parse(&source);
        let mut analysis = crate::analysis::analyze(&parsed.document, Registry::builtin());
        analysis.recognise_facts(source.text());
        analysis
            .found
            .iter()
            .map(|f| (f.words.clone(), f.fact(), f.agrees()))
            .collect()
    }

    const HEADER: &str = "title: Final Act\nseries: ASEM SMEs Ministerial Meeting\nforum: ASEM\nedition: fifth\ndates: 2007-10-30 to 2007-10-31\nperiodicity: biennial\n\npast meeting:\nedition: first\nyear: 1999\n\n";

    const ANNEX: &str = "\n\nannex: List of Members (3)\n- China\n- Japan\n- Germany\n";

    #[test]
    fn reading_the_passages_on_all_cores_finds_what_reading_them_in_turn_finds() {
        let mut text = HEADER.to_string();
        let mut number = 1;
        while text.len() < 2 * crate::batch::PARALLEL_FROM {
            text.push_str(&format!(
                "{number}. Representatives from 3 ASEM members met on Tuesday, 30 October 2007, the fifth meeting, held every two years; the next will be held in 2009.\n\n"
            ));
            number += 1;
        }
        text.push_str(ANNEX);
        let source = Source::new("test.decl", text);
        let parsed = crate::syntax::parse(&source);
        let analysis = crate::analysis::analyze(&parsed.document, Registry::builtin());
        let prose: Vec<_> = parsed
            .document
            .versions
            .iter()
            .map(|version| super::super::prose::passages(version, source.text()))
            .collect();
        let in_turn = super::recognise_on(&analysis, &prose, source.text(), 1);
        let on_all_cores = super::recognise_on(&analysis, &prose, source.text(), 4);
        assert!(in_turn.len() > 2 * number, "{} facts", in_turn.len());
        assert_eq!(format!("{in_turn:?}"), format!("{on_all_cores:?}"));
    }

    #[test]
    fn a_count_of_the_whole_membership_is_read_and_a_part_is_not() {
        let text = format!(
            "{HEADER}1. Representatives from 3 ASEM members met. The following one hundred and twenty States, nine of them represented by observers, the two ASEAN members and the other 2 members, and across 2 ASEM members.{ANNEX}"
        );
        assert_eq!(
            found(&text),
            [("3 ASEM members".to_string(), "members".to_string(), true)]
        );
        let text = format!("{HEADER}1. Our two countries met.{ANNEX}");
        assert_eq!(
            found(&text),
            [("two countries".to_string(), "members".to_string(), false)]
        );
    }

    #[test]
    fn an_edition_of_a_past_meeting_or_of_a_sentence_about_others_is_not_read() {
        let text = format!(
            "{HEADER}1. The Fifth ASEM SMEs Ministerial Meeting met, eight years after the first ASEM SMEs Ministerial Meeting. The Ninth ASEM SMEs Ministerial Meeting will follow.{ANNEX}"
        );
        assert_eq!(
            found(&text),
            [(
                "Fifth ASEM SMEs Ministerial Meeting".to_string(),
                "edition".to_string(),
                true
            )]
        );
    }

    #[test]
    fn a_weekday_is_checked_against_its_date() {
        let text = format!(
            "{HEADER}1. Ministers met on Tuesday, 30 October 2007 and on Friday 31 October, and Monday was a holiday.{ANNEX}"
        );
        assert_eq!(
            found(&text),
            [
                (
                    "Tuesday, 30 October 2007".to_string(),
                    "weekday".to_string(),
                    true
                ),
                (
                    "Friday 31 October".to_string(),
                    "weekday".to_string(),
                    false
                ),
            ]
        );
    }

    #[test]
    fn the_weekdays_of_a_span_of_days_are_its_first_and_last_days() {
        let text = format!(
            "{HEADER}1. Officials met from Sunday to Monday, 28-29 October 2007, on Tuesday and Friday, 30 and 31 October 2007, and on Tuesday–Wednesday, 30–31 October 2007.{ANNEX}"
        );
        let verdicts: Vec<(String, bool)> = found(&text)
            .into_iter()
            .map(|(words, _, agrees)| (words, agrees))
            .collect();
        assert_eq!(
            verdicts,
            [
                ("Sunday to Monday, 28-29 October 2007".to_string(), true),
                ("Monday, 28-29 October 2007".to_string(), true),
                (
                    "Tuesday and Friday, 30 and 31 October 2007".to_string(),
                    true
                ),
                // 31 October 2007 is a Wednesday.
                ("Friday, 30 and 31 October 2007".to_string(), false),
                ("Tuesday–Wednesday, 30–31 October 2007".to_string(), true),
                ("Wednesday, 30–31 October 2007".to_string(), true),
            ]
        );
    }

    /// A declaration whose Chinese version holds `zh`, with the header, the next meeting's
    /// host (Europe) and the annex of [`HEADER`] and [`ANNEX`].
    fn with_chinese(english: &str, zh: &str) -> String {
        let header = HEADER.replace("periodicity: biennial\n", "periodicity: biennial\nlanguages: en, zh\n\nnext meeting:\nedition: sixth\nhost: Europe\nyear: 2009\n");
        let annex = "\n\nannex: List of Members (3)\n\ngroup: Asia (2)\n- China\n- Japan\n\ngroup: Europe (1)\n- Germany\n";
        format!("{header}{english}{annex}\nversion: zh\ntitle: 宣言\nseries: 亚欧会议中小企业部长级会议\n\n{zh}\n")
    }

    #[test]
    fn a_weekday_in_chinese_is_checked_against_its_date() {
        let text = with_chinese(
            "1. Ministers met.",
            "1、部长们于2007年10月30日（星期二）抵达，10月31日(周四)离开，星期三，2007年10月31日参观了展览，每周一次开会。",
        );
        let weekdays: Vec<(String, bool)> = found(&text)
            .into_iter()
            .filter(|(_, fact, _)| fact == "weekday")
            .map(|(words, _, agrees)| (words, agrees))
            .collect();
        assert_eq!(
            weekdays,
            [
                ("2007年10月30日（星期二）".to_string(), true),
                ("10月31日(周四)".to_string(), false),
                ("星期三，2007年10月31日".to_string(), true),
            ]
        );
    }

    #[test]
    fn weekdays_in_german_dutch_and_spanish_are_read_in_their_own_versions() {
        assert_eq!(
            super::weekday("Dienstag", "de"),
            Some(super::Weekday::Tuesday)
        );
        assert_eq!(super::weekday("zondag", "nl"), Some(super::Weekday::Sunday));
        assert_eq!(
            super::weekday("miércoles", "es"),
            Some(super::Weekday::Wednesday)
        );
        assert_eq!(super::weekday("mardi", "en"), Some(super::Weekday::Tuesday));
        // `Domingo` in an English text is a name.
        assert_eq!(super::weekday("Domingo", "en"), None);
        assert_eq!(
            super::chinese_weekday("星期天"),
            Some(super::Weekday::Sunday)
        );
        assert_eq!(super::chinese_weekday("周天"), None);
    }

    #[test]
    fn the_next_meetings_host_in_chinese_is_read_where_it_names_a_member_or_group() {
        let text = with_chinese(
            "1. Ministers met.",
            "1、下届会议将于2009年在欧洲举行。2、第六届亚欧会议中小企业部长级会议将于2009年由日本举办。3、下届会议将于2009年在布鲁塞尔召开。4、部长们明确第六届亚欧会议中小企业部长级会议将于2009年由欧洲成员举办。",
        );
        let hosts: Vec<(String, bool)> = found(&text)
            .into_iter()
            .filter(|(_, fact, _)| fact == "next host")
            .map(|(words, _, agrees)| (words, agrees))
            .collect();
        assert_eq!(
            hosts,
            [
                ("欧洲".to_string(), true),
                ("日本".to_string(), false),
                ("欧洲".to_string(), true)
            ]
        );
    }

    #[test]
    fn a_day_with_its_weekday_in_a_sentence_about_this_meeting_is_one_of_its_days() {
        let text = format!(
            "{HEADER}1. The Fifth ASEM SMEs Ministerial Meeting was held on Monday, 5 November 2007. The ASEM SMEs Ministerial Meeting was held on Tuesday, 30 October 2007. The Ninth ASEM SMEs Ministerial Meeting was held on Friday, 2 November 2007. The working group met on Friday, 2 November 2007.{ANNEX}"
        );
        let dates: Vec<(String, bool)> = found(&text)
            .into_iter()
            .filter(|(_, fact, _)| fact == "dates")
            .map(|(words, _, agrees)| (words, agrees))
            .collect();
        assert_eq!(
            dates,
            [
                ("Monday, 5 November 2007".to_string(), false),
                ("Tuesday, 30 October 2007".to_string(), true),
            ]
        );
    }

    #[test]
    fn a_state_named_as_the_titles_place_is_compared_with_the_headers_place() {
        let places = |title: &str| -> Vec<(String, bool)> {
            let header = HEADER
                .replace("title: Final Act", &format!("title: {title}"))
                .replace(
                    "periodicity: biennial\n",
                    "periodicity: biennial\nplace: Beijing, China\n",
                );
            found(&format!("{header}1. Ministers met.{ANNEX}"))
                .into_iter()
                .filter(|(_, fact, _)| fact == "place")
                .map(|(words, _, agrees)| (words, agrees))
                .collect()
        };
        assert_eq!(
            places("Malaysia Declaration on SMEs"),
            [("Malaysia".to_string(), false)]
        );
        assert_eq!(
            places("The China Joint Statement"),
            [("China".to_string(), true)]
        );
        assert_eq!(
            places("Declaration of Japan"),
            [("Japan".to_string(), false)]
        );
        // The parties, a city the registry does not know, and words that are no place.
        for title in [
            "Declaration of Japan and Korea",
            "Australia and Japan Joint Statement",
            "Beijing Declaration",
            "Declaration of Principles",
            "Joint Statement of Japan",
        ] {
            assert_eq!(places(title), [], "{title}");
        }
    }
}
