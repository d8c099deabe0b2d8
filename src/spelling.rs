//! The English dictionary of the spelling check: the American and British word lists of SCOWL
//! as Debian ships them (`wamerican-large`, `wbritish-large` and SCOWL's Oxford "-ize" lists of
//! the same size), split once by `data/generate/spelling.py` into the lists of
//! `data/spelling/`, and built by `build.rs` into an `fst` map that the binary carries. Looking
//! a word up reads the map in place: there is no dictionary to parse at run time, so checking
//! the spelling costs microseconds.

use std::sync::OnceLock;

use fst::automaton::Levenshtein;
use fst::{IntoStreamer, Map, Streamer};

/// Which English spellings a version accepts, from its language tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spelling {
    /// `en-US`.
    American,
    /// `en-GB` (and the other English tags of the Commonwealth, which spell as Britain does).
    /// The British dictionary accepts Oxford spelling ("organization") as well as "-ise".
    British,
    /// Plain `en`: either spelling.
    Either,
}

impl Spelling {
    /// The spelling of a language tag, or `None` for a language that is not English.
    pub fn of_tag(tag: &str) -> Option<Spelling> {
        let mut parts = tag.split(['-', '_']);
        if !parts.next()?.eq_ignore_ascii_case("en") {
            return None;
        }
        Some(match parts.next().map(str::to_ascii_uppercase).as_deref() {
            Some("US") => Spelling::American,
            None => Spelling::Either,
            // Regions spell as Britain does, except the United States' own (en-US) and its
            // territories, which the American dictionary serves.
            Some("AS" | "GU" | "MP" | "PR" | "UM" | "VI") => Spelling::American,
            Some(_) => Spelling::British,
        })
    }

    /// The bits of the map's values that this spelling accepts: American 1, British 2.
    fn bits(self) -> u64 {
        match self {
            Spelling::American => 1,
            Spelling::British => 2,
            Spelling::Either => 3,
        }
    }

    /// How a message names the dictionary.
    pub fn name(self) -> &'static str {
        match self {
            Spelling::American => "American English",
            Spelling::British => "British English",
            Spelling::Either => "English (British or American)",
        }
    }
}

/// The English dictionary: each word form with the spellings that accept it.
pub struct Dictionary {
    words: Map<&'static [u8]>,
}

static WORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/en.fst"));

impl Dictionary {
    /// The dictionary, opened once per process (opening reads only the map's header).
    pub fn english() -> &'static Dictionary {
        static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
        DICTIONARY.get_or_init(|| Dictionary {
            words: Map::new(WORDS).expect("build.rs writes a valid map"),
        })
    }

    /// Whether the dictionary has this exact form in this spelling.
    fn has(&self, word: &str, spelling: Spelling) -> bool {
        self.words
            .get(word)
            .is_some_and(|bits| bits & spelling.bits() != 0)
    }

    /// Whether the word is spelt right: as the dictionary has it, or with capitals the
    /// dictionary's form lacks ("Ministers" at the start of a sentence or in a title, for
    /// "ministers"; "FINAL ACT"; "Aide-Memoire"), or as a possessive of a word it has
    /// ("Indonesia's"), or with accents its form lacks ("communiqué"). A curly apostrophe is
    /// read as a straight one.
    pub fn accepts(&self, word: &str, spelling: Spelling) -> bool {
        // Most words are in the dictionary as written: they are looked up before anything is
        // copied.
        if self.has(word, spelling) {
            return true;
        }
        let word = straight(word);
        let known = |w: &str| {
            self.has(w, spelling)
                || (w.starts_with(char::is_uppercase)
                    && (self.has(&lower_first(w), spelling)
                        || self.has(&w.to_lowercase(), spelling)))
        };
        let known_or_possessive = |w: &str| {
            known(w)
                || ["'s", "'"]
                    .iter()
                    .any(|end| w.strip_suffix(end).is_some_and(&known))
        };
        // English writes a word it took from French with or without the accents
        // ("communiqué", "régime"), and the word lists mostly have it without.
        known_or_possessive(&word) || (!word.is_ascii() && known_or_possessive(&unaccented(&word)))
    }

    /// Up to three words of the dictionary close to a misspelt one, closest first: a letter
    /// left out, added, changed or two letters swapped, else two such slips. A word with a
    /// capital is looked for as written ("Januari", "January") and in lower case
    /// ("Finacial", "financial"), whose suggestions get the capital back.
    pub fn suggest(&self, word: &str, spelling: Spelling) -> Vec<String> {
        let word = word.replace('\u{2019}', "'");
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let forms: Vec<String> = if capital {
            vec![word.clone(), lower_first(&word)]
        } else {
            vec![word.clone()]
        };
        let near = |distance: u32| -> (Vec<String>, Vec<String>) {
            let mut swaps = Vec::new();
            let mut found = Vec::new();
            for form in &forms {
                found.extend(self.within(form, distance, spelling));
                if distance == 1 {
                    swaps.extend(self.swaps(form, spelling));
                }
            }
            if capital {
                swaps = swaps.iter().map(|w| upper_first(w)).collect();
                found = found.iter().map(|w| upper_first(w)).collect();
            }
            found.extend(swaps.iter().cloned());
            (found, swaps)
        };
        let (mut found, mut swaps) = near(1);
        found.retain(|w| *w != word);
        if found.is_empty() {
            (found, swaps) = near(2);
        }
        found.sort();
        found.dedup();
        found.retain(|w| *w != word);
        found.sort_by_key(|w| {
            (
                strsim::damerau_levenshtein(&word, w),
                // A typist seldom misses the first letter.
                w.chars().next() != word.chars().next(),
                // Two letters typed in the wrong order are a commoner slip than a wrong letter.
                !swaps.contains(w),
                w.len().abs_diff(word.len()),
            )
        });
        found.truncate(3);
        found
    }

    /// Whether a word the dictionary lacks is, in lower case, one slip away from a word the
    /// dictionary has in lower case: "Etablishment" from "establishment", but not "Incheon"
    /// from the name "Inchon".
    pub fn has_lower_neighbour(&self, word: &str, spelling: Spelling) -> bool {
        let form = word.to_lowercase();
        let lower = |w: &String| w.starts_with(char::is_lowercase);
        self.swaps(&form, spelling).iter().any(lower)
            || self
                .within(&form, 1, spelling)
                .iter()
                .any(|w| *w != form && lower(w))
    }

    /// The words of this spelling at most `distance` edits from `word`.
    fn within(&self, word: &str, distance: u32, spelling: Spelling) -> Vec<String> {
        let Ok(automaton) = Levenshtein::new(word, distance) else {
            return Vec::new();
        };
        let mut stream = self.words.search(automaton).into_stream();
        let mut out = Vec::new();
        while let Some((found, bits)) = stream.next() {
            if bits & spelling.bits() != 0 {
                out.extend(std::str::from_utf8(found).ok().map(str::to_string));
            }
        }
        out
    }

    /// The words of this spelling that `word` is with two letters side by side swapped.
    fn swaps(&self, word: &str, spelling: Spelling) -> Vec<String> {
        let chars: Vec<char> = word.chars().collect();
        (1..chars.len())
            .filter_map(|i| {
                let mut swapped = chars.clone();
                swapped.swap(i - 1, i);
                let swapped: String = swapped.into_iter().collect();
                self.has(&swapped, spelling).then_some(swapped)
            })
            .collect()
    }
}

/// The phrases of Latin and French that English writes as they are ("bona fide", "per se",
/// "vis-à-vis"), from `data/spelling/phrases.txt`: their words are right inside the phrase
/// only.
pub struct Phrases {
    phrases: Vec<Vec<String>>,
    /// For each word of a phrase, the phrases it is in and its place in each.
    by_word: rustc_hash::FxHashMap<String, Vec<(usize, usize)>>,
}

impl Phrases {
    /// The list, read once per process.
    pub fn english() -> &'static Phrases {
        static PHRASES: OnceLock<Phrases> = OnceLock::new();
        PHRASES.get_or_init(|| {
            let phrases: Vec<Vec<String>> = include_str!("../data/spelling/phrases.txt")
                .lines()
                .map(|line| line.split('#').next().unwrap_or("").trim())
                .filter(|line| !line.is_empty())
                .map(|line| line.split_whitespace().map(phrase_form).collect())
                .collect();
            let mut by_word = rustc_hash::FxHashMap::<String, Vec<(usize, usize)>>::default();
            for (p, phrase) in phrases.iter().enumerate() {
                for (k, word) in phrase.iter().enumerate() {
                    by_word.entry(word.clone()).or_default().push((p, k));
                }
            }
            Phrases { phrases, by_word }
        })
    }

    /// Whether the word `i` of `words` (ranges of `text`) stands in one of the phrases, the
    /// phrase's words side by side with nothing but spaces between them.
    pub fn covers(&self, text: &str, words: &[std::ops::Range<usize>], i: usize) -> bool {
        let form = |j: usize| words.get(j).map(|w| phrase_form(&text[w.clone()]));
        let Some(places) = form(i).and_then(|word| self.by_word.get(&word)) else {
            return false;
        };
        places.iter().any(|&(p, k)| {
            let phrase = &self.phrases[p];
            i >= k
                && phrase.iter().enumerate().all(|(m, word)| {
                    let j = i - k + m;
                    form(j).as_ref() == Some(word)
                        && (m == 0 || text[words[j - 1].end..words[j].start].trim().is_empty())
                })
        })
    }
}

/// A word as the phrases are compared: in lower case, without accents, with a straight
/// apostrophe ("Raison d’être" reads "raison d'etre").
fn phrase_form(word: &str) -> String {
    // An ASCII word has no accent and no curly apostrophe: most words asked about are.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    unaccented(&straight(&word.to_lowercase()))
}

/// The word with curly apostrophes read as straight ones, as the dictionary writes them.
fn straight(word: &str) -> std::borrow::Cow<'_, str> {
    if word.contains('\u{2019}') {
        word.replace('\u{2019}', "'").into()
    } else {
        word.into()
    }
}

/// The word without its accents: "communiqué" reads "communique".
fn unaccented(word: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .collect()
}

/// The word with its first letter in lower case.
pub fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The word with its first letter in upper case.
fn upper_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_choose_the_spelling() {
        assert_eq!(Spelling::of_tag("en"), Some(Spelling::Either));
        assert_eq!(Spelling::of_tag("en-US"), Some(Spelling::American));
        assert_eq!(Spelling::of_tag("en-GB"), Some(Spelling::British));
        assert_eq!(Spelling::of_tag("en-AU"), Some(Spelling::British));
        assert_eq!(Spelling::of_tag("fr"), None);
        assert_eq!(Spelling::of_tag("zh"), None);
    }

    #[test]
    fn british_and_american_spellings() {
        let d = Dictionary::english();
        assert!(d.accepts("organisation", Spelling::British));
        assert!(!d.accepts("organisation", Spelling::American));
        assert!(d.accepts("organisation", Spelling::Either));
        // Oxford spelling is British too.
        assert!(d.accepts("organization", Spelling::British));
        assert!(d.accepts("organization", Spelling::American));
        assert!(d.accepts("colour", Spelling::British));
        assert!(!d.accepts("colour", Spelling::American));
        assert!(!d.accepts("color", Spelling::British));
    }

    #[test]
    fn capitals_and_possessives_of_known_words_are_accepted() {
        let d = Dictionary::english();
        assert!(d.accepts("Ministers", Spelling::Either));
        assert!(d.accepts("Indonesia’s", Spelling::Either));
        assert!(d.accepts("members'", Spelling::Either));
        assert!(d.accepts("communiqué", Spelling::Either));
        assert!(d.accepts("Régime", Spelling::British));
        assert!(!d.accepts("finacial", Spelling::Either));
    }

    #[test]
    fn words_of_latin_and_french_phrases_are_right_in_their_phrase_only() {
        let phrases = Phrases::english();
        let covered = |text: &str| -> Vec<bool> {
            let words: Vec<std::ops::Range<usize>> = text
                .split(' ')
                .scan(0, |at, w| {
                    let start = *at;
                    *at += w.len() + 1;
                    Some(start..start + w.len())
                })
                .collect();
            (0..words.len())
                .map(|i| phrases.covers(text, &words, i))
                .collect()
        };
        assert_eq!(
            covered("Bona fide and vis-a-vis"),
            [true, true, false, true]
        );
        assert_eq!(
            covered("per se but se per"),
            [true, true, false, false, false]
        );
        assert_eq!(covered("raison d’être"), [true, true]);
    }

    #[test]
    fn suggestions_for_the_typos_of_the_beijing_declaration() {
        let d = Dictionary::english();
        let first = |w: &str, s| d.suggest(w, s).first().cloned().unwrap_or_default();
        assert_eq!(first("specilized", Spelling::American), "specialized");
        assert_eq!(first("specilized", Spelling::British), "specialized");
        assert_eq!(first("eonomic", Spelling::Either), "economic");
        assert_eq!(first("investement", Spelling::Either), "investment");
        assert_eq!(first("finacial", Spelling::Either), "financial");
        assert_eq!(first("Finacial", Spelling::Either), "Financial");
        assert_eq!(first("teh", Spelling::Either), "the");
        assert_eq!(first("Januari", Spelling::Either), "January");
    }
}
