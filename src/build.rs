//! Building: a checked document to output files, one per format, written next to the source or
//! into a folder.
//!
//! Each format has one renderer of the shape [`Renderer`]; [`Format::renderer`] is the one place
//! that dispatches on the format, so a new output (the PDF) is one arm there. A file is written
//! atomically: into a temporary file in the target folder, then renamed over the target, so a
//! failed or interrupted build never leaves a half-written or clobbered output.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::ast::Document;
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

    /// The renderer of the format, or `None` for a format this build of plenary cannot write.
    pub fn renderer(self) -> Option<Renderer> {
        match self {
            Format::Markdown => Some(render::markdown::markdown),
            Format::Html => Some(render::html::html),
            Format::Json => Some(render::json::json),
            Format::Pdf => None,
        }
    }

    /// The formats this build of plenary can write: what `--to all` means.
    pub fn available() -> Vec<Format> {
        Format::ALL
            .into_iter()
            .filter(|f| f.renderer().is_some())
            .collect()
    }
}

/// Why a build could not write an output.
#[derive(Debug)]
pub enum BuildError {
    /// The format has no renderer in this build.
    Unavailable(Format),
    /// The renderer refused the document (a language version that does not exist).
    Render(RenderError),
    /// The file could not be written.
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Unavailable(format) => write!(
                f,
                "the {} output is not available in this version of plenary; build {} instead",
                format.extension().to_uppercase(),
                Format::available()
                    .iter()
                    .map(|f| f.extension())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            BuildError::Render(error) => error.fmt(f),
            BuildError::Write { path, error } => {
                write!(f, "cannot write `{}`: {error}", path.display())
            }
        }
    }
}

impl std::error::Error for BuildError {}

/// Renders a document in one format.
pub fn render(
    format: Format,
    document: &Document,
    options: &Options,
) -> Result<Vec<u8>, BuildError> {
    let renderer = format.renderer().ok_or(BuildError::Unavailable(format))?;
    renderer(document, options).map_err(BuildError::Render)
}

/// Where the output of `source` in `format` goes: `NAME.EXT` beside the source or in `folder`;
/// `NAME.LANG.EXT` for one language version asked for by name, so versions do not overwrite
/// each other.
pub fn output_path(
    source: &Path,
    folder: Option<&Path>,
    format: Format,
    options: &Options,
) -> PathBuf {
    let stem = source
        .file_stem()
        .map_or_else(|| "declaration".into(), |s| s.to_string_lossy());
    let name = match &options.language {
        Some(language) => format!("{stem}.{language}.{}", format.extension()),
        None => format!("{stem}.{}", format.extension()),
    };
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
    let failed = |error| BuildError::Write {
        path: path.to_path_buf(),
        error,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".plenary-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .map_err(failed)?;
    file.write_all(bytes).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    // A temporary file is private to its owner; an output is a document to share, readable by
    // all like any file the user saves.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(file.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(failed)?;
    }
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
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

    #[test]
    fn every_format_but_the_pdf_is_available() {
        assert_eq!(
            Format::available(),
            [Format::Markdown, Format::Html, Format::Json]
        );
    }
}
