//! The command line: clap types only. Their doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
        /// The `.decl` files to check; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,

        /// The configuration to use for every file, instead of the `plenary.toml` found beside it.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,

        /// Fail (exit status 1) when there are warnings, as when there are errors.
        #[arg(long)]
        deny_warnings: bool,
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
    },
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}
