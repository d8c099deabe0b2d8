//! Rendering: the analysed document to the forms people read. [`print`] builds the print
//! model, what every output prints; each renderer is then a plain function from that model to
//! bytes, one per file. This module holds the options, the anchors and the dates of every
//! language that the print model uses.

pub mod html;
pub mod json;
pub mod markdown;
pub mod pdf;
pub mod print;

use crate::ast::DateRange;

/// What every renderer is asked to print.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The language version to print, by its tag (`zh`); `None` for the original. JSON prints
    /// every version unless one is asked for.
    pub language: Option<String>,
    /// Print the language versions side by side, paragraph beside paragraph: every version in
    /// HTML, the first two in the PDF; Markdown and JSON print the versions as without it.
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
pub type Renderer = fn(&print::Print, &Options) -> Result<Vec<u8>, RenderError>;

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
    /// The section at `index` (from 0) of its version: `s-1`.
    pub fn section(index: usize) -> String {
        format!("s-{}", index + 1)
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
}
