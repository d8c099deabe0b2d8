//! Every format says the same: for every example and every language version, the title, the
//! line under it, every paragraph with its number, sub-paragraph and heading, the annex with its
//! counts, the footnotes with their numbers and the closing read the same in the Markdown (read
//! back with a CommonMark parser), the HTML (with an HTML5 parser), the JSON and the PDF (with
//! pdftotext), as the print model gives them.

use std::path::Path;
use std::process::Command;

use plenary::build::{self, Format};
use plenary::render::print::{Bullet, Inline, Paragraph, Part, Print, Subparagraph, Text};
use plenary::render::Options;
use pulldown_cmark::{Event, Tag, TagEnd};
use scraper::{ElementRef, Html, Node, Selector};

const EXAMPLES: [&str; 4] = [
    "asem-sme-2007.decl",
    "apec-smemm-2014.decl",
    "world-sme-2018.decl",
    "minimal.decl",
];

/// Inline content as every format prints it, each footnote marker as `marker` writes it.
fn marked(content: &[Inline], marker: &dyn Fn(usize) -> String) -> String {
    plenary::render::print::plain_marked(content, marker)
}

fn caret(n: usize) -> String {
    format!("^{n}")
}

/// Inline content as the PDF prints it: a footnote marker is a raised number, which text
/// extraction reads as a plain one.
pub fn with_markers(content: &[Inline]) -> String {
    marked(content, &|n| n.to_string())
}

/// The paragraphs of a text as the PDF prints them, in reading order: headings, paragraphs with
/// their numbers, sub-paragraphs with their markers, the annex's title and members.
pub fn printed_paragraphs(text: &Text) -> Vec<String> {
    digest(text, &|n| n.to_string())
        .into_iter()
        .filter(|line| !line.starts_with('\u{0}'))
        .collect()
}

/// What a reader of a text finds, in reading order: the title, the line under it, every
/// heading, paragraph and sub-paragraph, the annex's title, groups and members, the closing and
/// the footnotes. Lines a PDF sets apart (the title block, the closing and the footnotes, which
/// stand at the foot of a page) start with a NUL, for `printed_paragraphs` to leave out.
fn digest(text: &Text, marker: &dyn Fn(usize) -> String) -> Vec<String> {
    let mut out = Vec::new();
    let set_apart = |line: &str| format!("\u{0}{line}");
    out.extend(text.title.as_deref().map(set_apart));
    out.extend(text.place_and_date.as_deref().map(set_apart));
    fn bullets(list: &[Bullet], marker: &dyn Fn(usize) -> String, out: &mut Vec<String>) {
        for b in list {
            out.push(marked(&b.content, marker));
            bullets(&b.bullets, marker, out);
        }
    }
    let paragraph = |p: &Paragraph, out: &mut Vec<String>| {
        let words = marked(&p.content, marker);
        // A list with no words leading into it stands alone.
        if !words.is_empty() || p.number.is_some() {
            out.push(match &p.number {
                Some(n) => format!("{}{}{words}", n.printed(), n.separator())
                    .trim_end()
                    .to_string(),
                None => words,
            });
        }
        bullets(&p.bullets, marker, out);
        fn subparagraphs(
            list: &[Subparagraph],
            marker: &dyn Fn(usize) -> String,
            out: &mut Vec<String>,
        ) {
            for s in list {
                out.push(format!("({}) {}", s.marker, marked(&s.content, marker)));
                bullets(&s.bullets, marker, out);
                subparagraphs(&s.subparagraphs, marker, out);
            }
        }
        subparagraphs(&p.subparagraphs, marker, out);
    };
    for (_, part) in text.parts() {
        match part {
            Part::Title(_) => {}
            Part::Heading(_, heading) => out.push(marked(&heading.content, marker)),
            Part::Paragraph(p) => paragraph(p, &mut out),
            Part::Annex(annex) => {
                if annex.has_heading() {
                    out.push(annex.heading.clone());
                }
                out.extend(annex.members.iter().map(|m| m.name.clone()));
                for group in &annex.groups {
                    out.push(group.heading.clone());
                    out.extend(group.members.iter().map(|m| m.name.clone()));
                }
            }
            Part::Closing(closing) => {
                out.extend(closing.line.as_deref().map(set_apart));
                out.extend(closing.by.as_deref().map(set_apart));
            }
            Part::Signatures(block) => {
                for signatory in &block.signatories {
                    let lines = [&signatory.party, &signatory.name].into_iter().flatten();
                    out.extend(lines.chain(&signatory.titles).cloned());
                }
            }
            Part::Footnotes(footnotes) => {
                for footnote in footnotes {
                    out.push(set_apart(&format!(
                        "{} {}",
                        footnote.number,
                        marked(&footnote.content, marker)
                    )));
                }
            }
        }
    }
    out
}

/// One space between words, none at the ends.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The blocks of a Markdown page, in order: headings, paragraphs, list items (without their
/// nested lists) and footnotes as `N text`.
fn markdown_digest(markdown: &str) -> Vec<String> {
    let parser =
        pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_FOOTNOTES);
    let mut out: Vec<String> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut footnote: Option<String> = None;
    for event in parser {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => footnote = Some(label.to_string()),
            Event::End(TagEnd::FootnoteDefinition) => footnote = None,
            Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::Item) => {
                open.push(out.len());
                out.push(footnote.take().map(|n| format!("{n} ")).unwrap_or_default());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                open.pop();
            }
            // A nested list starts a line of its own; the item's text so far is done.
            Event::Start(Tag::List(_)) => {
                if let Some(&index) = open.last() {
                    open.push(index);
                }
            }
            Event::End(TagEnd::List(_)) => {}
            Event::Text(t) | Event::Code(t) => {
                if let Some(&index) = open.last() {
                    out[index].push_str(&t);
                }
            }
            Event::FootnoteReference(label) => {
                if let Some(&index) = open.last() {
                    out[index].push_str(&format!("^{label}"));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&index) = open.last() {
                    out[index].push(' ');
                }
            }
            _ => {}
        }
    }
    // The draft notice is no part of the declaration.
    out.into_iter()
        .map(|line| squash(&line))
        .filter(|line| !line.is_empty())
        .collect()
}

/// The text of an HTML element as a reader sees it: footnote markers as `^1`, without nested
/// lists, backlinks and the drafter's empty label anchors.
fn html_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) => {
                let child = ElementRef::wrap(child).expect("an element");
                let class = |name: &str| e.classes().any(|c| c == name);
                if e.name() == "ol" || e.name() == "ul" || class("backlink") {
                    continue;
                }
                if class("footnote-ref") {
                    out.push('^');
                }
                html_text(child, out);
            }
            _ => {}
        }
    }
}

/// The blocks of an HTML page, in document order, as [`digest`] lists them.
fn html_digest(page: &str) -> Vec<String> {
    let html = Html::parse_document(page);
    let blocks = Selector::parse(
        "h1, p.meta, h2, h3, h4, h5, h6, div.signatory p, a.number, div.paragraph p, ol.subparagraphs > li, \
         ul.bullets > li, ul.members > li, p.place-date, p.by, section.footnotes li",
    )
    .expect("a selector");
    let mut out = Vec::new();
    let mut number: Option<String> = None;
    for element in html.select(&blocks) {
        let mut text = String::new();
        html_text(element, &mut text);
        if element.value().classes().any(|c| c == "number") {
            number = Some(text);
            continue;
        }
        if let Some(number) = number.take() {
            // The number and its text stand apart in the page; a reader reads them as one.
            let separator = if number.ends_with('、') { "" } else { " " };
            text = format!("{number}{separator}{}", text.trim_start());
        }
        out.push(squash(&text));
    }
    out
}

/// The JSON of one version, as [`digest`] lists it.
fn json_digest(json: &serde_json::Value) -> Vec<String> {
    let version = &json["versions"][0];
    let mut out = Vec::new();
    let text_of = |content: &serde_json::Value| -> String {
        fn walk(content: &serde_json::Value, out: &mut String) {
            for inline in content.as_array().into_iter().flatten() {
                match inline["type"].as_str() {
                    Some("text") | Some("fact") => out.push_str(inline["text"].as_str().unwrap()),
                    Some("footnote-ref") => match inline["number"].as_u64() {
                        Some(n) => out.push_str(&format!("^{n}")),
                        None => out.push_str(&format!("[^{}]", inline["id"].as_str().unwrap())),
                    },
                    Some("reference") => match inline["text"].as_str() {
                        Some(text) => out.push_str(text),
                        None => {
                            out.push_str(&format!("{{@{}}}", inline["label"].as_str().unwrap()))
                        }
                    },
                    Some("quote") => {
                        out.push('\u{201c}');
                        walk(&inline["content"], out);
                        out.push('\u{201d}');
                    }
                    Some("link") if inline["content"].as_array().is_some_and(|c| c.is_empty()) => {
                        out.push_str(inline["target"].as_str().unwrap())
                    }
                    _ => walk(&inline["content"], out),
                }
            }
        }
        let mut out = String::new();
        walk(content, &mut out);
        out
    };
    let mut push = |value: &serde_json::Value| {
        if let Some(text) = value.as_str() {
            out.push(text.to_string());
        }
    };
    push(&version["title"]);
    push(&version["place_and_date"]);
    let mut lines = Vec::new();
    let paragraph = |p: &serde_json::Value, lines: &mut Vec<String>| {
        let words = text_of(&p["content"]);
        match p["number"].as_object() {
            Some(n) => {
                let terminator = n["terminator"].as_str().unwrap();
                let separator = if terminator == "、" { "" } else { " " };
                let opening = if n["parenthesized"].as_bool().unwrap() {
                    "("
                } else {
                    ""
                };
                let line = format!(
                    "{opening}{}{terminator}{separator}{words}",
                    n["written"].as_str().unwrap()
                );
                // A number alone on its line is printed alone.
                lines.push(line.trim_end().to_string())
            }
            // A list with no words leading into it stands alone.
            None if words.is_empty() => {}
            None => lines.push(words),
        }
        fn items(
            list: &serde_json::Value,
            text_of: &dyn Fn(&serde_json::Value) -> String,
            lines: &mut Vec<String>,
        ) {
            for b in list.as_array().into_iter().flatten() {
                lines.push(text_of(&b["content"]));
                items(&b["bullets"], text_of, lines);
            }
        }
        fn subs(
            list: &serde_json::Value,
            text_of: &dyn Fn(&serde_json::Value) -> String,
            lines: &mut Vec<String>,
        ) {
            for s in list.as_array().into_iter().flatten() {
                lines.push(format!(
                    "({}) {}",
                    s["marker"].as_str().unwrap(),
                    text_of(&s["content"])
                ));
                items(&s["bullets"], text_of, lines);
                subs(&s["subparagraphs"], text_of, lines);
            }
        }
        items(&p["bullets"], &text_of, lines);
        subs(&p["subparagraphs"], &text_of, lines);
    };
    fn annex(annex: &serde_json::Value, lines: &mut Vec<String>) {
        if annex.is_object() {
            let with_count =
                |name: &serde_json::Value, count: &serde_json::Value| match count.as_u64() {
                    Some(n) => format!("{} ({n})", name.as_str().unwrap()),
                    None => name.as_str().unwrap().to_string(),
                };
            // A member list inside the text without a title prints no heading.
            let untitled = annex["inline"].as_bool().unwrap()
                && annex["title"].as_str().is_some_and(str::is_empty);
            if !untitled {
                lines.push(with_count(&annex["title"], &annex["stated_count"]));
            }
            for m in annex["members"].as_array().into_iter().flatten() {
                lines.push(m["name"].as_str().unwrap().to_string());
            }
            for g in annex["groups"].as_array().into_iter().flatten() {
                lines.push(with_count(&g["name"], &g["stated_count"]));
                for m in g["members"].as_array().into_iter().flatten() {
                    lines.push(m["name"].as_str().unwrap().to_string());
                }
            }
        }
    }
    let sections = version["sections"].as_array().cloned().unwrap_or_default();
    for placed in version["order"].as_array().into_iter().flatten() {
        match placed["kind"].as_str().unwrap() {
            "annex" => annex(&version["annex"], &mut lines),
            "closing" => {}
            "signatures" => {
                let index = placed["index"].as_u64().unwrap() as usize;
                let block = &version["signatures"][index];
                for signatory in block["signatories"].as_array().into_iter().flatten() {
                    for field in [&signatory["party"], &signatory["name"]] {
                        lines.extend(field.as_str().map(str::to_string));
                    }
                    for title in signatory["titles"].as_array().into_iter().flatten() {
                        lines.push(title.as_str().unwrap().to_string());
                    }
                }
            }
            _ => {
                let from = placed["from"].as_u64().unwrap() as usize;
                let to = placed["to"].as_u64().unwrap() as usize;
                let paragraphs = match placed["section"].as_str() {
                    None => version["preamble"].as_array().cloned().unwrap_or_default(),
                    Some(id) => {
                        let section = sections
                            .iter()
                            .find(|s| s["id"].as_str() == Some(id))
                            .expect("the order names the sections");
                        if from == 0 && section["heading"].is_object() {
                            lines.push(text_of(&section["heading"]["content"]));
                        }
                        section["paragraphs"]
                            .as_array()
                            .cloned()
                            .unwrap_or_default()
                    }
                };
                for p in &paragraphs[from..to] {
                    paragraph(p, &mut lines);
                }
            }
        }
    }
    out.extend(lines);
    out
}

/// The digest of the print model with the NULs of lines set apart taken away, squashed, and
/// with the closing before the footnotes, as Markdown, HTML and JSON order them.
fn expected(text: &Text) -> Vec<String> {
    digest(text, &caret)
        .into_iter()
        .map(|line| squash(line.trim_start_matches('\u{0}')))
        .collect()
}

fn assert_same(what: &str, format: &str, expected: &[String], found: &[String]) {
    if expected == found {
        return;
    }
    let at = expected
        .iter()
        .zip(found)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(found.len()));
    panic!(
        "{what}: the {format} differs from the print model at line {at}:\n  expected: {:?}\n  found:    {:?}\n({} lines expected, {} found)",
        expected.get(at),
        found.get(at),
        expected.len(),
        found.len()
    );
}

fn load(path: &Path) -> plenary::ast::Document {
    let name = path.display().to_string();
    let checked = plenary::check_bytes(&name, &std::fs::read(path).expect("the example"));
    assert_eq!(checked.error_count(), 0, "{name} has errors");
    checked.document.expect("text")
}

/// The examples, and the UI fixtures of correct text (`tests/ui/valid/`), which show the
/// constructs one by one.
fn texts() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<_> = EXAMPLES
        .iter()
        .map(|name| root.join("examples").join(name))
        .collect();
    let mut valid: Vec<_> = std::fs::read_dir(root.join("tests/ui/valid"))
        .expect("tests/ui/valid")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "decl"))
        .collect();
    valid.sort();
    texts.extend(valid);
    texts
}

#[test]
fn every_format_says_the_same_for_every_example() {
    let pdftotext = Command::new("pdftotext").arg("-v").output().is_ok();
    if !pdftotext && std::env::var_os("CI").is_some() {
        panic!("CI must have pdftotext (poppler-utils)");
    }
    for path in texts() {
        let name = path
            .file_name()
            .expect("a file")
            .to_string_lossy()
            .into_owned();
        let document = load(&path);
        let languages: Vec<String> = crate::print(&document, &Options::default()).languages;
        for language in languages {
            let options = Options {
                language: Some(language.clone()),
                ..Options::default()
            };
            let print: Print = crate::print(&document, &options);
            let text = print.first();
            let what = format!("{name} ({language})");
            let expected = expected(text);
            let rendered = |format| {
                String::from_utf8(build::render(format, &print, &options).expect("it renders"))
                    .expect("UTF-8")
            };
            // Markdown and HTML put the footnotes after the closing, as the digest does.
            assert_same(
                &what,
                "Markdown",
                &expected,
                &markdown_digest(&rendered(Format::Markdown)),
            );
            assert_same(
                &what,
                "HTML",
                &expected,
                &html_digest(&rendered(Format::Html)),
            );
            let json: serde_json::Value =
                serde_json::from_str(&rendered(Format::Json)).expect("the JSON parses");
            let json_expected: Vec<String> = digest(text, &caret)
                .into_iter()
                .filter(|line| {
                    // The JSON states the title and its line; the closing and the footnotes
                    // are compared below as data.
                    !line.starts_with('\u{0}')
                        || Some(line.trim_start_matches('\u{0}')) == text.title.as_deref()
                        || Some(line.trim_start_matches('\u{0}')) == text.place_and_date.as_deref()
                })
                .map(|line| squash(line.trim_start_matches('\u{0}')))
                .collect();
            assert_same(&what, "JSON", &json_expected, &json_digest(&json));
            let version = &json["versions"][0];
            for (footnote, printed) in version["footnotes"]
                .as_array()
                .into_iter()
                .flatten()
                .zip(&text.footnotes)
            {
                assert_eq!(
                    footnote["number"].as_u64(),
                    Some(printed.number as u64),
                    "{what}"
                );
            }
            if let Some(closing) = &text.closing {
                assert_eq!(
                    version["closing"]["date"].as_str(),
                    closing.date.map(|d| d.to_string()).as_deref(),
                    "{what}: the closing's date"
                );
            }
            if pdftotext {
                check_pdf(&what, &print, text);
            }
        }
    }
}

/// The PDF's text, read back with pdftotext, holds every line of the digest in order, the
/// title block, the closing and the footnotes included.
fn check_pdf(what: &str, print: &Print, text: &Text) {
    let bytes = match plenary::render::pdf::pdf(print, &Default::default()) {
        Ok(bytes) => bytes,
        Err(error @ plenary::render::pdf::PdfError::MissingGlyphs { .. })
            if std::env::var_os("CI").is_none() =>
        {
            eprintln!("note: {what}: the PDF is not compared (install fonts-noto-cjk): {error}");
            return;
        }
        Err(error) => panic!("{what}: {error}"),
    };
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "consistency-{}.pdf",
        what.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    ));
    std::fs::write(&path, &bytes).expect("the PDF can be saved");
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let raw = String::from_utf8_lossy(&output.stdout);
    // The paragraphs, in reading order, across page breaks.
    crate::pdf::check_reading_order(what, print, &raw);
    // The lines set apart: the title block, the closing, each footnote at its page's foot.
    let extracted = crate::pdf::flatten(&raw);
    for line in digest(text, &|n| n.to_string()) {
        let Some(line) = line.strip_prefix('\u{0}') else {
            continue;
        };
        let line = crate::pdf::flatten(line);
        assert!(
            extracted.contains(&line),
            "{what}: the PDF's text lacks {line:?}"
        );
    }
}
