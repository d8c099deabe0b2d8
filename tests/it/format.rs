//! `plenary fmt`: lossless and idempotent on every declaration of the repository and on
//! generated ones; the command rewrites files, checks them, reads standard input, and leaves a
//! file with a syntax error as it is.

use plenary::format::{format, Options, Refusal};
use plenary::Source;

use crate::syntax::every_declaration;

/// Formats a text; `None` when it has syntax errors.
fn formatted(name: &str, text: &str, options: &Options) -> Option<String> {
    match format(&Source::new(name, text), options) {
        Ok(formatted) => Some(formatted),
        Err(Refusal::Syntax(_)) => None,
        Err(Refusal::WouldChangeText { formatted }) => panic!(
            "formatting {name} would change its text:\n{}",
            plenary::format::diff(name, text, &formatted)
        ),
    }
}

#[test]
fn every_declaration_formats_without_a_change_of_words_and_stays_formatted() {
    let mut formatted_files = 0;
    for path in every_declaration() {
        let bytes = std::fs::read(&path).expect("a readable declaration");
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        let name = path.display().to_string();
        for options in [
            Options::default(),
            Options { width: 0 },
            Options { width: 40 },
        ] {
            let Some(once) = formatted(&name, &text, &options) else {
                continue;
            };
            let twice = formatted(&name, &once, &options).expect("formatted text parses");
            assert_eq!(once, twice, "formatting {name} twice changes it again");
            formatted_files += 1;
        }
    }
    assert!(formatted_files > 100, "only {formatted_files} formatted");
}

mod generated {
    use proptest::prelude::*;

    use super::*;
    use crate::generate;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// A generated declaration formats without a change of words (the formatter's own check
        /// would refuse otherwise), and formatting it again changes nothing.
        #[test]
        fn generated_declarations_format_losslessly_and_stay_formatted(
            text in generate::declaration(),
            width in prop_oneof![Just(100usize), Just(0), Just(30)],
        ) {
            let options = Options { width };
            let once = formatted("generated.decl", &text, &options).expect("a valid declaration");
            let twice = formatted("generated.decl", &once, &options).expect("formatted text parses");
            prop_assert_eq!(once, twice);
        }
    }
}

#[test]
fn the_canonical_layout() {
    let loose = "\
host:   China
// The title as agreed.
title:  Beijing Declaration\t

next meeting:
year: 2009
edition: second
## Main Consensus
1.   Ministers met
     in Beijing.   Ministers agreed to meet again in two years, and to cooperate on everything.
  (a) first, with a sub-paragraph long enough to be wrapped under its own words, not the number
\t- a bullet
annex: List of Members  (2)
– China
•\tJapan
";
    let expected = "\
// The title as agreed.
title: Beijing Declaration
host: China

next meeting:
edition: second
year: 2009

## Main Consensus

1. Ministers met in Beijing. Ministers agreed to meet again in two
years, and to cooperate on everything.
  (a) first, with a sub-paragraph long enough to be wrapped under its
      own words, not the number
    - a bullet

annex: List of Members (2)
- China
- Japan
";
    let out = formatted("loose.decl", loose, &Options { width: 72 }).expect("no syntax error");
    assert_eq!(out, expected);
}

#[test]
fn a_file_with_windows_line_endings_keeps_them() {
    let text = "title:  A\r\n\r\n\r\n1. Ministers met.\r\n";
    let out = formatted("crlf.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(out, "title: A\r\n\r\n1. Ministers met.\r\n");
}

#[test]
fn an_indented_keyword_line_stays_text() {
    let text = "title: A\n\n  annex: not an annex, for it is indented\n";
    let out = formatted("indented.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(out, text);
}

#[test]
fn a_number_run_into_its_text_stays_run_in() {
    let text = "title: A\n\n1. One.\n\n2.Two.\n";
    let out = formatted("run-in.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(out, text);
}

/// Found by the fuzzer: an empty quotation has no children in the tree, and the formatter
/// dropped its two marks (and refused the file, as that changed its words).
#[test]
fn an_empty_quotation_keeps_its_marks() {
    for text in [
        "title: A\n\n\"\"\n",
        "title: A\n\n\u{201C}\"\n",
        "title: A\n\n1. He said \"\" and left.\n",
    ] {
        let out =
            formatted("empty-quote.decl", text, &Options::default()).expect("no syntax error");
        assert_eq!(out, text);
    }
}

/// Found by the fuzzer: ` 4 Ministers` unindented reads as a paragraph number written without
/// its stop, so the formatter must keep the indentation.
#[test]
fn an_indented_paragraph_that_starts_with_a_number_stays_indented() {
    let text = "title: A\n\n 4 Ministers met.\n";
    let out =
        formatted("indented-number.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(out, text);
}

#[test]
fn an_indented_paragraph_that_starts_with_a_roman_numeral_stays_indented() {
    let text = "title: A\n\n1. Ministers met.\n\n V. Evatt\nMinister for External Affairs\n";
    let out = formatted("indented-roman.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(
        out,
        "title: A\n\n1. Ministers met.\n\n V. Evatt Minister for External Affairs\n"
    );
}

#[test]
fn an_indented_paragraph_that_starts_with_a_misread_number_stays_indented() {
    // `o1.` is the grammar's damaged `01.`: unindented, it would be a paragraph number.
    let text = "title: A\n\n1. Ministers met.\n\n o1. Ministers\nmet.\n";
    let out =
        formatted("indented-misread.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(
        out,
        "title: A\n\n1. Ministers met.\n\n o1. Ministers met.\n"
    );
}

#[test]
fn a_paragraph_that_would_read_differently_filled_keeps_its_lines() {
    // On one line, the `[` that opens no link on its own line would open one as far as `](`.
    let text = "title: A\n\n1. Ministers welcomed the [report) and\nthe [summary](https://example.org).\n\n2.   Ministers\nmet.\n";
    for width in [100, 0] {
        let out = formatted("bracket.decl", text, &Options { width }).expect("no syntax error");
        assert_eq!(
            out,
            "title: A\n\n1. Ministers welcomed the [report) and\nthe [summary](https://example.org).\n\n2. Ministers met.\n"
        );
    }
}

#[test]
fn a_strong_mark_that_filling_leaves_at_the_end_of_a_line_opens_nothing() {
    // `** ` is the two characters; so is `**` at the end of a line, where filling may put it
    // (found by the fuzzer: the filled text had an unclosed strong emphasis).
    let text = "title: A\n\n1. Ministers met ** and agreed.\n";
    let out = formatted("strong.decl", text, &Options { width: 20 }).expect("no syntax error");
    assert_eq!(out, "title: A\n\n1. Ministers met **\nand agreed.\n");
    let out = formatted("strong.decl", &out, &Options { width: 0 }).expect("no syntax error");
    assert_eq!(out, text);
}

#[test]
fn the_space_at_the_end_of_a_quotation_left_open_is_layout() {
    // A quotation over several paragraphs leaves each but the last open; the space at the end
    // of its line is the paragraph's, which fmt drops (found by the fuzzer).
    let text = "title: X\n\n\u{201c}2. It \n\n\u{201c}3. It assists them.\u{201d}\n";
    let out = formatted("quote.decl", text, &Options::default()).expect("no syntax error");
    assert_eq!(out, text.replace("It \n", "It\n"));
}

#[test]
fn a_sub_paragraph_that_would_read_differently_filled_is_read_after_the_header() {
    // Read without the header, the sub-paragraph's text was not read at all, so the link that
    // joining its lines makes went unseen and the whole file was refused (found by the fuzzer).
    let text = "title: T\n\n1. The Conference recommended:\n\n(a) that trade be fair.\n\n(b) that trade grow:\n1. Ministers welcomed the [report of the\nGroup](https://example.org) and the\n";
    let out = formatted("sub.decl", text, &Options { width: 0 }).expect("no syntax error");
    assert_eq!(out, text);
}

mod command {
    use crate::cli::{plenary, run, TempDir};

    const LOOSE: &str = "title:   A\n\n\n1. Ministers\nmet.\n";
    const TIDY: &str = "title: A\n\n1. Ministers met.\n";

    #[test]
    fn fmt_rewrites_a_file_in_place_and_then_finds_nothing_to_do() {
        let dir = TempDir::new("fmt-in-place");
        let name = dir.write("loose.decl", LOOSE);
        let first = run(plenary(&dir, &["fmt", &name]), None);
        assert_eq!(first.status, Some(0), "{}", first.stderr);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&name)).unwrap(),
            TIDY
        );
        let second = run(plenary(&dir, &["fmt", "--check", &name]), None);
        assert_eq!(second.status, Some(0), "{}", second.stderr);
        assert_eq!(second.stdout, "");
        // Nothing but the file is left in its folder.
        let entries = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(entries, 1);
    }

    #[test]
    fn fmt_check_prints_a_unified_diff_and_changes_nothing() {
        let dir = TempDir::new("fmt-check");
        let name = dir.write("loose.decl", LOOSE);
        let out = run(plenary(&dir, &["fmt", "--check", &name]), None);
        assert_eq!(out.status, Some(1));
        assert!(
            out.stdout
                .starts_with("--- loose.decl\n+++ loose.decl\n@@ "),
            "{}",
            out.stdout
        );
        assert!(
            out.stdout.contains("\n-title:   A\n+title: A\n"),
            "{}",
            out.stdout
        );
        assert!(
            out.stderr.contains("1 file is not formatted"),
            "{}",
            out.stderr
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&name)).unwrap(),
            LOOSE
        );
    }

    #[test]
    fn fmt_formats_every_declaration_below_a_folder() {
        let dir = TempDir::new("fmt-folder");
        std::fs::create_dir_all(dir.path().join("drafts/old")).unwrap();
        dir.write("drafts/a.decl", LOOSE);
        dir.write("drafts/old/b.decl", LOOSE);
        dir.write("drafts/notes.txt", LOOSE);
        let out = run(plenary(&dir, &["fmt", "--check", "drafts"]), None);
        assert_eq!(out.status, Some(1));
        assert!(
            out.stderr.contains("2 files are not formatted"),
            "{}",
            out.stderr
        );
        let out = run(plenary(&dir, &["fmt", "drafts"]), None);
        assert_eq!(out.status, Some(0), "{}", out.stderr);
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert_eq!(read("drafts/a.decl"), TIDY);
        assert_eq!(read("drafts/old/b.decl"), TIDY);
        assert_eq!(read("drafts/notes.txt"), LOOSE);
    }

    #[test]
    fn fmt_formats_standard_input_to_standard_output() {
        let dir = TempDir::new("fmt-stdin");
        let out = run(plenary(&dir, &["fmt", "-"]), Some(LOOSE.as_bytes()));
        assert_eq!(out.status, Some(0), "{}", out.stderr);
        assert_eq!(out.stdout, TIDY);
    }

    #[test]
    fn fmt_leaves_a_file_with_a_syntax_error_untouched() {
        let dir = TempDir::new("fmt-syntax-error");
        let broken = "title:   A\n\n1. Ministers \"met.\n";
        let name = dir.write("broken.decl", broken);
        let out = run(plenary(&dir, &["fmt", &name]), None);
        assert_eq!(out.status, Some(1));
        assert!(out.stderr.contains("syntax::unclosed"), "{}", out.stderr);
        assert!(out.stderr.contains("not formatted"), "{}", out.stderr);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&name)).unwrap(),
            broken
        );
    }

    #[cfg(unix)]
    #[test]
    fn fmt_keeps_the_mode_of_the_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("fmt-mode");
        let name = dir.write("private.decl", LOOSE);
        let path = dir.path().join(&name);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let out = run(plenary(&dir, &["fmt", &name]), None);
        assert_eq!(out.status, Some(0), "{}", out.stderr);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), TIDY);
    }

    #[test]
    fn fmt_reports_a_missing_file_and_goes_on() {
        let dir = TempDir::new("fmt-missing");
        let name = dir.write("loose.decl", LOOSE);
        let out = run(plenary(&dir, &["fmt", "missing.decl", &name]), None);
        assert_eq!(out.status, Some(2));
        assert!(out.stderr.contains("missing.decl"), "{}", out.stderr);
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&name)).unwrap(),
            TIDY
        );
    }
}
