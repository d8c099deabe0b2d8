//! What plenary needs to know of characters beyond what the standard library says: which print
//! as nothing, and which letters of a name are look-alikes from another script.
//!
//! A name is compared with the registry's after both are folded (`registry::fold`), and the
//! fold leaves out the characters that print as nothing and puts back the letters a name took
//! from another script: `Vi\u{200B}et Nam` and `Chin\u{430}` (a Cyrillic `а`) are `Viet Nam`
//! and `China`, never members of their own that print the same. The check
//! `members::look-alike-name` says where such a name was written.

use unicode_security::mixed_script::AugmentedScriptSet;
use unicode_security::MixedScript;

/// Whether a character is Unicode's Default_Ignorable_Code_Point: it prints as nothing when a
/// font lacks it (the zero-width space and joiners, direction marks, variation selectors, the
/// soft hyphen, the word joiner, the byte-order mark).
pub fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether a character is a Chinese, Japanese or Korean ideograph (or a CJK mark or kana),
/// which is written without spaces between words and needs a CJK font.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// A character of a name that makes it look like another: one that prints as nothing, or a
/// letter of another script than the rest of the name's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookAlike {
    /// Its byte offset in the name.
    pub at: usize,
    pub character: char,
    /// The letter of the name's own script it looks like; `None` for one that prints as
    /// nothing.
    pub looks_like: Option<String>,
}

/// The name as it reads: without the characters that print as nothing, and with each letter of
/// another script than the rest put back as the letter of the name's script it looks like.
/// Returns `None` when the name has no such character.
pub fn repaired(name: &str) -> Option<(String, Vec<LookAlike>)> {
    if name.is_ascii() {
        return None;
    }
    let has_invisible = name.chars().any(is_default_ignorable);
    if !has_invisible && name.is_single_script() {
        return None;
    }
    let mut found: Vec<LookAlike> = name
        .char_indices()
        .filter(|&(_, c)| is_default_ignorable(c))
        .map(|(at, character)| LookAlike {
            at,
            character,
            looks_like: None,
        })
        .collect();
    let visible: String = name.chars().filter(|&c| !is_default_ignorable(c)).collect();
    let mut repaired = visible.clone();
    if !visible.as_str().is_single_script() {
        if let Some((fixed, letters)) = own_script(name) {
            repaired = fixed;
            found.extend(letters);
            found.sort_by_key(|l| l.at);
        }
    }
    (!found.is_empty()).then_some((repaired, found))
}

/// Puts back the letters of a name of mixed scripts: the script kept is the one whose letters,
/// with each other letter replaced by its look-alike (Unicode's confusables, UTS #39), make a
/// name of one script. A name of two scripts that look like nothing of each other (a Latin
/// name with a Chinese one) is left as it is.
fn own_script(name: &str) -> Option<(String, Vec<LookAlike>)> {
    let letters: Vec<(usize, char, AugmentedScriptSet)> = name
        .char_indices()
        .filter(|&(_, c)| !is_default_ignorable(c))
        .map(|(at, c)| (at, c, AugmentedScriptSet::for_char(c)))
        .collect();
    // The scripts present, the most used first.
    let mut scripts: Vec<(AugmentedScriptSet, usize)> = Vec::new();
    for (_, _, set) in &letters {
        if set.is_all() {
            continue;
        }
        match scripts.iter_mut().find(|(s, _)| s == set) {
            Some((_, count)) => *count += 1,
            None => scripts.push((*set, 1)),
        }
    }
    scripts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    for (own, _) in scripts {
        let mut fixed = String::new();
        let mut found = Vec::new();
        for &(at, c, set) in &letters {
            let mut shared = set;
            shared.intersect_with(own);
            if set.is_all() || !shared.is_empty() {
                fixed.push(c);
                continue;
            }
            let prototype: String =
                unicode_security::skeleton(c.encode_utf8(&mut [0; 4])).collect();
            fixed.push_str(&prototype);
            found.push(LookAlike {
                at,
                character: c,
                looks_like: Some(prototype),
            });
        }
        if fixed.as_str().is_single_script() {
            return Some((fixed, found));
        }
    }
    None
}

/// A name as a message shows it, with each character that makes it look like another written
/// out (`Vi<U+200B>et Nam`, `Chin<U+0430>`), so that two names that print the same are told
/// apart.
pub fn shown(name: &str) -> String {
    match repaired(name) {
        Some((_, found)) => written_out(name, &found),
        None => name.to_string(),
    }
}

/// The name with the look-alikes already found in it written out, as [`shown`] writes them.
pub fn written_out(name: &str, found: &[LookAlike]) -> String {
    let mut out = String::new();
    for (at, c) in name.char_indices() {
        if found.iter().any(|l| l.at == at) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zero_width_space_is_left_out() {
        let (fixed, found) = repaired("Vi\u{200B}et Nam").expect("a look-alike");
        assert_eq!(fixed, "Viet Nam");
        assert_eq!(found[0].character, '\u{200B}');
        assert_eq!(shown("Vi\u{200B}et Nam"), "Vi<U+200B>et Nam");
    }

    #[test]
    fn a_cyrillic_letter_in_a_latin_name_is_put_back() {
        let (fixed, found) = repaired("Chin\u{430}").expect("a look-alike");
        assert_eq!(fixed, "China");
        assert_eq!(found[0].looks_like.as_deref(), Some("a"));
        assert_eq!(shown("Chin\u{430}"), "Chin<U+0430>");
    }

    #[test]
    fn names_in_one_script_are_left_alone() {
        for name in [
            "China",
            "中国",
            "Côte d'Ivoire",
            "Россия",
            "日本国",
            "Hong Kong, China",
        ] {
            assert_eq!(repaired(name), None, "{name}");
        }
    }
}
