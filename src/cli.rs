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
    /// Exit status: 0 when no file has an error, 1 when any has, 2 when a file cannot be read
    /// or the command line is wrong.
    Check {
        /// The `.decl` files to check; `-` reads standard input.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
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

    /// Print a declaration as PDF (for testing the PDF renderer until `build` covers it).
    ///
    /// Exit status: 0 when the PDF is written, 1 when the declaration has errors, 2 when a file
    /// cannot be read or written or no font can show the text.
    #[command(hide = true)]
    Pdf {
        /// The `.decl` file; `-` reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "OUT.pdf")]
        output: PathBuf,
        /// The paper size.
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
        /// A font file for the characters the shipped font lacks, such as Chinese.
        #[arg(long, value_name = "PATH")]
        font: Option<PathBuf>,
        /// Print only the version in this language, such as `zh`.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
        /// Set the original and its translation side by side.
        #[arg(long)]
        parallel: bool,
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

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// Colour on a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}
