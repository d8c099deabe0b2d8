//! Turns the English word lists of `data/spelling/` into the set the spelling check reads
//! (`src/spelling.rs`): an `fst` map from each word to the spellings that accept it, written to
//! `OUT_DIR` and included in the binary, so that a run of `plenary check` looks words up with
//! no parsing at all.
//!
//! Also writes the registry of `data/registry.toml` as JSON to `OUT_DIR`, which the binary
//! includes: reading the TOML took 2.6 ms of every run, the same data as JSON a fraction of it.
//! The TOML stays the file people edit, and its own errors are reported here, at build time.
//!
//! And it folds every name of the registry's data (`data/registry.toml`, `data/iso3166.json`)
//! with the library's own fold (`src/registry/fold.rs`, compiled in here too), and writes the
//! names with their folds as a table the registry reads: folding them was most of the time of
//! reading the registry, which every run does.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

// The library's fold, so that the names are folded here exactly as a run folds them. Only
// `fold` is used here.
#[allow(dead_code)]
#[path = "src/registry/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/unicode.rs"]
mod unicode;

/// The lists, with the spellings that accept their words: American (1), British (2), both (3).
/// `words.txt` is the project's own list, kept by hand, of words the dictionaries lack.
const LISTS: [(&str, u64); 4] = [
    ("en.txt", 3),
    ("en-us.txt", 1),
    ("en-gb.txt", 2),
    ("words.txt", 3),
];

fn main() {
    spelling();
    let registry = registry();
    folded_names(&registry);
}

/// Writes `folded.rs`: every string of the registry's data with its fold, sorted by the string,
/// as the Rust source of a static table. The strings that are no names (ids, dates) are folded
/// too: a few more rows cost nothing, and no name is missed.
fn folded_names(registry: &serde_json::Value) {
    fn strings<'v>(value: &'v serde_json::Value, out: &mut BTreeSet<&'v str>) {
        match value {
            serde_json::Value::String(s) => {
                out.insert(s.as_str());
            }
            serde_json::Value::Array(values) => values.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    for source in [
        "src/unicode.rs",
        "src/registry/fold.rs",
        "data/iso3166.json",
    ] {
        println!("cargo:rerun-if-changed={source}");
    }
    let text = std::fs::read_to_string("data/iso3166.json")
        .unwrap_or_else(|e| panic!("cannot read data/iso3166.json: {e}"));
    let countries: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("data/iso3166.json: {e}"));
    let mut names = BTreeSet::new();
    strings(registry, &mut names);
    strings(&countries, &mut names);
    let mut table = String::from("&[\n");
    for name in names {
        table.push_str(&format!("    ({name:?}, {:?}),\n", fold::fold(name)));
    }
    table.push_str("]\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("folded.rs");
    std::fs::write(&out, table).expect("OUT_DIR is writable");
}

/// Writes `registry.json` and returns what it holds.
fn registry() -> serde_json::Value {
    let path = Path::new("data/registry.toml");
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let value: toml::Value =
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = serde_json::to_value(&value).expect("a TOML value is JSON");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("registry.json");
    std::fs::write(&out, json.to_string()).expect("OUT_DIR is writable");
    json
}

fn spelling() {
    let dir = Path::new("data/spelling");
    let mut words: BTreeMap<String, u64> = BTreeMap::new();
    for (name, spellings) in LISTS {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        for line in text.lines() {
            let word = line.split('#').next().unwrap_or("").trim();
            if !word.is_empty() {
                *words.entry(word.to_string()).or_default() |= spellings;
            }
        }
    }
    let mut map = fst::MapBuilder::memory();
    for (word, spellings) in &words {
        map.insert(word, *spellings).expect("the words are sorted");
    }
    let bytes = map.into_inner().expect("an fst in memory");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("en.fst");
    std::fs::write(&out, bytes).expect("OUT_DIR is writable");
}
