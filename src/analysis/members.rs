//! The member annex of each version, read against the registry: each member's registry entry,
//! who is listed twice, how many distinct members each list holds, and the forum's membership
//! on the date of the meeting.

use std::collections::{BTreeSet, HashMap};

use crate::ast::{Annex, Date, Document, Group, Member};
use crate::registry::{fold, Forum, Found, Registry};
use crate::source::Spanned;

use super::VersionInfo;

/// The annex of one version.
pub struct AnnexInfo<'a> {
    /// The version it belongs to.
    pub version: usize,
    pub language: &'a str,
    pub annex: &'a Annex,
    /// Every member, ungrouped ones first, then group by group.
    pub listed: Vec<Listed<'a>>,
    /// Every line of the annex reads as a member, so its counts can be compared; a line that
    /// does not (its own syntax error) may be a member the drafter meant.
    pub complete: bool,
    /// How many distinct members are listed: a member listed twice counts once.
    pub distinct: usize,
    pub groups: Vec<GroupInfo<'a>>,
}

impl AnnexInfo<'_> {
    /// Whether a stated total agrees with the list: with the number of distinct members, or
    /// with the number of lines. A member listed twice is its own error, and either reading of
    /// the slip (a repeat to remove, or a line where another member was meant) keeps one of
    /// the two numbers, so the total is not reported for it as well.
    pub fn agrees(&self, stated: u32) -> bool {
        counts_agree(stated, self.distinct, self.listed.len())
    }
}

impl GroupInfo<'_> {
    /// Whether a group's stated count agrees with its list, as [`AnnexInfo::agrees`].
    pub fn agrees(&self, stated: u32) -> bool {
        counts_agree(stated, self.distinct, self.group.members.len())
    }
}

fn counts_agree(stated: u32, distinct: usize, lines: usize) -> bool {
    let stated = stated as usize;
    stated == distinct || stated == lines
}

/// One group of an annex.
pub struct GroupInfo<'a> {
    pub group: &'a Group,
    /// The members first listed in this group.
    pub distinct: usize,
    pub complete: bool,
}

/// A member of the annex and what the registry knows of it.
pub struct Listed<'a> {
    pub member: &'a Member,
    /// The registry's entry, if the name is one the registry has.
    pub found: Option<Found<'a>>,
    /// The group it is listed in, by index; `None` before the first group.
    pub group: Option<usize>,
    /// The earlier line (an index into [`AnnexInfo::listed`]) that lists the same member:
    /// the same name, or another name of the same registry entry.
    pub repeats: Option<usize>,
}

/// The annex of every version that has one, in the order of the versions.
pub fn annexes<'a>(versions: &[VersionInfo<'a>], registry: &'a Registry) -> Vec<AnnexInfo<'a>> {
    versions
        .iter()
        .filter_map(|info| {
            let annex = info.version.annex.as_ref()?;
            Some(annex_info(info.index, info.meta.language, annex, registry))
        })
        .collect()
}

fn annex_info<'a>(
    version: usize,
    language: &'a str,
    annex: &'a Annex,
    registry: &'a Registry,
) -> AnnexInfo<'a> {
    let members = annex.members.iter().map(|m| (m, None)).chain(
        annex
            .groups
            .iter()
            .enumerate()
            .flat_map(|(index, group)| group.members.iter().map(move |m| (m, Some(index)))),
    );
    let mut listed: Vec<Listed<'a>> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let mut by_entity: HashMap<&'a str, usize> = HashMap::new();
    for (member, group) in members {
        let found = registry.lookup(&member.name);
        let index = listed.len();
        let name = by_name.entry(fold(&member.name)).or_insert(index);
        let entity = found.map(|f| *by_entity.entry(f.entity.id.as_str()).or_insert(index));
        let first = (*name).min(entity.unwrap_or(index));
        listed.push(Listed {
            member,
            found,
            group,
            repeats: (first != index).then_some(first),
        });
    }
    let distinct_in = |group: Option<usize>| {
        listed
            .iter()
            .filter(|l| l.group == group && l.repeats.is_none())
            .count()
    };
    let groups: Vec<GroupInfo<'a>> = annex
        .groups
        .iter()
        .enumerate()
        .map(|(index, group)| GroupInfo {
            group,
            distinct: distinct_in(Some(index)),
            complete: group.unreadable.is_empty(),
        })
        .collect();
    AnnexInfo {
        version,
        language,
        annex,
        complete: annex.unreadable.is_empty() && groups.iter().all(|g| g.complete),
        distinct: listed.iter().filter(|l| l.repeats.is_none()).count(),
        listed,
        groups,
    }
}

/// The forum of the meeting as the registry knows it, with the date whose membership counts
/// (the day of adoption, else the first day of the meeting).
pub struct ForumOnDate<'a> {
    pub forum: &'a Forum,
    /// The header's `forum:` field.
    pub field: &'a Spanned<String>,
    pub date: Date,
    /// The ids of the forum's members on the date.
    pub members: BTreeSet<&'a str>,
    /// The original's annex does not fit the forum at all: see [`Misfit`].
    pub misfit: Option<Misfit<'a>>,
}

/// Most of the members the annex lists were not members of the forum on the date: the
/// `forum:` field (or the date) is then the likely slip, reported once rather than once for
/// every member.
pub struct Misfit<'a> {
    /// The members of the annex the registry knows, and how many of them were not members.
    pub known: usize,
    pub outside: usize,
    /// A forum the annex does fit, if the registry has one.
    pub fits: Option<&'a Forum>,
}

/// The forum of the meeting, if the header names one the registry knows and gives a date.
pub fn forum_on_date<'a>(
    document: &'a Document,
    registry: &'a Registry,
    annex: Option<&AnnexInfo<'a>>,
) -> Option<ForumOnDate<'a>> {
    let header = &document.header;
    let field = header.forum.as_ref()?;
    let forum = registry.forum(&field.value)?;
    let date = header
        .adopted
        .as_ref()
        .map(|adopted| adopted.value)
        .or(header.dates.as_ref().map(|dates| dates.value.start))?;
    let members = registry.members_on(forum, date);
    let known: Vec<&str> = annex
        .into_iter()
        .flat_map(|a| &a.listed)
        .filter_map(|l| Some(l.found?.entity.id.as_str()))
        .collect();
    let outside =
        |members: &BTreeSet<&str>| known.iter().filter(|id| !members.contains(*id)).count();
    let outsiders = outside(&members);
    // Three members are the least that say anything about a forum; more than half of them
    // outside it is no longer a member or two who had left or not yet joined.
    let misfit = (known.len() >= 3 && outsiders * 2 > known.len()).then(|| Misfit {
        known: known.len(),
        outside: outsiders,
        fits: registry
            .forums()
            .iter()
            .filter(|other| other.name != forum.name)
            .map(|other| (other, outside(&registry.members_on(other, date))))
            .filter(|(_, outside)| *outside * 10 < known.len())
            .min_by_key(|(_, outside)| *outside)
            .map(|(other, _)| other),
    });
    Some(ForumOnDate {
        forum,
        field,
        date,
        members,
        misfit,
    })
}
