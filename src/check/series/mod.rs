//! Checks of the meeting series: what the `next meeting:` block says against the header. What
//! the series makes of the next meeting is worked out in [`crate::analysis::series`].

pub mod meetings_out_of_order;
pub mod next_edition;
pub mod next_host_breaks_rotation;
pub mod next_meeting_not_after;
pub mod next_year;
pub mod next_year_and_dates_differ;
pub mod record_breaks_periodicity;
pub mod unknown_next_host;
pub mod unknown_rotation_group;

use crate::numbers::{ordinal_digits, ordinal_words};

/// An ordinal written the way the drafter wrote `like`: in words if it has letters only
/// (`second`), else in digits (`2nd`).
pub fn ordinal_like(value: u32, like: &str) -> String {
    if like
        .chars()
        .all(|c| c.is_alphabetic() || c == '-' || c == ' ')
    {
        ordinal_words(value).unwrap_or_else(|| ordinal_digits(value))
    } else {
        ordinal_digits(value)
    }
}
