//! Checks of the member annex: its counts, its names against the registry, and its members
//! against the forum's membership on the date of the meeting. What the registry knows of each
//! member, who is listed twice and the forum's members on the date are worked out in
//! [`crate::analysis::members`].

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
pub mod wrong_forum;

use crate::analysis::members::ForumOnDate;
use crate::check::Context;

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
