//! Generated declarations, for the property tests: valid documents built from the constructs of
//! the language, with the layout varied the ways drafters vary it (lines wrapped anywhere between
//! words, header lines in any order, indentation by tabs or spaces, extra blank lines, trailing
//! spaces, Windows line endings), so that a property can be checked on many more texts than the
//! examples and the corpus hold.

use proptest::prelude::*;

/// Words of running text, in English and Chinese, with the inline marks of the language.
const WORDS: &[&str] = &[
    "Ministers",
    "agreed",
    "to",
    "the",
    "of",
    "and",
    "SMEs",
    "cooperation",
    "in",
    "Asia",
    "Europe",
    "development",
    "*innovation*",
    "**markets**",
    "“Drive the Future”",
    "\"sound policy\"",
    "{45 = members}",
    "{2009 = next year}",
    "<https://www.asem-sme.net>",
    "[the portal](https://example.org)",
    "\\*",
    "2007",
    "Beijing,",
    "members;",
    "promote",
    "中小企业",
    "合作。",
    "e-commerce",
    "H.E.",
    "Mr.",
    "(SMEs)",
    "30-31",
    "October",
    "—",
];

/// Names of members, as the registry knows them.
const MEMBERS: &[&str] = &[
    "China",
    "Japan",
    "Viet Nam",
    "Germany",
    "France",
    "Brunei Darussalam",
    "Philippines",
    "Republic of Korea",
    "United Kingdom",
    "Indonesia",
    "Thailand",
    "Hong Kong, China",
];

/// A run of words, as one line.
fn words(min: usize, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), min..max).prop_map(|words| words.join(" "))
}

/// Text of a paragraph, its lines broken between some of its words: before a plain word, so
/// that no line starts with what would begin a block or a list.
fn wrapped(min: usize, max: usize) -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), min..max),
        prop::collection::vec(any::<bool>(), max),
    )
        .prop_map(|(words, breaks)| {
            let mut text = String::new();
            for (index, word) in words.iter().enumerate() {
                if index > 0 {
                    let plain = word.starts_with(|c: char| c.is_alphabetic());
                    text.push(if plain && breaks[index] { '\n' } else { ' ' });
                }
                text.push_str(word);
            }
            text.push('.');
            text
        })
}

/// Words without the marks of the language, for a title or a heading, which are plain text.
fn plain(words: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    words.prop_map(|words| words.replace(['*', '{', '}', '[', ']', '<', '>', '\\'], ""))
}

/// A header, its lines in any order.
fn header() -> impl Strategy<Value = String> {
    (
        plain(words(2, 8)),
        prop::sample::select(&["Beijing, China", "Lima", "Nanjing"][..]),
        prop::sample::select(&["2007-10-31", "2014-09-05"][..]),
        any::<bool>(),
    )
        .prop_flat_map(|(title, place, adopted, theme)| {
            // Words of marks alone (`\\*`) leave nothing once the marks are taken out.
            let title = if title.trim().is_empty() {
                "Joint Statement".to_string()
            } else {
                title
            };
            let mut lines = vec![
                format!("title: {title}"),
                format!("place: {place}"),
                format!("adopted: {adopted}"),
            ];
            if theme {
                lines.push("theme: Innovation and Sustainability".to_owned());
            }
            Just(lines).prop_shuffle()
        })
        .prop_map(|lines| lines.join("\n"))
}

/// One block of the text after the header; numbered paragraphs are numbered when the document
/// is put together.
#[derive(Debug, Clone)]
enum Block {
    Paragraph(String),
    Numbered(String, Vec<(u32, String)>),
    Bullets(String, Vec<(u32, String)>),
    Heading(String),
    Note(String),
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        wrapped(3, 30).prop_map(Block::Paragraph),
        (
            wrapped(3, 40),
            prop::collection::vec((0u32..2, wrapped(2, 12)), 0..4)
        )
            .prop_map(|(text, subs)| Block::Numbered(text, subs)),
        (
            wrapped(2, 10),
            prop::collection::vec((0u32..2, wrapped(2, 12)), 1..4)
        )
            .prop_map(|(text, items)| Block::Bullets(text, items)),
        words(1, 6).prop_map(|title| Block::Heading(
            title.replace(['*', '{', '}', '[', ']', '<', '>'], "")
        )),
        words(1, 10).prop_map(Block::Note),
    ]
}

/// How a generated document is laid out.
#[derive(Debug, Clone)]
struct Layout {
    crlf: bool,
    tabs: bool,
    blank_lines: usize,
    trailing_space: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    (any::<bool>(), any::<bool>(), 1usize..3, any::<bool>()).prop_map(
        |(crlf, tabs, blank_lines, trailing_space)| Layout {
            crlf,
            tabs,
            blank_lines,
            trailing_space,
        },
    )
}

/// A whole valid declaration: a header, blocks, perhaps a member annex and a closing.
pub fn declaration() -> impl Strategy<Value = String> {
    (
        header(),
        prop::collection::vec(block(), 1..12),
        prop::sample::subsequence(MEMBERS, 0..6),
        any::<bool>(),
        layout(),
    )
        .prop_map(|(header, blocks, members, closing, layout)| {
            let indent = |depth: u32| {
                if layout.tabs {
                    "\t".repeat(depth as usize)
                } else {
                    "    ".repeat(depth as usize)
                }
            };
            let mut parts = vec![header];
            let mut number = 0;
            for block in blocks {
                parts.push(match block {
                    Block::Paragraph(text) => text,
                    Block::Heading(title) => format!("## {title}"),
                    Block::Note(words) => format!("// {words}"),
                    Block::Numbered(text, subs) => {
                        number += 1;
                        // Letters at the first depth, Roman numerals under them, each run
                        // starting again under the item before.
                        let mut counts = [0; 2];
                        let lines = nested(&subs, &indent, |depth| {
                            if depth == 0 {
                                counts[1] = 0;
                            }
                            counts[depth] += 1;
                            let count = counts[depth];
                            match depth {
                                0 => format!("({})", char::from(b'a' + count - 1)),
                                _ => format!(
                                    "({})",
                                    ["i", "ii", "iii", "iv"][usize::from(count - 1)]
                                ),
                            }
                        });
                        format!("{number}. {text}{lines}")
                    }
                    Block::Bullets(text, items) => {
                        format!("{text}{}", nested(&items, &indent, |_| "-".to_owned()))
                    }
                });
            }
            if !members.is_empty() {
                let mut annex = format!("annex: List of Members ({})", members.len());
                for member in &members {
                    annex.push_str(&format!("\n- {member}"));
                }
                parts.push(annex);
            }
            if closing {
                parts.push("closing:\nplace: Beijing\nby: the Ministers".to_owned());
            }
            let blank = "\n".repeat(layout.blank_lines + 1);
            let mut text = parts.join(&blank);
            text.push('\n');
            if layout.trailing_space {
                text = text.replace('\n', "  \n");
            }
            if layout.crlf {
                text = text.replace('\n', "\r\n");
            }
            text
        })
}

/// The lines of items nested under a paragraph, each on its own line after its indentation and
/// its mark (`marker` is given the item's depth); an item's own line breaks are joined, since a
/// line of it that starts with a mark would start an item of its own.
fn nested(
    items: &[(u32, String)],
    indent: &impl Fn(u32) -> String,
    mut marker: impl FnMut(usize) -> String,
) -> String {
    let mut out = String::new();
    for (depth, text) in items {
        out.push_str(&format!(
            "\n{}{} {}",
            indent(*depth),
            marker(*depth as usize),
            text.replace('\n', " ")
        ));
    }
    out
}
