//! Checks of the member annex: its counts, its names against the registry, and its members
//! against the forum's membership on the date of the meeting. What the registry knows of each
//! member, who is listed twice and the forum's members on the date are worked out in
//! [`crate::analysis::members`].

pub mod ambiguous;
pub mod count_mismatch;
pub mod did_not_exist;
pub mod duplicate;
pub mod duplicate_under_another_name;
pub mod forum_count_mismatch;
pub mod group_count_mismatch;
pub mod groups_do_not_add_up;
pub mod look_alike_name;
pub mod missing_forum_member;
pub mod misspelt;
pub mod non_standard_spelling;
pub mod not_in_forum;
pub mod unknown;
pub mod unknown_forum;
pub mod wrong_forum;

use crate::analysis::members::ForumOnDate;
use crate::check::Context;
use crate::registry::Found;
use crate::source::Span;

/// A name the registry is asked about: a member of an annex, or the header's host. The checks
/// of names (unknown, misspelt, ambiguous, non-standard, not existing) read every one alike.
pub(crate) struct NameUse<'c> {
    pub name: &'c str,
    pub span: Span,
    pub found: Option<Found<'c>>,
    /// The closest name the registry has, for a name it does not know.
    pub closest: Option<&'c str>,
    pub misspelt: bool,
    /// The name names several members on the text's date.
    pub ambiguous: bool,
    /// The language of the version it is written in.
    pub language: &'c str,
    /// A line that repeats an earlier member: the duplicate checks report it.
    pub repeats: bool,
    /// "member" or "host", for messages.
    pub role: &'static str,
    /// A name of the members' list written in the prose, which stands in for the annex.
    pub in_prose: bool,
}

/// Every member name of every annex, then the header's host.
pub(crate) fn names<'c>(cx: &'c Context) -> Vec<NameUse<'c>> {
    let period = cx.analysis.period;
    let mut names: Vec<NameUse<'c>> = Vec::new();
    for info in &cx.analysis.annexes {
        for listed in &info.listed {
            names.push(NameUse {
                name: &listed.member.name,
                span: listed.member.span,
                found: listed.found,
                closest: listed.closest,
                misspelt: listed.misspelt,
                ambiguous: listed.found.is_none()
                    && cx
                        .registry
                        .ambiguous_in(&listed.member.name, period)
                        .is_some(),
                language: info.language,
                repeats: listed.repeats.is_some(),
                role: "member",
                in_prose: info.annex.from_prose,
            });
        }
    }
    if let Some(host) = &cx.analysis.host {
        let resolved = &host.resolved;
        names.push(NameUse {
            name: &host.field.value,
            span: host.field.span,
            found: resolved.found,
            closest: resolved.close.map(|c| c.name),
            misspelt: resolved.close.is_some_and(|c| c.misspelt),
            ambiguous: resolved.ambiguous,
            language: cx.analysis.original().meta.language,
            repeats: false,
            role: "host",
            in_prose: false,
        });
    }
    names
}

/// "1 member" or "45 members".
pub(crate) fn members(n: usize) -> String {
    crate::numbers::plural(n, "member")
}

/// The forum of the meeting, unless the annex does not fit it at all: then
/// `members::wrong-forum` reports the forum once, and the checks of single members against it
/// would only repeat it.
pub(crate) fn fitting_forum<'c, 'a>(cx: &'c Context<'a>) -> Option<&'c ForumOnDate<'a>> {
    cx.analysis.forum.as_ref().filter(|f| f.misfit.is_none())
}
