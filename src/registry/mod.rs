//! The registry of members: states, economies and organisations, their names in each language,
//! and the dated membership of forums.
//!
//! The built-in registry is two files embedded in the binary and read once per process by
//! [`Registry::builtin`] (their formats are in `docs/registry.md`): `data/registry.toml`, written
//! by hand for the forums plenary knows, and `data/iso3166.json`, every country and territory of
//! ISO 3166-1, generated from Debian's iso-codes by `data/generate/iso3166.py`. The hand-written
//! entries win: the generated data adds the other countries, and codes and names the hand-written
//! entries lack. A project adds its own names (a secretariat, a commission) in `plenary.toml`;
//! [`Registry::with_entities`] makes a registry that holds both.
//!
//! Names are compared folded ([`fold`]): Unicode NFC, lower case, punctuation and runs of spaces
//! as one space, and a leading "the" dropped, so that "Hong Kong, China" is "Hong Kong China" and
//! "The Netherlands" is "Netherlands".

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::ast::Date;

/// What kind of member an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    State,
    /// A member economy that is not a state, such as Hong Kong, China in APEC.
    Economy,
    Organisation,
    /// A country or territory of ISO 3166-1 that the registry does not classify further: the
    /// generated data, since ISO does not say which are sovereign states.
    Country,
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
    /// The ISO 3166-1 numeric code, three digits, for states and economies.
    #[serde(default)]
    pub numeric: Option<String>,
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

/// A name that several entities go by, such as "Korea": the registry resolves it to none of
/// them, so that a declaration says which one it means.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ambiguous {
    /// The names, in any language: `["Korea"]`.
    pub names: Vec<String>,
    /// The ids of the entities they may name.
    pub ids: Vec<String>,
}

/// The contents of a registry file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegistryFile {
    #[serde(rename = "entity")]
    entities: Vec<Entity>,
    #[serde(rename = "ambiguous", default)]
    ambiguous: Vec<Ambiguous>,
    #[serde(rename = "forum", default)]
    forums: Vec<Forum>,
}

/// The contents of the generated ISO 3166-1 file. Its other fields say where it comes from.
#[derive(Debug, Deserialize)]
struct CountriesFile {
    countries: Vec<Country>,
}

/// A country or territory of ISO 3166-1, as `data/generate/iso3166.py` writes it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Country {
    id: String,
    alpha3: String,
    numeric: String,
    en: Vec<String>,
    #[serde(default)]
    zh: Vec<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

/// The entities and forums, with an index of every spelling.
#[derive(Debug, Clone)]
pub struct Registry {
    entities: Vec<Entity>,
    forums: Vec<Forum>,
    ambiguous: Vec<Ambiguous>,
    /// Folded spelling to the entity's position in `entities` and how it is spelt.
    index: HashMap<String, (usize, Spelling)>,
    /// Folded ambiguous name to its position in `ambiguous`.
    ambiguous_index: HashMap<String, usize>,
}

/// The hand-written registry file.
const BUILTIN: &str = include_str!("../../data/registry.toml");

/// The ISO 3166-1 countries and territories, generated from iso-codes.
const COUNTRIES: &str = include_str!("../../data/iso3166.json");

impl Registry {
    /// The registry of `data/registry.toml` and `data/iso3166.json`, read once per process.
    pub fn builtin() -> &'static Registry {
        static BUILTIN_REGISTRY: OnceLock<Registry> = OnceLock::new();
        BUILTIN_REGISTRY.get_or_init(|| {
            Registry::from_toml(BUILTIN, COUNTRIES)
                .unwrap_or_else(|e| panic!("data/registry.toml or data/iso3166.json: {e}"))
        })
    }

    /// Reads a hand-written registry file (TOML) and merges the generated ISO 3166-1 file (JSON)
    /// into it.
    /// Every membership must name a known entity, every spelling must name one entity only, and
    /// no entity of the hand-written file may go by a name it marks ambiguous.
    pub fn from_toml(text: &str, countries: &str) -> Result<Registry, String> {
        let file: RegistryFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let generated: CountriesFile =
            serde_json::from_str(countries).map_err(|e| e.to_string())?;
        let entities = merge(file.entities, generated.countries, &file.ambiguous)?;
        let registry = Registry::new(entities, file.forums, file.ambiguous)?;
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

    fn new(
        entities: Vec<Entity>,
        forums: Vec<Forum>,
        ambiguous: Vec<Ambiguous>,
    ) -> Result<Registry, String> {
        let mut ambiguous_index = HashMap::new();
        for (position, entry) in ambiguous.iter().enumerate() {
            if entry.ids.len() < 2 {
                return Err(format!(
                    "the ambiguous names {:?} list fewer than two entities",
                    entry.names
                ));
            }
            for name in &entry.names {
                ambiguous_index.insert(fold(name), position);
            }
        }
        let mut registry = Registry {
            entities: Vec::with_capacity(entities.len()),
            forums,
            ambiguous,
            index: HashMap::new(),
            ambiguous_index,
        };
        for entity in entities {
            registry.add(entity)?;
        }
        for entry in &registry.ambiguous {
            if let Some(id) = entry.ids.iter().find(|id| registry.entity(id).is_none()) {
                return Err(format!(
                    "the ambiguous names {:?} name `{id}`, which is no entity",
                    entry.names
                ));
            }
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
            if self.ambiguous_index.contains_key(&key) {
                return Err(format!(
                    "the name `{name}` of `{}` is marked ambiguous: it names several members",
                    entity.english()
                ));
            }
            if let Some((other, _)) = self.index.get(&key) {
                if *other != position {
                    return Err(format!(
                        "the name `{name}` of `{}` is already a name of {}",
                        entity.english(),
                        self.entities[*other].english()
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
        Registry::new(entities, self.forums.clone(), self.ambiguous.clone())
    }

    /// Every entity, in the order of the registry.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every forum, in the order of the registry.
    pub fn forums(&self) -> &[Forum] {
        &self.forums
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

    /// The entities an ambiguous name may stand for ("Korea": the Republic of Korea and the
    /// Democratic People's Republic of Korea), or `None` for a name that is not ambiguous.
    pub fn ambiguous(&self, name: &str) -> Option<Vec<&Entity>> {
        let position = self.ambiguous_index.get(&fold(name))?;
        let ids = &self.ambiguous[*position].ids;
        Some(ids.iter().filter_map(|id| self.entity(id)).collect())
    }

    /// The registry's spelling closest to a name it does not know, for did-you-mean; in the
    /// language the name is written in.
    pub fn closest(&self, name: &str) -> Option<&str> {
        let folded = fold(name);
        // Sorted, so that of two names equally close the same one is suggested on every run
        // (a hash map's order changes from run to run).
        let mut keys: Vec<&str> = self.index.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let close = crate::suggest::suggest(&folded, keys.into_iter())?;
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

/// The hand-written entities with the generated countries merged in. A country the hand-written
/// file has keeps its curated spellings, kind and aliases; it gains the codes and the Chinese
/// names it lacks, and the generated spellings it does not have become aliases (recognised, with
/// the curated spelling suggested). Any other country is added whole. A generated name that the
/// hand-written file marks ambiguous is dropped, so that it resolves to no one.
fn merge(
    mut entities: Vec<Entity>,
    countries: Vec<Country>,
    ambiguous: &[Ambiguous],
) -> Result<Vec<Entity>, String> {
    let reserved: HashSet<String> = ambiguous
        .iter()
        .flat_map(|a| &a.names)
        .map(|n| fold(n))
        .collect();
    let keep = |names: Vec<String>| -> Vec<String> {
        names
            .into_iter()
            .filter(|n| !reserved.contains(&fold(n)))
            .collect()
    };
    let mut by_id: HashMap<String, usize> = entities
        .iter()
        .enumerate()
        .map(|(position, e)| (e.id.clone(), position))
        .collect();
    for country in countries {
        let (en, mut zh, aliases) = (keep(country.en), keep(country.zh), keep(country.aliases));
        let Some(&position) = by_id.get(&country.id) else {
            by_id.insert(country.id.clone(), entities.len());
            entities.push(Entity {
                id: country.id,
                alpha3: Some(country.alpha3),
                numeric: Some(country.numeric),
                kind: Kind::Country,
                en,
                zh,
                aliases,
            });
            continue;
        };
        let known = &mut entities[position];
        if known.alpha3.as_ref().is_some_and(|a| *a != country.alpha3) {
            return Err(format!(
                "`{}` has the alpha-3 code {:?}, but ISO 3166-1 gives {}",
                known.id, known.alpha3, country.alpha3
            ));
        }
        known.alpha3 = Some(country.alpha3);
        known.numeric = Some(country.numeric);
        if known.zh.is_empty() {
            known.zh = std::mem::take(&mut zh);
        }
        let mut have: HashSet<String> = known
            .en
            .iter()
            .chain(&known.zh)
            .chain(&known.aliases)
            .map(|n| fold(n))
            .collect();
        for name in en.into_iter().chain(zh).chain(aliases) {
            if have.insert(fold(&name)) {
                known.aliases.push(name);
            }
        }
    }
    Ok(entities)
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
    // Most names are in NFC already (ASCII always is); skipping the normalisation for them keeps
    // loading the registry, which folds every name it has on every run, fast. For the same
    // reason the name is folded in one pass, into one string.
    let normalised: Cow<str> = if is_nfc_quick(name.chars()) == IsNormalized::Yes {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.nfc().collect())
    };
    let mut folded = String::with_capacity(name.len());
    // Whether a word ended since the last character kept, and whether that character was CJK.
    let mut between_words = false;
    let mut previous_cjk = false;
    for c in normalised.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            let cjk = is_cjk(c);
            if between_words && !folded.is_empty() && !(cjk && previous_cjk) {
                folded.push(' ');
            }
            between_words = false;
            folded.push(c);
            previous_cjk = cjk;
        } else if c == '\'' || c == '\u{2019}' {
            // "People's" and "People’s" are one word: the apostrophe does not split it.
        } else {
            between_words = true;
        }
    }
    if folded.starts_with("the ") {
        folded.drain(.."the ".len());
    }
    folded
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
        assert_eq!(fold(", the  Netherlands."), "netherlands");
        assert_eq!(fold("The"), "the");
        assert_eq!(fold("中国 Hong-Kong 香港"), "中国 hong kong 香港");
        assert_eq!(fold("Côte d’Ivoire"), "côte divoire");
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
        let korea = Registry::builtin().lookup("South Korea").unwrap().entity;
        assert_eq!(korea.iso_code(), Some("KR"));
        assert_eq!(korea.alpha3.as_deref(), Some("KOR"));
        assert_eq!(korea.english(), "Republic of Korea");
        assert_eq!(korea.chinese(), Some("韩国"));
        assert_eq!(korea.kind, Kind::State);
        assert_eq!(korea.numeric.as_deref(), Some("410"));
        let secretariat = Registry::builtin()
            .lookup("ASEAN Secretariat")
            .unwrap()
            .entity;
        assert_eq!(secretariat.iso_code(), None);
        assert_eq!(secretariat.kind, Kind::Organisation);
    }

    #[test]
    fn every_country_of_iso_3166_is_known_with_its_codes() {
        let registry = Registry::builtin();
        let countries = registry.entities().iter().filter(|e| e.alpha3.is_some());
        assert_eq!(countries.count(), 249);
        for (name, id, alpha3) in [
            ("Kenya", "KE", "KEN"),
            ("Brazil", "BR", "BRA"),
            ("Côte d'Ivoire", "CI", "CIV"),
            ("Côte d\u{2019}Ivoire", "CI", "CIV"),
            ("肯尼亚", "KE", "KEN"),
            ("巴西", "BR", "BRA"),
            ("Republic of Kenya", "KE", "KEN"),
            ("Democratic Republic of the Congo", "CD", "COD"),
            ("Republic of the Congo", "CG", "COG"),
        ] {
            let found = registry.lookup(name).expect(name);
            assert_eq!(found.entity.id, id, "{name}");
            assert_eq!(found.entity.alpha3.as_deref(), Some(alpha3), "{name}");
            assert_eq!(found.spelling, Spelling::Accepted, "{name}");
        }
        let kenya = registry.entity("KE").unwrap();
        assert_eq!(kenya.kind, Kind::Country);
        assert_eq!(kenya.chinese(), Some("肯尼亚"));
    }

    #[test]
    fn a_curated_entity_keeps_its_spellings_and_gains_the_iso_ones_as_aliases() {
        let registry = Registry::builtin();
        let viet_nam = registry.entity("VN").unwrap();
        assert_eq!(viet_nam.english(), "Viet Nam");
        assert_eq!(viet_nam.kind, Kind::State);
        assert_eq!(viet_nam.numeric.as_deref(), Some("704"));
        let official = registry.lookup("Socialist Republic of Viet Nam").unwrap();
        assert_eq!(official.entity.id, "VN");
        assert_eq!(official.spelling, Spelling::Alias);
        // ISO's inverted form and its name for Taiwan lead to the APEC member.
        assert_eq!(
            registry.lookup("Korea, Republic of").unwrap().entity.id,
            "KR"
        );
        let taipei = registry.lookup("Taiwan, Province of China").unwrap();
        assert_eq!(taipei.entity.english(), "Chinese Taipei");
        assert_eq!(taipei.spelling, Spelling::Alias);
    }

    #[test]
    fn a_former_name_leads_to_the_state_and_not_to_a_close_one() {
        let registry = Registry::builtin();
        for (name, id, current) in [
            ("Turkey", "TR", "Türkiye"),
            ("Swaziland", "SZ", "Eswatini"),
            ("Macedonia", "MK", "North Macedonia"),
            ("Ivory Coast", "CI", "Côte d'Ivoire"),
        ] {
            let found = registry.lookup(name).expect(name);
            assert_eq!(found.entity.id, id, "{name}");
            assert_eq!(found.spelling, Spelling::Alias, "{name}");
            assert_eq!(found.entity.english(), current, "{name}");
        }
        // The generated data still gives the codes and the Chinese name.
        let turkey = registry.entity("TR").unwrap();
        assert_eq!(turkey.alpha3.as_deref(), Some("TUR"));
        assert_eq!(turkey.chinese(), Some("土耳其"));
    }

    #[test]
    fn an_ambiguous_name_resolves_to_no_one() {
        let registry = Registry::builtin();
        for (name, ids) in [
            ("Korea", ["KR", "KP"]),
            ("Congo", ["CG", "CD"]),
            ("the Congo", ["CG", "CD"]),
            ("刚果", ["CG", "CD"]),
        ] {
            assert!(registry.lookup(name).is_none(), "{name}");
            let found: Vec<&str> = registry
                .ambiguous(name)
                .expect(name)
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            assert_eq!(found, ids, "{name}");
        }
        assert!(registry.ambiguous("Kenya").is_none());
    }

    #[test]
    fn a_curated_name_marked_ambiguous_is_refused() {
        let clash = Entity {
            id: "other".into(),
            alpha3: None,
            numeric: None,
            kind: Kind::Organisation,
            en: vec!["Korea".into()],
            zh: vec![],
            aliases: vec![],
        };
        let error = Registry::builtin().with_entities([clash]).unwrap_err();
        assert!(error.contains("ambiguous"), "{error}");
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
            numeric: None,
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
            numeric: None,
            kind: Kind::Organisation,
            en: vec!["Viet-Nam".into()],
            zh: vec![],
            aliases: vec![],
        };
        let error = Registry::builtin().with_entities([clash]).unwrap_err();
        assert!(error.contains("a name of Viet Nam"), "{error}");
    }
}
