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

/// The layers of ARCHITECTURE.md: pest only in `src/syntax/`, miette only in
/// `src/diagnostic.rs`, printpdf only in `src/render/pdf/write.rs`, and no output renderer that
/// reads the syntax tree or the analysis instead of the print model.
#[test]
fn each_library_lives_in_its_one_place() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rules: [(&str, &[&str]); 4] = [
        ("pest", &["syntax/"]),
        ("miette", &["diagnostic.rs"]),
        ("printpdf", &["render/pdf/write.rs"]),
        ("lopdf", &["render/pdf/write.rs"]),
    ];
    let renderers = [
        "render/markdown.rs",
        "render/html.rs",
        "render/json.rs",
        "render/pdf/flow.rs",
        "render/pdf/paginate.rs",
    ];
    let mut stack = vec![root.clone()];
    let mut broken = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path
                .strip_prefix(&root)
                .expect("inside src")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for (library, allowed) in rules {
                let used = text.contains(&format!("{library}::"))
                    || text.contains(&format!("use {library};"));
                if used && !allowed.iter().any(|a| relative.starts_with(a)) {
                    broken.push(format!("{relative} uses {library}"));
                }
            }
            if renderers.contains(&relative.as_str())
                && (text.contains("crate::ast::") || text.contains("crate::analysis"))
            {
                broken.push(format!("{relative} reads past the print model"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:#?}");
}
