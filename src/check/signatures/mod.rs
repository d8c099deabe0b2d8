//! Checks of the signature blocks: whom the signatories sign for, against the member annex.
//! Whom each party names is worked out in [`crate::analysis::signatures`].

pub mod party_not_in_annex;
