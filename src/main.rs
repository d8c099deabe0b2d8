//! The `plenary` binary: parse arguments, call the library, print, choose the exit status.

mod cli;

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use plenary::diagnostic::{self, Style};
use plenary::numbers::plural;
use plenary::Config;

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
        Command::Check {
            files,
            config,
            deny_warnings,
        } => check(&files, config.as_deref(), deny_warnings, style),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Tree { file } => tree(&file, style),
    };
    ExitCode::from(status)
}

fn check(files: &[PathBuf], config: Option<&Path>, deny_warnings: bool, style: Style) -> u8 {
    let mut tally = Tally {
        status: SUCCESS,
        errors: 0,
        warnings: 0,
        style,
    };
    let mut configs = Configs {
        explicit: config.map(Path::to_path_buf),
        loaded: HashMap::new(),
        default: Config::default(),
    };
    let stderr = std::io::stderr();
    let mut stdin_read = false;
    for path in files {
        if path == Path::new("-") {
            if stdin_read {
                let _ = writeln!(
                    stderr.lock(),
                    "error: `-` is given twice, but standard input can be read only once"
                );
                tally.status = TROUBLE;
                continue;
            }
            stdin_read = true;
        }
        let (name, bytes) = match read(path) {
            Ok(read) => read,
            Err(message) => {
                let _ = writeln!(stderr.lock(), "error: {message}");
                tally.status = TROUBLE;
                continue;
            }
        };
        // Standard input is governed by the configuration of the current folder.
        let folder = match path.parent() {
            Some(parent) if path != Path::new("-") && !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let Some(config) = configs.for_folder(folder, &mut tally) else {
            // The configuration could not be read; checking without it would not be what the
            // project asked for.
            continue;
        };
        let checked = plenary::check_bytes_with(&name, &bytes, config);
        tally.report(&checked.diagnostics, &checked.source);
    }
    if deny_warnings && tally.warnings > 0 && tally.status == SUCCESS {
        tally.status = FOUND_ERRORS;
    }
    let _ = writeln!(
        stderr.lock(),
        "{}",
        summary(files.len(), tally.errors, tally.warnings)
    );
    tally.status
}

/// What a run of `plenary check` has found so far.
struct Tally {
    status: u8,
    errors: usize,
    warnings: usize,
    style: Style,
}

impl Tally {
    /// Prints diagnostics and counts them.
    fn report(&mut self, diagnostics: &[plenary::Diagnostic], source: &plenary::Source) {
        let rendered = diagnostic::render(diagnostics, source, self.style);
        let _ = std::io::stderr().lock().write_all(rendered.as_bytes());
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        self.errors += errors;
        self.warnings += diagnostics.len() - errors;
        if errors > 0 && self.status == SUCCESS {
            self.status = FOUND_ERRORS;
        }
    }
}

/// The configurations read so far, by path, so that each is read and its problems reported once.
struct Configs {
    /// The one given with `--config`, which governs every file.
    explicit: Option<PathBuf>,
    /// `None` for a configuration that cannot be used.
    loaded: HashMap<PathBuf, Option<Config>>,
    /// For files with no `plenary.toml` above them.
    default: Config,
}

impl Configs {
    /// The configuration for files in `folder`, or `None` when it cannot be read.
    fn for_folder(&mut self, folder: &Path, tally: &mut Tally) -> Option<&Config> {
        let path = match &self.explicit {
            Some(path) => path.clone(),
            None => match Config::find(folder) {
                Some(path) => path,
                None => return Some(&self.default),
            },
        };
        if !self.loaded.contains_key(&path) {
            let config = load_config(&path, tally);
            self.loaded.insert(path.clone(), config);
        }
        self.loaded[&path].as_ref()
    }
}

/// Reads a configuration file and reports its problems; `None` when it cannot be used.
fn load_config(path: &Path, tally: &mut Tally) -> Option<Config> {
    // A configuration found in or below the current folder is named relative to it, as the
    // files to check are.
    let shown = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok())
        .unwrap_or(path);
    let (name, bytes) = match read(shown) {
        Ok(read) => read,
        Err(message) => {
            let _ = writeln!(std::io::stderr().lock(), "error: {message}");
            tally.status = TROUBLE;
            return None;
        }
    };
    match Config::load(&name, &bytes) {
        Ok(loaded) => {
            tally.report(&loaded.diagnostics, &loaded.source);
            Some(loaded.config)
        }
        Err(unusable) => {
            tally.report(std::slice::from_ref(&unusable.diagnostic), &unusable.source);
            tally.status = TROUBLE;
            None
        }
    }
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
