//! The print-ready PDF: a declaration as a protocol office files it.
//!
//! Two steps, each in its own file: [`layout`] turns the syntax tree into the page model
//! ([`model`]: pages of positioned glyph runs, rules and links), and [`write`] turns the page
//! model into bytes; `write.rs` is the only user of the PDF library. Text is set by
//! [`text`] (shaping, line breaking, hyphenation, justification) in the fonts of [`fonts`].

mod fonts;
pub mod layout;
pub mod model;
mod text;
mod write;

use std::fmt;
use std::path::PathBuf;

use crate::ast::Document;
use crate::render::{Options, RenderError};

pub use model::Pages;

/// The paper size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// How to print.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PdfOptions {
    pub paper: Paper,
    /// A font file for the characters the shipped Latin font lacks (Chinese, say); without it,
    /// an installed font is looked for.
    pub font: Option<PathBuf>,
    /// Print only the version in this language (`zh`); all versions when `None`.
    pub language: Option<String>,
    /// Set the first two versions side by side, paragraph beside paragraph.
    pub parallel: bool,
    /// The creation date, in seconds since 1970 (from `SOURCE_DATE_EPOCH`); when `None`, the
    /// adoption date, so that output does not change from run to run.
    pub source_date_epoch: Option<i64>,
    /// The source has errors: the first page says that this is a preview, not the declaration.
    pub draft: bool,
}

/// Why no PDF could be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Characters that no available font can show.
    MissingGlyphs {
        characters: Vec<char>,
        /// The font given with `--font`, when there was one.
        font: Option<String>,
    },
    /// A font that cannot be read or embedded.
    Font { message: String },
    /// The PDF could not be written.
    Write { message: String },
    /// `--lang` names no version of the document.
    NoSuchLanguage {
        language: String,
        available: Vec<String>,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::MissingGlyphs { characters, font } => {
                let shown: Vec<String> = characters
                    .iter()
                    .take(8)
                    .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                    .collect();
                let more = characters.len().saturating_sub(8);
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                let plural = if characters.len() == 1 { "" } else { "s" };
                match font {
                    Some(font) => write!(
                        f,
                        "the font `{font}` has no glyph for {} character{plural} of the text: {}{more}\n\
                         help: give a font that covers them with --font PATH",
                        characters.len(),
                        shown.join(", ")
                    ),
                    None => write!(
                        f,
                        "no installed font has a glyph for {} character{plural} of the text: {}{more}\n\
                         help: install a font that covers them (for Chinese, Japanese or Korean: \
                         the package fonts-noto-cjk), or give a font file with --font PATH",
                        characters.len(),
                        shown.join(", ")
                    ),
                }
            }
            PdfError::Font { message } | PdfError::Write { message } => f.write_str(message),
            PdfError::NoSuchLanguage {
                language,
                available,
            } => write!(
                f,
                "the declaration has no `{language}` version; its versions are: {}",
                available.join(", ")
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Prints a document as PDF.
pub fn pdf(document: &Document, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::FontSet::for_document(
        document,
        options.font.as_deref(),
        options.language.as_deref(),
    )?;
    let pages = laid_out(document, options, &fonts)?;
    write::write(&pages, &fonts, &metadata(document, options))
}

/// The PDF as `plenary build` asks for it: the shared options decide the language, the
/// parallel setting and the draft notice, so that every format of one build agrees.
pub fn render(document: &Document, options: &Options) -> Result<Vec<u8>, RenderError> {
    // The same refusal, in the same words, as every other format for a version that is missing.
    crate::render::versions(document, options)?;
    let print = PdfOptions {
        language: options.language.clone(),
        parallel: options.parallel,
        draft: options.draft,
        ..options.print.clone()
    };
    pdf(document, &print).map_err(|error| RenderError {
        message: error.to_string(),
    })
}

/// The page model of a document, before it is written: for tests and for tools that inspect
/// the layout.
pub fn pages(document: &Document, options: &PdfOptions) -> Result<Pages, PdfError> {
    let fonts = fonts::FontSet::for_document(
        document,
        options.font.as_deref(),
        options.language.as_deref(),
    )?;
    laid_out(document, options, &fonts)
}

fn laid_out(
    document: &Document,
    options: &PdfOptions,
    fonts: &fonts::FontSet,
) -> Result<Pages, PdfError> {
    if let Some(language) = &options.language {
        let available: Vec<String> = document
            .versions
            .iter()
            .map(|v| document.language_of(v).to_string())
            .collect();
        if !available.contains(language) {
            return Err(PdfError::NoSuchLanguage {
                language: language.clone(),
                available,
            });
        }
    }
    let shaper = text::Shaper::new(fonts);
    let pages = layout::layout(document, &shaper, options);
    let missing = shaper.missing();
    if !missing.is_empty() {
        let font = fonts
            .has_fallback()
            .then(|| options.font.as_ref().map(|p| p.display().to_string()))
            .flatten();
        return Err(PdfError::MissingGlyphs {
            characters: missing.into_iter().collect(),
            font,
        });
    }
    Ok(pages)
}

/// The document's title, series, language and creation date.
fn metadata(document: &Document, options: &PdfOptions) -> write::Metadata {
    let header = &document.header;
    let day = header
        .adopted
        .as_ref()
        .map(|d| d.value)
        .or_else(|| header.dates.as_ref().map(|d| d.value.end));
    let created = match (options.source_date_epoch, day) {
        (Some(seconds), _) => jiff::Timestamp::from_second(seconds)
            .map(|t| t.strftime("D:%Y%m%d%H%M%SZ").to_string())
            .unwrap_or_else(|_| "D:19700101000000Z".to_string()),
        (None, Some(day)) => day.strftime("D:%Y%m%d000000Z").to_string(),
        (None, None) => "D:19700101000000Z".to_string(),
    };
    write::Metadata {
        title: header
            .title
            .as_ref()
            .map_or_else(String::new, |t| t.value.clone()),
        subject: header
            .series
            .as_ref()
            .map_or_else(String::new, |s| s.value.clone()),
        language: document
            .versions
            .first()
            .map_or("en", |v| document.language_of(v))
            .to_string(),
        created,
    }
}
