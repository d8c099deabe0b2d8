//! Checks of marked facts `{words = key}` and of the facts found in the prose: the words
//! against the data they are tied to.
//!
//! The data a key names is worked out in [`crate::analysis::facts`], and how words read and
//! compare with it in [`crate::analysis::reading`], which the facts found in the prose
//! ([`crate::analysis::found`]) share; the checks themselves only report.

pub mod mismatch;
pub mod no_data;
pub mod prose_differs;

pub use crate::analysis::reading::*;
