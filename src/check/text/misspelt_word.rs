//! ## What it finds
//!
//! A word of an English version that the English dictionary does not have: "specilized",
//! "eonomic", "investement", "finacial". The dictionary is Kevin Atkinson's SCOWL word lists
//! for American and British English, as Debian ships them (`wamerican-large`,
//! `wbritish-large`), every word form listed. The version's language tag chooses the spelling:
//! `en-US` accepts American spellings only ("organization", not "organisation"), `en-GB`
//! British ones, Oxford spelling included ("organisation" and "organization", not "color"),
//! and plain `en` either. Versions in other languages are not checked.
//!
//! The headings, paragraphs, sub-paragraphs, bullets and footnotes are read, and the title and
//! theme of the header. Each part of a hyphenated word is looked up on its own
//! ("co-operation"). These are not reported:
//!
//! - a word with a capital that the dictionary lacks also in lower case: it is taken as a name
//!   ("Albanese", "Aceh", "Soekarnoputri", "Bretton Woods", "held in Incheon"), unless it has
//!   seven letters or more and is one slip from a month or a weekday ("Januari"), or stands
//!   where words take a capital (at the start of a sentence, in the title, the theme or a
//!   heading) and is one slip from a word of the dictionary in lower case ("Etablishment",
//!   "Finacial"); so a short typo with a capital ("Stpes") is not reported. A word with a
//!   capital inside it is a name too ("McKinnon", "MoU");
//! - acronyms in capitals, also in the plural ("ASEM", "SMEs"), numbers and words with digits,
//!   single letters, Roman numerals ("iii"), words in other scripts;
//! - the words of a marked fact that names members, a host, a place, a forum or a series, and
//!   web addresses and references;
//! - every word of a name the registry, the header (series, forum, host, place) or the annex
//!   knows, as the name writes it: "Organisation" of the Organisation for Economic
//!   Co-operation and Development passes in American English, "organisation" does not;
//! - a word the text defines alone in brackets, with a capital: "(MoU)", "(Sherpas)";
//! - a word in lower case between two with capitals, as part of a name ("Palais des Nations"),
//!   and up to three such words with a particle of names among them ("Organisation
//!   internationale de la Francophonie");
//! - the capitalised words after a title of office, and the particles among them, as a
//!   person's name ("Prime Minister Gillard", "President von der Leyen");
//! - a hyphenated word the dictionary has written solid ("co-ordinated"), and a word with the
//!   accents of French that the dictionary has without them ("communiqué", "régime");
//! - a word made of a prefix and a word of the dictionary ("nonpatented", "semiprocessed",
//!   "eco-system");
//! - the words of a phrase of Latin or French that English writes as it is, within the phrase
//!   ("bona fide", "mutatis mutandis", "per se", "vis-à-vis"; `data/spelling/phrases.txt`);
//! - the words of the project's list, `[spelling] words` in `plenary.toml`, as the list writes
//!   them (with a capital at the start of a sentence).
//!
//! ## Why it matters
//!
//! A typo in a signed declaration is printed, archived and quoted as it stands: the 2007 NDRC
//! release of the Beijing declaration on SMEs went out with four.
//!
//! ## Example
//!
//! ```text
//! 1. Ministers encouraged finacial institutions to support SMEs.
//! ```
//!
//! ## How to fix
//!
//! Correct the word; the help line suggests the dictionary's closest words. A word that is
//! right (a term of the forum, a name in lower case) goes in the project's list:
//!
//! ```toml
//! [spelling]
//! words = ["minilateral", "Sherpas"]
//! ```

use std::cell::OnceCell;
// The maps are keyed by the text's own words, looked up for every word of it: a fast hash,
// since no one attacks a declaration's checker through its hash table.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use crate::analysis::prose::{Passage, PassageKind};
use crate::ast::{FactKey, MeetingFact};
use crate::check::{Check, Context};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{Span, Spanned};
use crate::spelling::{lower_first, Dictionary, Phrases, Spelling};

pub const CHECK: Check = Check {
    code: "text::misspelt-word",
    default_severity: Severity::Warning,
    summary: "a word the English dictionary does not have",
    source_file: include_str!("misspelt_word.rs"),
    run,
};

fn run(cx: &Context, out: &mut Vec<Diagnostic>) {
    let dictionary = Dictionary::english();
    // The document's own vocabulary is gathered only when a word is not in the dictionary,
    // which most runs never meet.
    let vocabulary = OnceCell::new();
    let mut reader = Reader {
        cx,
        dictionary,
        vocabulary: &vocabulary,
        verdicts: HashMap::default(),
        accepted: HashMap::default(),
        out,
    };
    for info in &cx.analysis.versions {
        let Some(spelling) = Spelling::of_tag(info.meta.language) else {
            continue;
        };
        for field in [info.meta.title, info.meta.theme].into_iter().flatten() {
            reader.field(field, spelling);
        }
        for passage in cx.prose(info.index) {
            // A word a wrong decoding garbled ("Ministersâ€™", "C�te") is one slip, which
            // `text::mojibake` reports.
            let garbled = super::mojibake::garbled_places(passage);
            let touches_garbled = |word: &Range<usize>| {
                garbled
                    .iter()
                    .any(|(place, _)| place.start <= word.end && word.start <= place.end)
            };
            let words: Vec<Range<usize>> = passage
                .words()
                .filter(|word| !touches_garbled(word))
                .filter(|word| {
                    // No more bytes than letters allowed, so no more letters.
                    word.len() <= LONGEST_WORD
                        || passage.text[word.clone()]
                            .chars()
                            .nth(LONGEST_WORD)
                            .is_none()
                })
                .filter(|word| !passage.in_fact(word) || !names_in_fact(passage, word))
                .collect();
            let at = |part: Range<usize>| passage.span(part);
            let title_case = passage.kind == PassageKind::Heading;
            reader.words(&passage.text, &words, spelling, title_case, &at);
        }
    }
}

/// The longest word the dictionary is asked about, in letters: the longest word of English
/// dictionaries has 45. A longer run of letters is no misspelling of a word (and asking about a
/// word of 70,000 letters took most of a minute).
const LONGEST_WORD: usize = 45;

/// Whether the word lies in a marked fact whose words are names.
fn names_in_fact(passage: &Passage, word: &Range<usize>) -> bool {
    passage.facts.iter().any(|(fact, key)| {
        fact.start <= word.start
            && word.end <= fact.end
            && match key {
                FactKey::Members | FactKey::Group(_) => true,
                // Words marked only so that they are not read as a fact are ordinary words.
                FactKey::None => false,
                FactKey::Meeting(fact) | FactKey::Next(fact) => matches!(
                    fact,
                    MeetingFact::Host
                        | MeetingFact::Place
                        | MeetingFact::Forum
                        | MeetingFact::Series
                ),
            }
    })
}

struct Reader<'c, 'a, 'o> {
    cx: &'c Context<'a>,
    dictionary: &'static Dictionary,
    vocabulary: &'c OnceCell<HashSet<String>>,
    /// What the slow tests (the document's vocabulary, prefixes, names one slip from a word)
    /// made of each word they were asked about: a long text repeats its names.
    verdicts: HashMap<(String, Spelling, Place), bool>,
    /// What the dictionary said of each word as written, by spelling: a text uses a few
    /// thousand words many times over, and a hash lookup is several times cheaper than the
    /// dictionary's (this lookup was a tenth of the time of a check).
    accepted: HashMap<Spelling, HashMap<Box<str>, bool>>,
    out: &'o mut Vec<Diagnostic>,
}

impl Reader<'_, '_, '_> {
    /// The words of a header field, each mapped back to its place.
    fn field(&mut self, field: &Spanned<String>, spelling: Spelling) {
        let passage = crate::analysis::prose::field(field, self.cx.source.text());
        let words: Vec<Range<usize>> = passage.words().collect();
        // The title and the theme are written in title case, as headings are.
        self.words(&passage.text, &words, spelling, true, &|range| {
            passage.span(range)
        });
    }

    /// Looks up the words of a text, skipping those of web addresses and the lower-case words
    /// of a name ("Palais des Nations": a word in lower case between two with capitals).
    /// `title_case` says that every word of the text may have a capital (a title, a heading).
    fn words(
        &mut self,
        text: &str,
        words: &[Range<usize>],
        spelling: Spelling,
        title_case: bool,
        at: &dyn Fn(Range<usize>) -> Span,
    ) {
        let capital = |word: Option<&Range<usize>>| {
            word.is_some_and(|w| text[w.clone()].starts_with(char::is_uppercase))
        };
        // Whether the words since the last title of office ("President", "Prime Minister")
        // are all of a person's name: "President von der Leyen", "Prime Ministers Julia
        // Gillard", whose names are often one slip from other names ("Millard").
        let mut after_title = false;
        let mut previous_title = false;
        for (i, word) in words.iter().enumerate() {
            let written = &text[word.clone()];
            // Every title starts with a capital of ASCII: the others are not looked for.
            let title =
                written.starts_with(|c: char| c.is_ascii_uppercase()) && TITLES.contains(&written);
            after_title = (previous_title || after_title)
                && !title
                && (capital(Some(word)) || NAME_PARTICLES.contains(&written));
            previous_title = title;
            // Most words are in the dictionary, which is asked first: what a word's place
            // says below only spares a word the dictionary lacks.
            if self.in_dictionary(written, spelling) {
                continue;
            }
            let in_name = i > 0 && capital(words.get(i - 1)) && capital(words.get(i + 1));
            if in_name || after_title || in_address(text, word) {
                continue;
            }
            let place = if title_case || sentence_start(text, word.start) {
                Place::Capitalised
            } else {
                Place::Within
            };
            // Whether the words around make the word right: a phrase of Latin or French, or
            // a name in French. Asked only about a word the dictionary lacks.
            let in_phrase =
                || in_foreign_name(text, words, i) || Phrases::english().covers(text, words, i);
            self.word(text, word.clone(), spelling, place, &in_phrase, at);
        }
    }

    /// Whether the dictionary accepts the word as written, asked once per word and spelling.
    fn in_dictionary(&mut self, word: &str, spelling: Spelling) -> bool {
        let known = self.accepted.entry(spelling).or_default();
        if let Some(&accepted) = known.get(word) {
            return accepted;
        }
        let accepted = self.dictionary.accepts(&clean(word), spelling);
        known.insert(word.into(), accepted);
        accepted
    }

    /// Looks up one word the dictionary lacks as written (`words` asks it first), part by part
    /// if it is hyphenated, and reports each part the dictionary does not have.
    fn word(
        &mut self,
        text: &str,
        word: Range<usize>,
        spelling: Spelling,
        place: Place,
        in_phrase: &dyn Fn() -> bool,
        at: &dyn Fn(Range<usize>) -> Span,
    ) {
        let whole = &text[word.clone()];
        // A word of a phrase English took from Latin or French ("bona fide", "per se") is
        // right in its phrase, and the lower-case words of a French name in the name.
        if in_phrase() {
            return;
        }
        // A hyphenated word that English also writes solid ("co-ordinated", "coordinated") is
        // right when the dictionary has it solid.
        let hyphens = ['-', '\u{2010}', '\u{2011}'];
        if whole.contains(hyphens)
            && self
                .dictionary
                .accepts(&clean(&whole.replace(hyphens, "")), spelling)
        {
            return;
        }
        let mut start = word.start;
        let parts: Vec<&str> = whole.split(hyphens).collect();
        for (i, part) in parts.iter().enumerate() {
            let range = start..start + part.len();
            // The next part starts after the hyphen, whichever of the hyphens it is.
            start = range.end
                + text[range.end..word.end]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            let before_hyphen = i + 1 < parts.len();
            if is_exempt(part)
                || self.dictionary.accepts(&clean(part), spelling)
                || (before_hyphen && PREFIXES.contains(&part.to_lowercase().as_str()))
                || self.right_or_a_name(part, spelling, place)
            {
                continue;
            }
            self.out
                .push(misspelt(&clean(part), at(range), spelling, self.dictionary));
        }
    }

    /// Whether a word the dictionary lacks is right all the same, or a name; remembered for the
    /// next time the word comes.
    fn right_or_a_name(&mut self, word: &str, spelling: Spelling, place: Place) -> bool {
        let key = (word.to_string(), spelling, place);
        if let Some(&verdict) = self.verdicts.get(&key) {
            return verdict;
        }
        let verdict = self.accepts(word, spelling) || self.is_name(word, spelling, place);
        self.verdicts.insert(key, verdict);
        verdict
    }

    /// Whether a word with a capital that the dictionary lacks is taken as a name ("Albanese",
    /// "Soekarnoputri", "Aceh", "Bretton Woods", "Incheon"). A long word, of seven letters or
    /// more, is a slip instead where it is one slip from the name of a month or a weekday
    /// ("Januari"), and, where a word of the language takes a capital (at the start of a
    /// sentence, in a title or a heading), where it is one slip from a word of the dictionary
    /// in lower case ("Etablishment", "Finacial"). Elsewhere a capital is a name's: names are
    /// often one slip from another name or a word ("Charlestown", "Blinken", "Frontex").
    fn is_name(&self, word: &str, spelling: Spelling, place: Place) -> bool {
        if !word.starts_with(char::is_uppercase) {
            return false;
        }
        let word = clean(word);
        if word.chars().count() < 7 {
            return true;
        }
        let lower = word.to_lowercase();
        if CALENDAR
            .iter()
            .any(|name| strsim::damerau_levenshtein(&lower, name) == 1)
        {
            return false;
        }
        place == Place::Within || !self.dictionary.has_lower_neighbour(&word, spelling)
    }

    /// Whether the word is right: the dictionary has it, or the word is one of a prefix of
    /// English and a word the dictionary has ("nonpatented", "semiprocessed"), or the document,
    /// the registry or the project knows it.
    fn accepts(&self, word: &str, spelling: Spelling) -> bool {
        let word = clean(word);
        // A word of the other spelling is no prefix and a word: "colour" is not "co" and
        // "lour" in American English.
        let other_spelling = self.dictionary.accepts(&word, Spelling::Either);
        self.dictionary.accepts(&word, spelling)
            || !other_spelling
                && PREFIXES.iter().any(|prefix| {
                    word.strip_prefix(prefix).is_some_and(|rest| {
                        rest.chars().count() >= 4 && self.dictionary.accepts(rest, spelling)
                    })
                })
            || self.known(&word)
    }

    /// Whether the document, the registry or the project knows the word: as it is written
    /// there, or with a capital at the start of a sentence. A word of a name keeps its case:
    /// "Organisation" in a name the registry knows does not make "organisation" right in
    /// American English.
    fn known(&self, word: &str) -> bool {
        let vocabulary = self.vocabulary.get_or_init(|| vocabulary(self.cx));
        let word = word.replace('\u{2019}', "'");
        let known = |w: &str| vocabulary.contains(w) || vocabulary.contains(&lower_first(w));
        known(&word)
            || ["'s", "'"]
                .iter()
                .any(|end| word.strip_suffix(end).is_some_and(known))
    }
}

fn misspelt(word: &str, span: Span, spelling: Spelling, dictionary: &Dictionary) -> Diagnostic {
    let suggestions = dictionary.suggest(word, spelling);
    let fix = match suggestions.as_slice() {
        [] => String::new(),
        [one] => format!("did you mean `{one}`? "),
        [first @ .., last] => format!(
            "did you mean {} or `{last}`? ",
            first
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::warning(
        CHECK.code,
        format!("`{word}` is not in the dictionary of {}", spelling.name()),
    )
    .primary(span, "not an English word")
    .help(format!(
        "{fix}If the word is right, add it to `words` under `[spelling]` in plenary.toml"
    ))
}

/// Whether the word `i`, in lower case, is one of a few lower-case words of a name in French,
/// Spanish or the like between two words with capitals, among them a particle of such names:
/// "Organisation internationale de la Francophonie", "Banco Central de la República". The
/// words stand side by side, with nothing but spaces between them.
fn in_foreign_name(text: &str, words: &[Range<usize>], i: usize) -> bool {
    let word = |j: usize| &text[words[j].clone()];
    let lower = |j: usize| !word(j).starts_with(char::is_uppercase);
    let joined = |j: usize| text[words[j].end..words[j + 1].start].trim().is_empty();
    if !lower(i) {
        return false;
    }
    // The run is walked no further than a name's few words, so that a long sentence in lower
    // case costs no more than a short one.
    let mut first = i;
    while first > 0 && i - first < 3 && lower(first - 1) && joined(first - 1) {
        first -= 1;
    }
    let mut last = i;
    while last + 1 < words.len() && last - first < 3 && lower(last + 1) && joined(last) {
        last += 1;
    }
    first > 0
        && last + 1 < words.len()
        && joined(first - 1)
        && joined(last)
        && last - first < 3
        && (first..=last).any(|j| NAME_PARTICLES.contains(&word(j)) || word(j) == "des")
}

/// Where a word with a capital stands: where words of the language take one too (the start of
/// a sentence, a title), or within a sentence, where a capital is a name's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Capitalised,
    Within,
}

/// Whether the word at `start` opens a sentence of the text: nothing but opening marks before
/// it since the start or since a full stop, a question or an exclamation mark.
fn sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[')
    });
    before.is_empty() || before.ends_with(['.', '!', '?'])
}

/// The months and weekdays in English, in lower case: a long word with a capital one slip
/// from one of them is a slip of a date ("Januari"), not a name.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The titles of office before a person's name: the capitalised words after one, and the
/// particles of names among them, are the name ("President von der Leyen").
const TITLES: &[&str] = &[
    "Ambassador",
    "Ambassadors",
    "Chancellor",
    "Commissioner",
    "Dame",
    "Dr",
    "Emir",
    "Governor",
    "King",
    "Lady",
    "Lord",
    "Minister",
    "Ministers",
    "Mr",
    "Mrs",
    "Ms",
    "Premier",
    "Premiers",
    "President",
    "Presidents",
    "Prince",
    "Princess",
    "Queen",
    "Secretary",
    "Senator",
    "Sheikh",
    "Sir",
    "Sultan",
];

/// The words in lower case that names of people have between their capitalised words.
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "binti", "da", "de", "del", "den", "der", "di", "du", "el", "la", "le", "van",
    "von",
];

/// The prefixes that English writes before a word, closed up ("nonpatented", "preinvestment")
/// or with a hyphen ("eco-system"): a word made of one and a word of the dictionary is right.
const PREFIXES: &[&str] = &[
    "agri", "agro", "anti", "bi", "bio", "co", "counter", "cyber", "de", "eco", "geo", "inter",
    "intra", "macro", "micro", "mid", "multi", "neo", "non", "over", "post", "pre", "pro", "re",
    "semi", "socio", "sub", "super", "trans", "tri", "ultra", "un", "under",
];

/// The word without the soft hyphens that mark where it may break.
fn clean(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('\u{AD}') {
        word.replace('\u{AD}', "").into()
    } else {
        word.into()
    }
}

/// Whether the word is part of a web or mail address written out in the text
/// ("www.asem-sme.net", "info@apec.org"): a run of characters without spaces with `://` or
/// `www.` in it, or a dot or at sign between a letter or digit and a lower-case letter. A slash
/// alone does not make an address ("and/or").
fn in_address(text: &str, word: &Range<usize>) -> bool {
    let start = text[..word.start]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let end = text[word.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |at| word.end + at);
    let token = &text[start..end];
    // Most words are in no address: the marks an address needs are looked for first.
    if !token.contains(['.', '@', '/']) {
        return false;
    }
    let chars: Vec<char> = token.chars().collect();
    token.contains("://")
        || token.contains("www.")
        || chars
            .windows(3)
            .any(|w| matches!(w[1], '.' | '@') && w[0].is_alphanumeric() && w[2].is_lowercase())
}

/// Whether a word is of a kind the dictionary is not asked about: a name (a capital the
/// dictionary did not accept, or a capital inside the word), an acronym, a number or a word
/// with digits, a single letter, a Roman numeral, a word in another script.
fn is_exempt(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || word.chars().any(|c| c.is_numeric()) {
        return true;
    }
    // An acronym in capitals ("ASEM", "SMEs"), or a name with a capital inside ("MoU",
    // "McKinnon"). A word with only its first letter a capital is left to `is_name`.
    if letters.iter().skip(1).any(|c| c.is_uppercase()) {
        return true;
    }
    // Letters beyond Latin Extended-B: Greek, Cyrillic, Chinese, which no English
    // dictionary has.
    if letters.iter().any(|&c| c > '\u{024F}') {
        return true;
    }
    is_roman_numeral(word)
}

/// Whether a word in lower case is a Roman numeral, as a list of items numbers them ("ii",
/// "xiv").
fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| "ivxlcdm".contains(c))
        && crate::numbers::parse_roman(&word.to_uppercase()).is_some()
}

/// Every word the document, the registry and the project know, as written: the words of
/// each name in the registry (members, their former names and aliases, forums), of the
/// header's series, forum, host and place, of the annexes, the words the text defines in
/// brackets ("small and medium enterprises (SMEs)"), and the project's list.
fn vocabulary(cx: &Context) -> HashSet<String> {
    let mut names: Vec<&str> = Vec::new();
    for entity in cx.registry.entities() {
        names.extend(entity.en.iter().map(String::as_str));
        names.extend(entity.aliases.iter().map(String::as_str));
        for former in &entity.former {
            names.extend(former.en.iter().map(String::as_str));
        }
    }
    for forum in cx.registry.forums() {
        names.push(&forum.name);
        names.extend(forum.names.iter().map(String::as_str));
    }
    let header = &cx.document.header;
    for field in [&header.series, &header.forum, &header.host, &header.place] {
        names.extend(field.iter().map(|f| f.value.as_str()));
    }
    for annex in &cx.analysis.annexes {
        names.extend(annex.listed.iter().map(|l| l.member.name.as_str()));
    }
    names.extend(cx.words.iter().map(String::as_str));
    let mut vocabulary = HashSet::default();
    for name in names {
        for word in name.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}')) {
            if !word.is_empty() {
                vocabulary.insert(word.replace('\u{2019}', "'"));
            }
        }
    }
    for info in &cx.analysis.versions {
        for passage in cx.prose(info.index) {
            vocabulary.extend(defined(passage));
        }
    }
    vocabulary
}

/// The words a passage defines in brackets: a single word alone in brackets, with a capital,
/// "(SMEs)", "(MoU)", "(Sherpas)".
fn defined(passage: &Passage) -> impl Iterator<Item = String> + '_ {
    passage.words().filter_map(|word| {
        let before = passage.text[..word.start].chars().next_back();
        let after = passage.text[word.end..].chars().next();
        let text = &passage.text[word];
        (before == Some('(') && after == Some(')') && text.chars().any(char::is_uppercase))
            .then(|| text.replace('\u{2019}', "'"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_numbers_and_other_scripts_are_exempt_and_names_are_judged_apart() {
        for word in [
            "ASEM", "SMEs", "MoU", "McKinnon", "2007", "G20", "a", "iii", "xiv", "中国",
        ] {
            assert!(is_exempt(word), "{word}");
        }
        for word in ["finacial", "eonomic", "civl", "Albanese"] {
            assert!(!is_exempt(word), "{word}");
        }
    }

    /// The words of a one-paragraph text in `tag` that the check reports.
    fn reported(tag: &str, paragraph: &str) -> Vec<String> {
        let text = format!("title: T\nlanguages: {tag}\n\n1. {paragraph}\n");
        crate::check_bytes("t.decl", text.as_bytes())
            .diagnostics
            .into_iter()
            .filter(|d| d.code == CHECK.code)
            .map(|d| d.message.split('`').nth(1).unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn names_are_taken_as_names_unless_long_and_one_slip_from_a_word() {
        assert!(reported("en", "Albanese met Soekarnoputri in Aceh.").is_empty());
        assert_eq!(
            reported("en", "They met in Januari. Etablishment of the office."),
            ["Januari", "Etablishment"]
        );
        // Within a sentence, a capital is a name's, however close to a word or another name.
        assert!(reported(
            "en",
            "They met in Charlestown and Incheon with the Bretton Woods institutions and Frontex."
        )
        .is_empty());
        // At the start of a sentence, a name one slip from another name is still a name.
        assert!(reported("en", "Incheon hosted the meeting.").is_empty());
    }

    #[test]
    fn each_part_of_a_hyphenated_word_is_looked_up_and_prefixes_pass() {
        assert_eq!(
            reported("en", "Non-tariff and eco-system co-opration, nonpatented."),
            ["opration"]
        );
    }

    #[test]
    fn lower_case_words_of_a_french_name_are_part_of_it() {
        assert!(reported(
            "en",
            "The Organisation internationale de la Francophonie and the Palais des Nations."
        )
        .is_empty());
        // Without a particle of names, or with a comma between, the words are English words.
        assert_eq!(
            reported(
                "en",
                "Ministers welcomd the Secretary. Paris, internationale de Lyon."
            ),
            ["welcomd", "internationale"]
        );
    }

    #[test]
    fn a_word_of_a_latin_phrase_is_right_in_its_phrase_only() {
        assert_eq!(
            reported(
                "en",
                "Bona fide talks, per se, mutatis mutandis; the se of it."
            ),
            ["se"]
        );
    }

    #[test]
    fn a_word_of_the_other_spelling_is_not_taken_for_a_prefix_and_a_word() {
        assert_eq!(
            reported("en-US", "The colour and the cooperation."),
            ["colour"]
        );
    }

    #[test]
    fn a_word_of_a_registry_name_keeps_its_case() {
        // "Organisation" of a name the registry knows is no licence for "organisation" in
        // American English.
        assert_eq!(
            reported("en-US", "The organisation of Brunei Darussalam met."),
            ["organisation"]
        );
        assert!(reported("en-GB", "The organisation of Brunei Darussalam met.").is_empty());
    }

    #[test]
    fn a_word_after_a_space_of_several_bytes_is_read() {
        // A no-break space is two bytes: the address test must not cut it.
        assert_eq!(
            reported("en", "The\u{A0}finacial\u{A0}www.x.org talks."),
            ["finacial"]
        );
    }

    #[test]
    fn defined_words_addresses_and_soft_hyphens_pass() {
        // A name one slip from a word is reported, unless the text defines it in brackets.
        assert_eq!(reported("en", "Coopration was agreed."), ["Coopration"]);
        assert!(reported(
            "en",
            "Coopration (Coopration) met at www.asem-sme.net; Pre\u{AD}sident Biden."
        )
        .is_empty());
        assert!(reported("fr", "Le travial accompli.").is_empty());
    }

    #[test]
    fn a_word_alone_in_brackets_with_a_capital_is_defined() {
        let text = "small and medium enterprises (SMEs) and (plain) words";
        let field = Spanned::new(text.to_string(), Span::new(0, text.len()));
        let passage = crate::analysis::prose::field(&field, text);
        let found: Vec<String> = defined(&passage).collect();
        assert_eq!(found, ["SMEs"]);
    }
}
