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

/// The bytes that start the encodings of some characters: what [`chars_led_by`] stops at.
pub struct Leads {
    /// Whether each of the 256 bytes is one of them.
    table: [bool; 256],
    /// The bytes themselves when they are at most three (a byte repeated where fewer), which
    /// `memchr` finds many bytes at a time.
    few: Option<[u8; 3]>,
}

impl Leads {
    /// Whether `byte` is one of the bytes.
    pub fn has(&self, byte: u8) -> bool {
        self.table[usize::from(byte)]
    }
}

/// The first bytes of the characters' UTF-8 encodings.
pub fn leads(chars: impl IntoIterator<Item = char>) -> Leads {
    let mut table = [false; 256];
    for c in chars {
        table[usize::from(lead_byte(c))] = true;
    }
    let bytes: Vec<u8> = (0..=u8::MAX).filter(|&b| table[usize::from(b)]).collect();
    let few = match bytes[..] {
        [a] => Some([a, a, a]),
        [a, b] => Some([a, b, b]),
        [a, b, c] => Some([a, b, c]),
        _ => None,
    };
    Leads { table, few }
}

/// The first byte of a character's UTF-8 encoding.
pub fn lead_byte(c: char) -> u8 {
    let mut buffer = [0; 4];
    c.encode_utf8(&mut buffer).as_bytes()[0]
}

/// The characters of `text` whose encoding starts with a byte of `leads`, with their offsets,
/// in order. A check that looks for a few characters (marks, brackets, invisible ones) asks
/// for those and passes over the others a byte at a time, without decoding them: decoding
/// every character of the prose was most of the time of such checks. The caller still tells
/// its own characters from the others that share their first byte.
pub fn chars_led_by<'t>(
    text: &'t str,
    leads: &'t Leads,
) -> impl Iterator<Item = (usize, char)> + 't {
    let bytes = text.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        let rest = bytes.get(from..)?;
        let found = match leads.few {
            Some([a, b, c]) => memchr::memchr3(a, b, c, rest),
            None => rest.iter().position(|&b| leads.has(b)),
        };
        let at = from + found?;
        // `leads` holds no continuation byte, which starts no character: the byte found
        // starts one.
        let c = text.get(at..)?.chars().next()?;
        from = at + c.len_utf8();
        Some((at, c))
    })
}

/// The character before byte `at` of `text`, if any.
pub fn before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character at byte `at` of `text`, if any.
pub fn at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::{chars_led_by, lead_byte, leads};

    #[test]
    fn the_characters_led_by_some_bytes_are_every_character_that_starts_with_them() {
        let text = "a, b。c，d ✓ 中文 ,";
        let found: Vec<(usize, char)> = chars_led_by(text, &leads([',', '，', '。'])).collect();
        // `，` and `。` share their first byte with other characters, which come too.
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| {
                [',', '，', '。']
                    .iter()
                    .any(|&m| lead_byte(m) == lead_byte(c))
            })
            .collect();
        assert_eq!(found, expected);
        assert!(found.contains(&(1, ',')) && found.contains(&(text.len() - 1, ',')));
        // Three bytes or fewer are looked for many at a time, and give the same.
        let few: Vec<(usize, char)> = chars_led_by(text, &leads([',', '✓'])).collect();
        let expected: Vec<(usize, char)> = text
            .char_indices()
            .filter(|&(_, c)| [',', '✓'].iter().any(|&m| lead_byte(m) == lead_byte(c)))
            .collect();
        assert_eq!(few, expected);
        assert_eq!(chars_led_by("", &leads([','])).count(), 0);
    }
}
