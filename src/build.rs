//! Building: a checked document to output files, one per format, written next to the source or
//! into a folder.
//!
//! A [`Plan`] says what a run asks for (formats, destination, options) and is checked before
//! anything is read; [`build`] then makes the print model of one analysed document once and
//! renders it in each format. Each format has one renderer of the shape [`Renderer`];
//! [`Format::renderer`] is the one place that dispatches on the format, so a new output is one
//! arm there. A file is written
//! atomically: into a temporary file in the target folder, then renamed over the target, so a
//! failed or interrupted build never leaves a half-written or clobbered output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::render::print::Print;
use crate::render::{self, Options, RenderError, Renderer};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Markdown,
    Html,
    Json,
    Pdf,
}

impl Format {
    /// Every format, in the order a build writes them.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Json, Format::Pdf];

    /// The file name extension: `md`, `html`, `json`, `pdf`.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Json => "json",
            Format::Pdf => "pdf",
        }
    }

    /// The format's name, as a message says it: `Markdown`, `HTML`, `JSON`, `PDF`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::Pdf => "PDF",
        }
    }

    /// The renderer of the format.
    pub fn renderer(self) -> Renderer {
        match self {
            Format::Markdown => render::markdown::markdown,
            Format::Html => render::html::html,
            Format::Json => render::json::json,
            Format::Pdf => render::pdf::render,
        }
    }
}

/// Where a build puts its outputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// `NAME.EXT` next to each source.
    Beside,
    /// `NAME.EXT` in this folder.
    Folder(PathBuf),
    /// One format of one file, to standard output.
    Stdout,
}

/// What one build asks for: the formats, where they go, and how to print them.
#[derive(Debug, Clone)]
pub struct Plan {
    pub formats: Vec<Format>,
    pub destination: Destination,
    pub options: Options,
}

impl Plan {
    /// Checks that the request can be carried out before anything is read or written: every
    /// `-o -` asks for one format of one file, standard input goes to
    /// standard output (it has no name to name the outputs after), and the folder exists or
    /// can be made.
    pub fn new(
        formats: Vec<Format>,
        out: Option<&Path>,
        sources: &[PathBuf],
        options: Options,
    ) -> Result<Plan, BuildError> {
        let destination = match out {
            Some(out) if out == Path::new("-") => Destination::Stdout,
            Some(folder) => Destination::Folder(folder.to_path_buf()),
            None => Destination::Beside,
        };
        if destination == Destination::Stdout && (formats.len() != 1 || sources.len() != 1) {
            return Err(BuildError::Usage(
                "`-o -` writes one format of one file to standard output; \
                 give one file and one format, such as `--to html`"
                    .to_string(),
            ));
        }
        if destination != Destination::Stdout && sources.iter().any(|s| s == Path::new("-")) {
            return Err(BuildError::Usage(
                "standard input has no file name to name the outputs after; \
                 write it to standard output with `-o -`"
                    .to_string(),
            ));
        }
        if destination != Destination::Stdout {
            let folder = match &destination {
                Destination::Folder(folder) => Some(folder.as_path()),
                _ => None,
            };
            outputs_apart(sources, folder, &formats, &options)?;
        }
        if let Destination::Folder(folder) = &destination {
            std::fs::create_dir_all(folder).map_err(|error| BuildError::Folder {
                path: folder.clone(),
                error,
            })?;
        }
        Ok(Plan {
            formats,
            destination,
            options,
        })
    }
}

/// Refuses a build that would write over one of its own inputs (`draft.md --to md`), or write
/// two outputs to one file (`a/x.decl b/x.decl -o out`): the drafter's work is never lost.
fn outputs_apart(
    sources: &[PathBuf],
    folder: Option<&Path>,
    formats: &[Format],
    options: &Options,
) -> Result<(), BuildError> {
    // Paths are compared as the file system resolves them, where the file exists.
    let resolved = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let inputs: Vec<PathBuf> = sources.iter().map(|s| resolved(s)).collect();
    let mut written: Vec<(PathBuf, &Path)> = Vec::new();
    for source in sources {
        for &format in formats {
            let path = output_path(source, folder, format, options);
            let target = match (path.parent(), path.file_name()) {
                (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
                    resolved(parent).join(name)
                }
                _ => resolved(&path),
            };
            if inputs.contains(&target) {
                return Err(BuildError::Usage(format!(
                    "the {} of `{}` would be written over `{}`, which is an input of this build; \
                     write the outputs into another folder with `-o`",
                    format.name(),
                    source.display(),
                    path.display()
                )));
            }
            if let Some((_, first)) = written.iter().find(|(t, _)| *t == target) {
                return Err(BuildError::Usage(format!(
                    "`{}` and `{}` would both be written to `{}`; build them into different \
                     folders with `-o`, or rename one",
                    first.display(),
                    source.display(),
                    path.display()
                )));
            }
            written.push((target, source));
        }
    }
    Ok(())
}

/// One output of a build.
#[derive(Debug)]
pub enum Output {
    /// Written to this file.
    Written(PathBuf),
    /// For standard output: the caller prints it.
    Printed(Vec<u8>),
}

/// Builds one analysed document from `source` in every format of the plan; `draft` marks a
/// document with errors. Each output is written whole or not at all; the result says, format
/// by format, what was written or why not. A document that the print model refuses (a
/// language version it does not have) is refused once, not once per format.
pub fn build(
    plan: &Plan,
    source: &Path,
    analysis: &Analysis,
    draft: bool,
) -> Vec<Result<Output, BuildError>> {
    let options = Options {
        draft,
        ..plan.options.clone()
    };
    let print = match Print::new(analysis, &options) {
        Ok(print) => print,
        Err(error) => return vec![Err(BuildError::Render(error))],
    };
    // Without `--lang`, the search was started before the file was parsed, if its first pages
    // showed the need (`prepare` in main.rs).
    if options.language.is_some()
        && options.print.font.is_none()
        && plan.formats.contains(&Format::Pdf)
    {
        crate::render::pdf::find_installed_fonts_for(&print);
    }
    let folder = match &plan.destination {
        Destination::Stdout => {
            return plan
                .formats
                .iter()
                .map(|&format| render(format, &print, &options).map(Output::Printed))
                .collect();
        }
        Destination::Folder(folder) => Some(folder.as_path()),
        Destination::Beside => None,
    };
    // Every output is rendered and staged before any is put in place: a build whose PDF
    // cannot be written (a full disk) leaves all the outputs as they were, not a mix of new
    // Markdown and old PDF. A format the renderer refuses is reported and the others written.
    let mut staged = Vec::new();
    let mut results: Vec<Option<Result<Output, BuildError>>> = Vec::new();
    let mut failed_write = None;
    for &format in &plan.formats {
        let path = output_path(source, folder, format, &options);
        let written = render(format, &print, &options).and_then(|bytes| stage(&path, &bytes));
        match written {
            Ok(file) => {
                staged.push((results.len(), file, path));
                results.push(None);
            }
            Err(error) => {
                if matches!(error, BuildError::Write { .. }) && failed_write.is_none() {
                    failed_write = Some(path);
                }
                results.push(Some(Err(error)));
            }
        }
    }
    for (index, file, path) in staged {
        results[index] = Some(match &failed_write {
            Some(failed) => Err(BuildError::NotWritten {
                path,
                because: failed.clone(),
            }),
            None => file.commit().map(|()| Output::Written(path)),
        });
    }
    results.into_iter().flatten().collect()
}

/// Why a build could not write an output.
#[derive(Debug)]
pub enum BuildError {
    /// The request cannot be carried out as given.
    Usage(String),
    /// The renderer refused the document (a language version that does not exist).
    Render(RenderError),
    /// The folder for the outputs could not be made.
    Folder {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file could not be written.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The file was left as it was, because another output of the same build could not be
    /// written: a build writes all its outputs or none.
    NotWritten { path: PathBuf, because: PathBuf },
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Usage(message) => f.write_str(message),
            BuildError::Render(error) => error.fmt(f),
            BuildError::Folder { path, error } => {
                write!(f, "cannot create the folder `{}`: {error}", path.display())
            }
            BuildError::Write { path, error } => {
                write!(f, "cannot write `{}`: {error}", path.display())
            }
            BuildError::NotWritten { path, because } => write!(
                f,
                "`{}` was left as it was, because `{}` could not be written: a build writes all \
                 its outputs or none",
                path.display(),
                because.display()
            ),
        }
    }
}

impl std::error::Error for BuildError {}

/// Renders a print model in one format.
pub fn render(format: Format, print: &Print, options: &Options) -> Result<Vec<u8>, BuildError> {
    format.renderer()(print, options).map_err(BuildError::Render)
}

/// Where the output of `source` in `format` goes: `NAME.EXT` beside the source or in `folder`.
/// An output that differs from the plain build is named for what makes it differ, so that the
/// variants of one text never overwrite each other: `NAME.LANG.EXT` for one language version
/// asked for by name, `NAME.parallel.EXT` for the versions side by side (HTML and PDF, the
/// formats it changes), `NAME.letter.pdf` for US Letter paper.
pub fn output_path(
    source: &Path,
    folder: Option<&Path>,
    format: Format,
    options: &Options,
) -> PathBuf {
    let stem = source
        .file_stem()
        .map_or_else(|| "declaration".into(), |s| s.to_string_lossy());
    let mut name = stem.to_string();
    if let Some(language) = &options.language {
        name.push_str(&format!(".{language}"));
    }
    if options.parallel && matches!(format, Format::Html | Format::Pdf) {
        name.push_str(".parallel");
    }
    if options.print.paper == crate::render::pdf::Paper::Letter && format == Format::Pdf {
        name.push_str(".letter");
    }
    let name = format!("{name}.{}", format.extension());
    let folder = folder
        .map(Path::to_path_buf)
        .or_else(|| source.parent().map(Path::to_path_buf))
        .unwrap_or_default();
    folder.join(name)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename over
/// the target. Until the rename the old file (if any) is untouched; after it, the new one is
/// whole. The temporary file is removed if anything fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), BuildError> {
    stage(path, bytes)?.commit()
}

/// An output written whole to a temporary file beside its target, not yet put in its place.
/// Dropped, the temporary file is removed; [`remove_staged`] removes every one still pending,
/// for a process that is interrupted.
pub struct Staged {
    /// `None` once committed.
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

/// The temporary files of the outputs staged and not yet committed or dropped.
static STAGED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn staged_files() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was held leaves it as it was, which is still right.
    STAGED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes the temporary files of every output staged and not committed: what an interrupted
/// build calls before it exits, so that no `.plenary-*.tmp` is left behind.
pub fn remove_staged() {
    for path in staged_files().drain(..) {
        let _ = std::fs::remove_file(path);
    }
}

/// Writes `bytes` whole to a temporary file beside `path`, with the mode the output will have.
pub fn stage(path: &Path, bytes: &[u8]) -> Result<Staged, BuildError> {
    let failed = |error: std::io::Error| BuildError::Write {
        path: path.to_path_buf(),
        // The temporary file's name would only puzzle: the error is said of the output.
        error: match error.raw_os_error() {
            Some(code) => std::io::Error::from_raw_os_error(code),
            None => error,
        },
    };
    // A folder in the output's place would refuse the rename only when the outputs are put in
    // place, after others were: it is refused here, before any is.
    if path.is_dir() {
        return Err(failed(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "a folder has that name",
        )));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let file = tempfile::Builder::new()
        .prefix(".plenary-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(failed)?;
    staged_files().push(file.path().to_path_buf());
    let staged = Staged {
        file: Some(file),
        path: path.to_path_buf(),
    };
    let temporary = staged.file.as_ref().expect("just staged");
    let mut file = temporary.as_file();
    file.write_all(bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    // A temporary file is private to its owner. A file written over keeps the mode it had (a
    // draft kept private stays private); a new output is a document to share, readable by all
    // like any file the user saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        std::fs::set_permissions(temporary.path(), std::fs::Permissions::from_mode(mode))
            .map_err(failed)?;
    }
    Ok(staged)
}

impl Staged {
    /// Puts the output in its place, over any file of its name.
    pub fn commit(mut self) -> Result<(), BuildError> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        let temporary = file.path().to_path_buf();
        let result = file
            .persist(&self.path)
            .map(|_| ())
            .map_err(|e| BuildError::Write {
                path: self.path.clone(),
                error: e.error,
            });
        staged_files().retain(|p| *p != temporary);
        result
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            let temporary = file.path();
            staged_files().retain(|p| p != temporary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_go_beside_the_source_or_into_the_folder() {
        let options = Options::default();
        let source = Path::new("drafts/beijing.decl");
        assert_eq!(
            output_path(source, None, Format::Html, &options),
            Path::new("drafts/beijing.html")
        );
        assert_eq!(
            output_path(source, Some(Path::new("out")), Format::Markdown, &options),
            Path::new("out/beijing.md")
        );
        let chinese = Options {
            language: Some("zh".to_string()),
            ..Options::default()
        };
        assert_eq!(
            output_path(source, None, Format::Json, &chinese),
            Path::new("drafts/beijing.zh.json")
        );
    }
}
