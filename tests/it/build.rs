//! The outputs, read back as their readers read them: every example is built to every format
//! into a temporary folder, the Markdown is parsed with a CommonMark parser, the HTML with an
//! HTML5 parser, and each must keep every paragraph, number, heading, footnote and member.
//! Hostile text in every kind of field must come out as text, never as markup.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use plenary::build::{self, Format};
use plenary::render::json::{self, Declaration, Paragraph, Subparagraph, Version};
use plenary::render::Options;
use pulldown_cmark::{Event, Tag, TagEnd};
use scraper::{ElementRef, Html, Selector};

const EXAMPLES: [&str; 4] = [
    "asem-sme-2007.decl",
    "apec-smemm-2014.decl",
    "world-sme-2018.decl",
    "minimal.decl",
];

/// A declaration with markup, script and dangerous links in every kind of field.
const HOSTILE: &str = include_str!("hostile.decl");

fn load(name: &str) -> plenary::ast::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    let bytes = std::fs::read(&path).expect("the example exists");
    let checked = plenary::check_bytes(name, &bytes);
    assert_eq!(checked.error_count(), 0, "{name} has errors");
    checked.document.expect("the example is text")
}

fn parse(name: &str, text: &str) -> plenary::ast::Document {
    let checked = plenary::check_bytes(name, text.as_bytes());
    assert_eq!(checked.error_count(), 0, "{name} has errors");
    checked.document.expect("text")
}

/// A temporary folder of its own, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!(
            "plenary-build-{}-{test}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
        ));
        std::fs::create_dir_all(&path).expect("a temporary folder");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every language tag of a document, the original first.
fn languages(document: &plenary::ast::Document) -> Vec<String> {
    document
        .versions
        .iter()
        .map(|v| document.language_of(v).to_string())
        .collect()
}

fn options(language: &str) -> Options {
    Options {
        language: Some(language.to_string()),
        ..Options::default()
    }
}

// ---------------------------------------------------------------------------------------------
// Every example, every format

#[test]
fn every_example_builds_to_every_format_and_reads_back() {
    let dir = TempDir::new("examples");
    for name in EXAMPLES {
        let document = load(name);
        for language in languages(&document) {
            let options = options(&language);
            let model = json::declaration(&crate::print(&document, &options));
            let version = &model.versions[0];
            for format in Format::ALL {
                if format == Format::Pdf && !cjk_font_installed() && language == "zh" {
                    continue;
                }
                let bytes = build::render(format, &crate::print(&document, &options), &options)
                    .expect("it renders");
                let path = build::output_path(Path::new(name), Some(&dir.0), format, &options);
                build::write_atomically(&path, &bytes).expect("it is written");
                let what = format!("{name} ({language}) as {}", format.extension());
                if format == Format::Pdf {
                    // tests/it/pdf.rs reads the PDFs back with qpdf and poppler.
                    let written = std::fs::read(&path).expect("it is written");
                    assert!(written.starts_with(b"%PDF-"), "{what}");
                    continue;
                }
                let text = std::fs::read_to_string(&path).expect("it is UTF-8 text");
                match format {
                    Format::Markdown => check_markdown(&what, &text, version),
                    Format::Html => check_html(&what, &text, version, ""),
                    Format::Json => check_json(&what, &text, &model),
                    Format::Pdf => unreachable!("read above"),
                }
            }
        }
    }
    let left: Vec<_> = std::fs::read_dir(&dir.0)
        .expect("the folder")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left behind: {left:?}");
}

#[test]
fn the_parallel_page_puts_each_paragraph_beside_its_translation() {
    let document = load("asem-sme-2007.decl");
    let options = Options {
        parallel: true,
        ..Options::default()
    };
    let page = build::render(Format::Html, &crate::print(&document, &options), &options)
        .expect("it renders");
    let page = String::from_utf8(page).expect("UTF-8");
    let model = json::declaration(&crate::print(&document, &Options::default()));
    let [english, chinese] = &model.versions[..] else {
        panic!("the ASEM declaration has two versions");
    };
    check_html("the parallel page", &page, english, "");
    check_html("the parallel page", &page, chinese, "zh-");
    let html = Html::parse_document(&page);
    let row = Selector::parse("main > .row").unwrap();
    for row in html.select(&row) {
        let langs: Vec<_> = row
            .child_elements()
            .map(|cell| cell.value().attr("lang").unwrap_or(""))
            .collect();
        assert_eq!(
            langs,
            ["en", "zh"],
            "every row has an English and a Chinese cell"
        );
    }
    // Paragraph 14 stands in the same row as its translation.
    let paragraph = Selector::parse("#p-14").unwrap();
    let row_of = |selector: &Selector| {
        let element = html
            .select(selector)
            .next()
            .expect("the paragraph is there");
        element
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().classes().any(|c| c == "row"))
            .expect("the paragraph is in a row")
            .id()
    };
    assert_eq!(
        row_of(&paragraph),
        row_of(&Selector::parse("#zh-p-14").unwrap())
    );
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// A block of a Markdown document and its text as a reader shows it.
#[derive(Debug)]
struct MdBlock {
    kind: &'static str,
    text: String,
}

/// Reads Markdown with a CommonMark parser (footnotes on) into its blocks, checking on the way
/// that it holds no raw HTML and no ordered list (whose numbers a reader would change).
fn read_markdown(what: &str, text: &str) -> (Vec<MdBlock>, Vec<String>, Vec<String>) {
    let parser = pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_FOOTNOTES);
    let (mut blocks, mut open, mut footnotes, mut links) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for event in parser {
        match event {
            Event::Start(tag) => {
                let kind = match &tag {
                    Tag::Paragraph => Some("paragraph"),
                    Tag::Heading { .. } => Some("heading"),
                    Tag::Item => Some("item"),
                    Tag::List(Some(start)) => {
                        panic!("{what}: an ordered list starting at {start} in:\n{text}")
                    }
                    Tag::FootnoteDefinition(label) => {
                        footnotes.push(label.to_string());
                        None
                    }
                    Tag::Link { dest_url, .. } => {
                        links.push(dest_url.to_string());
                        None
                    }
                    Tag::HtmlBlock => panic!("{what}: raw HTML in the Markdown"),
                    _ => None,
                };
                if let Some(kind) = kind {
                    open.push(blocks.len());
                    blocks.push(MdBlock {
                        kind,
                        text: String::new(),
                    });
                }
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => {
                open.pop();
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(&index) = open.last() {
                    blocks[index].text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(&index) = open.last() {
                    blocks[index].text.push(' ');
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                panic!("{what}: raw HTML {html:?} in the Markdown")
            }
            _ => {}
        }
    }
    (blocks, footnotes, links)
}

fn check_markdown(what: &str, text: &str, version: &Version) {
    let (blocks, footnotes, links) = read_markdown(what, text);
    let mut expected: Vec<(&str, String)> = Vec::new();
    if let Some(title) = &version.title {
        expected.push(("heading", title.clone()));
    }
    for p in &version.preamble {
        expect_paragraph(&mut expected, p);
    }
    for section in &version.sections {
        if let Some(heading) = &section.heading {
            expected.push(("heading", heading.text.clone()));
        }
        for p in &section.paragraphs {
            expect_paragraph(&mut expected, p);
        }
    }
    if let Some(annex) = &version.annex {
        let members = annex
            .members
            .iter()
            .chain(annex.groups.iter().flat_map(|g| &g.members));
        for member in members {
            expected.push(("item", member.name.clone()));
        }
    }
    // Every expected block is there, in order.
    let mut rest = blocks.iter();
    for (kind, text) in &expected {
        let text = text.trim();
        assert!(
            rest.any(|b| b.kind == *kind && b.text.trim() == text),
            "{what}: the {kind} {text:?} is missing or out of order; the blocks are:\n{blocks:#?}"
        );
    }
    let ids: Vec<_> = version.footnotes.iter().map(|f| f.id.clone()).collect();
    assert_eq!(footnotes, ids, "{what}: the footnotes");
    for link in links {
        assert!(
            ["http:", "https:", "mailto:"]
                .iter()
                .any(|s| link.starts_with(s)),
            "{what}: a link to {link:?}"
        );
    }
}

fn expect_paragraph(expected: &mut Vec<(&str, String)>, p: &Paragraph) {
    let text = match &p.number {
        // The Chinese mark `、` spaces the number from the text by itself.
        Some(number) if number.terminator == "、" => format!("{}、{}", number.written, p.text),
        Some(number) => format!("{}{} {}", number.written, number.terminator, p.text),
        None => p.text.clone(),
    };
    if !p.text.is_empty() {
        expected.push(("paragraph", text));
    }
    expect_subparagraphs(expected, &p.subparagraphs);
}

fn expect_subparagraphs(expected: &mut Vec<(&str, String)>, list: &[Subparagraph]) {
    for s in list {
        expected.push(("item", format!("({}) {}", s.marker, s.text)));
        expect_subparagraphs(expected, &s.subparagraphs);
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

fn select<'a>(html: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    html.select(&selector).collect()
}

/// The text of an element as a reader sees it, without the footnote markers.
fn text_without_notes(element: ElementRef) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let in_marker = node
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "sup");
        if !in_marker {
            out.push_str(text);
        }
    }
    out
}

fn by_id<'a>(html: &'a Html, id: &str) -> ElementRef<'a> {
    let found: Vec<_> = select(html, "[id]")
        .into_iter()
        .filter(|e| e.value().id() == Some(id))
        .collect();
    assert_eq!(found.len(), 1, "one element has the id {id:?}");
    found[0]
}

/// Checks the page for one version, whose ids start with `prefix` (`zh-` beside the original).
fn check_html(what: &str, page: &str, version: &Version, prefix: &str) {
    let html = Html::parse_document(page);
    assert!(
        html.errors.is_empty(),
        "{what}: the HTML5 parser reports {:?}",
        html.errors
    );
    assert!(page.starts_with("<!DOCTYPE html>"), "{what}: the doctype");
    let root = select(&html, "html");
    assert!(
        root[0].value().attr("lang").is_some(),
        "{what}: lang on <html>"
    );
    let blocks = select(&html, "[lang]");
    assert!(
        blocks
            .iter()
            .any(|e| e.value().attr("lang") == Some(&version.language)),
        "{what}: a block in {}",
        version.language
    );
    assert_eq!(select(&html, "style").len(), 1, "{what}: one stylesheet");
    assert!(select(&html, "script").is_empty(), "{what}: no script");

    // Ids are unique and every link inside the page lands on one.
    let mut ids = HashSet::new();
    for element in select(&html, "[id]") {
        let id = element.value().id().unwrap_or_default();
        assert!(
            ids.insert(id.to_string()),
            "{what}: the id {id:?} is used twice"
        );
    }
    for link in select(&html, "a[href]") {
        let href = link.value().attr("href").unwrap_or_default();
        if let Some(target) = href.strip_prefix('#') {
            assert!(
                ids.contains(target),
                "{what}: the link {href} leads nowhere"
            );
        } else {
            assert!(
                ["http:", "https:", "mailto:"]
                    .iter()
                    .any(|s| href.starts_with(s)),
                "{what}: a link to {href:?}"
            );
        }
    }

    // Headings come in order: one title, then never a level skipped.
    let levels: Vec<u8> = select(&html, "h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| h.value().name()[1..].parse().expect("a heading level"))
        .collect();
    assert_eq!(
        levels.first(),
        Some(&1),
        "{what}: the page opens with its title"
    );
    for pair in levels.windows(2) {
        assert!(
            pair[1] <= pair[0] + 1,
            "{what}: a heading level is skipped: {levels:?}"
        );
    }

    if let Some(title) = &version.title {
        let titles: Vec<_> = select(&html, "h1")
            .iter()
            .map(|h| h.text().collect::<String>())
            .collect();
        assert!(
            titles.contains(title),
            "{what}: the title {title:?} is in {titles:?}"
        );
    }
    for section in &version.sections {
        if let Some(heading) = &section.heading {
            let element = by_id(&html, &format!("{prefix}{}", section.id));
            assert_eq!(
                text_without_notes(element),
                heading.text,
                "{what}: a heading"
            );
        }
        for p in &section.paragraphs {
            let Some(id) = &p.id else { continue };
            let element = by_id(&html, &format!("{prefix}{id}"));
            let number = p.number.as_ref().expect("a numbered paragraph");
            let shown = select_in(element, "a.number");
            assert_eq!(
                shown,
                format!("{}{}", number.written, number.terminator),
                "{what}: the number of paragraph {id}"
            );
            let body = element
                .select(&Selector::parse(".body > p").unwrap())
                .next()
                .expect("the paragraph's text");
            assert_eq!(text_without_notes(body), p.text, "{what}: paragraph {id}");
            check_subparagraph_ids(what, &html, prefix, &p.subparagraphs);
        }
    }

    // Footnotes are linked both ways.
    for footnote in &version.footnotes {
        let note = by_id(&html, &format!("{prefix}{}", footnote.anchor));
        let back = note
            .select(&Selector::parse("a[role=doc-backlink]").unwrap())
            .next()
            .expect("a link back to the text");
        let marker_id = back
            .value()
            .attr("href")
            .unwrap_or_default()
            .trim_start_matches('#');
        let marker = by_id(&html, marker_id);
        assert_eq!(
            marker.value().attr("href"),
            Some(format!("#{prefix}{}", footnote.anchor).as_str()),
            "{what}: the marker links to the note"
        );
    }

    if let Some(annex) = &version.annex {
        let element = by_id(&html, &format!("{prefix}{}", annex.id));
        let members: Vec<String> = element
            .select(&Selector::parse("li").unwrap())
            .map(|li| li.text().collect())
            .collect();
        let expected: Vec<String> = annex
            .members
            .iter()
            .chain(annex.groups.iter().flat_map(|g| &g.members))
            .map(|m| m.name.clone())
            .collect();
        assert_eq!(members, expected, "{what}: the annex");
        let groups = element
            .select(&Selector::parse("section.group").unwrap())
            .count();
        assert_eq!(groups, annex.groups.len(), "{what}: one column per group");
    }
}

fn select_in(element: ElementRef, selector: &str) -> String {
    element
        .select(&Selector::parse(selector).unwrap())
        .next()
        .map(|e| e.text().collect())
        .unwrap_or_default()
}

fn check_subparagraph_ids(what: &str, html: &Html, prefix: &str, list: &[Subparagraph]) {
    for s in list {
        if let Some(id) = &s.id {
            let element = by_id(html, &format!("{prefix}{id}"));
            assert!(
                text_without_notes(element).starts_with(&format!("({})", s.marker)),
                "{what}: sub-paragraph {id}"
            );
        }
        check_subparagraph_ids(what, html, prefix, &s.subparagraphs);
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

fn check_json(what: &str, text: &str, model: &Declaration) {
    let value: serde_json::Value = serde_json::from_str(text).expect("the JSON parses");
    assert_eq!(value["format"], 1, "{what}: the format version");
    assert_eq!(
        value,
        serde_json::to_value(model).expect("the model serializes"),
        "{what}: the file is the model"
    );
    let schema: serde_json::Value =
        serde_json::from_str(&json::schema()).expect("the schema parses");
    if let Err(problem) = conforms(&value, &schema, &schema, "") {
        panic!("{what}: the file does not follow `plenary schema`: {problem}");
    }
}

/// Whether `value` follows `schema`, for the parts of JSON Schema that `plenary schema` uses:
/// references, alternatives, constants, types, the properties of objects (each key described,
/// each required one present) and the items of arrays.
fn conforms(
    value: &serde_json::Value,
    schema: &serde_json::Value,
    root: &serde_json::Value,
    at: &str,
) -> Result<(), String> {
    use serde_json::Value;
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        return conforms(value, &root["$defs"][name], root, at);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = schema[key].as_array() {
            let problems: Vec<String> = branches
                .iter()
                .filter_map(|branch| conforms(value, branch, root, at).err())
                .collect();
            if problems.len() == branches.len() {
                return Err(format!("{at}: no alternative fits: {problems:?}"));
            }
        }
    }
    if let Some(constant) = schema.get("const") {
        if value != constant {
            return Err(format!("{at}: {value} is not {constant}"));
        }
    }
    if let Some(choices) = schema["enum"].as_array() {
        if !choices.contains(value) {
            return Err(format!("{at}: {value} is not one of {choices:?}"));
        }
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let fits = types.contains(&kind) || (kind == "integer" && types.contains(&"number"));
    if !types.is_empty() && !fits {
        return Err(format!("{at}: a {kind}, where the schema has {types:?}"));
    }
    if let Value::Object(object) = value {
        if let Some(properties) = schema["properties"].as_object() {
            for (key, item) in object {
                let described = properties
                    .get(key)
                    .ok_or_else(|| format!("{at}: `{key}` is not in the schema"))?;
                conforms(item, described, root, &format!("{at}/{key}"))?;
            }
        }
        for required in schema["required"].as_array().into_iter().flatten() {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                return Err(format!("{at}: the required `{key}` is missing"));
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (index, item) in items.iter().enumerate() {
            conforms(item, item_schema, root, &format!("{at}/{index}"))?;
        }
    }
    Ok(())
}

#[test]
fn the_json_resolves_references_members_and_the_next_meeting() {
    let document = load("asem-sme-2007.decl");
    let model = json::declaration(&crate::print(&document, &Options::default()));
    assert_eq!(model.format, 1);
    assert!(!model.draft);
    assert_eq!(model.languages, ["en", "zh"]);
    assert_eq!(model.edition, Some(1));
    let dates = model.dates.as_ref().expect("dates");
    assert_eq!(
        (dates.start.as_str(), dates.end.as_str()),
        ("2007-10-30", "2007-10-31")
    );
    let next = model.next_meeting.as_ref().expect("the next meeting");
    assert_eq!(
        (next.edition, next.host.as_deref(), next.year),
        (Some(2), Some("Europe"), Some(2009))
    );
    let english = &model.versions[0];
    assert!(english.original);
    let annex = english.annex.as_ref().expect("the annex");
    let groups: Vec<_> = annex
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.count))
        .collect();
    assert_eq!(groups, [("Asia", 16), ("Europe", 27), ("Institutions", 2)]);
    assert_eq!((annex.stated_count, annex.count), (Some(45), 45));
    // Every member has its registry codes, in every language version.
    for version in &model.versions {
        let annex = version.annex.as_ref().expect("the annex");
        let grouped = annex.groups.iter().flat_map(|g| &g.members);
        let members: Vec<_> = annex.members.iter().chain(grouped).collect();
        assert_eq!(members.len(), 45, "{}", version.language);
        for member in &members {
            assert!(member.registry_id.is_some(), "{}", member.name);
        }
        let states = members.iter().filter(|m| m.alpha3.is_some()).count();
        // The European Commission and the ASEAN Secretariat have no ISO code.
        assert_eq!(states, 43, "{}", version.language);
    }
    let chinese_annex = model.versions[1].annex.as_ref().expect("the zh annex");
    let china = annex.groups[0].members.iter().find(|m| m.name == "China");
    let 中国 = chinese_annex.members.iter().find(|m| m.name == "中国");
    for china in [china.expect("China"), 中国.expect("中国")] {
        assert_eq!(
            (china.registry_id.as_deref(), china.alpha3.as_deref()),
            (Some("CN"), Some("CHN"))
        );
    }
    // The footnote `{@members}` prints the annex's title and links to it.
    let note = &english.footnotes[0];
    assert_eq!(note.text, "List of ASEM Members");
    assert_eq!(
        note.content,
        [json::Inline::Reference {
            label: "members".to_string(),
            text: Some("List of ASEM Members".to_string()),
            anchor: Some("annex".to_string()),
        }]
    );
    let chinese = &model.versions[1];
    assert_eq!(chinese.language, "zh");
    assert_eq!(chinese.footnotes[0].text, "亚欧会议成员名单");
    let numbers: Vec<_> = chinese
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter_map(|p| p.number.as_ref().map(|n| n.value))
        .collect();
    assert_eq!(numbers, (1..=16).map(Some).collect::<Vec<_>>());
}

#[test]
fn a_member_the_registry_cannot_name_has_null_codes_in_json() {
    let text = "title: Joint Statement\nplace: Nairobi\nadopted: 2019-03-14\n\n\
                1. Ministers met.\n\nannex: List of Members (4)\n\
                - Atlantis\n- Korea\n- 肯尼亚\n- European Commission\n";
    let document = parse("codes.decl", text);
    let model = json::declaration(&crate::print(&document, &Options::default()));
    let annex = model.versions[0].annex.as_ref().expect("the annex");
    let codes: Vec<_> = annex
        .members
        .iter()
        .map(|m| (m.registry_id.as_deref(), m.alpha3.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            // Unknown, and ambiguous: the output does not guess.
            (None, None),
            (None, None),
            (Some("KE"), Some("KEN")),
            (Some("european-commission"), None),
        ]
    );
}

#[test]
fn the_schema_describes_the_format() {
    let schema: serde_json::Value =
        serde_json::from_str(&json::schema()).expect("the schema is JSON");
    assert_eq!(schema["title"], "plenary declaration");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .expect("required fields")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for field in ["format", "draft", "versions"] {
        assert!(required.contains(&field), "`{field}` is required");
    }
}

// ---------------------------------------------------------------------------------------------
// Hostile text

/// What the hostile declaration tries to run; none of it may be markup in any output.
const ATTACKS: [&str; 4] = ["<script>", "onerror=", "</style>", "javascript:"];

#[test]
fn hostile_text_in_every_field_comes_out_as_text_in_html() {
    let document = parse("hostile.decl", HOSTILE);
    for options in [
        Options::default(),
        Options {
            parallel: true,
            ..Options::default()
        },
        Options {
            draft: true,
            ..options("zh")
        },
    ] {
        let page = build::render(Format::Html, &crate::print(&document, &options), &options)
            .expect("it renders");
        let page = String::from_utf8(page).expect("UTF-8");
        let html = Html::parse_document(&page);
        assert!(html.errors.is_empty(), "parse errors: {:?}", html.errors);
        for name in ["script", "img", "svg", "iframe", "b"] {
            assert!(
                select(&html, name).is_empty(),
                "a <{name}> element came through:\n{page}"
            );
        }
        for element in select(&html, "*") {
            for (attribute, value) in element.value().attrs() {
                assert!(
                    !attribute.starts_with("on"),
                    "an event handler {attribute}={value:?}"
                );
                assert!(
                    !value.to_ascii_lowercase().contains("javascript:"),
                    "an attribute {attribute}={value:?}"
                );
            }
        }
        let style = select(&html, "style");
        assert_eq!(style.len(), 1);
        assert!(!style[0].text().collect::<String>().contains("alert"));
        let visible: String = select(&html, "body")[0].text().collect();
        assert!(
            visible.contains("alert("),
            "the hostile words are shown as text"
        );
        assert!(
            visible.contains("<script>"),
            "the hostile words are shown as text"
        );
        let title: String = select(&html, "title")[0].text().collect();
        assert!(
            title.contains("<script>") || title.contains("标题"),
            "{title}"
        );
    }
}

#[test]
fn hostile_text_in_every_field_comes_out_as_text_in_markdown() {
    let document = parse("hostile.decl", HOSTILE);
    for options in [Options::default(), options("zh")] {
        let text = build::render(
            Format::Markdown,
            &crate::print(&document, &options),
            &options,
        )
        .expect("it renders");
        let text = String::from_utf8(text).expect("UTF-8");
        // `read_markdown` fails on any raw HTML and any link that is not web or mail.
        let (blocks, _, links) = read_markdown("the hostile declaration", &text);
        assert!(links.iter().all(|l| !l.contains("javascript")));
        let all: String = blocks.iter().map(|b| b.text.as_str()).collect();
        for words in ["<script>", "onerror=", "</style>", "onload="] {
            assert!(all.contains(words), "{words} is shown as text:\n{text}");
        }
    }
}

#[test]
fn hostile_text_is_plain_data_in_json() {
    let document = parse("hostile.decl", HOSTILE);
    let model = json::declaration(&crate::print(&document, &Options::default()));
    let title = model.title.as_deref().unwrap_or_default();
    assert!(
        title.contains("<script>"),
        "JSON keeps the words as written: {title}"
    );
    let links: Vec<(String, bool)> = model.versions[0]
        .preamble
        .iter()
        .flat_map(|p| &p.content)
        .filter_map(|inline| match inline {
            json::Inline::Link { target, safe, .. } => Some((target.clone(), *safe)),
            _ => None,
        })
        .collect();
    assert!(links
        .iter()
        .any(|(t, safe)| t.starts_with("javascript:") && !safe));
    assert!(links
        .iter()
        .any(|(t, safe)| t.starts_with("https:") && *safe));
    for attack in ATTACKS {
        assert!(HOSTILE.contains(attack), "the fixture tries {attack}");
    }
}

#[test]
fn a_draft_is_marked_in_every_format() {
    let document = load("minimal.decl");
    let draft = Options {
        draft: true,
        ..Options::default()
    };
    for format in Format::ALL {
        if format == Format::Pdf {
            let text = |options: &Options| {
                plenary::render::pdf::pages(&crate::print(&document, options), &Default::default())
                    .expect("it lays out")
                    .dump()
            };
            assert!(text(&draft).contains("Draft") && !text(&Options::default()).contains("Draft"));
            continue;
        }
        let clean = build::render(
            format,
            &crate::print(&document, &Options::default()),
            &Options::default(),
        )
        .expect("it renders");
        let marked =
            build::render(format, &crate::print(&document, &draft), &draft).expect("it renders");
        let (clean, marked) = (
            String::from_utf8(clean).unwrap(),
            String::from_utf8(marked).unwrap(),
        );
        match format {
            Format::Json => {
                assert!(clean.contains("\"draft\": false") && marked.contains("\"draft\": true"))
            }
            Format::Html => {
                let html = Html::parse_document(&marked);
                assert_eq!(select(&html, ".draft").len(), 1, "a draft banner");
                assert!(!clean.contains("class=\"draft\""));
            }
            _ => {
                assert!(
                    marked.contains("Draft") && !clean.contains("Draft"),
                    "{marked}"
                );
            }
        }
    }
}

#[test]
fn a_version_that_does_not_exist_is_a_clear_error() {
    let document = load("asem-sme-2007.decl");
    for format in Format::ALL {
        let error = crate::try_print(&document, &options("fr")).expect_err("no French");
        assert_eq!(
            error.to_string(),
            "the declaration has no `fr` version; its versions are: en, zh",
            "{format:?}"
        );
    }
}

#[test]
fn a_label_named_like_an_anchor_does_not_repeat_an_id() {
    let document = parse(
        "labels.decl",
        "title: T\n\n## {#s-1} Heading\n\n1. {#p-1} One, see {@annex} and {@p-1}.\n\n\
         annex: {#annex} Members\n- China\n",
    );
    let page = build::render(
        Format::Html,
        &crate::print(&document, &Options::default()),
        &Options::default(),
    )
    .expect("it renders");
    let page = String::from_utf8(page).expect("UTF-8");
    let model = json::declaration(&crate::print(&document, &Options::default()));
    // `check_html` fails on an id used twice and on a link that leads nowhere.
    check_html("labels named like anchors", &page, &model.versions[0], "");
    assert!(
        page.contains("<a class=\"reference\" href=\"#annex\">Members</a>"),
        "{page}"
    );
}

#[test]
fn every_ui_fixture_renders_as_a_draft_without_breaking_an_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut files = Vec::new();
    for area in std::fs::read_dir(&root).expect("tests/ui") {
        for entry in std::fs::read_dir(area.expect("an area").path()).expect("an area folder") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "decl") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() > 20, "the fixtures are found");
    for path in files {
        let what = path.display().to_string();
        let bytes = std::fs::read(&path).expect("the fixture");
        let checked = plenary::check_bytes(&what, &bytes);
        let draft = Options {
            draft: true,
            ..Options::default()
        };
        let Some(print) = checked
            .document
            .as_ref()
            .and_then(|document| crate::try_print(document, &draft).ok())
        else {
            continue;
        };
        let page = build::render(Format::Html, &print, &draft).expect("HTML");
        let page = String::from_utf8(page).expect("UTF-8");
        let html = Html::parse_document(&page);
        assert!(html.errors.is_empty(), "{what}: {:?}", html.errors);
        assert_eq!(select(&html, ".draft").len(), 1, "{what}: the draft banner");
        let markdown = build::render(Format::Markdown, &print, &draft).expect("Markdown");
        read_markdown(&what, &String::from_utf8(markdown).expect("UTF-8"));
        let json = build::render(Format::Json, &print, &draft).expect("JSON");
        let value: serde_json::Value = serde_json::from_slice(&json).expect("the JSON parses");
        assert_eq!(value["draft"], true, "{what}");
    }
}

/// Whether a font with Chinese glyphs is installed, as the PDF of a Chinese version needs. In
/// CI one always is (`.ci/run` installs fonts-noto-cjk), so there the answer is never "no".
fn cjk_font_installed() -> bool {
    let document = parse("cjk-probe.decl", "title: 宣言\n\n1. 部长们会面。\n");
    let print = crate::print(&document, &Options::default());
    let found = plenary::render::pdf::pages(&print, &Default::default()).is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must have a CJK font"
    );
    found
}

// ---------------------------------------------------------------------------------------------
// Every format says the same (bugs found when the formats each worked the facts out anew)

/// The text of every format of a declaration: Markdown, HTML, JSON, and the PDF's page model.
fn every_format(document: &plenary::ast::Document, options: &Options) -> Vec<(Format, String)> {
    let print = crate::print(document, options);
    Format::ALL
        .into_iter()
        .map(|format| {
            let text = match format {
                Format::Pdf => plenary::render::pdf::pages(&print, &Default::default())
                    .expect("it lays out")
                    .dump(),
                _ => String::from_utf8(build::render(format, &print, options).expect("it renders"))
                    .expect("UTF-8"),
            };
            (format, text)
        })
        .collect()
}

#[test]
fn the_pdf_prints_the_closing_date_when_the_closing_gives_only_a_place() {
    let document = parse(
        "closing.decl",
        "title: Joint Statement\nplace: Beijing, China\nadopted: 2007-10-31\n\n\
         1. Ministers met.\n\nclosing:\nplace: Beijing\nby: The Ministers\n",
    );
    for (format, text) in every_format(&document, &Options::default()) {
        assert!(
            text.contains("Beijing, 31 October 2007"),
            "{format:?} lacks the closing's date:\n{text}"
        );
    }
}

#[test]
fn the_pdf_title_block_shows_the_meeting_dates_as_the_other_formats_do() {
    let document = parse(
        "dates.decl",
        "title: Joint Statement\nplace: Beijing, China\ndates: 2007-10-30 to 2007-10-31\n\
         adopted: 2007-11-01\n\n1. Ministers met.\n",
    );
    for (format, text) in every_format(&document, &Options::default()) {
        let line = if format == Format::Json {
            "\"place_and_date\": \"Beijing, China, 30–31 October 2007\""
        } else {
            "Beijing, China, 30–31 October 2007"
        };
        assert!(
            text.contains(line),
            "{format:?} lacks the meeting's dates:\n{text}"
        );
        assert!(
            !text.contains("1 November 2007"),
            "{format:?} shows the adoption date under the title:\n{text}"
        );
    }
}

#[test]
fn a_reference_to_an_unnumbered_paragraph_is_an_error_and_prints_alike_in_every_format() {
    let text = "title: Joint Statement\nadopted: 2007-10-31\n\n\
                {#intro} The Ministers met in Beijing.\n\n1. As {@intro} says, they met.\n";
    let checked = plenary::check_bytes("intro.decl", text.as_bytes());
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["references::unnumbered-target"]);
    let document = checked.document.expect("text");
    let draft = Options {
        draft: true,
        ..Options::default()
    };
    for (format, text) in every_format(&document, &draft) {
        let printed = match format {
            Format::Markdown => "As {@intro} says",
            Format::Json => "\"text\": \"As {@intro} says, they met.\"",
            Format::Html => "As <span class=\"unresolved\">{@intro}</span> says",
            Format::Pdf => "As {@intro} says",
        };
        assert!(text.contains(printed), "{format:?}:\n{text}");
    }
}

#[test]
fn a_heading_that_refers_to_itself_is_reported_and_still_builds_in_every_format() {
    let checked = plenary::check_bytes(
        "self-reference.decl",
        b"title: Joint Statement\nadopted: 2007-10-31\n\n## {#scope} Scope, see {@scope}\n\n\
         1. As {@scope} says.\n",
    );
    let codes: Vec<&str> = checked.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["references::heading-refers-to-itself"]);
    let document = checked.document.expect("text");
    for (format, text) in every_format(&document, &Options::default()) {
        assert!(text.contains("Scope, see {@scope}"), "{format:?}:\n{text}");
    }
}

#[test]
fn a_reference_to_a_heading_with_a_footnote_does_not_move_the_footnote_backlink() {
    let document = parse(
        "heading-footnote.decl",
        "title: Joint Statement\nadopted: 2007-10-31\n\nAs {@scope} says.\n\n\
         ## {#scope} Scope[^1]\n\n1. Ministers met.\n\n[^1]: The scope of the meeting.\n",
    );
    let print = crate::print(&document, &Options::default());
    let page = String::from_utf8(
        build::render(Format::Html, &print, &Options::default()).expect("it renders"),
    )
    .expect("UTF-8");
    let model = json::declaration(&print);
    // `check_html` fails on a link that leads to no id, such as a backlink to a marker whose
    // id was counted twice.
    check_html("a heading with a footnote", &page, &model.versions[0], "");
    assert!(page.contains("id=\"fnref-1\""), "{page}");
}

#[test]
fn indented_continuation_lines_print_with_one_space() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/ui/valid/indented-continuation-lines.decl"),
    )
    .expect("the fixture exists");
    let document = parse("indented-continuation-lines.decl", &text);
    let print = super::print(&document, &Options::default());
    let text = &print.texts[0];
    assert_eq!(
        text.preamble[0].text,
        "We believe that the text is printed with one space between its lines."
    );
    let paragraph = &text.sections[0].paragraphs[0];
    assert_eq!(
        paragraph.subparagraphs[0].text,
        "strengthen the exchange of best practices;"
    );
    assert_eq!(
        paragraph.subparagraphs[0].bullets[0].text,
        "support small enterprises."
    );
}

#[test]
fn the_json_lists_the_facts_recognised_in_the_prose() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/valid/unmarked-facts-agree.decl");
    let bytes = std::fs::read(&path).expect("the fixture exists");
    let (checked, model) = plenary::check_bytes_then(
        "unmarked-facts-agree.decl",
        &bytes,
        &plenary::Config::default(),
        |_, analysis| {
            let print = plenary::render::print::Print::new(
                analysis.expect("the fixture is text"),
                &Options::default(),
            )
            .expect("the original prints");
            json::declaration(&print)
        },
    );
    assert_eq!(checked.error_count(), 0);
    let found = &model.versions[0].found;
    let members = found
        .iter()
        .find(|f| f.fact == "members")
        .expect("the count is recognised");
    assert_eq!(members.words, "45 ASEM members");
    assert_eq!(members.agrees, Some(true));
    assert_eq!(members.data.as_deref(), Some("45"));
    let weekday = found
        .iter()
        .find(|f| f.fact == "weekday")
        .expect("the weekday is recognised");
    assert_eq!(weekday.words, "Tuesday, 30 October 2007");
    assert_eq!(weekday.line, 22);
    // Every phrase of this clean text agrees, and the look-alikes are not listed.
    assert!(found.iter().all(|f| f.agrees == Some(true)), "{found:?}");
    assert!(
        !found.iter().any(|f| f.words.contains("ASEAN")),
        "{found:?}"
    );
    // The list follows the schema.
    let text = serde_json::to_string(&model).expect("the model serializes");
    check_json("unmarked-facts-agree", &text, &model);
}
