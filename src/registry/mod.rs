//! The registry of members: states, economies and organisations, their names in each language,
//! and the dated membership of forums.
//!
//! The built-in registry is `data/registry.toml` (its format is in `docs/registry.md`), embedded
//! in the binary and read once per process by [`Registry::builtin`]. A project adds its own
//! names (a secretariat, a commission) in `plenary.toml`; [`Registry::with_entities`] makes a
//! registry that holds both.
//!
//! Names are compared folded ([`fold`]): Unicode NFC, lower case, punctuation and runs of spaces
//! as one space, and a leading "the" dropped, so that "Hong Kong, China" is "Hong Kong China" and
//! "The Netherlands" is "Netherlands".

use std::collections::{BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

use crate::ast::Date;

/// What kind of member an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    State,
    /// A member economy that is not a state, such as Hong Kong, China in APEC.
    Economy,
    Organisation,
}

/// One state, economy or organisation.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// The ISO 3166-1 alpha-2 code of a state or economy; a kebab-case word for an organisation.
    pub id: String,
    /// The ISO 3166-1 alpha-3 code, for states and economies.
    #[serde(default)]
    pub alpha3: Option<String>,
    pub kind: Kind,
    /// The English spellings a declaration may use, the registry's own first.
    #[serde(default)]
    pub en: Vec<String>,
    /// The Chinese spellings a declaration may use, the registry's own first.
    #[serde(default)]
    pub zh: Vec<String>,
    /// Spellings that name the entity but that a declaration should not use.
    #[serde(default)]
    pub aliases: Vec<String>,
}

impl Entity {
    /// The ISO 3166-1 alpha-2 code, for states and economies.
    pub fn iso_code(&self) -> Option<&str> {
        self.alpha3.as_ref().map(|_| self.id.as_str())
    }

    /// The registry's spelling in English (or, for an entity with no English name, the first
    /// name it has).
    pub fn english(&self) -> &str {
        self.en
            .first()
            .or(self.zh.first())
            .or(self.aliases.first())
            .map_or(self.id.as_str(), String::as_str)
    }

    /// The Chinese name, if the registry has one.
    pub fn chinese(&self) -> Option<&str> {
        self.zh.first().map(String::as_str)
    }

    /// The registry's spelling in a language (a tag such as `en`, `zh`, `zh-Hans`), falling
    /// back to English.
    pub fn preferred(&self, language: &str) -> &str {
        match base_language(language) {
            "zh" => self.chinese().unwrap_or(self.english()),
            _ => self.english(),
        }
    }
}

/// `zh` for `zh-Hans`, `en` for `en-GB`.
fn base_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// How a name was found in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// One of the spellings a declaration may use.
    Accepted,
    /// An alias: the entity is known, but the declaration should use the registry's spelling.
    Alias,
}

/// A name found in the registry.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    pub entity: &'a Entity,
    pub spelling: Spelling,
}

/// A forum and its membership over time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forum {
    /// The short name a declaration's `forum:` field uses: `ASEM`.
    pub name: String,
    /// Other names of the forum, in any language.
    #[serde(default)]
    pub names: Vec<String>,
    /// How a sentence names the forum, when it is not its short name: "the EU".
    #[serde(default)]
    prose: Option<String>,
    /// Where the membership data comes from.
    pub source: String,
    /// The changes of membership, oldest first.
    #[serde(rename = "event")]
    pub events: Vec<MembershipEvent>,
}

/// Members joining or leaving a forum on one day.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipEvent {
    pub date: Date,
    /// What happened, for messages: "ASEM8, Brussels: Australia, New Zealand, Russia".
    pub what: String,
    /// The ids of the entities that became members on this day.
    #[serde(default)]
    pub joined: Vec<String>,
    /// The ids of the entities that stopped being members on this day.
    #[serde(default)]
    pub left: Vec<String>,
}

/// The contents of a registry file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    #[serde(rename = "entity")]
    entities: Vec<Entity>,
    #[serde(rename = "forum", default)]
    forums: Vec<Forum>,
}

/// The entities and forums, with an index of every spelling.
#[derive(Debug, Clone)]
pub struct Registry {
    entities: Vec<Entity>,
    forums: Vec<Forum>,
    /// Folded spelling to the entity's position in `entities` and how it is spelt.
    index: HashMap<String, (usize, Spelling)>,
}

/// The built-in registry file.
const BUILTIN: &str = include_str!("../../data/registry.toml");

impl Registry {
    /// The registry of `data/registry.toml`, read once per process.
    pub fn builtin() -> &'static Registry {
        static BUILTIN_REGISTRY: OnceLock<Registry> = OnceLock::new();
        BUILTIN_REGISTRY.get_or_init(|| {
            Registry::from_toml(BUILTIN).unwrap_or_else(|e| panic!("data/registry.toml: {e}"))
        })
    }

    /// Reads a registry file. Every membership must name a known entity and every spelling must
    /// name one entity only.
    pub fn from_toml(text: &str) -> Result<Registry, String> {
        let file: RegistryFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let registry = Registry::new(file.entities, file.forums)?;
        for forum in &registry.forums {
            for event in &forum.events {
                for id in event.joined.iter().chain(&event.left) {
                    if registry.entity(id).is_none() {
                        return Err(format!(
                            "the forum {} names `{id}` on {}, which is no entity",
                            forum.name, event.date
                        ));
                    }
                }
            }
        }
        Ok(registry)
    }

    fn new(entities: Vec<Entity>, forums: Vec<Forum>) -> Result<Registry, String> {
        let mut registry = Registry {
            entities: Vec::new(),
            forums,
            index: HashMap::new(),
        };
        for entity in entities {
            registry.add(entity)?;
        }
        Ok(registry)
    }

    /// Adds an entity; a spelling that already names another entity is an error.
    fn add(&mut self, entity: Entity) -> Result<(), String> {
        let position = self.entities.len();
        let accepted = entity
            .en
            .iter()
            .chain(&entity.zh)
            .map(|n| (n, Spelling::Accepted));
        let aliases = entity.aliases.iter().map(|n| (n, Spelling::Alias));
        for (name, spelling) in accepted.chain(aliases) {
            let key = fold(name);
            if key.is_empty() {
                return Err(format!("`{}` has an empty name", entity.id));
            }
            if let Some((other, _)) = self.index.get(&key) {
                if *other != position {
                    return Err(format!(
                        "the name `{name}` of `{}` is already a name of `{}`",
                        entity.id, self.entities[*other].id
                    ));
                }
            }
            self.index.insert(key, (position, spelling));
        }
        self.entities.push(entity);
        Ok(())
    }

    /// This registry with more entities, such as a project's own members. An entity whose id is
    /// already known adds its names to that entity.
    pub fn with_entities(
        &self,
        extra: impl IntoIterator<Item = Entity>,
    ) -> Result<Registry, String> {
        let mut entities = self.entities.clone();
        for entity in extra {
            match entities.iter_mut().find(|e| e.id == entity.id) {
                Some(known) => {
                    known.en.extend(entity.en);
                    known.zh.extend(entity.zh);
                    known.aliases.extend(entity.aliases);
                }
                None => entities.push(entity),
            }
        }
        Registry::new(entities, self.forums.clone())
    }

    /// Every entity, in the order of the registry.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }

    /// The entity a name stands for, in any language and any accepted spelling or alias.
    pub fn lookup(&self, name: &str) -> Option<Found<'_>> {
        let (position, spelling) = self.index.get(&fold(name))?;
        Some(Found {
            entity: &self.entities[*position],
            spelling: *spelling,
        })
    }

    /// The registry's spelling closest to a name it does not know, for did-you-mean; in the
    /// language the name is written in.
    pub fn closest(&self, name: &str) -> Option<&str> {
        let folded = fold(name);
        let keys = self.index.keys().map(String::as_str);
        let close = crate::suggest::suggest(&folded, keys)?;
        let (position, _) = self.index[close];
        let language = if name.chars().any(is_cjk) { "zh" } else { "en" };
        Some(self.entities[position].preferred(language))
    }

    /// The forum with this name (its short name or any other), compared folded.
    pub fn forum(&self, name: &str) -> Option<&Forum> {
        let folded = fold(name);
        self.forums.iter().find(|forum| {
            std::iter::once(&forum.name)
                .chain(&forum.names)
                .any(|n| fold(n) == folded)
        })
    }

    /// The ids of a forum's members on a date: who had joined by then and not left.
    pub fn members_on<'a>(&self, forum: &'a Forum, date: Date) -> BTreeSet<&'a str> {
        let mut members = BTreeSet::new();
        for event in forum.events.iter().filter(|e| e.date <= date) {
            members.extend(event.joined.iter().map(String::as_str));
            for id in &event.left {
                members.remove(id.as_str());
            }
        }
        members
    }
}

impl Forum {
    /// The forum as a sentence names it: "ASEM", "the EU".
    pub fn prose(&self) -> &str {
        self.prose.as_deref().unwrap_or(&self.name)
    }

    /// The events in which this entity joined or left the forum, oldest first: for messages
    /// such as "Russia joined ASEM on 2010-10-04".
    pub fn history(&self, id: &str) -> Vec<&MembershipEvent> {
        self.events
            .iter()
            .filter(|e| e.joined.iter().chain(&e.left).any(|m| m == id))
            .collect()
    }
}

/// A name reduced for comparison: NFC, lower case, punctuation as spaces, one space between
/// words, no leading "the". CJK text keeps its characters and loses its spaces.
pub fn fold(name: &str) -> String {
    let mut words = String::new();
    for c in name.nfc().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            words.push(c);
        } else if c == '\'' || c == '\u{2019}' {
            // "People's" and "People’s" are one word: the apostrophe does not split it.
        } else {
            words.push(' ');
        }
    }
    let mut folded = String::new();
    let mut previous_cjk = false;
    for word in words.split_whitespace() {
        let cjk = word.chars().next().is_some_and(is_cjk);
        if !(folded.is_empty() || (cjk && previous_cjk)) {
            folded.push(' ');
        }
        folded.push_str(word);
        previous_cjk = word.chars().last().is_some_and(is_cjk);
    }
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => folded,
    }
}

/// Whether a character is a Chinese, Japanese or Korean ideograph, which is written without
/// spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().expect("a date")
    }

    #[test]
    fn the_builtin_registry_reads() {
        let registry = Registry::builtin();
        assert!(registry.entities().len() >= 60);
    }

    #[test]
    fn names_fold_punctuation_case_spaces_and_a_leading_the() {
        assert_eq!(fold("Hong Kong, China"), fold("Hong Kong China"));
        assert_eq!(fold("The Netherlands"), "netherlands");
        assert_eq!(fold("  Viet   Nam "), "viet nam");
        assert_eq!(
            fold("People’s Republic of China"),
            fold("People's Republic of China")
        );
        assert_eq!(fold("中国 香港"), "中国香港");
        // NFC: "é" written as e and a combining accent is the same as the precomposed one.
        assert_eq!(fold("Cafe\u{301}"), fold("Caf\u{e9}"));
    }

    #[test]
    fn lookup_finds_every_spelling_in_every_language() {
        let registry = Registry::builtin();
        for name in ["Viet Nam", "越南", "viet nam", "Vietnam"] {
            assert_eq!(registry.lookup(name).expect(name).entity.id, "VN", "{name}");
        }
        assert_eq!(
            registry.lookup("Vietnam").unwrap().spelling,
            Spelling::Alias
        );
        assert_eq!(
            registry.lookup("Viet Nam").unwrap().spelling,
            Spelling::Accepted
        );
        assert_eq!(registry.lookup("Hong Kong China").unwrap().entity.id, "HK");
        assert_eq!(registry.lookup("the Netherlands").unwrap().entity.id, "NL");
        assert!(registry.lookup("Atlantis").is_none());
    }

    #[test]
    fn an_entity_has_its_codes_and_names() {
        let korea = Registry::builtin().lookup("Korea").unwrap().entity;
        assert_eq!(korea.iso_code(), Some("KR"));
        assert_eq!(korea.alpha3.as_deref(), Some("KOR"));
        assert_eq!(korea.english(), "Republic of Korea");
        assert_eq!(korea.chinese(), Some("韩国"));
        assert_eq!(korea.kind, Kind::State);
        let secretariat = Registry::builtin()
            .lookup("ASEAN Secretariat")
            .unwrap()
            .entity;
        assert_eq!(secretariat.iso_code(), None);
        assert_eq!(secretariat.kind, Kind::Organisation);
    }

    #[test]
    fn closest_suggests_the_registry_spelling() {
        let registry = Registry::builtin();
        assert_eq!(registry.closest("Viet Nma"), Some("Viet Nam"));
        assert_eq!(registry.closest("Vietnma"), Some("Viet Nam"));
        assert_eq!(registry.closest("Xyzzy"), None);
    }

    #[test]
    fn asem_had_45_members_in_october_2007_and_53_after_2014() {
        let registry = Registry::builtin();
        let asem = registry.forum("ASEM").unwrap();
        assert_eq!(registry.members_on(asem, date("1996-03-01")).len(), 26);
        assert_eq!(registry.members_on(asem, date("2004-10-08")).len(), 39);
        assert_eq!(registry.members_on(asem, date("2007-10-31")).len(), 45);
        assert_eq!(registry.members_on(asem, date("2010-10-04")).len(), 48);
        assert_eq!(registry.members_on(asem, date("2012-11-05")).len(), 51);
        assert_eq!(registry.members_on(asem, date("2020-01-01")).len(), 53);
        assert!(registry.members_on(asem, date("1996-02-29")).is_empty());
    }

    #[test]
    fn apec_has_21_economies_and_asean_11_members() {
        let registry = Registry::builtin();
        let apec = registry.forum("APEC").unwrap();
        assert_eq!(registry.members_on(apec, date("2014-09-05")).len(), 21);
        assert_eq!(registry.members_on(apec, date("1998-01-01")).len(), 18);
        let asean = registry.forum("ASEAN").unwrap();
        assert_eq!(registry.members_on(asean, date("2025-01-01")).len(), 10);
        assert_eq!(registry.members_on(asean, date("2025-10-26")).len(), 11);
    }

    #[test]
    fn the_united_kingdom_left_the_eu_after_31_january_2020() {
        let registry = Registry::builtin();
        let eu = registry.forum("European Union").unwrap();
        let before = registry.members_on(eu, date("2020-01-31"));
        let after = registry.members_on(eu, date("2020-02-01"));
        assert!(before.contains("GB") && !after.contains("GB"));
        assert_eq!((before.len(), after.len()), (28, 27));
    }

    #[test]
    fn a_project_entity_adds_names() {
        let extra = Entity {
            id: "sme-secretariat".into(),
            alpha3: None,
            kind: Kind::Organisation,
            en: vec!["SME Secretariat".into()],
            zh: vec!["中小企业秘书处".into()],
            aliases: vec!["Secretariat for SMEs".into()],
        };
        let registry = Registry::builtin().with_entities([extra]).unwrap();
        assert_eq!(
            registry.lookup("中小企业秘书处").unwrap().entity.id,
            "sme-secretariat"
        );
        assert!(Registry::builtin().lookup("SME Secretariat").is_none());
    }

    #[test]
    fn a_name_of_two_entities_is_refused() {
        let clash = Entity {
            id: "other".into(),
            alpha3: None,
            kind: Kind::Organisation,
            en: vec!["Viet-Nam".into()],
            zh: vec![],
            aliases: vec![],
        };
        let error = Registry::builtin().with_entities([clash]).unwrap_err();
        assert!(error.contains("`VN`"), "{error}");
    }
}
