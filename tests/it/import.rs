//! `plenary import`, on the English of every seed and on every text of the corpus: the result
//! parses, and every word of the source is in it or in a `// left out:` note.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use plenary::import::{import, words};

/// The seeds and the corpus texts, as drafters would paste them.
fn sources() -> Vec<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/source");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&shared)
        .expect("tests/import/source holds the texts")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
}

fn counted(words: Vec<String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for word in words {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The words of an imported text: its title, its text, and the lines it left out; not its
/// notes, nor the header's place and date, which restate a line left out, nor the keywords of
/// the language (`members:`, `signed:`).
fn imported_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(left) = trimmed.strip_prefix("// left out: ") {
            out.extend(words(left));
        } else if trimmed.starts_with("//")
            || line.starts_with("place: ")
            || line.starts_with("adopted: ")
        {
            continue;
        } else if let Some(title) = line.strip_prefix("title: ") {
            out.extend(words(title));
        } else if line == "members:" || line == "signed:" {
            continue;
        } else {
            out.extend(words(line));
        }
    }
    out
}

#[test]
fn every_seed_and_corpus_text_imports_to_a_declaration_that_parses() {
    let sources = sources();
    assert!(sources.len() >= 32, "found {} texts", sources.len());
    for path in sources {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let imported = import(&text);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let checked = plenary::check_bytes(&name, imported.text.as_bytes());
        let syntax: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error() && d.code.starts_with("syntax::"))
            .map(|d| format!("{}: {}", d.code, d.message))
            .collect();
        assert!(syntax.is_empty(), "{name}: {syntax:#?}");
    }
}

#[test]
fn every_word_of_the_source_is_kept_or_reported_as_left_out() {
    for path in sources() {
        let text = std::fs::read_to_string(&path).expect("UTF-8 text");
        let imported = import(&text);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let before = counted(words(&text));
        let after = counted(imported_words(&imported.text));
        let lost: Vec<(&String, usize)> = before
            .iter()
            .filter_map(|(w, n)| {
                let kept = after.get(w).copied().unwrap_or(0);
                (kept < *n).then(|| (w, n - kept))
            })
            .collect();
        let added: Vec<(&String, usize)> = after
            .iter()
            .filter_map(|(w, n)| {
                let had = before.get(w).copied().unwrap_or(0);
                (had < *n).then(|| (w, n - had))
            })
            .collect();
        assert!(
            lost.is_empty() && added.is_empty(),
            "{name}: lost {lost:?}, added {added:?}"
        );
    }
}

#[test]
fn the_asem_declaration_reads_as_its_parts() {
    let path = sources()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("000_"))
        .expect("seed 000");
    let text = std::fs::read_to_string(path).unwrap();
    let imported = import(&text);
    let decl = &imported.text;
    assert!(decl.starts_with(
        "title: Beijing Declaration on Strengthening Cooperation among ASEM Members on Small and Medium Enterprises (SMEs)\nplace: Beijing, China\nadopted: 2007-10-31\n"
    ), "{decl}");
    assert!(
        decl.contains("\n// left out: Position: Home>News Release\n"),
        "{decl}"
    );
    assert!(
        decl.contains("\n1. Promote the development of SMEs"),
        "{decl}"
    );
    assert!(decl.contains("45 ASEM members[^1] gathered"), "{decl}");
    assert!(decl.contains("\n[^1]: List of ASEM Members:"), "{decl}");
    let checked = plenary::check_bytes("asem.decl", decl.as_bytes());
    // The real slips of the NDRC text are found: its misspellings.
    assert!(
        checked
            .diagnostics
            .iter()
            .any(|d| d.code == "text::misspelt-word" && d.message.contains("specilized")),
        "{:#?}",
        checked.diagnostics
    );
}

#[test]
fn apec_numbers_its_headings_as_paragraphs() {
    let path = sources()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("003_"))
        .expect("seed 003");
    let imported = import(&std::fs::read_to_string(path).unwrap());
    assert!(
        imported
            .text
            .contains("// left out: 4.\n## Promoting SME Sustainability through Innovation\n"),
        "{}",
        imported.text
    );
}

#[test]
fn headings_run_into_their_paragraphs_are_taken_apart_and_the_damaged_number_is_reported() {
    let path = sources()
        .into_iter()
        .find(|p| p.to_string_lossy().contains("03_australia"))
        .expect("corpus 03");
    let imported = import(&std::fs::read_to_string(path).unwrap());
    let decl = &imported.text;
    assert!(
        decl.contains("## ARMISTICE AND SUBSEQUENT ARRANGEMENTS\n\n7. The two Governments"),
        "{decl}"
    );
    assert!(
        decl.contains("support-\n(a) the right of each country"),
        "{decl}"
    );
    let checked = plenary::check_bytes("03.decl", decl.as_bytes());
    let numbering: Vec<&str> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == "numbering::damaged-number")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(numbering, ["paragraph number `38.` runs into its text"]);
    assert!(!checked
        .diagnostics
        .iter()
        .any(|d| d.code == "numbering::unnumbered-paragraph"));
}

mod command {
    use crate::cli::{plenary, run, TempDir};

    const PASTED: &str = "Skip to main content\n\nJoint Statement of the Ministers\n\nBeijing, 31 October 2007\n\n1. Ministers met.\n\n2. They agreed.\n\n- 2 -\n";

    #[test]
    fn import_writes_a_declaration_beside_the_text_and_never_over_one() {
        let dir = TempDir::new("import");
        let name = dir.write("pasted.txt", PASTED);
        let out = run(plenary(&dir, &["import", &name]), None);
        assert_eq!(out.status, Some(0), "{}", out.stderr);
        assert!(out.stderr.contains("3 line(s) left out"), "{}", out.stderr);
        let decl = std::fs::read_to_string(dir.path().join("pasted.decl")).unwrap();
        assert!(
            decl.starts_with(
                "title: Joint Statement of the Ministers\nplace: Beijing\nadopted: 2007-10-31\n"
            ),
            "{decl}"
        );
        assert!(decl.contains("\n// left out: - 2 -\n"), "{decl}");
        let check = run(plenary(&dir, &["check", "pasted.decl"]), None);
        assert_eq!(check.status, Some(0), "{}", check.stderr);
        let again = run(plenary(&dir, &["import", &name]), None);
        assert_eq!(again.status, Some(2));
        assert!(
            again.stderr.contains("never writes over"),
            "{}",
            again.stderr
        );
    }

    #[test]
    fn import_reads_standard_input_and_writes_standard_output() {
        let dir = TempDir::new("import-stdin");
        let out = run(plenary(&dir, &["import", "-"]), Some(PASTED.as_bytes()));
        assert_eq!(out.status, Some(0), "{}", out.stderr);
        assert!(
            out.stdout.contains("\n1. Ministers met.\n"),
            "{}",
            out.stdout
        );
    }
}
