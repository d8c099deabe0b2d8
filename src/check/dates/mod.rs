//! Checks of dates: the meeting's length, the adoption date against the meeting, the closing
//! against the header.

pub mod adopted_outside_meeting;
pub mod closing_date_differs;
pub mod closing_place_differs;
pub mod meeting_too_long;

/// How many days after the meeting's last day a declaration may still be adopted: a text
/// agreed on the last day is often signed at a ceremony the next day, or after a weekend.
pub const DAYS_AFTER_MEETING: i32 = 3;
