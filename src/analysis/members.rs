//! The member annex of each version, read against the registry: each member's registry entry,
//! who is listed twice, how many distinct members each list holds, and the forum's membership
//! on the date of the meeting.

use std::collections::{BTreeSet, HashMap};

use crate::ast::{Annex, Date, Document, Group, Member};
use crate::registry::{fold, Close, Entity, Forum, Found, Period, Registry};
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
    /// The registry ids of members this annex should list and does not: the forum's members on
    /// the date (for the original's annex, under a forum it fits) and the members another
    /// version's annex lists. Set by [`reconcile`].
    pub absent: Vec<&'a str>,
    /// The lines (indices into `listed`) of members this annex should not list: not members of
    /// the forum on the date, or not listed by another version's annex. Set by [`reconcile`].
    pub excess: Vec<usize>,
}

impl<'a> AnnexInfo<'a> {
    /// Whether a stated total agrees with the list: with the number of distinct members, or
    /// with the number of lines. A member listed twice is its own error, and either reading of
    /// the slip (a repeat to remove, or a line where another member was meant) keeps one of
    /// the two numbers, so the total is not reported for it as well.
    pub fn agrees(&self, stated: u32) -> bool {
        counts_agree(stated, self.distinct, self.listed.len())
    }

    /// Whether a stated total that disagrees with the list is explained by members the other
    /// checks name: as many absent members as the total exceeds the list by, or as many lines
    /// in excess as the list exceeds the total by. Those checks report the slip, member by
    /// member; the count would only repeat it.
    pub fn explains(&self, stated: u32) -> bool {
        let (stated, listed) = (stated as usize, self.distinct);
        (stated > listed && stated - listed == self.absent.len())
            || (listed > stated && listed - stated == self.excess.len())
    }

    /// The registry ids this annex lists, also through the name an unknown line most likely
    /// means.
    fn ids(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.listed.iter().filter_map(Listed::id)
    }

    /// How many distinct members are listed before the first group.
    pub fn members_before_groups(&self) -> usize {
        self.listed
            .iter()
            .filter(|l| l.group.is_none() && l.repeats.is_none())
            .count()
    }

    /// Whether the annex lists the member with this registry id, or a line most likely means it.
    pub fn lists(&self, id: &str) -> bool {
        self.ids().any(|listed| listed == id)
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
    /// For a name the registry does not know, the closest name it has (`Viet Nam` for
    /// `Viet Namm`), which `members::unknown` suggests...
    pub closest: Option<&'a str>,
    /// ...and the member that name belongs to: the other checks take the line for it rather
    /// than report that member missing as well.
    pub meant: Option<&'a Entity>,
    /// The closest name is within a letter or two: the line is a misspelling of it, which
    /// `members::misspelt` reports, rather than a name the registry lacks.
    pub misspelt: bool,
}

impl<'a> Listed<'a> {
    /// The registry id of the member the line lists, or most likely means.
    pub fn id(&self) -> Option<&'a str> {
        self.found
            .map(|f| f.entity)
            .or(self.meant)
            .map(|e| e.id.as_str())
    }
}

/// The annex of every version that has one, in the order of the versions, its names read as
/// they were in the text's period.
pub fn annexes<'a>(
    versions: &[VersionInfo<'a>],
    registry: &'a Registry,
    period: Option<Period>,
) -> Vec<AnnexInfo<'a>> {
    versions
        .iter()
        .filter_map(|info| {
            let annex = info.version.annex.as_ref()?;
            Some(annex_info(
                info.index,
                info.meta.language,
                annex,
                registry,
                period,
            ))
        })
        .collect()
}

/// A name the registry is asked about (a member of the annex, the header's host), as the
/// registry reads it in the text's period.
pub struct Resolved<'a> {
    pub found: Option<Found<'a>>,
    /// The name is ambiguous on the text's date: `members::ambiguous` asks which member it is.
    pub ambiguous: bool,
    /// For a name the registry does not know, the closest one it has.
    pub close: Option<Close<'a>>,
}

/// Reads a name in the registry: what it names on the text's date, else whether it is
/// ambiguous, else the closest name the registry has.
pub fn resolve<'a>(registry: &'a Registry, name: &str, period: Option<Period>) -> Resolved<'a> {
    let found = registry.lookup_in(name, period);
    let ambiguous = found.is_none() && registry.ambiguous_in(name, period).is_some();
    // An ambiguous name is asked about; only a name nobody has is taken for the closest one.
    let close = match (found, ambiguous) {
        (None, false) => registry.closest_in(name, period),
        _ => None,
    };
    Resolved {
        found,
        ambiguous,
        close,
    }
}

fn annex_info<'a>(
    version: usize,
    language: &'a str,
    annex: &'a Annex,
    registry: &'a Registry,
    period: Option<Period>,
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
        let Resolved { found, close, .. } = resolve(registry, &member.name, period);
        let index = listed.len();
        let name = by_name.entry(fold(&member.name)).or_insert(index);
        let entity = found.map(|f| *by_entity.entry(f.entity.id.as_str()).or_insert(index));
        let first = (*name).min(entity.unwrap_or(index));
        listed.push(Listed {
            member,
            found,
            group,
            repeats: (first != index).then_some(first),
            closest: close.map(|c| c.name),
            meant: close.map(|c| c.entity),
            misspelt: close.is_some_and(|c| c.misspelt),
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
        absent: Vec::new(),
        excess: Vec::new(),
    }
}

/// Works out, for each annex, the members it should list and does not, and those it lists and
/// should not: against the forum's membership on the date (the original's annex, under a forum
/// it fits) and against the annexes of the other versions.
pub fn reconcile<'a>(annexes: &mut [AnnexInfo<'a>], forum: Option<&ForumOnDate<'a>>) {
    let all: Vec<BTreeSet<&'a str>> = annexes.iter().map(|a| a.ids().collect()).collect();
    for (index, annex) in annexes.iter_mut().enumerate() {
        let others: Vec<&BTreeSet<&str>> = all
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .map(|(_, ids)| ids)
            .collect();
        let forum = forum.filter(|f| f.misfit.is_none() && annex.version == 0);
        let mut absent: BTreeSet<&'a str> = BTreeSet::new();
        if let Some(forum) = forum {
            absent.extend(forum.members.iter().copied());
        }
        for ids in &others {
            absent.extend(ids.iter().copied());
        }
        absent.retain(|id| !all[index].contains(id));
        annex.absent = absent.into_iter().collect();
        annex.excess = annex
            .listed
            .iter()
            .enumerate()
            .filter(|(_, l)| l.repeats.is_none())
            .filter_map(|(line, l)| Some((line, l.id()?)))
            .filter(|(_, id)| {
                let outside_forum = forum.is_some_and(|f| !f.members.contains(id));
                let outside_others = !others.is_empty() && others.iter().all(|o| !o.contains(id));
                outside_forum || outside_others
            })
            .map(|(line, _)| line)
            .collect();
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

/// The header's `forum:` field, if it names a forum the registry does not know: the annex is
/// then checked against no membership, which `members::unknown-forum` says.
pub fn unknown_forum<'a>(
    document: &'a Document,
    registry: &Registry,
) -> Option<&'a Spanned<String>> {
    let field = document.header.forum.as_ref()?;
    registry.forum(&field.value).is_none().then_some(field)
}

/// The forum of the meeting, if the header names one the registry knows and gives a date.
pub fn forum_on_date<'a>(
    document: &'a Document,
    registry: &'a Registry,
    annex: Option<&AnnexInfo<'a>>,
    period: Option<Period>,
) -> Option<ForumOnDate<'a>> {
    let header = &document.header;
    let field = header.forum.as_ref()?;
    let forum = registry.forum(&field.value)?;
    let date = period?.on;
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
            .map(|other| (other, registry.members_on(other, date)))
            .map(|(other, members)| (other, outside(&members), members.len()))
            .filter(|(_, outside, _)| *outside * 10 < known.len())
            // Of the forums the annex fits, the one whose size is nearest the annex's: the UN
            // fits every list of states.
            .min_by_key(|(_, outside, size)| (*outside, size.abs_diff(known.len())))
            .map(|(other, _, _)| other),
    });
    Some(ForumOnDate {
        forum,
        field,
        date,
        members,
        misfit,
    })
}

/// The header's `host:` as the registry reads it in the text's period: checked like every
/// member's name, and the member the rotation starts from.
pub struct HostInfo<'a> {
    pub field: &'a Spanned<String>,
    pub resolved: Resolved<'a>,
}

impl<'a> HostInfo<'a> {
    /// The entity the host names, or most likely means.
    pub fn entity(&self) -> Option<&'a Entity> {
        self.resolved
            .found
            .map(|f| f.entity)
            .or(self.resolved.close.map(|c| c.entity))
    }
}

/// The header's host, read in the registry.
pub fn host<'a>(
    document: &'a Document,
    registry: &'a Registry,
    period: Option<Period>,
) -> Option<HostInfo<'a>> {
    let field = document.header.host.as_ref()?;
    Some(HostInfo {
        field,
        resolved: resolve(registry, &field.value, period),
    })
}
