//! The signatories of each version, and the members of the registry they sign for.
//!
//! A signatory signs "for the Government of Australia", "for Australia", "pour le Royaume des
//! Pays-Bas": the party is looked up in the registry as written, then without the words that
//! name a government rather than a state, so that the annex, the signatures and the JSON agree
//! on who signed.

use crate::ast::{Signatory, Signatures};
use crate::registry::{Entity, Registry};

/// One signatory, with the member it signs for when the registry knows it.
pub struct SignatoryInfo<'a> {
    pub signatures: &'a Signatures,
    pub signatory: &'a Signatory,
    pub entity: Option<&'a Entity>,
}

/// Words before the name of a state that name its government or its head: "the Government
/// of", "His Majesty the King of". They are taken away, longest first, to find the state.
const BEFORE_THE_STATE: &[&str] = &[
    "the government of the",
    "the government of",
    "government of the",
    "government of",
    "the governments of",
    "the president of the",
    "the president of",
    "the prime minister of",
    "the people of",
    "le gouvernement de la",
    "le gouvernement du",
    "le gouvernement des",
    "le gouvernement de",
    "de regering van het",
    "de regering van",
    "the",
];

/// The signatories of a version, each with its registry entry.
pub fn signatories<'a>(list: &'a [Signatures], registry: &'a Registry) -> Vec<SignatoryInfo<'a>> {
    list.iter()
        .flat_map(|signatures| {
            signatures
                .signatories
                .iter()
                .map(move |signatory| SignatoryInfo {
                    signatures,
                    signatory,
                    entity: signatory
                        .party_name
                        .as_ref()
                        .and_then(|party| party_entity(&party.value, registry)),
                })
        })
        .collect()
}

/// The member of the registry a party names: `Australia`, `the Government of Australia`.
pub fn party_entity<'a>(party: &str, registry: &'a Registry) -> Option<&'a Entity> {
    if let Some(found) = registry.lookup(party) {
        return Some(found.entity);
    }
    let lower = party.to_lowercase();
    BEFORE_THE_STATE.iter().find_map(|words| {
        let rest = lower.strip_prefix(words)?.strip_prefix(' ')?;
        registry
            .lookup(&party[party.len() - rest.len()..])
            .map(|f| f.entity)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_is_found_through_the_words_for_its_government() {
        let registry = Registry::builtin();
        for party in [
            "Australia",
            "the Government of Australia",
            "The Government of Australia",
            "Government of Australia",
        ] {
            assert_eq!(
                party_entity(party, registry).map(|e| e.id.as_str()),
                Some("AU"),
                "{party}"
            );
        }
        assert!(party_entity("the Commonwealth Secretariat staff", registry).is_none());
    }
}
