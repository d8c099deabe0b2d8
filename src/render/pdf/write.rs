//! Writing: the page model to PDF bytes. The only file that uses printpdf (and lopdf, which
//! printpdf builds on), so that the backend can be swapped without touching the layout.
//!
//! Each face is subset here, with `subsetter`, to the glyphs the pages draw, and printpdf is given
//! only the subset: it draws the pages and embeds that small font as it is. (printpdf's own
//! subsetting needs its `text_layout` feature, which brings a layout engine, a second shaper and
//! a font database into the build, and it parses the whole face first, which for a CJK collection
//! means holding and walking tens of megabytes.) What printpdf does not do
//! the way a filed document needs is finished here on its lopdf document: the nested outline in
//! reading order, the language, the dates and a file identifier derived from the content, so
//! that the same declaration gives the same bytes on every run.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, FontId, LinkAnnotation, Op, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem, TextMatrix,
};

use subsetter::GlyphRemapper;

use super::fonts::FontSet;
use super::model::{GlyphRun, Item, Pages};
use super::PdfError;

/// What the document says about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    /// The series of meetings.
    pub subject: String,
    /// The language tag of the original, such as `en`.
    pub language: String,
    /// The creation date as PDF writes it: `D:20071031000000Z`.
    pub created: String,
}

/// The page model as PDF bytes. The pages are taken, not borrowed: the text of each glyph
/// moves into the PDF's text map instead of being copied.
pub fn write(mut pages: Pages, fonts: &FontSet, metadata: &Metadata) -> Result<Vec<u8>, PdfError> {
    let mut document = PdfDocument::new(&metadata.title);
    // The glyphs each face draws: they decide which faces are embedded, and their subset tags.
    let mut used: BTreeMap<usize, BTreeSet<u16>> = BTreeMap::new();
    for item in pages.pages.iter().flat_map(|p| &p.items) {
        if let Item::Text(run) = item {
            used.entry(run.face)
                .or_default()
                .extend(run.glyphs.iter().map(|g| g.id));
        }
    }
    let ids: BTreeMap<usize, FontId> = used
        .iter()
        .map(|(&face, glyphs)| (face, subset_tag(&fonts.files[face].name, glyphs)))
        .collect();
    // Each face is parsed once here, for its name and for the advances that glyph
    // positions are measured from.
    let faces: Vec<rustybuzz::ttf_parser::Face> = fonts
        .files
        .iter()
        .map(|f| rustybuzz::ttf_parser::Face::parse(&f.bytes, f.index))
        .collect::<Result<_, _>>()
        .map_err(|e| PdfError::Font {
            message: format!("a font cannot be read: {e}"),
        })?;
    // The new number of each glyph in its face's subset, by face.
    let mut remappers: BTreeMap<usize, GlyphRemapper> = BTreeMap::new();
    for (&face, glyphs) in &used {
        let file = &fonts.files[face];
        let cannot = |why: String| PdfError::Font {
            message: format!("the font `{}` cannot be embedded: {why}", file.name),
        };
        // In the order of the old numbers, so that the same glyphs give the same subset.
        let remapper =
            GlyphRemapper::new_from_glyphs_sorted(&glyphs.iter().copied().collect::<Vec<_>>());
        let subset = subsetter::subset(&file.bytes, file.index, &remapper)
            .map_err(|e| cannot(e.to_string()))?;
        let mut warnings = Vec::new();
        let mut parsed = ParsedFont::from_bytes(&subset, 0, &mut warnings)
            .ok_or_else(|| cannot("its subset cannot be read back".to_string()))?;
        // The name PDF readers show, after the tag that marks a subset (ISO 32000-1, 9.6.4).
        parsed.font_name = Some(format!(
            "{}+{}",
            ids[&face].0,
            postscript_name(&faces[face]).unwrap_or_else(|| file.name.replace(' ', ""))
        ));
        remappers.insert(face, remapper);
        // Resource names are chosen here, not left random, so that output is reproducible.
        document
            .resources
            .fonts
            .map
            .insert(ids[&face].clone(), printpdf::PdfFont::new(parsed));
    }
    let (width, height) = pages.size;
    let pdf_pages = pages
        .pages
        .iter_mut()
        .map(|page| {
            let mut ops = Vec::new();
            let mut in_text = false;
            let mut font: Option<(usize, f32)> = None;
            for item in &mut page.items {
                match item {
                    Item::Text(run) => {
                        if !in_text {
                            ops.push(Op::StartTextSection);
                            in_text = true;
                        }
                        if font != Some((run.face, run.size)) {
                            ops.push(Op::SetFont {
                                font: PdfFontHandle::External(ids[&run.face].clone()),
                                size: Pt(run.size),
                            });
                            font = Some((run.face, run.size));
                        }
                        ops.push(Op::SetTextMatrix {
                            matrix: TextMatrix::Translate(Pt(run.x), Pt(height - run.baseline)),
                        });
                        let face = run.face;
                        ops.push(Op::ShowText {
                            items: vec![TextItem::GlyphIds(codepoints(
                                run,
                                &faces[face],
                                &remappers[&face],
                            ))],
                        });
                    }
                    &mut Item::Rule {
                        x,
                        y,
                        width,
                        thickness,
                    } => {
                        if in_text {
                            ops.push(Op::EndTextSection);
                            in_text = false;
                        }
                        ops.push(Op::SetFillColor {
                            col: Color::Greyscale(printpdf::Greyscale::new(0.0, None)),
                        });
                        // A rule is a thin filled rectangle; printpdf's default mode paints nothing.
                        let rule = printpdf::Rect::from_xywh(
                            Pt(x),
                            Pt(height - y - thickness / 2.0),
                            Pt(width),
                            Pt(thickness),
                        );
                        ops.push(Op::DrawRectangle {
                            rectangle: printpdf::Rect {
                                mode: Some(printpdf::PaintMode::Fill),
                                ..rule
                            },
                        });
                    }
                    Item::Link { rect, target, .. } => {
                        ops.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                printpdf::Rect::from_xywh(
                                    Pt(rect.x),
                                    Pt(height - rect.y - rect.height),
                                    Pt(rect.width),
                                    Pt(rect.height),
                                ),
                                Actions::Goto(printpdf::Destination::Xyz {
                                    page: target.page + 1,
                                    left: None,
                                    top: Some(height - target.y + 4.0),
                                    zoom: None,
                                }),
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                Some(ColorArray::Transparent),
                                None,
                            ),
                        });
                    }
                }
            }
            if in_text {
                ops.push(Op::EndTextSection);
            }
            PdfPage::new(
                printpdf::Mm::from(Pt(width)),
                printpdf::Mm::from(Pt(height)),
                ops,
            )
        })
        .collect();
    document.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = document.to_lopdf_document(&options, &mut warnings);
    finish(&mut pdf, &pages, metadata);
    compress(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes).map_err(|e| PdfError::Write {
        message: e.to_string(),
    })?;
    Ok(bytes)
}

/// How hard the streams are compressed. lopdf's own `compress` uses the best level (9), which
/// was 15% of the time of an English build. The fastest level makes the English ASEM
/// declaration 52 KB instead of 43 KB and the bilingual one 184 KB instead of 166 KB, sizes no
/// reader or mail server minds, and saves about a tenth of the build.
const COMPRESSION: u32 = 1;

/// Compresses every stream that may be compressed and is not yet, where that makes it smaller.
fn compress(pdf: &mut lopdf::Document) {
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(
            Vec::with_capacity(stream.content.len() / 2),
            flate2::Compression::new(COMPRESSION),
        );
        let compressed = encoder
            .write_all(&stream.content)
            .and_then(|()| encoder.finish());
        // Writing to memory cannot fail; a stream that somehow did stays as it was. A stream
        // is compressed only if that saves more than the 19 bytes `/Filter /FlateDecode` adds.
        if let Ok(compressed) = compressed {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    }
}

/// The font's resource name, which printpdf also puts before the font's name as the subset
/// tag: six capital letters, as PDF readers expect of a subset, taken from the font and the
/// glyphs it draws, so that the same document gets the same tags.
fn subset_tag(name: &str, glyphs: &BTreeSet<u16>) -> FontId {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    name.hash(&mut hasher);
    glyphs.hash(&mut hasher);
    let mut hash = hasher.finish();
    let tag = (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect();
    FontId(tag)
}

/// The PostScript name of a face, which PDF gives its fonts; `None` when the face has none.
fn postscript_name(face: &rustybuzz::ttf_parser::Face) -> Option<String> {
    face.names()
        .into_iter()
        .filter(|name| name.name_id == rustybuzz::ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|name| name.to_string())
        // A PDF name cannot hold spaces or delimiters; a well-made font has none there.
        .map(|name| {
            name.chars()
                .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
                .collect()
        })
        .filter(|name: &String| !name.is_empty())
}

/// The glyphs of a run as PDF codepoints, numbered as in the face's subset: each glyph's own
/// advance is the font's, so the space to the next glyph's position (kerning, justification) is
/// given as an adjustment.
fn codepoints(
    run: &mut GlyphRun,
    face: &rustybuzz::ttf_parser::Face,
    remapper: &GlyphRemapper,
) -> Vec<Codepoint> {
    let scale = run.size / face.units_per_em() as f32;
    let size = run.size;
    let glyphs = &mut run.glyphs;
    (0..glyphs.len())
        .map(|i| {
            let next_x = glyphs.get(i + 1).map(|next| next.x);
            let glyph = &mut glyphs[i];
            let natural = face
                .glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(glyph.id))
                .unwrap_or(0) as f32
                * scale;
            let offset = match next_x {
                Some(next_x) => -((next_x - glyph.x - natural) / size * 1000.0),
                None => 0.0,
            };
            // Rounded to a hundredth of a unit: invisible, and it keeps the file small.
            let offset = (offset * 100.0).round() / 100.0;
            // Every glyph drawn was remapped when the subset was made.
            let id = remapper.get(glyph.id).unwrap_or(0);
            Codepoint::with_cid(id, offset, std::mem::take(&mut glyph.text))
        })
        .collect()
}

/// Sets what printpdf leaves out or makes random: metadata, language, outline, identifier.
fn finish(pdf: &mut lopdf::Document, pages: &Pages, metadata: &Metadata) {
    let text = |s: &str| Object::String(utf16(s), StringFormat::Hexadecimal);
    let date = Object::String(metadata.created.as_bytes().to_vec(), StringFormat::Literal);
    let mut info = Dictionary::new();
    info.set("Title", text(&metadata.title));
    if !metadata.subject.is_empty() {
        info.set("Subject", text(&metadata.subject));
    }
    info.set("Creator", text("plenary"));
    info.set("Producer", text("plenary"));
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    let info_id = pdf.add_object(info);
    pdf.trailer.set("Info", Object::Reference(info_id));

    let page_ids: Vec<ObjectId> = pdf.get_pages().into_values().collect();
    let catalog_id = pdf
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("printpdf writes a catalog");
    let outline = outline(pdf, pages, &page_ids);
    let catalog = pdf
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .expect("the catalog is a dictionary");
    catalog.set("Lang", text(&metadata.language));
    catalog.remove(b"Outlines");
    if let Some(outline) = outline {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    // The identifier comes from what the document is, so the same input gives the same bytes.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    metadata.title.hash(&mut hasher);
    metadata.created.hash(&mut hasher);
    pages.pages.len().hash(&mut hasher);
    format!("{:?}", pages.outline).hash(&mut hasher);
    let id = format!("{:016x}", hasher.finish()).into_bytes();
    pdf.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
}

/// The nested outline: versions, and under each its sections and annex.
fn outline(pdf: &mut lopdf::Document, pages: &Pages, page_ids: &[ObjectId]) -> Option<ObjectId> {
    if pages.outline.is_empty() {
        return None;
    }
    let (_, height) = pages.size;
    let root = pdf.new_object_id();
    // Each entry's parent: the last entry of a lower level, or the root.
    let mut ids = Vec::new();
    let mut parents = Vec::new();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    for (i, entry) in pages.outline.iter().enumerate() {
        while stack.last().is_some_and(|(level, _)| *level >= entry.level) {
            stack.pop();
        }
        parents.push(stack.last().map(|(_, p)| *p));
        stack.push((entry.level, i));
        ids.push(pdf.new_object_id());
    }
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..ids.len()).filter(|&i| parents[i] == parent).collect()
    };
    let mut dictionaries: Vec<Dictionary> = Vec::new();
    for (i, entry) in pages.outline.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set(
            "Title",
            Object::String(utf16(&entry.title), StringFormat::Hexadecimal),
        );
        d.set(
            "Parent",
            Object::Reference(parents[i].map_or(root, |p| ids[p])),
        );
        let page = page_ids
            .get(entry.destination.page)
            .copied()
            .map_or(Object::Null, Object::Reference);
        d.set(
            "Dest",
            Object::Array(vec![
                page,
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(height - entry.destination.y + 4.0),
                Object::Null,
            ]),
        );
        dictionaries.push(d);
    }
    for parent in std::iter::once(None).chain((0..ids.len()).map(Some)) {
        let kids = children(parent);
        for (k, &kid) in kids.iter().enumerate() {
            if k > 0 {
                dictionaries[kid].set("Prev", Object::Reference(ids[kids[k - 1]]));
            }
            if let Some(&next) = kids.get(k + 1) {
                dictionaries[kid].set("Next", Object::Reference(ids[next]));
            }
        }
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            let count = Object::Integer(kids.len() as i64);
            match parent {
                Some(p) => {
                    dictionaries[p].set("First", Object::Reference(ids[first]));
                    dictionaries[p].set("Last", Object::Reference(ids[last]));
                    dictionaries[p].set("Count", count);
                }
                None => {
                    let mut r = Dictionary::new();
                    r.set("Type", Object::Name(b"Outlines".to_vec()));
                    r.set("First", Object::Reference(ids[first]));
                    r.set("Last", Object::Reference(ids[last]));
                    r.set("Count", Object::Integer(ids.len() as i64));
                    pdf.objects.insert(root, Object::Dictionary(r));
                }
            }
        }
    }
    for (id, d) in ids.into_iter().zip(dictionaries) {
        pdf.objects.insert(id, Object::Dictionary(d));
    }
    Some(root)
}

/// A text string as PDF writes any Unicode text: UTF-16BE with a byte order mark.
fn utf16(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        out.extend(unit.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::pdf::model::Page;

    #[test]
    fn rules_are_painted_not_left_as_invisible_paths() {
        let pages = Pages {
            size: (200.0, 200.0),
            pages: vec![Page {
                items: vec![Item::Rule {
                    x: 10.0,
                    y: 10.0,
                    width: 50.0,
                    thickness: 1.0,
                }],
            }],
            outline: Vec::new(),
        };
        let metadata = Metadata {
            title: "T".into(),
            subject: String::new(),
            language: "en".into(),
            created: "D:20071031000000Z".into(),
        };
        let bytes = write(pages, &FontSet::shipped(), &metadata).expect("it writes");
        let pdf = lopdf::Document::load_mem(&bytes).expect("it reads back");
        let page = *pdf.get_pages().values().next().expect("one page");
        let content = pdf
            .get_and_decode_page_content(page)
            .expect("a content stream");
        let operators: Vec<&str> = content
            .operations
            .iter()
            .map(|o| o.operator.as_str())
            .collect();
        assert!(
            operators.windows(2).any(|w| w == ["re", "f"]),
            "the rule is not filled: {operators:?}"
        );
    }
}
