//! The real declarations of the corpus, written in the language under `tests/corpus/`: each is
//! checked, and its diagnostics are compared with `<name>.snap` beside it.
//!
//! A diagnostic on a correct text is a bug of plenary, so every diagnostic a corpus text gets
//! must be justified where it points: a `//` note in the lines of its block above it (or right
//! above the block) that names its code and says why the text is wrong there.
//!
//! Bless changed output with `INSTA_UPDATE=always cargo test --test it corpus`, and read the
//! diff: a new diagnostic needs its note, a lost one its note removed.

use std::path::{Path, PathBuf};

fn texts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/corpus exists")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "decl"))
        .collect();
    texts.sort();
    texts
}

fn checked(path: &Path) -> plenary::Checked {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let name = path.strip_prefix(root).expect("inside the crate");
    let bytes = std::fs::read(path).expect("readable corpus text");
    plenary::check_bytes(&name.to_string_lossy().replace('\\', "/"), &bytes)
}

#[test]
fn corpus_texts_have_the_expected_diagnostics() {
    let texts = texts();
    assert_eq!(texts.len(), 28, "the corpus has 28 declarations");
    let mut failures = Vec::new();
    for path in &texts {
        let result = std::panic::catch_unwind(|| {
            let checked = checked(path);
            let output = super::rendered(&checked.diagnostics, &checked.source);
            let stem = path.file_stem().expect("a file name").to_string_lossy();
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(path.parent().expect("a folder"));
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_input_file(path);
            settings.bind(|| insta::assert_snapshot!(stem.as_ref(), output));
        });
        if result.is_err() {
            failures.push(path.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus text(s) differ from their snapshots:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_corpus_diagnostic_is_justified_by_a_note() {
    let mut unjustified = Vec::new();
    for path in texts() {
        let checked = checked(&path);
        let lines: Vec<&str> = checked.source.text().lines().collect();
        for diagnostic in &checked.diagnostics {
            let Some(span) = diagnostic.primary_span() else {
                unjustified.push(format!(
                    "{}: {} (no place)",
                    path.display(),
                    diagnostic.code
                ));
                continue;
            };
            let (line, _) = checked.source.line_col(span.start as usize);
            if !noted(&lines, line - 1, diagnostic.code) {
                unjustified.push(format!(
                    "{}:{line}: {} {}",
                    path.display(),
                    diagnostic.code,
                    diagnostic.message
                ));
            }
        }
    }
    assert!(
        unjustified.is_empty(),
        "{} diagnostic(s) on corpus texts have no `//` note naming their code above them:\n{}",
        unjustified.len(),
        unjustified.join("\n")
    );
}

/// Whether a note naming `code` stands in the lines of the block above line `at` (0-based),
/// or in the notes right above the block.
pub(crate) fn noted(lines: &[&str], at: usize, code: &str) -> bool {
    lines[..=at.min(lines.len().saturating_sub(1))]
        .iter()
        .rev()
        .take_while(|line| !line.trim().is_empty())
        .any(|line| line.trim_start().starts_with("//") && line.contains(code))
}

#[test]
fn a_note_is_found_in_the_block_above_a_diagnostic() {
    let lines = [
        "intro",
        "",
        "// numbering::skipped-number: 27 is missing, as printed.",
        "28. Countries should",
        "specify their requirements.",
    ];
    assert!(noted(&lines, 4, "numbering::skipped-number"));
    assert!(!noted(&lines, 4, "facts::mismatch"));
    assert!(!noted(&lines, 0, "numbering::skipped-number"));
}
