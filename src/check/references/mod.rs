//! Checks of labels and the references to them.

pub mod unresolved;
