//! Languages as declarations name them in their words: "in the English and French languages",
//! "de Franse en de Engelse tekst", "en langues française et néerlandaise", "以中文和英文".
//!
//! The names are those of the languages declarations are written in, in the languages they are
//! written in; a language tag's first subtag is what they are compared by (`zh-Hant` is `zh`).

/// Each language by its tag, with its names: in English, French, Dutch, German, Spanish and
/// Russian (as adjectives and nouns, in the forms dates and final clauses use), and in Chinese.
const NAMES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "english",
            "anglais",
            "anglaise",
            "engels",
            "engelse",
            "englisch",
            "englischen",
            "inglés",
            "ingles",
            "английском",
            "английский",
            "英文",
            "英语",
            "英語",
        ],
    ),
    (
        "fr",
        &[
            "french",
            "français",
            "francais",
            "française",
            "francaise",
            "frans",
            "franse",
            "französisch",
            "französischen",
            "francés",
            "frances",
            "французском",
            "французский",
            "法文",
            "法语",
            "法語",
        ],
    ),
    (
        "nl",
        &[
            "dutch",
            "néerlandais",
            "neerlandais",
            "néerlandaise",
            "neerlandaise",
            "nederlands",
            "nederlandse",
            "niederländisch",
            "niederländischen",
            "neerlandés",
            "голландском",
            "荷兰文",
            "荷蘭文",
        ],
    ),
    (
        "de",
        &[
            "german",
            "allemand",
            "allemande",
            "duits",
            "duitse",
            "deutsch",
            "deutschen",
            "alemán",
            "aleman",
            "немецком",
            "德文",
            "德语",
            "德語",
        ],
    ),
    (
        "es",
        &[
            "spanish",
            "espagnol",
            "espagnole",
            "spaans",
            "spaanse",
            "spanisch",
            "spanischen",
            "español",
            "espanol",
            "испанском",
            "испанский",
            "西班牙文",
            "西班牙语",
            "西班牙語",
        ],
    ),
    (
        "ru",
        &[
            "russian",
            "russe",
            "russisch",
            "russische",
            "russischen",
            "ruso",
            "русском",
            "русский",
            "俄文",
            "俄语",
            "俄語",
        ],
    ),
    (
        "zh",
        &[
            "chinese",
            "chinois",
            "chinoise",
            "chinees",
            "chinese",
            "chinesisch",
            "chinesischen",
            "chino",
            "китайском",
            "китайский",
            "中文",
            "汉语",
            "漢語",
            "华文",
        ],
    ),
    (
        "ar",
        &[
            "arabic",
            "arabe",
            "arabisch",
            "arabische",
            "arabischen",
            "árabe",
            "арабском",
            "арабский",
            "阿拉伯文",
            "阿拉伯语",
            "阿拉伯語",
        ],
    ),
    (
        "ja",
        &[
            "japanese",
            "japonais",
            "japonaise",
            "japans",
            "japanse",
            "japanisch",
            "japanischen",
            "japonés",
            "японском",
            "日文",
            "日语",
            "日語",
        ],
    ),
    (
        "ko",
        &[
            "korean",
            "coréen",
            "coreen",
            "coréenne",
            "koreaans",
            "koreaanse",
            "koreanisch",
            "koreanischen",
            "coreano",
            "корейском",
            "韩文",
            "韓文",
            "朝鲜文",
        ],
    ),
    (
        "pt",
        &[
            "portuguese",
            "portugais",
            "portugaise",
            "portugees",
            "portugese",
            "portugiesisch",
            "portugiesischen",
            "portugués",
            "португальском",
            "葡萄牙文",
            "葡萄牙语",
        ],
    ),
    (
        "it",
        &[
            "italian",
            "italien",
            "italienne",
            "italiaans",
            "italiaanse",
            "italienisch",
            "italienischen",
            "italiano",
            "итальянском",
            "意大利文",
            "意大利语",
        ],
    ),
];

/// The primary language of a tag: `zh` for `zh-Hant`, lower case.
pub fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase()
}

/// The languages words name, by tag, in the order first named, each once: `["en", "fr"]` for
/// "the English and French texts". `None` when the words name no language at all.
pub fn read_languages(words: &str) -> Option<Vec<&'static str>> {
    let lower = words.to_lowercase();
    let mut found: Vec<(usize, &'static str)> = Vec::new();
    for (tag, names) in NAMES {
        let first = names
            .iter()
            .filter_map(|name| find_word(&lower, name))
            .min();
        if let Some(at) = first {
            found.push((at, tag));
        }
    }
    found.sort();
    let tags: Vec<&'static str> = found.into_iter().map(|(_, tag)| tag).collect();
    (!tags.is_empty()).then_some(tags)
}

/// Where `name` stands in `text` as a word of its own (a Chinese name anywhere).
fn find_word(text: &str, name: &str) -> Option<usize> {
    let cjk = !name.is_ascii() && name.chars().all(|c| c as u32 >= 0x3000);
    text.match_indices(name).map(|(at, _)| at).find(|&at| {
        cjk || {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        }
    })
}

/// The English name of a language, for messages: `French` for `fr`; the tag itself when the
/// table has none.
pub fn english_name(tag: &str) -> String {
    let primary = primary(tag);
    NAMES
        .iter()
        .find(|(t, _)| *t == primary)
        .map(|(_, names)| {
            let mut name = names[0].to_string();
            name[..1].make_ascii_uppercase();
            name
        })
        .unwrap_or_else(|| tag.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_named_in_the_words_of_final_clauses() {
        assert_eq!(
            read_languages("the English and French texts"),
            Some(vec!["en", "fr"])
        );
        assert_eq!(
            read_languages("de Franse en de Engelse tekst"),
            Some(vec!["fr", "en"])
        );
        assert_eq!(
            read_languages("in the Chinese, English, French, Russian and Spanish languages"),
            Some(vec!["zh", "en", "fr", "ru", "es"])
        );
        assert_eq!(read_languages("以中文和英文"), Some(vec!["zh", "en"]));
        assert_eq!(read_languages("in duplicate"), None);
        // "Frenchman" is not French.
        assert_eq!(read_languages("the Frenchman"), None);
        assert_eq!(english_name("zh-Hant"), "Chinese");
    }
}
