//! The PDF renderer end to end: every example printed by the real binary and checked with the
//! PDF tools (`qpdf --check`, `pdffonts`, `pdftotext`), and the page model checked before any
//! byte is written (lines inside the text block, footnotes on their page, headings followed by
//! text, and a snapshot of one example's pages).
//!
//! The tool tests skip with a note when a tool is missing, except in CI (`CI` set), where a
//! missing tool fails them: `.ci/run` installs `qpdf`, `poppler-utils` and `fonts-noto-cjk`.

use std::path::{Path, PathBuf};
use std::process::Command;

use plenary::ast::{Block, Document, Inline};
use plenary::render::pdf::model::{Item, LinkKind};
use plenary::render::pdf::{Paper, PdfError, PdfOptions};
use plenary::render::print::Print;
use plenary::render::Options;

const EXAMPLES: [&str; 4] = [
    "asem-sme-2007.decl",
    "apec-smemm-2014.decl",
    "world-sme-2018.decl",
    "minimal.decl",
];

/// An example by its name, or any file of the crate by its path (`tests/corpus/...`).
fn example_path(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    if name.contains('/') {
        root.join(name)
    } else {
        root.join("examples").join(name)
    }
}

fn load(name: &str) -> Document {
    let bytes = std::fs::read(example_path(name)).expect("the example exists");
    plenary::check_bytes(name, &bytes)
        .document
        .expect("examples are text")
}

/// The print model of an example, every version.
fn model(name: &str) -> Print {
    crate::print(&load(name), &Options::default())
}

/// Whether the PDF tools can run; outside CI a missing tool skips the test with a note.
fn tools_available(test: &str) -> bool {
    let missing: Vec<&str> = ["qpdf", "pdffonts", "pdftotext"]
        .into_iter()
        .filter(|tool| Command::new(tool).arg("-v").output().is_err())
        .collect();
    if missing.is_empty() {
        return true;
    }
    if std::env::var_os("CI").is_some() {
        panic!("{test}: CI must have {missing:?} (packages qpdf and poppler-utils)");
    }
    eprintln!("note: {test} skipped: {missing:?} not installed (install qpdf and poppler-utils)");
    false
}

/// Prints an example with the real binary and returns the PDF's path, which is the test's own
/// (`test` names it), since tests run at the same time.
fn print(test: &str, name: &str, args: &[&str]) -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "{test}-{}{}.pdf",
        name.trim_end_matches(".decl").replace('/', "_"),
        args.concat()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect::<String>()
    ));
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["build", "--to", "pdf", "-o", "-"])
        .arg(example_path(name))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "plenary build --to pdf {name} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    std::fs::write(&out, &output.stdout).expect("the PDF can be saved");
    out
}

/// Runs a PDF tool on `pdf`; pdftotext is told to write to standard output.
fn run(tool: &str, args: &[&str], pdf: &Path) -> (bool, String) {
    let to_stdout: &[&str] = if tool == "pdftotext" { &["-"] } else { &[] };
    let output = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(to_stdout)
        .output()
        .expect("the tool runs");
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

#[test]
fn every_example_prints_to_a_pdf_that_qpdf_finds_clean() {
    if !tools_available("qpdf check") {
        return;
    }
    let variants: [(&str, &[&str]); 2] = [
        ("asem-sme-2007.decl", &["--parallel"]),
        ("asem-sme-2007.decl", &["--paper", "letter"]),
    ];
    let plain = EXAMPLES.iter().map(|name| (*name, &[][..]));
    for (name, args) in plain.chain(variants) {
        let pdf = print("qpdf", name, args);
        let (ok, report) = run("qpdf", &["--check"], &pdf);
        assert!(ok, "qpdf --check fails on {name} {args:?}:\n{report}");
        assert!(
            !report.to_lowercase().contains("warning"),
            "qpdf --check warns on {name} {args:?}:\n{report}"
        );
    }
}

#[test]
fn every_font_is_embedded_and_subset() {
    if !tools_available("pdffonts") {
        return;
    }
    for name in EXAMPLES {
        let pdf = print("pdffonts", name, &[]);
        let (ok, report) = run("pdffonts", &[], &pdf);
        assert!(ok, "pdffonts fails on {name}:\n{report}");
        let rows: Vec<&str> = report
            .lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert!(!rows.is_empty(), "{name} has no fonts:\n{report}");
        for row in rows {
            let fields: Vec<&str> = row.split_whitespace().collect();
            let n = fields.len();
            assert!(
                n >= 7 && fields[n - 5] == "yes" && fields[n - 4] == "yes",
                "{name}: a font is not embedded and subset:\n{report}"
            );
            assert!(
                fields[0].contains('+'),
                "{name}: a subset font has no subset tag:\n{report}"
            );
        }
    }
}

#[test]
fn pdftotext_gives_every_paragraph_in_reading_order() {
    if !tools_available("pdftotext") {
        return;
    }
    for name in EXAMPLES {
        let pdf = print("pdftotext", name, &[]);
        let (ok, text) = run("pdftotext", &["-enc", "UTF-8"], &pdf);
        assert!(ok, "pdftotext fails on {name}:\n{text}");
        let _ = std::fs::write(pdf.with_extension("txt"), &text);
        check_reading_order(name, &model(name), &text);
    }
}

#[test]
fn the_chinese_version_prints_and_extracts_in_its_own_script() {
    if !tools_available("pdftotext (Chinese)") {
        return;
    }
    let pdf = print("chinese", "asem-sme-2007.decl", &["--lang", "zh"]);
    let (_, text) = run("pdftotext", &["-enc", "UTF-8"], &pdf);
    let flat = flatten(&text);
    for words in [
        "加强亚欧会议成员间中小企业合作的北京宣言",
        "部长们鼓励中小企业在其生产经营活动中关注环境保护",
        "欧盟委员会",
    ] {
        assert!(
            flat.contains(words),
            "`{words}` is not in the Chinese PDF's text:\n{text}"
        );
    }
    let (_, fonts) = run("pdffonts", &[], &pdf);
    assert!(
        fonts.contains("CJK"),
        "the Chinese text is not set in a CJK font:\n{fonts}"
    );
}

#[test]
fn the_english_asem_declaration_stays_small() {
    let english = Options {
        language: Some("en".into()),
        ..Options::default()
    };
    let print = crate::print(&load("asem-sme-2007.decl"), &english);
    let pdf = plenary::render::pdf::pdf(&print, &PdfOptions::default()).expect("it prints");
    assert!(
        pdf.len() < 150_000,
        "the English ASEM PDF is {} bytes",
        pdf.len()
    );
}

#[test]
fn the_same_declaration_gives_the_same_bytes() {
    let print = model("world-sme-2018.decl");
    let options = PdfOptions::default();
    let first = plenary::render::pdf::pdf(&print, &options).expect("it prints");
    let second = plenary::render::pdf::pdf(&print, &options).expect("it prints");
    assert!(first == second, "two runs gave different bytes");
}

/// The text a reader should find for each paragraph of each version, in order.
pub(crate) fn check_reading_order(name: &str, print: &Print, text: &str) {
    let mut footnotes = Vec::new();
    let mut paragraphs = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    for text in &print.texts {
        paragraphs.extend(crate::consistency::printed_paragraphs(text));
        for footnote in &text.footnotes {
            let words = crate::consistency::with_markers(&footnote.content);
            footnotes.push(flatten(&format!("{} {words}", footnote.number)));
        }
        titles.extend(text.title.clone());
    }
    let paragraphs: Vec<String> = paragraphs.iter().map(|p| flatten(p)).collect();
    // The running header, page numbers and footnotes stand between the lines of a paragraph
    // that crosses a page; they are taken out before the paragraphs are looked for.
    let mut body = String::new();
    for page in text.split('\u{c}') {
        // The running header is the title or its start (the title block, which also starts
        // like the title, is not among the paragraphs looked for).
        let is_header = |line: &str| {
            let line = line.trim().trim_end_matches('\u{2026}');
            titles.iter().any(|t| t.starts_with(line))
        };
        // The running header is the first line of its page.
        let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
        if lines.first().is_some_and(|l| is_header(l)) {
            lines.remove(0);
        }
        if lines
            .last()
            .is_some_and(|l| l.trim().chars().all(|c| c.is_ascii_digit()))
        {
            lines.pop();
        }
        let mut page = flatten(&lines.join("\n"));
        for footnote in &footnotes {
            page = page.replacen(footnote.as_str(), " ", 1);
        }
        body.push_str(&page);
        body.push(' ');
    }
    let body = flatten(&body);
    let mut from = 0;
    for paragraph in paragraphs {
        match body[from..].find(&paragraph) {
            Some(at) => from += at + paragraph.len(),
            None => panic!(
                "{name}: this paragraph is not in the PDF's text after the previous one:\n{paragraph}\n\n\
                 text from there:\n{}",
                &body[from..body.len().min(from + 2000)]
            ),
        }
    }
}

/// Text with runs of white space made one space, and none next to a CJK character (Chinese
/// lines break between characters without a space).
pub(crate) fn flatten(text: &str) -> String {
    let words: Vec<String> = text
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = String::new();
    for word in words {
        let joined =
            out.chars().last().is_some_and(is_cjk) || word.chars().next().is_some_and(is_cjk);
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// The page model of every example, both paper sizes.
fn every_layout() -> Vec<(String, plenary::render::pdf::Pages)> {
    let mut out = Vec::new();
    for name in EXAMPLES {
        let print = model(name);
        for paper in [Paper::A4, Paper::Letter] {
            let options = PdfOptions {
                paper,
                ..PdfOptions::default()
            };
            match plenary::render::pdf::pages(&print, &options) {
                Ok(pages) => out.push((format!("{name} ({paper:?})"), pages)),
                // A machine without a CJK font cannot lay out the Chinese text; CI has one.
                Err(error @ PdfError::MissingGlyphs { .. }) if std::env::var_os("CI").is_none() => {
                    eprintln!("note: {name} skipped (install fonts-noto-cjk): {error}");
                }
                Err(error) => panic!("{name} does not lay out: {error}"),
            }
        }
    }
    out
}

#[test]
fn no_line_is_wider_than_the_text_block() {
    for (name, pages) in every_layout() {
        let geometry = plenary::render::pdf::flow::Geometry::of(if name.contains("Letter") {
            Paper::Letter
        } else {
            Paper::A4
        });
        let right = geometry.left + geometry.text_width;
        for (i, page) in pages.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Text(run) = item {
                    assert!(
                        run.x >= geometry.left - 0.5 && run.x + run.width <= right + 0.5,
                        "{name}, page {}: {:?} runs from {:.1} to {:.1}, outside {:.1}..{:.1}",
                        i + 1,
                        run.text(),
                        run.x,
                        run.x + run.width,
                        geometry.left,
                        right
                    );
                }
            }
        }
    }
}

#[test]
fn every_footnote_is_on_the_page_that_references_it() {
    let mut seen = 0;
    for (name, pages) in every_layout() {
        for (i, page) in pages.pages.iter().enumerate() {
            for item in &page.items {
                if let Item::Link {
                    target,
                    kind: LinkKind::Footnote,
                    ..
                } = item
                {
                    seen += 1;
                    assert_eq!(
                        target.page,
                        i,
                        "{name}: a footnote is not on its page {}",
                        i + 1
                    );
                }
            }
        }
    }
    assert!(
        seen > 0,
        "the examples reference footnotes, so some links should be seen"
    );
}

#[test]
fn headings_are_never_last_on_a_page() {
    for (name, pages) in every_layout() {
        for entry in pages.outline.iter().filter(|e| e.level > 0) {
            let page = &pages.pages[entry.destination.page];
            let below = page
                .items
                .iter()
                .filter_map(|item| match item {
                    Item::Text(run) => Some(run.baseline),
                    _ => None,
                })
                .filter(|&baseline| baseline > entry.destination.y + 30.0)
                .count();
            assert!(
                below > 0,
                "{name}: the heading {:?} is last on page {}",
                entry.title,
                entry.destination.page + 1
            );
        }
    }
}

#[test]
fn the_world_sme_declaration_lays_out_as_before() {
    let pages = plenary::render::pdf::pages(&model("world-sme-2018.decl"), &PdfOptions::default())
        .expect("it lays out");
    insta::assert_snapshot!(pages.dump());
}

/// Runs `plenary build --to pdf` on an example and returns its exit status and what it printed.
fn print_failing(name: &str, args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["build", "--to", "pdf", "-o", "-"])
        .arg(example_path(name))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn a_font_without_the_chinese_characters_is_refused_with_the_characters_named() {
    let latin_only = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/Caladea-Regular.ttf");
    let (status, stderr) = print_failing(
        "asem-sme-2007.decl",
        &["--font", latin_only.to_str().expect("a UTF-8 path")],
    );
    assert_eq!(status, 2, "{stderr}");
    assert!(stderr.contains("has no glyph for"), "{stderr}");
    assert!(stderr.contains("`一` (U+4E00)"), "{stderr}");
    assert!(stderr.contains("--font PATH"), "{stderr}");
}

#[test]
fn a_language_the_declaration_lacks_is_refused_with_the_ones_it_has() {
    let (status, stderr) = print_failing("asem-sme-2007.decl", &["--lang", "fr"]);
    assert_eq!(status, 2, "{stderr}");
    assert!(
        stderr.contains("no `fr` version; its versions are: en, zh"),
        "{stderr}"
    );
}

#[test]
fn every_cross_reference_links_to_what_it_names_in_its_own_version() {
    let document = load("asem-sme-2007.decl");
    let mut references = 0;
    for version in &document.versions {
        version.for_each_inline(&mut |inline| {
            if matches!(inline, Inline::Reference { .. }) {
                references += 1;
            }
        });
    }
    let print = crate::print(&document, &Options::default());
    let pages = plenary::render::pdf::pages(&print, &PdfOptions::default()).expect("it lays out");
    let links: Vec<(usize, usize)> = pages
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.items.iter().filter_map(move |item| match item {
                Item::Link {
                    target,
                    kind: LinkKind::Reference,
                    ..
                } => Some((i, target.page)),
                _ => None,
            })
        })
        .collect();
    assert_eq!(links.len(), references, "links: {links:?}");
    // The Chinese reference must land in the Chinese text, which starts after the English.
    let chinese_start = pages
        .outline
        .iter()
        .filter(|e| e.level == 0)
        .nth(1)
        .expect("two versions")
        .destination
        .page;
    for (from, to) in links {
        assert_eq!(
            from >= chinese_start,
            to >= chinese_start,
            "a link crosses versions"
        );
    }
}

#[test]
fn the_creation_date_is_the_adoption_date_unless_source_date_epoch_is_set() {
    let print = model("minimal.decl");
    let contains =
        |bytes: &[u8], text: &str| bytes.windows(text.len()).any(|w| w == text.as_bytes());
    let adopted = plenary::render::pdf::pdf(&print, &PdfOptions::default()).expect("it prints");
    assert!(
        contains(&adopted, "(D:20071031000000Z)"),
        "no adoption date in the PDF"
    );
    let options = PdfOptions {
        source_date_epoch: Some(1_577_836_800),
        ..PdfOptions::default()
    };
    let pinned = plenary::render::pdf::pdf(&print, &options).expect("it prints");
    assert!(
        contains(&pinned, "(D:20200101000000Z)"),
        "SOURCE_DATE_EPOCH is not the date"
    );
}

#[test]
fn side_by_side_each_paragraph_starts_level_with_its_translation() {
    let document = load("asem-sme-2007.decl");
    let parallel = Options {
        parallel: true,
        ..Options::default()
    };
    let print = crate::print(&document, &parallel);
    let pages = plenary::render::pdf::pages(&print, &PdfOptions::default()).expect("it lays out");
    let runs: Vec<(usize, f32, String)> = pages
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, page)| {
            page.items.iter().filter_map(move |item| match item {
                Item::Text(run) => Some((i, run.baseline, run.text())),
                _ => None,
            })
        })
        .collect();
    let numbers = document.versions[0]
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::NumberedParagraph(p) => Some(p.number.written.clone()),
            Block::Paragraph(_) | Block::Unparsed(_) => None,
        });
    let mut checked = 0;
    for number in numbers {
        let find = |text: String| {
            runs.iter()
                .find(|(_, _, t)| *t == text)
                .map(|(p, b, _)| (*p, *b))
        };
        let english = find(format!("{number}.")).expect("the English number is printed");
        let chinese = find(format!("{number}、")).expect("the Chinese number is printed");
        assert_eq!(
            english, chinese,
            "paragraph {number} is not level with its translation"
        );
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn a_declaration_with_errors_is_not_printed() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let input = dir.join("with-errors.decl");
    let out = dir.join("with-errors.pdf");
    let _ = std::fs::remove_file(&out);
    std::fs::write(&input, "title: T\n\n1. Ministers met in \"Beijing.\n").expect("writable");
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["build", "--to", "pdf", "--color", "never"])
        .arg(&input)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("syntax::"), "the error is shown: {stderr}");
    assert!(
        !out.exists(),
        "a PDF was written for a declaration with errors"
    );
}

#[test]
fn a_font_collection_given_with_font_prints_chinese_in_its_simplified_chinese_face() {
    // Noto's CJK collections open with the Japanese face; Chinese wants the SC one.
    let collection = Path::new("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc");
    if !collection.exists() && std::env::var_os("CI").is_none() {
        eprintln!(
            "note: skipped: {} is not installed (fonts-noto-cjk)",
            collection.display()
        );
        return;
    }
    if !tools_available("pdffonts (--font)") {
        return;
    }
    let path = collection.to_str().expect("a UTF-8 path");
    let pdf = print(
        "collection",
        "asem-sme-2007.decl",
        &["--lang", "zh", "--font", path],
    );
    let (_, fonts) = run("pdffonts", &[], &pdf);
    assert!(fonts.contains("NotoSerifCJKsc"), "{fonts}");
}

#[test]
fn traditional_chinese_is_set_in_the_traditional_chinese_face() {
    if !tools_available("pdffonts (Traditional Chinese)") {
        return;
    }
    let pdf = print(
        "traditional",
        "tests/corpus/18_joint_statement_on_hong_kong_2020_en_zh.decl",
        &["--lang", "zh-Hant"],
    );
    let (_, fonts) = run("pdffonts", &[], &pdf);
    assert!(
        !fonts.contains("CJKsc") && !fonts.contains("CJK SC"),
        "Traditional Chinese is set in a Simplified Chinese face:\n{fonts}"
    );
}

#[test]
fn a_footnote_longer_than_a_page_goes_on_at_the_foot_of_the_next_pages() {
    // Each line of the note was once set below the foot of its page, out of sight.
    let sentences: String = (1..=1500)
        .map(|n| format!("Ministers met and agreed on item {n}. "))
        .collect();
    let text = format!(
        "title: Joint Statement\nplace: Beijing, China\nadopted: 2007-10-31\n\n\
         1. Ministers met[^1].\n\n2. Ministers agreed.\n\n[^1]: {sentences}\n"
    );
    let document = plenary::check_bytes("long-note.decl", text.as_bytes())
        .document
        .expect("it is text");
    let print = crate::print(&document, &Options::default());
    let pages = plenary::render::pdf::pages(&print, &PdfOptions::default()).expect("it lays out");
    let (_, height) = pages.size;
    let mut words = String::new();
    for page in &pages.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                assert!(
                    run.baseline <= height,
                    "a line is set below the page, at {} of {height}",
                    run.baseline
                );
                words.push_str(&run.text());
                words.push(' ');
            }
        }
    }
    for n in [1, 700, 1500] {
        assert!(
            words.contains(&format!("item {n}.")),
            "item {n} of the note is not on any page"
        );
    }
    assert_eq!(words.matches("agreed on item").count(), 1500);
    assert!(pages.pages.len() > 3, "{} pages", pages.pages.len());
}
