//! Checks that numbers run as drafted: paragraph numbers and sub-paragraph markers. Where the
//! paragraph numbers go wrong is worked out once, in [`crate::analysis::numbering`].

pub mod damaged_number;
pub mod number_out_of_order;
pub mod repeated_number;
pub mod skipped_number;
pub mod subparagraph_out_of_sequence;
pub mod unnumbered_paragraph;

pub use crate::analysis::numbering::roman;
