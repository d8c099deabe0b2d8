//! UI tests: every `tests/ui/<area>/<name>.decl` is checked, and the diagnostics, rendered
//! without colour at a fixed width, are compared with `<name>.snap` beside it.
//!
//! Bless new or changed output with `INSTA_UPDATE=always cargo test --test it ui` (or
//! `cargo insta review`) and read the diff before committing it.

use std::path::{Path, PathBuf};

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    collect(&root.join("tests/ui"), &mut inputs);
    inputs.sort();
    let mut failures = Vec::new();
    for input in &inputs {
        let relative = input.strip_prefix(root).expect("inside the crate");
        let result = std::panic::catch_unwind(|| check_one(input, relative));
        if result.is_err() {
            failures.push(relative.display().to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "{} UI test(s) differ from their snapshots:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(
        inputs.len() >= 25,
        "expected the UI fixtures, found {}",
        inputs.len()
    );
}

fn check_one(input: &Path, relative: &Path) {
    let bytes = std::fs::read(input).expect("readable fixture");
    let name = relative.to_string_lossy().replace('\\', "/");
    // A `.toml` fixture is a `plenary.toml`, read as a configuration.
    let (diagnostics, source) = if input.extension().is_some_and(|e| e == "toml") {
        match plenary::Config::load(&name, &bytes) {
            Ok(loaded) => (loaded.diagnostics, loaded.source),
            Err(unusable) => (vec![unusable.diagnostic], unusable.source),
        }
    } else {
        let checked = plenary::check_bytes(&name, &bytes);
        (checked.diagnostics, checked.source)
    };
    let output = super::rendered(&diagnostics, &source);
    let stem = input.file_stem().expect("a file name").to_string_lossy();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(input.parent().expect("a folder"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_input_file(input);
    settings.bind(|| insta::assert_snapshot!(stem.as_ref(), output));
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("tests/ui exists") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "decl" || e == "toml") {
            out.push(path);
        }
    }
}

/// Every code in the table of codes has at least one fixture whose expected output shows it, so
/// that no check and no syntax error goes untested.
#[test]
fn every_code_is_reported_by_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    collect(&root.join("tests/ui"), &mut inputs);
    let mut snapshots: Vec<String> = inputs
        .iter()
        .filter_map(|input| std::fs::read_to_string(input.with_extension("snap")).ok())
        .collect();
    // The checks across declarations are shown by the series of `tests/series/`, a run of
    // several files each.
    for entry in std::fs::read_dir(root.join("tests/series")).expect("tests/series exists") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "snap") {
            snapshots.push(std::fs::read_to_string(&path).expect("a snapshot"));
        }
    }
    // The parser's last resort, for a block that no other message describes: no input known
    // to the tests or to the mutation fuzzer produces it.
    let unreachable = ["syntax::unexpected"];
    let untested: Vec<&str> = plenary::codes::all()
        .iter()
        .map(|code| code.code)
        .filter(|code| !unreachable.contains(code))
        .filter(|code| {
            !snapshots
                .iter()
                .any(|snapshot| snapshot.lines().any(|line| line == *code))
        })
        .collect();
    assert!(
        untested.is_empty(),
        "codes without a UI fixture that reports them: {untested:?}"
    );
}
