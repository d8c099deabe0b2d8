//! The `plenary` binary: parse arguments, call the library, print, choose the exit status.

mod cli;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use plenary::build::{self, Format, Output, Plan};
use plenary::diagnostic::{self, Style};
use plenary::render::Options;

use cli::{Cli, Color, Command, Target};

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
        Command::Check { files } => check_files(&files, style).0,
        Command::Build {
            files,
            to,
            out,
            lang,
            parallel,
            allow_errors,
        } => {
            let options = Options {
                language: lang,
                parallel,
                draft: false,
            };
            build(&files, &to, out.as_deref(), options, allow_errors, style)
        }
        Command::Schema => {
            print!("{}", plenary::render::json::schema());
            SUCCESS
        }
        Command::Explain { code } => explain(code.as_deref()),
        Command::Tree { file } => tree(&file, style),
    };
    ExitCode::from(status)
}

/// Checks each file and prints its diagnostics and the summary line, as `plenary check` does.
/// Returns the exit status and what each file gave (`None` for one that could not be read).
fn check_files(files: &[PathBuf], style: Style) -> (u8, Vec<(PathBuf, Option<plenary::Checked>)>) {
    let mut status = SUCCESS;
    let mut results = Vec::new();
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
                results.push((path.clone(), None));
                continue;
            }
            stdin_read = true;
        }
        let (name, bytes) = match read(path) {
            Ok(read) => read,
            Err(message) => {
                let _ = writeln!(stderr.lock(), "error: {message}");
                status = TROUBLE;
                results.push((path.clone(), None));
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
        results.push((path.clone(), Some(checked)));
    }
    let _ = writeln!(stderr.lock(), "{}", summary(files.len(), errors, warnings));
    (status, results)
}

/// Checks the files as `plenary check` does, then writes each one without errors (or, with
/// `allow_errors`, each one as a draft) in every format asked for.
fn build(
    files: &[PathBuf],
    targets: &[Target],
    out: Option<&Path>,
    options: Options,
    allow_errors: bool,
    style: Style,
) -> u8 {
    let plan = match Plan::new(formats(targets), out, files, options) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("error: {error}");
            return TROUBLE;
        }
    };
    let (checked_status, results) = check_files(files, style);
    let mut status = if checked_status == TROUBLE {
        TROUBLE
    } else {
        SUCCESS
    };
    for (path, checked) in &results {
        let Some(checked) = checked else { continue };
        let has_errors = checked.error_count() > 0;
        let Some(document) = checked
            .document
            .as_ref()
            .filter(|_| allow_errors || !has_errors)
        else {
            status = status.max(FOUND_ERRORS);
            continue;
        };
        for output in build::build(&plan, path, document, has_errors) {
            let shown = match output {
                Ok(Output::Written(target)) => {
                    eprintln!("wrote {}", target.display());
                    Ok(())
                }
                Ok(Output::Printed(bytes)) => std::io::stdout()
                    .lock()
                    .write_all(&bytes)
                    .map_err(|e| format!("cannot write to standard output: {e}")),
                Err(error) => Err(error.to_string()),
            };
            if let Err(message) = shown {
                eprintln!("error: {message}");
                status = TROUBLE;
            }
        }
    }
    status
}

/// The formats `--to` asks for, in the order a build writes them; `all` is every format
/// available.
fn formats(targets: &[Target]) -> Vec<Format> {
    let wanted = |format: Format| {
        targets.iter().any(|target| match target {
            Target::All => format.renderer().is_some(),
            Target::Md => format == Format::Markdown,
            Target::Html => format == Format::Html,
            Target::Json => format == Format::Json,
            Target::Pdf => format == Format::Pdf,
        })
    };
    Format::ALL.into_iter().filter(|f| wanted(*f)).collect()
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
