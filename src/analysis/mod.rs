//! Analysis: what a document means, worked out once and read by the checks, the print model
//! and (next) the language server.
//!
//! [`analyze`] takes the syntax tree and the registry of members and works out, per language
//! version, the header that applies to it ([`meta`]), its paragraphs and how each is tied to the
//! original ([`align`]), how its paragraph numbers run ([`numbering`]), what every label names in
//! every version ([`labels`]), the annex members with their registry entries and the forum's
//! membership on the date ([`members`]), the signatories and whom they sign for
//! ([`signatures`]), what the meeting series makes of the next meeting
//! ([`series`]) and the data that marked facts are compared with ([`facts`]). Nothing here
//! reports a problem: the checks read these answers and decide what is wrong, so that no two
//! checks (and no two output formats) work out the same fact in two ways.

pub mod align;
pub mod collection;
pub mod facts;
pub mod found;
pub mod labels;
pub mod members;
pub mod meta;
pub mod numbering;
pub mod placeholders;
pub mod prose;
pub mod reading;
pub mod series;
pub mod signatures;

use std::collections::HashMap;

use crate::ast::{Document, Version};
use crate::registry::{Period, Registry};

/// What a document means.
pub struct Analysis<'a> {
    pub document: &'a Document,
    /// The registry the document is read against: the built-in one with the project's members.
    pub registry: &'a Registry,
    /// Every language version, the original first.
    pub versions: Vec<VersionInfo<'a>>,
    /// What is wrong with the paragraph numbers of every version.
    pub numbering: Vec<numbering::Finding<'a>>,
    pub labels: labels::Labels<'a>,
    /// The annex of each version that has one.
    pub annexes: Vec<members::AnnexInfo<'a>>,
    /// The days the text speaks of and the day it is dated: its `adopted:`, else the first
    /// day of its meeting. Names, states and memberships are read as they were then.
    pub period: Option<Period>,
    /// The forum of the meeting and its members on the date, if the registry knows the forum.
    pub forum: Option<members::ForumOnDate<'a>>,
    /// The header's `forum:`, if the registry does not know the forum it names.
    pub unknown_forum: Option<&'a crate::source::Spanned<String>>,
    /// The header's `host:`, read in the registry.
    pub host: Option<members::HostInfo<'a>>,
    pub series: series::Series<'a>,
    /// The facts recognised in the prose without marks, with how each compares with its data
    /// ([`found`]); filled by [`Analysis::recognise_facts`], which reads the source's words.
    pub found: Vec<found::FoundFact>,
    /// The prose of every version ([`prose`]), read by [`Analysis::recognise_facts`]; the
    /// checks of words read it through `Context::prose`.
    pub prose: Vec<Vec<prose::Passage>>,
    /// The placeholders `[[...]]` of a skeleton still in the text ([`placeholders`]); filled
    /// by [`Analysis::recognise_facts`] with the facts.
    pub placeholders: Vec<placeholders::Placeholder>,
}

/// One language version and what it means.
pub struct VersionInfo<'a> {
    /// Its position in the document: 0 for the original.
    pub index: usize,
    pub version: &'a Version,
    /// The header that applies to it: its own fields, else the original's.
    pub meta: meta::Meta<'a>,
    /// Its paragraphs in reading order, each with its place and its counterpart.
    pub units: Vec<align::Unit<'a>>,
    /// The position in `units` of the first unit at each place, and of the unit tied to each
    /// of the original's units: asked for every paragraph of the other versions, so looked up,
    /// never searched.
    places: HashMap<align::Place, usize>,
    counterparts: HashMap<usize, usize>,
    /// Its signatories, with the members they sign for.
    pub signatories: Vec<signatures::SignatoryInfo<'a>>,
    /// The version holds a block that did not read: its structure is not wholly known.
    pub has_unparsed: bool,
}

impl<'a> Analysis<'a> {
    /// The original version.
    pub fn original(&self) -> &VersionInfo<'a> {
        &self.versions[0]
    }

    /// The translations whose language is stated, with the original's paragraphs they are
    /// tied to. A version whose language is not stated is text after the annex that the parser
    /// read as a version of its own; it is not compared with the original.
    pub fn translations(&self) -> impl Iterator<Item = &VersionInfo<'a>> {
        self.versions
            .iter()
            .skip(1)
            .filter(|v| !v.version.is_unnamed())
    }

    /// Recognises the facts stated in the prose without marks ([`found`]), in the words of
    /// `source`, the text the document was parsed from; and finds the placeholders still in it
    /// ([`placeholders`]).
    pub fn recognise_facts(&mut self, source: &str) {
        let prose: Vec<Vec<prose::Passage>> = self
            .document
            .versions
            .iter()
            .map(|version| prose::passages(version, source))
            .collect();
        self.found = found::recognise(self, &prose, source);
        self.prose = prose;
        // One search of the whole text with memchr (under a million instructions for 1 MB):
        // too little to be worth a thread of its own, which it had while it read line by line.
        self.placeholders = placeholders::find(source);
    }

    /// The annex of the version at `index`, if it has one.
    pub fn annex_of(&self, index: usize) -> Option<&members::AnnexInfo<'a>> {
        self.annexes.iter().find(|a| a.version == index)
    }
}

/// Works out what a document means. The document may have syntax errors: whatever did not
/// read is taken as unknown, never as absent.
pub fn analyze<'a>(document: &'a Document, registry: &'a Registry) -> Analysis<'a> {
    let (layouts, mut numbering) = numbering::number(document);
    let mut versions: Vec<VersionInfo<'a>> = document
        .versions
        .iter()
        .zip(&layouts)
        .enumerate()
        .map(|(index, (version, layout))| VersionInfo {
            index,
            version,
            meta: meta::Meta::of(document, index),
            units: align::units(version, layout),
            places: HashMap::new(),
            counterparts: HashMap::new(),
            signatories: signatures::signatories(&version.signatures, registry),
            has_unparsed: version
                .blocks()
                .any(|b| matches!(b, crate::ast::Block::Unparsed(_))),
        })
        .collect();
    align::tie(&mut versions);
    let header = &document.header;
    let period = Period::of(
        header.adopted.as_ref().map(|a| a.value),
        header.dates.as_ref().map(|d| (d.value.start, d.value.end)),
    );
    let mut annexes = members::annexes(&versions, registry, period);
    let forum = members::forum_on_date(
        document,
        registry,
        annexes.iter().find(|a| a.version == 0),
        period,
    );
    members::reconcile(&mut annexes, forum.as_ref());
    let host = members::host(document, registry, period);
    let series = series::Series::of(
        document,
        annexes.iter().find(|a| a.version == 0),
        host.as_ref().and_then(|h| h.entity()),
        registry,
        period,
    );
    let labels = labels::Labels::of(&versions);
    numbering.retain(|f| !numbering::explained_by_missing_paragraphs(f, &versions));
    Analysis {
        document,
        registry,
        versions,
        numbering,
        labels,
        annexes,
        period,
        unknown_forum: members::unknown_forum(document, registry),
        forum,
        host,
        series,
        found: Vec::new(),
        prose: Vec::new(),
        placeholders: Vec::new(),
    }
}
