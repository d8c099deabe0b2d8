//! The fonts a PDF is set in: Caladea, the Latin serif shipped with plenary (regular, bold,
//! italic), and for other scripts a font given with `--font` or found among the installed ones.
//!
//! A system font is looked for only when the text has characters Caladea lacks, so a Latin
//! declaration never scans the system. The font database and every font file read are kept for
//! the life of the process: a CJK collection is tens of megabytes, and reading it once is enough.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser;

use super::PdfError;
use crate::ast::{Document, Inline};

/// Caladea (SIL Open Font License 1.1, see `fonts/OFL.txt`).
const REGULAR: &[u8] = include_bytes!("../../../fonts/Caladea-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/Caladea-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../fonts/Caladea-Italic.ttf");

/// The face of the shipped regular, bold and italic, and of the font for other scripts.
pub const REGULAR_FACE: usize = 0;
pub const BOLD_FACE: usize = 1;
pub const ITALIC_FACE: usize = 2;
pub const FALLBACK_FACE: usize = 3;

/// Families tried, in order, for characters the shipped font lacks: serif first, to match it.
const SYSTEM_FAMILIES: &[&str] = &[
    "Noto Serif CJK SC",
    "Noto Serif CJK",
    "Source Han Serif SC",
    "Noto Sans CJK SC",
    "Noto Sans CJK",
    "Source Han Sans SC",
    "AR PL UMing CN",
    "WenQuanYi Zen Hei",
    "Noto Serif",
    "DejaVu Serif",
];

/// The bytes of one font face and where they came from.
#[derive(Clone)]
pub struct FontFile {
    /// The family name, or the file name when the font has none.
    pub name: String,
    pub bytes: Arc<[u8]>,
    /// The face within a collection (`.ttc`); 0 for a single font.
    pub index: u32,
}

impl std::fmt::Debug for FontFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} (face {}, {} bytes)",
            self.name,
            self.index,
            self.bytes.len()
        )
    }
}

/// The faces of one document, indexed by the `*_FACE` constants.
#[derive(Debug, Clone)]
pub struct FontSet {
    pub files: Vec<FontFile>,
}

impl FontSet {
    /// The shipped faces, and a face for the characters they lack in the versions of `document`
    /// that are printed (all, or the one in `language`): the file at `font` when given, else an
    /// installed one. An English-only print of a bilingual declaration loads no CJK font.
    pub fn for_document(
        document: &Document,
        font: Option<&Path>,
        language: Option<&str>,
    ) -> Result<FontSet, PdfError> {
        let mut files = FontSet::shipped().files;
        let regular = ttf_parser::Face::parse(REGULAR, 0).expect("the shipped font parses");
        let missing: BTreeSet<char> = document_chars(document, language)
            .into_iter()
            .filter(|&c| !c.is_control() && regular.glyph_index(c).is_none())
            .collect();
        if let Some(path) = font {
            files.push(given_font(path, &missing)?);
        } else if !missing.is_empty() {
            files.push(system_font(&missing)?);
        }
        Ok(FontSet { files })
    }

    /// The faces that ship with plenary, and no other.
    pub fn shipped() -> FontSet {
        let shipped = |name: &str, bytes: &'static [u8]| FontFile {
            name: name.to_string(),
            bytes: Arc::from(bytes),
            index: 0,
        };
        FontSet {
            files: vec![
                shipped("Caladea", REGULAR),
                shipped("Caladea Bold", BOLD),
                shipped("Caladea Italic", ITALIC),
            ],
        }
    }

    /// Whether a face for other scripts was loaded.
    pub fn has_fallback(&self) -> bool {
        self.files.len() > FALLBACK_FACE
    }
}

/// Reads the file at `font` and checks that it covers `missing`. In a collection (`.ttc`), the
/// face is chosen as among installed fonts: the first of `SYSTEM_FAMILIES` that covers the text
/// (Simplified Chinese before the Japanese face that comes first in Noto's CJK collections),
/// else the first face that does.
fn given_font(path: &Path, missing: &BTreeSet<char>) -> Result<FontFile, PdfError> {
    let bytes = read_cached(path).map_err(|e| PdfError::Font {
        message: format!("cannot read the font `{}`: {e}", path.display()),
    })?;
    let count = ttf_parser::fonts_in_collection(&bytes).unwrap_or(1);
    let faces: Vec<(u32, ttf_parser::Face)> = (0..count)
        .filter_map(|i| Some((i, ttf_parser::Face::parse(&bytes, i).ok()?)))
        .collect();
    let Some((_, first)) = faces.first() else {
        return Err(PdfError::Font {
            message: format!("`{}` is not a font plenary can read", path.display()),
        });
    };
    let covers = |face: &ttf_parser::Face| missing.iter().all(|&c| face.glyph_index(c).is_some());
    let rank = |face: &ttf_parser::Face| {
        let name = family_name(face).unwrap_or_default();
        SYSTEM_FAMILIES
            .iter()
            .position(|f| *f == name)
            .unwrap_or(SYSTEM_FAMILIES.len())
    };
    let Some((index, face)) = faces
        .iter()
        .filter(|(_, face)| covers(face))
        .min_by_key(|(i, face)| (rank(face), *i))
    else {
        return Err(PdfError::MissingGlyphs {
            characters: missing
                .iter()
                .copied()
                .filter(|&c| first.glyph_index(c).is_none())
                .collect(),
            font: Some(path.display().to_string()),
        });
    };
    let name = family_name(face).unwrap_or_else(|| path.display().to_string());
    Ok(FontFile {
        name,
        bytes: bytes.clone(),
        index: *index,
    })
}

/// An installed font that covers every character of `missing`, preferring the families of
/// `SYSTEM_FAMILIES` in order, then any other.
fn system_font(missing: &BTreeSet<char>) -> Result<FontFile, PdfError> {
    let database = system_fonts();
    let covers = |id: fontdb::ID| {
        database
            .with_face_data(id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .is_ok_and(|face| missing.iter().all(|&c| face.glyph_index(c).is_some()))
            })
            .unwrap_or(false)
    };
    let named = SYSTEM_FAMILIES.iter().filter_map(|family| {
        database.faces().find(|face| {
            face.families.iter().any(|(name, _)| name == family)
                && face.style == fontdb::Style::Normal
                && face.weight == fontdb::Weight::NORMAL
        })
    });
    let chosen = named
        .chain(database.faces())
        .find(|face| covers(face.id))
        .ok_or_else(|| PdfError::MissingGlyphs {
            characters: missing.iter().copied().collect(),
            font: None,
        })?;
    let fontdb::Source::File(path) = &chosen.source else {
        unreachable!("the system database holds only font files")
    };
    let bytes = read_cached(path).map_err(|e| PdfError::Font {
        message: format!("cannot read the font `{}`: {e}", path.display()),
    })?;
    let name = chosen
        .families
        .first()
        .map_or_else(|| path.display().to_string(), |(name, _)| name.clone());
    Ok(FontFile {
        name,
        bytes,
        index: chosen.index,
    })
}

/// The installed fonts, found once per process.
fn system_fonts() -> &'static fontdb::Database {
    static DATABASE: OnceLock<fontdb::Database> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = fontdb::Database::new();
        database.load_system_fonts();
        database
    })
}

/// The bytes of a font file, read once per process.
fn read_cached(path: &Path) -> std::io::Result<Arc<[u8]>> {
    static FILES: OnceLock<Mutex<HashMap<PathBuf, Arc<[u8]>>>> = OnceLock::new();
    let files = FILES.get_or_init(Default::default);
    if let Some(bytes) = files.lock().expect("no panic while locked").get(path) {
        return Ok(bytes.clone());
    }
    let bytes: Arc<[u8]> = Arc::from(std::fs::read(path)?);
    files
        .lock()
        .expect("no panic while locked")
        .insert(path.to_path_buf(), bytes.clone());
    Ok(bytes)
}

fn family_name(face: &ttf_parser::Face) -> Option<String> {
    face.names()
        .into_iter()
        .find(|n| n.name_id == ttf_parser::name_id::FAMILY && n.is_unicode())
        .and_then(|n| n.to_string())
}

/// Every character the document prints, near enough: its header, every inline text and fact,
/// the annex and the closing. Dates and numbers are ASCII or, in a Chinese version, CJK
/// characters that its text has anyway; a character missed here is still reported after layout.
fn document_chars(document: &Document, language: Option<&str>) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let mut add = |s: &str| chars.extend(s.chars());
    let header = &document.header;
    for field in &header.fields {
        add(&field.value.value);
    }
    let printed = document
        .versions
        .iter()
        .filter(|v| language.is_none_or(|l| document.language_of(v) == l));
    for version in printed {
        if let Some(header) = &version.header {
            for field in &header.fields {
                add(&field.value.value);
            }
        }
        version.for_each_inline(&mut |inline| match inline {
            Inline::Text { text, .. } => add(text),
            Inline::Fact { text, .. } => add(&text.value),
            Inline::Link { target, .. } => add(target),
            _ => {}
        });
        if let Some(annex) = &version.annex {
            add(&annex.title.value);
            for group in &annex.groups {
                add(&group.name.value);
            }
            for member in annex.all_members() {
                add(&member.name);
            }
        }
        if let Some(closing) = &version.closing {
            for field in &closing.fields {
                add(&field.value.value);
            }
        }
    }
    chars
}
