//! Generated documentation stays in step with its source.

use std::path::Path;

/// `docs/checks.md` is generated from the table of codes (`src/codes/*.md` and the checks' `//!`
/// comments); regenerate it with `UPDATE_DOCS=1 cargo test --test it docs`.
#[test]
fn checks_md_matches_the_table_of_codes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/checks.md");
    let generated = plenary::codes::reference_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("docs/checks.md is writable");
        return;
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/checks.md is out of date: run `UPDATE_DOCS=1 cargo test --test it docs`"
    );
}
