//! The fonts a PDF is set in: Caladea, the Latin serif shipped with plenary (regular, bold,
//! italic), and for other scripts a font given with `--font` or found among the installed ones.
//!
//! A system font is looked for only when the text has characters Caladea lacks, so a Latin
//! declaration never scans the system. The font database and every font file opened are kept for
//! the life of the process. A file is mapped, not read: a CJK collection is tens of megabytes, of
//! which a document touches the tables and the few thousand glyphs it uses.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use rustybuzz::ttf_parser;

use super::PdfError;
use crate::render::print::{Bullet, Inline, Paragraph, Part, Print, Subparagraph};

/// Caladea (SIL Open Font License 1.1, see `fonts/OFL.txt`).
const REGULAR: &[u8] = include_bytes!("../../../fonts/Caladea-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../fonts/Caladea-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../fonts/Caladea-Italic.ttf");

/// The face of the shipped regular, bold and italic, and of the first font for other scripts
/// (the CJK face, when the text has Chinese, Japanese or Korean). The faces after it are the
/// rest of the fallback chain, each for characters the faces before it lack.
pub const REGULAR_FACE: usize = 0;
pub const BOLD_FACE: usize = 1;
pub const ITALIC_FACE: usize = 2;
pub const FALLBACK_FACE: usize = 3;

/// Families tried, in order, for characters the shipped font lacks: serif first, to match it.
/// `{}` stands for the regional variant of the CJK fonts the printed languages call for (`SC`
/// for Simplified Chinese, `TC` for Traditional, `JP`, `KR`).
const SYSTEM_FAMILIES: &[&str] = &[
    "Noto Serif CJK {}",
    "Noto Serif CJK",
    "Source Han Serif {}",
    "Noto Sans CJK {}",
    "Noto Sans CJK",
    "Source Han Sans {}",
    "AR PL UMing CN",
    "WenQuanYi Zen Hei",
    "Noto Serif",
    "DejaVu Serif",
];

/// The families to try for the texts of `print`, in order: the CJK faces of the region of the
/// first CJK language printed (`zh-Hant` and `zh-TW` take the Traditional Chinese faces, whose
/// glyphs differ from the Simplified ones for the same characters).
fn system_families(print: &Print) -> Vec<String> {
    let variant = print
        .texts
        .iter()
        .find_map(|text| cjk_variant(&text.language))
        .unwrap_or("SC");
    SYSTEM_FAMILIES
        .iter()
        .map(|family| family.replace("{}", variant))
        .collect()
}

/// The regional variant of the CJK fonts for a language tag, if it is a CJK language.
fn cjk_variant(tag: &str) -> Option<&'static str> {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let language = parts.next()?;
    let rest: Vec<&str> = parts.collect();
    match language {
        "zh" if rest
            .iter()
            .any(|p| matches!(*p, "hant" | "tw" | "hk" | "mo")) =>
        {
            Some("TC")
        }
        "zh" => Some("SC"),
        "ja" => Some("JP"),
        "ko" => Some("KR"),
        _ => None,
    }
}

/// The bytes of one font face and where they came from.
#[derive(Clone)]
pub struct FontFile {
    /// The family name, or the file name when the font has none.
    pub name: String,
    pub bytes: FontBytes,
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
    /// The shipped faces, and a face for the characters they lack in the texts that are
    /// printed: the file at `font` when given, else an installed one. An English-only print of
    /// a bilingual declaration loads no CJK font.
    pub fn for_print(print: &Print, font: Option<&Path>) -> Result<FontSet, PdfError> {
        let mut files = FontSet::shipped().files;
        let regular = shipped_regular();
        let missing: BTreeSet<char> = printed_chars(print)
            .into_iter()
            .filter(|&c| lacks(&regular, c))
            .collect();
        let families = system_families(print);
        if let Some(path) = font {
            files.push(given_font(path, &missing, &families)?);
        } else if !missing.is_empty() {
            files.extend(system_fonts_for(&missing, &families)?);
        }
        Ok(FontSet { files })
    }

    /// The faces that ship with plenary, and no other.
    pub fn shipped() -> FontSet {
        let shipped = |name: &str, bytes: &'static [u8]| FontFile {
            name: name.to_string(),
            bytes: FontBytes(Arc::new(Backing::Shipped(bytes))),
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
/// face is chosen as among installed fonts: the first of `families` that covers the text (the
/// Chinese face before the Japanese one that comes first in Noto's CJK collections), else the
/// first face that does.
fn given_font(
    path: &Path,
    missing: &BTreeSet<char>,
    families: &[String],
) -> Result<FontFile, PdfError> {
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
        families
            .iter()
            .position(|f| *f == name)
            .unwrap_or(families.len())
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

/// The installed fonts that, together, cover every character of `missing`: a fallback chain.
/// The families of `families` are tried in order, then every other installed face (regular
/// upright ones first); each face that has some of the characters still uncovered joins the
/// chain and takes them. So Chinese goes to the CJK face, Hebrew beside it to a face that has
/// Hebrew, and only the characters that no installed font has are refused.
fn system_fonts_for(
    missing: &BTreeSet<char>,
    families: &[String],
) -> Result<Vec<FontFile>, PdfError> {
    let database = system_fonts();
    let regular = |face: &&fontdb::FaceInfo| {
        face.style == fontdb::Style::Normal && face.weight == fontdb::Weight::NORMAL
    };
    let named = families.iter().filter_map(|family| {
        database
            .faces()
            .filter(regular)
            .find(|face| face.families.iter().any(|(name, _)| name == family))
    });
    let others = database
        .faces()
        .filter(regular)
        .chain(database.faces().filter(|face| !regular(face)));
    let mut uncovered = missing.clone();
    let mut chain = Vec::new();
    let mut tried = std::collections::HashSet::new();
    for face in named.chain(others) {
        if uncovered.is_empty() {
            break;
        }
        if !tried.insert(face.id) {
            continue;
        }
        let covered: Vec<char> = database
            .with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index).map_or_else(
                    |_| Vec::new(),
                    |parsed| {
                        uncovered
                            .iter()
                            .copied()
                            .filter(|&c| parsed.glyph_index(c).is_some())
                            .collect()
                    },
                )
            })
            .unwrap_or_default();
        if covered.is_empty() {
            continue;
        }
        let fontdb::Source::File(path) = &face.source else {
            continue;
        };
        let bytes = read_cached(path).map_err(|e| PdfError::Font {
            message: format!("cannot read the font `{}`: {e}", path.display()),
        })?;
        let name = face
            .families
            .first()
            .map_or_else(|| path.display().to_string(), |(name, _)| name.clone());
        chain.push(FontFile {
            name,
            bytes,
            index: face.index,
        });
        for c in covered {
            uncovered.remove(&c);
        }
    }
    if !uncovered.is_empty() {
        return Err(PdfError::MissingGlyphs {
            characters: uncovered.into_iter().collect(),
            font: None,
        });
    }
    Ok(chain)
}

/// The shipped regular face, by which a PDF tells what the shipped faces lack.
fn shipped_regular() -> ttf_parser::Face<'static> {
    ttf_parser::Face::parse(REGULAR, 0).expect("the shipped font parses")
}

/// Whether the shipped faces lack a character that is drawn.
fn lacks(regular: &ttf_parser::Face, c: char) -> bool {
    !super::text::needs_no_glyph(c) && regular.glyph_index(c).is_none()
}

/// Whether a text has characters that the shipped faces lack, for which a PDF of it looks
/// among the installed fonts. Letters of ASCII are in every shipped face.
pub(super) fn needs_installed_fonts(text: &str) -> bool {
    if text.is_ascii() {
        return false;
    }
    let regular = shipped_regular();
    text.chars()
        .filter(|c| !c.is_ascii())
        .any(|c| lacks(&regular, c))
}

/// Whether the installed fonts are being found or were found: the search runs once, and a
/// build of many files starts no thread for it after the first.
pub(super) static SYSTEM_FONTS_SEARCHED: AtomicBool = AtomicBool::new(false);

/// Starts finding the installed fonts on another thread if `print` has characters the shipped
/// faces lack and no search has begun.
pub(super) fn start_finding_system_fonts_for(print: &Print) {
    if SYSTEM_FONTS_SEARCHED.load(Ordering::Relaxed) {
        return;
    }
    let regular = shipped_regular();
    if printed_chars(print).into_iter().any(|c| lacks(&regular, c))
        && !SYSTEM_FONTS_SEARCHED.swap(true, Ordering::Relaxed)
    {
        // A thread that cannot be started leaves the search to the PDF, which makes it when
        // it needs the fonts.
        let _ = std::thread::Builder::new()
            .name("fonts".to_string())
            .spawn(|| {
                system_fonts();
            });
    }
}

/// The installed fonts, found once per process.
pub(super) fn system_fonts() -> &'static fontdb::Database {
    static DATABASE: OnceLock<fontdb::Database> = OnceLock::new();
    DATABASE.get_or_init(|| {
        let mut database = fontdb::Database::new();
        database.load_system_fonts();
        database
    })
}

/// The bytes of a font: shipped in the binary, or a mapped file. Cloning shares them.
#[derive(Clone)]
pub struct FontBytes(Arc<Backing>);

enum Backing {
    Shipped(&'static [u8]),
    Mapped(memmap2::Mmap),
}

impl std::ops::Deref for FontBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &*self.0 {
            Backing::Shipped(bytes) => bytes,
            Backing::Mapped(map) => map,
        }
    }
}

/// The bytes of a font file, mapped once per process.
fn read_cached(path: &Path) -> std::io::Result<FontBytes> {
    static FILES: OnceLock<Mutex<HashMap<PathBuf, FontBytes>>> = OnceLock::new();
    let files = FILES.get_or_init(Default::default);
    if let Some(bytes) = files.lock().expect("no panic while locked").get(path) {
        return Ok(bytes.clone());
    }
    let file = std::fs::File::open(path)?;
    // SAFETY: the map is read-only. A font file changed or cut short by another program while
    // plenary runs would change or fault what is read, as it would for every program that maps
    // its fonts (fontdb maps the same files); installed fonts are replaced, not rewritten, by
    // the package manager.
    #[allow(unsafe_code)]
    let map = unsafe { memmap2::Mmap::map(&file)? };
    let bytes = FontBytes(Arc::new(Backing::Mapped(map)));
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

/// Every character the print model prints but the printable ASCII ones, which every shipped
/// face has: titles, the lines under them, every word of the text and its footnotes, what
/// references print, the annex and the closing. Page numbers and footnote numbers are ASCII.
/// (Gathering the ASCII letters of an English text too was a tenth of the time of its PDF's
/// fonts.)
fn printed_chars(print: &Print) -> BTreeSet<char> {
    let mut chars = BTreeSet::new();
    let mut add = |s: &str| {
        if !s.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
            chars.extend(s.chars().filter(|&c| !(c == ' ' || c.is_ascii_graphic())));
        }
    };
    if print.draft {
        add(crate::render::DRAFT_NOTICE);
    }
    fn inlines(content: &[Inline], add: &mut dyn FnMut(&str)) {
        for inline in content {
            match inline {
                Inline::Text(text) | Inline::Fact { text, .. } => add(text),
                Inline::Emphasis(content)
                | Inline::Strong(content)
                | Inline::Link { content, .. } => inlines(content, add),
                Inline::Quote {
                    open,
                    close,
                    content,
                } => {
                    add(open);
                    add(close);
                    inlines(content, add);
                }
                Inline::FootnoteRef { id, number, .. } => {
                    if number.is_none() {
                        add(id);
                    }
                }
                Inline::Reference { label, target } => match target {
                    Some(target) => add(&target.text),
                    None => add(label),
                },
            }
        }
    }
    fn paragraph(p: &Paragraph, add: &mut dyn FnMut(&str)) {
        if let Some(number) = &p.number {
            add(&number.printed());
        }
        inlines(&p.content, add);
        fn bullets(list: &[Bullet], add: &mut dyn FnMut(&str)) {
            for b in list {
                add(super::flow::BULLET);
                inlines(&b.content, add);
                bullets(&b.bullets, add);
            }
        }
        fn subparagraphs(list: &[Subparagraph], add: &mut dyn FnMut(&str)) {
            for s in list {
                add(&s.marker);
                inlines(&s.content, add);
                bullets(&s.bullets, add);
                subparagraphs(&s.subparagraphs, add);
            }
        }
        bullets(&p.bullets, add);
        subparagraphs(&p.subparagraphs, add);
    }
    for text in &print.texts {
        for (_, part) in text.parts() {
            match part {
                Part::Title(text) => {
                    for line in [&text.title, &text.place_and_date].into_iter().flatten() {
                        add(line);
                    }
                }
                Part::Heading(_, heading) => inlines(&heading.content, &mut add),
                Part::Paragraph(p) => paragraph(p, &mut add),
                Part::Footnotes(footnotes) => {
                    for footnote in footnotes {
                        inlines(&footnote.content, &mut add);
                    }
                }
                Part::Annex(annex) => {
                    add(&annex.heading);
                    for group in &annex.groups {
                        add(&group.heading);
                    }
                    for member in annex
                        .members
                        .iter()
                        .chain(annex.groups.iter().flat_map(|g| &g.members))
                    {
                        add(&member.name);
                    }
                }
                Part::Closing(closing) => {
                    for line in [&closing.line, &closing.by].into_iter().flatten() {
                        add(line);
                    }
                }
                Part::Signatures(block) => {
                    for signatory in &block.signatories {
                        let lines = [&signatory.party, &signatory.name].into_iter().flatten();
                        for line in lines.chain(&signatory.titles) {
                            add(line);
                        }
                    }
                }
            }
        }
    }
    chars
}

#[cfg(test)]
mod tests {
    use super::{lacks, needs_installed_fonts, shipped_regular};

    #[test]
    fn every_shipped_face_has_the_printable_ascii_characters() {
        // What the search for characters the shipped faces lack passes over without asking.
        let regular = shipped_regular();
        let lacked: Vec<char> = (' '..='~').filter(|&c| lacks(&regular, c)).collect();
        assert!(lacked.is_empty(), "{lacked:?}");
        for face in [super::BOLD, super::ITALIC] {
            let face = super::ttf_parser::Face::parse(face, 0).expect("a shipped face parses");
            let lacked: Vec<char> = (' '..='~').filter(|&c| lacks(&face, c)).collect();
            assert!(lacked.is_empty(), "{lacked:?}");
        }
    }

    #[test]
    fn only_a_text_with_characters_the_shipped_fonts_lack_needs_the_installed_ones() {
        assert!(!needs_installed_fonts("The Ministers met in Beijing."));
        assert!(!needs_installed_fonts(
            "Côte d’Ivoire, Türkiye — “São Tomé”"
        ));
        // Characters that draw nothing need no font.
        assert!(!needs_installed_fonts("Viet\u{200B}Nam\u{FEFF}"));
        assert!(needs_installed_fonts("The Ministers met in 北京."));
    }
}
