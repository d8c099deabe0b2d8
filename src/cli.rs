//! The command line: clap types only. Their doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// plenary checks a declaration the way a meticulous reviewer would, and prints it.
#[derive(Debug, Parser)]
#[command(name = "plenary", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub color: Color,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check declarations and report every problem found.
    ///
    /// Each file is checked with the `plenary.toml` in its folder or the nearest folder above it
    /// (standard input: the current folder), unless `--config` names one.
    ///
    /// Exit status: 0 when no file has an error, 1 when any has (or any has a warning, with
    /// `--deny-warnings`), 2 when a file or the configuration cannot be read or the command line
    /// is wrong.
    Check {
        /// The `.decl` files to check; a folder checks every `.decl` file below it; `-` reads
        /// standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,

        #[command(flatten)]
        options: CheckOptions,

        /// How to print the diagnostics: for a person (on standard error), or for a machine (on
        /// standard output). The exit status is the same in every format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
        format: ReportFormat,

        /// Print errors only: no warnings, no summary line. The exit status still counts
        /// warnings with `--deny-warnings`.
        #[arg(long, short = 'q')]
        quiet: bool,

        /// Also print, one line each, the facts recognised in the prose without marks: where,
        /// the words, the fact they were read as, and whether they agree with its data.
        #[arg(long, short = 'v')]
        verbose: bool,
    },

    /// Check declarations, then write them as Markdown, HTML, JSON and PDF.
    ///
    /// A file with errors is not built, unless `--allow-errors` asks for a draft preview.
    /// Outputs go next to each source (`NAME.md`, `NAME.html`, `NAME.json`), or into the folder
    /// given with `-o`.
    ///
    /// Exit status: 0 when every output is written, 1 when a file has errors (it is not built),
    /// or warnings with `--deny-warnings`, 2 when a file or the configuration cannot be read, an
    /// output cannot be written, or the command line is wrong.
    Build {
        /// The `.decl` files to build; `-` reads standard input (with `-o -`).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,

        #[command(flatten)]
        options: CheckOptions,

        /// The formats to write, separated by commas; `all` is every format available.
        #[arg(
            long = "to",
            value_enum,
            value_delimiter = ',',
            default_value = "all",
            value_name = "FORMATS"
        )]
        to: Vec<Target>,

        /// Write into this folder instead of next to each source; `-` writes one format of one
        /// file to standard output.
        #[arg(short = 'o', long = "out", value_name = "DIR")]
        out: Option<PathBuf>,

        /// Print this language version (such as `zh`) instead of the original; the outputs are
        /// named `NAME.zh.html` and so on.
        #[arg(long, value_name = "LANG", conflicts_with = "parallel")]
        lang: Option<String>,

        /// In HTML and PDF, print the language versions side by side, paragraph beside
        /// paragraph.
        #[arg(long)]
        parallel: bool,

        /// The paper size of the PDF.
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,

        /// A font file for the characters the shipped font lacks, such as Chinese; without it,
        /// an installed font is looked for.
        #[arg(long, value_name = "PATH")]
        font: Option<PathBuf>,

        /// Build a file even though it has errors, as a draft preview marked as such (the exit
        /// status is then 0 once every output is written).
        #[arg(long)]
        allow_errors: bool,
    },

    /// Print the JSON Schema of the JSON output (`plenary build --to json`).
    Schema,

    /// Print the completion script of a shell, for the commands and options of plenary.
    ///
    /// Bash: `plenary completions bash > ~/.local/share/bash-completion/completions/plenary`;
    /// zsh: into a folder of `$fpath` as `_plenary`; fish: into
    /// `~/.config/fish/completions/plenary.fish`.
    Completions {
        /// The shell.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },

    /// Print the manual page, in roff: `plenary man > plenary.1; man ./plenary.1`.
    Man,

    /// Begin a declaration: write the skeleton of one, every part with a note saying what it
    /// is, and a placeholder `[[...]]` wherever its words are to go.
    ///
    /// The facts given fill in the header and what follows from them (the next meeting's
    /// edition and year); `plenary check` then warns once at each placeholder, and at nothing
    /// else. An existing file is never written over.
    ///
    /// Exit status: 0 when the file is written, 2 when it exists, cannot be written, or a fact
    /// does not read as its field.
    New {
        /// The file to write; `.decl` is added to a name without it.
        #[arg(value_name = "NAME")]
        name: PathBuf,

        /// The title of the declaration.
        #[arg(long)]
        title: Option<String>,

        /// The series of meetings: `ASEM SMEs Ministerial Meeting`.
        #[arg(long)]
        series: Option<String>,

        /// The forum whose members meet: `ASEM`, `APEC`.
        #[arg(long)]
        forum: Option<String>,

        /// Which meeting of the series this is: `first`, `2nd`, `XXI`.
        #[arg(long)]
        edition: Option<String>,

        /// The member that hosts the meeting.
        #[arg(long)]
        host: Option<String>,

        /// The city, and the country: `Beijing, China`.
        #[arg(long)]
        place: Option<String>,

        /// The day the text is to be adopted: `2007-10-31`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,

        /// How often the series meets: `annual`, `biennial`, `every 3 years`.
        #[arg(long)]
        periodicity: Option<String>,
    },

    /// Turn a declaration pasted as plain text, or the Markdown of a web page, into a `.decl`.
    ///
    /// Title, place and date line, preamble, headings, numbered paragraphs, bulleted items and
    /// footnotes are read; web chrome, front matter and page markers are left out, each line
    /// in a `// left out:` note where it stood; what the importer was unsure of has an
    /// `// import:` note. Every other word is kept.
    ///
    /// Exit status: 0 when the file is written, 2 when the source cannot be read or the output
    /// exists or cannot be written.
    Import {
        /// The text to import; `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,

        /// Where to write: a file (never written over), or `-` for standard output. Without
        /// it, `NAME.decl` beside the source.
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
    },

    /// Rewrite declarations in the canonical layout, without changing a word.
    ///
    /// Header fields in a fixed order, one blank line between blocks, paragraphs filled to the
    /// width, one member per line, notes kept where they were. Only the layout changes: the text
    /// is parsed again and compared, and a file that would read differently is left as it is.
    /// A file with a syntax error is left as it is, and the error shown.
    ///
    /// Exit status: 0 when every file is formatted (with `--check`: already was), 1 when a file
    /// has a syntax error (or, with `--check`, would change), 2 when a file cannot be read or
    /// written.
    Fmt {
        /// The `.decl` files to format in place; a folder formats every `.decl` file below it;
        /// `-` reads standard input and writes the result to standard output.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,

        /// Change nothing: print what would change as a unified diff, and exit 1 if anything
        /// would.
        #[arg(long)]
        check: bool,

        /// The columns paragraphs are filled to (a Chinese character counts two); 0 puts each
        /// paragraph on one line.
        #[arg(long, value_name = "COLUMNS", default_value_t = 100)]
        width: usize,
    },

    /// Explain a diagnostic code: what the check finds, why it matters, an example, the fix.
    ///
    /// Without a code, list every check.
    Explain {
        /// A code as printed with a diagnostic, such as `references::unresolved`.
        #[arg(value_name = "CODE")]
        code: Option<String>,
    },

    /// Print the syntax tree of a declaration as JSON (for tools and for debugging).
    #[command(hide = true)]
    Tree {
        /// The `.decl` file; `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,

        /// Print the lossless tree instead: every node with its span, every token with its text.
        #[arg(long)]
        cst: bool,
    },
}

/// A paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// How files are checked, by `check` and by `build` alike.
#[derive(Debug, Args)]
pub struct CheckOptions {
    /// The configuration to use for every file, instead of the `plenary.toml` found beside it.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Fail (exit status 1) when there are warnings, as when there are errors.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// How `plenary check` prints what it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// The drafter's lines with the problems marked under them, and a help line.
    Human,
    /// One line a diagnostic, `path:line:col: severity[code]: message`, for editors and grep.
    Short,
    /// One JSON document for the run, as docs/diagnostics-json.md describes it.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands, which annotate the lines of a pull request.
    Github,
    /// JUnit XML, one test case for each file.
    Junit,
}

/// An output format, as `--to` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// Markdown (CommonMark with footnotes).
    Md,
    /// A standalone HTML page.
    Html,
    /// JSON, as `plenary schema` describes it.
    Json,
    /// PDF.
    Pdf,
    /// Every format this version of plenary can write.
    All,
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}
