//! Benchmarks of each step of the pipeline, with divan: parsing, analysis, the checks and each
//! renderer, on every example and on generated declarations of 100, 1,000 and 10,000
//! paragraphs with 50 to 5,000 members. Run: `cargo bench --bench pipeline`.
//!
//! Whole commands, and the comparison with Typst and Pandoc, are timed by
//! `scripts/bench-compare`; nothing here asserts a time.

use divan::{black_box, Bencher};
use plenary::render::print::Print;
use plenary::render::{html, json, markdown, pdf, Options};
use plenary::{analysis, registry::Registry, syntax, Config, Source};

fn main() {
    divan::main();
}

fn example(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name);
    std::fs::read_to_string(path).expect("the example exists")
}

/// A clean declaration of `paragraphs` numbered paragraphs under a heading every 50, and an
/// annex of `members` members (registry names first, then names the registry lacks, which
/// the checks report as unknown: the cost of a large annex either way).
fn generated(paragraphs: usize, members: usize) -> String {
    const NAMES: &[&str] = &[
        "Australia",
        "Brunei Darussalam",
        "Cambodia",
        "China",
        "India",
        "Indonesia",
        "Japan",
        "Lao PDR",
        "Malaysia",
        "Mongolia",
        "Myanmar",
        "New Zealand",
        "Pakistan",
        "Philippines",
        "Republic of Korea",
        "Russia",
        "Singapore",
        "Thailand",
        "Viet Nam",
        "Austria",
        "Belgium",
        "Bulgaria",
        "Cyprus",
        "Czech Republic",
        "Denmark",
        "Estonia",
        "Finland",
        "France",
        "Germany",
        "Greece",
        "Hungary",
        "Ireland",
        "Italy",
        "Latvia",
        "Lithuania",
        "Luxembourg",
        "Malta",
        "Netherlands",
        "Poland",
        "Portugal",
        "Romania",
        "Slovakia",
        "Slovenia",
        "Spain",
        "Sweden",
        "United Kingdom",
        "Norway",
        "Switzerland",
    ];
    let mut text = String::from(
        "title: Benchmark Declaration\nplace: Beijing, China\nadopted: 2007-10-31\n\n",
    );
    for n in 1..=paragraphs {
        if (n - 1) % 50 == 0 {
            text.push_str(&format!("## Part {}\n\n", (n - 1) / 50 + 1));
        }
        text.push_str(&format!(
            "{n}. Ministers recognized that the development of small and medium enterprises \
             brings tangible benefits to the economic growth of all members, and agreed to \
             strengthen cooperation on finance, innovation and access to markets.\n\n"
        ));
    }
    text.push_str(&format!("annex: List of members ({members})\n"));
    for m in 0..members {
        match NAMES.get(m) {
            Some(name) => text.push_str(&format!("- {name}\n")),
            None => text.push_str(&format!("- Member State {m}\n")),
        }
    }
    text
}

/// The inputs: every example, and generated declarations of growing size, named
/// `generated-{paragraphs}p-{members}m`.
const NAMES: &[&str] = &[
    "minimal.decl",
    "asem-sme-2007.decl",
    "apec-smemm-2014.decl",
    "world-sme-2018.decl",
    "generated-100p-50m",
    "generated-1000p-500m",
    "generated-10000p-5000m",
];

/// The text of the input of that name: the example, or the declaration generated to the size
/// the name says (only the one asked for is made).
fn input(name: &str) -> String {
    let Some(size) = name.strip_prefix("generated-") else {
        return example(name);
    };
    let (paragraphs, members) = size
        .strip_suffix('m')
        .and_then(|size| size.split_once("p-"))
        .expect("a generated input is named for its size");
    generated(
        paragraphs.parse().expect("a count of paragraphs"),
        members.parse().expect("a count of members"),
    )
}

#[divan::bench(args = NAMES)]
fn parse(bencher: Bencher, name: &str) {
    let source = Source::new(name, input(name));
    bencher
        .counter(divan::counter::BytesCount::of_str(source.text()))
        .bench(|| syntax::parse(black_box(&source)));
}

#[divan::bench(args = NAMES)]
fn analyze(bencher: Bencher, name: &str) {
    let source = Source::new(name, input(name));
    let document = syntax::parse(&source).document;
    let registry = Registry::builtin();
    bencher.bench(|| {
        let mut analysis = analysis::analyze(black_box(&document), registry);
        analysis.recognise_facts(source.text());
        analysis.found.len()
    });
}

#[divan::bench(args = NAMES)]
fn checks(bencher: Bencher, name: &str) {
    let source = Source::new(name, input(name));
    let document = syntax::parse(&source).document;
    let mut analysis = analysis::analyze(&document, Registry::builtin());
    analysis.recognise_facts(source.text());
    let config = Config::default();
    bencher.bench(|| plenary::checks(&source, black_box(&analysis), &config).len());
}

/// The whole of `plenary check` on one file's bytes: decoding, parsing, analysis, checks.
#[divan::bench(args = NAMES)]
fn check_bytes(bencher: Bencher, name: &str) {
    let text = input(name);
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| {
            plenary::check_bytes(name, black_box(text.as_bytes()))
                .diagnostics
                .len()
        });
}

/// Runs `render` on the print model of `name`.
fn render_bench(bencher: Bencher, name: &str, render: plenary::render::Renderer) {
    let source = Source::new(name, input(name));
    let document = syntax::parse(&source).document;
    let analysis = analysis::analyze(&document, Registry::builtin());
    let options = Options::default();
    let print = Print::new(&analysis, &options).expect("the original prints");
    bencher.bench(|| render(black_box(&print), &options).map(|bytes| bytes.len()));
}

#[divan::bench(args = NAMES)]
fn print_model(bencher: Bencher, name: &str) {
    let source = Source::new(name, input(name));
    let document = syntax::parse(&source).document;
    let analysis = analysis::analyze(&document, Registry::builtin());
    let options = Options::default();
    bencher.bench(|| Print::new(black_box(&analysis), &options).map(|p| p.texts.len()));
}

#[divan::bench(args = NAMES)]
fn render_markdown(bencher: Bencher, name: &str) {
    render_bench(bencher, name, markdown::markdown);
}

#[divan::bench(args = NAMES)]
fn render_html(bencher: Bencher, name: &str) {
    render_bench(bencher, name, html::html);
}

#[divan::bench(args = NAMES)]
fn render_json(bencher: Bencher, name: &str) {
    render_bench(bencher, name, json::json);
}

/// The PDF of the original version; the examples with a Chinese version print it in the
/// installed CJK font when it is the one printed, so this is the Latin PDF.
#[divan::bench(args = NAMES, sample_count = 10)]
fn render_pdf(bencher: Bencher, name: &str) {
    render_bench(bencher, name, pdf::render);
}
