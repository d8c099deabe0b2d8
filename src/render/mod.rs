//! Rendering: the checked syntax tree to the forms people read. One renderer per file, each a
//! plain function from the tree to bytes; this module holds what every renderer shares, so that
//! a reference or a date reads the same in every output.

pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;

use std::collections::HashMap;

use crate::ast::{Block, DateRange, Document, Numbering, ParagraphNumber, Subparagraph, Version};

/// What every renderer is asked to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The language version to print, by its tag (`zh`); `None` for the original. JSON prints
    /// every version unless one is asked for.
    pub language: Option<String>,
    /// Print every language version side by side, paragraph beside paragraph (HTML only).
    pub parallel: bool,
    /// The source has errors and is printed only as a preview: the output says so visibly.
    pub draft: bool,
    /// How the PDF is printed: paper, fonts, creation date. The other formats ignore it.
    pub print: pdf::PdfOptions,
}

/// What a draft preview says at its top, so that nobody takes it for the declaration.
pub const DRAFT_NOTICE: &str =
    "Draft: this text has errors and is printed only as a preview. It is not the declaration.";

/// Why a renderer could not print a document, in a drafter's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RenderError {}

/// The shape every renderer has, so that the build can dispatch on the format.
pub type Renderer = fn(&Document, &Options) -> Result<Vec<u8>, RenderError>;

/// The versions `options` asks for: the one named by `language`, or every version.
pub fn versions<'a>(
    document: &'a Document,
    options: &Options,
) -> Result<Vec<&'a Version>, RenderError> {
    let Some(language) = &options.language else {
        return Ok(document.versions.iter().collect());
    };
    match document
        .versions
        .iter()
        .find(|v| document.language_of(v) == language)
    {
        Some(version) => Ok(vec![version]),
        None => {
            let have: Vec<&str> = document
                .versions
                .iter()
                .map(|v| document.language_of(v))
                .collect();
            Err(RenderError {
                message: format!(
                    "the declaration has no `{language}` version; its versions are: {}",
                    have.join(", ")
                ),
            })
        }
    }
}

/// The one version `options` asks for: the one named by `language`, else the original.
pub fn version<'a>(document: &'a Document, options: &Options) -> Result<&'a Version, RenderError> {
    let versions = versions(document, options)?;
    versions.first().copied().ok_or_else(|| RenderError {
        message: "the declaration has no text to print".to_string(),
    })
}

/// The title of a version: its own, else the original's.
pub fn title<'a>(document: &'a Document, version: &'a Version) -> Option<&'a str> {
    version
        .header
        .as_ref()
        .and_then(|h| h.title.as_ref())
        .or(document.header.title.as_ref())
        .map(|t| t.value.as_str())
}

/// The line under the title: the place and the dates of the meeting, in the version's words.
pub fn place_and_date(document: &Document, version: &Version) -> Option<String> {
    let language = document.language_of(version);
    let place = version
        .header
        .as_ref()
        .and_then(|h| h.place.as_ref())
        .or(document.header.place.as_ref())
        .map(|p| p.value.clone());
    let when = match (&document.header.dates, &document.header.adopted) {
        (Some(dates), _) => Some(date_range(dates.value, language)),
        (None, Some(adopted)) => Some(date(adopted.value, language)),
        (None, None) => None,
    };
    join_place_and_date(place, when, language)
}

/// `Beijing, 24 June 2018`, or `北京，2018年6月24日` with the Chinese comma; either part alone.
fn join_place_and_date(
    place: Option<String>,
    date: Option<String>,
    language: &str,
) -> Option<String> {
    match (place, date) {
        (Some(place), Some(date)) if is_chinese(language) => Some(format!("{place}\u{ff0c}{date}")),
        (Some(place), Some(date)) => Some(format!("{place}, {date}")),
        (place, date) => place.or(date),
    }
}

/// A title with its stated count, as the annex gives it: `Asia (16)`.
pub fn with_count(title: &str, count: Option<u32>) -> String {
    match count {
        Some(count) => format!("{title} ({count})"),
        None => title.to_string(),
    }
}

/// The closing's line of place and date (`Beijing, 24 June 2018`); the date is the date of
/// adoption unless the closing states another.
pub fn closing_line(
    document: &Document,
    closing: &crate::ast::Closing,
    language: &str,
) -> Option<String> {
    let date = closing
        .date
        .as_ref()
        .or(document.header.adopted.as_ref())
        .map(|d| date(d.value, language));
    let place = closing.place.as_ref().map(|p| p.value.clone());
    join_place_and_date(place, date, language)
}

/// What stands between a paragraph number and its text: a space after `7.`, nothing after the
/// Chinese `7、`, whose mark already spaces it.
pub fn after_number(terminator: char) -> &'static str {
    if terminator == '\u{3001}' {
        ""
    } else {
        " "
    }
}

/// The quotation marks of a language, opening and closing.
pub fn quotation_marks(_language: &str) -> (&'static str, &'static str) {
    // English and Chinese both print a quotation between curved double marks; a language with
    // other marks (French guillemets) gets its own arm here.
    ("\u{201c}", "\u{201d}")
}

/// Whether a link target may be printed as a link: only web and mail addresses, so that a
/// `javascript:` or `data:` address in the source can never run in a reader's browser.
pub fn is_safe_link(target: &str) -> bool {
    let lower = target.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Stable anchors: the `id` of each part of a printed version, shared by the HTML (as element
/// ids) and the JSON (for tools that link into the HTML), so a URL can point at paragraph 14.
pub mod anchor {
    use super::*;

    /// The section at `index` (from 0) of its version: `s-1`.
    pub fn section(index: usize) -> String {
        format!("s-{}", index + 1)
    }

    /// A numbered paragraph: `p-14`; with numbers restarting in each section, `s-2-p-3`.
    pub fn paragraph(document: &Document, section: usize, number: &ParagraphNumber) -> String {
        let numbering = document.header.numbering.as_ref().map(|n| n.value);
        if numbering == Some(Numbering::PerSection) {
            format!("{}-p-{}", self::section(section), number.written)
        } else {
            format!("p-{}", number.written)
        }
    }

    /// A sub-paragraph, after the anchor of what holds it: `p-5-a`, `p-5-b-ii`.
    pub fn subparagraph(parent: &str, marker: &str) -> String {
        format!("{parent}-{marker}")
    }

    /// The member annex.
    pub const ANNEX: &str = "annex";

    /// Whether a name has the form of an anchor made here (`annex`, `p-14`, `fn-1`, ...): a
    /// drafter's label of that form is not used as an anchor of its own, so no id is repeated.
    pub fn is_generated(name: &str) -> bool {
        name == ANNEX
            || ["p-", "s-", "fn-", "fnref-", "annex-"]
                .iter()
                .any(|prefix| name.starts_with(prefix))
    }

    /// A group of the annex, by its index from 0: `annex-1`.
    pub fn group(index: usize) -> String {
        format!("annex-{}", index + 1)
    }

    /// A footnote's text: `fn-1`.
    pub fn footnote(id: &str) -> String {
        format!("fn-{id}")
    }

    /// A footnote's marker in the text: `fnref-1`; later markers of the same note add `-2`, `-3`.
    pub fn footnote_ref(id: &str, occurrence: usize) -> String {
        if occurrence <= 1 {
            format!("fnref-{id}")
        } else {
            format!("fnref-{id}-{occurrence}")
        }
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
    targets: HashMap<String, Target>,
}

/// What a label names: the words a reference prints, and the anchor it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Target {
    text: String,
    anchor: String,
}

impl References {
    /// The reference targets of `version`, with the original's labels placed by position.
    pub fn of(document: &Document, version: &Version) -> References {
        let mut targets = HashMap::new();
        let original = document.versions.first();
        for source in original.into_iter().chain(std::iter::once(version)) {
            collect_targets(document, source, version, &mut targets);
        }
        References { targets }
    }

    /// What the reference `{@name}` prints as, or `None` for a label that does not exist (which
    /// the check `references::unresolved` reports).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.targets.get(name).map(|t| t.text.as_str())
    }

    /// The anchor (see [`anchor`]) of the part that `{@name}` names, for a link to it.
    pub fn anchor(&self, name: &str) -> Option<&str> {
        self.targets.get(name).map(|t| t.anchor.as_str())
    }
}

/// Records what each label of `labelled` names, printed as the matching item of `printed`.
fn collect_targets(
    document: &Document,
    labelled: &Version,
    printed: &Version,
    out: &mut HashMap<String, Target>,
) {
    let mut insert = |label: &str, text: String, anchor: String| {
        out.insert(label.to_string(), Target { text, anchor });
    };
    for (index, (section, printed_section)) in
        labelled.sections.iter().zip(&printed.sections).enumerate()
    {
        if let (Some(heading), Some(printed_heading)) = (&section.heading, &printed_section.heading)
        {
            if let Some(label) = &heading.label {
                insert(
                    &label.value,
                    crate::ast::plain_text(&printed_heading.content),
                    anchor::section(index),
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
            let id = anchor::paragraph(document, index, &printed.number);
            if let Some(label) = &paragraph.label {
                insert(&label.value, number.clone(), id.clone());
            }
            collect_subparagraph_targets(
                &paragraph.subparagraphs,
                &printed.subparagraphs,
                (number, &id),
                &mut insert,
            );
        }
    }
    if let (Some(annex), Some(printed_annex)) = (&labelled.annex, &printed.annex) {
        if let Some(label) = &annex.label {
            insert(
                &label.value,
                printed_annex.title.value.clone(),
                anchor::ANNEX.to_string(),
            );
        }
    }
}

fn collect_subparagraph_targets(
    labelled: &[Subparagraph],
    printed: &[Subparagraph],
    (prefix, parent): (&str, &str),
    insert: &mut dyn FnMut(&str, String, String),
) {
    for (subparagraph, printed) in labelled.iter().zip(printed) {
        let number = format!("{prefix} ({})", printed.marker.value);
        let id = anchor::subparagraph(parent, &printed.marker.value);
        if let Some(label) = &subparagraph.label {
            insert(&label.value, number.clone(), id.clone());
        }
        collect_subparagraph_targets(
            &subparagraph.children,
            &printed.children,
            (&number, &id),
            insert,
        );
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
    fn only_web_and_mail_addresses_are_links() {
        for safe in [
            "https://www.asem-sme.net",
            "http://x.org",
            "HTTPS://X.ORG",
            "mailto:a@b.org",
        ] {
            assert!(is_safe_link(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "vbscript:x",
            "//x.org",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_link(unsafe_), "{unsafe_}");
        }
    }

    #[test]
    fn the_line_under_the_title_gives_place_and_dates_in_each_language() {
        let source = crate::source::Source::new(
            "t.decl",
            "title: T\nplace: Beijing, China\ndates: 2007-10-30 to 2007-10-31\nlanguages: en, zh\n\n\
             1. One.\n\nversion: zh\nplace: 中国 北京\n\n1、一。\n",
        );
        let document = crate::syntax::parse(&source).document;
        assert_eq!(
            place_and_date(&document, &document.versions[0]).as_deref(),
            Some("Beijing, China, 30–31 October 2007")
        );
        assert_eq!(
            place_and_date(&document, &document.versions[1]).as_deref(),
            Some("中国 北京，2007年10月30日至31日")
        );
    }

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
        assert_eq!(original.anchor("rotation"), Some("p-7"));
        assert_eq!(original.anchor("first"), Some("p-7-a"));
        assert_eq!(original.anchor("members"), Some("annex"));
        let chinese = References::of(&document, &document.versions[1]);
        assert_eq!(chinese.get("members"), Some("成员名单"));
        assert_eq!(document.language_of(&document.versions[1]), "zh");
        assert_eq!(document.language_of(&document.versions[0]), "en");
    }
}
