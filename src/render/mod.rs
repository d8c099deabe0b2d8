//! Rendering: the checked syntax tree to the forms people read. One renderer per file, each a
//! plain function from the tree to bytes; this module holds what every renderer shares, so that
//! a reference or a date reads the same in every output.

pub mod pdf;

use std::collections::HashMap;

use crate::ast::{Block, DateRange, Document, Subparagraph, Version};

/// The language of a version: its `version:` tag, or the header's first language for the
/// original (English when the header names none).
pub fn language_of<'a>(document: &'a Document, version: &'a Version) -> &'a str {
    match &version.header {
        Some(header) => &header.language.value,
        None => document
            .header
            .languages
            .first()
            .map_or("en", |l| l.value.as_str()),
    }
}

/// What a reference `{@name}` prints as, for every label of a version: the number of the
/// paragraph (`14`), of the sub-paragraph (`14 (a)`), or the words of the heading or annex title.
///
/// A translation is tied paragraph by paragraph to the original, so the labels of the original
/// are looked up in the translation by position: a reference in the Chinese text to `rotation`
/// prints the number of the Chinese paragraph at the same place.
#[derive(Debug, Default)]
pub struct References {
    targets: HashMap<String, String>,
}

impl References {
    /// The reference targets of `version`, with the original's labels placed by position.
    pub fn of(document: &Document, version: &Version) -> References {
        let mut targets = HashMap::new();
        let original = document.versions.first();
        for source in original.into_iter().chain(std::iter::once(version)) {
            collect_targets(source, version, &mut targets);
        }
        References { targets }
    }

    /// What the reference `{@name}` prints as, or `None` for a label that does not exist (which
    /// the check `references::unresolved` reports).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.targets.get(name).map(String::as_str)
    }
}

/// Records what each label of `labelled` names, printed as the matching item of `printed`.
fn collect_targets(labelled: &Version, printed: &Version, out: &mut HashMap<String, String>) {
    for (section, printed_section) in labelled.sections.iter().zip(&printed.sections) {
        if let (Some(heading), Some(printed_heading)) = (&section.heading, &printed_section.heading)
        {
            if let Some(label) = &heading.label {
                out.insert(
                    label.value.clone(),
                    crate::ast::plain_text(&printed_heading.content),
                );
            }
        }
        for (block, printed_block) in section.blocks.iter().zip(&printed_section.blocks) {
            let (Block::NumberedParagraph(paragraph), Block::NumberedParagraph(printed)) =
                (block, printed_block)
            else {
                continue;
            };
            let number = &printed.number.written;
            if let Some(label) = &paragraph.label {
                out.insert(label.value.clone(), number.clone());
            }
            collect_subparagraph_targets(
                &paragraph.subparagraphs,
                &printed.subparagraphs,
                number,
                out,
            );
        }
    }
    if let (Some(annex), Some(printed_annex)) = (&labelled.annex, &printed.annex) {
        if let Some(label) = &annex.label {
            out.insert(label.value.clone(), printed_annex.title.value.clone());
        }
    }
}

fn collect_subparagraph_targets(
    labelled: &[Subparagraph],
    printed: &[Subparagraph],
    prefix: &str,
    out: &mut HashMap<String, String>,
) {
    for (subparagraph, printed) in labelled.iter().zip(printed) {
        let number = format!("{prefix} ({})", printed.marker.value);
        if let Some(label) = &subparagraph.label {
            out.insert(label.value.clone(), number.clone());
        }
        collect_subparagraph_targets(&subparagraph.children, &printed.children, &number, out);
    }
}

/// A date as a reader of `language` writes it: `31 October 2007`, `2007年10月31日`.
pub fn date(date: crate::ast::Date, language: &str) -> String {
    if is_chinese(language) {
        format!("{}年{}月{}日", date.year(), date.month(), date.day())
    } else {
        format!(
            "{} {} {}",
            date.day(),
            month_name(date.month()),
            date.year()
        )
    }
}

/// A meeting's dates as a reader of `language` writes them: `30–31 October 2007`,
/// `30 October – 2 November 2007`, `2007年10月30日至31日`.
pub fn date_range(range: DateRange, language: &str) -> String {
    let DateRange { start, end } = range;
    if start == end {
        return date(start, language);
    }
    let same_year = start.year() == end.year();
    let same_month = same_year && start.month() == end.month();
    if is_chinese(language) {
        let tail = if same_month {
            format!("{}日", end.day())
        } else if same_year {
            format!("{}月{}日", end.month(), end.day())
        } else {
            date(end, language)
        };
        return format!("{}至{}", date(start, language), tail);
    }
    if same_month {
        format!(
            "{}\u{2013}{} {} {}",
            start.day(),
            end.day(),
            month_name(end.month()),
            end.year()
        )
    } else if same_year {
        format!(
            "{} {} \u{2013} {} {} {}",
            start.day(),
            month_name(start.month()),
            end.day(),
            month_name(end.month()),
            end.year()
        )
    } else {
        format!("{} \u{2013} {}", date(start, language), date(end, language))
    }
}

/// Whether a language tag names Chinese (`zh`, `zh-Hans`, `zh-CN`).
pub fn is_chinese(language: &str) -> bool {
    language == "zh" || language.starts_with("zh-")
}

fn month_name(month: i8) -> &'static str {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS[(month - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    #[test]
    fn dates_in_english_and_chinese() {
        assert_eq!(date(d(2007, 10, 31), "en"), "31 October 2007");
        assert_eq!(date(d(2007, 10, 31), "zh"), "2007年10月31日");
        let range = |a, b| DateRange { start: a, end: b };
        let one_month = range(d(2007, 10, 30), d(2007, 10, 31));
        assert_eq!(date_range(one_month, "en"), "30–31 October 2007");
        assert_eq!(date_range(one_month, "zh-Hans"), "2007年10月30日至31日");
        let two_months = range(d(2014, 8, 30), d(2014, 9, 2));
        assert_eq!(date_range(two_months, "en"), "30 August – 2 September 2014");
        assert_eq!(date_range(two_months, "zh"), "2014年8月30日至9月2日");
        let one_day = range(d(2018, 6, 23), d(2018, 6, 23));
        assert_eq!(date_range(one_day, "en"), "23 June 2018");
    }

    #[test]
    fn references_print_the_number_of_the_matching_paragraph_in_each_version() {
        let source = crate::source::Source::new(
            "t.decl",
            "title: T\nlanguages: en, zh\n\n## A\n\n7. {#rotation} Hosts alternate.\n\
             (a) {#first} first\n\n8. As in {@rotation} and {@first}.\n\n\
             annex: {#members} List of Members\n- China\n\n\
             version: zh\n\n## 甲\n\n7、轮流。\n(a) 第一\n\n8、见{@rotation}。\n\nannex: 成员名单\n- 中国\n",
        );
        let document = crate::syntax::parse(&source).document;
        let original = References::of(&document, &document.versions[0]);
        assert_eq!(original.get("rotation"), Some("7"));
        assert_eq!(original.get("first"), Some("7 (a)"));
        assert_eq!(original.get("members"), Some("List of Members"));
        assert_eq!(original.get("nowhere"), None);
        let chinese = References::of(&document, &document.versions[1]);
        assert_eq!(chinese.get("members"), Some("成员名单"));
        assert_eq!(language_of(&document, &document.versions[1]), "zh");
        assert_eq!(language_of(&document, &document.versions[0]), "en");
    }
}
