//! The `plenary` binary: parse arguments, call the library, print, choose the exit status.

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use plenary::diagnostic::{self, Style};

use cli::{Cli, Color, Command};

/// Exit status when no file has an error.
const SUCCESS: u8 = 0;
/// Exit status when a file has an error.
const FOUND_ERRORS: u8 = 1;
/// Exit status for a usage or I/O problem (clap uses it for usage errors too).
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let style = Style {
        color: use_color(cli.color),
        width: terminal_width(),
    };
    let status = match cli.command {
        Command::Check { files } => check(&files, style),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Tree { file } => tree(&file, style),
        Command::Pdf {
            file,
            output,
            paper,
            font,
            lang,
            parallel,
        } => {
            let options = plenary::render::pdf::PdfOptions {
                paper: match paper {
                    cli::Paper::A4 => plenary::render::pdf::Paper::A4,
                    cli::Paper::Letter => plenary::render::pdf::Paper::Letter,
                },
                font,
                language: lang,
                parallel,
                source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                    .ok()
                    .and_then(|s| s.parse().ok()),
            };
            pdf(&file, &output, &options, style)
        }
    };
    ExitCode::from(status)
}

fn check(files: &[std::path::PathBuf], style: Style) -> u8 {
    let mut status = SUCCESS;
    let (mut errors, mut warnings) = (0, 0);
    let stderr = std::io::stderr();
    let mut stdin_read = false;
    for path in files {
        if path == Path::new("-") {
            if stdin_read {
                let _ = writeln!(
                    stderr.lock(),
                    "error: `-` is given twice, but standard input can be read only once"
                );
                status = TROUBLE;
                continue;
            }
            stdin_read = true;
        }
        let (name, bytes) = match read(path) {
            Ok(read) => read,
            Err(message) => {
                let _ = writeln!(stderr.lock(), "error: {message}");
                status = TROUBLE;
                continue;
            }
        };
        let checked = plenary::check_bytes(&name, &bytes);
        let rendered = diagnostic::render(&checked.diagnostics, &checked.source, style);
        let _ = stderr.lock().write_all(rendered.as_bytes());
        errors += checked.error_count();
        warnings += checked.warning_count();
        if checked.error_count() > 0 && status == SUCCESS {
            status = FOUND_ERRORS;
        }
    }
    let _ = writeln!(stderr.lock(), "{}", summary(files.len(), errors, warnings));
    status
}

fn explain(code: Option<&str>) -> u8 {
    let Some(code) = code else {
        for rule in plenary::check::RULES {
            println!("{:<32} {}", rule.code, rule.summary);
        }
        return SUCCESS;
    };
    match plenary::check::rule(code) {
        Some(rule) => {
            println!("# {}\n\n{}", rule.code, rule.documentation());
            SUCCESS
        }
        None => {
            let codes = plenary::check::RULES.iter().map(|r| r.code);
            let hint = match plenary::suggest::suggest(code, codes) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => "; `plenary explain` lists them all".to_string(),
            };
            eprintln!("error: no check has the code `{code}`{hint}");
            TROUBLE
        }
    }
}

fn tree(path: &Path, style: Style) -> u8 {
    let (name, bytes) = match read(path) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return TROUBLE;
        }
    };
    let checked = plenary::check_bytes(&name, &bytes);
    eprint!(
        "{}",
        diagnostic::render(&checked.diagnostics, &checked.source, style)
    );
    if let Some(document) = &checked.document {
        let json = serde_json::to_string_pretty(document).expect("the tree serializes");
        println!("{json}");
    }
    if checked.error_count() > 0 {
        FOUND_ERRORS
    } else {
        SUCCESS
    }
}

fn pdf(path: &Path, output: &Path, options: &plenary::render::pdf::PdfOptions, style: Style) -> u8 {
    let (name, bytes) = match read(path) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return TROUBLE;
        }
    };
    let checked = plenary::check_bytes(&name, &bytes);
    eprint!(
        "{}",
        diagnostic::render(&checked.diagnostics, &checked.source, style)
    );
    let has_errors = checked.error_count() > 0;
    let Some(document) = checked.document.filter(|_| !has_errors) else {
        eprintln!("error: no PDF written: fix the errors above first");
        return FOUND_ERRORS;
    };
    let pdf = match plenary::render::pdf::pdf(&document, options) {
        Ok(pdf) => pdf,
        Err(error) => {
            eprintln!("error: {error}");
            return TROUBLE;
        }
    };
    if let Err(e) = std::fs::write(output, pdf) {
        eprintln!("error: cannot write `{}`: {e}", output.display());
        return TROUBLE;
    }
    SUCCESS
}

/// Reads a file, or standard input for `-`; on failure, one plain line saying why.
fn read(path: &Path) -> Result<(String, Vec<u8>), String> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(("<stdin>".to_string(), bytes));
    }
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ if path.is_dir() => "it is a directory".to_string(),
            _ => e.to_string(),
        };
        format!("cannot read `{name}`: {why}")
    })?;
    Ok((name, bytes))
}

fn summary(files: usize, errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "checked {}: {}, {}",
        plural(files, "file"),
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn use_color(choice: Color) -> bool {
    match choice {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stderr().is_terminal()
        }
    }
}

/// The width to wrap diagnostics at: the terminal's, from `COLUMNS`, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}
