//! The integration tests, in one test binary so that the library is linked once: the real
//! `plenary` binary (`cli`), the outputs read back (`build`, `pdf`), the examples and their
//! mutations, the UI fixtures under `tests/ui/`, the real declarations under `tests/corpus/`,
//! and the generated documentation.

mod build;
mod cli;
mod consistency;
mod corpus;
mod docs;
mod examples;
mod format;
mod generate;
mod generated;
mod hostile;
mod import;
mod mutations;
mod new;
mod pdf;
mod report;
mod series;
mod syntax;
mod ui;

use plenary::render::print::Print;
use plenary::render::Options;

/// The print model of a document as a build makes it: analysed against the built-in registry,
/// then printed with `options`.
fn print(document: &plenary::ast::Document, options: &Options) -> Print {
    try_print(document, options).expect("the version asked for exists")
}

/// The print model, or why it cannot be made (a language the document lacks).
fn try_print(
    document: &plenary::ast::Document,
    options: &Options,
) -> Result<Print, plenary::render::RenderError> {
    let analysis = plenary::analysis::analyze(document, plenary::registry::Registry::builtin());
    Print::new(&analysis, options)
}

/// Diagnostics as the snapshots hold them: rendered without colour at a fixed width, then the
/// count of errors and warnings.
fn rendered(diagnostics: &[plenary::Diagnostic], source: &plenary::Source) -> String {
    let style = plenary::diagnostic::Style {
        color: false,
        width: 100,
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut output = plenary::diagnostic::render(diagnostics, source, style);
    output.push_str(&format!(
        "{errors} error(s), {} warning(s)\n",
        diagnostics.len() - errors
    ));
    output
}
