//! `plenary new`: the skeleton of a declaration, every part in place with a `//` note saying
//! what it is, and a placeholder `[[...]]` wherever the drafter's words are to go. It checks
//! clean but for one `text::unfilled-placeholder` warning at each placeholder, and is in the
//! layout of `plenary fmt`.

use crate::ast::Document;
use crate::diagnostic::Diagnostic;
use crate::source::Source;

/// What the drafter knows already; what is not given becomes a placeholder or a note.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub title: Option<String>,
    pub series: Option<String>,
    pub forum: Option<String>,
    /// As `edition:` takes it: `first`, `3rd`, `XXI`.
    pub edition: Option<String>,
    pub host: Option<String>,
    pub place: Option<String>,
    /// The day the text is to be adopted, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// As `periodicity:` takes it: `annual`, `biennial`, `every 4 years`.
    pub periodicity: Option<String>,
}

/// The skeleton for these facts, or the syntax errors of a fact that does not read as its
/// field (a date that is no date), pointing into the skeleton named `name`.
pub fn skeleton(name: &str, facts: &Facts) -> Result<String, (Source, Vec<Diagnostic>)> {
    // The header is read back with the parser, so that each fact is read as the field reads
    // it; the next meeting follows from what it says.
    let header = header(facts);
    let source = Source::new(name, header.as_str());
    let parsed = crate::syntax::parse(&source);
    if parsed.diagnostics.iter().any(Diagnostic::is_error) {
        return Err((source, parsed.into_errors()));
    }
    let mut text = header;
    text.push_str(BODY);
    text.push_str(&next_meeting(&parsed.document));
    text.push_str(&closing(facts));
    Ok(text)
}

fn header(facts: &Facts) -> String {
    let mut out = String::from(
        "// A declaration begun with `plenary new`. Write the words of the text in place of each\n\
         // [[...]], and delete the notes once they have served; `plenary check` lists what is\n\
         // still to be written, and `plenary explain CODE` explains any other problem it finds.\n\
         //\n\
         // The header: the facts of the meeting, one `field: value` a line. A field in a note is\n\
         // one to fill in or delete.\n",
    );
    let field = |out: &mut String, key: &str, value: &Option<String>, hint: &str| match value {
        Some(value) => out.push_str(&format!("{key}: {}\n", value.trim())),
        None => out.push_str(&format!("// {key}: {hint}\n")),
    };
    match &facts.title {
        Some(title) => out.push_str(&format!("title: {}\n", title.trim())),
        None => out.push_str("title: [[the title of the declaration]]\n"),
    }
    field(
        &mut out,
        "series",
        &facts.series,
        "the series of meetings, such as ASEM SMEs Ministerial Meeting",
    );
    field(
        &mut out,
        "forum",
        &facts.forum,
        "the forum whose members meet, such as ASEM or APEC",
    );
    field(
        &mut out,
        "edition",
        &facts.edition,
        "which meeting of the series this is: first, 2nd, XXI",
    );
    field(
        &mut out,
        "host",
        &facts.host,
        "the member that hosts the meeting",
    );
    field(
        &mut out,
        "place",
        &facts.place,
        "the city, and the country: Beijing, China",
    );
    field(
        &mut out,
        "dates",
        &facts.date,
        "the days of the meeting: 2007-10-30 to 2007-10-31",
    );
    field(
        &mut out,
        "adopted",
        &facts.date,
        "the day the text is adopted: 2007-10-31",
    );
    out.push_str("languages: en\n");
    field(
        &mut out,
        "periodicity",
        &facts.periodicity,
        "how often the series meets: annual, biennial, every 3 years",
    );
    out.push_str(
        "// status: draft while the text is negotiated, its brackets then being working marks;\n\
         // adopted once it is.\n\
         status: draft\n",
    );
    out
}

/// The text: preamble, a section of numbered paragraphs, the annex of members.
const BODY: &str = "
// The preamble: who met, where, when and why, in unnumbered paragraphs. Words tied to a fact
// of the header are marked, so that plenary can hold them to it: `{Beijing = place}`.
[[who met, where and when: We, the Ministers responsible for ..., met in ... on ...]]

// A section: its heading, then its numbered paragraphs, one blank line between them. A
// paragraph may hold sub-paragraphs `(a)`, `(b)` and bulleted items `- `.
## [[the heading of the first section]]

1. [[the first paragraph]]

2. [[the second paragraph]]

// The annex: the members, one a line after `- `, and their count in parentheses after the
// title, which plenary checks against the list. Delete it if the text lists no members.
annex: [[the title of the list of members]]
- [[a member]]
";

/// The next meeting, as far as the header tells it: its edition and year follow from the
/// edition, the dates and the periodicity.
fn next_meeting(document: &Document) -> String {
    let header = &document.header;
    let mut out = String::from(
        "\n// The next meeting of the series, as the text announces it; plenary checks its edition,\n\
         // year and host against the periodicity and the rotation. Delete it if the text\n\
         // announces none.\n\
         next meeting:\n",
    );
    let next_edition = header
        .edition
        .as_ref()
        .and_then(|edition| crate::numbers::ordinal_words(edition.value.value + 1));
    match next_edition {
        Some(edition) => out.push_str(&format!("edition: {edition}\n")),
        None => out.push_str("// edition: which meeting it is: second\n"),
    }
    out.push_str("host: [[the host of the next meeting]]\n");
    let year = header
        .adopted
        .as_ref()
        .zip(header.periodicity.as_ref())
        .map(|(date, periodicity)| i32::from(date.value.year()) + periodicity.value.years() as i32);
    match year {
        Some(year) => out.push_str(&format!("year: {year}\n")),
        None => out.push_str("// year: the year of the next meeting: 2009\n"),
    }
    out
}

/// Where, when and by whom the text is adopted.
fn closing(facts: &Facts) -> String {
    let mut out = String::from(
        "\n// Where, when and by whom the text is adopted, printed at its end.\nclosing:\n",
    );
    match &facts.place {
        Some(place) => out.push_str(&format!("place: {}\n", place.trim())),
        None => out.push_str("place: [[the city where the text is adopted]]\n"),
    }
    match &facts.date {
        Some(date) => out.push_str(&format!("date: {}\n", date.trim())),
        None => out.push_str("// date: the day the text is adopted: 2007-10-31\n"),
    }
    out
}
