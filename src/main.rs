//! The `plenary` binary: parse arguments, call the library, print, choose the exit status.

#![deny(clippy::unwrap_used)]

mod cli;

use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use plenary::build::{self, Format, Output, Plan};
use plenary::diagnostic::{self, Style};
use plenary::numbers::plural;
use plenary::render::pdf::{Paper, PdfOptions};
use plenary::render::Options;
use plenary::{Checked, Config};

use cli::{CheckOptions, Cli, Color, Command, ReportFormat, Target};

/// Exit status when no file has an error.
const SUCCESS: u8 = 0;
/// Exit status when a file has an error.
const FOUND_ERRORS: u8 = 1;
/// Exit status for a usage or I/O problem (clap uses it for usage errors too).
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    keep_freed_memory();
    // Interrupted (Ctrl-C, or the CI's job cancelled), a build removes the temporary files of
    // the outputs it had not yet put in place, then exits as an interrupted program does.
    // Without a handler the process would end at once and leave them behind.
    let _ = ctrlc::set_handler(|| {
        plenary::build::remove_staged();
        std::process::exit(130);
    });
    let cli = Cli::parse();
    prepare(&cli.command);
    let style = Style {
        color: use_color(cli.color),
        width: terminal_width(),
    };
    let status = match cli.command {
        Command::Check {
            files,
            options,
            format,
            quiet,
            verbose,
        } => check_files(
            &expand_folders(&files),
            &options,
            Reporting {
                style,
                format,
                quiet,
            },
            Across::Checked,
            |_, checked, analysis| match (verbose, analysis) {
                (true, Some(analysis)) => found(checked, analysis),
                _ => String::new(),
            },
            |_, _, found| print_out(&found),
        ),
        Command::Build {
            files,
            options: check_options,
            to,
            out,
            lang,
            parallel,
            paper,
            font,
            allow_errors,
        } => {
            let options = Options {
                language: lang,
                parallel,
                draft: false,
                print: PdfOptions {
                    paper: match paper {
                        cli::Paper::A4 => Paper::A4,
                        cli::Paper::Letter => Paper::Letter,
                    },
                    font,
                    source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                        .ok()
                        .and_then(|s| s.parse().ok()),
                },
            };
            let targets = Targets {
                formats: &to,
                out: out.as_deref(),
                options,
                allow_errors,
            };
            build(&files, &check_options, targets, style)
        }
        Command::New {
            name,
            title,
            series,
            forum,
            edition,
            host,
            place,
            date,
            periodicity,
        } => {
            let facts = plenary::skeleton::Facts {
                title,
                series,
                forum,
                edition,
                host,
                place,
                date,
                periodicity,
            };
            new_declaration(&name, &facts, style)
        }
        Command::Import { file, out } => import_file(&file, out.as_deref()),
        Command::Fmt {
            files,
            check,
            width,
        } => format_files(
            &expand_folders(&files),
            check,
            &plenary::format::Options { width },
            style,
        ),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "plenary", &mut script);
            print_out(&String::from_utf8_lossy(&script))
        }
        Command::Man => {
            let mut page = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) => print_out(&String::from_utf8_lossy(&page)),
                Err(error) => {
                    eprintln!("error: cannot write the manual page: {error}");
                    TROUBLE
                }
            }
        }
        Command::Schema => print_out(&plenary::render::json::schema()),
        Command::Explain { code } => explain(code.as_deref()),
        Command::Tree { file, cst } => tree(&file, cst, style),
    };
    ExitCode::from(status)
}

/// Whether the files of a run are also checked as series, across their declarations.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Across {
    /// `plenary check`: after every file alone, the declarations of one series together.
    Checked,
    /// `plenary build`, which writes each file as soon as it is checked.
    NotChecked,
}

/// Tells glibc's allocator to keep up to 16 MB of freed memory at the top of its main heap
/// instead of handing it back to the system beyond 128 KB. A build allocates and frees in waves
/// (each line tried, each page's operations, the font subsets), and each memory given back was
/// faulted in again by the next wave: with this, the bilingual build of the ASEM declaration
/// takes 2,791 page faults instead of 3,259 and about a twentieth less time (40.7 -> 38.4 ms,
/// medians of 60 alternating runs). Memory never touched costs nothing, so the peak memory
/// stays as it was. Setting it also fixes glibc's threshold for mapping a block on its own at
/// 128 KB, which would otherwise rise as large blocks are freed; the figures were measured so.
fn keep_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` sets a parameter of the allocator; it is called before any thread
    // starts, and any value is valid for M_TOP_PAD.
    #[allow(unsafe_code)]
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 16 << 20);
    }
}

/// How much of each file `prepare` reads to see whether a PDF of it needs the installed fonts:
/// a text in Chinese shows it from its first pages, and a file is not read twice whole. A
/// text that shows it only later has the fonts found when its PDF needs them.
const FONTS_LOOKED_FOR_IN: u64 = 256 * 1024;

/// Starts, on another core, work a command will need: reading the built-in registry (every
/// check needs it) and finding the installed fonts (a PDF of a text that has characters the
/// shipped fonts lack, such as Chinese, does). Each takes a few milliseconds, which then pass
/// while the files are read and parsed; what needs them waits for them to be ready, and a run
/// that ends first does not.
fn prepare(command: &Command) {
    let fonts_for = match command {
        Command::Check { .. } => Vec::new(),
        // With `--lang`, what is printed is one version, which the file's first pages do not
        // show: an English print of a bilingual file needs no installed font. Only a version
        // in Chinese, Japanese or Korean, which surely does, has them found from the start;
        // for any other the build looks at the print itself (`pdf::find_installed_fonts_for`).
        Command::Build {
            files,
            to,
            font,
            lang,
            ..
        } if font.is_none()
            && lang.as_deref().is_none_or(|lang| {
                matches!(
                    plenary::languages::primary(lang).as_str(),
                    "zh" | "ja" | "ko"
                )
            })
            && to.iter().any(|t| matches!(t, Target::Pdf | Target::All)) =>
        {
            files.clone()
        }
        Command::Build { .. } => Vec::new(),
        _ => return,
    };
    let _ = std::thread::Builder::new()
        .name("prepare".to_string())
        .spawn(move || {
            // The registry first: parsing asks it for the names of members.
            plenary::registry::Registry::builtin();
            // The fonts only for a text that needs them: searching them costs as much as
            // reading the registry, and an English PDF would share the cores with it. A file
            // that cannot be read here (standard input) may need them.
            let needs_fonts = |path: &PathBuf| {
                let mut start = Vec::new();
                std::fs::File::open(path)
                    .and_then(|file| file.take(FONTS_LOOKED_FOR_IN).read_to_end(&mut start))
                    .map_or(true, |_| {
                        plenary::render::pdf::needs_installed_fonts(&String::from_utf8_lossy(
                            &start,
                        ))
                    })
            };
            if fonts_for.iter().any(needs_fonts) {
                plenary::render::pdf::find_installed_fonts();
            }
        });
}

/// Checks each file and prints its diagnostics and the summary line, as `plenary check` does;
/// with `across`, the declarations of one series are then checked together, and what that finds
/// is printed after the files, each diagnostic counted to the file it belongs to.
///
/// The files are checked on all cores. `work` is called, on any of them, with each file that
/// could be read, its diagnostics and its analysis (the build renders from it); `then` is called
/// with what it returned, in the order of the files, after the file's diagnostics are printed,
/// and may raise the exit status. Returns the exit status.
fn check_files<W: Send>(
    files: &[PathBuf],
    options: &CheckOptions,
    output: Reporting,
    across: Across,
    work: impl Fn(&Path, &Checked, Option<&plenary::Analysis>) -> W + Sync,
    mut then: impl FnMut(&Path, &Checked, W) -> u8,
) -> u8 {
    let mut tally = Tally {
        status: SUCCESS,
        errors: 0,
        warnings: 0,
        unread: 0,
        output,
        report: plenary::report::Report::new(),
    };
    let mut configs = Configs {
        explicit: options.config.clone(),
        loaded: HashMap::new(),
        default: Config::default(),
    };
    // The configurations are read first, each once, so that the files can be checked at once.
    let mut stdin_read = false;
    let jobs: Vec<Job> = files
        .iter()
        .map(|path| {
            if path == Path::new("-") {
                if stdin_read {
                    return Job::Unreadable {
                        name: "<stdin>".to_string(),
                        why: "`-` is given twice, but standard input can be read only once"
                            .to_string(),
                    };
                }
                stdin_read = true;
            }
            // Standard input is governed by the configuration of the current folder.
            let folder = match path.parent() {
                Some(parent) if path != Path::new("-") && !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            match configs.for_folder(folder, &mut tally) {
                Some(_) => Job::Check {
                    path,
                    config: configs.path_for(folder),
                },
                None => Job::NoConfig { path },
            }
        })
        .collect();
    let configs = &configs;
    let check = |job: &Job| -> Outcome<W> {
        let (path, config) = match job {
            Job::Unreadable { name, why } => {
                return Outcome::Unreadable {
                    name: name.clone(),
                    why: why.clone(),
                }
            }
            Job::NoConfig { path } => {
                return Outcome::NoConfig {
                    path: path.to_path_buf(),
                }
            }
            Job::Check { path, config } => (*path, config),
        };
        let (name, bytes) = match read(path) {
            Ok(read) => read,
            Err(why) => {
                return Outcome::Unreadable {
                    name: path.display().to_string(),
                    why,
                }
            }
        };
        let (checked, (done, declaration)) = plenary::check_bytes_then(
            &name,
            &bytes,
            configs.loaded_for(config.as_deref()),
            |checked, analysis| {
                let declaration = analysis
                    .filter(|_| across == Across::Checked)
                    .map(|analysis| {
                        plenary::Declaration::of(&name, analysis, &checked.diagnostics)
                    });
                (work(path, checked, analysis), declaration)
            },
        );
        Outcome::Checked {
            checked: Box::new(checked),
            done,
            declaration: declaration.map(Box::new),
        }
    };
    // For the checks across declarations: each declaration, its source (to show its lines)
    // and the configuration that governs it.
    let mut declarations: Vec<(plenary::Declaration, Option<PathBuf>)> = Vec::new();
    let mut sources: Vec<plenary::Source> = Vec::new();
    let stderr = std::io::stderr();
    let mut progress = plenary::batch::Progress::new(files.len(), "checked", stderr.is_terminal());
    // The line is taken away only before something is printed under it: a build says what it
    // wrote, and standard output may be the same terminal.
    let quiet_unless_found = across == Across::Checked && !std::io::stdout().is_terminal();
    plenary::batch::in_order(&jobs, plenary::batch::threads(), check, |i, outcome| {
        let prints = match &outcome {
            Outcome::Checked { checked, .. } => {
                !quiet_unless_found || !checked.diagnostics.is_empty()
            }
            Outcome::NoConfig { .. } | Outcome::Unreadable { .. } => true,
        };
        if prints {
            progress.clear();
        }
        match outcome {
            Outcome::Unreadable { name, why } => {
                let _ = writeln!(stderr.lock(), "error: {why}");
                tally.unreadable(&name, &why);
            }
            Outcome::NoConfig { path } => {
                // The configuration could not be read; checking without it would not be what
                // the project asked for.
                let name = match path.to_str() {
                    Some("-") => "<stdin>".to_string(),
                    _ => path.display().to_string(),
                };
                tally.unreadable(&name, "its configuration cannot be used");
            }
            Outcome::Checked {
                checked,
                done,
                declaration,
            } => {
                tally.report(&checked.diagnostics, &checked.source);
                let status = then(&files[i], &checked, done);
                tally.status = tally.status.max(status);
                if let (Some(declaration), Job::Check { config, .. }) = (declaration, &jobs[i]) {
                    declarations.push((*declaration, config.clone()));
                    sources.push(checked.source);
                }
            }
        }
        progress.show(i + 1);
    });
    drop(progress);
    if declarations.len() > 1 {
        let governed: Vec<(plenary::Declaration, &Config)> = declarations
            .into_iter()
            .map(|(declaration, path)| (declaration, configs.loaded_for(path.as_deref())))
            .collect();
        let found = plenary::check_across(&governed);
        let others: Vec<&plenary::Source> = sources.iter().collect();
        for (file, diagnostics) in found.chunk_by(|a, b| a.0 == b.0).map(|c| (c[0].0, c)) {
            let diagnostics: Vec<plenary::Diagnostic> =
                diagnostics.iter().map(|(_, d)| d.clone()).collect();
            tally.report_in(&diagnostics, &sources[file], &others);
        }
    }
    if options.deny_warnings && tally.warnings > 0 && tally.status == SUCCESS {
        tally.status = FOUND_ERRORS;
    }
    tally.finish(files.len());
    tally.status
}

/// One file of a run, as the configurations read first left it.
enum Job<'a> {
    /// To be checked, under the configuration at this path (`None`: the default one).
    Check {
        path: &'a Path,
        config: Option<PathBuf>,
    },
    /// Its configuration cannot be used.
    NoConfig { path: &'a Path },
    /// It cannot be read at all.
    Unreadable { name: String, why: String },
}

/// What checking one file gave, printed in the order of the files.
enum Outcome<W> {
    Checked {
        // Boxed: the outcomes wait in a queue for their turn, and the other two are small.
        checked: Box<Checked>,
        /// What the command's own work on the file returned.
        done: W,
        declaration: Option<Box<plenary::Declaration>>,
    },
    NoConfig {
        path: PathBuf,
    },
    Unreadable {
        name: String,
        why: String,
    },
}

/// How `check` (and `build`) print what they find.
#[derive(Clone, Copy)]
struct Reporting {
    style: Style,
    format: ReportFormat,
    /// Errors only, and no summary line.
    quiet: bool,
}

/// The files named on the command line, each folder among them replaced by the `.decl` files
/// below it, in the order of their paths. A folder with none stays, to be reported as a file
/// that cannot be read.
fn expand_folders(files: &[PathBuf]) -> Vec<PathBuf> {
    fn collect(folder: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(folder) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                collect(&path, out);
            } else if path.extension().is_some_and(|e| e == "decl") {
                out.push(path);
            }
        }
    }
    let mut expanded = Vec::new();
    for path in files {
        if path != Path::new("-") && path.is_dir() {
            let before = expanded.len();
            collect(path, &mut expanded);
            if expanded.len() > before {
                continue;
            }
        }
        expanded.push(path.clone());
    }
    expanded
}

/// Prints the facts recognised in the prose without marks, one line each: `file:line:column:
/// "words" read as FACT: agrees (VALUE)`, for `plenary check --verbose`.
fn found(checked: &Checked, analysis: &plenary::Analysis) -> String {
    use plenary::analysis::found::{weekday_name, Verdict};
    use std::fmt::Write;
    let source = &checked.source;
    let mut out = String::new();
    for found in &analysis.found {
        let (line, column) = source.line_col(found.span.start as usize);
        let verdict = match &found.verdict {
            Verdict::Agrees(value) => format!("agrees ({value})"),
            Verdict::Disagrees { said, value, .. } => {
                format!("differs: says {said}, the data states {}", value.show())
            }
            Verdict::WrongWeekday { written, actual } => format!(
                "differs: the date is a {}, not a {}",
                weekday_name(*actual),
                weekday_name(*written)
            ),
            Verdict::NotStated => "not compared: the declaration states no data".to_string(),
        };
        let _ = writeln!(
            out,
            "{}:{line}:{column}: \"{}\" read as {}: {verdict}",
            source.name(),
            found.words,
            found.fact()
        );
    }
    out
}

/// What a run of `plenary check` has found so far.
struct Tally {
    status: u8,
    errors: usize,
    warnings: usize,
    /// Files that could not be read, or whose configuration could not be.
    unread: usize,
    output: Reporting,
    /// What the formats printed at the end of the run (JSON, SARIF, JUnit) print.
    report: plenary::report::Report,
}

impl Tally {
    /// Prints diagnostics and counts them.
    fn report(&mut self, diagnostics: &[plenary::Diagnostic], source: &plenary::Source) {
        self.report_in(diagnostics, source, &[]);
    }

    /// Prints diagnostics that may show the lines of other files, and counts them.
    fn report_in(
        &mut self,
        diagnostics: &[plenary::Diagnostic],
        source: &plenary::Source,
        others: &[&plenary::Source],
    ) {
        let errors = diagnostics.iter().filter(|d| d.is_error()).count();
        let shown: Vec<plenary::Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.is_error() || !self.output.quiet)
            .cloned()
            .collect();
        match self.output.format {
            ReportFormat::Human => {
                let rendered = diagnostic::render_in(&shown, source, others, self.output.style);
                let _ = std::io::stderr().lock().write_all(rendered.as_bytes());
            }
            ReportFormat::Short | ReportFormat::Github => {
                let mut out = std::io::stdout().lock();
                for shown in &shown {
                    let record = plenary::report::record(shown, source, others);
                    let line = match self.output.format {
                        ReportFormat::Short => plenary::report::short(&record, source.name()),
                        _ => plenary::report::github(&record, source.name()),
                    };
                    let _ = out.write_all(line.as_bytes());
                }
            }
            ReportFormat::Json | ReportFormat::Sarif | ReportFormat::Junit => {
                self.report.add(&shown, source, others)
            }
        }
        self.errors += errors;
        self.warnings += diagnostics.len() - errors;
        if errors > 0 && self.status == SUCCESS {
            self.status = FOUND_ERRORS;
        }
    }

    /// Counts a file that could not be checked, and says why in the report.
    fn unreadable(&mut self, file: &str, why: &str) {
        self.unread += 1;
        self.status = TROUBLE;
        self.report.unreadable(file, why);
    }

    /// Prints what is printed at the end of a run: the summary line, and the report of the
    /// formats that print one document for the run.
    fn finish(&mut self, files: usize) {
        let document = match self.output.format {
            ReportFormat::Json => Some(self.report.json()),
            ReportFormat::Sarif => Some(plenary::report::sarif::sarif(&self.report)),
            ReportFormat::Junit => Some(plenary::report::junit::junit(&self.report)),
            ReportFormat::Human | ReportFormat::Short | ReportFormat::Github => None,
        };
        if let Some(document) = document {
            if let Err(error) = std::io::stdout().lock().write_all(document.as_bytes()) {
                eprintln!("error: cannot write to standard output: {error}");
                self.status = TROUBLE;
            }
        }
        if !self.output.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{}", self.summary(files));
        }
    }

    /// `checked 3 files: 2 errors, 1 warning`, and how many files could not be read.
    fn summary(&self, files: usize) -> String {
        let counts = format!(
            "{}, {}",
            plural(self.errors, "error"),
            plural(self.warnings, "warning")
        );
        if self.unread == 0 {
            return format!("checked {}: {counts}", plural(files, "file"));
        }
        format!(
            "checked {} of {}, {} could not be read: {counts}",
            files - self.unread,
            plural(files, "file"),
            self.unread
        )
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
    /// The path of the configuration for files in `folder`; `None` for the default one.
    fn path_for(&self, folder: &Path) -> Option<PathBuf> {
        self.explicit.clone().or_else(|| Config::find(folder))
    }

    /// A configuration read already, by its path; the default one for `None`.
    fn loaded_for(&self, path: Option<&Path>) -> &Config {
        path.and_then(|path| self.loaded.get(path))
            .and_then(Option::as_ref)
            .unwrap_or(&self.default)
    }

    /// The configuration for files in `folder`, or `None` when it cannot be read.
    fn for_folder(&mut self, folder: &Path, tally: &mut Tally) -> Option<&Config> {
        let Some(path) = self.path_for(folder) else {
            return Some(&self.default);
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

/// What `plenary build` is asked to write.
struct Targets<'a> {
    formats: &'a [Target],
    out: Option<&'a Path>,
    options: Options,
    allow_errors: bool,
}

fn build(files: &[PathBuf], check_options: &CheckOptions, targets: Targets, style: Style) -> u8 {
    let Targets {
        formats: asked,
        out,
        options,
        allow_errors,
    } = targets;
    let plan = match Plan::new(formats(asked), out, files, options) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("error: {error}");
            return TROUBLE;
        }
    };
    let output = Reporting {
        style,
        format: ReportFormat::Human,
        quiet: false,
    };
    let status = check_files(
        files,
        check_options,
        output,
        Across::NotChecked,
        |path, checked, analysis| {
            // With `--deny-warnings` a warning stops the build as an error does.
            let has_errors = checked.error_count() > 0
                || (check_options.deny_warnings && checked.warning_count() > 0);
            let analysis = analysis.filter(|_| allow_errors || !has_errors)?;
            Some(build::build(&plan, path, analysis, has_errors))
        },
        |_, _, outputs| {
            let Some(outputs) = outputs else {
                return FOUND_ERRORS;
            };
            let mut status = SUCCESS;
            for output in outputs {
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
            status
        },
    );
    // A file with errors built as a draft (`--allow-errors`) is a success once it is written.
    if allow_errors && status == FOUND_ERRORS {
        return SUCCESS;
    }
    status
}

/// The formats `--to` asks for, in the order a build writes them; `all` is every format.
fn formats(targets: &[Target]) -> Vec<Format> {
    let wanted = |format: Format| {
        targets.iter().any(|target| match target {
            Target::All => true,
            Target::Md => format == Format::Markdown,
            Target::Html => format == Format::Html,
            Target::Json => format == Format::Json,
            Target::Pdf => format == Format::Pdf,
        })
    };
    Format::ALL.into_iter().filter(|f| wanted(*f)).collect()
}

/// Prints text on standard output. A reader that stops reading (`plenary explain | head`) is
/// not an error of plenary: the rest of the text is dropped quietly.
fn print_out(text: &str) -> u8 {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            TROUBLE
        }
    }
}

/// `plenary explain`: every code, or one code's documentation with its default severity.
fn explain(code: Option<&str>) -> u8 {
    let codes = plenary::codes::all();
    let Some(code) = code else {
        let width = codes.iter().map(|c| c.code.len()).max().unwrap_or(0);
        let mut listing = String::new();
        for code in codes {
            listing.push_str(&format!(
                "{:<width$}  {:<7}  {}\n",
                code.code,
                plenary::codes::severity_name(code.default_severity),
                code.summary
            ));
        }
        return print_out(&listing);
    };
    match plenary::codes::find(code) {
        Some(entry) => print_out(&format!("# {}\n\n{}\n", entry.code, entry.explanation())),
        None => {
            let hint = match plenary::suggest::suggest(code, codes.iter().map(|c| c.code)) {
                Some(close) => format!("; did you mean `{close}`?"),
                None => "; `plenary explain` lists them all".to_string(),
            };
            eprintln!("error: no diagnostic has the code `{code}`{hint}");
            TROUBLE
        }
    }
}

/// `plenary import`: a text in the language, written beside the source, to `out`, or to
/// standard output.
fn import_file(path: &Path, out: Option<&Path>) -> u8 {
    let (name, bytes) = match read(path) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return TROUBLE;
        }
    };
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let imported = plenary::import::import(text);
    let target = match out {
        Some(out) if out == Path::new("-") => return print_out(&imported.text),
        Some(out) => out.to_path_buf(),
        None if path == Path::new("-") => return print_out(&imported.text),
        None => path.with_extension("decl"),
    };
    if target == path {
        eprintln!(
            "error: {name} would be written over by its own import; give another name with -o"
        );
        return TROUBLE;
    }
    let shown = target.display().to_string();
    let done = format!(
        "wrote {shown}: {} line(s) left out and {} place(s) to look at, each in a note; `plenary check {shown}` reads it",
        imported.left_out.len(),
        imported.unsure
    );
    write_new_file(&target, &imported.text, "import", &done)
}

/// Writes `text` to a file that does not exist yet (`create_new` refuses one that exists, also
/// one made since it was looked for), and says `done` on standard error; `command` names the
/// command that never writes over a file.
fn write_new_file(path: &Path, text: &str, command: &str, done: &str) -> u8 {
    let shown = path.display();
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!("{done}");
            SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
            eprintln!("error: {shown} exists; plenary {command} never writes over a file");
            TROUBLE
        }
        Err(error) => {
            eprintln!("error: cannot write `{shown}`: {error}");
            TROUBLE
        }
    }
}

/// `plenary new`: writes the skeleton of a declaration to a file that does not exist yet.
fn new_declaration(name: &Path, facts: &plenary::skeleton::Facts, style: Style) -> u8 {
    let path = match name.extension() {
        Some(extension) if extension == "decl" => name.to_path_buf(),
        _ => {
            let mut with = name.as_os_str().to_owned();
            with.push(".decl");
            PathBuf::from(with)
        }
    };
    let shown = path.display().to_string();
    let text = match plenary::skeleton::skeleton(&shown, facts) {
        Ok(text) => text,
        Err((source, errors)) => {
            eprint!("{}", diagnostic::render(&errors, &source, style));
            eprintln!("error: {shown} is not written: a fact given does not read as its field");
            return TROUBLE;
        }
    };
    let done = format!(
        "wrote {shown}: write the text in place of each [[...]]; `plenary check {shown}` lists them"
    );
    write_new_file(&path, &text, "new", &done)
}

/// `plenary fmt`: formats each file in place (or standard input to standard output); with
/// `check`, prints what would change instead. Returns the exit status.
fn format_files(
    files: &[PathBuf],
    check: bool,
    options: &plenary::format::Options,
    style: Style,
) -> u8 {
    use plenary::format::Refusal;
    let mut status = SUCCESS;
    let mut raise = |to: u8| status = status.max(to);
    let mut changed = 0;
    for path in files {
        let (name, bytes) = match read(path) {
            Ok(read) => read,
            Err(message) => {
                eprintln!("error: {message}");
                raise(TROUBLE);
                continue;
            }
        };
        let (source, decode_error) = plenary::Source::decode(name.clone(), &bytes);
        if decode_error.is_some() {
            // The check says why the bytes are not text, as `plenary check` does.
            let checked = plenary::check_bytes(&name, &bytes);
            eprint!(
                "{}",
                diagnostic::render(&checked.diagnostics, &checked.source, style)
            );
            raise(FOUND_ERRORS);
            continue;
        }
        let formatted = match plenary::format::format(&source, options) {
            Ok(formatted) => formatted,
            Err(Refusal::Syntax(errors)) => {
                eprint!("{}", diagnostic::render(&errors, &source, style));
                eprintln!("{name}: not formatted, because of the syntax errors above");
                raise(FOUND_ERRORS);
                continue;
            }
            Err(Refusal::WouldChangeText { .. }) => {
                eprintln!(
                    "error: {name}: not formatted: the layout plenary made would read differently \
                     from the file, which is a mistake of plenary; please report it with the file"
                );
                raise(TROUBLE);
                continue;
            }
        };
        let is_stdin = path == Path::new("-");
        if is_stdin && !check {
            if let Err(error) = std::io::stdout().write_all(formatted.as_bytes()) {
                eprintln!("error: cannot write to standard output: {error}");
                raise(TROUBLE);
            }
            continue;
        }
        // Compared with the bytes as read: a file whose lines end with lone carriage returns
        // reads as lines, but is rewritten with line feeds.
        let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        if formatted.as_bytes() == text {
            continue;
        }
        changed += 1;
        if check {
            print!(
                "{}",
                plenary::format::diff(&name, source.text(), &formatted)
            );
            raise(FOUND_ERRORS);
        } else if let Err(error) = plenary::build::write_atomically(path, formatted.as_bytes()) {
            eprintln!("error: {error}");
            raise(TROUBLE);
        }
    }
    if check && changed > 0 {
        let files = if changed == 1 { "file is" } else { "files are" };
        eprintln!("{changed} {files} not formatted; `plenary fmt` formats them");
    }
    status
}

fn tree(path: &Path, cst: bool, style: Style) -> u8 {
    let (name, bytes) = match read(path) {
        Ok(read) => read,
        Err(message) => {
            eprintln!("error: {message}");
            return TROUBLE;
        }
    };
    // Bytes that are not text have no tree; the check below says why.
    if let (true, (source, None)) = (cst, plenary::Source::decode(name.clone(), &bytes)) {
        print!("{}", plenary::syntax::parse(&source).tree.outline());
        return SUCCESS;
    }
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

/// The largest file plenary reads: 64 MB, a hundred times the longest declaration of the corpus
/// (the Final Act of UNCTAD I, 480 KB). A larger input is no declaration (`/dev/zero`, a disk
/// image), and reading it whole would only exhaust the memory.
const LARGEST_INPUT: u64 = 64 * 1024 * 1024;

/// Reads a file, or standard input for `-`; on failure, one plain line saying why.
fn read(path: &Path) -> Result<(String, Vec<u8>), String> {
    let (name, reader): (String, Box<dyn Read>) = if path == Path::new("-") {
        ("<stdin>".to_string(), Box::new(std::io::stdin()))
    } else {
        let name = path.display().to_string();
        let why = |e: std::io::Error| {
            let why = match e.kind() {
                std::io::ErrorKind::NotFound => "no such file".to_string(),
                std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                _ if path.is_dir() => "it is a directory".to_string(),
                _ => e.to_string(),
            };
            format!("cannot read `{name}`: {why}")
        };
        if path.is_dir() {
            return Err(format!("cannot read `{name}`: it is a directory"));
        }
        let file = std::fs::File::open(path).map_err(why)?;
        (name, Box::new(file))
    };
    let mut bytes = Vec::new();
    reader
        .take(LARGEST_INPUT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read `{name}`: {e}"))?;
    if bytes.len() as u64 > LARGEST_INPUT {
        return Err(format!(
            "cannot read `{name}`: it is larger than {} MB, far beyond any declaration",
            LARGEST_INPUT / (1024 * 1024)
        ));
    }
    Ok((name, bytes))
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
