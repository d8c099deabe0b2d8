//! Checks of labels, footnotes and the references to them.

pub mod duplicate_footnote;
pub mod duplicate_label;
pub mod heading_refers_to_itself;
pub mod not_a_web_address;
pub mod undefined_footnote;
pub mod unnumbered_target;
pub mod unresolved;
pub mod unused_footnote;
pub mod unused_label;

use crate::ast::{Block, Inline, Version};
use crate::source::Span;

/// Every footnote marker `[^id]` of a version's text, in reading order.
pub fn footnote_markers(version: &Version) -> Vec<(String, Span)> {
    let mut markers = Vec::new();
    version.for_each_inline(&mut |inline| {
        if let Inline::FootnoteRef { id, span } = inline {
            markers.push((id.clone(), *span));
        }
    });
    markers
}

/// Every reference `{@name}` of every version, also those in blocks that did not read.
pub fn references(versions: &[Version]) -> Vec<String> {
    let mut names = Vec::new();
    for version in versions {
        version.for_each_inline(&mut |inline| {
            if let Inline::Reference { name, .. } = inline {
                names.push(name.clone());
            }
        });
        for block in version.blocks() {
            if let Block::Unparsed(u) = block {
                names.extend(u.references.iter().cloned());
            }
        }
    }
    names
}
