//! Project configuration: `plenary.toml`, next to the checked file or in a folder above it.
//!
//! It sets the level of each check (`[levels]`: "error", "warning" or "off") and adds the
//! project's own members to the registry (`[[member]]`). `docs/configuration.md` describes the
//! file for drafters. Levels are applied centrally, after the checks ran
//! ([`Config::apply_levels`]), so no check knows about them.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostic::{Diagnostic, Severity};
use crate::registry::{Entity, Kind, Registry};
use crate::source::{Source, Span};
use crate::suggest::suggest;

/// The name of the configuration file.
pub const FILE_NAME: &str = "plenary.toml";

/// What the project makes of a check's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Off,
}

impl Level {
    const NAMES: [&'static str; 3] = ["error", "warning", "off"];

    fn from_name(name: &str) -> Option<Level> {
        match name {
            "error" => Some(Level::Error),
            "warning" => Some(Level::Warning),
            "off" => Some(Level::Off),
            _ => None,
        }
    }
}

/// A project's configuration. The default one sets no level and uses the built-in registry.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The level of each check whose level the project sets, by code.
    pub levels: HashMap<&'static str, Level>,
    /// The built-in registry with the project's members, if it adds any.
    registry: Option<Registry>,
    /// The project's own words, which the spelling check accepts.
    words: Vec<String>,
}

/// A configuration read from a file, with what is wrong in it.
#[derive(Debug)]
pub struct Loaded {
    pub config: Config,
    /// The text of the file, which `diagnostics` point into.
    pub source: Source,
    /// Problems in the file that do not stop it from being used, such as an unknown code.
    pub diagnostics: Vec<Diagnostic>,
}

/// A configuration file that cannot be used, and why: a diagnostic pointing into its source.
#[derive(Debug)]
pub struct Unusable {
    pub source: Source,
    pub diagnostic: Diagnostic,
}

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    levels: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default, rename = "member")]
    members: Vec<MemberEntry>,
    #[serde(default)]
    spelling: SpellingTable,
}

/// The `[spelling]` table of the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct SpellingTable {
    /// Words the English dictionary lacks that the project's texts use rightly.
    #[serde(default)]
    words: Vec<String>,
}

/// One `[[member]]` of the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberEntry {
    name: Spanned<String>,
    #[serde(default)]
    zh: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    kind: Option<Kind>,
}

impl Config {
    /// The registry to check against: the built-in one, with the project's members.
    pub fn registry(&self) -> &Registry {
        self.registry
            .as_ref()
            .unwrap_or_else(|| Registry::builtin())
    }

    /// The project's own words, which the spelling check accepts in any case.
    pub fn words(&self) -> &[String] {
        &self.words
    }

    /// Drops the findings of checks set to "off" and gives the others the level set for them.
    pub fn apply_levels(&self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain_mut(|diagnostic| match self.levels.get(diagnostic.code) {
            None => true,
            Some(Level::Off) => false,
            Some(Level::Error) => {
                diagnostic.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                diagnostic.severity = Severity::Warning;
                true
            }
        });
    }

    /// The `plenary.toml` that governs files in `folder`: the one in it, or in the nearest folder
    /// above it that has one.
    pub fn find(folder: &Path) -> Option<PathBuf> {
        let folder = std::path::absolute(folder).ok()?;
        folder
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|candidate| candidate.is_file())
    }

    /// Reads a configuration file. `name` is how messages call it. A file that cannot be read,
    /// is not TOML or does not have the shape of a configuration is an `Err`: a diagnostic
    /// that points into its source, to be shown instead of checking with a configuration that
    /// is not what the project meant.
    pub fn load(name: &str, bytes: &[u8]) -> Result<Loaded, Box<Unusable>> {
        let (source, decode_error) = Source::decode(name, bytes);
        if decode_error.is_some() {
            let diagnostic =
                Diagnostic::error("config::malformed", format!("`{name}` is not UTF-8 text"))
                    .help("save the configuration as UTF-8 text");
            return Err(Box::new(Unusable { source, diagnostic }));
        }
        let file: ConfigFile = match toml::from_str(source.text()) {
            Ok(file) => file,
            Err(error) => {
                let diagnostic = malformed(&error);
                return Err(Box::new(Unusable { source, diagnostic }));
            }
        };
        let mut diagnostics = Vec::new();
        let levels = levels(&file.levels, &mut diagnostics);
        let registry = project_registry(file.members, &mut diagnostics);
        Ok(Loaded {
            config: Config {
                levels,
                registry,
                words: file.spelling.words,
            },
            source,
            diagnostics,
        })
    }
}

fn span_of<T>(spanned: &Spanned<T>) -> Span {
    let range = spanned.span();
    Span::new(range.start, range.end)
}

fn malformed(error: &toml::de::Error) -> Diagnostic {
    // toml's messages are full sentences over several lines; the first line says what is wrong.
    let message = error.message().lines().next().unwrap_or("").trim();
    let mut diagnostic = Diagnostic::error(
        "config::malformed",
        format!("the configuration cannot be read: {message}"),
    );
    if let Some(range) = error.span() {
        diagnostic = diagnostic.primary(Span::new(range.start, range.end), "here");
    }
    diagnostic.help(
        "a configuration has a `[levels]` table (\"members::unknown\" = \"off\") and \
         `[[member]]` entries (name, zh, aliases, kind) and a `[spelling]` table (words); see \
         docs/configuration.md",
    )
}

/// The `[levels]` table, checked: codes of checks and known levels only.
fn levels(
    table: &BTreeMap<Spanned<String>, Spanned<String>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> HashMap<&'static str, Level> {
    let mut levels = HashMap::new();
    for (code, level) in table {
        let Some(check) = crate::check::find(code.get_ref()) else {
            diagnostics.push(unknown_code(code));
            continue;
        };
        match Level::from_name(level.get_ref()) {
            Some(level) => {
                levels.insert(check, level);
            }
            None => diagnostics.push(
                Diagnostic::error(
                    "config::unknown-level",
                    format!("`{}` is not a level", level.get_ref()),
                )
                .primary(span_of(level), "not a level")
                .help(match suggest(level.get_ref(), Level::NAMES.into_iter()) {
                    Some(close) => format!(
                        "did you mean \"{close}\"? A level is \"error\", \"warning\" or \"off\""
                    ),
                    None => "a level is \"error\", \"warning\" or \"off\"".to_string(),
                }),
            ),
        }
    }
    levels
}

fn unknown_code(code: &Spanned<String>) -> Diagnostic {
    let name = code.get_ref();
    // Problems found while reading a file are not checks: a file that does not read cannot be
    // checked, so they have no level to set.
    if let Some(area) = ["syntax", "input", "config"].into_iter().find(|area| {
        name.strip_prefix(area)
            .is_some_and(|rest| rest.starts_with("::"))
    }) {
        return Diagnostic::error(
            "config::unknown-code",
            format!("`{name}` is not a check, so it has no level to set"),
        )
        .primary(
            span_of(code),
            format!("a problem of {area}, always reported"),
        )
        .help(
            "remove this line; only the codes of checks can be given a level (`plenary explain CODE` says whether a code can)",
        );
    }
    let codes = crate::check::CHECKS.iter().map(|check| check.code);
    let diagnostic = Diagnostic::error(
        "config::unknown-code",
        format!("no check has the code `{name}`"),
    )
    .primary(span_of(code), "unknown code");
    match suggest(name, codes) {
        Some(close) => diagnostic.help(format!("did you mean `{close}`?")),
        None => diagnostic.help("`plenary explain` lists every code"),
    }
}

/// The built-in registry with the project's members, or `None` when it adds none.
fn project_registry(
    members: Vec<MemberEntry>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Registry> {
    if members.is_empty() {
        return None;
    }
    let mut registry = Registry::builtin().clone();
    for member in members {
        let span = span_of(&member.name);
        let name = member.name.into_inner();
        if let Some(found) = registry.lookup(&name) {
            diagnostics.push(
                Diagnostic::error(
                    "config::member-already-known",
                    format!(
                        "`{name}` is already in the registry, as `{}`",
                        found.entity.english()
                    ),
                )
                .primary(span, "already known")
                .help("remove this entry: the registry's name is checked already"),
            );
            continue;
        }
        let entity = Entity::named(
            &name.clone(),
            member.kind.unwrap_or(Kind::Organisation),
            vec![name],
            member.zh.into_iter().collect(),
            member.aliases,
        );
        match registry.with_entities([entity]) {
            Ok(bigger) => registry = bigger,
            Err(why) => diagnostics.push(
                Diagnostic::error(
                    "config::member-already-known",
                    format!("this member cannot be added: {why}"),
                )
                .primary(span, "this member")
                .help("give each member names that no other member has"),
            ),
        }
    }
    Some(registry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Loaded {
        Config::load("plenary.toml", text.as_bytes()).expect("a configuration")
    }

    #[test]
    fn levels_are_read_and_applied() {
        let loaded = load("[levels]\n\"references::unresolved\" = \"warning\"\n");
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let mut diagnostics = vec![Diagnostic::error("references::unresolved", "x")];
        loaded.config.apply_levels(&mut diagnostics);
        assert_eq!(diagnostics[0].severity, Severity::Warning);
    }

    #[test]
    fn off_drops_the_findings() {
        let loaded = load("[levels]\n\"references::unresolved\" = \"off\"\n");
        let mut diagnostics = vec![
            Diagnostic::error("references::unresolved", "x"),
            Diagnostic::error("syntax::unclosed", "y"),
        ];
        loaded.config.apply_levels(&mut diagnostics);
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, "syntax::unclosed");
    }

    #[test]
    fn an_unknown_code_points_at_its_line_and_suggests() {
        let text = "[levels]\n\"references::unresolvd\" = \"off\"\n";
        let loaded = load(text);
        let diagnostic = &loaded.diagnostics[0];
        assert_eq!(diagnostic.code, "config::unknown-code");
        let span = diagnostic.primary_span().unwrap();
        assert_eq!(
            &text[span.start as usize..span.end as usize],
            "\"references::unresolvd\""
        );
        assert!(diagnostic
            .help
            .as_deref()
            .unwrap()
            .contains("references::unresolved"));
    }

    #[test]
    fn a_syntax_code_cannot_be_given_a_level() {
        let loaded = load("[levels]\n\"syntax::unclosed\" = \"off\"\n");
        assert_eq!(loaded.diagnostics[0].code, "config::unknown-code");
        assert!(loaded.diagnostics[0].message.contains("not a check"));
        assert!(loaded.config.levels.is_empty());
    }

    #[test]
    fn an_unknown_level_is_reported() {
        let loaded = load("[levels]\n\"references::unresolved\" = \"warn\"\n");
        assert_eq!(loaded.diagnostics[0].code, "config::unknown-level");
        assert!(loaded.config.levels.is_empty());
    }

    #[test]
    fn malformed_toml_is_an_error_with_a_place() {
        let diagnostic = Config::load("plenary.toml", b"[levels\n")
            .unwrap_err()
            .diagnostic;
        assert_eq!(diagnostic.code, "config::malformed");
        assert!(diagnostic.primary_span().is_some());
        let diagnostic = Config::load("plenary.toml", b"[level]\n")
            .unwrap_err()
            .diagnostic;
        assert!(
            diagnostic.message.contains("level"),
            "{}",
            diagnostic.message
        );
    }

    #[test]
    fn project_members_join_the_registry() {
        let loaded = load(
            "[[member]]\nname = \"SME Secretariat\"\nzh = \"中小企业秘书处\"\naliases = [\"SMES\"]\n",
        );
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let registry = loaded.config.registry();
        assert_eq!(
            registry.lookup("中小企业秘书处").unwrap().entity.english(),
            "SME Secretariat"
        );
        assert!(registry.lookup("Viet Nam").is_some());
    }

    #[test]
    fn a_project_member_the_registry_knows_is_reported() {
        let loaded = load("[[member]]\nname = \"Viet Nam\"\n");
        assert_eq!(loaded.diagnostics[0].code, "config::member-already-known");
    }
}
