//! Labels and what they name, in every version.
//!
//! A label `{#rotation}` names a heading, a paragraph, a sub-paragraph or the annex. A
//! translation is tied paragraph by paragraph to the original ([`super::align`]), so a label in
//! either names the matching place of both: a reference in the Chinese text to a label of the
//! English one resolves to the Chinese paragraph at the same place.

use std::collections::{HashMap, HashSet};

use crate::ast::{Annex, Block, Heading, Subparagraph};
use crate::source::Spanned;

use super::align::Unit;
use super::VersionInfo;

/// Every label of a document.
pub struct Labels<'a> {
    /// Every label, where it is written, in reading order, version by version.
    pub definitions: Vec<Definition<'a>>,
    /// The labels written in blocks that did not read: a reference to one is not reported as
    /// pointing at nothing, since the label is there.
    pub unread: HashSet<&'a str>,
    /// The definitions of each name, by their index in `definitions`, in reading order: a
    /// text with 10,000 references looks each up in constant time.
    by_name: HashMap<&'a str, Vec<usize>>,
}

/// A label where it is written.
pub struct Definition<'a> {
    pub name: &'a Spanned<String>,
    /// The version it is written in.
    pub version: usize,
    pub target: Target,
}

/// What a label stands on, in the version it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The heading of the section at this index.
    Heading {
        section: usize,
    },
    /// The paragraph at this index of the version's units.
    Paragraph {
        unit: usize,
    },
    /// A sub-paragraph of that paragraph, by its index at each level.
    Subparagraph {
        unit: usize,
        path: Vec<usize>,
    },
    Annex,
}

/// What a label names in one version.
pub enum Resolved<'v, 'a> {
    Heading {
        section: usize,
        heading: &'a Heading,
    },
    Paragraph(&'v Unit<'a>),
    /// A sub-paragraph, with the sub-paragraphs that hold it, outermost first.
    Subparagraph {
        unit: &'v Unit<'a>,
        chain: Vec<&'a Subparagraph>,
    },
    Annex(&'a Annex),
}

impl<'a> Labels<'a> {
    pub fn of(versions: &[VersionInfo<'a>]) -> Labels<'a> {
        let mut definitions = Vec::new();
        let mut unread = HashSet::new();
        for info in versions {
            let mut define = |name: &'a Spanned<String>, target: Target| {
                definitions.push(Definition {
                    name,
                    version: info.index,
                    target,
                })
            };
            let version = info.version;
            // Reading order: the preamble, then each section's heading and paragraphs. The
            // units are put in their sections once, not looked for section by section.
            let mut preamble = Vec::new();
            let mut in_section: Vec<Vec<usize>> = vec![Vec::new(); version.sections.len()];
            for (index, unit) in info.units.iter().enumerate() {
                match unit.section {
                    Some(section) if section < in_section.len() => in_section[section].push(index),
                    Some(_) => {}
                    None => preamble.push(index),
                }
            }
            for &index in &preamble {
                paragraph_labels(index, &info.units[index], &mut define);
            }
            for (section, s) in version.sections.iter().enumerate() {
                if let Some(label) = s.heading.as_ref().and_then(|h| h.label.as_ref()) {
                    define(label, Target::Heading { section });
                }
                for &index in &in_section[section] {
                    paragraph_labels(index, &info.units[index], &mut define);
                }
            }
            // The labels of a block that did not read, or of a paragraph whose number does
            // not, stand on no known place.
            for block in version.blocks() {
                match block {
                    Block::Unparsed(u) => unread.extend(u.labels.iter().map(|l| l.value.as_str())),
                    Block::NumberedParagraph(p) if p.number.value.is_none() => {
                        unread.extend(p.label.iter().map(|l| l.value.as_str()));
                        unread.extend(
                            p.subparagraphs
                                .iter()
                                .flat_map(Subparagraph::labels)
                                .map(|l| l.value.as_str()),
                        );
                    }
                    _ => {}
                }
            }
            if let Some(label) = version.annex.as_ref().and_then(|a| a.label.as_ref()) {
                define(label, Target::Annex);
            }
        }
        let mut by_name: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (index, definition) in definitions.iter().enumerate() {
            by_name
                .entry(definition.name.value.as_str())
                .or_default()
                .push(index);
        }
        Labels {
            definitions,
            unread,
            by_name,
        }
    }

    /// The places the label of this name is written, in reading order.
    fn definitions_of(&self, name: &str) -> impl Iterator<Item = &Definition<'a>> {
        self.by_name
            .get(name)
            .into_iter()
            .flatten()
            .map(|&index| &self.definitions[index])
    }

    /// The first place the label of this name is written.
    pub fn get(&self, name: &str) -> Option<&Definition<'a>> {
        self.definitions_of(name).next()
    }

    /// Whether a label of this name is written anywhere, also in a block that did not read.
    pub fn exists(&self, name: &str) -> bool {
        self.get(name).is_some() || self.unread.contains(&name)
    }

    /// The names of all labels, each once, in the order they are first written.
    pub fn names(&self) -> Vec<&'a str> {
        let mut names: Vec<&'a str> = Vec::new();
        let mut seen = HashSet::new();
        for definition in &self.definitions {
            if seen.insert(definition.name.value.as_str()) {
                names.push(&definition.name.value);
            }
        }
        names
    }

    /// What the label `name` names in the version at `version`: the place it is written on,
    /// or the place tied to it. A label written in the version itself wins over one written in
    /// another.
    pub fn resolve<'v>(
        &self,
        name: &str,
        versions: &'v [VersionInfo<'a>],
        version: usize,
    ) -> Option<Resolved<'v, 'a>> {
        let mut candidates: Vec<&Definition<'a>> = self.definitions_of(name).collect();
        candidates.sort_by_key(|d| d.version != version);
        candidates
            .into_iter()
            .find_map(|definition| resolve_in(definition, versions, version))
    }
}

/// The labels of a paragraph and of its sub-paragraphs.
fn paragraph_labels<'a>(
    index: usize,
    unit: &Unit<'a>,
    define: &mut impl FnMut(&'a Spanned<String>, Target),
) {
    if let Some(label) = unit.label {
        define(label, Target::Paragraph { unit: index });
    }
    fn walk<'a>(
        list: &'a [Subparagraph],
        unit: usize,
        path: &mut Vec<usize>,
        define: &mut impl FnMut(&'a Spanned<String>, Target),
    ) {
        for (i, sub) in list.iter().enumerate() {
            path.push(i);
            if let Some(label) = &sub.label {
                define(
                    label,
                    Target::Subparagraph {
                        unit,
                        path: path.clone(),
                    },
                );
            }
            walk(&sub.children, unit, path, define);
            path.pop();
        }
    }
    walk(unit.subparagraphs, index, &mut Vec::new(), define);
}

/// Where a label written in one version lands in `version`.
fn resolve_in<'v, 'a>(
    definition: &Definition<'a>,
    versions: &'v [VersionInfo<'a>],
    version: usize,
) -> Option<Resolved<'v, 'a>> {
    let target = versions.get(version)?;
    let written = versions.get(definition.version)?;
    // The paragraph of `version` at the place of the written version's paragraph `unit`.
    let tied = |unit: usize| -> Option<&'v Unit<'a>> {
        if definition.version == version {
            return target.units.get(unit);
        }
        let original = written.units.get(unit)?.counterpart?;
        target.unit_for(original)
    };
    match &definition.target {
        Target::Heading { section } => {
            let heading = target.version.sections.get(*section)?.heading.as_ref()?;
            Some(Resolved::Heading {
                section: *section,
                heading,
            })
        }
        Target::Paragraph { unit } => tied(*unit).map(Resolved::Paragraph),
        Target::Subparagraph { unit, path } => {
            let unit = tied(*unit)?;
            let mut chain = Vec::new();
            let mut list = unit.subparagraphs;
            for &i in path {
                let sub = list.get(i)?;
                chain.push(sub);
                list = &sub.children;
            }
            Some(Resolved::Subparagraph { unit, chain })
        }
        Target::Annex => target.version.annex.as_ref().map(Resolved::Annex),
    }
}
