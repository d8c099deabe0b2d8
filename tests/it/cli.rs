//! Command-line tests: run the real `plenary` binary and check its exit status and what it
//! prints for `plenary check`, `plenary build` and `plenary schema`.
//!
//! Every test writes its inputs into its own temporary folder (removed when the test ends) and
//! runs the binary there, so file names in diagnostics are short and tests share nothing. The
//! environment is pinned: `COLUMNS=100`, no `NO_COLOR` (unless the test is about it) and no
//! `RUST_BACKTRACE`, so that a panic would show its "run with `RUST_BACKTRACE=1`" note.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Exit statuses documented in `plenary check --help`.
const OK: i32 = 0;
const FOUND_ERRORS: i32 = 1;
const TROUBLE: i32 = 2;

/// A small declaration with no problem.
const VALID: &str = "\
title: Beijing Declaration
adopted: 2007-10-31

## Main Consensus

1. Ministers met in \"Beijing\".

2. Ministers agreed to cooperate.
";

/// A header field that does not exist (`tittle`).
const UNKNOWN_FIELD: &str = "\
title: Beijing Declaration
tittle: Beijing
adopted: 2007-10-31

1. Ministers met.
";

/// A quotation that is never closed; it opens on line 4, column 14.
const UNCLOSED_QUOTE: &str = "\
title: Beijing Declaration
adopted: 2007-10-31

1. Ministers \"met.
";

/// Three mistakes, one in each of three paragraphs.
const THREE_MISTAKES: &str = "\
title: Beijing Declaration
adopted: 2007-10-31

1. Ministers \"met.

2. Ministers {hello} agreed.

3. Ministers from {45 = memebrs} members gathered.
";

/// A temporary folder of its own for one test, removed when dropped.
pub(crate) struct TempDir(PathBuf);

impl TempDir {
    pub(crate) fn new(test: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "plenary-cli-{}-{test}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed),
        ));
        std::fs::create_dir_all(&path).expect("a temporary folder can be created");
        TempDir(path)
    }

    /// Writes a file into the folder and returns its name, relative to the folder.
    pub(crate) fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        std::fs::write(self.0.join(name), bytes).expect("a temporary file can be written");
        name.to_string()
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary with a pinned environment, run inside `dir`.
pub(crate) fn plenary(dir: &TempDir, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenary"));
    command
        .args(args)
        .current_dir(dir.path())
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE");
    command
}

/// What one run of the binary did.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) status: Option<i32>,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// The lines of standard error.
    fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// How many diagnostics (errors) were drawn: each has one `×` line.
    fn error_marks(&self) -> usize {
        self.stderr
            .lines()
            .filter(|line| line.trim_start().starts_with("× "))
            .count()
    }
}

/// Runs the command with `stdin` piped to it (or nothing), and checks that it did not panic.
pub(crate) fn run(mut command: Command, stdin: Option<&[u8]>) -> Run {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the plenary binary runs");
    let writer = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().expect("a stdin pipe");
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            // The binary may stop reading early; a broken pipe is not the test's concern.
            let _ = pipe.write_all(&bytes);
        })
    });
    let Output {
        status,
        stdout,
        stderr,
    } = child
        .wait_with_output()
        .expect("the plenary binary finishes");
    if let Some(writer) = writer {
        writer.join().expect("the stdin writer finishes");
    }
    let run = Run {
        status: status.code(),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked") && !run.stderr.contains("RUST_BACKTRACE"),
        "plenary panicked:\n{}",
        run.stderr
    );
    run
}

/// Runs `plenary check ARGS` in `dir`.
fn check(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    run(plenary(dir, &all), None)
}

/// Runs `plenary check -` with `input` on standard input.
fn check_stdin(dir: &TempDir, input: impl AsRef<[u8]>) -> Run {
    run(plenary(dir, &["check", "-"]), Some(input.as_ref()))
}

/// The counts of the summary line `checked N files: E errors, W warnings`, which must be the
/// last line on standard error.
fn summary(run: &Run) -> (usize, usize, usize) {
    let last = run
        .stderr
        .lines()
        .last()
        .unwrap_or_else(|| panic!("stderr is empty:\n{run:?}"));
    parse_summary(last).unwrap_or_else(|| {
        panic!(
            "the last line of stderr is not the summary: {last:?}\nstderr:\n{}",
            run.stderr
        )
    })
}

/// Parses `checked 1 file: 2 errors, 1 warning`, checking singular and plural.
fn parse_summary(line: &str) -> Option<(usize, usize, usize)> {
    fn count(part: &str, word: &str) -> Option<usize> {
        let (n, noun) = part.split_once(' ')?;
        let n: usize = n.parse().ok()?;
        let expected = if n == 1 {
            word.to_string()
        } else {
            format!("{word}s")
        };
        (noun == expected).then_some(n)
    }
    let rest = line.strip_prefix("checked ")?;
    let (files, rest) = rest.split_once(": ")?;
    let (errors, warnings) = rest.split_once(", ")?;
    // `checked 2 of 3 files, 1 could not be read`: the total is what counts here.
    let files = match files.split_once(" of ") {
        Some((checked, rest)) => {
            let (total, unread) = rest.split_once(", ")?;
            let unread: usize = unread.strip_suffix(" could not be read")?.parse().ok()?;
            let total = count(total, "file")?;
            (checked.parse::<usize>().ok()? + unread == total).then_some(total)?
        }
        None => count(files, "file")?,
    };
    Some((files, count(errors, "error")?, count(warnings, "warning")?))
}

/// How many files the summary line says could not be read.
fn unread_in_summary(run: &Run) -> usize {
    let last = run.stderr.lines().last().unwrap_or_default();
    last.split_once(", ")
        .and_then(|(_, rest)| rest.split_once(" could not be read"))
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0)
}

fn assert_status(run: &Run, expected: i32) {
    assert_eq!(
        run.status,
        Some(expected),
        "unexpected exit status\nstdout:\n{}\nstderr:\n{}",
        run.stdout,
        run.stderr
    );
}

fn assert_no_ansi(run: &Run) {
    assert!(
        !run.stderr.contains("\x1b[") && !run.stdout.contains("\x1b["),
        "the output has ANSI escapes:\n{:?}",
        run.stderr
    );
}

/// A clean run: status 0, nothing but the summary, nothing on stdout.
fn assert_clean(run: &Run, files: usize) {
    assert_status(run, OK);
    assert_eq!(
        run.stderr_lines(),
        [format!(
            "checked {files} file{}: 0 errors, 0 warnings",
            if files == 1 { "" } else { "s" }
        )],
        "a clean check prints only the summary"
    );
    assert_eq!(run.stdout, "", "check prints nothing on stdout");
}

// ---------------------------------------------------------------------------------------------
// Exit statuses

#[test]
fn a_valid_file_exits_0_with_only_the_summary() {
    let dir = TempDir::new("valid");
    let file = dir.write("valid.decl", VALID);
    let run = check(&dir, &[&file]);
    assert_clean(&run, 1);
    assert_eq!(summary(&run), (1, 0, 0));
}

#[test]
fn an_unknown_header_field_exits_1() {
    let dir = TempDir::new("unknown-field");
    let file = dir.write("field.decl", UNKNOWN_FIELD);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert!(
        run.stderr.contains("syntax::unknown-field"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`tittle`"), "{}", run.stderr);
    assert!(run.stderr.contains("[field.decl:2:1]"), "{}", run.stderr);
    assert_eq!(summary(&run), (1, 1, 0));
    assert_eq!(run.stdout, "");
}

#[test]
fn an_unclosed_quotation_exits_1() {
    let dir = TempDir::new("unclosed");
    let file = dir.write("quote.decl", UNCLOSED_QUOTE);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert!(run.stderr.contains("syntax::unclosed"), "{}", run.stderr);
    assert!(run.stderr.contains("[quote.decl:4:14]"), "{}", run.stderr);
    assert_eq!(summary(&run), (1, 1, 0));
}

#[test]
fn a_missing_file_exits_2_with_one_plain_line() {
    let dir = TempDir::new("missing");
    let run = check(&dir, &["x.decl"]);
    assert_status(&run, TROUBLE);
    let lines = run.stderr_lines();
    assert_eq!(
        lines.len(),
        2,
        "one error line and the summary:\n{}",
        run.stderr
    );
    assert_eq!(lines[0], "error: cannot read `x.decl`: no such file");
    summary(&run);
    assert_no_ansi(&run);
    assert_eq!(run.stdout, "");
}

#[test]
fn a_directory_given_as_a_file_exits_2_with_one_plain_line() {
    let dir = TempDir::new("directory");
    std::fs::create_dir(dir.path().join("folder.decl")).expect("a folder can be made");
    let run = check(&dir, &["folder.decl"]);
    assert_status(&run, TROUBLE);
    let lines = run.stderr_lines();
    assert_eq!(
        lines.len(),
        2,
        "one error line and the summary:\n{}",
        run.stderr
    );
    assert!(
        lines[0].starts_with("error: cannot read `folder.decl`: ")
            && lines[0].contains("directory"),
        "the error says the path is a directory: {:?}",
        lines[0]
    );
    summary(&run);
}

#[test]
fn no_file_argument_is_a_usage_error() {
    let dir = TempDir::new("no-args");
    let run = check(&dir, &[]);
    assert_status(&run, TROUBLE);
    assert!(run.stderr.contains("Usage:"), "{}", run.stderr);
    assert!(run.stderr.contains("<FILE>"), "{}", run.stderr);
    assert_no_ansi(&run);
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let dir = TempDir::new("no-subcommand");
    let run = run(plenary(&dir, &[]), None);
    assert_status(&run, TROUBLE);
    assert!(run.stderr.contains("Usage:"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn an_unknown_flag_is_a_usage_error() {
    let dir = TempDir::new("unknown-flag");
    let file = dir.write("valid.decl", VALID);
    let run = check(&dir, &["--frobnicate", &file]);
    assert_status(&run, TROUBLE);
    assert!(run.stderr.contains("--frobnicate"), "{}", run.stderr);
    assert!(run.stderr.contains("Usage:"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("checked "),
        "a usage error checks nothing:\n{}",
        run.stderr
    );
}

#[test]
fn an_unknown_colour_choice_is_a_usage_error() {
    let dir = TempDir::new("bad-color");
    let file = dir.write("valid.decl", VALID);
    let run = check(&dir, &["--color", "sometimes", &file]);
    assert_status(&run, TROUBLE);
    assert!(run.stderr.contains("sometimes"), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------------
// Several files in one run

#[test]
fn errors_in_every_file_are_reported() {
    let dir = TempDir::new("two-bad");
    let first = dir.write("first.decl", UNKNOWN_FIELD);
    let second = dir.write("second.decl", UNCLOSED_QUOTE);
    let run = check(&dir, &[&first, &second]);
    assert_status(&run, FOUND_ERRORS);
    let at_first = run.stderr.find("[first.decl:2:1]");
    let at_second = run.stderr.find("[second.decl:4:14]");
    assert!(
        at_first.is_some() && at_second.is_some(),
        "both files' errors are shown:\n{}",
        run.stderr
    );
    assert!(at_first < at_second, "files are reported in order");
    assert!(run.stderr.contains("syntax::unknown-field"));
    assert!(run.stderr.contains("syntax::unclosed"));
    assert_eq!(run.error_marks(), 2);
    assert_eq!(summary(&run), (2, 2, 0));
}

#[test]
fn files_checked_on_all_cores_are_reported_in_the_order_given() {
    // A long file first and short ones after: the short ones finish first on the other cores,
    // and must still be printed after it, in the order of the command line.
    let dir = TempDir::new("in-order");
    let long = format!(
        "{}{}",
        UNCLOSED_QUOTE,
        (2..3000)
            .map(|n| format!("\n{n}. Ministers met again.\n"))
            .collect::<String>()
    );
    let mut names = vec![dir.write("00.decl", long)];
    for n in 1..40 {
        names.push(dir.write(&format!("{n:02}.decl"), UNCLOSED_QUOTE));
    }
    let args: Vec<&str> = names.iter().map(String::as_str).collect();
    let run = check(&dir, &args);
    assert_status(&run, FOUND_ERRORS);
    let order: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|line| line.split_once("[")?.1.split_once(".decl:"))
        .map(|(name, _)| name)
        .collect();
    let expected: Vec<String> = (0..40).map(|n| format!("{n:02}")).collect();
    assert_eq!(order, expected, "{}", run.stderr);
    assert_eq!(summary(&run), (40, 40, 0));
}

#[test]
fn a_valid_and_an_erroneous_file_exit_1() {
    let dir = TempDir::new("good-bad");
    let good = dir.write("good.decl", VALID);
    let bad = dir.write("bad.decl", UNCLOSED_QUOTE);
    for args in [[&good, &bad], [&bad, &good]] {
        let run = check(&dir, &[args[0], args[1]]);
        assert_status(&run, FOUND_ERRORS);
        assert_eq!(run.error_marks(), 1);
        assert_eq!(summary(&run), (2, 1, 0));
    }
}

#[test]
fn a_missing_and_an_erroneous_file_exit_2_in_either_order() {
    let dir = TempDir::new("missing-bad");
    let bad = dir.write("bad.decl", UNCLOSED_QUOTE);
    for args in [["bad.decl", "gone.decl"], ["gone.decl", "bad.decl"]] {
        let run = check(&dir, &args);
        assert_status(&run, TROUBLE);
        assert!(
            run.stderr
                .lines()
                .any(|l| l == "error: cannot read `gone.decl`: no such file"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("[{bad}:4:14]")),
            "the readable file is still checked:\n{}",
            run.stderr
        );
        assert_eq!(run.error_marks(), 1);
        let (files, errors, _) = summary(&run);
        assert_eq!(files, 2);
        assert!(errors >= 1, "{}", run.stderr);
    }
}

#[test]
fn the_summary_is_the_last_line_even_after_an_unreadable_file() {
    let dir = TempDir::new("summary-last");
    let good = dir.write("good.decl", VALID);
    let bad = dir.write("bad.decl", THREE_MISTAKES);
    let run = check(&dir, &[&bad, &good, "gone.decl"]);
    assert_status(&run, TROUBLE);
    let (files, errors, warnings) = summary(&run);
    assert_eq!(files, 3);
    assert_eq!(unread_in_summary(&run), 1, "{}", run.stderr);
    assert!(errors >= 3, "{}", run.stderr);
    assert_eq!(warnings, 0);
    let lines = run.stderr_lines();
    assert_eq!(
        lines.iter().filter(|l| parse_summary(l).is_some()).count(),
        1,
        "exactly one summary line:\n{}",
        run.stderr
    );
}

#[test]
fn an_unreadable_file_is_counted_as_such_in_the_summary() {
    let dir = TempDir::new("summary-unreadable");
    let run = check(&dir, &["gone.decl"]);
    assert_status(&run, TROUBLE);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert_eq!(
        last, "checked 0 of 1 file, 1 could not be read: 0 errors, 0 warnings",
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// Standard input

#[test]
fn a_valid_declaration_on_stdin_exits_0() {
    let dir = TempDir::new("stdin-valid");
    let run = check_stdin(&dir, VALID);
    assert_clean(&run, 1);
}

#[test]
fn an_invalid_declaration_on_stdin_is_named_stdin() {
    let dir = TempDir::new("stdin-invalid");
    let run = check_stdin(&dir, UNCLOSED_QUOTE);
    assert_status(&run, FOUND_ERRORS);
    assert!(run.stderr.contains("syntax::unclosed"), "{}", run.stderr);
    assert!(run.stderr.contains("[<stdin>:4:14]"), "{}", run.stderr);
    assert_eq!(summary(&run), (1, 1, 0));
}

#[test]
fn stdin_and_files_mix_in_one_run() {
    let dir = TempDir::new("stdin-mix");
    let bad = dir.write("bad.decl", UNKNOWN_FIELD);
    let run = run(
        plenary(&dir, &["check", &bad, "-"]),
        Some(UNCLOSED_QUOTE.as_bytes()),
    );
    assert_status(&run, FOUND_ERRORS);
    assert!(run.stderr.contains("[bad.decl:2:1]"), "{}", run.stderr);
    assert!(run.stderr.contains("[<stdin>:4:14]"), "{}", run.stderr);
    assert_eq!(summary(&run), (2, 2, 0));
}

// ---------------------------------------------------------------------------------------------
// Encodings and bytes

#[test]
fn crlf_line_endings_are_accepted() {
    let dir = TempDir::new("crlf");
    let file = dir.write("crlf.decl", VALID.replace('\n', "\r\n"));
    assert_clean(&check(&dir, &[&file]), 1);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = TempDir::new("bom");
    let file = dir.write("bom.decl", format!("\u{FEFF}{VALID}"));
    assert_clean(&check(&dir, &[&file]), 1);
}

#[test]
fn a_byte_order_mark_with_crlf_is_accepted_from_a_file_and_stdin() {
    let dir = TempDir::new("bom-crlf");
    let text = format!("\u{FEFF}{}", VALID.replace('\n', "\r\n"));
    let file = dir.write("bom-crlf.decl", &text);
    assert_clean(&check(&dir, &[&file]), 1);
    assert_clean(&check_stdin(&dir, &text), 1);
}

#[test]
fn crlf_does_not_move_the_reported_position() {
    let dir = TempDir::new("crlf-error");
    let file = dir.write("crlf.decl", UNCLOSED_QUOTE.replace('\n', "\r\n"));
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert!(run.stderr.contains("[crlf.decl:4:14]"), "{}", run.stderr);
    assert_eq!(run.error_marks(), 1);
}

#[test]
fn invalid_utf8_exits_1_naming_the_byte_offset() {
    let dir = TempDir::new("invalid-utf8");
    // "title: B\n\n1. Min" is 16 bytes; the bad byte follows.
    let bytes = b"title: B\n\n1. Min\xFFisters met.\n";
    let file = dir.write("latin1.decl", bytes);
    for run in [check(&dir, &[&file]), check_stdin(&dir, bytes)] {
        assert_status(&run, FOUND_ERRORS);
        assert!(run.stderr.contains("input::invalid-utf8"), "{}", run.stderr);
        assert!(run.stderr.contains("0xFF"), "{}", run.stderr);
        assert!(run.stderr.contains("offset 16"), "{}", run.stderr);
        assert_eq!(run.error_marks(), 1);
        assert_eq!(summary(&run), (1, 1, 0));
    }
}

#[test]
fn every_kind_of_bad_utf8_is_a_diagnostic_not_a_panic() {
    let dir = TempDir::new("bad-utf8-kinds");
    let cases: [(&[u8], usize); 8] = [
        (b"\xFF", 0),                                // the whole file is one bad byte
        (b"\xFE\xFF\0t\0i\0t\0l\0e", 0),             // UTF-16 with its byte-order mark
        (b"title: B\n\n1. Min\xC3", 16),             // a sequence cut off at the end
        (b"title: B\n\n1. Min\xC3(x.\n", 16),        // a lead byte without its continuation
        (b"title: B\n\n1. \x80 met.\n", 13),         // a lone continuation byte
        (b"title: B\n\n1. \xC0\xAF met.\n", 13),     // an overlong encoding
        (b"title: B\n\n1. \xED\xA0\x80 met.\n", 13), // an encoded surrogate
        (b"title: B\n\n1. \xF4\x90\x80\x80.\n", 13), // beyond U+10FFFF
    ];
    for (bytes, offset) in cases {
        let run = check_stdin(&dir, bytes);
        assert_status(&run, FOUND_ERRORS);
        assert!(
            run.stderr.contains("input::invalid-utf8"),
            "{bytes:?}:\n{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("offset {offset} ")),
            "{bytes:?} names offset {offset}:\n{}",
            run.stderr
        );
        assert_eq!(summary(&run), (1, 1, 0), "{bytes:?}");
    }
}

#[test]
fn the_invalid_utf8_offset_counts_from_the_start_of_the_file_after_a_bom() {
    let dir = TempDir::new("bom-invalid-utf8");
    // 3 bytes of BOM, then the 16 bytes of "title: B\n\n1. Min": the bad byte is at offset 19.
    let run = check_stdin(&dir, b"\xEF\xBB\xBFtitle: B\n\n1. Min\xFFisters met.\n");
    assert_status(&run, FOUND_ERRORS);
    assert!(run.stderr.contains("input::invalid-utf8"), "{}", run.stderr);
    assert!(
        run.stderr.contains("offset 19 "),
        "the offset is the file's byte offset:\n{}",
        run.stderr
    );
}

#[test]
fn a_nul_byte_exits_1_naming_the_byte_offset() {
    let dir = TempDir::new("nul");
    let bytes = b"title: B\n\n1. Min\0isters met.\n";
    let file = dir.write("nul.decl", bytes);
    for run in [check(&dir, &[&file]), check_stdin(&dir, bytes)] {
        assert_status(&run, FOUND_ERRORS);
        assert!(run.stderr.contains("input::nul-byte"), "{}", run.stderr);
        assert!(run.stderr.contains("offset 16"), "{}", run.stderr);
        assert_eq!(run.error_marks(), 1);
        assert_eq!(summary(&run), (1, 1, 0));
    }
}

#[test]
fn a_nul_byte_at_the_start_or_end_is_a_diagnostic_not_a_panic() {
    let dir = TempDir::new("nul-edges");
    for (bytes, offset) in [(&b"\0"[..], 0), (b"title: B\n\n1. Met.\n\0", 18)] {
        let run = check_stdin(&dir, bytes);
        assert_status(&run, FOUND_ERRORS);
        assert!(run.stderr.contains("input::nul-byte"), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("offset {offset},")),
            "{bytes:?} names offset {offset}:\n{}",
            run.stderr
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Colours

#[test]
fn no_colour_when_stderr_is_not_a_terminal() {
    let dir = TempDir::new("color-auto");
    let file = dir.write("bad.decl", THREE_MISTAKES);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert_no_ansi(&run);
}

#[test]
fn no_colour_with_no_color_set() {
    let dir = TempDir::new("no-color");
    let file = dir.write("bad.decl", THREE_MISTAKES);
    let mut command = plenary(&dir, &["check", &file]);
    command.env("NO_COLOR", "1");
    let run = run(command, None);
    assert_status(&run, FOUND_ERRORS);
    assert_no_ansi(&run);
}

#[test]
fn no_colour_with_color_never() {
    let dir = TempDir::new("color-never");
    let file = dir.write("bad.decl", THREE_MISTAKES);
    let run = check(&dir, &["--color", "never", &file]);
    assert_status(&run, FOUND_ERRORS);
    assert_no_ansi(&run);
}

#[test]
fn colour_with_color_always_before_or_after_the_subcommand() {
    let dir = TempDir::new("color-always");
    let file = dir.write("bad.decl", UNCLOSED_QUOTE);
    for args in [
        ["--color", "always", "check", &file],
        ["check", "--color", "always", &file],
    ] {
        let run = run(plenary(&dir, &args), None);
        assert_status(&run, FOUND_ERRORS);
        assert!(
            run.stderr.contains("\x1b["),
            "{args:?} colours the output:\n{:?}",
            run.stderr
        );
        assert!(run.stderr.contains("syntax::unclosed"), "{}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Every problem in one run

#[test]
fn three_mistakes_in_three_paragraphs_give_three_diagnostics() {
    let dir = TempDir::new("three");
    let file = dir.write("three.decl", THREE_MISTAKES);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert_eq!(run.error_marks(), 3, "{}", run.stderr);
    let positions: Vec<usize> = ["[three.decl:4:", "[three.decl:6:", "[three.decl:8:"]
        .iter()
        .map(|at| {
            run.stderr
                .find(at)
                .unwrap_or_else(|| panic!("a diagnostic at {at}:\n{}", run.stderr))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "in file order");
    for code in [
        "syntax::unclosed",
        "syntax::unknown-brace",
        "syntax::unknown-fact",
    ] {
        assert!(run.stderr.contains(code), "{code}:\n{}", run.stderr);
    }
    assert_eq!(summary(&run), (1, 3, 0));
}

#[test]
fn the_output_is_the_same_every_run() {
    let dir = TempDir::new("deterministic");
    let file = dir.write("three.decl", THREE_MISTAKES);
    let first = check(&dir, &[&file]);
    let second = check(&dir, &[&file]);
    assert_eq!(first.status, second.status);
    assert_eq!(first.stderr, second.stderr);
}

// ---------------------------------------------------------------------------------------------
// plenary build

/// Runs `plenary build ARGS` in `dir`.
fn build(dir: &TempDir, args: &[&str]) -> Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    run(plenary(dir, &all), None)
}

/// The names of the files in a folder, sorted.
fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("the folder can be read")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn read(dir: &TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join(name))
        .unwrap_or_else(|e| panic!("{name} can be read: {e}"))
}

/// A declaration with a second language version.
const BILINGUAL: &str = "\
title: Beijing Declaration
languages: en, zh
adopted: 2007-10-31

1. {#meet} Ministers met.

2. As in paragraph {@meet}.

version: zh
title: 北京宣言

1、部长们会面。

2、见第{@meet}段。
";

#[test]
fn build_writes_every_format_next_to_the_source() {
    let dir = TempDir::new("build-all");
    let file = dir.write("beijing.decl", VALID);
    let run = build(&dir, &[&file]);
    assert_status(&run, OK);
    assert_eq!(
        listing(dir.path()),
        [
            "beijing.decl",
            "beijing.html",
            "beijing.json",
            "beijing.md",
            "beijing.pdf"
        ]
    );
    assert!(read(&dir, "beijing.md").starts_with("# Beijing Declaration\n"));
    assert!(read(&dir, "beijing.html").starts_with("<!DOCTYPE html>"));
    assert!(read(&dir, "beijing.json").contains("\"format\": 1"));
    assert_eq!(
        run.stdout, "",
        "outputs go to files, not to standard output"
    );
    assert!(run.stderr.contains("wrote beijing.html"), "{}", run.stderr);
}

#[test]
fn build_to_writes_only_the_formats_asked_for() {
    let dir = TempDir::new("build-to");
    let file = dir.write("beijing.decl", VALID);
    assert_status(&build(&dir, &[&file, "--to", "md,json"]), OK);
    assert_eq!(
        listing(dir.path()),
        ["beijing.decl", "beijing.json", "beijing.md"]
    );
}

#[test]
fn build_into_a_folder_creates_it() {
    let dir = TempDir::new("build-out");
    let file = dir.write("beijing.decl", VALID);
    assert_status(&build(&dir, &[&file, "-o", "out/site", "--to", "html"]), OK);
    assert_eq!(listing(&dir.path().join("out/site")), ["beijing.html"]);
    assert_eq!(listing(dir.path()), ["beijing.decl", "out"]);
}

#[test]
fn build_to_standard_output_writes_one_format() {
    let dir = TempDir::new("build-stdout");
    let file = dir.write("beijing.decl", VALID);
    let run = build(&dir, &[&file, "-o", "-", "--to", "json"]);
    assert_status(&run, OK);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON on stdout");
    assert_eq!(value["title"], "Beijing Declaration");
    assert_eq!(listing(dir.path()), ["beijing.decl"], "no file is written");

    let from_stdin = run_stdin(&dir, &["build", "-", "-o", "-", "--to", "md"], VALID);
    assert_status(&from_stdin, OK);
    assert!(from_stdin.stdout.starts_with("# Beijing Declaration\n"));
}

/// Runs the binary with `input` on standard input.
fn run_stdin(dir: &TempDir, args: &[&str], input: &str) -> Run {
    run(plenary(dir, args), Some(input.as_bytes()))
}

#[test]
fn build_to_standard_output_refuses_two_formats() {
    let dir = TempDir::new("build-stdout-two");
    let file = dir.write("beijing.decl", VALID);
    let run = build(&dir, &[&file, "-o", "-"]);
    assert_status(&run, TROUBLE);
    assert!(
        run.stderr.contains("`-o -` writes one format"),
        "{}",
        run.stderr
    );
    assert_eq!(run.stdout, "");
    let from_stdin = run_stdin(&dir, &["build", "-", "--to", "md"], VALID);
    assert_status(&from_stdin, TROUBLE);
    assert!(from_stdin
        .stderr
        .contains("standard input has no file name"));
}

#[test]
fn build_of_a_file_with_errors_writes_nothing_and_reports_as_check_does() {
    let dir = TempDir::new("build-errors");
    let file = dir.write("three.decl", THREE_MISTAKES);
    let checked = check(&dir, &[&file]);
    let built = build(&dir, &[&file]);
    assert_status(&built, FOUND_ERRORS);
    assert_eq!(
        built.stderr, checked.stderr,
        "the same diagnostics as check"
    );
    assert_eq!(listing(dir.path()), ["three.decl"]);
}

#[test]
fn build_writes_the_files_without_errors_and_exits_1_for_the_others() {
    let dir = TempDir::new("build-mixed");
    let good = dir.write("good.decl", VALID);
    let bad = dir.write("bad.decl", UNKNOWN_FIELD);
    let run = build(&dir, &[&bad, &good, "--to", "html"]);
    assert_status(&run, FOUND_ERRORS);
    assert_eq!(listing(dir.path()), ["bad.decl", "good.decl", "good.html"]);
}

#[test]
fn allow_errors_builds_a_draft_marked_as_such() {
    let dir = TempDir::new("build-draft");
    let file = dir.write("three.decl", THREE_MISTAKES);
    let run = build(&dir, &[&file, "--allow-errors"]);
    assert_status(&run, OK);
    assert_eq!(run.error_marks(), 3, "the errors are still reported");
    assert!(read(&dir, "three.html").contains("<div class=\"draft\" role=\"note\">Draft:"));
    assert!(read(&dir, "three.md").starts_with("> **Draft:"));
    assert!(read(&dir, "three.json").contains("\"draft\": true"));

    let clean = TempDir::new("build-not-draft");
    let file = clean.write("beijing.decl", VALID);
    assert_status(&build(&clean, &[&file, "--allow-errors"]), OK);
    assert!(read(&clean, "beijing.json").contains("\"draft\": false"));
    assert!(!read(&clean, "beijing.html").contains("class=\"draft\""));
}

#[test]
fn two_builds_are_byte_equal_wherever_they_run() {
    let dir = TempDir::new("build-twice");
    let source = dir.write("beijing.decl", BILINGUAL);
    assert_status(&build(&dir, &[&source, "-o", "first"]), OK);
    assert_status(&build(&dir, &[&source, "-o", "second"]), OK);
    // A third run from another folder, naming the source by another path.
    let elsewhere = TempDir::new("build-elsewhere");
    let absolute = dir.path().join(&source);
    let third = dir.path().join("third");
    let run = build(
        &elsewhere,
        &[absolute.to_str().unwrap(), "-o", third.to_str().unwrap()],
    );
    assert_status(&run, OK);
    for name in ["beijing.md", "beijing.html", "beijing.json", "beijing.pdf"] {
        let first = std::fs::read(dir.path().join("first").join(name)).unwrap();
        for other in ["second", "third"] {
            let again = std::fs::read(dir.path().join(other).join(name)).unwrap();
            assert!(first == again, "{name} differs between runs");
        }
    }
}

/// A build once wrote its Markdown and then failed on its HTML, leaving a mix of new and old
/// outputs: now it writes all of them or none, and leaves no temporary file.
#[test]
fn a_build_that_cannot_write_one_output_writes_none() {
    let dir = TempDir::new("build-all-or-nothing");
    let name = dir.write("x.decl", VALID);
    std::fs::write(dir.path().join("x.md"), "the old Markdown").unwrap();
    // An output whose name is taken by a folder cannot be written.
    std::fs::create_dir(dir.path().join("x.html")).unwrap();
    let out = build(&dir, &[&name, "--to", "md,html"]);
    assert_status(&out, TROUBLE);
    assert!(out.stderr.contains("cannot write"), "{}", out.stderr);
    assert!(out.stderr.contains("x.html"), "{}", out.stderr);
    assert!(
        out.stderr.contains("all its outputs or none"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(".plenary-"), "{}", out.stderr);
    let markdown = std::fs::read_to_string(dir.path().join("x.md")).unwrap();
    assert_eq!(markdown, "the old Markdown");
    assert_eq!(listing(dir.path()), ["x.decl", "x.html", "x.md"]);
}

#[test]
fn outputs_are_readable_by_everyone_like_any_saved_file() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let dir = TempDir::new("build-mode");
        let file = dir.write("beijing.decl", VALID);
        assert_status(&build(&dir, &[&file, "--to", "html"]), OK);
        let mode = std::fs::metadata(dir.path().join("beijing.html"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn build_to_pdf_writes_a_pdf_beside_the_other_formats() {
    let dir = TempDir::new("build-pdf");
    let file = dir.write("beijing.decl", VALID);
    let run = build(&dir, &[&file, "--to", "html,pdf"]);
    assert_status(&run, OK);
    assert_eq!(
        listing(dir.path()),
        ["beijing.decl", "beijing.html", "beijing.pdf"]
    );
    let pdf = std::fs::read(dir.path().join("beijing.pdf")).expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
}

#[test]
fn build_lang_picks_a_language_version() {
    let dir = TempDir::new("build-lang");
    let file = dir.write("beijing.decl", BILINGUAL);
    assert_status(&build(&dir, &[&file, "--lang", "zh", "--to", "md"]), OK);
    let chinese = read(&dir, "beijing.zh.md");
    assert!(chinese.starts_with("# 北京宣言\n"), "{chinese}");
    assert!(
        chinese.contains("2、见第1段。"),
        "the reference prints the number: {chinese}"
    );

    let run = build(&dir, &[&file, "--lang", "fr"]);
    assert_status(&run, TROUBLE);
    assert!(
        run.stderr
            .contains("error: the declaration has no `fr` version; its versions are: en, zh"),
        "{}",
        run.stderr
    );
}

#[test]
fn build_parallel_puts_the_versions_side_by_side() {
    let dir = TempDir::new("build-parallel");
    let file = dir.write("beijing.decl", BILINGUAL);
    assert_status(&build(&dir, &[&file, "--parallel", "--to", "html"]), OK);
    let page = read(&dir, "beijing.parallel.html");
    assert!(page.contains("<div class=\"cell\" lang=\"zh\">"), "{page}");
    assert!(page.contains("id=\"zh-p-2\""), "{page}");
    let both = build(&dir, &[&file, "--parallel", "--lang", "zh"]);
    assert_status(&both, TROUBLE);
}

#[test]
fn variants_of_one_build_are_named_apart() {
    let dir = TempDir::new("build-variants");
    let file = dir.write("beijing.decl", BILINGUAL);
    for args in [
        &[][..],
        &["--parallel"][..],
        &["--paper", "letter"][..],
        &["--lang", "zh"][..],
    ] {
        let mut all = vec![file.as_str(), "--to", "html,pdf,md"];
        all.extend_from_slice(args);
        assert_status(&build(&dir, &all), OK);
    }
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "beijing.decl",
            "beijing.html",
            "beijing.letter.pdf",
            "beijing.md",
            "beijing.parallel.html",
            "beijing.parallel.pdf",
            "beijing.pdf",
            "beijing.zh.html",
            "beijing.zh.md",
            "beijing.zh.pdf",
        ]
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let dir = TempDir::new("schema");
    let run = run(plenary(&dir, &["schema"]), None);
    assert_status(&run, OK);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(schema["properties"]["format"]["type"], "integer");
}

#[test]
fn a_folder_that_cannot_be_made_exits_2_before_checking() {
    let dir = TempDir::new("build-no-folder");
    let file = dir.write("beijing.decl", VALID);
    let run = build(&dir, &[&file, "-o", "beijing.decl/site"]);
    assert_status(&run, TROUBLE);
    assert_eq!(run.stderr_lines().len(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: cannot create the folder `beijing.decl/site`: "),
        "{}",
        run.stderr
    );
}

// Configuration: plenary.toml, --config, --deny-warnings

/// An annex with one informal spelling (`Vietnam`): one `members::non-standard-spelling`
/// warning, nothing else.
const INFORMAL_SPELLING: &str = "\
title: Joint Statement
adopted: 2007-10-31

1. Ministers met.

annex: List of Members (2)
- China
- Vietnam
";

/// An annex with a member the registry does not know: one `members::unknown` warning.
const PROJECT_MEMBER: &str = "\
title: Joint Statement
adopted: 2007-10-31

1. Ministers met.

annex: List of Members (2)
- China
- SME Secretariat
";

#[test]
fn a_warning_alone_exits_0() {
    let dir = TempDir::new("warning");
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    let run = check(&dir, &[&file]);
    assert_status(&run, OK);
    assert!(
        run.stderr.contains("members::non-standard-spelling"),
        "{}",
        run.stderr
    );
    assert_eq!(summary(&run), (1, 0, 1));
}

#[test]
fn deny_warnings_makes_a_warning_fail() {
    let dir = TempDir::new("deny-warnings");
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    let run = check(&dir, &["--deny-warnings", &file]);
    assert_status(&run, FOUND_ERRORS);
    assert_eq!(summary(&run), (1, 0, 1));
    let clean = dir.write("valid.decl", VALID);
    assert_clean(&check(&dir, &["--deny-warnings", &clean]), 1);
}

#[test]
fn plenary_toml_beside_the_file_raises_a_warning_to_an_error() {
    let dir = TempDir::new("level-error");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"error\"\n",
    );
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert!(
        run.stderr.contains("members::non-standard-spelling"),
        "{}",
        run.stderr
    );
    assert_eq!(summary(&run), (1, 1, 0));
}

#[test]
fn a_check_set_to_off_reports_nothing() {
    let dir = TempDir::new("level-off");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"off\"\n",
    );
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    assert_clean(&check(&dir, &["--deny-warnings", &file]), 1);
}

#[test]
fn an_error_can_be_lowered_to_a_warning() {
    let dir = TempDir::new("level-warning");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::count-mismatch\" = \"warning\"\n",
    );
    let file = dir.write(
        "count.decl",
        INFORMAL_SPELLING
            .replace("Vietnam", "Viet Nam")
            .replace("(2)", "(3)"),
    );
    let run = check(&dir, &[&file]);
    assert_status(&run, OK);
    assert!(
        run.stderr.contains("members::count-mismatch"),
        "{}",
        run.stderr
    );
    assert_eq!(summary(&run), (1, 0, 1));
}

#[test]
fn plenary_toml_in_a_folder_above_governs_the_files_below() {
    let dir = TempDir::new("level-above");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"off\"\n",
    );
    std::fs::create_dir_all(dir.path().join("drafts/2007")).expect("folders can be made");
    let file = dir.write("drafts/2007/informal.decl", INFORMAL_SPELLING);
    assert_clean(&check(&dir, &[&file]), 1);
}

#[test]
fn standard_input_uses_the_configuration_of_the_current_folder() {
    let dir = TempDir::new("level-stdin");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"error\"\n",
    );
    let run = check_stdin(&dir, INFORMAL_SPELLING);
    assert_status(&run, FOUND_ERRORS);
    assert_eq!(summary(&run), (1, 1, 0));
}

#[test]
fn config_option_replaces_the_plenary_toml_beside_the_file() {
    let dir = TempDir::new("config-option");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"error\"\n",
    );
    dir.write(
        "lenient.toml",
        "[levels]\n\"members::non-standard-spelling\" = \"off\"\n",
    );
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    assert_clean(&check(&dir, &["--config", "lenient.toml", &file]), 1);
}

#[test]
fn a_missing_config_file_exits_2() {
    let dir = TempDir::new("config-missing");
    let file = dir.write("valid.decl", VALID);
    let run = check(&dir, &["--config", "nowhere.toml", &file]);
    assert_status(&run, TROUBLE);
    assert_eq!(
        run.stderr_lines()[0],
        "error: cannot read `nowhere.toml`: no such file"
    );
}

#[test]
fn project_members_in_plenary_toml_are_known() {
    let dir = TempDir::new("project-member");
    let file = dir.write("member.decl", PROJECT_MEMBER);
    let run = check(&dir, &[&file]);
    assert!(run.stderr.contains("members::unknown"), "{}", run.stderr);
    assert_eq!(summary(&run), (1, 0, 1));
    dir.write(
        "plenary.toml",
        "[[member]]\nname = \"SME Secretariat\"\nzh = \"中小企业秘书处\"\n",
    );
    assert_clean(&check(&dir, &[&file]), 1);
}

#[test]
fn project_words_in_plenary_toml_are_not_misspelt() {
    let dir = TempDir::new("project-words");
    let file = dir.write(
        "words.decl",
        "title: Joint Statement\nadopted: 2016-11-20\nlanguages: en\n\n\
         1. Ministers welcomed the minilateral talks of the Sherpas.\n",
    );
    let run = check(&dir, &[&file]);
    assert!(run.stderr.contains("text::misspelt-word"), "{}", run.stderr);
    assert_eq!(summary(&run), (1, 0, 1));
    dir.write("plenary.toml", "[spelling]\nwords = [\"minilateral\"]\n");
    assert_clean(&check(&dir, &["--deny-warnings", &file]), 1);
}

#[test]
fn a_member_added_in_plenary_toml_has_its_registry_id_in_the_json() {
    let dir = TempDir::new("project-member-json");
    let file = dir.write("member.decl", PROJECT_MEMBER);
    dir.write(
        "plenary.toml",
        "[[member]]\nname = \"SME Secretariat\"\nzh = \"中小企业秘书处\"\n",
    );
    let run = build(&dir, &[&file, "--to", "json", "-o", "-"]);
    assert_status(&run, OK);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let members: Vec<&serde_json::Value> = json["versions"][0]["annex"]["members"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(
            json["versions"][0]["annex"]["groups"]
                .as_array()
                .into_iter()
                .flatten()
                .flat_map(|g| g["members"].as_array().into_iter().flatten()),
        )
        .collect();
    let secretariat = members
        .iter()
        .find(|m| m["name"] == "SME Secretariat")
        .expect("the project's member is listed");
    assert_eq!(
        secretariat["registry_id"], "SME Secretariat",
        "{}",
        run.stdout
    );
}

#[test]
fn explain_documents_every_code_with_its_default_severity() {
    let dir = TempDir::new("explain-every-code");
    let list = run(plenary(&dir, &["explain"]), None);
    assert_status(&list, OK);
    let codes: Vec<&str> = list
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    for area in [
        "input::",
        "syntax::",
        "config::",
        "numbering::",
        "members::",
    ] {
        assert!(
            codes.iter().any(|c| c.starts_with(area)),
            "`plenary explain` lists no {area} code:\n{}",
            list.stdout
        );
    }
    for code in codes {
        let explained = run(plenary(&dir, &["explain", code]), None);
        assert_status(&explained, OK);
        assert!(
            explained.stdout.contains("Default severity: "),
            "{code}: {}",
            explained.stdout
        );
        for part in [
            "## What it finds",
            "## Why it matters",
            "## Example",
            "## How to fix",
        ] {
            assert!(explained.stdout.contains(part), "{code} lacks {part}");
        }
    }
    // The README's own example.
    let unclosed = run(plenary(&dir, &["explain", "syntax::unclosed"]), None);
    assert_status(&unclosed, OK);
    assert!(
        unclosed.stdout.starts_with("# syntax::unclosed"),
        "{}",
        unclosed.stdout
    );
    let unknown = run(plenary(&dir, &["explain", "syntax::unclosd"]), None);
    assert_status(&unknown, TROUBLE);
    assert!(
        unknown.stderr.contains("did you mean `syntax::unclosed`?"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn an_unknown_code_in_plenary_toml_points_at_its_line_and_suggests_the_code() {
    let dir = TempDir::new("unknown-code");
    dir.write(
        "plenary.toml",
        "[levels]\n\"members::non-standard-speling\" = \"off\"\n",
    );
    let file = dir.write("valid.decl", VALID);
    let run = check(&dir, &[&file]);
    assert_status(&run, FOUND_ERRORS);
    assert!(
        run.stderr.contains("config::unknown-code"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("[plenary.toml:2:1]"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("did you mean `members::non-standard-spelling`?"),
        "{}",
        run.stderr
    );
    assert_eq!(summary(&run), (1, 1, 0));
}

#[test]
fn plenary_toml_is_read_once_for_many_files() {
    let dir = TempDir::new("unknown-code-once");
    dir.write("plenary.toml", "[levels]\n\"members::nope\" = \"off\"\n");
    let a = dir.write("a.decl", VALID);
    let b = dir.write("b.decl", VALID);
    let run = check(&dir, &[&a, &b]);
    assert_eq!(run.error_marks(), 1, "{}", run.stderr);
    assert_eq!(summary(&run), (2, 1, 0));
}

#[test]
fn a_malformed_plenary_toml_exits_2_and_says_where() {
    let dir = TempDir::new("malformed");
    dir.write("plenary.toml", "[levels]\n\"members::unknown\" = off\n");
    let file = dir.write("informal.decl", INFORMAL_SPELLING);
    let run = check(&dir, &[&file]);
    assert_status(&run, TROUBLE);
    assert!(run.stderr.contains("config::malformed"), "{}", run.stderr);
    assert!(run.stderr.contains("[plenary.toml:2:"), "{}", run.stderr);
    // The file is not checked with a configuration that is not what the project wrote.
    assert!(
        !run.stderr.contains("members::non-standard-spelling"),
        "{}",
        run.stderr
    );
}

// ---------------------------------------------------------------------------------------------
// A series across its declarations

/// A declaration of the ASEM SMEs series, with its edition, year and the spelling of Laos.
fn series_declaration(edition: &str, year: u32, laos: &str) -> String {
    format!(
        "title: Declaration\nseries: ASEM SMEs Ministerial Meeting\nedition: {edition}\n\
         place: Beijing\ndates: {year}-10-30\nadopted: {year}-10-30\nlanguages: en\n\n\
         1. Ministers met.\n\nannex: Members\n\n- China\n- {laos}\n- Thailand\n"
    )
}

#[test]
fn a_series_reports_across_its_files_and_counts_each_diagnostic_once() {
    let dir = TempDir::new("series");
    let first = dir.write("first.decl", series_declaration("first", 2007, "Lao PDR"));
    let second = dir.write(
        "second.decl",
        series_declaration("second", 2009, "Lao People's Democratic Republic"),
    );
    // Each file alone is clean: the warning is found only across the two.
    assert_clean(&check(&dir, &[&first]), 1);
    assert_clean(&check(&dir, &[&second]), 1);
    let run = check(&dir, &[&first, &second]);
    assert_status(&run, OK);
    assert!(
        run.stderr.contains("across::member-spelled-differently"),
        "{}",
        run.stderr
    );
    // The lines of both files are shown.
    assert!(run.stderr.contains("[second.decl:14:3]"), "{}", run.stderr);
    assert!(run.stderr.contains("[first.decl:14:3]"), "{}", run.stderr);
    assert_eq!(summary(&run), (2, 0, 1));
    assert_status(
        &check(&dir, &["--deny-warnings", &first, &second]),
        FOUND_ERRORS,
    );
}

#[test]
fn the_levels_of_the_project_apply_across_declarations() {
    let dir = TempDir::new("series-levels");
    let first = dir.write("first.decl", series_declaration("first", 2007, "Lao PDR"));
    let second = dir.write(
        "second.decl",
        series_declaration("second", 2009, "Lao People's Democratic Republic"),
    );
    dir.write(
        "plenary.toml",
        "[levels]\n\"across::member-spelled-differently\" = \"off\"\n",
    );
    assert_clean(&check(&dir, &[&first, &second]), 2);
    dir.write(
        "plenary.toml",
        "[levels]\n\"across::member-spelled-differently\" = \"error\"\n",
    );
    let run = check(&dir, &[&first, &second]);
    assert_status(&run, FOUND_ERRORS);
    assert_eq!(summary(&run), (2, 1, 0));
}

#[test]
fn explain_into_a_pipe_closed_early_does_not_panic() {
    let dir = TempDir::new("explain-closed-pipe");
    let mut child = plenary(&dir, &["explain"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("plenary runs");
    // The reader goes away before plenary has written its listing, as `| head -1` does.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("plenary ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

/// A declaration whose prose states its edition and its count without marks, one of them
/// wrongly.
const UNMARKED_FACTS: &str = "\
title: Joint Statement
series: ASEM SMEs Ministerial Meeting
edition: first
dates: 2007-10-30 to 2007-10-31

The First ASEM SMEs Ministerial Meeting met on Wednesday, 31 October 2007.

annex: List of ASEM Members (2)
- China
- Germany
";

#[test]
fn check_verbose_prints_each_fact_recognised_in_the_prose() {
    let dir = TempDir::new("verbose");
    let file = dir.write("unmarked.decl", UNMARKED_FACTS);
    let run = check(&dir, &["--verbose", &file]);
    assert_status(&run, OK);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines,
        [
            "unmarked.decl:6:5: \"First ASEM SMEs Ministerial Meeting\" read as edition: agrees (the 1st)",
            "unmarked.decl:6:48: \"Wednesday, 31 October 2007\" read as weekday: agrees (2007-10-31)",
            "unmarked.decl:6:48: \"Wednesday, 31 October 2007\" read as dates: agrees (2007-10-30 to 2007-10-31)",
        ],
        "{}",
        run.stdout
    );
    // Without the flag, nothing is printed on standard output.
    assert_eq!(check(&dir, &[&file]).stdout, "");
    // A wrong weekday is reported, and listed as differing.
    let wrong = dir.write(
        "wrong.decl",
        UNMARKED_FACTS.replace("Wednesday", "Thursday"),
    );
    let run = check(&dir, &["-v", &wrong]);
    assert_status(&run, FOUND_ERRORS);
    assert!(
        run.stderr.contains("dates::wrong-weekday"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("read as weekday: differs: the date is a Wednesday, not a Thursday"),
        "{}",
        run.stdout
    );
}

#[test]
fn completions_and_the_manual_are_made_from_the_same_commands() {
    let dir = TempDir::new("completions");
    let commands = [
        "check",
        "build",
        "fmt",
        "explain",
        "schema",
        "completions",
        "man",
    ];
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(plenary(&dir, &["completions", shell]), None);
        assert_eq!(out.status, Some(OK), "{shell}: {}", out.stderr);
        for command in commands {
            assert!(
                out.stdout.contains(command),
                "{shell} completes no `{command}`"
            );
        }
    }
    let man = run(plenary(&dir, &["man"]), None);
    assert_eq!(man.status, Some(OK), "{}", man.stderr);
    assert!(man.stdout.starts_with(".ie") && man.stdout.contains(".TH plenary 1"));
    for command in commands {
        assert!(
            man.stdout.contains(command),
            "the manual names no `{command}`"
        );
    }
    let unknown = run(plenary(&dir, &["completions", "cmd.exe"]), None);
    assert_eq!(unknown.status, Some(TROUBLE));
}

/// miette cannot draw past the 65,535th column of a line; a diagnostic there (an error or a
/// warning, from `check` or `build`) says where it is instead of drawing the line.
#[test]
fn a_diagnostic_past_column_65535_is_reported_without_drawing_its_line() {
    let dir = TempDir::new("column-65535");
    let long = "a".repeat(70_000);
    let error = dir.write("error.decl", format!("title: A\n\n1. {long} “open\n"));
    let warning = dir.write("warning.decl", format!("title: A\n\n1. {long} met met.\n"));
    for (name, code) in [
        (&error, "syntax::unclosed"),
        (&warning, "text::doubled-word"),
    ] {
        // The PDF of a word of 70,000 letters is slow to set (a matter of its own); the other
        // formats show the build's diagnostics as well.
        for command in [&["check"][..], &["build", "--to", "md,html,json"][..]] {
            let mut args = command.to_vec();
            args.push(name.as_str());
            let out = run(plenary(&dir, &args), None);
            assert!(
                out.stderr.contains(code),
                "{command:?} {name}: {}",
                out.stderr
            );
            assert!(
                out.stderr.contains("(the line is too long to show)"),
                "{command:?} {name}: {}",
                out.stderr
            );
            assert!(
                out.stderr.len() < 10_000,
                "{command:?} {name} drew the line"
            );
        }
    }
}

/// 8,000 stray quotation marks on one line once wrote 258 MB of diagnostics.
#[test]
fn thousands_of_one_slip_are_reported_a_hundred_times() {
    let dir = TempDir::new("many-slips");
    let name = dir.write(
        "stray.decl",
        format!("title: A\n\n1. {}\n", vec!["”"; 8000].join(" ")),
    );
    let out = run(plenary(&dir, &["check", &name]), None);
    assert_eq!(out.status, Some(FOUND_ERRORS));
    assert!(out.stderr.len() < 100_000, "{} bytes", out.stderr.len());
    assert!(
        out.stderr
            .contains("7900 more `syntax::stray-closing-quote` in this file are not shown"),
        "{}",
        &out.stderr[out.stderr.len().saturating_sub(2000)..]
    );
    assert!(out
        .stderr
        .ends_with("checked 1 file: 100 errors, 0 warnings\n"));
}

/// `plenary build draft.md --to md` once wrote the Markdown over its own source.
#[test]
fn a_build_never_writes_over_its_own_input() {
    let dir = TempDir::new("build-over-input");
    let name = dir.write("draft.md", VALID);
    let out = build(&dir, &[&name, "--to", "md"]);
    assert_status(&out, TROUBLE);
    assert!(
        out.stderr.contains("which is an input of this build"),
        "{}",
        out.stderr
    );
    assert_eq!(read(&dir, "draft.md"), VALID);
}

/// `a/x.decl b/x.decl -o out` once wrote `out/x.md` twice, the first lost.
#[test]
fn two_inputs_of_one_name_are_not_built_into_one_folder() {
    let dir = TempDir::new("build-same-name");
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    std::fs::create_dir_all(dir.path().join("b")).unwrap();
    dir.write("a/x.decl", VALID);
    dir.write("b/x.decl", VALID);
    let out = build(&dir, &["a/x.decl", "b/x.decl", "-o", "out", "--to", "md"]);
    assert_status(&out, TROUBLE);
    assert!(
        out.stderr.contains("would both be written to"),
        "{}",
        out.stderr
    );
    assert!(!dir.path().join("out/x.md").exists());
    // Beside their sources, they are apart.
    assert_status(&build(&dir, &["a/x.decl", "b/x.decl", "--to", "md"]), OK);
}

/// A rebuild once widened an output's mode from 600 to 644.
#[cfg(unix)]
#[test]
fn a_rebuild_keeps_the_mode_of_its_outputs() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new("build-mode");
    let name = dir.write("x.decl", VALID);
    assert_status(&build(&dir, &[&name, "--to", "md"]), OK);
    let output = dir.path().join("x.md");
    std::fs::set_permissions(&output, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert_status(&build(&dir, &[&name, "--to", "md"]), OK);
    let mode = std::fs::metadata(&output).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// `check /dev/zero` once grew to 1 GB: an input beyond any declaration is refused unread.
#[cfg(unix)]
#[test]
fn an_endless_input_is_refused_at_64_mb() {
    let dir = TempDir::new("dev-zero");
    let out = run(plenary(&dir, &["check", "/dev/zero"]), None);
    assert_status(&out, TROUBLE);
    assert!(out.stderr.contains("larger than 64 MB"), "{}", out.stderr);
    assert!(out.stderr.contains("1 could not be read"), "{}", out.stderr);
}

/// `plenary schema > /dev/full` (and `explain`) once panicked: a full standard output is an
/// error said in one line, with the exit status of trouble.
#[cfg(target_os = "linux")]
#[test]
fn a_full_standard_output_is_an_error_not_a_panic() {
    let dir = TempDir::new("dev-full");
    for args in [
        &["schema"][..],
        &["explain"],
        &["explain", "numbering::damaged-number"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full opens on Linux");
        let output = plenary(&dir, args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(TROUBLE), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write to standard output"),
            "{args:?}: {stderr}"
        );
    }
}

/// Interrupted while it writes, a build removes its temporary files before it exits.
#[cfg(unix)]
#[test]
fn an_interrupted_build_leaves_no_temporary_file() {
    let dir = TempDir::new("build-interrupted");
    // A long text, so that the build is still at work when the signal comes.
    let long: String = (1..=3000)
        .map(|n| format!("{n}. Ministers met and agreed to cooperate.\n\n"))
        .collect();
    let name = dir.write(
        "x.decl",
        format!("{}{long}", VALID.split("1.").next().unwrap()),
    );
    let mut child = plenary(&dir, &["build", &name])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts");
    // The Markdown and HTML are staged while the PDF is still being set: the signal comes when
    // a temporary file is seen.
    let temporary = |dir: &TempDir| listing(dir.path()).iter().any(|n| n.ends_with(".tmp"));
    let started = std::time::Instant::now();
    while !temporary(&dir) {
        assert!(
            child.try_wait().expect("the build runs").is_none(),
            "the build ended before it staged an output"
        );
        assert!(started.elapsed().as_secs() < 60, "no output was staged");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().expect("the build ends");
    assert_eq!(
        status.code(),
        Some(130),
        "an interrupted build exits with 130"
    );
    let left: Vec<String> = listing(dir.path())
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
