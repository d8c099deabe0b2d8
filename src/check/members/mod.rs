//! Checks of the member annex: its counts, its names against the registry, and its members
//! against the forum's membership on the date of the meeting.

pub mod ambiguous;
pub mod count_mismatch;
pub mod duplicate;
pub mod duplicate_under_another_name;
pub mod forum_count_mismatch;
pub mod group_count_mismatch;
pub mod groups_do_not_add_up;
pub mod missing_forum_member;
pub mod non_standard_spelling;
pub mod not_in_forum;
pub mod unknown;

use crate::ast::{Annex, Date, Member};
use crate::check::Context;
use crate::registry::{Forum, Found};
use crate::source::Spanned;

/// Every annex of the text with the language of its version, the original's first.
pub(crate) fn annexes<'a>(cx: &Context<'a>) -> impl Iterator<Item = (&'a str, &'a Annex)> {
    let document = cx.document;
    document
        .versions
        .iter()
        .filter_map(move |version| Some((document.language_of(version), version.annex.as_ref()?)))
}

/// A member of the annex and the registry's entry for it, if it has one.
pub(crate) struct Listed<'a> {
    pub member: &'a Member,
    pub found: Option<Found<'a>>,
}

/// The members of an annex, in order, each looked up in the registry.
pub(crate) fn listed<'a>(cx: &Context<'a>, annex: &'a Annex) -> Vec<Listed<'a>> {
    annex
        .all_members()
        .map(|member| Listed {
            member,
            found: cx.registry.lookup(&member.name),
        })
        .collect()
}

/// The forum of the meeting as the registry knows it, with the date whose membership counts
/// (the day of adoption, else the first day of the meeting) and the header's `forum:` field.
pub(crate) struct ForumOnDate<'a> {
    pub forum: &'a Forum,
    pub field: &'a Spanned<String>,
    pub date: Date,
}

/// The forum of the meeting, if the header names one the registry knows and gives a date.
pub(crate) fn forum_on_date<'a>(cx: &Context<'a>) -> Option<ForumOnDate<'a>> {
    let header = &cx.document.header;
    let field = header.forum.as_ref()?;
    let forum = cx.registry.forum(&field.value)?;
    let date = header
        .adopted
        .as_ref()
        .map(|adopted| adopted.value)
        .or(header.dates.as_ref().map(|dates| dates.value.start))?;
    Some(ForumOnDate { forum, field, date })
}

/// "1 member" or "45 members".
pub(crate) fn members(n: usize) -> String {
    crate::numbers::plural(n, "member")
}
