//! Checks that the language versions say the same thing.

pub mod member_mismatch;
