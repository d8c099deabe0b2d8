//! The print-ready PDF: a declaration as a protocol office files it.
//!
//! Three steps, each in its own file: [`flow`] sets the print model as blocks of lines,
//! [`paginate`] puts them on pages (the page model of [`model`]: pages of positioned glyph runs,
//! rules and links), and [`write`] turns the page model into bytes; `write.rs` is the only user
//! of the PDF library. Text is set by [`text`] (shaping, line breaking, hyphenation,
//! justification) in the fonts of [`fonts`].

pub mod flow;
mod fonts;
pub mod model;
mod paginate;
mod text;
mod write;

use std::fmt;
use std::path::PathBuf;

use crate::render::print::Print;
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
    /// The creation date, in seconds since 1970 (from `SOURCE_DATE_EPOCH`); when `None`, the
    /// adoption date, so that output does not change from run to run.
    pub source_date_epoch: Option<i64>,
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
}

/// The Debian package of fonts that covers characters no installed font has: the CJK fonts
/// for Chinese, Japanese and Korean, a font of symbols for emoji and signs, else the Noto fonts
/// of the other scripts. Only characters that no font of the machine has are named, so the
/// package is one the machine lacks.
fn font_package(characters: &[char]) -> &'static str {
    if characters.iter().any(|&c| crate::unicode::is_cjk(c)) {
        "for Chinese, Japanese or Korean: the package fonts-noto-cjk"
    } else if characters
        .iter()
        .any(|&c| matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}'))
    {
        "for emoji and symbols: the package fonts-symbola"
    } else {
        "for most scripts: the package fonts-noto-core"
    }
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
                         help: install a font that covers them ({}), or give a font file with \
                         --font PATH",
                        characters.len(),
                        shown.join(", "),
                        font_package(characters)
                    ),
                }
            }
            PdfError::Font { message } | PdfError::Write { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for PdfError {}

/// Finds the installed fonts, which a PDF falls back on for what the shipped font lacks, so that
/// a PDF made later in the process need not wait for the search.
pub fn find_installed_fonts() {
    fonts::SYSTEM_FONTS_SEARCHED.store(true, std::sync::atomic::Ordering::Relaxed);
    fonts::system_fonts();
}

/// Starts finding the installed fonts on another thread if a PDF of `print` will need them
/// and no search has begun, so that the outputs made before the PDF pass while it runs.
pub fn find_installed_fonts_for(print: &Print) {
    fonts::start_finding_system_fonts_for(print);
}

/// Whether a PDF of this text would look among the installed fonts: whether it has characters
/// (Chinese, say) that the shipped fonts lack.
pub fn needs_installed_fonts(text: &str) -> bool {
    fonts::needs_installed_fonts(text)
}

/// Prints the print model as PDF: its texts one after the other, or the first two side by
/// side.
pub fn pdf(print: &Print, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts::FontSet::for_print(print, options.font.as_deref())?;
    let pages = laid_out(print, options, &fonts)?;
    write::write(pages, &fonts, &metadata(print, options))
}

/// The PDF as `plenary build` asks for it.
pub fn render(print: &Print, options: &Options) -> Result<Vec<u8>, RenderError> {
    pdf(print, &options.print).map_err(|error| RenderError {
        message: error.to_string(),
    })
}

/// The page model of a print model, before it is written: for tests and for tools that inspect
/// the layout.
pub fn pages(print: &Print, options: &PdfOptions) -> Result<Pages, PdfError> {
    let fonts = fonts::FontSet::for_print(print, options.font.as_deref())?;
    laid_out(print, options, &fonts)
}

fn laid_out(
    print: &Print,
    options: &PdfOptions,
    fonts: &fonts::FontSet,
) -> Result<Pages, PdfError> {
    let shaper = text::Shaper::new(fonts);
    let geometry = flow::Geometry::of(options.paper);
    let flow = flow::flow(print, &shaper, geometry);
    let pages = paginate::paginate(&flow, &shaper, geometry);
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
fn metadata(print: &Print, options: &PdfOptions) -> write::Metadata {
    let facts = &print.facts;
    let day = facts.adopted.or(facts.dates.map(|d| d.end));
    let created = match (options.source_date_epoch, day) {
        (Some(seconds), _) => jiff::Timestamp::from_second(seconds)
            .map(|t| t.strftime("D:%Y%m%d%H%M%SZ").to_string())
            .unwrap_or_else(|_| "D:19700101000000Z".to_string()),
        (None, Some(day)) => day.strftime("D:%Y%m%d000000Z").to_string(),
        (None, None) => "D:19700101000000Z".to_string(),
    };
    write::Metadata {
        title: facts.title.clone().unwrap_or_default(),
        subject: facts.series.clone().unwrap_or_default(),
        // The language of the text printed first: the one `--lang` asks for, else the original.
        language: print.first().language.clone(),
        created,
    }
}
