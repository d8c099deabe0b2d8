//! Checks of the words themselves: what a reviewer notices reading the prose. They read the
//! passages of [`crate::analysis::prose`], through [`crate::check::Context::prose`].

pub mod doubled_word;
pub mod misspelt_word;
