//! A series across its declarations: every folder `tests/series/<name>/` holds declarations of
//! one series, written for the tests; the real binary checks them in one run (`plenary check
//! tests/series/<name>/*.decl`), and what it prints is compared with `tests/series/<name>.snap`.
//! The corpus texts that follow each other are checked in pairs the same way, against
//! `tests/corpus/pairs/<a>-<b>.snap`; every diagnostic across a pair must be justified by a `//`
//! note naming its code in the text it belongs to, as on every corpus text.
//!
//! Bless changed output with `INSTA_UPDATE=always cargo test --test it series` and read the diff.

use std::path::Path;
use std::process::Command;

/// The corpus texts that follow each other: the earlier and the later meeting, or texts that
/// speak of each other's meetings.
const PAIRS: &[(&str, &str)] = &[
    (
        "06_colombo_plan_consultative_committee_sydney_1950",
        "07_colombo_plan_consultative_committee_colombo_1951",
    ),
    (
        "11_asean_australia_forum_sixth_canberra_1981",
        "12_asean_australia_forum_seventh_penang_1982",
    ),
    (
        "14_australia_indonesia_joint_communique_jakarta_2001",
        "15_australia_indonesia_ministerial_forum_seventh_canberra_2005",
    ),
    (
        "23_declaration_of_north_america_nals_mexico_city_2023",
        "24_namcec_launch_joint_statement_2023",
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// What `plenary check FILES` prints, run from the crate's folder, and its exit status.
fn run(files: &[String]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("check")
        .arg("--color")
        .arg("never")
        .args(files)
        .current_dir(root())
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    format!(
        "{}exit status: {}\n",
        String::from_utf8_lossy(&output.stderr),
        output
            .status
            .code()
            .map_or("none".to_string(), |c| c.to_string())
    )
}

fn snapshot(folder: &Path, name: &str, output: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(folder);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, output));
}

/// The series folders, each with its declarations in the order of their names.
fn series() -> Vec<(String, Vec<String>)> {
    let folder = root().join("tests/series");
    let mut series: Vec<(String, Vec<String>)> = std::fs::read_dir(&folder)
        .expect("tests/series exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .map(|path| {
            let mut files: Vec<String> = std::fs::read_dir(&path)
                .expect("a series folder")
                .map(|entry| entry.expect("a directory entry").path())
                .filter(|file| file.extension().is_some_and(|e| e == "decl"))
                .map(|file| relative(&file))
                .collect();
            files.sort();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .to_string();
            (name, files)
        })
        .collect();
    series.sort();
    series
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .expect("inside the crate")
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn series_have_the_expected_diagnostics() {
    let all = series();
    assert!(
        all.len() >= 4,
        "expected the series folders, found {}",
        all.len()
    );
    for (name, files) in &all {
        assert!(
            files.len() >= 2,
            "{name}: a series needs two declarations or more"
        );
        snapshot(&root().join("tests/series"), name, &run(files));
    }
}

/// The clean series reports nothing, and each of its files checked alone reports nothing
/// either, so that what the other series report is what the checks across them find.
#[test]
fn a_clean_series_reports_nothing() {
    let (_, files) = series()
        .into_iter()
        .find(|(name, _)| name == "valid")
        .expect("tests/series/valid");
    assert!(files.len() >= 3);
    let output = run(&files);
    assert!(
        output.ends_with(&format!(
            "checked {} files: 0 errors, 0 warnings\nexit status: 0\n",
            files.len()
        )),
        "{output}"
    );
}

/// A run of one file prints what it always has: no check across declarations runs.
#[test]
fn one_file_of_a_series_is_checked_alone_as_before() {
    for (_, files) in series() {
        for file in files {
            let bytes = std::fs::read(root().join(&file)).expect("readable");
            let checked = plenary::check_bytes(&file, &bytes);
            let alone = run(std::slice::from_ref(&file));
            assert!(
                !alone.contains("across::"),
                "{file} alone reports a check across declarations"
            );
            let expected = plenary::diagnostic::render(
                &checked.diagnostics,
                &checked.source,
                plenary::diagnostic::Style {
                    color: false,
                    width: 100,
                },
            );
            assert!(alone.starts_with(&expected), "{file}:\n{alone}");
        }
    }
}

#[test]
fn corpus_pairs_have_the_expected_diagnostics() {
    for (earlier, later) in PAIRS {
        let files: Vec<String> = [earlier, later]
            .iter()
            .map(|stem| format!("tests/corpus/{stem}.decl"))
            .collect();
        let name = format!("{}-{}", &earlier[..2], &later[..2]);
        snapshot(&root().join("tests/corpus/pairs"), &name, &run(&files));
    }
}

/// Every diagnostic across a corpus pair points, in the file it belongs to, at words with a
/// `//` note above them naming its code.
#[test]
fn every_diagnostic_across_corpus_pairs_is_justified_by_a_note() {
    let mut unnoted = Vec::new();
    for (earlier, later) in PAIRS {
        let mut texts = Vec::new();
        for stem in [earlier, later] {
            let file = format!("tests/corpus/{stem}.decl");
            let bytes = std::fs::read(root().join(&file)).expect("readable corpus text");
            let config = plenary::Config::default();
            let (checked, declaration) =
                plenary::check_bytes_then(&file, &bytes, &config, |checked, analysis| {
                    analysis.map(|a| plenary::Declaration::of(&file, a, &checked.diagnostics))
                });
            texts.push((checked, declaration.expect("a text")));
        }
        let config = plenary::Config::default();
        let declarations: Vec<(plenary::Declaration, &plenary::Config)> = texts
            .iter()
            .map(|(_, declaration)| (declaration.clone(), &config))
            .collect();
        for (file, diagnostic) in plenary::check_across(&declarations) {
            let source = &texts[file].0.source;
            let lines: Vec<&str> = source.text().lines().collect();
            let at = diagnostic
                .primary_span()
                .map_or(0, |span| source.line_col(span.start as usize).0 - 1);
            if !super::corpus::noted(&lines, at, diagnostic.code) {
                unnoted.push(format!("{}:{}: {}", source.name(), at + 1, diagnostic.code));
            }
        }
    }
    assert!(
        unnoted.is_empty(),
        "diagnostics across corpus pairs without a `//` note naming their code:\n{}",
        unnoted.join("\n")
    );
}

/// The whole corpus checked in one run reports what its texts report alone, and nothing across
/// them: the texts that share a series agree where they speak of each other's meetings.
#[test]
fn the_corpus_in_one_run_reports_what_each_text_reports_alone() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests/corpus"))
        .expect("tests/corpus exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "decl"))
        .map(|path| relative(&path))
        .collect();
    files.sort();
    let (mut errors, mut warnings) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(root().join(file)).expect("readable corpus text");
        let checked = plenary::check_bytes(file, &bytes);
        errors += checked.error_count();
        warnings += checked.warning_count();
    }
    let output = run(&files);
    assert!(!output.contains("across::"), "{output}");
    let summary = format!(
        "checked {}: {}, {}\n",
        plenary::numbers::plural(files.len(), "file"),
        plenary::numbers::plural(errors, "error"),
        plenary::numbers::plural(warnings, "warning")
    );
    assert!(output.contains(&summary), "expected {summary:?}:\n{output}");
}
