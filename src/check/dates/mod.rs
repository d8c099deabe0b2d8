//! Checks of dates: the meeting's length, the adoption date against the meeting, the closing
//! against the header.

pub mod adopted_outside_meeting;
pub mod closing_date_differs;
pub mod closing_place_differs;
pub mod meeting_too_long;
pub mod wrong_weekday;

use jiff::ToSpan;

use crate::ast::{Date, DateRange};

/// How many days after the meeting's last day a declaration may still be adopted: a text
/// agreed on the last day is often signed at a ceremony the next day, or after a weekend.
pub const DAYS_AFTER_MEETING: i32 = 3;

/// The last day a declaration of this meeting may be adopted on.
pub fn latest_adoption(meeting: DateRange) -> Option<Date> {
    meeting.end.checked_add(DAYS_AFTER_MEETING.days()).ok()
}

/// Whether a declaration may be adopted on `date`: during the meeting or up to
/// [`DAYS_AFTER_MEETING`] days after it.
pub fn may_adopt_on(date: Date, meeting: DateRange) -> bool {
    date >= meeting.start && latest_adoption(meeting).is_none_or(|latest| date <= latest)
}
